import type { LifecycleStage } from '@shenbao/contracts';
import { applyRate, type Hundredths } from './money.ts';

/** The pack's funding policy (003 第十三条: 20 % of the actual investment, at most 100万, two tranches). */
export interface FundingPolicy {
  subsidyRate: number;
  capWan: number;
  tranches: { label: string; stage: LifecycleStage; share?: number }[];
}

/** 补助金额: rate × basis, rounded half-up to 0.01万元, then capped. */
export function subsidyAmount(policy: FundingPolicy, basis: Hundredths): { amount: Hundredths; capApplied: boolean } {
  const raw = applyRate(basis, policy.subsidyRate);
  const cap = Math.round(policy.capWan * 100);
  return raw > cap ? { amount: cap, capApplied: true } : { amount: raw, capApplied: false };
}

const AFTER_ACCEPTANCE: LifecycleStage[] = ['acceptance', 're_acceptance', 'honours'];
export const isAfterAcceptance = (stage: LifecycleStage) => AFTER_ACCEPTANCE.includes(stage);

export interface TranchePlan {
  index: number;
  label: string;
  stage: LifecycleStage;
  share: number | null;
  /** null: no share in the pack — the owner decides, within what remains of the estimate. */
  planned: Hundredths | null;
  paid: Hundredths;
  open: boolean;
  remaining: Hundredths | null;
}

export interface SubsidyPlanResult {
  estimate: Hundredths | null;
  final: Hundredths | null;
  capApplied: boolean;
  tranches: TranchePlan[];
  paid: Hundredths;
  overpaid: Hundredths;
}

/**
 * 分次拨付: tranches before acceptance are measured on the estimate (the application's planned investment), the
 * ones after on the final subsidy (the accepted investment). A tranche with a share gets share × its base; the last
 * tranche gets whatever the final subsidy leaves after everything paid before it. Payments beyond the final subsidy
 * are `overpaid` (to deduct or recover).
 */
export function subsidyPlan(
  policy: FundingPolicy,
  input: { plannedBasis: Hundredths | null; acceptedBasis: Hundredths | null; paidByTranche: Hundredths[]; accepted: boolean; active: boolean },
): SubsidyPlanResult {
  const est = input.plannedBasis === null ? null : subsidyAmount(policy, input.plannedBasis);
  const fin = input.acceptedBasis === null ? null : subsidyAmount(policy, input.acceptedBasis);
  const paid = (i: number) => input.paidByTranche[i] ?? 0;
  const last = policy.tranches.length - 1;
  const tranches: TranchePlan[] = policy.tranches.map((t, index) => {
    const after = isAfterAcceptance(t.stage);
    const base = after ? (fin?.amount ?? null) : (est?.amount ?? null);
    let planned: Hundredths | null = null;
    if (index === last && base !== null) {
      const before = input.paidByTranche.slice(0, index).reduce((a, b) => a + b, 0);
      planned = Math.max(0, base - before);
    } else if (t.share !== undefined && base !== null) {
      planned = applyRate(base, t.share);
    }
    const open = input.active && (!after || input.accepted);
    return { index, label: t.label, stage: t.stage, share: t.share ?? null, planned, paid: paid(index), open, remaining: planned === null ? null : Math.max(0, planned - paid(index)) };
  });
  const total = input.paidByTranche.reduce((a, b) => a + b, 0);
  return {
    estimate: est?.amount ?? null,
    final: fin?.amount ?? null,
    capApplied: (fin ?? est)?.capApplied ?? false,
    tranches,
    paid: total,
    overpaid: fin ? Math.max(0, total - fin.amount) : 0,
  };
}

/**
 * How much more a tranche may take now: its planned remainder, or — without a share — what remains of the
 * estimate (before acceptance) or the final subsidy, counting everything already paid.
 */
export function payableNow(plan: SubsidyPlanResult, index: number): Hundredths | null {
  const t = plan.tranches[index];
  if (!t || !t.open) return null;
  const ceiling = (plan.final ?? plan.estimate ?? 0) - plan.paid;
  const remaining = t.remaining ?? ceiling;
  return Math.max(0, Math.min(remaining, ceiling));
}
