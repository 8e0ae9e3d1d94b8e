import { createHash } from 'node:crypto';
import type {
  ApplicationDetail,
  ApplicationStatus,
  ApplicationSummary,
  CreateApplicationBody,
  FileRef,
  PackField,
  PackForm,
  ReturnBody,
  SaveSectionResult,
  SubmitBody,
  SubmitResult,
  VersionDiff,
  Violation,
} from '@shenbao/contracts';
import { APPLICATION_STATUS_LABELS } from '@shenbao/contracts';
import { categoryPath, evaluate, validateAnswers, type RuleContext } from '@shenbao/rules';
import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../platform/database.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { hasRole } from '../../platform/context.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../platform/errors.ts';
import { canonicalJson, recordEvent } from '../audit/index.ts';
import { can, displayNames, organisationFacts, organisationNames, organisationResource, organisationSubtreeIds, requireActor, resolveRecommender, usersOf } from '../identity/index.ts';
import { applicationDeadline, callListRows, callsIssuedBy, findCallRecord } from '../programs/index.ts';
import { notifyOrganisation } from '../notifications/index.ts';
import { banFacts, projectFactsOfApplications } from '../projects/index.ts';
import type { ApplicationResource } from './policy.ts';
import { isEditable, transition } from './status.ts';
import * as store from './store.ts';
import './policy.ts';

type CallRecord = NonNullable<Awaited<ReturnType<typeof findCallRecord>>>;

// ---------------------------------------------------------------- loading and permissions

async function loadCall(db: DbOrTx, callId: string): Promise<CallRecord> {
  const call = await findCallRecord(db, callId);
  if (!call) throw notFound('申报通知');
  return call;
}

function formOf(call: CallRecord, formId: string): PackForm {
  const form = call.forms.find((f) => f.id === formId);
  if (!form) throw notFound(`表单“${formId}”`);
  return form;
}

async function resourceOf(db: DbOrTx, actor: Actor, app: store.ApplicationRow, call: CallRecord): Promise<ApplicationResource> {
  const fillerIds = await store.fillersOf(db, app.id);
  let actorOwnsCall = false;
  if (hasRole(actor, 'program_officer') && call.issuerOrganisationId) {
    const issuer = await organisationResource(db, call.issuerOrganisationId);
    actorOwnsCall = issuer !== null && (issuer.id === actor.organisationId || issuer.ancestorIds.includes(actor.organisationId));
  }
  let actorAboveRecommender = false;
  if (hasRole(actor, 'recommender_reviewer') && app.recommenderOrganisationId && app.status === 'recommended') {
    const recommender = await organisationResource(db, app.recommenderOrganisationId);
    actorAboveRecommender = recommender?.ancestorIds.includes(actor.organisationId) ?? false;
  }
  return { applicantOrganisationId: app.applicantOrganisationId, recommenderOrganisationId: app.recommenderOrganisationId, fillerIds, actorOwnsCall, actorAboveRecommender, status: app.status };
}

/** Load an application the actor may see; anything else is "not found", so nobody learns what exists outside its reach. */
async function loadVisible(db: DbOrTx, actor: Actor, id: string, forUpdate = false) {
  const app = await store.findApplication(db, id, forUpdate);
  if (!app) throw notFound('申报');
  const call = await loadCall(db, app.callId);
  const resource = await resourceOf(db, actor, app, call);
  if (!can(actor, 'application.read', resource)) throw notFound('申报');
  return { app, call, resource };
}

function allFields(form: PackForm): { field: PackField; sectionId: string }[] {
  return form.sections.flatMap((s) => s.fields.map((field) => ({ field, sectionId: s.id })));
}

function directionLabel(call: CallRecord, directionId: string | null): string | null {
  if (!directionId) return null;
  const path = categoryPath(call.program.categories, directionId);
  return path ? path.map((n) => n.label).join(' / ') : null;
}

// ---------------------------------------------------------------- views

/** Where an application stands in the lifecycle, as the applicant's list shows it. */
const STAGE_OF_STATUS: Record<ApplicationStatus, string> = {
  draft: '企业申报',
  returned: '企业申报（退回修改）',
  withdrawn: '企业申报（已撤回）',
  submitted: '推荐单位审核',
  passed: '推荐单位排序推荐',
  rejected: '推荐单位审核（未通过）',
  recommended: '已推荐，主管部门审核',
  admitted: '主管部门专家评审',
  excluded: '政策性审查（未通过）',
  selected: '已入选，项目实施',
  not_selected: '评审结束（未入选）',
};

async function summaries(db: DbOrTx, rows: store.ApplicationRow[]): Promise<ApplicationSummary[]> {
  const names = await organisationNames(db, rows.flatMap((r) => [r.applicantOrganisationId, ...(r.recommenderOrganisationId ? [r.recommenderOrganisationId] : [])]));
  const calls = new Map<string, CallRecord>();
  for (const id of new Set(rows.map((r) => r.callId))) calls.set(id, await loadCall(db, id));
  return rows.map((r) => {
    const call = calls.get(r.callId)!;
    const form = call.forms.find((f) => f.id === r.formId);
    const deadline = applicationDeadline(call);
    return {
      id: r.id,
      callId: r.callId,
      callTitle: call.title,
      formId: r.formId,
      formTitle: form?.title ?? r.formId,
      packVersion: r.packVersion,
      number: r.number,
      status: r.status,
      statusLabel: APPLICATION_STATUS_LABELS[r.status],
      projectName: r.projectName,
      directionId: r.directionId,
      directionLabel: directionLabel(call, r.directionId),
      channelId: r.channelId,
      applicantOrganisationId: r.applicantOrganisationId,
      applicantName: names.get(r.applicantOrganisationId) ?? '',
      recommenderOrganisationId: r.recommenderOrganisationId,
      recommenderName: r.recommenderOrganisationId ? (names.get(r.recommenderOrganisationId) ?? null) : null,
      stage: STAGE_OF_STATUS[r.status],
      deadline: r.returnOpinion?.revisionDeadline ?? deadline.extensionUntil ?? deadline.closes,
      submittedAt: r.submittedAt?.toISOString() ?? null,
      updatedAt: r.updatedAt.toISOString(),
      revisionDeadline: r.returnOpinion?.revisionDeadline ?? null,
    };
  });
}

/** 我的申报 / 待审申报: what the actor may see, scoped in SQL. */
export async function listApplications(db: Db, ctx: RequestContext, filter: { callId?: string; status?: ApplicationStatus }): Promise<ApplicationSummary[]> {
  const actor = requireActor(ctx);
  const scopes = [];
  if (hasRole(actor, 'platform_admin')) scopes.push(undefined);
  if (hasRole(actor, 'applicant_admin')) scopes.push(store.byApplicant(actor.organisationId));
  if (hasRole(actor, 'applicant_filler')) scopes.push(sql`(${store.byApplicant(actor.organisationId)} AND ${store.assignedTo(actor.userId)})`);
  if (hasRole(actor, 'recommender_reviewer')) {
    scopes.push(store.byRecommender(actor.organisationId));
    // The province round: what the recommenders below have recommended (decision 0004).
    const below = (await organisationSubtreeIds(db, actor.organisationId)).filter((id) => id !== actor.organisationId);
    if (below.length) scopes.push(store.recommendedBy(below));
  }
  if (hasRole(actor, 'program_officer')) {
    const subtree = await organisationSubtreeIds(db, actor.organisationId);
    scopes.push(store.byCalls(await callsIssuedBy(db, subtree)));
  }
  if (scopes.length === 0) return [];
  const scope = scopes.includes(undefined) ? undefined : sql.join(scopes.map((s) => sql`(${s})`), sql` OR `);
  const where = sql.join(
    [scope ?? sql`true`, filter.callId ? store.inCall(filter.callId) : sql`true`, filter.status ? store.hasStatus(filter.status) : sql`true`].map((s) => sql`(${s})`),
    sql` AND `,
  );
  return summaries(db, await store.listApplications(db, where));
}

export async function getApplication(db: Db, ctx: RequestContext, id: string): Promise<ApplicationDetail> {
  const actor = requireActor(ctx);
  const { app, call, resource } = await loadVisible(db, actor, id);
  const [summary] = await summaries(db, [app]);
  const [events, submissions] = await Promise.all([store.eventsOf(db, id), store.submissionsOf(db, id)]);
  const people = await displayNames(db, [...resource.fillerIds, ...events.map((e) => e.actorUserId).filter((x): x is string => Boolean(x))]);
  const orgNames = await organisationNames(db, events.map((e) => e.actorOrganisationId).filter((x): x is string => Boolean(x)));
  const form = formOf(call, app.formId);
  return {
    application: summary!,
    answers: app.answers,
    sectionVersions: app.sectionVersions,
    fillers: resource.fillerIds.map((userId) => ({ userId, displayName: people.get(userId) ?? '' })),
    submissions: submissions.map((s) => ({ seq: s.seq, submittedAt: s.submittedAt.toISOString(), sha256: s.sha256 })),
    events: events.map((e) => ({
      id: e.id,
      at: e.at.toISOString(),
      type: e.type,
      actorName: e.actorUserId ? (people.get(e.actorUserId) ?? null) : null,
      organisationName: e.actorOrganisationId ? (orgNames.get(e.actorOrganisationId) ?? null) : null,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      opinion: e.opinion,
      fields: e.fields,
    })),
    returnOpinion: app.returnOpinion ?? null,
    commitment: form.commitment ?? call.program.commitment.text,
    editable: isEditable(app.status) && can(actor, 'application.edit', resource),
    canSubmit: isEditable(app.status) && can(actor, 'application.submit', resource),
  };
}

// ---------------------------------------------------------------- drafting

/** 新建申报: the applicant admin opens a draft for a call, form and channel; fields with `prefill` start filled. */
export async function createApplication(db: Db, ctx: RequestContext, body: CreateApplicationBody): Promise<ApplicationDetail> {
  const actor = requireActor(ctx);
  if (!can(actor, 'application.create', null)) throw forbidden('只有申报单位管理员可以新建申报');
  const call = await loadCall(db, body.callId);
  const form = formOf(call, body.formId);
  if ((form.stage ?? 'application') !== 'application') throw invalid('该表单不是申报阶段的表单', [{ path: '/body/formId', message: `「${form.title}」在后续阶段填写` }]);
  const org = (await organisationFacts(db, actor.organisationId))!;
  if (!call.program.applicantKinds.includes(org.kind as never)) throw forbidden('本单位类型不在本通知的申报主体范围内');
  await refuseIfBanned(db, actor.organisationId);
  const deadline = applicationDeadline(call);
  const now = await databaseNow(db);
  if (!deadline.opens && !deadline.closes) throw new AppError(409, 'not_open', '发文单位尚未安排本通知的申报时间');
  if (deadline.opens && now < new Date(deadline.opens)) throw new AppError(409, 'not_open', `申报尚未开始，开始时间：${formatTime(deadline.opens)}`);
  if (deadline.closes && now > new Date(deadline.closes)) throw new AppError(409, 'deadline_passed', `申报已于${formatTime(deadline.closes)}截止（以服务器时间为准），不能新建申报`);

  if (body.directionId && !categoryPath(call.program.categories, body.directionId)) throw invalid('申报方向不存在', [{ path: '/body/directionId', message: '请从本通知的申报方向中选择' }]);
  const channels = call.program.channels.filter((c) => !body.channelId || c.id === body.channelId);
  if (channels.length === 0) throw invalid('推荐渠道不存在', [{ path: '/body/channelId', message: '本通知没有该推荐渠道' }]);
  let channel: (typeof channels)[number] | undefined;
  let recommender: { id: string; name: string } | null = null;
  for (const c of channels) {
    recommender = await resolveRecommender(db, actor.organisationId, c.recommenderKinds);
    if (recommender) {
      channel = c;
      break;
    }
  }
  if (!channel || !recommender) throw invalid('找不到本单位的推荐单位', [{ path: '/body/channelId', message: '本单位在所选渠道下没有对应的推荐单位，请联系平台管理员核对单位隶属关系' }]);

  const fillerIds = body.fillerIds ?? [];
  const fillers = await usersOf(db, actor.organisationId, fillerIds);
  if (fillers.length !== fillerIds.length) throw invalid('填报人须为本单位的有效用户', [{ path: '/body/fillerIds', message: '有填报人不属于本单位' }]);

  const answers: Record<string, unknown> = {};
  for (const { field } of allFields(form)) {
    if (!field.prefill) continue;
    const value = await evaluate(field.prefill, {}, { org }).catch(() => undefined);
    if (value !== undefined && value !== null && value !== '') answers[field.id] = value;
  }
  const directionField = allFields(form).find((f) => f.field.type === 'direction');
  if (body.directionId && directionField) answers[directionField.field.id] = body.directionId;

  const id = await db.transaction(async (tx) => {
    const row = await store.insertApplication(tx, {
      callId: call.id,
      packVersion: call.version,
      formId: form.id,
      channelId: channel.id,
      applicantOrganisationId: actor.organisationId,
      recommenderOrganisationId: recommender.id,
      status: 'draft',
      answers,
      projectName: typeof answers.projectName === 'string' ? answers.projectName : null,
      directionId: body.directionId ?? null,
      createdBy: actor.userId,
    });
    await store.setFillers(tx, row.id, fillerIds);
    await store.insertEvent(tx, { applicationId: row.id, type: 'created', actorUserId: actor.userId, actorOrganisationId: actor.organisationId, toStatus: 'draft' });
    await recordEvent(tx, ctx, { action: 'application.create', resourceType: 'application', resourceId: row.id, details: { callId: call.id, formId: form.id, channelId: channel.id } });
    return row.id;
  });
  return getApplication(db, ctx, id);
}

export async function assignFillers(db: Db, ctx: RequestContext, id: string, fillerIds: string[]): Promise<void> {
  const actor = requireActor(ctx);
  const { app, resource } = await loadVisible(db, actor, id);
  if (!can(actor, 'application.manage', resource)) throw forbidden('只有申报单位管理员可以指定填报人');
  const fillers = await usersOf(db, app.applicantOrganisationId, fillerIds);
  if (fillers.length !== fillerIds.length) throw invalid('填报人须为本单位的有效用户', [{ path: '/body/fillerIds', message: '有填报人不属于本单位' }]);
  await db.transaction(async (tx) => {
    await store.setFillers(tx, id, fillerIds);
    await recordEvent(tx, ctx, { action: 'application.assign_fillers', resourceType: 'application', resourceId: id, details: { before: resource.fillerIds, after: fillerIds } });
  });
}

async function ruleContext(db: DbOrTx, app: store.ApplicationRow, call: CallRecord): Promise<RuleContext> {
  // One after another: inside a transaction all queries share one connection.
  const org = await organisationFacts(db, app.applicantOrganisationId);
  const lists = await callListRows(db, call.id);
  const now = await databaseNow(db);
  // 禁止申报 (projects module): $org.bannedUntil is the latest ban's end, $org.bans all of them.
  const bans = await banFacts(db, app.applicantOrganisationId, now);
  const others = await store.otherApplicationsOf(db, app.applicantOrganisationId, app.id);
  const projects = await projectFactsOfApplications(db, others.map((o) => o.id));
  const applications = [];
  for (const o of others) {
    const otherCall = o.callId === call.id ? call : await findCallRecord(db, o.callId);
    const path = otherCall && o.directionId ? categoryPath(otherCall.program.categories, o.directionId) : null;
    const p = projects.get(o.id);
    applications.push({
      ...o,
      status: p?.sanctioned ? 'sanctioned' : o.status,
      packId: o.callId,
      year: otherCall?.year ?? null,
      categoryId: path?.[0]?.id ?? null,
      selected: Boolean(p) || o.status === 'selected',
      demonstrationUntil: p?.demonstrationUntil ?? null,
      acceptance: p?.acceptance ?? null,
    });
  }
  return { org: org && { ...org, bannedUntil: bans.bannedUntil, bans: bans.bans }, lists, applications, call: { id: call.id, year: call.year }, now: now.toISOString() };
}

async function runRules(db: DbOrTx, app: store.ApplicationRow, call: CallRecord, answers: Record<string, unknown>) {
  const form = formOf(call, app.formId);
  const result = await validateAnswers({ program: call.program, form, answers, context: await ruleContext(db, app, call) });
  const computedIds = allFields(form).filter((f) => f.field.type === 'computed').map((f) => f.field.id);
  return { violations: result.violations, answers: result.answers, computed: Object.fromEntries(computedIds.map((k) => [k, result.answers[k] ?? null])) };
}

/**
 * 保存: write one section's answers under optimistic versioning. Attachment values are replaced by the server's
 * own records of the files (a client cannot claim a file, a size or a duration it did not upload).
 */
export async function saveSection(db: Db, ctx: RequestContext, id: string, sectionId: string, body: { answers: Record<string, unknown>; baseVersion: number }): Promise<SaveSectionResult> {
  const actor = requireActor(ctx);
  const { app, call, resource } = await loadVisible(db, actor, id);
  if (!can(actor, 'application.edit', resource)) throw forbidden('只有申报单位管理员和指定的填报人可以填写');
  if (!isEditable(app.status)) throw conflict(`申报${APPLICATION_STATUS_LABELS[app.status]}，不能修改`);
  const form = formOf(call, app.formId);
  const section = form.sections.find((s) => s.id === sectionId);
  if (!section) throw notFound(`表单章节“${sectionId}”`);
  const fields = new Map(section.fields.map((f) => [f.id, f]));
  const unknown = Object.keys(body.answers).filter((k) => !fields.has(k) || fields.get(k)!.type === 'computed');
  if (unknown.length) throw invalid('含有本章节之外的字段', unknown.map((k) => ({ path: `/body/answers/${k}`, message: `「${section.title}」没有可填写的字段“${k}”` })));

  const needsFiles = Object.keys(body.answers).some((k) => ['attachment', 'table'].includes(fields.get(k)!.type));
  const files = needsFiles ? await store.filesOf(db, id) : [];
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body.answers)) {
    const field = fields.get(key)!;
    if (field.type === 'attachment') patch[key] = canonicalFiles(key, value, files);
    else if (field.type === 'table' && Array.isArray(value)) patch[key] = canonicalTableFiles(field, value, files);
    else patch[key] = value;
  }
  const user = actor.displayName;
  const saved = await db.transaction(async (tx) => {
    const result = await store.saveSection(tx, id, sectionId, body.baseVersion, patch, { userId: actor.userId, name: user }, {
      projectName: 'projectName' in patch ? (typeof patch.projectName === 'string' ? patch.projectName : null) : undefined,
      directionId: Object.entries(patch).find(([k]) => fields.get(k)?.type === 'direction')?.[1] as string | undefined,
    });
    if (!result) return null;
    await recordEvent(tx, ctx, { action: 'application.save', resourceType: 'application', resourceId: id, details: { sectionId, version: result.version, fields: Object.keys(patch) } });
    return result;
  });
  if (!saved) throw await sectionConflict(db, id, section.title, sectionId);
  const fresh = { ...app, answers: saved.answers };
  const checked = await runRules(db, fresh, call, fresh.answers);
  return { sectionVersion: saved.version, savedAt: saved.savedAt.toISOString(), violations: checked.violations, computed: checked.computed };
}

async function sectionConflict(db: DbOrTx, id: string, title: string, sectionId: string): Promise<AppError> {
  const current = await store.findApplication(db, id);
  if (current && !isEditable(current.status)) return conflict(`申报${APPLICATION_STATUS_LABELS[current.status]}，不能修改`);
  const last = current?.sectionSaves[sectionId];
  const when = last ? new Date(last.at).toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', second: '2-digit' }) : '';
  return new AppError(409, 'edit_conflict', `「${title}」已被${last ? `${last.name}于${when}` : '他人'}修改，为避免覆盖对方的内容，本次未保存。请刷新本章节后再修改。`, [
    { path: `/sections/${sectionId}`, message: `当前版本 ${current?.sectionVersions[sectionId] ?? 0}` },
  ]);
}

function canonicalFiles(fieldId: string, value: unknown, files: Awaited<ReturnType<typeof store.filesOf>>): FileRef[] {
  if (!Array.isArray(value)) throw invalid('附件格式无效', [{ path: `/body/answers/${fieldId}`, message: '应为文件列表' }]);
  return value.map((item, i) => {
    const fileId = (item as { fileId?: unknown })?.fileId;
    const file = files.find((f) => f.id === fileId && f.fieldId === fieldId);
    if (!file) throw invalid('附件不存在', [{ path: `/body/answers/${fieldId}/${i}`, message: '该文件不是本申报此栏目上传的文件' }]);
    return fileRef(file);
  });
}

/** Attachment cells of a table hold files uploaded to the slot "<table>.<column>" of this application. */
function canonicalTableFiles(field: Extract<PackField, { type: 'table' }>, rows: unknown[], files: Awaited<ReturnType<typeof store.filesOf>>): unknown[] {
  const attachmentColumns = field.columns.filter((c) => c.type === 'attachment').map((c) => c.id);
  if (attachmentColumns.length === 0) return rows;
  return rows.map((row, i) => {
    if (!row || typeof row !== 'object') return row;
    const copy = { ...(row as Record<string, unknown>) };
    for (const col of attachmentColumns) {
      if (copy[col] === undefined || copy[col] === null) continue;
      try {
        copy[col] = canonicalFiles(`${field.id}.${col}`, copy[col], files);
      } catch {
        throw invalid('附件不存在', [{ path: `/body/answers/${field.id}/${i}/${col}`, message: '该文件不是本申报此栏目上传的文件' }]);
      }
    }
    return copy;
  });
}

export function fileRef(file: Awaited<ReturnType<typeof store.filesOf>>[number]): FileRef {
  return { fileId: file.id, name: file.name, size: file.size, sha256: file.sha256, mime: file.mime, ...(file.durationSeconds != null ? { durationSeconds: file.durationSeconds } : {}) };
}

/** 检查: every rule of the form with the applicant's context, as submission will run them. */
export async function checkApplication(db: Db, ctx: RequestContext, id: string): Promise<{ violations: Violation[]; errorCount: number; warningCount: number }> {
  const actor = requireActor(ctx);
  const { app, call } = await loadVisible(db, actor, id);
  const { violations } = await runRules(db, app, call, app.answers);
  return { violations, errorCount: violations.filter((v) => v.severity === 'error').length, warningCount: violations.filter((v) => v.severity === 'warning').length };
}

// ---------------------------------------------------------------- submission

async function databaseNow(db: DbOrTx): Promise<Date> {
  const result = await db.execute<{ now: Date }>(sql`SELECT now() AS now`);
  return new Date(result.rows[0]!.now);
}

function formatTime(iso: string): string {
  return new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/**
 * The deadline this submission must meet, by the database clock: a returned application has its revision deadline;
 * otherwise the call's; after it, only a controlled extension lets applications started before it finish.
 */
function checkDeadline(app: store.ApplicationRow, call: CallRecord, now: Date): void {
  if (app.status === 'returned' && app.returnOpinion?.revisionDeadline) {
    if (now > new Date(app.returnOpinion.revisionDeadline)) throw new AppError(409, 'deadline_passed', `修改期限已于${formatTime(app.returnOpinion.revisionDeadline)}届满（以服务器时间为准），不能再提交`);
    return;
  }
  const { closes, extensionUntil } = applicationDeadline(call);
  if (!closes || now <= new Date(closes)) return;
  const startedBefore = app.createdAt <= new Date(closes);
  if (extensionUntil && now <= new Date(extensionUntil) && startedBefore) return;
  throw new AppError(
    409,
    'deadline_passed',
    extensionUntil && now <= new Date(extensionUntil)
      ? `申报已于${formatTime(closes)}截止；延期至${formatTime(extensionUntil)}仅适用于截止前已开始填报的申报`
      : `申报已于${formatTime(closes)}截止（以服务器时间为准），不能提交`,
  );
}

/** 禁止申报 (003 第十七条): a ban found by any call's owner blocks drafts and submissions in every call. */
async function refuseIfBanned(db: DbOrTx, organisationId: string, at?: Date): Promise<void> {
  const { active } = await banFacts(db, organisationId, at ?? (await databaseNow(db)));
  if (!active) return;
  throw new AppError(403, 'banned', `本单位因${active.reason}，在${formatTime(active.endsAt)}前禁止申报`, [{ path: '/applicant', message: `禁止申报至${formatTime(active.endsAt)}` }]);
}

function submissionResult(row: { seq: number; sha256: string; submittedAt: Date; snapshot: Record<string, unknown> }): SubmitResult {
  return { number: String(row.snapshot.number), seq: row.seq, sha256: row.sha256, submittedAt: row.submittedAt.toISOString() };
}

/** The letters of a call's 申报编号: the initials of its id's words (hebei-2023-innovation-pilot → HIP). */
export const callCode = (callId: string) =>
  callId
    .split('-')
    .filter((w) => !/^\d+$/.test(w))
    .map((w) => w[0]!.toUpperCase())
    .join('');

export const snapshotHash = (snapshot: Record<string, unknown>) => createHash('sha256').update(canonicalJson(snapshot)).digest('hex');

/**
 * 提交: in one transaction — deadline by the database clock, every rule, 申报编号, an immutable hashed snapshot of
 * the answers and file hashes, the status change, the recommender's notice. A retry with the same key gets the same answer.
 */
export async function submitApplication(db: Db, ctx: RequestContext, id: string, body: SubmitBody): Promise<SubmitResult> {
  const actor = requireActor(ctx);
  return db.transaction(async (tx) => {
    const { app, call, resource } = await loadVisible(tx, actor, id, true); // row lock: one submission at a time
    const previous = await store.findSubmissionByKey(tx, id, body.idempotencyKey);
    if (previous) return submissionResult(previous);
    if (!can(actor, 'application.submit', resource)) throw forbidden('提交须由申报单位管理员确认承诺后进行');
    const to = transition(app.status, 'submit');
    const now = await databaseNow(tx);
    checkDeadline(app, call, now);
    await refuseIfBanned(tx, app.applicantOrganisationId, now);

    const { violations, answers } = await runRules(tx, app, call, app.answers);
    const errors = violations.filter((v) => v.severity === 'error');
    if (errors.length) {
      throw new AppError(422, 'rules_failed', `有${errors.length}处不符合申报要求，请修改后再提交`, errors.map((e) => ({ path: e.path, message: e.message })));
    }
    const number = app.number ?? `${callCode(call.id)}${call.year}-${String(await store.nextNumber(tx, call.id)).padStart(5, '0')}`;
    const submissions = await store.submissionsOf(tx, id);
    const seq = submissions.length + 1;
    const org = await organisationFacts(tx, app.applicantOrganisationId);
    const files = (await store.filesOf(tx, id)).filter((f) => JSON.stringify(answers).includes(f.id)).map(fileRef);
    const form = formOf(call, app.formId);
    const snapshot = {
      applicationId: id,
      number,
      seq,
      callId: call.id,
      packVersion: app.packVersion,
      formId: app.formId,
      channelId: app.channelId,
      applicant: { id: org!.id, name: org!.name, creditCode: org!.creditCode },
      recommenderOrganisationId: app.recommenderOrganisationId,
      directionId: app.directionId,
      answers,
      files,
      commitment: { text: form.commitment ?? call.program.commitment.text, acceptedBy: actor.userId },
      submittedAt: now.toISOString(),
    };
    const sha256 = snapshotHash(snapshot);
    await store.insertSubmission(tx, { applicationId: id, seq, snapshot, sha256, idempotencyKey: body.idempotencyKey, submittedBy: actor.userId, submittedAt: now });
    await store.updateApplication(tx, id, { status: to, number, submittedAt: now, returnOpinion: null });
    await store.insertEvent(tx, { applicationId: id, type: seq === 1 ? 'submitted' : 'resubmitted', actorUserId: actor.userId, actorOrganisationId: actor.organisationId, fromStatus: app.status, toStatus: to });
    await recordEvent(tx, ctx, { action: 'application.submit', resourceType: 'application', resourceId: id, details: { number, seq, sha256 } });
    if (app.recommenderOrganisationId) {
      await notifyOrganisation(tx, {
        organisationId: app.recommenderOrganisationId,
        type: 'application.submitted',
        title: seq === 1 ? '收到新的申报' : '申报已修改后重新提交',
        body: `${org!.name}「${app.projectName ?? number}」（${number}）已提交，请审核。`,
        link: `/applications/${id}`,
        data: { applicationId: id, number },
      });
    }
    return { number, seq, sha256, submittedAt: now.toISOString() };
  });
}

/** 撤回: before the recommender acts; the reason is kept in the history. */
export async function withdrawApplication(db: Db, ctx: RequestContext, id: string, reason: string): Promise<void> {
  const actor = requireActor(ctx);
  await db.transaction(async (tx) => {
    const { app, resource } = await loadVisible(tx, actor, id, true);
    if (!can(actor, 'application.manage', resource)) throw forbidden('只有申报单位管理员可以撤回申报');
    const to = transition(app.status, 'withdraw');
    await store.updateApplication(tx, id, { status: to });
    await store.insertEvent(tx, { applicationId: id, type: 'withdrawn', actorUserId: actor.userId, actorOrganisationId: actor.organisationId, fromStatus: app.status, toStatus: to, opinion: reason });
    await recordEvent(tx, ctx, { action: 'application.withdraw', resourceType: 'application', resourceId: id, details: { reason } });
    if (app.recommenderOrganisationId) {
      await notifyOrganisation(tx, { organisationId: app.recommenderOrganisationId, type: 'application.withdrawn', title: '申报已撤回', body: `「${app.projectName ?? app.number}」（${app.number}）已由申报单位撤回：${reason}`, link: `/applications/${id}`, data: { applicationId: id } });
    }
  });
}

/** 退回修改: the recommender returns it with an opinion, optionally pinned to fields, and a revision deadline. */
export async function returnApplication(db: Db, ctx: RequestContext, id: string, body: ReturnBody): Promise<void> {
  const actor = requireActor(ctx);
  await db.transaction(async (tx) => {
    const { app, call, resource } = await loadVisible(tx, actor, id, true);
    if (!can(actor, 'application.review', resource)) throw forbidden('只有该申报的推荐单位可以退回');
    const form = formOf(call, app.formId);
    const known = new Set(allFields(form).map((f) => f.field.id));
    const unknown = (body.fields ?? []).filter((p) => !known.has(p.split('/')[1] ?? ''));
    if (unknown.length) throw invalid('退回意见指向的字段不存在', unknown.map((p) => ({ path: '/body/fields', message: `表单中没有字段 ${p}` })));
    const now = await databaseNow(tx);
    if (body.revisionDeadline && new Date(body.revisionDeadline) <= now) throw invalid('修改期限须晚于当前时间', [{ path: '/body/revisionDeadline', message: '修改期限须晚于当前时间' }]);
    const to = transition(app.status, 'return');
    const opinion = { opinion: body.opinion, fields: body.fields ?? [], revisionDeadline: body.revisionDeadline ?? null, at: now.toISOString(), by: actor.userId };
    await store.updateApplication(tx, id, { status: to, returnOpinion: opinion });
    await store.insertEvent(tx, { applicationId: id, type: 'returned', actorUserId: actor.userId, actorOrganisationId: actor.organisationId, fromStatus: app.status, toStatus: to, opinion: body.opinion, fields: body.fields ?? [] });
    await recordEvent(tx, ctx, { action: 'application.return', resourceType: 'application', resourceId: id, details: opinion });
    await notifyOrganisation(tx, {
      organisationId: app.applicantOrganisationId,
      type: 'application.returned',
      title: '申报被退回修改',
      body: `「${app.projectName ?? app.number}」（${app.number}）被退回修改：${body.opinion}`,
      link: `/applications/${id}`,
      data: { applicationId: id },
    });
  });
}

// ---------------------------------------------------------------- versions

/** The stored snapshot's SHA-256 recomputed: proves a submission was not altered after the fact. */
export async function verifySubmission(db: Db, ctx: RequestContext, id: string, seq: number) {
  const actor = requireActor(ctx);
  await loadVisible(db, actor, id);
  const submission = (await store.submissionsOf(db, id)).find((s) => s.seq === seq);
  if (!submission) throw notFound(`第${seq}次提交`);
  const recomputed = snapshotHash(submission.snapshot);
  return { seq, sha256: submission.sha256, recomputed, ok: recomputed === submission.sha256 };
}

/** 版本对比: field by field (table cells by row and column) between two submissions. */
export async function diffSubmissions(db: Db, ctx: RequestContext, id: string, from: number, to: number): Promise<VersionDiff> {
  const actor = requireActor(ctx);
  const { call, app } = await loadVisible(db, actor, id);
  const subs = await store.submissionsOf(db, id);
  const a = subs.find((s) => s.seq === from);
  const b = subs.find((s) => s.seq === to);
  if (!a || !b) throw notFound('所选版本');
  const form = formOf(call, app.formId);
  const before = a.snapshot.answers as Record<string, unknown>;
  const after = b.snapshot.answers as Record<string, unknown>;
  const changes: VersionDiff['changes'] = [];
  for (const { field } of allFields(form)) {
    const x = before[field.id];
    const y = after[field.id];
    if (canonicalJson(x ?? null) === canonicalJson(y ?? null)) continue;
    if (field.type === 'table' && (Array.isArray(x) || Array.isArray(y))) {
      const rows = Math.max(Array.isArray(x) ? x.length : 0, Array.isArray(y) ? y.length : 0);
      for (let i = 0; i < rows; i++) {
        for (const col of field.columns) {
          const cx = (Array.isArray(x) ? (x[i] as Record<string, unknown> | undefined) : undefined)?.[col.id];
          const cy = (Array.isArray(y) ? (y[i] as Record<string, unknown> | undefined) : undefined)?.[col.id];
          if (canonicalJson(cx ?? null) !== canonicalJson(cy ?? null)) changes.push({ path: `/${field.id}/${i}/${col.id}`, label: `${field.label} 第${i + 1}行 ${col.label}`, before: cx ?? null, after: cy ?? null });
        }
      }
    } else {
      changes.push({ path: `/${field.id}`, label: field.label, before: x ?? null, after: y ?? null });
    }
  }
  return { from, to, changes };
}

export async function findFile(db: Db, ctx: RequestContext, id: string, fileId: string) {
  const actor = requireActor(ctx);
  await loadVisible(db, actor, id);
  return (await store.filesOf(db, id)).find((f) => f.id === fileId) ?? null;
}

/** The attachments of an application, for a module that has authorised the reader itself (an assigned expert). */
export const filesOfApplication = (db: DbOrTx, id: string) => store.filesOf(db, id);

// ---------------------------------------------------------------- for the recommendations module

/** Submitted (or later) applications sent to a recommender in a call, optionally through one channel. */
export async function applicationsOfRecommender(db: DbOrTx, recommenderOrganisationId: string, callId: string, channelId?: string) {
  const rows = await store.listApplications(db, sql`${store.byRecommender(recommenderOrganisationId)} AND ${store.inCall(callId)}`);
  return channelId ? rows.filter((r) => r.channelId === channelId) : rows;
}

export async function applicationRows(db: DbOrTx, ids: string[]) {
  const rows = [];
  for (const id of ids) {
    const row = await store.findApplication(db, id);
    if (row) rows.push(row);
  }
  return rows;
}

export const applicationSummaries = (db: DbOrTx, rows: store.ApplicationRow[]) => summaries(db, rows);

/** The last submitted snapshot of an application (what a recommendation vouches for). */
export async function latestSubmission(db: DbOrTx, id: string) {
  const subs = await store.submissionsOf(db, id);
  return subs.at(-1) ?? null;
}

/** Warnings the pack's rules still raise on the submitted answers, for the reviewer's filter. */
export async function ruleFindings(db: DbOrTx, row: store.ApplicationRow) {
  const call = await loadCall(db, row.callId);
  return (await runRules(db, row, call, row.answers)).violations;
}

/** Move an application through the recommender's decisions (审核通过 / 不予推荐 / 已推荐), recorded and notified. */
export async function recordReviewOutcome(
  tx: DbOrTx,
  ctx: RequestContext,
  id: string,
  to: ApplicationStatus,
  allowedFrom: ApplicationStatus[],
  note: { type: string; opinion?: string | null; notify?: { title: string; body: string } },
): Promise<void> {
  const actor = requireActor(ctx);
  const row = await store.findApplication(tx, id, true);
  if (!row) throw notFound('申报');
  if (!allowedFrom.includes(row.status)) throw conflict(`申报当前状态为“${APPLICATION_STATUS_LABELS[row.status]}”，不能执行此操作`);
  await store.updateApplication(tx, id, { status: to });
  await store.insertEvent(tx, { applicationId: id, type: note.type, actorUserId: actor.userId, actorOrganisationId: actor.organisationId, fromStatus: row.status, toStatus: to, opinion: note.opinion ?? null });
  if (note.notify) {
    await notifyOrganisation(tx, { organisationId: row.applicantOrganisationId, type: `application.${note.type}`, title: note.notify.title, body: note.notify.body, link: `/applications/${id}`, data: { applicationId: id } });
  }
}
