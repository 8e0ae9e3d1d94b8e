import type { AssignResult, ConflictBody, ConflictEntry, ReviewOverview, ReviewRow, ReviewSettings } from '@shenbao/contracts';
import type { Db, DbOrTx } from '../../platform/database.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, conflict, invalid, notFound } from '../../platform/errors.ts';
import { recordEvent } from '../audit/index.ts';
import { organisationNames, organisationResource } from '../identity/index.ts';
import { applicationRows, type ApplicationRow } from '../applications/index.ts';
import { notifyOrganisation } from '../notifications/index.ts';
import { directionExpertise, directionLabel, hasDefence, loadManagedCall, rubricOf, type CallRecord } from './access.ts';
import { assignExperts } from './assignment.ts';
import { activeConflictSet, conflictEntries, conflictKey } from './conflicts.ts';
import { NORMALISATION_METHOD_ZH, summariseScores } from './normalization.ts';
import * as store from './store.ts';

const DEFAULT_DIVERGENCE = 0.25;

/** The review as configured, or the defaults a call starts with: the pack's k, the issuer's own pool. */
async function settingsOf(db: DbOrTx, call: CallRecord): Promise<{ settings: ReviewSettings; status: 'setup' | 'scoring' | 'closed'; pools: { id: string; name: string }[] }> {
  const issuer = call.issuerOrganisationId ? await organisationResource(db, call.issuerOrganisationId) : null;
  const pools = issuer ? await store.poolsAvailableTo(db, issuer.id, issuer.ancestorIds) : [];
  const row = await store.findReview(db, call.id);
  if (row) {
    return {
      status: row.status,
      pools,
      settings: { reviewsPerApplication: row.reviewsPerApplication, minLoad: row.minLoad, maxLoad: row.maxLoad, poolOrganisationIds: row.poolOrganisationIds, divergenceThreshold: row.divergenceThreshold },
    };
  }
  const k = call.program.selection?.reviewsPerApplication ?? 5;
  const own = pools.filter((p) => p.ownPool);
  return { status: 'setup', pools, settings: { reviewsPerApplication: k, minLoad: 0, maxLoad: 30, poolOrganisationIds: (own.length ? own : pools).map((p) => p.id), divergenceThreshold: DEFAULT_DIVERGENCE } };
}

/** Everything the assignment and the overview need, read once. */
async function reviewState(db: DbOrTx, call: CallRecord) {
  const { settings, status, pools } = await settingsOf(db, call);
  const admittedIds = await store.admittedApplicationIds(db, call.id);
  const applications = await applicationRows(db, admittedIds);
  const names = await organisationNames(db, applications.map((a) => a.applicantOrganisationId));
  const experts = await store.expertsOfPools(db, settings.poolOrganisationIds);
  const recorded = await store.conflictsOfCall(db, call.id);
  const applicants = [...new Map(applications.map((a) => [a.applicantOrganisationId, { organisationId: a.applicantOrganisationId, name: names.get(a.applicantOrganisationId) ?? '' }])).values()];
  const conflicts = conflictEntries(experts, applicants, recorded, (await store.now(db)).getFullYear());
  const assignments = await store.assignmentsOfCall(db, call.id);
  return { settings, status, pools, applications, names, experts, conflicts, assignments };
}

export async function overview(db: Db, ctx: RequestContext, callId: string): Promise<ReviewOverview> {
  const { call } = await loadManagedCall(db, ctx, callId);
  return buildOverview(db, call);
}

async function buildOverview(db: DbOrTx, call: CallRecord): Promise<ReviewOverview> {
  const state = await reviewState(db, call);
  const rubric = rubricOf(call.program);
  const statements = await store.statementsOfCall(db, call.id);
  const shortlisted = new Set((await store.shortlistOf(db, call.id)).map((s) => s.applicationId));
  const expertName = new Map(state.experts.map((e) => [e.userId, e.name]));
  const submitted = state.assignments.filter((a) => a.submittedAt && a.total !== null);
  const summary = summariseScores(
    submitted.map((a) => ({ applicationId: a.applicationId, expertId: a.expertUserId, total: a.total! })),
    { scaleMin: rubric.scaleMin, scaleMax: rubric.scaleMax, divergenceThreshold: state.settings.divergenceThreshold },
  );
  const stats = new Map(summary.applications.map((s) => [s.applicationId, s]));
  const rows: ReviewRow[] = state.applications.map((app) => {
    const mine = state.assignments.filter((a) => a.applicationId === app.id);
    const s = stats.get(app.id);
    return {
      applicationId: app.id,
      number: app.number,
      projectName: app.projectName,
      applicantName: state.names.get(app.applicantOrganisationId) ?? '',
      directionLabel: directionLabel(call.program, app.directionId),
      assignments: mine.map((a) => ({
        id: a.id,
        expertUserId: a.expertUserId,
        expertName: expertName.get(a.expertUserId) ?? '（已不在专家库）',
        source: a.source,
        matched: a.matched,
        submittedAt: a.submittedAt?.toISOString() ?? null,
        remindedAt: a.remindedAt?.toISOString() ?? null,
        total: a.submittedAt ? a.total : null,
      })),
      done: mine.filter((a) => a.submittedAt).length,
      // k, or more where the officer added experts by hand
      required: Math.max(state.settings.reviewsPerApplication, mine.length),
      stats: s ? { count: s.count, mean: s.mean, median: s.median, spread: s.spread, stdDev: s.stdDev, normalized: s.normalized, divergent: s.divergent } : null,
      shortlisted: shortlisted.has(app.id),
    };
  });
  return {
    callId: call.id,
    callTitle: call.title,
    status: state.status,
    settings: state.settings,
    rubric,
    pools: state.pools.map((p) => ({ id: p.id, name: p.name })),
    experts: state.experts.map((e) => ({
      userId: e.userId,
      name: e.name,
      title: e.title,
      employerName: e.employerName,
      expertise: e.expertise,
      poolName: e.poolName,
      load: state.assignments.filter((a) => a.expertUserId === e.userId).length,
      submitted: state.assignments.filter((a) => a.expertUserId === e.userId && a.submittedAt).length,
      signedBefore: statements.some((s) => s.expertUserId === e.userId && s.phase === 'before'),
      signedAfter: statements.some((s) => s.expertUserId === e.userId && s.phase === 'after'),
    })),
    rows,
    progress: { done: state.assignments.filter((a) => a.submittedAt).length, total: state.assignments.length },
    normalisationMethod: NORMALISATION_METHOD_ZH,
    hasDefence: hasDefence(call.program),
  };
}

export async function saveSettings(db: Db, ctx: RequestContext, callId: string, settings: ReviewSettings): Promise<ReviewOverview> {
  const { call } = await loadManagedCall(db, ctx, callId);
  if (settings.minLoad > settings.maxLoad) throw invalid('最少评审数不能大于最多评审数', [{ path: '/body/minLoad', message: '不能大于最多评审数' }]);
  const { pools } = await settingsOf(db, call);
  const unknown = settings.poolOrganisationIds.filter((id) => !pools.some((p) => p.id === id));
  if (unknown.length) throw invalid('只能选择本单位或上级单位的专家库', [{ path: '/body/poolOrganisationIds', message: '专家库不可用' }]);
  await db.transaction(async (tx) => {
    await store.lockCall(tx, 'review', callId);
    const row = await store.findReview(tx, callId, true);
    if (row?.status === 'closed') throw conflict('评审已结束，不能修改评审设置');
    await store.upsertReview(tx, { callId, ...settings, status: row?.status ?? 'setup' });
    await recordEvent(tx, ctx, { action: 'selection.review.settings', resourceType: 'call', resourceId: callId, details: { ...settings } });
  });
  return buildOverview(db, call);
}

export async function listConflicts(db: Db, ctx: RequestContext, callId: string): Promise<{ items: ConflictEntry[] }> {
  const { call } = await loadManagedCall(db, ctx, callId);
  return { items: (await reviewState(db, call)).conflicts };
}

/** 指定回避 or 解除回避, always with a reason. A new conflict removes the expert's open assignments with that applicant. */
export async function recordConflict(db: Db, ctx: RequestContext, callId: string, body: ConflictBody): Promise<void> {
  const { call, actor } = await loadManagedCall(db, ctx, callId);
  const state = await reviewState(db, call);
  if (!state.experts.some((e) => e.userId === body.expertUserId)) throw invalid('该专家不在本次评审的专家库中', [{ path: '/body/expertUserId', message: '专家不在专家库中' }]);
  if (!state.applications.some((a) => a.applicantOrganisationId === body.applicantOrganisationId)) {
    throw invalid('该单位没有进入评审的申报', [{ path: '/body/applicantOrganisationId', message: '没有进入评审的申报' }]);
  }
  if (body.state === 'lifted') {
    const detected = state.conflicts.find((c) => c.expertUserId === body.expertUserId && c.applicantOrganisationId === body.applicantOrganisationId && c.kind === body.kind && c.source === 'detected');
    if (!detected) throw invalid('只能解除系统检测到的回避关系；人工登记的回避请重新登记', [{ path: '/body/kind', message: '没有该类型的检测结果' }]);
  }
  await db.transaction(async (tx) => {
    await store.lockCall(tx, 'review', callId);
    await store.upsertConflict(tx, { callId, expertUserId: body.expertUserId, applicantOrganisationId: body.applicantOrganisationId, kind: body.kind, state: body.state, reason: body.reason, createdBy: actor.userId });
    let removed = 0;
    if (body.state === 'pinned') {
      const appIds = new Set(state.applications.filter((a) => a.applicantOrganisationId === body.applicantOrganisationId).map((a) => a.id));
      for (const a of await store.assignmentsOfCall(tx, callId)) {
        if (a.expertUserId !== body.expertUserId || !appIds.has(a.applicationId)) continue;
        if (a.submittedAt) throw conflict('该专家已提交对该单位申报的评分，请先与专家核实后处理');
        await store.deleteAssignment(tx, a.id);
        removed += 1;
      }
    }
    await recordEvent(tx, ctx, { action: `selection.conflict.${body.state}`, resourceType: 'call', resourceId: callId, details: { ...body, removedAssignments: removed } });
  });
}

/** 自动分配: recompute every open automatic assignment; manual and submitted ones are kept as they are. */
export async function autoAssign(db: Db, ctx: RequestContext, callId: string): Promise<AssignResult> {
  const { call } = await loadManagedCall(db, ctx, callId);
  return db.transaction(async (tx) => {
    await store.lockCall(tx, 'review', callId);
    const state = await reviewState(tx, call);
    if (state.status === 'closed') throw conflict('评审已结束，不能重新分配');
    if (!state.applications.length) throw conflict('没有通过政策性审查的申报，无需分配');
    const blocked = activeConflictSet(state.conflicts);
    const appById = new Map(state.applications.map((a) => [a.id, a]));
    const expertIds = new Set(state.experts.map((e) => e.userId));
    const kept = state.assignments.filter((a) => (a.source === 'manual' || a.submittedAt) && appById.has(a.applicationId) && expertIds.has(a.expertUserId));
    const result = assignExperts({
      k: state.settings.reviewsPerApplication,
      applications: state.applications.map((a) => ({ id: a.id, label: `${a.number ?? ''}「${a.projectName ?? ''}」`, expertise: directionExpertise(call.program, a.directionId) })),
      experts: state.experts.map((e) => ({ id: e.userId, label: e.name, expertise: e.expertise, minLoad: state.settings.minLoad, maxLoad: state.settings.maxLoad })),
      isConflicted: (applicationId, expertId) => blocked.has(conflictKey(expertId, appById.get(applicationId)!.applicantOrganisationId)),
      fixed: kept.map((a) => ({ applicationId: a.applicationId, expertId: a.expertUserId })),
    });
    if (!result.feasible) {
      throw new AppError(422, 'assignment_infeasible', `无法完成分配：${result.reasons.join('；')}`, result.reasons.map((message) => ({ path: '/assignment', message })));
    }
    await store.deleteOpenAutoAssignments(tx, callId);
    const fresh = result.pairs.filter((p) => !p.fixed);
    await store.insertAssignments(tx, fresh.map((p) => ({ callId, applicationId: p.applicationId, expertUserId: p.expertId, source: 'auto' as const, matched: p.matched })));
    await store.upsertReview(tx, { callId, ...state.settings, status: 'scoring', assignedAt: new Date() });
    await notifyExperts(tx, call, state.experts.filter((e) => fresh.some((p) => p.expertId === e.userId)));
    await recordEvent(tx, ctx, { action: 'selection.assign.auto', resourceType: 'call', resourceId: callId, details: { assigned: fresh.length, kept: kept.length, cost: result.cost, unmatched: result.unmatchedCount } });
    return { assigned: fresh.length, unmatched: result.unmatchedCount, cost: result.cost, kept: kept.length };
  });
}

async function notifyExperts(tx: DbOrTx, call: CallRecord, experts: store.ExpertRecord[]) {
  for (const e of experts) {
    await notifyOrganisation(tx, {
      organisationId: e.poolOrganisationId,
      userId: e.userId,
      type: 'selection.assigned',
      title: '您有新的评审任务',
      body: `${call.title}：请先签署保密及无利益冲突承诺，再查看申报材料并评分。`,
      link: `/expert/calls/${encodeURIComponent(call.id)}`,
      data: { callId: call.id },
    });
  }
}

/** 手工调整: add one expert to one application, never a conflicted one, within the expert's maximum load. */
export async function addAssignment(db: Db, ctx: RequestContext, callId: string, body: { applicationId: string; expertUserId: string; reason: string }): Promise<void> {
  const { call } = await loadManagedCall(db, ctx, callId);
  await db.transaction(async (tx) => {
    await store.lockCall(tx, 'review', callId);
    const state = await reviewState(tx, call);
    if (state.status === 'closed') throw conflict('评审已结束，不能调整分配');
    const app = state.applications.find((a) => a.id === body.applicationId);
    if (!app) throw invalid('该申报没有进入专家评审', [{ path: '/body/applicationId', message: '未进入专家评审' }]);
    const expert = state.experts.find((e) => e.userId === body.expertUserId);
    if (!expert) throw invalid('该专家不在本次评审的专家库中', [{ path: '/body/expertUserId', message: '专家不在专家库中' }]);
    const c = state.conflicts.find((x) => x.state === 'active' && x.expertUserId === expert.userId && x.applicantOrganisationId === app.applicantOrganisationId);
    if (c) throw conflict(`${expert.name}与${c.applicantName}存在回避关系（${c.kindLabel}：${c.reason}），不能分配`, [{ path: '/body/expertUserId', message: c.kindLabel }]);
    if (state.assignments.some((a) => a.applicationId === app.id && a.expertUserId === expert.userId)) throw conflict(`${expert.name}已在评审该申报`);
    const load = state.assignments.filter((a) => a.expertUserId === expert.userId).length;
    if (load >= state.settings.maxLoad) throw conflict(`${expert.name}已达到最多评审数（${state.settings.maxLoad}）`);
    const tags = new Set(directionExpertise(call.program, app.directionId));
    await store.insertAssignments(tx, [{ callId, applicationId: app.id, expertUserId: expert.userId, source: 'manual', matched: expert.expertise.some((t) => tags.has(t)) }]);
    if (state.status === 'setup') await store.upsertReview(tx, { callId, ...state.settings, status: 'scoring' });
    await notifyExperts(tx, call, [expert]);
    await recordEvent(tx, ctx, { action: 'selection.assign.manual_add', resourceType: 'application', resourceId: app.id, details: { callId, expertUserId: expert.userId, reason: body.reason } });
  });
}

export async function removeAssignment(db: Db, ctx: RequestContext, assignmentId: string, reason: string): Promise<void> {
  const found = await store.findAssignment(db, assignmentId);
  if (!found) throw notFound('评审分配');
  const { call } = await loadManagedCall(db, ctx, found.callId);
  await db.transaction(async (tx) => {
    await store.lockCall(tx, 'review', call.id);
    const a = await store.findAssignment(tx, assignmentId, true);
    if (!a) throw notFound('评审分配');
    if (a.submittedAt) throw conflict('专家已提交评分，不能撤销该分配');
    await store.deleteAssignment(tx, a.id);
    await recordEvent(tx, ctx, { action: 'selection.assign.manual_remove', resourceType: 'application', resourceId: a.applicationId, details: { callId: call.id, expertUserId: a.expertUserId, reason } });
  });
}

/** 提醒: every expert with an unsubmitted review gets a notice; the time is kept on the assignment. */
export async function remindLate(db: Db, ctx: RequestContext, callId: string): Promise<{ reminded: number }> {
  const { call } = await loadManagedCall(db, ctx, callId);
  return db.transaction(async (tx) => {
    const state = await reviewState(tx, call);
    if (state.status !== 'scoring') throw conflict('评审尚未开始或已结束');
    const open = state.assignments.filter((a) => !a.submittedAt);
    const experts = state.experts.filter((e) => open.some((a) => a.expertUserId === e.userId));
    for (const e of experts) {
      const count = open.filter((a) => a.expertUserId === e.userId).length;
      await notifyOrganisation(tx, { organisationId: e.poolOrganisationId, userId: e.userId, type: 'selection.reminder', title: '评审提醒', body: `${call.title}：您还有 ${count} 份评审未提交，请尽快完成。`, link: `/expert/calls/${encodeURIComponent(call.id)}`, data: { callId } });
    }
    await store.markReminded(tx, open.map((a) => a.id));
    await recordEvent(tx, ctx, { action: 'selection.review.remind', resourceType: 'call', resourceId: callId, details: { experts: experts.length, assignments: open.length } });
    return { reminded: experts.length };
  });
}

/** 结束评审: only when every assigned review is in; afterwards experts see nothing but their own scores. */
export async function closeReview(db: Db, ctx: RequestContext, callId: string): Promise<ReviewOverview> {
  const { call } = await loadManagedCall(db, ctx, callId);
  await db.transaction(async (tx) => {
    await store.lockCall(tx, 'review', callId);
    const row = await store.findReview(tx, callId, true);
    if (!row || row.status !== 'scoring') throw conflict('评审尚未开始或已结束');
    const open = (await store.assignmentsOfCall(tx, callId)).filter((a) => !a.submittedAt).length;
    if (open) throw conflict(`尚有 ${open} 份评审未提交，不能结束评审`);
    await store.upsertReview(tx, { ...row, status: 'closed', closedAt: new Date() });
    await recordEvent(tx, ctx, { action: 'selection.review.close', resourceType: 'call', resourceId: callId, details: {} });
  });
  return buildOverview(db, call);
}

/** Score summaries of a call's admitted applications, for the decision. */
export async function scoreSummaries(db: DbOrTx, call: CallRecord) {
  const rubric = rubricOf(call.program);
  const review = await store.findReview(db, call.id);
  const submitted = (await store.assignmentsOfCall(db, call.id)).filter((a) => a.submittedAt && a.total !== null);
  const summary = summariseScores(
    submitted.map((a) => ({ applicationId: a.applicationId, expertId: a.expertUserId, total: a.total! })),
    { scaleMin: rubric.scaleMin, scaleMax: rubric.scaleMax, divergenceThreshold: review?.divergenceThreshold ?? DEFAULT_DIVERGENCE },
  );
  return new Map(summary.applications.map((s) => [s.applicationId, s]));
}

export type { ApplicationRow };
