import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Inbox, InboxItem, IssueBody, ProgramPack, QuotaStatus, RankingBody, Recommendation, ReviewBody } from '@shenbao/contracts';
import { DEFAULT_REVIEW_CHECKLIST } from '@shenbao/contracts';
import { categoryPath, evaluate } from '@shenbao/rules';
import { uuidArray, type Db, type DbOrTx } from '../../platform/database.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { hasRole } from '../../platform/context.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../platform/errors.ts';
import { canonicalJson, recordEvent } from '../audit/index.ts';
import { can, organisationFacts, organisationNames, organisationResource, requireActor } from '../identity/index.ts';
import { effectiveStages, findCallRecord } from '../programs/index.ts';
import {
  applicationRows,
  applicationsOfRecommender,
  applicationSummaries,
  latestSubmission,
  recordReviewOutcome,
  ruleFindings,
  type ApplicationRow,
} from '../applications/index.ts';
import { notifyOrganisation } from '../notifications/index.ts';
import { summaryTableDocument, type SummaryEntry, type TableDocument } from '../documents/index.ts';
import { quotaStatus } from './quotas.ts';
import * as store from './store.ts';
import './policy.ts';

type CallRecord = NonNullable<Awaited<ReturnType<typeof findCallRecord>>>;
type Channel = CallRecord['program']['channels'][number];

async function loadCall(db: DbOrTx, id: string): Promise<CallRecord> {
  const call = await findCallRecord(db, id);
  if (!call) throw notFound('申报通知');
  return call;
}

const checklistOf = (program: ProgramPack) => (program as ProgramPack & { reviewChecklist?: { id: string; label: string }[] }).reviewChecklist ?? [...DEFAULT_REVIEW_CHECKLIST];

/** Channels through which an organisation of this kind recommends, and whether it is the upper (province) round. */
function channelsFor(program: ProgramPack, kind: string): { channel: Channel; upper: boolean }[] {
  return program.channels
    .filter((c) => c.recommenderKinds.includes(kind as never))
    .map((channel) => ({ channel, upper: channel.via === kind && channel.recommenderKinds.length > 1 }));
}

async function ownsCall(db: DbOrTx, actor: Actor, call: CallRecord): Promise<boolean> {
  if (!call.issuerOrganisationId) return false;
  const issuer = await organisationResource(db, call.issuerOrganisationId);
  return issuer !== null && (issuer.id === actor.organisationId || issuer.ancestorIds.includes(actor.organisationId));
}

/** The applications a recommender reviews in a call: its own applicants', and — in the province round — its cities' recommended ones. */
async function reviewable(db: DbOrTx, actor: Actor, call: CallRecord): Promise<{ rows: ApplicationRow[]; upperChannels: Set<string> }> {
  const rows = await applicationsOfRecommender(db, actor.organisationId, call.id);
  const upperChannels = new Set(channelsFor(call.program, actor.organisationKind).filter((c) => c.upper).map((c) => c.channel.id));
  if (upperChannels.size) {
    const issued = await store.issuedItems(db, call.id);
    const below = [];
    for (const item of issued) {
      if (!upperChannels.has(item.channelId) || item.recommenderOrganisationId === actor.organisationId) continue;
      const recommender = await organisationResource(db, item.recommenderOrganisationId);
      if (recommender?.ancestorIds.includes(actor.organisationId)) below.push(item.applicationId);
    }
    rows.push(...(await applicationRows(db, below)));
  }
  return { rows, upperChannels };
}

async function priorityFlags(program: ProgramPack, answers: Record<string, unknown>): Promise<string[]> {
  const flags = [];
  for (const f of program.priorityFlags ?? []) if ((await evaluate(f.when, { answers }, {}).catch(() => false)) === true) flags.push(f.label);
  return flags;
}

// ---------------------------------------------------------------- inbox and decisions

/** 待审申报: with filters applied by the client; warnings from the pack's rules and the duplicate guard included. */
export async function inbox(db: Db, ctx: RequestContext, callId: string): Promise<Inbox> {
  const actor = requireActor(ctx);
  if (!hasRole(actor, 'recommender_reviewer')) throw forbidden('只有推荐单位审核人可以查看待审申报');
  const call = await loadCall(db, callId);
  const { rows } = await reviewable(db, actor, call);
  const summaries = await applicationSummaries(db, rows);
  const decisions = new Map((await store.decisionsOf(db, actor.organisationId, rows.map((r) => r.id))).map((d) => [d.applicationId, d]));
  const duplicates = await duplicateFindings(db, call, rows);
  const items: InboxItem[] = [];
  for (const [i, row] of rows.entries()) {
    const d = decisions.get(row.id);
    const path = row.directionId ? categoryPath(call.program.categories, row.directionId) : null;
    items.push({
      application: summaries[i]!,
      decision: d ? { decision: d.decision, opinion: d.opinion, decidedAt: d.decidedAt.toISOString(), checklist: d.checklist } : null,
      warnings: (await ruleFindings(db, row)).map((v) => ({ path: v.path, message: v.message, severity: v.severity })),
      priorityFlags: await priorityFlags(call.program, row.answers),
      categoryLabel: path?.[0]?.label ?? null,
      duplicates: duplicates.get(row.id) ?? [],
    });
  }
  return { items, checklist: checklistOf(call.program) };
}

/** 审核: pass (into the ranking) or reject (opinion required), with the formal checklist; audited, the applicant told. */
export async function review(db: Db, ctx: RequestContext, applicationId: string, body: ReviewBody): Promise<void> {
  const actor = requireActor(ctx);
  if (!hasRole(actor, 'recommender_reviewer')) throw forbidden('只有推荐单位审核人可以审核');
  const [row] = await applicationRows(db, [applicationId]);
  if (!row) throw notFound('申报');
  const call = await loadCall(db, row.callId);
  const { rows, upperChannels } = await reviewable(db, actor, call);
  if (!rows.some((r) => r.id === applicationId)) throw notFound('申报');
  const upper = row.recommenderOrganisationId !== actor.organisationId;
  const checklist = checklistOf(call.program);
  const missing = checklist.filter((c) => body.checklist[c.id] !== true);
  if (body.decision === 'passed' && missing.length) throw invalid('形式审查未完成', missing.map((c) => ({ path: `/body/checklist/${c.id}`, message: `请确认：${c.label}` })));
  if (body.decision === 'rejected' && body.opinion.trim().length < 2) throw invalid('不予推荐须填写审核意见', [{ path: '/body/opinion', message: '请填写不予推荐的理由' }]);
  if (upper && !upperChannels.has(row.channelId)) throw forbidden('该申报不在本单位的审核范围内');

  await db.transaction(async (tx) => {
    const rec = await store.findOrCreate(tx, call.id, row.channelId, actor.organisationId);
    const locked = (await store.find(tx, rec.id, true))!;
    if (locked.status === 'issued') throw conflict('本单位已出具推荐意见，推荐结果已冻结；如需调整，须经发文单位同意后重新开启');
    await store.upsertDecision(tx, { applicationId, recommenderOrganisationId: actor.organisationId, decision: body.decision, opinion: body.opinion, checklist: body.checklist, decidedBy: actor.userId });
    if (!upper) {
      await recordReviewOutcome(tx, ctx, applicationId, body.decision, ['submitted', 'passed', 'rejected'], {
        type: body.decision === 'passed' ? 'review_passed' : 'review_rejected',
        opinion: body.opinion || null,
        notify: {
          title: body.decision === 'passed' ? '申报已通过推荐单位审核' : '申报未通过推荐单位审核',
          body: `「${row.projectName ?? row.number}」（${row.number}）${body.decision === 'passed' ? '已通过审核，进入推荐排序' : `未通过审核：${body.opinion}`}`,
        },
      });
    }
    if (upper) {
      // The province's own decision on a project its city recommended: the applicant hears of it too.
      await notifyOrganisation(tx, {
        organisationId: row.applicantOrganisationId,
        type: `application.province_${body.decision}`,
        title: body.decision === 'passed' ? '项目已通过省级审核' : '项目未列入省级推荐',
        body: `「${row.projectName ?? row.number}」（${row.number}）${body.decision === 'passed' ? '已通过省级审核，进入省级推荐排序' : `未列入省级推荐：${body.opinion}`}`,
        link: `/applications/${applicationId}`,
        data: { applicationId },
      });
    }
    if (body.decision === 'passed') await store.appendItem(tx, rec.id, applicationId);
    else await store.removeItem(tx, rec.id, applicationId);
    await recordEvent(tx, ctx, { action: `recommendation.review_${body.decision}`, resourceType: 'application', resourceId: applicationId, details: { opinion: body.opinion, checklist: body.checklist, upper } });
  });
}

// ---------------------------------------------------------------- ranking, quotas, issue

async function view(db: DbOrTx, actor: Actor, rec: store.RecommendationRow, call: CallRecord): Promise<Recommendation> {
  const items = await store.itemsOf(db, rec.id);
  const rows = await applicationRows(db, items.map((i) => i.applicationId));
  const summaries = await applicationSummaries(db, rows);
  const org = await organisationFacts(db, rec.recommenderOrganisationId);
  const channel = call.program.channels.find((c) => c.id === rec.channelId);
  const stage = deadlineStage(call, org?.kind ?? '', rec.channelId);
  const names = await organisationNames(db, [rec.recommenderOrganisationId]);
  return {
    id: rec.id,
    callId: call.id,
    callTitle: call.title,
    channelId: rec.channelId,
    channelLabel: channel?.label ?? rec.channelId,
    recommenderOrganisationId: rec.recommenderOrganisationId,
    recommenderName: names.get(rec.recommenderOrganisationId) ?? '',
    status: rec.status,
    version: rec.version,
    items: await Promise.all(items.map(async (item, i) => ({ rank: item.rank, application: summaries[i]!, priorityFlags: await priorityFlags(call.program, rows[i]!.answers) }))),
    quotas: await quotasOf(db, call, rec, rows),
    deadline: stage?.closes ?? null,
    opinion: rec.opinion,
    signerName: rec.signerName,
    issuedAt: rec.issuedAt?.toISOString() ?? null,
    sha256: rec.sha256,
    summaryColumns: call.program.summaryTable.columns.map((c) => c.header),
    serverTime: new Date().toISOString(),
  };
}

async function quotasOf(db: DbOrTx, call: CallRecord, rec: store.RecommendationRow, rows: ApplicationRow[]): Promise<QuotaStatus[]> {
  const org = await organisationFacts(db, rec.recommenderOrganisationId);
  const elsewhereItems = (await store.issuedItems(db, call.id)).filter((i) => i.recommendationId !== rec.id);
  const elsewhereRows = await applicationRows(db, elsewhereItems.map((i) => i.applicationId));
  const elsewhere = elsewhereRows.map((r) => ({ directionId: r.directionId, answers: r.answers, channelId: elsewhereItems.find((i) => i.applicationId === r.id)!.channelId }));
  return quotaStatus(call.program, { kind: org?.kind ?? '', regionClass: org?.regionClass ?? null }, rec.channelId, rows.map((r) => ({ directionId: r.directionId, answers: r.answers })), elsewhere);
}

/** The stage whose deadline binds this recommendation: the city round, or the province round of a national call. */
function deadlineStage(call: CallRecord, kind: string, channelId: string) {
  const upper = channelsFor(call.program, kind).find((c) => c.channel.id === channelId)?.upper ?? false;
  const stages = effectiveStages(call);
  return stages.find((s) => s.id === (upper ? 'provincial_recommendation' : 'recommendation')) ?? null;
}

async function loadRecommendation(db: DbOrTx, actor: Actor, id: string, forUpdate = false) {
  const rec = await store.find(db, id, forUpdate);
  if (!rec) throw notFound('推荐');
  const call = await loadCall(db, rec.callId);
  if (!can(actor, 'recommendation.read', { recommenderOrganisationId: rec.recommenderOrganisationId, ownsCall: await ownsCall(db, actor, call) })) throw notFound('推荐');
  return { rec, call };
}

/** 我的推荐: one per channel this organisation recommends through; the owner sees every recommender's side by side. */
export async function listRecommendations(db: Db, ctx: RequestContext, callId: string): Promise<Recommendation[]> {
  const actor = requireActor(ctx);
  const call = await loadCall(db, callId);
  if (hasRole(actor, 'recommender_reviewer')) {
    const out = [];
    for (const { channel } of channelsFor(call.program, actor.organisationKind)) out.push(await view(db, actor, await store.findOrCreate(db, call.id, channel.id, actor.organisationId), call));
    return out;
  }
  if (hasRole(actor, 'program_officer', 'platform_admin') && (hasRole(actor, 'platform_admin') || (await ownsCall(db, actor, call)))) {
    const recs = (await store.ofCall(db, call.id)).filter((r) => r.status === 'issued');
    return Promise.all(recs.map((r) => view(db, actor, r, call)));
  }
  throw forbidden('无权查看推荐情况');
}

export async function getRecommendation(db: Db, ctx: RequestContext, id: string): Promise<Recommendation> {
  const actor = requireActor(ctx);
  const { rec, call } = await loadRecommendation(db, actor, id);
  return view(db, actor, rec, call);
}

/** 排序: the whole new order at once, against the version the reviewer saw. */
export async function rank(db: Db, ctx: RequestContext, id: string, body: RankingBody): Promise<Recommendation> {
  const actor = requireActor(ctx);
  const { rec, call } = await loadRecommendation(db, actor, id);
  if (!can(actor, 'recommendation.act', rec)) throw forbidden('只有本推荐单位的审核人可以排序');
  if (rec.status === 'issued') throw conflict('推荐意见已出具，排序已冻结');
  const current = (await store.itemsOf(db, id)).map((i) => i.applicationId);
  if (body.order.length !== current.length || !current.every((a) => body.order.includes(a))) {
    throw invalid('排序须包含且仅包含全部审核通过的申报', [{ path: '/body/order', message: `应为当前 ${current.length} 个申报的一个排列` }]);
  }
  const ok = await db.transaction(async (tx) => {
    if (!(await store.replaceOrder(tx, id, body.version, body.order))) return false;
    await recordEvent(tx, ctx, { action: 'recommendation.rank', resourceType: 'recommendation', resourceId: id, details: { order: body.order } });
    return true;
  });
  if (!ok) throw new AppError(409, 'edit_conflict', '排序已被他人修改，请刷新后再调整', [{ path: '/body/version', message: '版本已变化' }]);
  return view(db, actor, (await store.find(db, id))!, call);
}

/** 重复推荐检查: the same applicant (credit code) with a similar project name in another recommendation of the call. */
async function duplicateFindings(db: DbOrTx, call: CallRecord, rows: ApplicationRow[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (rows.length === 0) return out;
  const result = await db.execute<{ application_id: string; other_id: string; other_number: string | null; other_project: string | null; recommender: string; channel_id: string; status: string }>(sql`
    SELECT a.id AS application_id, b.id AS other_id, b.number AS other_number, b.project_name AS other_project,
           o.name AS recommender, r.channel_id, r.status
    FROM applications a
    JOIN organisations ao ON ao.id = a.applicant_organisation_id
    JOIN applications b ON b.call_id = a.call_id AND b.id <> a.id
    JOIN organisations bo ON bo.id = b.applicant_organisation_id
    JOIN recommendation_items ri ON ri.application_id = b.id
    JOIN recommendations r ON r.id = ri.recommendation_id
    JOIN organisations o ON o.id = r.recommender_organisation_id
    WHERE a.id = ANY(${uuidArray(rows.map((r) => r.id))})
      AND a.call_id = ${call.id}
      AND ao.credit_code IS NOT NULL AND ao.credit_code = bo.credit_code
      AND similarity(coalesce(a.project_name, ''), coalesce(b.project_name, '')) > 0.6`);
  for (const r of result.rows) {
    const channel = call.program.channels.find((c) => c.id === r.channel_id)?.label ?? r.channel_id;
    const message = `同一申报单位的相似项目「${r.other_project ?? ''}」（${r.other_number ?? '未编号'}）已列入${r.recommender}的推荐（${channel}${r.status === 'issued' ? '，已出具' : '，排序中'}），同一项目不得重复推荐`;
    out.set(r.application_id, [...(out.get(r.application_id) ?? []), message]);
  }
  return out;
}

/** 出具推荐意见: signed by a named official; in the deadline by the database clock; within every quota; frozen after. */
export async function issue(db: Db, ctx: RequestContext, id: string, body: IssueBody): Promise<Recommendation> {
  const actor = requireActor(ctx);
  await db.transaction(async (tx) => {
    const { rec, call } = await loadRecommendation(tx, actor, id, true);
    if (!can(actor, 'recommendation.act', rec)) throw forbidden('只有本推荐单位的审核人可以出具推荐意见');
    if (rec.status === 'issued') throw conflict('推荐意见已出具');
    if (rec.version !== body.version) throw new AppError(409, 'edit_conflict', '推荐排序已被他人修改，请刷新确认后再出具', [{ path: '/body/version', message: '版本已变化' }]);
    const now = new Date((await tx.execute<{ now: Date }>(sql`SELECT now() AS now`)).rows[0]!.now);
    const stage = deadlineStage(call, actor.organisationKind, rec.channelId);
    const closes = stage?.extensionUntil ?? stage?.closes;
    if (closes && now > new Date(closes)) throw new AppError(409, 'deadline_passed', `推荐截止时间（${new Date(closes).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })}）已过，不能出具推荐意见`);
    const items = await store.itemsOf(tx, id);
    if (items.length === 0) throw invalid('没有审核通过的申报，无需出具推荐意见');
    const rows = await applicationRows(tx, items.map((i) => i.applicationId));
    const over = (await quotasOf(tx, call, rec, rows)).filter((q) => q.exceeded);
    if (over.length) {
      throw new AppError(422, 'quota_exceeded', `超出限额：${over.map((q) => `「${q.label}」已排序${q.used}个，限额${q.limit}个`).join('；')}`, over.map((q) => ({ path: `/quotas/${q.id}`, message: q.label })));
    }
    const duplicates = await duplicateFindings(tx, call, rows);
    const guarded = [...duplicates.values()].flat();
    if (guarded.length) throw new AppError(409, 'duplicate_recommendation', guarded[0]!, guarded.map((m) => ({ path: '/items', message: m })));
    const hashes = [];
    for (const row of rows) {
      const sub = await latestSubmission(tx, row.id);
      if (!sub) throw conflict(`申报 ${row.number ?? row.id} 没有提交快照`);
      hashes.push({ applicationId: row.id, number: row.number ?? '', seq: sub.seq, sha256: sub.sha256 });
    }
    const sha256 = createHash('sha256').update(canonicalJson({ recommendationId: id, signerName: body.signerName, opinion: body.opinion, issuedAt: now.toISOString(), items: hashes })).digest('hex');
    await store.update(tx, id, { status: 'issued', opinion: body.opinion, signerName: body.signerName, signedBy: actor.userId, issuedAt: now, sha256, snapshotHashes: hashes });
    for (const row of rows) {
      if (row.recommenderOrganisationId === actor.organisationId) {
        await recordReviewOutcome(tx, ctx, row.id, 'recommended', ['passed'], { type: 'recommended', opinion: body.opinion, notify: { title: '申报已被推荐', body: `「${row.projectName ?? row.number}」（${row.number}）已列入推荐` } });
      }
    }
    await recordEvent(tx, ctx, { action: 'recommendation.issue', resourceType: 'recommendation', resourceId: id, details: { sha256, signerName: body.signerName, items: hashes.length } });
    if (call.issuerOrganisationId) {
      await notifyOrganisation(tx, { organisationId: call.issuerOrganisationId, type: 'recommendation.issued', title: '收到推荐意见', body: `${(await organisationFacts(tx, actor.organisationId))?.name ?? ''}已出具推荐意见，推荐${hashes.length}个项目。`, link: `/recommendations/${id}`, data: { recommendationId: id } });
    }
  });
  return getRecommendation(db, ctx, id);
}

/** 重新开启: the call's owner consents; the set becomes a draft again and its applications return to 审核通过. */
export async function reopen(db: Db, ctx: RequestContext, id: string, reason: string): Promise<Recommendation> {
  const actor = requireActor(ctx);
  await db.transaction(async (tx) => {
    const { rec, call } = await loadRecommendation(tx, actor, id, true);
    if (!can(actor, 'recommendation.reopen', { ownsCall: await ownsCall(tx, actor, call) })) throw forbidden('重新开启推荐须由发文单位同意');
    if (rec.status !== 'issued') throw conflict('推荐尚未出具，无需重新开启');
    await store.update(tx, id, { status: 'draft', reopenedAt: new Date(), version: rec.version + 1 });
    const rows = await applicationRows(tx, (await store.itemsOf(tx, id)).map((i) => i.applicationId));
    for (const row of rows) {
      if (row.recommenderOrganisationId === rec.recommenderOrganisationId && row.status === 'recommended') {
        await recordReviewOutcome(tx, ctx, row.id, 'passed', ['recommended'], { type: 'recommendation_reopened', opinion: reason });
      }
    }
    await recordEvent(tx, ctx, { action: 'recommendation.reopen', resourceType: 'recommendation', resourceId: id, details: { reason, previousSha256: rec.sha256 } });
    await notifyOrganisation(tx, { organisationId: rec.recommenderOrganisationId, type: 'recommendation.reopened', title: '推荐已重新开启', body: `发文单位已同意重新开启推荐：${reason}`, link: `/recommendations/${id}`, data: { recommendationId: id } });
  });
  return getRecommendation(db, ctx, id);
}

// ---------------------------------------------------------------- summary table

/** 推荐汇总表 (Excel and PDF from one table document): the pack's title, columns and groups, in priority order. */
export async function summaryDocument(db: Db, ctx: RequestContext, id: string): Promise<{ fileName: string; doc: TableDocument }> {
  const actor = requireActor(ctx);
  const { rec, call } = await loadRecommendation(db, actor, id);
  const items = await store.itemsOf(db, id);
  const rows = await applicationRows(db, items.map((i) => i.applicationId));
  const recommender = await organisationFacts(db, rec.recommenderOrganisationId);
  const entries: SummaryEntry[] = [];
  for (const row of rows) {
    entries.push({
      answers: ((await latestSubmission(db, row.id))?.snapshot.answers as Record<string, unknown> | undefined) ?? row.answers,
      directionId: row.directionId,
      org: await organisationFacts(db, row.applicantOrganisationId),
      priority: items.find((it) => it.applicationId === row.id)?.rank ?? null,
      number: row.number,
    });
  }
  const doc = await summaryTableDocument(call.program, entries, {
    recommenderName: recommender?.name ?? null,
    date: rec.issuedAt ?? new Date(),
    draft: rec.status !== 'issued',
    signerName: rec.status === 'issued' ? rec.signerName : null,
  });
  return { fileName: `${call.program.summaryTable.title}（${recommender?.name ?? ''}）`, doc };
}
