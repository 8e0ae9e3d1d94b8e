import type { PackForm, ProjectFile } from '@shenbao/contracts';
import type { DbOrTx } from '../../platform/database.ts';
import { hasRole, type Actor, type RequestContext } from '../../platform/context.ts';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors.ts';
import { recordEvent } from '../audit/index.ts';
import { can, organisationResource } from '../identity/index.ts';
import { findCallRecord } from '../programs/index.ts';
import { applicationRows, latestSubmission } from '../applications/index.ts';
import type { Hundredths } from './money.ts';
import { projectConfig, type ProjectConfig } from './pack-config.ts';
import type { ProjectResource } from './policy.ts';
import { asPeriod, type Period } from './schedule.ts';
import * as store from './store.ts';
import type { StoredFileRef } from './tables.ts';
import './policy.ts';

export type CallRecord = NonNullable<Awaited<ReturnType<typeof findCallRecord>>>;

export interface LoadedProject {
  project: store.ProjectRow;
  call: CallRecord;
  config: ProjectConfig;
  resource: ProjectResource;
}

export async function loadCall(db: DbOrTx, callId: string): Promise<CallRecord> {
  const call = await findCallRecord(db, callId);
  if (!call) throw notFound('申报通知');
  return call;
}

/** The actor's organisation issued the call or sits above its issuer. */
export async function ownsCall(db: DbOrTx, actor: Actor, call: CallRecord): Promise<boolean> {
  if (!hasRole(actor, 'program_officer') || !call.issuerOrganisationId) return false;
  const issuer = await organisationResource(db, call.issuerOrganisationId);
  return issuer !== null && (issuer.id === actor.organisationId || issuer.ancestorIds.includes(actor.organisationId));
}

export async function resourceOf(db: DbOrTx, actor: Actor, project: store.ProjectRow, call: CallRecord): Promise<ProjectResource> {
  let inJurisdiction = false;
  if (hasRole(actor, 'recommender_reviewer')) {
    const applicant = await organisationResource(db, project.applicantOrganisationId);
    inJurisdiction = project.recommenderOrganisationId === actor.organisationId || (applicant?.ancestorIds.includes(actor.organisationId) ?? false);
  }
  let onPanel = false;
  if (hasRole(actor, 'expert')) onPanel = (await store.acceptancesOf(db, [project.id])).some((a) => a.panelExpertIds.includes(actor.userId));
  return { applicantOrganisationId: project.applicantOrganisationId, inJurisdiction, ownsCall: await ownsCall(db, actor, call), onPanel };
}

/** A project the actor may see; anything else is "not found", so nobody learns what exists outside its reach. */
export async function loadProject(db: DbOrTx, actor: Actor, id: string, forUpdate = false): Promise<LoadedProject> {
  const project = await store.findProject(db, id, forUpdate);
  if (!project) throw notFound('项目');
  const call = await loadCall(db, project.callId);
  const resource = await resourceOf(db, actor, project, call);
  if (!can(actor, 'project.read', resource)) throw notFound('项目');
  return { project, call, resource, config: projectConfig(call.program, call.forms) };
}

/** Load for a write: seen (else 404), allowed (else 403 with `refusal`), row-locked. */
export async function loadForWrite(tx: DbOrTx, actor: Actor, id: string, action: string, refusal: string): Promise<LoadedProject> {
  const loaded = await loadProject(tx, actor, id, true);
  if (!can(actor, action, loaded.resource)) throw forbidden(refusal);
  return loaded;
}

export function requireActive(project: store.ProjectRow): void {
  if (project.status === 'revoked') throw conflict('项目已因弄虚作假被撤销，不能再办理');
  if (project.status === 'failed') throw conflict('项目未通过验收，已终止');
}

/** The answers the applicant submitted (the last hashed snapshot), else the application's current answers. */
export async function applicationAnswers(db: DbOrTx, project: store.ProjectRow): Promise<Record<string, unknown>> {
  const sub = await latestSubmission(db, project.applicationId);
  const answers = (sub?.snapshot as { answers?: Record<string, unknown> } | undefined)?.answers;
  if (answers) return answers;
  const [row] = await applicationRows(db, [project.applicationId]);
  return row?.answers ?? {};
}

export function periodOf(config: ProjectConfig, answers: Record<string, unknown>): Period | null {
  return config.periodField ? asPeriod(answers[config.periodField]) : null;
}

const asHundredths = (v: unknown): Hundredths | null => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.round(v * 100) : null);

/** 申报计划: planned investment per ledger category, and the planned total (counted categories, or the total field). */
export function plannedInvestment(config: ProjectConfig, answers: Record<string, unknown>) {
  const byCategory = new Map<string, Hundredths | null>();
  for (const c of config.ledger.categories) byCategory.set(c.id, c.planField ? asHundredths(answers[c.planField]) : null);
  const total = config.ledger.planTotalField ? asHundredths(answers[config.ledger.planTotalField]) : null;
  const countedFields = config.ledger.categories.filter((c) => c.counted && c.planField);
  const counted = countedFields.length ? countedFields.reduce((s, c) => s + (byCategory.get(c.id) ?? 0), 0) : total;
  return { byCategory, total, counted };
}

/** Files of this project named by id, of the expected purpose; else a field error. */
export async function projectFiles(db: DbOrTx, projectId: string, ids: string[] | undefined, purposes: string[], path: string): Promise<StoredFileRef[]> {
  if (!ids?.length) return [];
  const rows = await store.filesOf(db, projectId, ids);
  const refs: StoredFileRef[] = [];
  for (const [i, id] of ids.entries()) {
    const f = rows.find((r) => r.id === id && purposes.includes(r.purpose));
    if (!f) throw invalid('附件不存在', [{ path: `${path}/${i}`, message: '该文件不是本项目此处上传的文件' }]);
    refs.push({ fileId: f.id, name: f.name, size: f.size, sha256: f.sha256, mime: f.mime });
  }
  return refs;
}

export const fileView = (f: StoredFileRef): ProjectFile => ({ fileId: f.fileId, name: f.name, size: f.size, sha256: f.sha256, mime: f.mime });

/** A project event for its page and the audit log, in the caller's transaction. */
export async function recordProjectEvent(tx: DbOrTx, ctx: RequestContext, projectId: string, action: string, note: string | null, details: Record<string, unknown> = {}) {
  await store.insertEvent(tx, { projectId, type: action.replace(/^project\./, ''), actorUserId: ctx.actor?.userId ?? null, actorOrganisationId: ctx.actor?.organisationId ?? null, note, details });
  await recordEvent(tx, ctx, { action, resourceType: 'project', resourceId: projectId, details: { ...details, ...(note ? { note } : {}) } });
}

/** Text per heading: every heading of the outline filled, nothing else; without an outline, one 实施方案 text. */
export function checkSections(sections: Record<string, string>, outline: string[], path: string, what: string): Record<string, string> {
  const headings = outline.length ? outline : [what];
  const unknown = Object.keys(sections).filter((k) => !headings.includes(k));
  if (unknown.length) throw invalid(`${what}含有提纲以外的章节`, unknown.map((k) => ({ path: `${path}/${k}`, message: `提纲中没有“${k}”` })));
  const empty = headings.filter((h) => !(sections[h] ?? '').trim());
  if (empty.length) throw invalid(`${what}有${empty.length}个章节未填写`, empty.map((h) => ({ path: `${path}/${h}`, message: '请填写本章节；无内容时填写“无”' })));
  return Object.fromEntries(headings.map((h) => [h, sections[h]!.trim()]));
}

/** Attachment answers of a pack form replaced by this project's own file records (a client cannot claim a file). */
export async function canonicalAnswers(tx: DbOrTx, projectId: string, form: PackForm, answers: Record<string, unknown>, purposes: string[], path: string): Promise<Record<string, unknown>> {
  const copy = { ...answers };
  for (const field of form.sections.flatMap((s) => s.fields)) {
    if (field.type !== 'attachment' || copy[field.id] === undefined || copy[field.id] === null) continue;
    const value = copy[field.id];
    if (!Array.isArray(value)) throw invalid('附件格式无效', [{ path: `${path}/${field.id}`, message: '应为文件列表' }]);
    const ids = value.map((v) => String((v as { fileId?: unknown })?.fileId ?? ''));
    copy[field.id] = await projectFiles(tx, projectId, ids, purposes, `${path}/${field.id}`);
  }
  return copy;
}
