import fs from 'node:fs';
import type { ExportCreateBody, ExportJob } from '@shenbao/contracts';
import type { Db, DbOrTx } from '../../platform/database.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { hasRole } from '../../platform/context.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../platform/errors.ts';
import { recordEvent } from '../audit/index.ts';
import { can, organisationResource, requireActor } from '../identity/index.ts';
import { findCallRecord } from '../programs/index.ts';
import type { ExportRunner } from './export-runner.ts';
import * as store from './export-store.ts';
import { safeSegment } from './export-zip.ts';
import './export-policy.ts';

/** 批量导出: create a job in the requester's scope, follow it, cancel it, download its ZIP. */

type CallRecord = NonNullable<Awaited<ReturnType<typeof findCallRecord>>>;

/** The issuing department or one above it (the ministry over a province's call). */
async function ownsCall(db: DbOrTx, actor: Actor, call: CallRecord): Promise<boolean> {
  if (!call.issuerOrganisationId) return false;
  const issuer = await organisationResource(db, call.issuerOrganisationId);
  return issuer !== null && (issuer.id === actor.organisationId || issuer.ancestorIds.includes(actor.organisationId));
}

export function jobView(job: store.ExportJobRow): ExportJob {
  const d = store.detailsOf(job);
  return {
    id: job.id,
    callId: job.callId,
    callTitle: d.callTitle ?? job.callId,
    recommenderOrganisationId: job.recommenderOrganisationId,
    scopeLabel: d.scopeLabel ?? '',
    status: job.status,
    total: job.total,
    done: job.done,
    fileName: d.fileName ?? `${job.id}.zip`,
    downloadable: job.status === 'done' && job.filePath !== null,
    fileSize: job.fileSize,
    sha256: job.sha256,
    error: job.error,
    createdAt: job.createdAt.toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
    cancelRequestedAt: job.cancelRequestedAt?.toISOString() ?? null,
  };
}

/** 20231208-1530 in Beijing time, for file names. */
function stamp(d: Date): string {
  const p = Object.fromEntries(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.year}${p.month}${p.day}-${p.hour}${p.minute}`;
}

/**
 * Decide what the requester may export from this call, as a scope fixed in the job. Out of scope answers 404, a
 * role that never exports 403, nothing to export 400 (the owner) or 404 (a recommender with nothing of its own).
 */
async function scopeFor(db: Db, actor: Actor, call: CallRecord, recommenderOrganisationId: string | undefined): Promise<{ scope: store.ExportScope; label: string }> {
  const owner = hasRole(actor, 'program_officer') && (await ownsCall(db, actor, call));
  if (owner || (hasRole(actor, 'platform_admin') && !hasRole(actor, 'recommender_reviewer'))) {
    if (!can(actor, 'export.create', { ownsCall: owner, recommends: false })) throw notFound('申报通知');
    if (!recommenderOrganisationId) return { scope: { mode: 'call' }, label: '全部申报' };
    const name = await store.organisationName(db, recommenderOrganisationId);
    if (!name) throw invalid('推荐单位不存在', [{ path: '/body/recommenderOrganisationId', message: '推荐单位不存在' }]);
    return { scope: { mode: 'recommender', organisationId: recommenderOrganisationId }, label: name };
  }
  if (hasRole(actor, 'recommender_reviewer')) {
    if (!can(actor, 'export.create', { ownsCall: false, recommends: true })) throw notFound('申报通知');
    if (!recommenderOrganisationId || recommenderOrganisationId === actor.organisationId) {
      return { scope: { mode: 'own', organisationId: actor.organisationId }, label: (await store.organisationName(db, actor.organisationId)) ?? '本单位' };
    }
    // A province (the upper round) may export what one of its cities recommended; any other organisation is out of scope.
    const below = await organisationResource(db, recommenderOrganisationId);
    if (!below || !below.ancestorIds.includes(actor.organisationId)) throw notFound('推荐单位');
    return { scope: { mode: 'recommendedBy', organisationId: recommenderOrganisationId }, label: `${(await store.organisationName(db, recommenderOrganisationId)) ?? ''}推荐` };
  }
  throw notFound('申报通知');
}

/** 批量导出: queue a job for the call (or one recommender); the runner picks it up at once. */
export async function createExport(db: Db, ctx: RequestContext, body: ExportCreateBody, runner: ExportRunner | null, exportDir: string): Promise<ExportJob> {
  const actor = requireActor(ctx);
  if (!hasRole(actor, 'program_officer', 'recommender_reviewer', 'platform_admin')) throw forbidden('只有主管部门经办人或推荐单位审核人可以批量导出申报');
  const call = await findCallRecord(db, body.callId);
  if (!call) throw notFound('申报通知');
  const { scope, label } = await scopeFor(db, actor, call, body.recommenderOrganisationId);
  const total = await store.countInScope(db, call.id, scope);
  if (total === 0) {
    if (scope.mode === 'own' || scope.mode === 'recommendedBy') throw new AppError(404, 'not_found', '该申报通知中没有本单位可导出的申报');
    const path = scope.mode === 'recommender' ? '/body/recommenderOrganisationId' : '/body/callId';
    throw invalid('该范围内还没有已提交的申报，无可导出的内容', [{ path, message: '没有已提交的申报' }]);
  }
  const details: store.ExportDetails = {
    scope,
    exportDir,
    callTitle: call.title,
    scopeLabel: label,
    fileName: `${safeSegment(`${call.title}（${label}）批量导出`)}_${stamp(new Date())}.zip`,
  };
  const job = await db.transaction(async (tx) => {
    const inserted = await store.insertJob(tx, {
      callId: call.id,
      recommenderOrganisationId: 'organisationId' in scope ? scope.organisationId : null,
      requestedBy: actor.userId,
      requestedByOrganisationId: actor.organisationId,
      status: 'queued',
      total,
      details,
    });
    await recordEvent(tx, ctx, { action: 'export.create', resourceType: 'export_job', resourceId: inserted.id, details: { callId: call.id, scope, total } });
    return inserted;
  });
  runner?.wake();
  return jobView(job);
}

async function loadJob(db: DbOrTx, actor: Actor, id: string, action: 'export.read' | 'export.cancel', forUpdate = false) {
  const job = await store.findJob(db, id, forUpdate);
  if (!job || !can(actor, action, job)) throw notFound('导出任务');
  return job;
}

export async function getExport(db: Db, ctx: RequestContext, id: string): Promise<ExportJob> {
  return jobView(await loadJob(db, requireActor(ctx), id, 'export.read'));
}

/** 我的导出: the requester's jobs, newest first. */
export async function listExports(db: Db, ctx: RequestContext): Promise<ExportJob[]> {
  const actor = requireActor(ctx);
  return (await store.jobsOf(db, actor.userId)).map(jobView);
}

/** 取消: a queued job ends now; a running one stops at its next file (at once when it runs in this process). */
export async function cancelExport(db: Db, ctx: RequestContext, id: string, runner: ExportRunner | null): Promise<ExportJob> {
  const actor = requireActor(ctx);
  const job = await db.transaction(async (tx) => {
    const current = await loadJob(tx, actor, id, 'export.cancel', true);
    if (current.status !== 'queued' && current.status !== 'running') throw conflict(`导出任务已${current.status === 'done' ? '完成' : current.status === 'failed' ? '失败' : '取消'}，无需取消`);
    const updated = (await store.requestCancel(tx, id))!;
    await recordEvent(tx, ctx, { action: 'export.cancel', resourceType: 'export_job', resourceId: id, details: { statusBefore: current.status, done: current.done, total: current.total } });
    return updated;
  });
  runner?.cancelLocal(id);
  return jobView(job);
}

/** 下载: the finished ZIP as a stream, its name and size; the download is audited. */
export async function openDownload(db: Db, ctx: RequestContext, id: string): Promise<{ stream: fs.ReadStream; size: number; fileName: string; sha256: string }> {
  const actor = requireActor(ctx);
  const job = await loadJob(db, actor, id, 'export.read');
  if (job.status !== 'done') throw conflict('导出尚未完成，暂不能下载');
  const stat = job.filePath ? await fs.promises.stat(job.filePath).catch(() => null) : null;
  if (!job.filePath || !stat) throw new AppError(410, 'gone', '导出文件已过保留期限被删除，请重新发起导出');
  await db.transaction(async (tx) => {
    await recordEvent(tx, ctx, { action: 'export.download', resourceType: 'export_job', resourceId: id, details: { sha256: job.sha256, size: stat.size } });
  });
  return { stream: fs.createReadStream(job.filePath), size: stat.size, fileName: jobView(job).fileName, sha256: job.sha256 ?? '' };
}
