import type { ProgramPack } from '@shenbao/contracts';
import { categoryPath } from '@shenbao/rules';
import type { DbOrTx } from '../../platform/database.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { hasRole } from '../../platform/context.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import { can, organisationResource, requireActor } from '../identity/index.ts';
import { findCallRecord } from '../programs/index.ts';
import './policy.ts';

export type CallRecord = NonNullable<Awaited<ReturnType<typeof findCallRecord>>>;

/** Whether the actor's organisation issued the call or sits above its issuer. */
export async function ownsCall(db: DbOrTx, actor: Actor, call: CallRecord): Promise<boolean> {
  if (!call.issuerOrganisationId) return false;
  const issuer = await organisationResource(db, call.issuerOrganisationId);
  return issuer !== null && (issuer.id === actor.organisationId || issuer.ancestorIds.includes(actor.organisationId));
}

export async function loadCall(db: DbOrTx, callId: string): Promise<CallRecord> {
  const call = await findCallRecord(db, callId);
  if (!call) throw notFound('申报通知');
  return call;
}

/** The call, for the officer who runs its selection: 404 outside the issuer's line, 403 for other roles inside it. */
export async function loadManagedCall(db: DbOrTx, ctx: RequestContext, callId: string): Promise<{ call: CallRecord; actor: Actor }> {
  const actor = requireActor(ctx);
  const call = await loadCall(db, callId);
  const owns = await ownsCall(db, actor, call);
  if (!owns) throw notFound('申报通知');
  if (!can(actor, 'selection.manage', { ownsCall: owns })) throw forbidden('只有发文单位的主管部门经办人可以组织评审遴选');
  return { call, actor };
}

export function requireExpert(ctx: RequestContext): Actor {
  const actor = requireActor(ctx);
  if (!hasRole(actor, 'expert')) throw forbidden('只有评审专家可以执行此操作');
  return actor;
}

/** Expertise tags of a direction: its own and every ancestor branch's (a branch's tags hold for its children). */
export function directionExpertise(program: ProgramPack, directionId: string | null): string[] {
  if (!directionId) return [];
  const path = categoryPath(program.categories, directionId) ?? [];
  return [...new Set(path.flatMap((n) => n.expertise ?? []))];
}

export function directionLabel(program: ProgramPack, directionId: string | null): string | null {
  if (!directionId) return null;
  const path = categoryPath(program.categories, directionId);
  return path ? path.map((n) => n.label).join(' / ') : null;
}

/** The rubric the experts fill: the pack's, or — where the notice sets none — one overall score with a required comment. */
export function rubricOf(program: ProgramPack) {
  const r = program.rubric;
  if (!r) {
    return {
      scaleMin: 0,
      scaleMax: 100,
      criteria: [{ id: 'overall', label: '综合评价', weight: 1, commentRequired: true, description: '通知未规定评审指标，按申报条件与材料质量综合评分' }],
      note: '通知未规定评审指标和分值，采用综合评分（0–100分）。',
    };
  }
  return {
    scaleMin: r.scale.min,
    scaleMax: r.scale.max,
    criteria: r.criteria.map((c) => ({ id: c.id, label: c.label, weight: c.weight ?? 1, commentRequired: c.commentRequired ?? false, description: c.description ?? null })),
    note: r.note ?? null,
  };
}
export type Rubric = ReturnType<typeof rubricOf>;

/** Whether the pack has a 现场答辩 stage. */
export const hasDefence = (program: ProgramPack) => program.stages.some((s) => s.id === 'defence');
