/**
 * Min-cost flow on integer costs and capacities, by the primal-dual method (最小费用流，原始-对偶法).
 *
 * Each phase runs one Dijkstra on reduced costs c(u,v) + π(u) − π(v) (never negative, so Dijkstra is exact), raises
 * the potentials by the distances, and then pushes a whole blocking flow (Dinic: BFS levels + DFS with current-arc
 * pointers, repeated until the sink is cut off) through the admissible subgraph — the residual arcs whose reduced
 * cost is 0. A phase therefore augments along every shortest path of the current length at once instead of one path
 * per Dijkstra, and the number of phases is the number of distinct shortest-path lengths, not the flow value.
 *
 * Invariant (checked by `certify`): after every phase each residual arc has reduced cost ≥ 0, which makes the final
 * potentials a dual solution. Weak duality then gives a lower bound on the cost of every flow of the same value, and a
 * flow whose cost equals that bound is optimal — a certificate that does not depend on how the flow was found.
 *
 * Storage: arcs are collected with `addArc`, then laid out once in CSR form (per node, the forward arcs and the
 * reverse arcs leaving it) in typed arrays; capacities and costs are Int32, potentials and distances Float64.
 * Pure computation: no I/O.
 */

export interface FlowSolution {
  /** Units sent from source to sink (≤ the limit). */
  flow: number;
  /** Σ cost × flow over the arcs. */
  cost: number;
  /** Dijkstra runs (each followed by a blocking-flow stage). */
  phases: number;
  /** Augmenting paths pushed in all blocking flows. */
  augmentations: number;
}

export interface FlowCertificate {
  /** Every arc within [0, capacity] and flow conserved at every node except source and sink. */
  primalFeasible: boolean;
  /** Σ cost × flow recomputed from the arc list. */
  cost: number;
  /** Weak-duality lower bound from the final potentials on the cost of any flow of this value. */
  dualBound: number;
  /** Residual arcs with negative reduced cost under the final potentials (0 ⇔ the potentials prove optimality). */
  negativeReducedCostArcs: number;
}

const INF = Number.POSITIVE_INFINITY;

export class MinCostFlow {
  readonly nodeCount: number;
  private arcCount = 0;
  private from: Int32Array;
  private to: Int32Array;
  private capacity: Int32Array;
  private unitCost: Int32Array;
  private built = false;
  // CSR residual graph (2 entries per arc), filled by build().
  private head = new Int32Array(0);
  private rTo = new Int32Array(0);
  private rCap = new Int32Array(0);
  private rCost = new Int32Array(0);
  private rRev = new Int32Array(0);
  /** CSR position of each arc's forward entry. */
  private forwardAt = new Int32Array(0);
  private potential: Float64Array;
  private source = -1;
  private sink = -1;
  private flowValue = 0;

  constructor(nodeCount: number, expectedArcs = 16) {
    this.nodeCount = nodeCount;
    const size = Math.max(16, expectedArcs);
    this.from = new Int32Array(size);
    this.to = new Int32Array(size);
    this.capacity = new Int32Array(size);
    this.unitCost = new Int32Array(size);
    this.potential = new Float64Array(nodeCount);
  }

  /** Adds an arc; costs must be non-negative integers (the start potentials are 0). Returns the arc's id. */
  addArc(u: number, v: number, capacity: number, cost: number): number {
    if (this.built) throw new Error('网络已求解，不能再加弧');
    if (!(u >= 0 && u < this.nodeCount && v >= 0 && v < this.nodeCount)) throw new Error(`弧的端点越界：${u}→${v}`);
    if (!Number.isInteger(capacity) || capacity < 0 || capacity > 0x3fffffff) throw new Error(`弧容量须为非负整数：${capacity}`);
    if (!Number.isInteger(cost) || cost < 0 || cost > 0x3fffffff) throw new Error(`弧费用须为非负整数：${cost}`);
    if (this.arcCount === this.from.length) this.grow();
    const id = this.arcCount++;
    this.from[id] = u;
    this.to[id] = v;
    this.capacity[id] = capacity;
    this.unitCost[id] = cost;
    return id;
  }

  get arcs(): number {
    return this.arcCount;
  }

  private grow(): void {
    const size = this.from.length * 2;
    const copy = (a: Int32Array) => {
      const b = new Int32Array(size);
      b.set(a);
      return b;
    };
    this.from = copy(this.from);
    this.to = copy(this.to);
    this.capacity = copy(this.capacity);
    this.unitCost = copy(this.unitCost);
  }

  private build(): void {
    const n = this.nodeCount;
    const m = this.arcCount;
    const head = new Int32Array(n + 1);
    for (let a = 0; a < m; a++) {
      head[this.from[a]! + 1]!++;
      head[this.to[a]! + 1]!++;
    }
    for (let v = 0; v < n; v++) head[v + 1]! += head[v]!;
    const fill = head.slice(0, n);
    const rTo = new Int32Array(2 * m);
    const rCap = new Int32Array(2 * m);
    const rCost = new Int32Array(2 * m);
    const rRev = new Int32Array(2 * m);
    const forwardAt = new Int32Array(m);
    for (let a = 0; a < m; a++) {
      const u = this.from[a]!;
      const v = this.to[a]!;
      const f = fill[u]!++;
      const r = fill[v]!++;
      rTo[f] = v;
      rCap[f] = this.capacity[a]!;
      rCost[f] = this.unitCost[a]!;
      rRev[f] = r;
      rTo[r] = u;
      rCap[r] = 0;
      rCost[r] = -this.unitCost[a]!;
      rRev[r] = f;
      forwardAt[a] = f;
    }
    this.head = head;
    this.rTo = rTo;
    this.rCap = rCap;
    this.rCost = rCost;
    this.rRev = rRev;
    this.forwardAt = forwardAt;
    this.built = true;
  }

  /** Sends up to `limit` units from source to sink at minimum cost; among flows of the value reached, the cheapest. */
  solve(source: number, sink: number, limit = INF): FlowSolution {
    if (this.built) throw new Error('网络只能求解一次');
    if (source === sink) throw new Error('源点与汇点相同');
    this.build();
    this.source = source;
    this.sink = sink;
    const n = this.nodeCount;
    const { head, rTo, rCap, rCost, rRev } = this;
    const pi = this.potential;
    const dist = new Float64Array(n);
    const done = new Uint8Array(n);
    // Indexed binary heap keyed by dist.
    const heap = new Int32Array(n);
    const where = new Int32Array(n);
    const level = new Int32Array(n);
    const queue = new Int32Array(n);
    const current = new Int32Array(n);
    const pathArc = new Int32Array(n);
    const pathNode = new Int32Array(n + 1);
    let flow = 0;
    let cost = 0;
    let phases = 0;
    let augmentations = 0;

    const siftUp = (i: number) => {
      const v = heap[i]!;
      const d = dist[v]!;
      while (i > 0) {
        const p = (i - 1) >> 1;
        const w = heap[p]!;
        if (dist[w]! <= d) break;
        heap[i] = w;
        where[w] = i;
        i = p;
      }
      heap[i] = v;
      where[v] = i;
    };
    const siftDown = (i: number, size: number) => {
      const v = heap[i]!;
      const d = dist[v]!;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= size) break;
        if (c + 1 < size && dist[heap[c + 1]!]! < dist[heap[c]!]!) c++;
        const w = heap[c]!;
        if (dist[w]! >= d) break;
        heap[i] = w;
        where[w] = i;
        i = c;
      }
      heap[i] = v;
      where[v] = i;
    };

    /** Shortest reduced distances from the source, stopped once the sink is settled; returns dist(sink). */
    const dijkstra = (): number => {
      dist.fill(INF);
      done.fill(0);
      where.fill(-1);
      let size = 0;
      dist[source] = 0;
      heap[0] = source;
      where[source] = 0;
      size = 1;
      while (size > 0) {
        const u: number = heap[0]!;
        size--;
        where[u] = -1;
        if (size > 0) {
          heap[0] = heap[size]!;
          where[heap[0]!] = 0;
          siftDown(0, size);
        }
        done[u] = 1;
        if (u === sink) break;
        const du = dist[u]! + pi[u]!;
        for (let e: number = head[u]!, end = head[u + 1]!; e < end; e++) {
          if (rCap[e]! <= 0) continue;
          const v = rTo[e]!;
          if (done[v]) continue;
          const nd = du + rCost[e]! - pi[v]!;
          if (nd < dist[v]!) {
            dist[v] = nd;
            if (where[v]! < 0) {
              heap[size] = v;
              where[v] = size;
              size++;
            }
            siftUp(where[v]!);
          }
        }
      }
      return dist[sink]!;
    };

    /** Dinic levels on the admissible arcs (residual, reduced cost 0); true when the sink is reached. */
    const levels = (): boolean => {
      level.fill(-1);
      level[source] = 0;
      queue[0] = source;
      let qh = 0;
      let qt = 1;
      while (qh < qt) {
        const u = queue[qh++]!;
        const lu = level[u]!;
        if (level[sink]! >= 0 && lu >= level[sink]!) break;
        const pu = pi[u]!;
        for (let e = head[u]!, end = head[u + 1]!; e < end; e++) {
          if (rCap[e]! <= 0) continue;
          const v = rTo[e]!;
          if (level[v]! >= 0) continue;
          if (rCost[e]! + pu - pi[v]! !== 0) continue;
          level[v] = lu + 1;
          queue[qt++] = v;
        }
      }
      return level[sink]! >= 0;
    };

    /** One blocking flow on the level graph (iterative DFS with current-arc pointers). */
    const blockingFlow = (room: number): number => {
      for (let v = 0; v < n; v++) current[v] = head[v]!;
      let pushed = 0;
      let depth = 0;
      pathNode[0] = source;
      while (pushed < room) {
        const u: number = pathNode[depth]!;
        if (u === sink) {
          let f = room - pushed;
          for (let i = 0; i < depth; i++) f = Math.min(f, rCap[pathArc[i]!]!);
          let back = depth;
          for (let i = 0; i < depth; i++) {
            const e = pathArc[i]!;
            rCap[e]! -= f;
            rCap[rRev[e]!]! += f;
            cost += f * rCost[e]!;
            if (rCap[e] === 0 && i < back) back = i;
          }
          pushed += f;
          augmentations++;
          depth = back;
          continue;
        }
        let advanced = false;
        const lu = level[u]! + 1;
        const pu = pi[u]!;
        for (let e = current[u]!, end = head[u + 1]!; e < end; e++) {
          current[u] = e;
          if (rCap[e]! <= 0) continue;
          const v = rTo[e]!;
          if (level[v] !== lu) continue;
          if (rCost[e]! + pu - pi[v]! !== 0) continue;
          pathArc[depth] = e;
          pathNode[++depth] = v;
          advanced = true;
          break;
        }
        if (advanced) continue;
        current[u] = head[u + 1]!;
        if (depth === 0) break;
        level[u] = -1; // dead end: no path to the sink through u in this level graph
        depth--;
        current[pathNode[depth]!]!++;
      }
      return pushed;
    };

    while (flow < limit) {
      const d = dijkstra();
      phases++;
      if (d === INF) break;
      for (let v = 0; v < n; v++) {
        const dv = dist[v]!;
        pi[v]! += dv < d ? dv : d;
      }
      while (flow < limit && levels()) {
        const f = blockingFlow(limit - flow);
        if (f === 0) break;
        flow += f;
      }
    }
    this.flowValue = flow;
    return { flow, cost, phases, augmentations };
  }

  /** Units on an arc (by the id `addArc` returned) after `solve`. */
  flowOn(arc: number): number {
    if (!this.built) return 0;
    return this.capacity[arc]! - this.rCap[this.forwardAt[arc]!]!;
  }

  /** Nodes reachable from the source through residual arcs after `solve` (the source side of a minimum cut). */
  residualReachable(): Uint8Array {
    const seen = new Uint8Array(this.nodeCount);
    if (!this.built) return seen;
    const stack = [this.source];
    seen[this.source] = 1;
    while (stack.length > 0) {
      const u = stack.pop()!;
      for (let e = this.head[u]!, end = this.head[u + 1]!; e < end; e++) {
        const v = this.rTo[e]!;
        if (this.rCap[e]! > 0 && !seen[v]) {
          seen[v] = 1;
          stack.push(v);
        }
      }
    }
    return seen;
  }

  /**
   * An optimality certificate recomputed from the arc list alone: primal feasibility, the cost, and the weak-duality
   * bound F·(π(t) − π(s)) + Σ cap·min(0, c + π(u) − π(v)), which no flow of value F can beat.
   */
  certify(): FlowCertificate {
    if (!this.built) throw new Error('尚未求解');
    const pi = this.potential;
    const balance = new Float64Array(this.nodeCount);
    let primalFeasible = true;
    let cost = 0;
    let dualBound = this.flowValue * (pi[this.sink]! - pi[this.source]!);
    let negativeReducedCostArcs = 0;
    for (let a = 0; a < this.arcCount; a++) {
      const u = this.from[a]!;
      const v = this.to[a]!;
      const x = this.flowOn(a);
      const cap = this.capacity[a]!;
      if (x < 0 || x > cap) primalFeasible = false;
      balance[u]! -= x;
      balance[v]! += x;
      cost += x * this.unitCost[a]!;
      const reduced = this.unitCost[a]! + pi[u]! - pi[v]!;
      if (reduced < 0) dualBound += cap * reduced;
      if ((reduced < 0 && x < cap) || (reduced > 0 && x > 0)) negativeReducedCostArcs++;
    }
    for (let v = 0; v < this.nodeCount; v++) {
      if (v === this.source || v === this.sink) continue;
      if (balance[v] !== 0) primalFeasible = false;
    }
    if (balance[this.sink] !== this.flowValue || balance[this.source] !== -this.flowValue) primalFeasible = false;
    return { primalFeasible, cost, dualBound, negativeReducedCostArcs };
  }

  /**
   * Bellman–Ford on the residual graph with the original costs: true when a negative-cost cycle exists (the flow could
   * be made cheaper at the same value). O(V·E): meant for tests on small networks, independent of the potentials.
   */
  hasNegativeResidualCycle(): boolean {
    if (!this.built) throw new Error('尚未求解');
    const n = this.nodeCount;
    const d = new Float64Array(n); // all 0: a virtual root joined to every node
    for (let round = 0; round < n; round++) {
      let changed = false;
      for (let u = 0; u < n; u++) {
        for (let e = this.head[u]!, end = this.head[u + 1]!; e < end; e++) {
          if (this.rCap[e]! <= 0) continue;
          const v = this.rTo[e]!;
          const nd = d[u]! + this.rCost[e]!;
          if (nd < d[v]!) {
            d[v] = nd;
            changed = true;
          }
        }
      }
      if (!changed) return false;
    }
    return true;
  }
}
