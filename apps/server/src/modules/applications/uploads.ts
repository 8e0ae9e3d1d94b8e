import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileTypeFromFile } from 'file-type';
import { Server, type ServerOptions } from '@tus/server';
import type { Locker } from '@tus/utils';
import { FileStore } from '@tus/file-store';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PackField } from '@shenbao/contracts';
import type { Db } from '../../platform/database.ts';
import type { BlobStore } from '../../platform/blob-store.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { AppError, forbidden, invalid, notFound } from '../../platform/errors.ts';
import { recordEvent } from '../audit/index.ts';
import { can, requireActor } from '../identity/index.ts';
import { findCallRecord } from '../programs/index.ts';
import { isEditable } from './status.ts';
import * as store from './store.ts';
import { fileRef } from './service.ts';
import { sql } from 'drizzle-orm';

const run = promisify(execFile);
type AttachmentField = Extract<PackField, { type: 'attachment' }>;

/** What the file's bytes must be for each accepted extension (checked by content, not by name). */
const MIME_BY_EXTENSION: Record<string, string[]> = {
  '.pdf': ['application/pdf'],
  '.jpg': ['image/jpeg'],
  '.jpeg': ['image/jpeg'],
  '.png': ['image/png'],
  '.mp4': ['video/mp4'],
  '.mov': ['video/quicktime'],
  '.doc': ['application/x-cfb', 'application/msword'],
  '.docx': ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/zip'],
  '.xls': ['application/x-cfb', 'application/vnd.ms-excel'],
  '.xlsx': ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/zip'],
  '.zip': ['application/zip'],
  '.rar': ['application/x-rar-compressed', 'application/vnd.rar'],
  '.ofd': ['application/zip'],
};

const ACTOR_HEADER = 'x-shenbao-upload-actor';

function parseMetadata(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of (header ?? '').split(',')) {
    const [key, value] = pair.trim().split(' ');
    if (key) out[key] = value ? Buffer.from(value, 'base64').toString('utf8') : '';
  }
  return out;
}

/** A top-level attachment field ("video"), or an attachment column of a table ("customers.evidence"). */
function findAttachmentField(fields: PackField[], id: string): AttachmentField | null {
  const [top, column] = id.split('.');
  const field = fields.find((f) => f.id === top);
  if (column === undefined) return field?.type === 'attachment' ? field : null;
  const col = field?.type === 'table' ? field.columns.find((c) => c.id === column) : undefined;
  return col?.type === 'attachment' ? col : null;
}

const secondsText = (s: number) => (s % 60 === 0 ? `${s / 60}分钟` : `${s}秒`);

export interface UploadDeps {
  db: Db;
  /** Locks each upload across app processes. */
  locker: Locker;
  blobs: BlobStore;
  uploadDir: string;
  /** ffprobe present: without it a video's length cannot be read and video uploads are refused. */
  canProbeVideo: boolean;
}

/**
 * Resumable uploads (tus 1.0) for attachment fields. Fastify authenticates and authorises every request, then hands
 * the raw request to the tus server; when the last byte arrives the file is checked by content, hashed, measured
 * (video length by ffprobe), moved into the blob store and attached to the application.
 */
export function createUploadHandler(deps: UploadDeps) {
  const options: ServerOptions & { datastore: FileStore } = {
    path: '/api/uploads',
    datastore: new FileStore({ directory: deps.uploadDir }),
    respectForwardedHeaders: false,
    relativeLocation: true,
    locker: deps.locker,
    onUploadCreate: async (req, upload) => {
      const actor = JSON.parse(req.headers.get(ACTOR_HEADER) ?? '{}') as { userId: string; organisationId: string; requestId: string; ip: string | null };
      const meta = upload.metadata ?? {};
      await deps.db.transaction(async (tx) => {
        await recordEvent(tx, { actor: null, requestId: actor.requestId, ip: actor.ip }, { action: 'application.upload_start', resourceType: 'application', resourceId: String(meta.applicationId), details: { uploadId: upload.id, fieldId: meta.fieldId, name: meta.filename, size: upload.size } }, { userId: actor.userId, organisationId: actor.organisationId });
        await store.insertPendingUpload(tx, {
        id: upload.id,
        applicationId: String(meta.applicationId),
        fieldId: String(meta.fieldId),
        fileName: String(meta.filename),
        declaredSize: upload.size ?? 0,
        userId: actor.userId,
        organisationId: actor.organisationId,
        });
      });
      return {};
    },
    onUploadFinish: async (req, upload): Promise<{ status_code?: number; headers?: Record<string, string>; body?: string }> => {
      try {
        const actor = JSON.parse(req.headers.get(ACTOR_HEADER) ?? '{}') as { userId: string; organisationId: string; requestId: string; ip: string | null };
        const file = await finishUpload(deps, upload.id, actor);
        // The finished file's record, so a client can place it (e.g. in a table row) without another request.
        return {
          status_code: 204,
          headers: { 'x-file-id': file.fileId, 'x-file-sha256': file.sha256, 'x-file-size': String(file.size), 'x-file-mime': file.mime, ...(file.durationSeconds != null ? { 'x-file-duration': String(file.durationSeconds) } : {}) },
        };
      } catch (error) {
        await fs.rm(path.join(deps.uploadDir, upload.id), { force: true });
        await fs.rm(path.join(deps.uploadDir, `${upload.id}.json`), { force: true });
        await store.deletePendingUpload(deps.db, upload.id);
        const e = error instanceof AppError ? error : new AppError(500, 'upload_failed', '文件处理失败，请重新上传');
        return { status_code: e.status, body: JSON.stringify({ error: { code: e.code, message: e.message, fields: e.fields } }), headers: { 'content-type': 'application/json' } };
      }
    },
  };
  const tus = new Server(options);

  /** Fastify handler for every /api/uploads request. */
  return async function handle(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const actor = requireActor(request.ctx);
    // The tus server reads headers from rawHeaders: drop any the client sent under our name, then add ours.
    const raw = request.raw.rawHeaders;
    for (let i = raw.length - 2; i >= 0; i -= 2) if (raw[i]!.toLowerCase() === ACTOR_HEADER) raw.splice(i, 2);
    if (request.method === 'POST') await authoriseCreate(deps, actor, request);
    else if (request.method !== 'OPTIONS') await authoriseExisting(deps, actor, (request.params as { id?: string }).id ?? '');
    raw.push(ACTOR_HEADER, JSON.stringify({ userId: actor.userId, organisationId: actor.organisationId, requestId: request.id, ip: request.ip }));
    reply.hijack();
    await tus.handle(request.raw, reply.raw);
  };
}

async function editableApplication(deps: UploadDeps, actor: Actor, applicationId: string) {
  const app = /^[0-9a-f-]{36}$/.test(applicationId) ? await store.findApplication(deps.db, applicationId) : null;
  if (!app) throw notFound('申报');
  const fillerIds = await store.fillersOf(deps.db, app.id);
  const resource = { applicantOrganisationId: app.applicantOrganisationId, recommenderOrganisationId: app.recommenderOrganisationId, fillerIds, actorOwnsCall: false, actorAboveRecommender: false, status: app.status };
  if (!can(actor, 'application.read', resource)) throw notFound('申报');
  if (!can(actor, 'application.edit', resource)) throw forbidden('只有申报单位管理员和指定的填报人可以上传附件');
  if (!isEditable(app.status)) throw new AppError(409, 'conflict', '申报已提交，不能再上传附件');
  const call = await findCallRecord(deps.db, app.callId);
  const form = call?.forms.find((f) => f.id === app.formId);
  if (!form) throw notFound('表单');
  return { app, fields: form.sections.flatMap((s) => s.fields) };
}

async function authoriseCreate(deps: UploadDeps, actor: Actor, request: FastifyRequest) {
  const meta = parseMetadata(request.headers['upload-metadata'] as string | undefined);
  const { app, fields } = await editableApplication(deps, actor, meta.applicationId ?? '');
  const field = findAttachmentField(fields, meta.fieldId ?? '');
  if (!field) throw invalid('附件栏目不存在', [{ path: '/metadata/fieldId', message: '表单中没有该附件栏目（表格中的附件栏写作“表格.列”）' }]);
  const name = meta.filename ?? '';
  const ext = (/\.[^.]+$/.exec(name)?.[0] ?? '').toLowerCase();
  if (!name || !field.accept.includes(ext)) throw invalid(`「${field.label}」只接受 ${field.accept.join('、')} 文件`, [{ path: `/${field.id}`, message: `不接受的文件类型：${name}` }]);
  const size = Number(request.headers['upload-length']);
  if (!Number.isFinite(size) || size <= 0) throw invalid('请提供文件大小（Upload-Length）', [{ path: '/headers/upload-length', message: '缺少文件大小' }]);
  if (size > field.maxSizeMB * 1024 * 1024) throw invalid(`「${field.label}」单个文件不得超过${field.maxSizeMB}MB`, [{ path: `/${field.id}`, message: `${name} 超过${field.maxSizeMB}MB` }]);
  const present = Array.isArray(app.answers[meta.fieldId ?? '']) ? (app.answers[meta.fieldId ?? ''] as unknown[]).length : 0;
  if (field.maxCount !== undefined && present >= field.maxCount) throw invalid(`「${field.label}」最多上传${field.maxCount}个文件`, [{ path: `/${field.id}`, message: '已达到文件数量上限，请先删除已上传的文件' }]);
  if (field.video && !deps.canProbeVideo) throw new AppError(503, 'feature_unavailable', '服务器缺少 ffmpeg（ffprobe），暂时无法检测视频时长，视频上传不可用，请联系平台管理员');
}

async function authoriseExisting(deps: UploadDeps, actor: Actor, uploadId: string) {
  const pending = await store.findPendingUpload(deps.db, uploadId);
  if (!pending || pending.organisationId !== actor.organisationId) throw notFound('上传');
  await editableApplication(deps, actor, pending.applicationId);
}

async function videoDuration(file: string): Promise<number | null> {
  const { stdout } = await run('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'default=nw=1:nk=1', file], { timeout: 30_000 }).catch(() => ({ stdout: '' }));
  const seconds = Number.parseFloat(stdout.trim());
  return Number.isFinite(seconds) ? seconds : null;
}

async function finishUpload(deps: UploadDeps, uploadId: string, actor: { userId: string; organisationId: string; requestId: string; ip: string | null }) {
  const pending = await store.findPendingUpload(deps.db, uploadId);
  if (!pending) throw notFound('上传');
  // Every request of this upload was authorised when it arrived; the application may have been submitted since.
  const app = await store.findApplication(deps.db, pending.applicationId);
  if (!app || !isEditable(app.status)) throw new AppError(409, 'conflict', '申报已提交，不能再上传附件');
  const call = await findCallRecord(deps.db, app.callId);
  const form = call?.forms.find((f) => f.id === app.formId);
  const field = form ? findAttachmentField(form.sections.flatMap((s) => s.fields), pending.fieldId) : null;
  if (!field || !form) throw notFound('附件栏目');
  const sectionId = form.sections.find((s) => s.fields.some((f) => f.id === pending.fieldId.split('.')[0]))!.id;
  const filePath = path.join(deps.uploadDir, uploadId);
  const ext = (/\.[^.]+$/.exec(pending.fileName)?.[0] ?? '').toLowerCase();
  const detected = await fileTypeFromFile(filePath);
  const allowed = MIME_BY_EXTENSION[ext] ?? [];
  if (!detected || !allowed.includes(detected.mime)) {
    throw invalid(`文件内容与扩展名不符：${pending.fileName} 不是有效的 ${ext} 文件`, [{ path: `/${field.id}`, message: `文件内容为 ${detected?.mime ?? '无法识别的格式'}` }]);
  }
  let durationSeconds: number | null = null;
  if (field.video) {
    durationSeconds = await videoDuration(filePath);
    if (durationSeconds === null) throw invalid(`「${field.label}」无法读取视频时长，请上传可正常播放的视频`, [{ path: `/${field.id}`, message: '无法读取视频时长' }]);
    if (durationSeconds < field.video.minSeconds || durationSeconds > field.video.maxSeconds) {
      throw invalid(`「${field.label}」视频时长应为${secondsText(field.video.minSeconds)}至${secondsText(field.video.maxSeconds)}（当前${Math.round(durationSeconds)}秒）`, [
        { path: `/${field.id}`, message: `视频时长${Math.round(durationSeconds)}秒` },
      ]);
    }
  }
  const { sha256, size } = await deps.blobs.putFile(filePath);
  await fs.rm(path.join(deps.uploadDir, `${uploadId}.json`), { force: true });
  const ctx: RequestContext = { actor: null, requestId: actor.requestId, ip: actor.ip };
  return deps.db.transaction(async (tx) => {
    await tx.execute(sql`INSERT INTO blobs (sha256, size, mime) VALUES (${sha256}, ${size}, ${detected.mime}) ON CONFLICT DO NOTHING`);
    const row = await store.insertFile(tx, { applicationId: app.id, fieldId: pending.fieldId, name: pending.fileName, sha256, size, mime: detected.mime, durationSeconds, uploadedBy: actor.userId });
    const ref = fileRef(row);
    // A table cell's file is placed in its row by the client's next save of that table; the slot holds it until then.
    if (pending.fieldId.includes('.')) {
      await store.deletePendingUpload(tx, uploadId);
      await recordEvent(tx, ctx, { action: 'application.upload', resourceType: 'application', resourceId: app.id, details: { fieldId: pending.fieldId, name: pending.fileName, sha256, size } }, { userId: actor.userId, organisationId: actor.organisationId });
      return ref;
    }
    // Attach the file to the answers and move that section's version on, so a stale editor cannot drop it.
    await tx.execute(sql`
      UPDATE applications SET
        answers = jsonb_set(answers, ARRAY[${field.id}::text], COALESCE(answers -> ${field.id}, '[]'::jsonb) || ${JSON.stringify([ref])}::jsonb),
        section_versions = section_versions || jsonb_build_object(${sectionId}::text, COALESCE((section_versions ->> ${sectionId})::int, 0) + 1),
        updated_at = now()
      WHERE id = ${app.id}`);
    await store.deletePendingUpload(tx, uploadId);
    await recordEvent(tx, ctx, { action: 'application.upload', resourceType: 'application', resourceId: app.id, details: { fieldId: field.id, name: pending.fileName, sha256, size, durationSeconds } }, { userId: actor.userId, organisationId: actor.organisationId });
    return ref;
  });
}

/** Unfinished uploads older than this are abandoned: their bytes and records are removed. */
export const ABANDONED_UPLOAD_DAYS = 7;

/**
 * Remove uploads that never finished (a closed browser that never came back). Safe in every process at once:
 * each row is deleted by exactly one of them, and only that one removes the files.
 */
export async function sweepAbandonedUploads(db: Db, uploadDir: string, olderThanDays = ABANDONED_UPLOAD_DAYS): Promise<number> {
  const result = await db.execute<{ id: string }>(sql`
    DELETE FROM pending_uploads WHERE created_at < now() - make_interval(days => ${olderThanDays}) RETURNING id`);
  for (const { id } of result.rows) {
    await fs.rm(path.join(uploadDir, id), { force: true });
    await fs.rm(path.join(uploadDir, `${id}.json`), { force: true });
  }
  return result.rows.length;
}
