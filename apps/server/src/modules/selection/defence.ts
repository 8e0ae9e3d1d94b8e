import type { DefenceOverview, DefenceSessionBody, PanelResultBody } from '@shenbao/contracts';
import type { Db, DbOrTx } from '../../platform/database.ts';
import type { RequestContext } from '../../platform/context.ts';
import { conflict, invalid, notFound, type FieldError } from '../../platform/errors.ts';
import { recordEvent } from '../audit/index.ts';
import { displayNames, organisationNames, organisationResource } from '../identity/index.ts';
import { applicationRows } from '../applications/index.ts';
import { notifyOrganisation } from '../notifications/index.ts';
import { hasDefence, loadManagedCall, rubricOf, type CallRecord } from './access.ts';
import { activeConflictSet, conflictEntries, conflictKey } from './conflicts.ts';
import * as store from './store.ts';

const overlaps = (a: { startsAt: Date; endsAt: Date }, b: { startsAt: Date; endsAt: Date }) => a.startsAt < b.endsAt && b.startsAt < a.endsAt;
const when = (d: Date) => d.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

async function managedDefenceCall(db: Db, ctx: RequestContext, callId: string) {
  const managed = await loadManagedCall(db, ctx, callId);
  if (!hasDefence(managed.call.program)) throw conflict('本通知没有现场答辩环节');
  return managed;
}

export async function defenceOverview(db: Db, ctx: RequestContext, callId: string): Promise<DefenceOverview> {
  const { call } = await managedDefenceCall(db, ctx, callId);
  return buildDefence(db, call);
}

async function buildDefence(db: DbOrTx, call: CallRecord): Promise<DefenceOverview> {
  const shortlist = await store.shortlistOf(db, call.id);
  const sessions = await store.sessionsOf(db, call.id);
  const slots = await store.slotsOf(db, sessions.map((s) => s.id));
  const apps = new Map((await applicationRows(db, [...new Set([...shortlist.map((s) => s.applicationId), ...slots.map((s) => s.applicationId)])])).map((a) => [a.id, a]));
  const names = await organisationNames(db, [...apps.values()].map((a) => a.applicantOrganisationId));
  const experts = await displayNames(db, sessions.flatMap((s) => s.panelExpertIds));
  const describe = (id: string) => {
    const a = apps.get(id);
    return { number: a?.number ?? null, projectName: a?.projectName ?? null, applicantName: a ? (names.get(a.applicantOrganisationId) ?? '') : '' };
  };
  const scheduled = new Set(slots.map((s) => s.applicationId));
  return {
    shortlist: shortlist.map((s) => ({ applicationId: s.applicationId, ...describe(s.applicationId), scheduled: scheduled.has(s.applicationId) })),
    sessions: sessions.map((s) => ({
      id: s.id,
      room: s.room,
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt.toISOString(),
      panel: s.panelExpertIds.map((id) => ({ userId: id, name: experts.get(id) ?? '' })),
      slots: slots
        .filter((x) => x.sessionId === s.id)
        .map((x) => {
          const values = Object.values(x.panelScores);
          return {
            applicationId: x.applicationId,
            ...describe(x.applicationId),
            startsAt: x.startsAt.toISOString(),
            endsAt: x.endsAt.toISOString(),
            panelScores: x.panelScores,
            panelMean: values.length ? Math.round((values.reduce((p, v) => p + v, 0) / values.length) * 100) / 100 : null,
            panelRecommendation: x.panelRecommendation ?? null,
            panelOpinion: x.panelOpinion ?? null,
          };
        }),
    })),
  };
}

/** 入围名单: admitted applications only; one already scheduled stays on it. */
export async function setShortlist(db: Db, ctx: RequestContext, callId: string, applicationIds: string[]): Promise<DefenceOverview> {
  const { call, actor } = await managedDefenceCall(db, ctx, callId);
  const admitted = new Set(await store.admittedApplicationIds(db, callId));
  const errors: FieldError[] = applicationIds.flatMap((id, i) => (admitted.has(id) ? [] : [{ path: `/body/applicationIds/${i}`, message: '该申报未通过政策性审查' }]));
  if (errors.length) throw invalid('入围名单只能包含通过政策性审查的申报', errors);
  await db.transaction(async (tx) => {
    await store.replaceShortlist(tx, callId, [...new Set(applicationIds)], actor.userId);
    await recordEvent(tx, ctx, { action: 'selection.defence.shortlist', resourceType: 'call', resourceId: callId, details: { applicationIds } });
  });
  return buildDefence(db, call);
}

/**
 * 答辩场次: a room and time span, a panel with no expert conflicted with any presenter, slots inside the session that do
 * not overlap; the room and the panel's experts are not booked twice at the same time. Presenters are notified.
 */
export async function createSession(db: Db, ctx: RequestContext, callId: string, body: DefenceSessionBody): Promise<DefenceOverview> {
  const { call } = await managedDefenceCall(db, ctx, callId);
  const session = { startsAt: new Date(body.startsAt), endsAt: new Date(body.endsAt) };
  if (session.startsAt >= session.endsAt) throw invalid('结束时间须晚于开始时间', [{ path: '/body/endsAt', message: '须晚于开始时间' }]);
  const slots = body.slots.map((s) => ({ applicationId: s.applicationId, startsAt: new Date(s.startsAt), endsAt: new Date(s.endsAt) }));
  const errors: FieldError[] = [];
  slots.forEach((s, i) => {
    if (s.startsAt >= s.endsAt) errors.push({ path: `/body/slots/${i}/endsAt`, message: '须晚于开始时间' });
    if (s.startsAt < session.startsAt || s.endsAt > session.endsAt) errors.push({ path: `/body/slots/${i}/startsAt`, message: '须在场次时间内' });
    slots.forEach((o, j) => {
      if (j > i && overlaps(s, o)) errors.push({ path: `/body/slots/${j}/startsAt`, message: `与第${i + 1}个时段重叠` });
      if (j > i && o.applicationId === s.applicationId) errors.push({ path: `/body/slots/${j}/applicationId`, message: '同一申报只能安排一次' });
    });
  });
  if (new Set(body.panelExpertIds).size !== body.panelExpertIds.length) errors.push({ path: '/body/panelExpertIds', message: '答辩专家组有重复' });
  if (errors.length) throw invalid('答辩安排有误', errors);

  await db.transaction(async (tx) => {
    await store.lockCall(tx, 'defence', callId);
    const shortlist = new Set((await store.shortlistOf(tx, callId)).map((s) => s.applicationId));
    const existing = await store.sessionsOf(tx, callId);
    const existingSlots = await store.slotsOf(tx, existing.map((s) => s.id));
    slots.forEach((s, i) => {
      if (!shortlist.has(s.applicationId)) errors.push({ path: `/body/slots/${i}/applicationId`, message: '该申报不在入围名单中' });
      if (existingSlots.some((x) => x.applicationId === s.applicationId)) errors.push({ path: `/body/slots/${i}/applicationId`, message: '该申报已安排答辩' });
    });
    for (const other of existing) {
      if (!overlaps(session, other)) continue;
      if (other.room === body.room) errors.push({ path: '/body/room', message: `该会议室在 ${when(other.startsAt)} 已有答辩` });
      for (const id of body.panelExpertIds.filter((e) => other.panelExpertIds.includes(e))) errors.push({ path: '/body/panelExpertIds', message: `专家已在同一时间的另一场答辩中（${other.room}）：${id}` });
    }
    const review = await store.findReview(tx, callId);
    const issuer = call.issuerOrganisationId ? await organisationResource(tx, call.issuerOrganisationId) : null;
    const poolIds = review?.poolOrganisationIds ?? (issuer ? (await store.poolsAvailableTo(tx, issuer.id, issuer.ancestorIds)).map((p) => p.id) : []);
    const experts = (await store.expertsOfPools(tx, poolIds)).filter((e) => body.panelExpertIds.includes(e.userId));
    body.panelExpertIds.forEach((id, i) => {
      if (!experts.some((e) => e.userId === id)) errors.push({ path: `/body/panelExpertIds/${i}`, message: '该专家不在本次评审的专家库中' });
    });
    const apps = await applicationRows(tx, slots.map((s) => s.applicationId));
    const names = await organisationNames(tx, apps.map((a) => a.applicantOrganisationId));
    const entries = conflictEntries(experts, apps.map((a) => ({ organisationId: a.applicantOrganisationId, name: names.get(a.applicantOrganisationId) ?? '' })), await store.conflictsOfCall(tx, callId), (await store.now(tx)).getFullYear());
    const blocked = activeConflictSet(entries);
    for (const e of experts) {
      for (const a of apps) {
        if (!blocked.has(conflictKey(e.userId, a.applicantOrganisationId))) continue;
        const c = entries.find((x) => x.state === 'active' && x.expertUserId === e.userId && x.applicantOrganisationId === a.applicantOrganisationId)!;
        errors.push({ path: '/body/panelExpertIds', message: `${e.name}与答辩单位${c.applicantName}存在回避关系（${c.kindLabel}），不能进入该场答辩专家组` });
      }
    }
    if (errors.length) throw invalid('答辩安排有误', errors);
    const created = await store.insertSession(tx, { callId, room: body.room, startsAt: session.startsAt, endsAt: session.endsAt, panelExpertIds: body.panelExpertIds }, slots);
    for (const s of slots) {
      const a = apps.find((x) => x.id === s.applicationId)!;
      await notifyOrganisation(tx, {
        organisationId: a.applicantOrganisationId,
        type: 'selection.defence_scheduled',
        title: '现场答辩通知',
        body: `${a.projectName ?? a.number ?? ''}：请于 ${when(s.startsAt)}—${when(s.endsAt)} 到 ${body.room} 参加现场答辩。`,
        link: `/applications/${a.id}`,
        data: { applicationId: a.id, sessionId: created.id },
      });
    }
    await recordEvent(tx, ctx, { action: 'selection.defence.session', resourceType: 'call', resourceId: callId, details: { sessionId: created.id, room: body.room, panel: body.panelExpertIds, slots: slots.length } });
  });
  return buildDefence(db, call);
}

/** 答辩结果: each panel expert's score on the rubric scale and the panel's recommendation with its opinion. */
export async function recordPanelResult(db: Db, ctx: RequestContext, sessionId: string, applicationId: string, body: PanelResultBody): Promise<DefenceOverview> {
  const session = await store.findSession(db, sessionId);
  if (!session) throw notFound('答辩场次');
  const { call } = await managedDefenceCall(db, ctx, session.callId);
  const rubric = rubricOf(call.program);
  const errors: FieldError[] = [];
  for (const [id, score] of Object.entries(body.panelScores)) {
    if (!session.panelExpertIds.includes(id)) errors.push({ path: `/body/panelScores/${id}`, message: '不是本场答辩专家组成员' });
    else if (score < rubric.scaleMin || score > rubric.scaleMax) errors.push({ path: `/body/panelScores/${id}`, message: `分数应在 ${rubric.scaleMin}–${rubric.scaleMax} 之间` });
  }
  session.panelExpertIds.forEach((id) => {
    if (body.panelScores[id] === undefined) errors.push({ path: `/body/panelScores/${id}`, message: '请录入该专家的答辩评分' });
  });
  if (errors.length) throw invalid('答辩评分有误', errors);
  await db.transaction(async (tx) => {
    const ok = await store.updateSlot(tx, sessionId, applicationId, { panelScores: body.panelScores, panelRecommendation: body.panelRecommendation, panelOpinion: body.panelOpinion });
    if (!ok) throw notFound('答辩时段');
    await recordEvent(tx, ctx, { action: 'selection.defence.result', resourceType: 'application', resourceId: applicationId, details: { sessionId, ...body } });
  });
  return buildDefence(db, call);
}
