import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import type { AgreementBody, DecisionOpinionBody, OverdueReports, PlanBody, ProjectDetail, ProjectList, ProjectSummary, ReportBody, ReportSlot } from '@shenbao/contracts';
import { ACCEPTANCE_STATUS_LABELS, PROJECT_STATUS_LABELS } from '@shenbao/contracts';
import { validateAnswers } from '@shenbao/rules';
import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../platform/database.ts';
import type { BlobStore } from '../../platform/blob-store.ts';
import { hasRole, type Actor, type RequestContext } from '../../platform/context.ts';
import { AppError, conflict, forbidden, invalid } from '../../platform/errors.ts';
import { canonicalJson, recordEvent } from '../audit/index.ts';
import { can, displayNames, organisationFacts, organisationNames, organisationSubtreeIds, requireActor } from '../identity/index.ts';
import { callsIssuedBy } from '../programs/index.ts';
import { notifyOrganisation } from '../notifications/index.ts';
import {
  applicationAnswers,
  canonicalAnswers,
  checkSections,
  fileView,
  loadCall,
  loadForWrite,
  loadProject,
  periodOf,
  plannedInvestment,
  projectFiles,
  recordProjectEvent,
  requireActive,
  type CallRecord,
  type LoadedProject,
} from './access.ts';
import { acceptanceView } from './acceptance.ts';
import { banFacts, subsidyOf } from './funding.ts';
import { evaluateLedger } from './ledger.ts';
import { fromDb, toWan, type Hundredths } from './money.ts';
import { projectConfig } from './pack-config.ts';
import { addDays, daysBetween, elapsedShare, quarterLabel, quarterSchedule, shanghaiDate, slotState, type QuarterSlot, type SlotState } from './schedule.ts';
import * as store from './store.ts';
import type { StoredFileRef } from './tables.ts';

const sha256 = (value: unknown) => createHash('sha256').update(canonicalJson(value)).digest('hex');

// ---------------------------------------------------------------- schedule, risk, stage

interface SlotView extends QuarterSlot {
  state: SlotState;
  report: store.ReportRow | null;
}

/** The quarterly reports due for a project, and where each stands today. */
function reportSlots(loaded: Pick<LoadedProject, 'project' | 'config'>, answers: Record<string, unknown>, reports: store.ReportRow[], today: string): SlotView[] {
  const { project, config } = loaded;
  const period = periodOf(config, answers);
  if (!config.steps.quarterlyReports || !period) return [];
  const closedOn = project.closedAt ? shanghaiDate(project.closedAt) : null;
  return quarterSchedule(period, shanghaiDate(project.selectedAt), config.reports.dueDays)
    .filter((s) => !closedOn || s.quarterEnd <= closedOn || reports.some((r) => r.year === s.year && r.quarter === s.quarter))
    .map((s) => {
      const report = reports.find((r) => r.year === s.year && r.quarter === s.quarter) ?? null;
      return { ...s, report, state: slotState(s, today, report) };
    });
}

function stageOf(loaded: Pick<LoadedProject, 'project' | 'config'>, plans: store.PlanRow[], agreement: store.AgreementRow | null, rounds: store.AcceptanceRow[]): string {
  const { project, config } = loaded;
  if (project.status !== 'implementing' && project.status !== 'rectifying') return PROJECT_STATUS_LABELS[project.status];
  const plan = plans.at(-1);
  if (config.steps.plan && plan?.status !== 'approved') return !plan ? '待提交实施方案' : plan.status === 'submitted' ? '实施方案待审核' : '实施方案退回修改';
  if (config.steps.agreement && !agreement?.effectiveAt) return agreement ? '实施协议待签署' : '待签订实施协议';
  const round = rounds.at(-1);
  if (round && round.status !== 'failed' && round.status !== 'passed') return `${round.round === 2 ? '第二次验收：' : '验收：'}${ACCEPTANCE_STATUS_LABELS[round.status]}`;
  if (project.status === 'rectifying') return `限期整改（至${project.rectificationDeadline}）`;
  return '实施中';
}

function riskOf(loaded: Pick<LoadedProject, 'project' | 'config'>, answers: Record<string, unknown>, slots: SlotView[], investedSoFar: Hundredths, today: string) {
  const { project, config } = loaded;
  const reasons: string[] = [];
  if (project.status !== 'implementing' && project.status !== 'rectifying') return { flagged: false, reasons };
  const missed = slots.filter((s) => s.state === 'late' || s.state === 'missing').length;
  if (missed >= config.risk.missedReports) reasons.push(`${missed}次季度进展报告未按时报送`);
  const period = periodOf(config, answers);
  const planned = plannedInvestment(config, answers).total;
  if (period && planned && planned > 0) {
    const share = elapsedShare(period, today);
    const expected = Math.round(planned * share);
    if (share >= 0.25 && investedSoFar < expected * config.risk.investmentBehindRatio) {
      reasons.push(`累计完成投资${toWan(investedSoFar)}万元，不到按进度应完成投资${toWan(expected)}万元的${Math.round(config.risk.investmentBehindRatio * 100)}%`);
    }
  }
  return { flagged: reasons.length > 0, reasons };
}

/** Investment so far: the ledger, or the last report's cumulative investment if higher. */
function investedSoFar(loaded: Pick<LoadedProject, 'config'>, ledgerTotal: Hundredths, reports: store.ReportRow[]): Hundredths {
  const field = loaded.config.reports.cumulativeField;
  const last = reports.at(-1);
  const reported = field && last && typeof last.answers[field] === 'number' ? Math.round((last.answers[field] as number) * 100) : 0;
  return Math.max(ledgerTotal, reported);
}

async function summarise(db: DbOrTx, loaded: Pick<LoadedProject, 'project' | 'call' | 'config'>, today: string, names: Map<string, string>): Promise<{ summary: ProjectSummary; slots: SlotView[]; answers: Record<string, unknown> }> {
  const { project, call, config } = loaded;
  const answers = await applicationAnswers(db, project);
  const reports = await store.reportsOf(db, [project.id]);
  const slots = reportSlots(loaded, answers, reports, today);
  const [plans, agreement, rounds, totals] = [await store.plansOf(db, project.id), await store.findAgreement(db, project.id), await store.acceptancesOf(db, [project.id]), await store.ledgerTotals(db, [project.id])];
  const ledgerTotal = fromDb(totals.get(project.id) ?? '0')!;
  const period = periodOf(config, answers);
  const next = slots.find((s) => s.state === 'open' || s.state === 'upcoming');
  return {
    answers,
    slots,
    summary: {
      id: project.id,
      callId: project.callId,
      callTitle: call.title,
      applicationId: project.applicationId,
      name: project.name,
      applicantOrganisationId: project.applicantOrganisationId,
      applicantName: names.get(project.applicantOrganisationId) ?? '',
      recommenderOrganisationId: project.recommenderOrganisationId,
      recommenderName: project.recommenderOrganisationId ? (names.get(project.recommenderOrganisationId) ?? null) : null,
      status: project.status,
      statusLabel: PROJECT_STATUS_LABELS[project.status],
      stage: stageOf(loaded, plans, agreement, rounds),
      outcome: project.outcome,
      selectedAt: project.selectedAt.toISOString(),
      documentNumber: project.documentNumber,
      period,
      title: project.titleRevokedAt ? null : project.title,
      demonstrationEndsOn: project.demonstrationEndsOn,
      reports: {
        due: slots.filter((s) => s.state !== 'upcoming' && s.state !== 'open').length,
        submitted: slots.filter((s) => s.state === 'submitted' || s.state === 'late').length,
        late: slots.filter((s) => s.state === 'late').length,
        missing: slots.filter((s) => s.state === 'missing').length,
        nextDueOn: next?.dueOn ?? null,
      },
      risk: riskOf(loaded, answers, slots, investedSoFar(loaded, ledgerTotal, reports), today),
    },
  };
}

const slotView = (s: SlotView): ReportSlot => ({
  year: s.year,
  quarter: s.quarter,
  label: quarterLabel(s.year, s.quarter),
  dueOn: s.dueOn,
  state: s.state,
  submittedAt: s.report?.submittedAt.toISOString() ?? null,
  reportId: s.report?.id ?? null,
});

// ---------------------------------------------------------------- list and detail

/** The projects the actor may see, scoped in SQL: its own, its jurisdiction's, its calls', its panels'. */
async function visibleProjects(db: DbOrTx, actor: Actor, filter: { callId?: string; status?: string }) {
  const scopes = [];
  if (hasRole(actor, 'platform_admin')) return store.listProjects(db, undefined, filter);
  if (hasRole(actor, 'applicant_admin', 'applicant_filler')) scopes.push(store.ofApplicants([actor.organisationId]));
  if (hasRole(actor, 'recommender_reviewer')) {
    scopes.push(store.ofRecommender(actor.organisationId));
    scopes.push(store.ofApplicants((await organisationSubtreeIds(db, actor.organisationId)).filter((id) => id !== actor.organisationId)));
  }
  if (hasRole(actor, 'program_officer')) scopes.push(store.ofCalls(await callsIssuedBy(db, await organisationSubtreeIds(db, actor.organisationId))));
  if (hasRole(actor, 'expert')) scopes.push(store.onPanel(actor.userId));
  if (!scopes.length) return [];
  return store.listProjects(db, sql.join(scopes.map((s) => sql`(${s})`), sql` OR `), filter);
}

async function callsOf(db: DbOrTx, rows: store.ProjectRow[]) {
  const calls = new Map<string, CallRecord>();
  for (const id of new Set(rows.map((r) => r.callId))) calls.set(id, await loadCall(db, id));
  return calls;
}

export async function listProjects(db: Db, ctx: RequestContext, filter: { callId?: string; status?: string; risk?: boolean }): Promise<ProjectList> {
  const actor = requireActor(ctx);
  const rows = await visibleProjects(db, actor, filter);
  const calls = await callsOf(db, rows);
  const names = await organisationNames(db, rows.flatMap((r) => [r.applicantOrganisationId, ...(r.recommenderOrganisationId ? [r.recommenderOrganisationId] : [])]));
  const today = shanghaiDate(await store.now(db));
  const items = [];
  for (const project of rows) {
    const call = calls.get(project.callId)!;
    const { summary } = await summarise(db, { project, call, config: projectConfig(call.program, call.forms) }, today, names);
    if (!filter.risk || summary.risk.flagged) items.push(summary);
  }
  return { items };
}

/** An expert's opinion or declaration stays between the panel and the owner, in the history as on the acceptance tab. */
const PANEL_ONLY_EVENTS = new Set(['acceptance_review', 'acceptance_conflict']);

export async function getProject(db: Db, ctx: RequestContext, id: string): Promise<ProjectDetail> {
  const actor = requireActor(ctx);
  const loaded = await loadProject(db, actor, id);
  const { project, config, resource } = loaded;
  const now = await store.now(db);
  const today = shanghaiDate(now);
  const names = await organisationNames(db, [project.applicantOrganisationId, ...(project.recommenderOrganisationId ? [project.recommenderOrganisationId] : [])]);
  const { summary, slots } = await summarise(db, loaded, today, names);
  const plans = await store.plansOf(db, id);
  const agreement = await store.findAgreement(db, id);
  const signatures = await store.signaturesOf(db, id);
  const reports = await store.reportsOf(db, [id]);
  const rounds = await store.acceptancesOf(db, [id]);
  const ledgerRows = await store.ledgerOf(db, id);
  const ledger = await evaluateLedger(db, loaded, ledgerRows, false);
  const events = await store.eventsOf(db, id);
  const people = await displayNames(db, [...events.map((e) => e.actorUserId), ...reports.map((r) => r.submittedBy)].filter((x): x is string => Boolean(x)));
  const eventOrgs = await organisationNames(db, events.map((e) => e.actorOrganisationId).filter((x): x is string => Boolean(x)));
  const subsidy = await subsidyOf(db, loaded);
  const sanctions = await store.sanctionsOf(db, id);
  const active = project.status === 'implementing' || project.status === 'rectifying';
  const planApproved = !config.steps.plan || plans.at(-1)?.status === 'approved';
  const agreementEffective = !config.steps.agreement || Boolean(agreement?.effectiveAt);
  const currentRound = rounds.at(-1);
  const isOwner = can(actor, 'project.own', resource);
  const canApply = can(actor, 'project.apply', resource);
  const signedBy = (party: 'applicant' | 'owner') => agreement !== null && signatures.some((s) => s.party === party && s.sha256 === agreement.sha256);
  const myParty = resource.ownsCall && hasRole(actor, 'program_officer') ? 'owner' : 'applicant';
  const acceptanceOpen = active && planApproved && agreementEffective && (!currentRound || currentRound.status === 'returned' || (currentRound.status === 'failed' && project.status === 'rectifying'));
  return {
    project: summary,
    steps: config.steps,
    plan: {
      title: config.plan.title,
      outline: config.plan.outline,
      approved: plans.at(-1)?.status === 'approved',
      versions: plans.map((p) => ({ seq: p.seq, status: p.status, sections: p.sections, files: p.files.map(fileView), sha256: p.sha256, submittedAt: p.submittedAt.toISOString(), opinion: p.opinion, decidedAt: p.decidedAt?.toISOString() ?? null })),
    },
    agreement: agreement
      ? {
          agreementNo: agreement.agreementNo,
          title: config.agreementTitle,
          document: agreement.document,
          sha256: agreement.sha256,
          preparedAt: agreement.preparedAt.toISOString(),
          signatures: signatures.map((s) => ({ party: s.party, signerName: s.signerName, signedAt: s.signedAt.toISOString(), sha256: s.sha256 })),
          effectiveAt: agreement.effectiveAt?.toISOString() ?? null,
        }
      : null,
    reports: {
      form: config.reports.form ? { id: config.reports.form.id, title: config.reports.form.title } : null,
      schedule: slots.map(slotView),
      items: reports.map((r) => ({ id: r.id, year: r.year, quarter: r.quarter, dueOn: r.dueOn, late: r.late, answers: r.answers, sha256: r.sha256, submittedAt: r.submittedAt.toISOString(), submittedBy: people.get(r.submittedBy) ?? '' })),
    },
    ledgerSummary: {
      countedTotal: toWan(ledger.countedTotal),
      total: toWan(ledger.total),
      plannedTotal: ledger.plan.total === null ? null : toWan(ledger.plan.total),
      rows: ledgerRows.length,
      errors: ledger.findings.filter((f) => f.severity === 'error').length,
      warnings: ledger.findings.filter((f) => f.severity === 'warning').length,
    },
    acceptance: {
      completionOutline: config.acceptance.completionOutline,
      performanceOutline: config.acceptance.performanceOutline,
      form: config.acceptance.form ? { id: config.acceptance.form.id, title: config.acceptance.form.title, ledgerField: config.acceptance.ledgerField } : null,
      rubric: config.acceptance.rubric ?? null,
      preAcceptance: config.acceptance.preAcceptance,
      minPanelSize: config.acceptance.minPanelSize,
      rounds: await acceptanceView(db, actor, loaded, rounds),
      rectificationDeadline: project.rectificationDeadline,
    },
    // Money is the owner's, the applicant's and the recommender's business, not the acceptance panel's.
    subsidy: hasRole(actor, 'expert') && !isOwner ? null : (subsidy?.view ?? null),
    honours: project.title ? { title: project.title, grantedAt: project.titleGrantedAt?.toISOString() ?? null, revokedAt: project.titleRevokedAt?.toISOString() ?? null, demonstrationEndsOn: project.demonstrationEndsOn } : null,
    sanctions: sanctions.map((s) => ({
      id: s.id,
      stage: s.stage,
      ground: s.ground,
      findings: s.findings,
      documentNumber: s.documentNumber,
      titleRevoked: s.titleRevoked,
      recoverAmount: toWan(fromDb(s.recoverWan)!),
      banEndsAt: s.banEndsAt?.toISOString() ?? null,
      decidedAt: s.decidedAt.toISOString(),
    })),
    sanctionGrounds: config.sanctions?.grounds ?? [],
    events: events.filter((e) => isOwner || hasRole(actor, 'platform_admin') || !PANEL_ONLY_EVENTS.has(e.type)).map((e) => ({ id: e.id, at: e.at.toISOString(), type: e.type, actorName: e.actorUserId ? (people.get(e.actorUserId) ?? null) : null, organisationName: e.actorOrganisationId ? (eventOrgs.get(e.actorOrganisationId) ?? null) : null, note: e.note })),
    permissions: {
      submitPlan: canApply && active && config.steps.plan && (!plans.length || plans.at(-1)!.status === 'returned'),
      decidePlan: isOwner && plans.at(-1)?.status === 'submitted',
      prepareAgreement: isOwner && active && config.steps.agreement && planApproved && !agreement?.effectiveAt,
      signAgreement: can(actor, 'project.sign', resource) && agreement !== null && !agreement.effectiveAt && !signedBy(myParty),
      submitReport: can(actor, 'project.fill', resource) && active && slots.some((s) => s.state === 'open' || s.state === 'missing'),
      editLedger: can(actor, 'project.fill', resource) && active && (!currentRound || ['returned', 'failed'].includes(currentRound.status)),
      applyAcceptance: canApply && config.steps.acceptance && acceptanceOpen,
      preReview: can(actor, 'project.pre_accept', resource) && currentRound?.status === 'applied',
      formPanel: isOwner && (currentRound?.status === 'forwarded' || currentRound?.status === 'panel'),
      reviewAcceptance: can(actor, 'project.expert', resource) && currentRound?.status === 'panel' && currentRound.panelExpertIds.includes(actor.userId),
      decideAcceptance: isOwner && currentRound?.status === 'panel',
      recordPayment: isOwner && Boolean(config.funding),
      recordCityMatching: can(actor, 'project.pay', resource) && Boolean(config.funding?.cityMatching),
      sanction: isOwner && project.status !== 'revoked',
      uploadFiles: can(actor, 'project.upload', resource),
    },
    serverTime: now.toISOString(),
  };
}

// ---------------------------------------------------------------- files

const MIME_BY_EXTENSION: Record<string, string[]> = {
  '.pdf': ['application/pdf'],
  '.jpg': ['image/jpeg'],
  '.jpeg': ['image/jpeg'],
  '.png': ['image/png'],
  '.ofd': ['application/zip'],
  '.xlsx': ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/zip'],
  '.docx': ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/zip'],
  // Office 97–2003 files are compound documents by content.
  '.xls': ['application/x-cfb'],
  '.doc': ['application/x-cfb'],
};
export const ACCEPTED_EXTENSIONS = Object.keys(MIME_BY_EXTENSION);

/**
 * A scan or document for the project: the uploader's right checked first, then the bytes by content (not by name),
 * hashed into the blob store, recorded.
 */
export async function addFile(db: Db, ctx: RequestContext, projectId: string, query: { purpose: StoredPurpose; name: string }, body: Buffer, blobs: BlobStore): Promise<StoredFileRef> {
  const actor = requireActor(ctx);
  return db.transaction(async (tx) => {
    const { resource } = await loadForWrite(tx, actor, projectId, 'project.upload', '只有项目单位和主管部门可以上传项目材料');
    const ownerPurposes: StoredPurpose[] = ['agreement', 'payment', 'sanction'];
    const isOwner = resource.ownsCall && hasRole(actor, 'program_officer');
    if (isOwner !== ownerPurposes.includes(query.purpose)) {
      throw forbidden(isOwner ? '主管部门上传的材料限于实施协议、拨付凭证和处理文件' : '实施协议文本、拨付凭证和处理文件由主管部门上传');
    }
    const ext = (query.name.match(/\.[a-z0-9]+$/i)?.[0] ?? '').toLowerCase();
    const allowed = MIME_BY_EXTENSION[ext];
    if (!allowed) throw invalid(`不支持的文件类型，可上传：${ACCEPTED_EXTENSIONS.join('、')}`, [{ path: '/querystring/name', message: '文件扩展名不在允许范围内' }]);
    const detected = (await fileTypeFromBuffer(body))?.mime ?? null;
    if (!detected || !allowed.includes(detected)) throw invalid(`文件内容与扩展名${ext}不符`, [{ path: '/body', message: '文件内容与扩展名不符' }]);
    const tmp = path.join(os.tmpdir(), `project-upload-${randomUUID()}`);
    await fs.writeFile(tmp, body);
    const stored = await blobs.putFile(tmp);
    const row = await store.insertFile(tx, { projectId, purpose: query.purpose, name: query.name, sha256: stored.sha256, size: stored.size, mime: detected, uploadedBy: actor.userId, uploadedByOrganisationId: actor.organisationId });
    await recordEvent(tx, ctx, { action: 'project.file_upload', resourceType: 'project', resourceId: projectId, details: { fileId: row.id, purpose: row.purpose, name: row.name, sha256: row.sha256, size: row.size } });
    return { fileId: row.id, name: row.name, size: row.size, sha256: row.sha256, mime: row.mime };
  });
}
type StoredPurpose = store.FileRow['purpose'];

export async function findFile(db: Db, ctx: RequestContext, projectId: string, fileId: string) {
  const actor = requireActor(ctx);
  await loadProject(db, actor, projectId);
  return (await store.filesOf(db, projectId, [fileId]))[0] ?? null;
}

// ---------------------------------------------------------------- 实施方案

/** 提交实施方案: text under every heading of the pack's outline, plus attachments; each version is kept and hashed. */
export async function submitPlan(db: Db, ctx: RequestContext, projectId: string, body: PlanBody): Promise<void> {
  const actor = requireActor(ctx);
  await db.transaction(async (tx) => {
    const { project, config, call } = await loadForWrite(tx, actor, projectId, 'project.apply', '实施方案由项目单位管理员提交');
    requireActive(project);
    if (!config.steps.plan) throw conflict('本通知没有实施方案环节');
    const plans = await store.plansOf(tx, projectId);
    const last = plans.at(-1);
    if (last?.status === 'submitted') throw conflict('实施方案正在审核中，请等待主管部门的意见');
    if (last?.status === 'approved') throw conflict('实施方案已批准');
    const sections = checkSections(body.sections, config.plan.outline, '/body/sections', '实施方案');
    const files = await projectFiles(tx, projectId, body.fileIds, ['plan'], '/body/fileIds');
    const seq = plans.length + 1;
    const hash = sha256({ projectId, seq, sections, files });
    await store.insertPlan(tx, { projectId, seq, sections, files, sha256: hash, status: 'submitted', submittedBy: actor.userId });
    await recordProjectEvent(tx, ctx, projectId, 'project.plan_submit', `提交实施方案（第${seq}版）`, { seq, sha256: hash });
    if (call.issuerOrganisationId) {
      await notifyOrganisation(tx, { organisationId: call.issuerOrganisationId, type: 'project.plan_submitted', title: '收到项目实施方案', body: `「${project.name}」提交了实施方案（第${seq}版），请审核。`, link: `/projects/${projectId}`, data: { projectId } });
    }
  });
}


/** 审核实施方案: the owner approves it or returns it with an opinion. */
export async function decidePlan(db: Db, ctx: RequestContext, projectId: string, body: DecisionOpinionBody): Promise<void> {
  const actor = requireActor(ctx);
  await db.transaction(async (tx) => {
    const { project } = await loadForWrite(tx, actor, projectId, 'project.own', '实施方案由主管部门审核');
    requireActive(project);
    const last = (await store.plansOf(tx, projectId)).at(-1);
    if (last?.status !== 'submitted') throw conflict('没有待审核的实施方案');
    if (body.decision === 'returned' && body.opinion.trim().length < 2) throw invalid('退回须填写修改意见', [{ path: '/body/opinion', message: '请填写退回的理由和修改要求' }]);
    const now = await store.now(tx);
    await store.updatePlan(tx, last.id, { status: body.decision, opinion: body.opinion.trim() || null, decidedBy: actor.userId, decidedAt: now });
    await recordProjectEvent(tx, ctx, projectId, `project.plan_${body.decision === 'approved' ? 'approve' : 'return'}`, body.decision === 'approved' ? `批准实施方案（第${last.seq}版）` : `退回实施方案（第${last.seq}版）：${body.opinion.trim()}`, { seq: last.seq, sha256: last.sha256 });
    await notifyOrganisation(tx, {
      organisationId: project.applicantOrganisationId,
      type: `project.plan_${body.decision}`,
      title: body.decision === 'approved' ? '实施方案已批准' : '实施方案被退回修改',
      body: body.decision === 'approved' ? `「${project.name}」的实施方案已批准。` : `「${project.name}」的实施方案被退回：${body.opinion.trim()}`,
      link: `/projects/${projectId}`,
      data: { projectId },
    });
  });
}

// ---------------------------------------------------------------- 实施协议

/** 拟定实施协议: the owner fixes the document (parties, project, period, the approved plan's hash, terms); its hash is what both sign. */
export async function prepareAgreement(db: Db, ctx: RequestContext, projectId: string, body: AgreementBody): Promise<void> {
  const actor = requireActor(ctx);
  await db.transaction(async (tx) => {
    const { project, config, call } = await loadForWrite(tx, actor, projectId, 'project.own', '实施协议由主管部门拟定');
    requireActive(project);
    if (!config.steps.agreement) throw conflict('本通知没有实施协议环节');
    const plan = (await store.plansOf(tx, projectId)).at(-1);
    if (config.steps.plan && plan?.status !== 'approved') throw conflict('实施方案批准后才能拟定实施协议');
    const existing = await store.findAgreement(tx, projectId);
    if (existing?.effectiveAt) throw conflict('实施协议已由双方签署生效，不能修改');
    const files = await projectFiles(tx, projectId, body.fileIds, ['agreement'], '/body/fileIds');
    const applicant = await organisationFacts(tx, project.applicantOrganisationId);
    const answers = await applicationAnswers(tx, project);
    const now = await store.now(tx);
    const document = {
      title: config.agreementTitle,
      agreementNo: body.agreementNo.trim(),
      call: { id: call.id, title: call.title, documentNumber: call.documentNumber },
      project: { id: project.id, name: project.name, listDocumentNumber: project.documentNumber },
      parties: { owner: call.issuerName, applicant: applicant?.name ?? '', applicantCreditCode: applicant?.creditCode ?? null },
      period: periodOf(config, answers),
      plan: plan ? { seq: plan.seq, sha256: plan.sha256 } : null,
      terms: body.terms.trim(),
      files,
      preparedAt: now.toISOString(),
    };
    const hash = sha256(document);
    await store.upsertAgreement(tx, { projectId, agreementNo: document.agreementNo, document, sha256: hash, preparedBy: actor.userId, preparedAt: now });
    await recordProjectEvent(tx, ctx, projectId, 'project.agreement_prepare', `拟定实施协议（${document.agreementNo}）`, { agreementNo: document.agreementNo, sha256: hash, replaces: existing?.sha256 ?? null });
    await notifyOrganisation(tx, { organisationId: project.applicantOrganisationId, type: 'project.agreement_prepared', title: '请签署项目实施协议', body: `「${project.name}」的实施协议（${document.agreementNo}）已拟定，请核对后签署。`, link: `/projects/${projectId}`, data: { projectId } });
  });
}

/** 签署: a named signer of the applicant or the owner signs the document hash they read; both signatures make it effective. */
export async function signAgreement(db: Db, ctx: RequestContext, projectId: string, body: { signerName: string; sha256: string }): Promise<void> {
  const actor = requireActor(ctx);
  await db.transaction(async (tx) => {
    const { project, resource, call } = await loadForWrite(tx, actor, projectId, 'project.sign', '实施协议由项目单位管理员和主管部门签署');
    requireActive(project);
    const agreement = await store.findAgreement(tx, projectId);
    if (!agreement) throw conflict('实施协议尚未拟定');
    if (agreement.effectiveAt) throw conflict('实施协议已生效');
    if (agreement.sha256 !== body.sha256) throw new AppError(409, 'document_changed', '实施协议内容已变更，请重新阅读后签署', [{ path: '/body/sha256', message: `当前文本的哈希为 ${agreement.sha256}` }]);
    const party = resource.ownsCall && hasRole(actor, 'program_officer') ? 'owner' : 'applicant';
    const now = await store.now(tx);
    const signed = await store.insertSignature(tx, { projectId, party, sha256: agreement.sha256, signerName: body.signerName.trim(), signedBy: actor.userId, organisationId: actor.organisationId, signedAt: now });
    if (!signed) throw conflict(party === 'owner' ? '主管部门已签署' : '项目单位已签署');
    const parties = new Set((await store.signaturesOf(tx, projectId)).filter((s) => s.sha256 === agreement.sha256).map((s) => s.party));
    const effective = parties.has('owner') && parties.has('applicant');
    if (effective) await store.setAgreementEffective(tx, projectId, now);
    await recordProjectEvent(tx, ctx, projectId, 'project.agreement_sign', `${party === 'owner' ? '主管部门' : '项目单位'}签署实施协议（${body.signerName.trim()}）${effective ? '，协议生效' : ''}`, {
      party,
      signerName: body.signerName.trim(),
      sha256: agreement.sha256,
      effective,
    });
    const other = party === 'owner' ? project.applicantOrganisationId : call.issuerOrganisationId;
    if (other) {
      await notifyOrganisation(tx, {
        organisationId: other,
        type: effective ? 'project.agreement_effective' : 'project.agreement_signed',
        title: effective ? '实施协议已生效' : '对方已签署实施协议',
        body: `「${project.name}」的实施协议（${agreement.agreementNo}）${effective ? '已由双方签署生效' : `已由${party === 'owner' ? '主管部门' : '项目单位'}签署，请签署`}。`,
        link: `/projects/${projectId}`,
        data: { projectId },
      });
    }
  });
}

// ---------------------------------------------------------------- 季度进展报告


/** 季度进展报告: for one quarter of the schedule, from its last month on; late when after its due date (server clock). */
export async function submitReport(db: Db, ctx: RequestContext, projectId: string, body: ReportBody): Promise<void> {
  const actor = requireActor(ctx);
  await db.transaction(async (tx) => {
    const loaded = await loadForWrite(tx, actor, projectId, 'project.fill', '季度进展报告由项目单位报送');
    const { project, config, call } = loaded;
    requireActive(project);
    if (!config.steps.quarterlyReports) throw conflict('本通知没有季度进展报告环节');
    const now = await store.now(tx);
    const today = shanghaiDate(now);
    const answers0 = await applicationAnswers(tx, project);
    const reports = await store.reportsOf(tx, [projectId]);
    const slot = reportSlots(loaded, answers0, reports, today).find((s) => s.year === body.year && s.quarter === body.quarter);
    if (!slot) throw invalid('该季度不在项目期的报告时间表内', [{ path: '/body/quarter', message: `${quarterLabel(body.year, body.quarter)}无需报送` }]);
    if (slot.report) throw conflict(`${quarterLabel(body.year, body.quarter)}的进展报告已报送`);
    if (slot.state === 'upcoming') throw new AppError(409, 'not_open', `${quarterLabel(body.year, body.quarter)}的进展报告于季度末（${slot.opensOn}起）报送`);
    let answers: Record<string, unknown>;
    const form = config.reports.form;
    if (form) {
      const fields = new Set(form.sections.flatMap((s) => s.fields.map((f) => f.id)));
      answers = await canonicalAnswers(tx, projectId, form, body.answers, ['report'], '/body/answers');
      // The quarter is the route's; the agreement number is the platform's (the applicant need not retype them).
      if (fields.has('reportYear')) answers.reportYear = body.year;
      if (fields.has('reportQuarter')) answers.reportQuarter = `Q${body.quarter}`;
      const agreement = await store.findAgreement(tx, projectId);
      if (fields.has('agreementNo') && agreement) answers.agreementNo = agreement.agreementNo;
      const org = await organisationFacts(tx, project.applicantOrganisationId);
      const bans = await banFacts(tx, project.applicantOrganisationId, now);
      const result = await validateAnswers({ program: call.program, form, answers, context: { org: { ...org, bannedUntil: bans.bannedUntil }, lists: {}, applications: [], call: { id: call.id, year: call.year }, now: now.toISOString() } });
      const errors = result.violations.filter((v) => v.severity === 'error');
      if (errors.length) throw new AppError(422, 'rules_failed', `有${errors.length}处不符合要求，请修改后再报送`, errors.map((e) => ({ path: `/body/answers${e.path}`, message: e.message })));
      answers = result.answers;
    } else {
      const text = body.answers.progressSummary;
      if (typeof text !== 'string' || !text.trim()) throw invalid('请填写本季度进展情况', [{ path: '/body/answers/progressSummary', message: '必填' }]);
      answers = { progressSummary: text.trim(), problems: body.answers.problems ?? null, nextQuarterPlan: body.answers.nextQuarterPlan ?? null };
    }
    const late = today > slot.dueOn;
    const hash = sha256({ projectId, year: body.year, quarter: body.quarter, answers });
    const inserted = await store.insertReport(tx, { projectId, year: body.year, quarter: body.quarter, dueOn: slot.dueOn, answers, sha256: hash, late, submittedBy: actor.userId, submittedAt: now });
    if (!inserted) throw conflict(`${quarterLabel(body.year, body.quarter)}的进展报告已报送`);
    await recordProjectEvent(tx, ctx, projectId, 'project.report_submit', `报送${quarterLabel(body.year, body.quarter)}进展报告${late ? `（逾期${daysBetween(slot.dueOn, today)}天）` : ''}`, { year: body.year, quarter: body.quarter, late, sha256: hash });
  });
}

/** 逾期与未报: late and missing reports of the recommender's jurisdiction, or of all the owner's calls. */
export async function overdueReports(db: Db, ctx: RequestContext, filter: { callId?: string }): Promise<OverdueReports> {
  const actor = requireActor(ctx);
  if (!hasRole(actor, 'recommender_reviewer', 'program_officer', 'platform_admin')) throw forbidden('逾期报告由推荐单位和主管部门查看');
  const rows = await visibleProjects(db, actor, { callId: filter.callId });
  const calls = await callsOf(db, rows);
  const names = await organisationNames(db, rows.flatMap((r) => [r.applicantOrganisationId, ...(r.recommenderOrganisationId ? [r.recommenderOrganisationId] : [])]));
  const today = shanghaiDate(await store.now(db));
  const items: OverdueReports['items'] = [];
  for (const project of rows) {
    const call = calls.get(project.callId)!;
    const loaded = { project, config: projectConfig(call.program, call.forms) };
    const slots = reportSlots(loaded, await applicationAnswers(db, project), await store.reportsOf(db, [project.id]), today);
    for (const s of slots.filter((x) => x.state === 'late' || x.state === 'missing')) {
      items.push({
        projectId: project.id,
        projectName: project.name,
        applicantName: names.get(project.applicantOrganisationId) ?? '',
        recommenderName: project.recommenderOrganisationId ? (names.get(project.recommenderOrganisationId) ?? null) : null,
        callId: project.callId,
        year: s.year,
        quarter: s.quarter,
        label: quarterLabel(s.year, s.quarter),
        dueOn: s.dueOn,
        state: s.state as 'late' | 'missing',
        daysOverdue: daysBetween(s.dueOn, s.report ? shanghaiDate(s.report.submittedAt) : today),
        submittedAt: s.report?.submittedAt.toISOString() ?? null,
      });
    }
  }
  return { items };
}

const SYSTEM_CONTEXT: RequestContext = { actor: null, requestId: 'project-reminders', ip: null };

/**
 * 提醒: before and after each report's due date (the pack's days), once each — claimed in the database, so any
 * number of app processes may sweep. A reminder whose day passed more than a week ago is skipped (the overdue list
 * shows it). Returns how many were sent.
 */
export async function sendReportReminders(db: Db, at: Date): Promise<number> {
  const today = shanghaiDate(at);
  let sent = 0;
  for (const project of await store.activeProjects(db)) {
    const call = await loadCall(db, project.callId).catch(() => null);
    if (!call) continue;
    const config = projectConfig(call.program, call.forms);
    if (!config.steps.quarterlyReports) continue;
    const slots = reportSlots({ project, config }, await applicationAnswers(db, project), await store.reportsOf(db, [project.id]), today);
    for (const s of slots.filter((x) => !x.report)) {
      const due = [
        ...config.reports.remindBefore.map((d) => ({ kind: 'before' as const, d, on: addDays(s.dueOn, -d) })),
        ...config.reports.remindAfter.map((d) => ({ kind: 'after' as const, d, on: addDays(s.dueOn, d) })),
      ].filter((r) => today >= r.on && daysBetween(r.on, today) <= 7 && (r.kind === 'after' || today <= s.dueOn));
      for (const r of due) {
        await db.transaction(async (tx) => {
          if (!(await store.claimReminder(tx, project.id, `${s.year}Q${s.quarter}:${r.kind}:${r.d}`))) return;
          const label = quarterLabel(s.year, s.quarter);
          if (r.kind === 'before') {
            await notifyOrganisation(tx, { organisationId: project.applicantOrganisationId, type: 'project.report_due', title: '季度进展报告即将到期', body: `「${project.name}」${label}进展报告请于${s.dueOn}前报送。`, link: `/projects/${project.id}`, data: { projectId: project.id, year: s.year, quarter: s.quarter } });
          } else {
            await notifyOrganisation(tx, { organisationId: project.applicantOrganisationId, type: 'project.report_overdue', title: '季度进展报告已逾期', body: `「${project.name}」${label}进展报告应于${s.dueOn}报送，已逾期${r.d}天，请尽快报送。`, link: `/projects/${project.id}`, data: { projectId: project.id, year: s.year, quarter: s.quarter } });
            if (project.recommenderOrganisationId) {
              await notifyOrganisation(tx, { organisationId: project.recommenderOrganisationId, type: 'project.report_overdue', title: '辖区项目季度报告逾期', body: `「${project.name}」${label}进展报告应于${s.dueOn}报送，已逾期${r.d}天。`, link: `/projects/${project.id}`, data: { projectId: project.id, year: s.year, quarter: s.quarter } });
            }
          }
          await recordEvent(tx, SYSTEM_CONTEXT, { action: `project.reminder_${r.kind}`, resourceType: 'project', resourceId: project.id, details: { year: s.year, quarter: s.quarter, days: r.d, dueOn: s.dueOn } });
          sent++;
        });
      }
    }
  }
  return sent;
}


// ---------------------------------------------------------------- for the applications module

/** What every call's eligibility rules see of an organisation's bans ($org.bannedUntil, $org.bans). */
export { banFacts } from './funding.ts';

/** $applications facts from projects: selected, demonstration period, acceptance, sanctioned. */
export async function projectFactsOfApplications(db: DbOrTx, applicationIds: string[]) {
  const rows = await store.projectsOfApplications(db, applicationIds);
  return new Map(
    rows.map((r) => [
      r.application_id,
      {
        selected: true,
        demonstrationUntil: r.demonstration_ends_on,
        acceptance: r.status === 'accepted' ? 'passed' : r.status === 'failed' ? 'failed' : null,
        sanctioned: r.sanctioned,
      },
    ]),
  );
}
