import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MinCostFlow } from './min-cost-flow.ts';

type Arc = [from: number, to: number, capacity: number, cost: number];

/**
 * Reference solver written as plainly as possible: successive shortest paths with Bellman–Ford (handles the negative
 * residual costs directly, no potentials), one unit per augmentation.
 */
function referenceMinCostFlow(nodes: number, arcs: Arc[], s: number, t: number, limit: number): { flow: number; cost: number } {
  const edges: { to: number; cap: number; cost: number; rev: number }[][] = Array.from({ length: nodes }, () => []);
  for (const [u, v, cap, cost] of arcs) {
    edges[u]!.push({ to: v, cap, cost, rev: edges[v]!.length });
    edges[v]!.push({ to: u, cap: 0, cost: -cost, rev: edges[u]!.length - 1 });
  }
  let flow = 0;
  let cost = 0;
  while (flow < limit) {
    const dist = new Array<number>(nodes).fill(Infinity);
    const prev: ({ u: number; i: number } | null)[] = new Array(nodes).fill(null);
    dist[s] = 0;
    for (let round = 0; round < nodes; round++) {
      for (let u = 0; u < nodes; u++) {
        if (dist[u] === Infinity) continue;
        edges[u]!.forEach((e, i) => {
          if (e.cap > 0 && dist[u]! + e.cost < dist[e.to]!) {
            dist[e.to] = dist[u]! + e.cost;
            prev[e.to] = { u, i };
          }
        });
      }
    }
    if (dist[t] === Infinity) break;
    for (let v = t; v !== s; ) {
      const { u, i } = prev[v]!;
      const e = edges[u]![i]!;
      e.cap -= 1;
      edges[v]![e.rev]!.cap += 1;
      v = u;
    }
    flow += 1;
    cost += dist[t]!;
  }
  return { flow, cost };
}

const network = fc
  .integer({ min: 2, max: 7 })
  .chain((nodes) =>
    fc.record({
      nodes: fc.constant(nodes),
      // Tails lean to the source and heads to the sink so that most networks carry flow.
      arcs: fc.array(fc.tuple(fc.oneof(fc.constant(0), fc.nat(nodes - 1)), fc.oneof(fc.constant(nodes - 1), fc.nat(nodes - 1)), fc.nat(3), fc.nat(9)), {
        maxLength: 18,
      }),
      limit: fc.integer({ min: 0, max: 12 }),
    }),
  )
  .map(({ nodes, arcs, limit }) => ({ nodes, limit, arcs: arcs.filter(([u, v]) => u !== v) as Arc[] }));

describe('最小费用流（原始-对偶 + Dinic 阻塞流）', () => {
  it('solves a hand-computed network: two routes, the cheap one full first', () => {
    // s=0 → a=1 (cap 2, cost 1) → t=3 (cap 2, cost 1): 2 units at cost 2 each;
    // s → b=2 (cap 2, cost 2) → t (cap 2, cost 3): 1 more unit at cost 5; a → b (cap 1, cost 0) is no help.
    const net = new MinCostFlow(4);
    net.addArc(0, 1, 2, 1);
    net.addArc(1, 3, 2, 1);
    net.addArc(0, 2, 2, 2);
    net.addArc(2, 3, 2, 3);
    net.addArc(1, 2, 1, 0);
    expect(net.solve(0, 3, 3)).toMatchObject({ flow: 3, cost: 2 + 2 + 5 });
    expect(net.certify()).toEqual({ primalFeasible: true, cost: 9, dualBound: 9, negativeReducedCostArcs: 0 });
    expect(net.hasNegativeResidualCycle()).toBe(false);
  });

  it('pushes many paths of one length in a single phase (blocking flow)', () => {
    // 50 parallel s → mid_i → t paths, all cost 1: one Dijkstra, one blocking flow.
    const net = new MinCostFlow(52);
    for (let i = 0; i < 50; i++) {
      net.addArc(0, 2 + i, 1, 1);
      net.addArc(2 + i, 1, 1, 0);
    }
    const solution = net.solve(0, 1);
    expect(solution).toMatchObject({ flow: 50, cost: 50, augmentations: 50 });
    expect(solution.phases).toBe(2); // the second Dijkstra finds the sink cut off
  });

  it('matches a Bellman–Ford successive-shortest-path reference on random networks, with a valid certificate', () => {
    fc.assert(
      fc.property(network, ({ nodes, arcs, limit }) => {
        const net = new MinCostFlow(nodes);
        for (const [u, v, cap, cost] of arcs) net.addArc(u, v, cap, cost);
        const got = net.solve(0, nodes - 1, limit);
        const expected = referenceMinCostFlow(nodes, arcs, 0, nodes - 1, limit);
        expect({ flow: got.flow, cost: got.cost }).toEqual(expected);
        const certificate = net.certify();
        expect(certificate).toEqual({ primalFeasible: true, cost: expected.cost, dualBound: expected.cost, negativeReducedCostArcs: 0 });
        expect(net.hasNegativeResidualCycle()).toBe(false);
      }),
      { numRuns: 400 },
    );
  });

  it('the negative-cycle check does see a non-optimal flow', () => {
    // Two parallel arcs s → t, cost 1 and cost 5, capacity 1 each, one unit to send: the solver takes the cheap one.
    const net = new MinCostFlow(2);
    net.addArc(0, 1, 1, 1);
    net.addArc(0, 1, 1, 5);
    net.solve(0, 1, 1);
    expect(net.flowOn(0)).toBe(1);
    expect(net.flowOn(1)).toBe(0);
    expect(net.hasNegativeResidualCycle()).toBe(false);
    // Move the unit by hand onto the expensive arc: s → t on arc 0 (+1) and back on arc 1's reverse (−5) is a cycle of −4.
    const internals = net as unknown as { rCap: Int32Array; forwardAt: Int32Array; rRev: Int32Array };
    const [a0, a1] = [internals.forwardAt[0]!, internals.forwardAt[1]!];
    internals.rCap[a0]! += 1;
    internals.rCap[internals.rRev[a0]!]! -= 1;
    internals.rCap[a1]! -= 1;
    internals.rCap[internals.rRev[a1]!]! += 1;
    expect(net.hasNegativeResidualCycle()).toBe(true);
    expect(net.certify().negativeReducedCostArcs).toBeGreaterThan(0);
  });

  it('refuses negative or fractional costs and arcs outside the network', () => {
    const net = new MinCostFlow(2);
    expect(() => net.addArc(0, 1, 1, -1)).toThrow('弧费用须为非负整数');
    expect(() => net.addArc(0, 1, 1.5, 1)).toThrow('弧容量须为非负整数');
    expect(() => net.addArc(0, 2, 1, 1)).toThrow('弧的端点越界');
  });
});
