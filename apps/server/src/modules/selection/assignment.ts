/**
 * 专家分配: gives every application exactly k distinct experts, optimally, as a min-cost flow.
 *
 * Objective (minimised):
 *   Σ over assigned pairs   mismatch · [no expertise tag of the expert is among the application's tags]
 * + Σ over experts          loadStep · (1 + 2 + … + load) = loadStep · load·(load+1)/2
 * i.e. a mismatched review costs M = ASSIGNMENT_COSTS.mismatch, a matched one 0, and the j-th review of an expert
 * costs j (convex, so loads even out). Fixed pairs count in both terms. Because one augmenting cycle moves at most one
 * review between two experts (a load change worth < max maxLoad · loadStep), any M above that makes the objective
 * lexicographic: fewest mismatches first, then the most even loads. M = 1000 does so for every maxLoad below 1000.
 *
 * Subject to: each application exactly k distinct experts; no conflicted pair (the arc is absent); for each expert
 * minLoad ≤ load ≤ maxLoad; the fixed pairs (manual overrides, submitted reviews) kept and counted toward k and loads.
 *
 * Network: S → application i (capacity k − fixed_i); i → expert j (capacity 1, cost 0 or M) for every eligible
 * pair; expert j → t one unit arc per further review, the l-th costing its position in j's load; t → T.
 * Minimum loads by the standard lower-bound transformation: the first L_j = max(0, minLoad − fixed_j) reviews of j
 * are forced, so they leave j straight to T (j → T, capacity L_j, their cost a constant) and t → T carries only the
 * remaining F − ΣL_j, where F = Σ(k − fixed_i). A flow of value F exists iff the assignment is feasible, and a
 * min-cost one of that value is an optimal assignment (the constraint matrix is a network matrix: integral).
 *
 * Infeasible input gives reasons in Chinese, never a partial answer: cheap checks first (per application eligible
 * count < k, Σ maxLoad < k·n, Σ minLoad > k·n, minimum loads beyond an expert's eligible applications, bad fixed
 * pairs), then "最大流不足" with the deficit when the flow cannot saturate. Pure computation: no database, no I/O.
 */
import { MinCostFlow, type FlowCertificate } from './min-cost-flow.ts';

export interface AssignmentInput {
  k: number; // reviews per application
  applications: { id: string; expertise: string[]; /** How reasons name it (项目名称, 编号); the id when absent. */ label?: string }[]; // expertise tags of the application's direction
  experts: { id: string; expertise: string[]; minLoad: number; maxLoad: number; /** How reasons name the expert; the id when absent. */ label?: string }[];
  isConflicted: (applicationId: string, expertId: string) => boolean;
  /** Kept as they are (manual overrides / already-submitted reviews): count toward k and toward loads. */
  fixed?: { applicationId: string; expertId: string }[];
}

export interface AssignedPair {
  applicationId: string;
  expertId: string;
  matched: boolean;
  fixed: boolean;
}

export type AssignmentResult =
  | { feasible: true; pairs: AssignedPair[]; cost: number; unmatchedCount: number; loads: Record<string, number> }
  | { feasible: false; reasons: string[] };

export const ASSIGNMENT_COSTS = {
  /** M: cost of one review by an expert none of whose expertise tags is among the application's tags. */
  mismatch: 1000,
  /** The j-th review of one expert costs j · loadStep, so an expert with load L costs loadStep · L(L+1)/2. */
  loadStep: 1,
} as const;

export interface AssignmentDiagnostics {
  /** Arcs in the flow network. */
  arcs: number;
  /** Dijkstra runs / augmenting paths of the primal-dual solver. */
  phases: number;
  augmentations: number;
  /** The solver's own certificate (arc costs only, without the constant part of the objective). */
  certificate: FlowCertificate;
  /** Lower bound on the objective of any feasible assignment (dual bound + the constant part); = cost when optimal. */
  lowerBound: number;
}

/** Objective of a set of pairs: the same formula the solver minimises (used by tests and the greedy baseline too). */
export function assignmentCost(pairs: { matched: boolean }[], loads: Iterable<number>): number {
  let cost = 0;
  for (const p of pairs) if (!p.matched) cost += ASSIGNMENT_COSTS.mismatch;
  for (const l of loads) cost += (ASSIGNMENT_COSTS.loadStep * l * (l + 1)) / 2;
  return cost;
}

/** Tag sets as bitsets over the tags seen in one input, for a fast "shares a tag" test. */
export function expertiseMatcher(input: Pick<AssignmentInput, 'applications' | 'experts'>): (appIndex: number, expertIndex: number) => boolean {
  const tags = new Map<string, number>();
  const idOf = (t: string) => {
    let id = tags.get(t);
    if (id === undefined) tags.set(t, (id = tags.size));
    return id;
  };
  const appTags = input.applications.map((a) => a.expertise.map(idOf));
  const expertTags = input.experts.map((e) => e.expertise.map(idOf));
  const words = Math.max(1, Math.ceil(tags.size / 32));
  const pack = (lists: number[][]) => {
    const bits = new Uint32Array(lists.length * words);
    lists.forEach((list, i) => {
      for (const t of list) bits[i * words + (t >>> 5)]! |= 1 << (t & 31);
    });
    return bits;
  };
  const a = pack(appTags);
  const e = pack(expertTags);
  return (i, j) => {
    for (let w = 0; w < words; w++) if ((a[i * words + w]! & e[j * words + w]!) !== 0) return true;
    return false;
  };
}

const LISTED = 10;

/** At most LISTED lines, then one line saying how many more. */
function listSome(lines: string[], more: (rest: number) => string): string[] {
  return lines.length <= LISTED ? lines : [...lines.slice(0, LISTED), more(lines.length - LISTED)];
}

export function assignExperts(input: AssignmentInput): AssignmentResult {
  return solveAssignment(input).result;
}

/** `assignExperts` with the solver's statistics and optimality certificate (null when infeasible before solving). */
export function solveAssignment(input: AssignmentInput): { result: AssignmentResult; diagnostics: AssignmentDiagnostics | null } {
  const infeasible = (reasons: string[]) => ({ result: { feasible: false as const, reasons }, diagnostics: null });
  const { k, applications: apps, experts } = input;
  const n = apps.length;
  const m = experts.length;
  const M = ASSIGNMENT_COSTS.mismatch;
  const step = ASSIGNMENT_COSTS.loadStep;

  // 1. The input itself.
  const reasons: string[] = [];
  if (!Number.isInteger(k) || k < 1) reasons.push(`每项申报的评审专家数 k 须为正整数（当前为 ${k}）`);
  const appIndex = new Map<string, number>();
  apps.forEach((a, i) => {
    if (appIndex.has(a.id)) reasons.push(`申报 ${a.label ?? a.id} 在待分配列表中出现了两次`);
    appIndex.set(a.id, i);
  });
  const expertIndex = new Map<string, number>();
  experts.forEach((e, j) => {
    if (expertIndex.has(e.id)) reasons.push(`专家 ${e.label ?? e.id} 在专家列表中出现了两次`);
    expertIndex.set(e.id, j);
    if (!Number.isInteger(e.minLoad) || !Number.isInteger(e.maxLoad) || e.minLoad < 0 || e.maxLoad < e.minLoad) {
      reasons.push(`专家 ${e.label ?? e.id} 的评审量范围无效：最低 ${e.minLoad}，最高 ${e.maxLoad}（须为整数且 0 ≤ 最低 ≤ 最高）`);
    }
  });
  if (reasons.length > 0) return infeasible(reasons);
  const appName = (i: number) => apps[i]!.label ?? apps[i]!.id;
  const expertName = (j: number) => experts[j]!.label ?? experts[j]!.id;

  // 2. Fixed pairs: known, distinct, not conflicted, within k and maxLoad.
  const fixedMark = new Uint8Array(n * m);
  const fixedOfApp = new Int32Array(n);
  const fixedOfExpert = new Int32Array(m);
  const fixedPairs: [number, number][] = [];
  for (const f of input.fixed ?? []) {
    const i = appIndex.get(f.applicationId);
    const j = expertIndex.get(f.expertId);
    if (i === undefined) {
      reasons.push(`固定分配中的申报 ${f.applicationId} 不在待分配列表中`);
      continue;
    }
    if (j === undefined) {
      reasons.push(`固定分配中的专家 ${f.expertId} 不在专家列表中`);
      continue;
    }
    if (fixedMark[i * m + j]) {
      reasons.push(`固定分配 申报 ${appName(i)} — 专家 ${expertName(j)} 重复出现`);
      continue;
    }
    if (input.isConflicted(f.applicationId, f.expertId)) {
      reasons.push(`固定分配 申报 ${appName(i)} — 专家 ${expertName(j)} 存在回避关系，不能保留`);
    }
    fixedMark[i * m + j] = 1;
    fixedOfApp[i]!++;
    fixedOfExpert[j]!++;
    fixedPairs.push([i, j]);
  }
  for (let i = 0; i < n; i++) {
    if (fixedOfApp[i]! > k) reasons.push(`申报 ${appName(i)} 已固定 ${fixedOfApp[i]} 位专家，超过每项 ${k} 位`);
  }
  for (let j = 0; j < m; j++) {
    const e = experts[j]!;
    if (fixedOfExpert[j]! > e.maxLoad) reasons.push(`专家 ${expertName(j)} 已固定 ${fixedOfExpert[j]} 项评审，超过其评审量上限 ${e.maxLoad}`);
  }
  if (reasons.length > 0) return infeasible(reasons);

  // 3. Eligibility (not fixed already, not conflicted, the expert has room, the application still needs experts).
  const need = new Int32Array(n);
  const room = new Int32Array(m);
  const forced = new Int32Array(m); // L_j: reviews still required to reach minLoad
  let totalNeed = 0;
  let totalForced = 0;
  for (let i = 0; i < n; i++) totalNeed += need[i] = k - fixedOfApp[i]!;
  for (let j = 0; j < m; j++) {
    const e = experts[j]!;
    room[j] = e.maxLoad - fixedOfExpert[j]!;
    totalForced += forced[j] = Math.max(0, e.minLoad - fixedOfExpert[j]!);
  }
  const eligible = new Uint8Array(n * m);
  const eligibleOfExpert = new Int32Array(m);
  let eligiblePairs = 0;
  const shortApps: string[] = [];
  for (let i = 0; i < n; i++) {
    if (need[i] === 0) continue;
    const appId = apps[i]!.id;
    let count = 0;
    let conflicted = 0;
    let full = 0;
    for (let j = 0; j < m; j++) {
      if (fixedMark[i * m + j]) continue;
      if (input.isConflicted(appId, experts[j]!.id)) {
        conflicted++;
        continue;
      }
      if (room[j]! <= 0) {
        full++;
        continue;
      }
      eligible[i * m + j] = 1;
      eligibleOfExpert[j]!++;
      count++;
    }
    eligiblePairs += count;
    if (count < need[i]!) {
      const available = count + fixedOfApp[i]!;
      const why = [conflicted > 0 ? `${conflicted} 位需回避` : '', full > 0 ? `${full} 位已达评审量上限` : ''].filter(Boolean).join('，');
      shortApps.push(`申报 ${appName(i)} 只有 ${available} 位可分配的专家${why ? `（${why}）` : ''}，少于每项所需的 ${k} 位`);
    }
  }
  reasons.push(...listSome(shortApps, (rest) => `另有 ${rest} 项申报可分配的专家少于 ${k} 位`));

  const required = k * n;
  const sumMax = experts.reduce((s, e) => s + e.maxLoad, 0);
  if (sumMax < required) reasons.push(`专家评审量上限合计 ${sumMax}，少于所需评审总数 ${k} × ${n} = ${required}`);
  const sumMin = experts.reduce((s, e, j) => s + Math.max(e.minLoad, fixedOfExpert[j]!), 0);
  if (sumMin > required) {
    reasons.push(`专家最低评审量合计 ${sumMin}，超过评审总数 ${k} × ${n} = ${required}，最低评审量无法全部满足`);
  }
  const lowExperts: string[] = [];
  for (let j = 0; j < m; j++) {
    const e = experts[j]!;
    if (eligibleOfExpert[j]! < forced[j]!) {
      lowExperts.push(
        `专家 ${expertName(j)} 的最低评审量为 ${e.minLoad}，但最多只能评审 ${fixedOfExpert[j]! + eligibleOfExpert[j]!} 项（其余申报需回避或已固定）`,
      );
    }
  }
  reasons.push(...listSome(lowExperts, (rest) => `另有 ${rest} 位专家达不到最低评审量`));
  if (reasons.length > 0) return infeasible(reasons);

  // 4. The network.
  const S = 0;
  const t = n + m + 1;
  const T = n + m + 2;
  const units = new Int32Array(m);
  let unitArcs = 0;
  for (let j = 0; j < m; j++) unitArcs += units[j] = Math.min(room[j]!, eligibleOfExpert[j]!) - forced[j]!;
  const net = new MinCostFlow(n + m + 3, n + eligiblePairs + unitArcs + m + 1);
  const sourceArc = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) if (need[i]! > 0) sourceArc[i] = net.addArc(S, 1 + i, need[i]!, 0);
  const match = expertiseMatcher(input);
  const pairApp = new Int32Array(eligiblePairs);
  const pairExpert = new Int32Array(eligiblePairs);
  const pairArc = new Int32Array(eligiblePairs);
  let p = 0;
  for (let i = 0; i < n; i++) {
    if (need[i] === 0) continue;
    for (let j = 0; j < m; j++) {
      if (!eligible[i * m + j]) continue;
      pairApp[p] = i;
      pairExpert[p] = j;
      pairArc[p++] = net.addArc(1 + i, 1 + n + j, 1, match(i, j) ? 0 : M);
    }
  }
  const forcedArc = new Int32Array(m).fill(-1);
  let constant = 0; // the forced part of the objective: fixed mismatches and the first fixed_j + L_j reviews of each expert
  for (const [i, j] of fixedPairs) if (!match(i, j)) constant += M;
  for (let j = 0; j < m; j++) {
    const base = fixedOfExpert[j]! + forced[j]!;
    constant += (step * base * (base + 1)) / 2;
    if (forced[j]! > 0) forcedArc[j] = net.addArc(1 + n + j, T, forced[j]!, 0);
    for (let l = 1; l <= units[j]!; l++) net.addArc(1 + n + j, t, 1, step * (base + l));
  }
  if (totalNeed > totalForced) net.addArc(t, T, totalNeed - totalForced, 0);
  const solution = net.solve(S, T, totalNeed);

  if (solution.flow < totalNeed) {
    const deficit = totalNeed - solution.flow;
    const lines = [`最大流不足：在回避关系和评审量上下限之内最多只能安排 ${solution.flow} 次评审，共需 ${totalNeed} 次，缺 ${deficit} 次`];
    const unmetApps: string[] = [];
    for (let i = 0; i < n; i++) {
      if (sourceArc[i]! < 0) continue;
      const got = net.flowOn(sourceArc[i]!);
      if (got < need[i]!) unmetApps.push(`申报 ${appName(i)} 最多只能分到 ${fixedOfApp[i]! + got} 位专家（需 ${k} 位）`);
    }
    lines.push(...listSome(unmetApps, (rest) => `另有 ${rest} 项申报分不满 ${k} 位专家`));
    const unmetExperts: string[] = [];
    for (let j = 0; j < m; j++) {
      if (forcedArc[j]! < 0) continue;
      const got = net.flowOn(forcedArc[j]!);
      if (got < forced[j]!) {
        unmetExperts.push(`专家 ${expertName(j)} 最多只能达到 ${fixedOfExpert[j]! + got} 项评审（最低 ${experts[j]!.minLoad} 项）`);
      }
    }
    lines.push(...listSome(unmetExperts, (rest) => `另有 ${rest} 位专家达不到最低评审量`));
    return infeasible(lines);
  }

  // 5. Read the assignment back.
  const chosen = new Uint8Array(n * m);
  for (const [i, j] of fixedPairs) chosen[i * m + j] = 1;
  for (let q = 0; q < eligiblePairs; q++) if (net.flowOn(pairArc[q]!) > 0) chosen[pairApp[q]! * m + pairExpert[q]!] = 1;
  const pairs: AssignedPair[] = [];
  const loadOf = new Int32Array(m);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      if (!chosen[i * m + j]) continue;
      loadOf[j]!++;
      pairs.push({ applicationId: apps[i]!.id, expertId: experts[j]!.id, matched: match(i, j), fixed: fixedMark[i * m + j] === 1 });
    }
  }
  const loads: Record<string, number> = {};
  experts.forEach((e, j) => (loads[e.id] = loadOf[j]!));
  const cost = assignmentCost(pairs, loadOf);
  const certificate = net.certify();
  return {
    result: { feasible: true, pairs, cost, unmatchedCount: pairs.filter((x) => !x.matched).length, loads },
    diagnostics: {
      arcs: net.arcs,
      phases: solution.phases,
      augmentations: solution.augmentations,
      certificate,
      lowerBound: certificate.dualBound + constant,
    },
  };
}
