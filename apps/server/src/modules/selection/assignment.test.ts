import fc from 'fast-check';
import GLPK, { type LP } from 'glpk.js/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { ASSIGNMENT_COSTS, assignExperts, solveAssignment, type AssignmentInput } from './assignment.ts';

// ---------------------------------------------------------------------------------------------------------------
// Random pools (fast-check arbitraries) and the two independent references: brute force and an LP solved by GLPK.
// ---------------------------------------------------------------------------------------------------------------

const TAGS = ['平台', '标识解析', '安全', '数据', '5G', '软件'];

interface Pool {
  k: number;
  apps: string[][];
  experts: { tags: string[]; minLoad: number; spare: number }[];
  conflicts: [number, number][];
  fixed: [number, number][];
}

const poolOf = (o: { apps: number; experts: number; k: number; minLoad: number; spare: number; conflicts: number; fixed: number }) =>
  fc.record({
    k: fc.integer({ min: 1, max: o.k }),
    apps: fc.array(fc.subarray(TAGS, { maxLength: 3 }), { minLength: 1, maxLength: o.apps }),
    experts: fc.array(fc.record({ tags: fc.subarray(TAGS, { maxLength: 3 }), minLoad: fc.nat(o.minLoad), spare: fc.nat(o.spare) }), { minLength: 1, maxLength: o.experts }),
    conflicts: fc.array(fc.tuple(fc.nat(999), fc.nat(999)), { maxLength: o.conflicts }),
    fixed: fc.array(fc.tuple(fc.nat(999), fc.nat(999)), { maxLength: o.fixed }),
  });

function inputOf(pool: Pool): AssignmentInput {
  const n = pool.apps.length;
  const m = pool.experts.length;
  const conflicts = new Set(pool.conflicts.map(([a, e]) => `A${a % n}|E${e % m}`));
  // Most fixed pairs avoid the conflicts (as real overrides do); about one conflicted pair in eight is kept to be refused.
  const kept = pool.fixed.filter(([a, e]) => !conflicts.has(`A${a % n}|E${e % m}`) || (a + e) % 8 === 0);
  const fixed = [...new Set(kept.map(([a, e]) => `${a % n}|${e % m}`))].map((key) => {
    const [a, e] = key.split('|');
    return { applicationId: `A${a}`, expertId: `E${e}` };
  });
  return {
    k: pool.k,
    applications: pool.apps.map((tags, i) => ({ id: `A${i}`, expertise: tags })),
    experts: pool.experts.map((e, j) => ({ id: `E${j}`, expertise: e.tags, minLoad: e.minLoad, maxLoad: e.minLoad + e.spare })),
    isConflicted: (a, e) => conflicts.has(`${a}|${e}`),
    fixed,
  };
}

const shares = (a: string[], b: string[]) => a.some((t) => b.includes(t));
const objective = (mismatches: number, loads: number[]) =>
  mismatches * ASSIGNMENT_COSTS.mismatch + loads.reduce((s, l) => s + (ASSIGNMENT_COSTS.loadStep * l * (l + 1)) / 2, 0);

/** Every assignment enumerated: per application every k-subset of its non-conflicted experts holding its fixed ones. */
function bruteForce(input: AssignmentInput): number | null {
  const { k, applications: apps, experts } = input;
  const fixed = new Set((input.fixed ?? []).map((f) => `${f.applicationId}|${f.expertId}`));
  const subsets = (items: number[], size: number): number[][] =>
    size === 0 ? [[]] : items.flatMap((x, i) => subsets(items.slice(i + 1), size - 1).map((rest) => [x, ...rest]));
  const choices = apps.map((app) => {
    const allowed = experts.map((_, j) => j).filter((j) => !input.isConflicted(app.id, experts[j]!.id));
    const mustHave = experts.map((_, j) => j).filter((j) => fixed.has(`${app.id}|${experts[j]!.id}`));
    return subsets(allowed, k).filter((set) => mustHave.every((j) => set.includes(j)));
  });
  const load = experts.map(() => 0);
  let best: number | null = null;
  const visit = (i: number, mismatches: number) => {
    if (i === apps.length) {
      if (experts.every((e, j) => load[j]! >= e.minLoad)) {
        const cost = objective(mismatches, load);
        if (best === null || cost < best) best = cost;
      }
      return;
    }
    for (const set of choices[i]!) {
      if (set.some((j) => load[j]! + 1 > experts[j]!.maxLoad)) continue;
      for (const j of set) load[j]!++;
      visit(i + 1, mismatches + set.filter((j) => !shares(apps[i]!.expertise, experts[j]!.expertise)).length);
      for (const j of set) load[j]!--;
    }
  };
  visit(0, 0);
  return best;
}

let glpk: Awaited<ReturnType<typeof GLPK>>;
beforeAll(async () => {
  glpk = await GLPK();
});

/**
 * The same problem written directly as an LP for GLPK (not through our network): x_ij ∈ [0,1] per non-conflicted pair
 * (fixed pairs fixed at 1), y_jl ∈ [0,1] for the l-th review of expert j at cost l; Σ_j x_ij = k, Σ_i x_ij = Σ_l y_jl,
 * minLoad ≤ Σ_i x_ij ≤ maxLoad. The matrix is a network matrix (totally unimodular), so the optimum is integral.
 */
function lpOptimum(input: AssignmentInput): number | null {
  const { k, applications: apps, experts } = input;
  const fixed = new Set((input.fixed ?? []).map((f) => `${f.applicationId}|${f.expertId}`));
  if ((input.fixed ?? []).some((f) => input.isConflicted(f.applicationId, f.expertId))) return null;
  // A column fixed at 0 that appears in no row: GLPK aborts on a problem without columns (every pair conflicted).
  const objectiveVars: { name: string; coef: number }[] = [{ name: 'unused', coef: 0 }];
  const bounds: NonNullable<LP['bounds']> = [{ name: 'unused', type: glpk.GLP_FX, lb: 0, ub: 0 }];
  const appRows = apps.map(() => [] as { name: string; coef: number }[]);
  const expertRows = experts.map(() => [] as { name: string; coef: number }[]);
  const loadRows = experts.map(() => [] as { name: string; coef: number }[]);
  apps.forEach((app, i) =>
    experts.forEach((e, j) => {
      if (input.isConflicted(app.id, e.id)) return;
      const name = `x_${i}_${j}`;
      objectiveVars.push({ name, coef: shares(app.expertise, e.expertise) ? 0 : ASSIGNMENT_COSTS.mismatch });
      const isFixed = fixed.has(`${app.id}|${e.id}`);
      bounds.push({ name, type: isFixed ? glpk.GLP_FX : glpk.GLP_DB, lb: isFixed ? 1 : 0, ub: 1 });
      appRows[i]!.push({ name, coef: 1 });
      expertRows[j]!.push({ name, coef: 1 });
      loadRows[j]!.push({ name, coef: 1 });
    }),
  );
  experts.forEach((e, j) => {
    for (let l = 1; l <= Math.min(e.maxLoad, apps.length); l++) {
      const name = `y_${j}_${l}`;
      objectiveVars.push({ name, coef: ASSIGNMENT_COSTS.loadStep * l });
      bounds.push({ name, type: glpk.GLP_DB, lb: 0, ub: 1 });
      expertRows[j]!.push({ name, coef: -1 });
    }
  });
  const lp: LP = {
    name: 'assignment',
    objective: { direction: glpk.GLP_MIN, name: 'cost', vars: objectiveVars },
    subjectTo: [
      ...appRows.map((vars, i) => ({ name: `app_${i}`, vars, bnds: { type: glpk.GLP_FX, lb: k, ub: k } })),
      ...expertRows.map((vars, j) => ({ name: `flow_${j}`, vars, bnds: { type: glpk.GLP_FX, lb: 0, ub: 0 } })),
      ...loadRows.map((vars, j) => {
        const { minLoad, maxLoad } = experts[j]!;
        return { name: `load_${j}`, vars, bnds: { type: minLoad === maxLoad ? glpk.GLP_FX : glpk.GLP_DB, lb: minLoad, ub: maxLoad } };
      }),
    ],
    bounds,
  };
  const { result } = glpk.solve(lp, { msglev: glpk.GLP_MSG_OFF, presol: false });
  if (result.status === glpk.GLP_NOFEAS || result.status === glpk.GLP_INFEAS) return null;
  if (result.status !== glpk.GLP_OPT) throw new Error(`GLPK status ${result.status}`);
  for (const value of Object.values(result.vars)) expect(Math.abs(value - Math.round(value))).toBeLessThan(1e-9);
  return Math.round(result.z);
}

/** Everything a feasible answer must satisfy, checked from the input alone. */
function expectValidAssignment(input: AssignmentInput) {
  const { result, diagnostics } = solveAssignment(input);
  if (!result.feasible) return result;
  const appById = new Map(input.applications.map((a) => [a.id, a]));
  const expertById = new Map(input.experts.map((e) => [e.id, e]));
  for (const p of result.pairs) {
    expect(input.isConflicted(p.applicationId, p.expertId), `${p.applicationId}–${p.expertId} 回避`).toBe(false);
    expect(p.matched).toBe(shares(appById.get(p.applicationId)!.expertise, expertById.get(p.expertId)!.expertise));
  }
  for (const app of input.applications) {
    const experts = result.pairs.filter((p) => p.applicationId === app.id).map((p) => p.expertId);
    expect(experts).toHaveLength(input.k);
    expect(new Set(experts).size).toBe(input.k);
  }
  for (const e of input.experts) {
    const load = result.pairs.filter((p) => p.expertId === e.id).length;
    expect(result.loads[e.id]).toBe(load);
    expect(load).toBeGreaterThanOrEqual(e.minLoad);
    expect(load).toBeLessThanOrEqual(e.maxLoad);
  }
  for (const f of input.fixed ?? []) {
    expect(result.pairs).toContainEqual(expect.objectContaining({ applicationId: f.applicationId, expertId: f.expertId, fixed: true }));
  }
  expect(result.pairs.filter((p) => p.fixed)).toHaveLength((input.fixed ?? []).length);
  const mismatches = result.pairs.filter((p) => !p.matched).length;
  expect(result.unmatchedCount).toBe(mismatches);
  expect(result.cost).toBe(objective(mismatches, Object.values(result.loads)));
  // The solver's own proof of optimality: dual bound = cost, no residual arc with negative reduced cost.
  expect(diagnostics!.certificate).toMatchObject({ primalFeasible: true, negativeReducedCostArcs: 0 });
  expect(diagnostics!.lowerBound).toBe(result.cost);
  return result;
}

/** The cheap infeasibility causes, found independently of the assigner, that its reasons must name. */
function expectReasonsExplain(input: AssignmentInput, reasons: string[]) {
  expect(reasons.length).toBeGreaterThan(0);
  const text = reasons.join('\n');
  const { k, applications: apps, experts } = input;
  const fixed = input.fixed ?? [];
  const fixedCount = (pred: (f: { applicationId: string; expertId: string }) => boolean) => fixed.filter(pred).length;
  const conflictedFixed = fixed.filter((f) => input.isConflicted(f.applicationId, f.expertId));
  const overfullApps = apps.filter((a) => fixedCount((f) => f.applicationId === a.id) > k);
  const overfullExperts = experts.filter((e) => fixedCount((f) => f.expertId === e.id) > e.maxLoad);
  for (const f of conflictedFixed) expect(text).toContain(`固定分配 申报 ${f.applicationId} — 专家 ${f.expertId} 存在回避关系`);
  for (const a of overfullApps) expect(text).toContain(`申报 ${a.id} 已固定`);
  for (const e of overfullExperts) expect(text).toContain(`专家 ${e.id} 已固定`);
  if (conflictedFixed.length + overfullApps.length + overfullExperts.length > 0) return;

  const room = (e: AssignmentInput['experts'][number]) => e.maxLoad - fixedCount((f) => f.expertId === e.id);
  const shortApps = apps
    .map((a) => ({
      id: a.id,
      count: experts.filter((e) => !input.isConflicted(a.id, e.id) && (fixed.some((f) => f.applicationId === a.id && f.expertId === e.id) || room(e) > 0)).length,
    }))
    .filter((a) => a.count < k);
  if (shortApps[0]) expect(text).toContain(`申报 ${shortApps[0].id} 只有 ${shortApps[0].count} 位可分配的专家`);
  const sumMax = experts.reduce((s, e) => s + e.maxLoad, 0);
  if (sumMax < k * apps.length) expect(text).toContain(`专家评审量上限合计 ${sumMax}，少于所需评审总数 ${k} × ${apps.length}`);
  const sumMin = experts.reduce((s, e) => s + Math.max(e.minLoad, fixedCount((f) => f.expertId === e.id)), 0);
  if (sumMin > k * apps.length) expect(text).toContain(`专家最低评审量合计 ${sumMin}`);
  if (shortApps.length === 0 && sumMax >= k * apps.length && sumMin <= k * apps.length) {
    expect(reasons[0]).toMatch(/^(最大流不足：|专家 E\d+ 的最低评审量为 \d+，但最多只能评审 \d+ 项)/);
  }
}

// ---------------------------------------------------------------------------------------------------------------

describe('专家分配：手算的例子', () => {
  // A1 [平台], A2 [安全], A3 [平台, 安全]; E1 [平台], E2 [安全], E3 [数据]; A1 must avoid E2; k = 2, loads 0–3.
  // A1 can only have {E1, E3} (E3 mismatched). A3 matches with {E1, E2}. A2 takes E2 and one mismatched expert:
  //   with E1 → loads 3,2,1 → 6+3+1 = 10; with E3 → loads 2,2,2 → 3+3+3 = 9. So 2 mismatches, cost 2·1000 + 9 = 2009.
  const base: AssignmentInput = {
    k: 2,
    applications: [
      { id: 'A1', expertise: ['平台'] },
      { id: 'A2', expertise: ['安全'] },
      { id: 'A3', expertise: ['平台', '安全'] },
    ],
    experts: [
      { id: 'E1', expertise: ['平台'], minLoad: 0, maxLoad: 3 },
      { id: 'E2', expertise: ['安全'], minLoad: 0, maxLoad: 3 },
      { id: 'E3', expertise: ['数据'], minLoad: 0, maxLoad: 3 },
    ],
    isConflicted: (a, e) => a === 'A1' && e === 'E2',
  };
  const pairsOf = (input: AssignmentInput) => {
    const result = expectValidAssignment(input);
    if (!result.feasible) throw new Error(result.reasons.join('；'));
    return { ...result, list: result.pairs.map((p) => `${p.applicationId}-${p.expertId}${p.fixed ? '*' : ''}`) };
  };

  it('matches first, then evens the loads', () => {
    const result = pairsOf(base);
    expect(result.list).toEqual(['A1-E1', 'A1-E3', 'A2-E2', 'A2-E3', 'A3-E1', 'A3-E2']);
    expect(result).toMatchObject({ cost: 2009, unmatchedCount: 2, loads: { E1: 2, E2: 2, E3: 2 } });
  });

  it('respects a maximum load: E3 at most 1 ⇒ A2 gets E1, loads 3,2,1, cost 2010', () => {
    const result = pairsOf({ ...base, experts: base.experts.map((e) => (e.id === 'E3' ? { ...e, maxLoad: 1 } : e)) });
    expect(result.list).toEqual(['A1-E1', 'A1-E3', 'A2-E1', 'A2-E2', 'A3-E1', 'A3-E2']);
    expect(result.cost).toBe(2010);
  });

  it('keeps a manual override (A3–E3) even though it costs a mismatch, and plans around it', () => {
    // A1 = {E1, E3}; A3 = {E3*, E1 or E2}; A2 = {E2, E1 or E3}: 3 mismatches (A1–E3, A3–E3, A2's second) whatever
    // the choice. Loads (E1, E2, E3): A3+E1, A2+E1 → 3,1,2 = 6+1+3 = 10; A3+E1, A2+E3 → 2,1,3 = 10;
    // A3+E2, A2+E3 → 1,2,3 = 10; A3+E2, A2+E1 → 2,2,2 = 9, the optimum. Cost 3·1000 + 9 = 3009.
    const result = pairsOf({ ...base, fixed: [{ applicationId: 'A3', expertId: 'E3' }] });
    expect(result.list).toEqual(['A1-E1', 'A1-E3', 'A2-E1', 'A2-E2', 'A3-E2', 'A3-E3*']);
    expect(result.cost).toBe(3009);
  });

  it('meets a minimum load: E3 at least 3 ⇒ every application gets E3', () => {
    const result = pairsOf({ ...base, experts: base.experts.map((e) => (e.id === 'E3' ? { ...e, minLoad: 3 } : e)) });
    // A1 {E1, E3}, A2 {E2, E3}, A3 {E3, E1 or E2} (a tie): mismatches A1–E3, A2–E3, A3–E3; loads 2,1,3 or 1,2,3 → 10.
    expect(result.loads.E3).toBe(3);
    expect(result.list).toEqual(expect.arrayContaining(['A1-E1', 'A1-E3', 'A2-E2', 'A2-E3', 'A3-E3']));
    expect(result.cost).toBe(3010);
  });
});

describe('专家分配：无法分配时说明原因（不给部分结果）', () => {
  const experts = (count: number, minLoad = 0, maxLoad = 10) => Array.from({ length: count }, (_, j) => ({ id: `E${j + 1}`, expertise: ['平台'], minLoad, maxLoad }));
  const apps = (count: number) => Array.from({ length: count }, (_, i) => ({ id: `A${i + 1}`, expertise: ['平台'] }));
  const reasonsOf = (input: AssignmentInput) => {
    const result = assignExperts(input);
    expect(result.feasible).toBe(false);
    return result.feasible ? [] : result.reasons;
  };

  it('names the application with fewer than k eligible experts and the count', () => {
    const reasons = reasonsOf({ k: 3, applications: apps(2), experts: experts(4), isConflicted: (a, e) => a === 'A2' && e !== 'E1' });
    expect(reasons).toEqual(['申报 A2 只有 1 位可分配的专家（3 位需回避），少于每项所需的 3 位']);
  });

  it('names applications and experts by their labels when given', () => {
    const reasons = reasonsOf({
      k: 2,
      applications: [{ id: 'a-1', label: '“5G+工业互联网”融合应用（SB-2026-0001）', expertise: ['5G'] }],
      experts: [
        { id: 'e-1', label: '王建国', expertise: ['5G'], minLoad: 0, maxLoad: 3 },
        { id: 'e-2', label: '李敏', expertise: ['5G'], minLoad: 0, maxLoad: 3 },
      ],
      isConflicted: (_a, e) => e === 'e-2',
      fixed: [{ applicationId: 'a-1', expertId: 'e-2' }],
    });
    expect(reasons).toEqual(['固定分配 申报 “5G+工业互联网”融合应用（SB-2026-0001） — 专家 李敏 存在回避关系，不能保留']);
  });

  it('total capacity below k·n', () => {
    expect(reasonsOf({ k: 2, applications: apps(5), experts: experts(3, 0, 3), isConflicted: () => false })).toEqual([
      '专家评审量上限合计 9，少于所需评审总数 2 × 5 = 10',
    ]);
  });

  it('minimum loads above k·n, and one expert whose minimum exceeds the applications he may review', () => {
    expect(reasonsOf({ k: 1, applications: apps(3), experts: experts(2, 2, 5), isConflicted: () => false })).toEqual([
      '专家最低评审量合计 4，超过评审总数 1 × 3 = 3，最低评审量无法全部满足',
    ]);
    const reasons = reasonsOf({ k: 1, applications: apps(4), experts: experts(2, 2, 5), isConflicted: (a, e) => e === 'E2' && a !== 'A1' });
    expect(reasons).toEqual(['专家 E2 的最低评审量为 2，但最多只能评审 1 项（其余申报需回避或已固定）']);
  });

  it('fixed pairs that are conflicted, repeated, unknown, or beyond k or the maximum load', () => {
    const reasons = reasonsOf({
      k: 1,
      applications: apps(2),
      experts: experts(2, 0, 1),
      isConflicted: (a, e) => a === 'A1' && e === 'E1',
      fixed: [
        { applicationId: 'A1', expertId: 'E1' },
        { applicationId: 'A1', expertId: 'E1' },
        { applicationId: 'A2', expertId: 'E2' },
        { applicationId: 'A2', expertId: 'E1' },
        { applicationId: 'A9', expertId: 'E1' },
        { applicationId: 'A1', expertId: 'E7' },
      ],
    });
    expect(reasons).toEqual([
      '固定分配 申报 A1 — 专家 E1 存在回避关系，不能保留',
      '固定分配 申报 A1 — 专家 E1 重复出现',
      '固定分配中的申报 A9 不在待分配列表中',
      '固定分配中的专家 E7 不在专家列表中',
      '申报 A2 已固定 2 位专家，超过每项 1 位',
      '专家 E1 已固定 2 项评审，超过其评审量上限 1',
    ]);
  });

  it('falls back to 最大流不足 with the deficit when only the flow can tell (a Hall violation)', () => {
    // k = 1; A1 and A2 may only be reviewed by E1 (E2 must avoid both), and E1 takes at most one review.
    // Every application has 1 eligible expert and capacity 1 + 5 ≥ 2, yet only one review fits.
    const reasons = reasonsOf({
      k: 1,
      applications: apps(2),
      experts: [
        { id: 'E1', expertise: ['平台'], minLoad: 0, maxLoad: 1 },
        { id: 'E2', expertise: ['平台'], minLoad: 0, maxLoad: 5 },
      ],
      isConflicted: (_a, e) => e === 'E2',
    });
    expect(reasons[0]).toBe('最大流不足：在回避关系和评审量上下限之内最多只能安排 1 次评审，共需 2 次，缺 1 次');
    expect(reasons[1]).toMatch(/^申报 A[12] 最多只能分到 0 位专家（需 1 位）$/);
  });

  it('reports an expert whose minimum load the flow cannot reach', () => {
    // k = 1, 2 applications; E1 and E2 each need exactly 1 review but must both avoid A2, so both want A1: each passes
    // the per-expert check (1 eligible application ≥ 1), yet one of them stays at 0 and A2 (only E3 left) is squeezed.
    const reasons = reasonsOf({
      k: 1,
      applications: apps(2),
      experts: [
        { id: 'E1', expertise: ['平台'], minLoad: 1, maxLoad: 1 },
        { id: 'E2', expertise: ['平台'], minLoad: 1, maxLoad: 1 },
        { id: 'E3', expertise: ['平台'], minLoad: 0, maxLoad: 2 },
      ],
      isConflicted: (a, e) => a === 'A2' && e !== 'E3',
    });
    expect(reasons[0]).toMatch(/^最大流不足：.*缺 1 次$/);
    expect(reasons.some((r) => /^专家 E[12] 最多只能达到 0 项评审（最低 1 项）$/.test(r))).toBe(true);
  });

  it('bad k and load ranges', () => {
    expect(reasonsOf({ k: 0, applications: apps(1), experts: experts(1), isConflicted: () => false })).toEqual(['每项申报的评审专家数 k 须为正整数（当前为 0）']);
    expect(reasonsOf({ k: 1, applications: apps(1), experts: experts(1, 3, 2), isConflicted: () => false })).toEqual([
      '专家 E1 的评审量范围无效：最低 3，最高 2（须为整数且 0 ≤ 最低 ≤ 最高）',
    ]);
  });
});

describe('专家分配：与独立求解器比对', () => {
  it('equals the brute-force optimum on small random pools (feasibility and cost)', () => {
    let feasible = 0;
    fc.assert(
      fc.property(poolOf({ apps: 4, experts: 5, k: 3, minLoad: 1, spare: 3, conflicts: 4, fixed: 2 }), (pool) => {
        const input = inputOf(pool);
        const expected = bruteForce(input);
        const result = expectValidAssignment(input);
        if (result.feasible) feasible++;
        expect(result.feasible ? result.cost : null).toBe(expected);
      }),
      { numRuns: 300 },
    );
    expect(feasible).toBeGreaterThan(30); // about a quarter of these pools can be assigned
  });

  it('equals the LP optimum from GLPK on medium random pools', () => {
    let feasible = 0;
    fc.assert(
      fc.property(poolOf({ apps: 40, experts: 14, k: 4, minLoad: 2, spare: 12, conflicts: 60, fixed: 6 }), (pool) => {
        const input = inputOf(pool);
        const expected = lpOptimum(input);
        const result = expectValidAssignment(input);
        if (result.feasible) feasible++;
        expect(result.feasible ? result.cost : null).toBe(expected);
      }),
      { numRuns: 120 },
    );
    expect(feasible).toBeGreaterThan(15); // about a third
  });

  it('agrees with GLPK when every pair is conflicted (no variable at all)', () => {
    const input = inputOf({ k: 1, apps: [[]], experts: [{ tags: [], minLoad: 0, spare: 0 }], conflicts: [[0, 0]], fixed: [] });
    expect(lpOptimum(input)).toBeNull();
    expect(assignExperts(input)).toEqual({ feasible: false, reasons: ['申报 A0 只有 0 位可分配的专家（1 位需回避），少于每项所需的 1 位', '专家评审量上限合计 0，少于所需评审总数 1 × 1 = 1'] });
  });

  it('equals GLPK on a larger pool (200 applications × 40 experts × 5, conflicts, min and max loads)', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const tags = (count: number) => [...TAGS].sort(() => rand() - 0.5).slice(0, count);
    const input: AssignmentInput = {
      k: 5,
      applications: Array.from({ length: 200 }, (_, i) => ({ id: `A${i}`, expertise: tags(1 + Math.floor(rand() * 2)) })),
      experts: Array.from({ length: 40 }, (_, j) => ({ id: `E${j}`, expertise: tags(1 + Math.floor(rand() * 2)), minLoad: 15, maxLoad: 35 })),
      isConflicted: (a, e) => (Number(a.slice(1)) * 31 + Number(e.slice(1)) * 17) % 50 === 0,
      fixed: [
        { applicationId: 'A0', expertId: 'E3' },
        { applicationId: 'A5', expertId: 'E39' },
      ],
    };
    const result = expectValidAssignment(input);
    expect(result.feasible).toBe(true);
    expect(result.feasible && result.cost).toBe(lpOptimum(input));
  });
});

describe('专家分配：随机专家库上的性质', () => {
  it('never a conflicted expert; exactly k distinct experts each, loads in range, fixed pairs kept — or reasons that name the cause', () => {
    let feasible = 0;
    let infeasible = 0;
    fc.assert(
      fc.property(poolOf({ apps: 30, experts: 12, k: 4, minLoad: 3, spare: 12, conflicts: 60, fixed: 6 }), (pool) => {
        const input = inputOf(pool);
        const result = expectValidAssignment(input);
        if (result.feasible) feasible++;
        else {
          infeasible++;
          expectReasonsExplain(input, result.reasons);
        }
        expect(result.feasible ? result.cost : null).toBe(lpOptimum(input));
      }),
      { numRuns: 300 },
    );
    // Both outcomes are exercised (about 30 % of these pools can be assigned).
    expect(feasible).toBeGreaterThan(30);
    expect(infeasible).toBeGreaterThan(30);
  });
});
