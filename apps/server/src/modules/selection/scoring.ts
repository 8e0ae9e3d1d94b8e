import type { ExpertAssignmentDetail, ExpertCall, ScoreBody } from '@shenbao/contracts';
import type { Db, DbOrTx } from '../../platform/database.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { conflict, forbidden, invalid, notFound, type FieldError } from '../../platform/errors.ts';
import { recordEvent } from '../audit/index.ts';
import { can, organisationNames } from '../identity/index.ts';
import { applicationRows, filesOfApplication, latestSubmission } from '../applications/index.ts';
import { directionLabel, loadCall, requireExpert, rubricOf, type CallRecord, type Rubric } from './access.ts';
import { conflictEntries } from './conflicts.ts';
import * as store from './store.ts';

/** 评审专家保密及无利益冲突承诺: signed before anything is shown, and again after the review. */
export const STATEMENT_TEXT = {
  before:
    '本人承诺：对评审中知悉的申报材料、评审意见和评审结果严格保密，不复制、不泄露、不用于评审以外的用途；与所评审的申报单位不存在利益关系（包括任职、近三年内任职、业务往来、亲属关系等），如存在将主动申明回避；独立、客观、公正地评审，不接受申报单位及相关人员的任何请托和馈赠。',
  after: '本人承诺：已按评审要求独立完成全部评审，评审过程中未泄露任何评审信息，评审结束后继续履行保密义务，未留存申报材料。',
} as const;

const round2 = (n: number) => Math.round(n * 100) / 100;

/** The weighted score on the rubric's scale: Σ wᵢ·sᵢ / Σ wᵢ. */
export function weightedTotal(rubric: Rubric, scores: Record<string, number>): number {
  const weights = rubric.criteria.reduce((s, c) => s + c.weight, 0);
  return round2(rubric.criteria.reduce((s, c) => s + c.weight * (scores[c.id] ?? 0), 0) / weights);
}

/** Check a score sheet against the rubric; a draft may be incomplete, a submission may not. */
export function checkSheet(rubric: Rubric, body: Pick<ScoreBody, 'scores' | 'comments' | 'opinion' | 'submit'>): FieldError[] {
  const errors: FieldError[] = [];
  const ids = new Set(rubric.criteria.map((c) => c.id));
  for (const id of Object.keys(body.scores)) if (!ids.has(id)) errors.push({ path: `/scores/${id}`, message: '评分细则中没有该指标' });
  for (const id of Object.keys(body.comments)) if (!ids.has(id)) errors.push({ path: `/comments/${id}`, message: '评分细则中没有该指标' });
  for (const c of rubric.criteria) {
    const v = body.scores[c.id];
    if (v === undefined) {
      if (body.submit) errors.push({ path: `/scores/${c.id}`, message: `请为“${c.label}”打分` });
    } else if (!Number.isFinite(v) || v < rubric.scaleMin || v > rubric.scaleMax) {
      errors.push({ path: `/scores/${c.id}`, message: `“${c.label}”的分数应在 ${rubric.scaleMin}–${rubric.scaleMax} 之间` });
    }
    if (body.submit && c.commentRequired && !(body.comments[c.id] ?? '').trim()) errors.push({ path: `/comments/${c.id}`, message: `请填写“${c.label}”的评审意见` });
  }
  if (body.submit && !body.opinion.trim()) errors.push({ path: '/opinion', message: '请填写综合评审意见' });
  return errors;
}

export async function expertCalls(db: Db, ctx: RequestContext): Promise<{ items: ExpertCall[] }> {
  const actor = requireExpert(ctx);
  const mine = await store.reviewsOfExpert(db, actor.userId);
  const statements = await store.statementsOfExpert(db, actor.userId);
  const items: ExpertCall[] = [];
  for (const r of mine) {
    const call = await loadCall(db, r.callId);
    const signed = (phase: 'before' | 'after') => statements.find((s) => s.callId === r.callId && s.phase === phase)?.signedAt.toISOString() ?? null;
    items.push({ callId: r.callId, callTitle: call.title, status: r.status, statementText: signed('before') ? STATEMENT_TEXT.after : STATEMENT_TEXT.before, signedBefore: signed('before'), signedAfter: signed('after'), assigned: r.assigned, submitted: r.submitted });
  }
  return { items };
}

async function requireAssignedTo(db: DbOrTx, actor: Actor, callId: string) {
  const mine = await store.assignmentsOfExpert(db, callId, actor.userId);
  if (!mine.length) throw notFound('评审任务');
  return mine;
}

export async function signStatement(db: Db, ctx: RequestContext, callId: string, phase: 'before' | 'after'): Promise<void> {
  const actor = requireExpert(ctx);
  const mine = await requireAssignedTo(db, actor, callId);
  const statements = (await store.statementsOfExpert(db, actor.userId)).filter((s) => s.callId === callId);
  if (phase === 'after') {
    if (!statements.some((s) => s.phase === 'before')) throw conflict('请先签署评审前承诺');
    if (mine.some((a) => !a.submittedAt)) throw conflict('尚有评审未提交，完成全部评审后再签署评审后承诺');
  }
  await db.transaction(async (tx) => {
    const inserted = await store.insertStatement(tx, { callId, expertUserId: actor.userId, phase, text: STATEMENT_TEXT[phase] });
    if (!inserted) throw conflict('已签署过该承诺');
    await recordEvent(tx, ctx, { action: `selection.statement.${phase}`, resourceType: 'call', resourceId: callId, details: {} });
  });
}

/**
 * The assignments an expert may open: its own, after the statement, never one that became conflicted since.
 * Conflicted ones disappear from its view (and are removed when the conflict is recorded).
 */
async function visibleAssignments(db: DbOrTx, actor: Actor, call: CallRecord) {
  const mine = await requireAssignedTo(db, actor, call.id);
  const signed = (await store.statementsOfExpert(db, actor.userId)).some((s) => s.callId === call.id && s.phase === 'before');
  if (!signed) throw forbidden('请先签署保密及无利益冲突承诺');
  const apps = await applicationRows(db, mine.map((a) => a.applicationId));
  const names = await organisationNames(db, apps.map((a) => a.applicantOrganisationId));
  const [me] = await store.expertsOfPools(db, [actor.organisationId]).then((all) => all.filter((e) => e.userId === actor.userId));
  const recorded = (await store.conflictsOfCall(db, call.id)).filter((c) => c.expertUserId === actor.userId);
  const applicants = apps.map((a) => ({ organisationId: a.applicantOrganisationId, name: names.get(a.applicantOrganisationId) ?? '' }));
  const conflicts = me ? conflictEntries([me], applicants, recorded, (await store.now(db)).getFullYear()).filter((c) => c.state === 'active') : [];
  const blocked = new Set(conflicts.map((c) => c.applicantOrganisationId));
  return mine
    .map((a) => ({ a, app: apps.find((x) => x.id === a.applicationId)! }))
    .filter(({ a, app }) => app && can(actor, 'selection.review', { expertUserId: a.expertUserId, conflicted: blocked.has(app.applicantOrganisationId) }))
    .map(({ a, app }) => ({
      a,
      app,
      view: {
        id: a.id,
        applicationId: app.id,
        number: app.number,
        projectName: app.projectName,
        applicantName: names.get(app.applicantOrganisationId) ?? '',
        directionLabel: directionLabel(call.program, app.directionId),
        submittedAt: a.submittedAt?.toISOString() ?? null,
        total: a.submittedAt ? a.total : null,
      },
    }));
}

export async function myAssignments(db: Db, ctx: RequestContext, callId: string) {
  const actor = requireExpert(ctx);
  const call = await loadCall(db, callId);
  const review = await store.findReview(db, callId);
  const items = await visibleAssignments(db, actor, call);
  return { callId, status: review?.status ?? ('setup' as const), items: items.map((i) => i.view) };
}

async function openAssignment(db: DbOrTx, ctx: RequestContext, assignmentId: string) {
  const actor = requireExpert(ctx);
  const found = await store.findAssignment(db, assignmentId);
  if (!found || found.expertUserId !== actor.userId) throw notFound('评审任务');
  const call = await loadCall(db, found.callId);
  const visible = (await visibleAssignments(db, actor, call)).find((v) => v.a.id === assignmentId);
  if (!visible) throw notFound('评审任务');
  const review = await store.findReview(db, call.id);
  return { actor, call, ...visible, status: review?.status ?? ('setup' as const) };
}

export async function assignmentDetail(db: Db, ctx: RequestContext, assignmentId: string): Promise<ExpertAssignmentDetail> {
  const { call, a, app, view, status } = await openAssignment(db, ctx, assignmentId);
  const rubric = rubricOf(call.program);
  const closed = status === 'closed';
  let application: ExpertAssignmentDetail['application'] = null;
  if (!closed) {
    const submission = await latestSubmission(db, app.id);
    const snapshot = (submission?.snapshot ?? {}) as { answers?: Record<string, unknown> };
    const files = await filesOfApplication(db, app.id);
    application = {
      formId: app.formId,
      packVersion: app.packVersion,
      callId: call.id,
      answers: snapshot.answers ?? app.answers,
      sha256: submission?.sha256 ?? '',
      documentUrl: `/api/expert/assignments/${a.id}/document.pdf`,
      files: files.map((f) => ({ id: f.id, fieldId: f.fieldId, name: f.name, size: f.size, sha256: f.sha256, url: `/api/expert/assignments/${a.id}/files/${f.id}` })),
    };
  }
  let others: ExpertAssignmentDetail['others'] = null;
  if (a.submittedAt && !closed) {
    const all = (await store.assignmentsOfCall(db, call.id)).filter((x) => x.applicationId === app.id && x.id !== a.id);
    others = all.map((x, i) => ({ label: `专家${String.fromCharCode(65 + i)}`, total: x.submittedAt ? x.total : null, submitted: Boolean(x.submittedAt) }));
  }
  return { assignment: view, callStatus: status, application, rubric, sheet: { scores: a.scores, comments: a.comments, opinion: a.opinion ?? '' }, others };
}

/** 暂存 or 提交 the score sheet; a submitted sheet is final. */
export async function saveSheet(db: Db, ctx: RequestContext, assignmentId: string, body: ScoreBody): Promise<ExpertAssignmentDetail> {
  const { call, status } = await openAssignment(db, ctx, assignmentId);
  if (status !== 'scoring') throw conflict(status === 'closed' ? '评审已结束，不能再修改评分' : '评审尚未开始');
  const rubric = rubricOf(call.program);
  const errors = checkSheet(rubric, body);
  if (errors.length) throw invalid(body.submit ? '评分表尚未填写完整' : '评分表有误', errors);
  await db.transaction(async (tx) => {
    const a = await store.findAssignment(tx, assignmentId, true);
    if (!a) throw notFound('评审任务');
    if (a.submittedAt) throw conflict('评分已提交，不能再修改');
    const complete = rubric.criteria.every((c) => body.scores[c.id] !== undefined);
    await store.saveScores(tx, assignmentId, { scores: body.scores, comments: body.comments, opinion: body.opinion, total: complete ? weightedTotal(rubric, body.scores) : null, submit: body.submit });
    if (body.submit) await recordEvent(tx, ctx, { action: 'selection.score.submit', resourceType: 'application', resourceId: a.applicationId, details: { callId: call.id, assignmentId, total: weightedTotal(rubric, body.scores) } });
    else await recordEvent(tx, ctx, { action: 'selection.score.draft', resourceType: 'application', resourceId: a.applicationId, details: { callId: call.id, assignmentId } });
  });
  return assignmentDetail(db, ctx, assignmentId);
}

/** 申明回避: the expert declares a conflict; its open assignment with that applicant is withdrawn. */
export async function declareConflict(db: Db, ctx: RequestContext, assignmentId: string, reason: string): Promise<void> {
  const { actor, call, a, app } = await openAssignment(db, ctx, assignmentId);
  if (a.submittedAt) throw conflict('评分已提交；如存在回避情形，请联系主管部门处理');
  await db.transaction(async (tx) => {
    await store.upsertConflict(tx, { callId: call.id, expertUserId: actor.userId, applicantOrganisationId: app.applicantOrganisationId, kind: 'declared', state: 'pinned', reason, createdBy: actor.userId });
    await store.deleteAssignment(tx, a.id);
    await recordEvent(tx, ctx, { action: 'selection.conflict.declared', resourceType: 'application', resourceId: app.id, details: { callId: call.id, reason } });
  });
}

/** What an expert may download for one assignment while the review is open: the application row and its files. */
export async function openForDownload(db: Db, ctx: RequestContext, assignmentId: string) {
  const { app, status } = await openAssignment(db, ctx, assignmentId);
  if (status === 'closed') throw forbidden('评审已结束，不能再查阅申报材料');
  return { app, files: await filesOfApplication(db, app.id) };
}
