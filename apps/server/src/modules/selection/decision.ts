import { fileTypeFromBuffer } from 'file-type';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Objection, ObjectionBody, ProgramPack, ProposeBody, PublicNotice, ResolveObjectionBody, SelectionItem, SelectionView } from '@shenbao/contracts';
import { SELECTION_STATUS_LABELS } from '@shenbao/contracts';
import { categoryPath } from '@shenbao/rules';
import type { BlobStore } from '../../platform/blob-store.ts';
import type { Db, DbOrTx } from '../../platform/database.ts';
import type { RequestContext } from '../../platform/context.ts';
import { conflict, invalid, notFound, type FieldError } from '../../platform/errors.ts';
import { recordEvent } from '../audit/index.ts';
import { organisationNames } from '../identity/index.ts';
import { applicationRows, recordReviewOutcome, type ApplicationRow } from '../applications/index.ts';
import { notifyOrganisation } from '../notifications/index.ts';
import { directionLabel, loadCall, loadManagedCall, type CallRecord } from './access.ts';
import { scoreSummaries } from './review.ts';
import * as store from './store.ts';

/** 公示期 when the pack sets none: the mission's 公示七天. */
export const DEFAULT_PUBLIC_NOTICE_DAYS = 7;
const EVIDENCE_TYPES = new Set(['application/pdf', 'image/jpeg', 'image/png']);
const EVIDENCE_MAX_BYTES = 5 * 1024 * 1024;

/** 2026年12月04日 10:34 (北京时间), as a message to a person says a time. */
const beijingTime = (d: Date) => {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }).formatToParts(d).map((p) => [p.type, p.value]));
  return `${parts.year}年${parts.month}月${parts.day}日 ${parts.hour}:${parts.minute}`;
};

const noticeDays = (program: ProgramPack) => program.selection?.publicNoticeDays ?? DEFAULT_PUBLIC_NOTICE_DAYS;
const outcomesOf = (program: ProgramPack) => program.selection?.outcomes ?? [];

/** Whether one application counts toward a call-scope quota (its categories and answer filters). */
function countsToward(program: ProgramPack, q: NonNullable<ProgramPack['quotas']>[number], a: Pick<ApplicationRow, 'directionId' | 'answers'>): boolean {
  if (q.categories?.length) {
    const path = a.directionId ? (categoryPath(program.categories, a.directionId) ?? []) : [];
    if (!path.some((n) => q.categories!.includes(n.id))) return false;
  }
  if (q.answer) {
    const value = (a.answers[q.answer.field] as { value?: unknown } | string | undefined) ?? undefined;
    const plain = typeof value === 'object' && value !== null && 'value' in value ? value.value : value;
    if (!q.answer.values.includes(String(plain))) return false;
  }
  return true;
}

const callQuotas = (program: ProgramPack) => (program.quotas ?? []).filter((q) => q.scope === 'call');

/** 限额 of the whole call (e.g. 湖南 全省总数不超过30个) as ceilings of the selected list. */
export function ceilings(program: ProgramPack, selected: Pick<ApplicationRow, 'directionId' | 'answers'>[]) {
  return callQuotas(program).map((q) => {
    const used = selected.filter((a) => countsToward(program, q, a)).length;
    return { id: q.id, label: q.label, limit: q.limit, used, exceeded: used > q.limit };
  });
}

async function describeItems(db: DbOrTx, call: CallRecord, entries: { applicationId: string; rank: number; outcome: string | null }[]): Promise<SelectionItem[]> {
  const apps = new Map((await applicationRows(db, entries.map((e) => e.applicationId))).map((a) => [a.id, a]));
  const names = await organisationNames(db, [...apps.values()].flatMap((a) => [a.applicantOrganisationId, a.recommenderOrganisationId ?? a.applicantOrganisationId]));
  const scores = await scoreSummaries(db, call);
  const outcomes = outcomesOf(call.program);
  return entries.map((e) => {
    const a = apps.get(e.applicationId);
    const s = scores.get(e.applicationId);
    return {
      applicationId: e.applicationId,
      rank: e.rank,
      number: a?.number ?? null,
      projectName: a?.projectName ?? null,
      applicantName: a ? (names.get(a.applicantOrganisationId) ?? '') : '',
      recommenderName: a?.recommenderOrganisationId ? (names.get(a.recommenderOrganisationId) ?? null) : null,
      directionLabel: a ? directionLabel(call.program, a.directionId) : null,
      outcome: e.outcome,
      outcomeLabel: outcomes.find((o) => o.id === e.outcome)?.label ?? null,
      score: s ? (s.normalized ?? s.mean) : null,
      ceilingIds: a ? callQuotas(call.program).filter((q) => countsToward(call.program, q, a)).map((q) => q.id) : [],
    };
  });
}

const objectionView = (o: store.ObjectionRow, projectName: string | null): Objection => ({
  id: o.id,
  applicationId: o.applicationId,
  projectName,
  name: o.name,
  phone: o.phone,
  email: o.email,
  content: o.content,
  evidence: o.evidence,
  lodgedAt: o.lodgedAt.toISOString(),
  status: o.status,
  outcome: o.outcome,
  handledAt: o.handledAt?.toISOString() ?? null,
});

export async function selectionView(db: Db, ctx: RequestContext, callId: string): Promise<SelectionView> {
  const { call } = await loadManagedCall(db, ctx, callId);
  return buildView(db, call);
}

async function buildView(db: DbOrTx, call: CallRecord): Promise<SelectionView> {
  const selection = await store.findSelection(db, call.id);
  const items = selection ? await store.itemsOf(db, selection.id) : [];
  const admitted = await store.admittedApplicationIds(db, call.id);
  const eligible = (await describeItems(db, call, admitted.map((id) => ({ applicationId: id, rank: 0, outcome: null })))).sort((a, b) => (b.score ?? -Infinity) - (a.score ?? -Infinity));
  eligible.forEach((e, i) => (e.rank = i + 1));
  const selectedRows = await applicationRows(db, items.map((i) => i.applicationId));
  const described = await describeItems(db, call, items);
  const objections = selection ? await store.objectionsOf(db, selection.id) : [];
  const projectNames = new Map(described.map((d) => [d.applicationId, d.projectName]));

  return {
    callId: call.id,
    callTitle: call.title,
    selection: selection
      ? {
          id: selection.id,
          status: selection.status,
          statusLabel: SELECTION_STATUS_LABELS[selection.status],
          version: selection.version,
          approverName: selection.approverName,
          approvedAt: selection.approvedAt?.toISOString() ?? null,
          noticeTitle: selection.noticeTitle,
          noticeText: selection.noticeText,
          noticeStartsAt: selection.noticeStartsAt?.toISOString() ?? null,
          noticeEndsAt: selection.noticeEndsAt?.toISOString() ?? null,
          documentNumber: selection.documentNumber,
          publishedAt: selection.publishedAt?.toISOString() ?? null,
          items: described,
        }
      : null,
    eligible,
    outcomes: outcomesOf(call.program).map((o) => ({ id: o.id, label: o.label })),
    ceilings: ceilings(call.program, selectedRows),
    publicNoticeDays: noticeDays(call.program),
    objections: objections.map((o) => objectionView(o, o.applicationId ? (projectNames.get(o.applicationId) ?? null) : null)),
    now: (await store.now(db)).toISOString(),
  };
}

/** 拟定入选名单: admitted applications in the officer's order, each with an outcome of the pack; guarded by a version. */
export async function propose(db: Db, ctx: RequestContext, callId: string, body: ProposeBody): Promise<SelectionView> {
  const { call, actor } = await loadManagedCall(db, ctx, callId);
  const admitted = new Set(await store.admittedApplicationIds(db, callId));
  const outcomes = outcomesOf(call.program);
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  body.items.forEach((item, i) => {
    if (!admitted.has(item.applicationId)) errors.push({ path: `/body/items/${i}/applicationId`, message: '该申报未通过政策性审查，不能入选' });
    if (seen.has(item.applicationId)) errors.push({ path: `/body/items/${i}/applicationId`, message: '重复' });
    seen.add(item.applicationId);
    if (item.outcome !== undefined && !outcomes.some((o) => o.id === item.outcome)) errors.push({ path: `/body/items/${i}/outcome`, message: '入选结果不在通知规定的范围内' });
  });
  if (errors.length) throw invalid('入选名单有误', errors);
  await db.transaction(async (tx) => {
    await store.lockCall(tx, 'decision', callId);
    let selection = await store.findSelection(tx, callId, true);
    if (selection && !['proposed', 'approved'].includes(selection.status)) throw conflict('名单已进入公示，只能通过异议处理调整');
    if ((selection?.version ?? 0) !== body.version) throw conflict('名单已被他人修改，请刷新后重试');
    if (!selection) selection = await store.insertSelection(tx, { callId, status: 'proposed', proposedBy: actor.userId });
    await store.replaceItems(tx, selection.id, body.items.map((i) => ({ applicationId: i.applicationId, outcome: i.outcome ?? outcomes[0]?.id ?? null })));
    // Changing an approved list sends it back for approval.
    await store.updateSelection(tx, selection.id, { status: 'proposed', version: selection.version + 1, proposedBy: actor.userId, proposedAt: new Date(), approvedBy: null, approverName: null, approvedAt: null });
    await recordEvent(tx, ctx, { action: 'selection.decision.propose', resourceType: 'call', resourceId: callId, details: { items: body.items } });
  });
  return buildView(db, call);
}

/** 审定: a named approver; a list over a call-wide ceiling cannot be approved. */
export async function approve(db: Db, ctx: RequestContext, callId: string, approverName: string): Promise<SelectionView> {
  const { call, actor } = await loadManagedCall(db, ctx, callId);
  await db.transaction(async (tx) => {
    await store.lockCall(tx, 'decision', callId);
    const selection = await store.findSelection(tx, callId, true);
    if (!selection || selection.status !== 'proposed') throw conflict('没有待审定的名单');
    const items = await store.itemsOf(tx, selection.id);
    if (!items.length) throw conflict('名单为空，不能审定');
    const over = ceilings(call.program, await applicationRows(tx, items.map((i) => i.applicationId))).filter((c) => c.exceeded);
    if (over.length) throw conflict(`名单超过限额：${over.map((c) => `${c.label}（已选${c.used}个）`).join('；')}`, over.map((c) => ({ path: '/selection/items', message: c.label })));
    await store.updateSelection(tx, selection.id, { status: 'approved', approvedBy: actor.userId, approverName, approvedAt: new Date() });
    await recordEvent(tx, ctx, { action: 'selection.decision.approve', resourceType: 'call', resourceId: callId, details: { approverName, items: items.length } });
  });
  return buildView(db, call);
}

/** 公示: the approved list goes on the public page for the pack's period, counted by the database clock. */
export async function startNotice(db: Db, ctx: RequestContext, callId: string, body: { title: string; text: string }): Promise<SelectionView> {
  const { call } = await loadManagedCall(db, ctx, callId);
  await db.transaction(async (tx) => {
    await store.lockCall(tx, 'decision', callId);
    const selection = await store.findSelection(tx, callId, true);
    if (!selection || selection.status !== 'approved') throw conflict('名单审定后才能发布公示');
    const starts = await store.now(tx);
    const ends = new Date(starts.getTime() + noticeDays(call.program) * 86_400_000);
    await store.updateSelection(tx, selection.id, { status: 'public_notice', noticeTitle: body.title, noticeText: body.text, noticeStartsAt: starts, noticeEndsAt: ends });
    for (const a of await applicationRows(tx, (await store.itemsOf(tx, selection.id)).map((i) => i.applicationId))) {
      await notifyOrganisation(tx, { organisationId: a.applicantOrganisationId, type: 'selection.public_notice', title: '拟入选名单公示', body: `${a.projectName ?? ''}列入${call.title}拟入选名单，正在公示。`, link: `/notices/${selection.id}`, data: { selectionId: selection.id } });
    }
    await recordEvent(tx, ctx, { action: 'selection.notice.start', resourceType: 'call', resourceId: callId, details: { title: body.title, endsAt: ends.toISOString() } });
  });
  return buildView(db, call);
}

/** 异议处理: upheld or dismissed with a recorded outcome; an upheld one may take the project off the list. */
export async function resolveObjection(db: Db, ctx: RequestContext, objectionId: string, body: ResolveObjectionBody): Promise<SelectionView> {
  const found = await store.findObjection(db, objectionId);
  if (!found) throw notFound('异议');
  const selection = await store.findSelectionById(db, found.selectionId);
  const { call, actor } = await loadManagedCall(db, ctx, selection!.callId);
  if (body.removeFromList && body.status !== 'upheld') throw invalid('只有异议成立时才能将项目移出名单', [{ path: '/body/removeFromList', message: '异议不成立时不能移出' }]);
  if (body.removeFromList && !found.applicationId) throw invalid('该异议未指向具体项目', [{ path: '/body/removeFromList', message: '未指向具体项目' }]);
  await db.transaction(async (tx) => {
    await store.lockCall(tx, 'decision', call.id);
    const o = await store.findObjection(tx, objectionId, true);
    if (!o || o.status !== 'open') throw conflict('该异议已处理');
    const s = await store.findSelection(tx, call.id, true);
    if (s?.status === 'published') throw conflict('名单已公布');
    await store.resolveObjection(tx, objectionId, { status: body.status, outcome: body.outcome, handledBy: actor.userId });
    if (body.removeFromList && o.applicationId) await store.removeItem(tx, o.selectionId, o.applicationId);
    await recordEvent(tx, ctx, { action: `selection.objection.${body.status}`, resourceType: 'objection', resourceId: objectionId, details: { outcome: body.outcome, removed: body.removeFromList ? o.applicationId : null } });
  });
  return buildView(db, call);
}

/**
 * 正式公布: after the period, with every objection handled, under a document number. The selected applications become
 * projects; the other admitted ones are told they were not selected.
 */
export async function publish(db: Db, ctx: RequestContext, callId: string, documentNumber: string): Promise<SelectionView> {
  const { call } = await loadManagedCall(db, ctx, callId);
  await db.transaction(async (tx) => {
    await store.lockCall(tx, 'decision', callId);
    const selection = await store.findSelection(tx, callId, true);
    if (!selection || selection.status !== 'public_notice') throw conflict('名单公示后才能正式公布');
    const now = await store.now(tx);
    if (now < selection.noticeEndsAt!) throw conflict(`公示期至 ${beijingTime(selection.noticeEndsAt!)} 结束，公示期满后才能公布`);
    const open = (await store.objectionsOf(tx, selection.id)).filter((o) => o.status === 'open');
    if (open.length) throw conflict(`尚有 ${open.length} 件异议未处理，处理完毕后才能公布`);
    const items = await store.itemsOf(tx, selection.id);
    const over = ceilings(call.program, await applicationRows(tx, items.map((i) => i.applicationId))).filter((c) => c.exceeded);
    if (over.length) throw conflict(`名单超过限额：${over.map((c) => c.label).join('；')}`);
    await store.updateSelection(tx, selection.id, { status: 'published', documentNumber, publishedAt: now });
    const selectedIds = new Set(items.map((i) => i.applicationId));
    const apps = await applicationRows(tx, await store.admittedApplicationIds(tx, callId));
    const years = call.program.honours?.demonstrationYears ?? null;
    await store.insertProjects(
      tx,
      items.map((i) => {
        const a = apps.find((x) => x.id === i.applicationId)!;
        return { callId, applicationId: a.id, applicantOrganisationId: a.applicantOrganisationId, recommenderOrganisationId: a.recommenderOrganisationId, name: a.projectName ?? a.number ?? '', outcome: i.outcome, documentNumber, demonstrationYears: years };
      }),
    );
    for (const a of apps) {
      const selected = selectedIds.has(a.id);
      await recordReviewOutcome(tx, ctx, a.id, selected ? 'selected' : 'not_selected', ['admitted'], {
        type: selected ? 'selected' : 'not_selected',
        opinion: selected ? `${documentNumber} 公布入选` : '未列入公布名单',
        notify: { title: selected ? '申报项目已入选' : '申报项目未入选', body: `${call.title}（${documentNumber}）：${a.projectName ?? ''}${selected ? '列入公布名单。' : '未列入公布名单。'}` },
      });
    }
    await recordEvent(tx, ctx, { action: 'selection.publish', resourceType: 'call', resourceId: callId, details: { documentNumber, selected: items.length } });
  });
  return buildView(db, call);
}

// ---------------------------------------------------------------- public pages

async function publicNoticeOf(db: DbOrTx, selection: store.SelectionRow, withItems: boolean): Promise<PublicNotice> {
  const call = await loadCall(db, selection.callId);
  const items = withItems ? await describeItems(db, call, await store.itemsOf(db, selection.id)) : [];
  const issuer = call.issuerOrganisationId ? (await organisationNames(db, [call.issuerOrganisationId])).get(call.issuerOrganisationId) : undefined;
  const now = await store.now(db);
  const published = selection.status === 'published';
  const years = call.program.honours?.demonstrationYears;
  return {
    id: selection.id,
    callId: call.id,
    callTitle: call.title,
    issuerName: issuer ?? call.program.issuer.name,
    kind: published ? 'published' : 'public_notice',
    title: published ? `关于公布${call.title}入选名单的通知` : (selection.noticeTitle ?? ''),
    text: published ? `经企业申报、推荐单位推荐、政策性审查、专家评审和公示，现将入选名单予以公布（${selection.documentNumber}）。` : (selection.noticeText ?? ''),
    noticeStartsAt: selection.noticeStartsAt?.toISOString() ?? null,
    noticeEndsAt: selection.noticeEndsAt?.toISOString() ?? null,
    documentNumber: selection.documentNumber,
    publishedAt: selection.publishedAt?.toISOString() ?? null,
    objectionsOpen: selection.status === 'public_notice' && now >= selection.noticeStartsAt! && now < selection.noticeEndsAt!,
    items: items.map((i) => ({ rank: i.rank, projectName: i.projectName, applicantName: i.applicantName, recommenderName: i.recommenderName, directionLabel: i.directionLabel, outcomeLabel: i.outcomeLabel, applicationId: i.applicationId })),
    now: now.toISOString(),
    demonstrationEndsOn: published && years && selection.publishedAt ? new Date(selection.publishedAt.getTime() + years * 365.25 * 86_400_000).toISOString().slice(0, 10) : null,
  };
}

export async function publicNotices(db: Db) {
  const rows = await store.publicSelections(db);
  const items = [];
  for (const s of rows) {
    const { items: _items, text: _text, ...rest } = await publicNoticeOf(db, s, false);
    items.push(rest);
  }
  return { items, now: (await store.now(db)).toISOString() };
}

export async function publicNotice(db: Db, id: string): Promise<PublicNotice> {
  const s = await store.findSelectionById(db, id);
  if (!s || !['public_notice', 'published'].includes(s.status)) throw notFound('公示');
  return publicNoticeOf(db, s, true);
}

/** 提出异议: anyone, during the period only (database clock, same statement), with contact details and evidence files. */
export async function lodgeObjection(db: Db, ctx: RequestContext, blobs: BlobStore, selectionId: string, body: ObjectionBody) {
  const s = await store.findSelectionById(db, selectionId);
  if (!s || !['public_notice', 'published'].includes(s.status)) throw notFound('公示');
  if (body.applicationId && !(await store.itemsOf(db, s.id)).some((i) => i.applicationId === body.applicationId)) {
    throw invalid('所选项目不在公示名单中', [{ path: '/body/applicationId', message: '不在公示名单中' }]);
  }
  const files: { name: string; bytes: Buffer; mime: string }[] = [];
  const errors: FieldError[] = [];
  (body.evidence ?? []).forEach((f, i) => {
    const bytes = Buffer.from(f.contentBase64, 'base64');
    if (!bytes.length || bytes.length > EVIDENCE_MAX_BYTES) errors.push({ path: `/body/evidence/${i}`, message: '证明材料不能为空，且不超过5MB' });
    else files.push({ name: f.name, bytes, mime: '' });
  });
  for (const [i, f] of files.entries()) {
    const type = await fileTypeFromBuffer(f.bytes);
    if (!type || !EVIDENCE_TYPES.has(type.mime)) errors.push({ path: `/body/evidence/${i}`, message: '证明材料须为 PDF、JPG 或 PNG 文件（按文件内容判断）' });
    else f.mime = type.mime;
  }
  if (errors.length) throw invalid('证明材料不符合要求', errors);
  const evidence: { name: string; sha256: string; size: number; mimeType: string }[] = [];
  for (const f of files) {
    const tmp = path.join(os.tmpdir(), `objection-${randomUUID()}`);
    await fs.writeFile(tmp, f.bytes);
    const { sha256, size } = await blobs.putFile(tmp);
    evidence.push({ name: f.name, sha256, size, mimeType: f.mime });
  }
  return db.transaction(async (tx) => {
    for (const e of evidence) await store.insertBlobRecord(tx, e.sha256, e.size, e.mimeType);
    const row = await store.insertObjectionDuringNotice(tx, { selectionId, applicationId: body.applicationId ?? null, name: body.name, phone: body.phone, email: body.email ?? null, content: body.content, evidence });
    if (!row) throw conflict('不在公示期内，不受理异议', [{ path: '/body', message: '公示期已结束或尚未开始' }]);
    const call = await loadCall(tx, s.callId);
    if (call.issuerOrganisationId) {
      await notifyOrganisation(tx, { organisationId: call.issuerOrganisationId, type: 'selection.objection', title: '收到公示异议', body: `${call.title}：${body.name} 提出异议，请及时处理。`, link: `/selection?call=${encodeURIComponent(call.id)}`, data: { objectionId: row.id } });
    }
    await recordEvent(tx, ctx, { action: 'selection.objection.lodge', resourceType: 'objection', resourceId: row.id, details: { selectionId, applicationId: body.applicationId ?? null, evidence: evidence.length } });
    return { id: row.id, lodgedAt: row.lodgedAt.toISOString() };
  });
}

/** The selected list's rows, for the 入选名单 downloads. */
export async function selectedList(db: Db, ctx: RequestContext, callId: string) {
  const { call } = await loadManagedCall(db, ctx, callId);
  const selection = await store.findSelection(db, callId);
  if (!selection) throw notFound('入选名单');
  return { call, selection, items: await describeItems(db, call, await store.itemsOf(db, selection.id)) };
}

/** 异议证明材料: the officer opens one evidence file of an objection of its call. */
export async function objectionEvidence(db: Db, ctx: RequestContext, objectionId: string, sha256: string) {
  const o = await store.findObjection(db, objectionId);
  if (!o) throw notFound('异议');
  const selection = await store.findSelectionById(db, o.selectionId);
  await loadManagedCall(db, ctx, selection!.callId);
  const file = o.evidence.find((e) => e.sha256 === sha256);
  if (!file) throw notFound('证明材料');
  return file;
}
