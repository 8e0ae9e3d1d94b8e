import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  APPLICATION_STATUSES,
  ApplicationDetail,
  ApplicationList,
  AssignFillersBody,
  CheckResult,
  CreateApplicationBody,
  Ok,
  ReturnBody,
  SaveSectionBody,
  SaveSectionResult,
  SnapshotVerification,
  SubmitBody,
  SubmitResult,
  VersionDiff,
  WithdrawBody,
} from '@shenbao/contracts';
import type { AppDeps } from '../../platform/http.ts';
import { BlobStore } from '../../platform/blob-store.ts';
import { notFound } from '../../platform/errors.ts';
import * as applications from './service.ts';
import { createUploadHandler, sweepAbandonedUploads } from './uploads.ts';
import { PostgresUploadLocker } from './upload-locker.ts';

const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const SectionParams = Type.Object({ id: Type.String({ format: 'uuid' }), sectionId: Type.String({ pattern: '^[a-z0-9][a-z0-9_-]*$', maxLength: 100 }) });
const SeqParams = Type.Object({ id: Type.String({ format: 'uuid' }), seq: Type.Integer({ minimum: 1 }) });
const FileParams = Type.Object({ id: Type.String({ format: 'uuid' }), fileId: Type.String({ format: 'uuid' }) });

export const applicationRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { database, config, systemPackages }) => {
  const { db } = database;
  const blobs = new BlobStore(config.blobDir);

  app.get(
    '/api/applications',
    {
      schema: {
        tags: ['申报'],
        summary: '申报列表（申报单位：本单位；推荐单位：本辖区已提交的；主管部门：本部门通知的）',
        querystring: Type.Object({ callId: Type.Optional(Type.String({ maxLength: 100 })), status: Type.Optional(Type.Enum(APPLICATION_STATUSES)) }),
        response: { 200: ApplicationList },
      },
      config: { action: 'application.read' },
    },
    async (request) => ({ items: await applications.listApplications(db, request.ctx, request.query) }),
  );

  app.post(
    '/api/applications',
    { schema: { tags: ['申报'], summary: '新建申报（草稿）', body: CreateApplicationBody, response: { 201: ApplicationDetail } }, config: { action: 'application.create' } },
    async (request, reply) => reply.status(201).send(await applications.createApplication(db, request.ctx, request.body)),
  );

  app.get(
    '/api/applications/:id',
    { schema: { tags: ['申报'], summary: '申报详情', params: IdParams, response: { 200: ApplicationDetail } }, config: { action: 'application.read' } },
    async (request) => applications.getApplication(db, request.ctx, request.params.id),
  );

  app.put(
    '/api/applications/:id/sections/:sectionId',
    { schema: { tags: ['申报'], summary: '保存一个章节（乐观锁：baseVersion 不符时 409）', params: SectionParams, body: SaveSectionBody, response: { 200: SaveSectionResult } }, config: { action: 'application.edit' } },
    async (request) => applications.saveSection(db, request.ctx, request.params.id, request.params.sectionId, request.body),
  );

  app.put(
    '/api/applications/:id/fillers',
    { schema: { tags: ['申报'], summary: '指定填报人', params: IdParams, body: AssignFillersBody, response: { 200: Ok } }, config: { action: 'application.manage' } },
    async (request) => {
      await applications.assignFillers(db, request.ctx, request.params.id, request.body.fillerIds);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/applications/:id/check',
    { schema: { tags: ['申报'], summary: '检查（运行全部规则）', params: IdParams, response: { 200: CheckResult } }, config: { action: 'application.read' } },
    async (request) => applications.checkApplication(db, request.ctx, request.params.id),
  );

  app.post(
    '/api/applications/:id/submit',
    { schema: { tags: ['申报'], summary: '提交（确认承诺；同一 idempotencyKey 重试返回同一结果）', params: IdParams, body: SubmitBody, response: { 200: SubmitResult } }, config: { action: 'application.submit' } },
    async (request) => applications.submitApplication(db, request.ctx, request.params.id, request.body),
  );

  app.post(
    '/api/applications/:id/withdraw',
    { schema: { tags: ['申报'], summary: '撤回（推荐单位处理前）', params: IdParams, body: WithdrawBody, response: { 200: Ok } }, config: { action: 'application.manage' } },
    async (request) => {
      await applications.withdrawApplication(db, request.ctx, request.params.id, request.body.reason);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/applications/:id/return',
    { schema: { tags: ['申报'], summary: '退回修改（推荐单位）', params: IdParams, body: ReturnBody, response: { 200: Ok } }, config: { action: 'application.review' } },
    async (request) => {
      await applications.returnApplication(db, request.ctx, request.params.id, request.body);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/applications/:id/submissions/:seq/verify',
    { schema: { tags: ['申报'], summary: '校验提交快照的 SHA-256', params: SeqParams, response: { 200: SnapshotVerification } }, config: { action: 'application.read' } },
    async (request) => applications.verifySubmission(db, request.ctx, request.params.id, request.params.seq),
  );

  app.get(
    '/api/applications/:id/diff',
    {
      schema: {
        tags: ['申报'],
        summary: '两次提交之间的逐字段差异',
        params: IdParams,
        querystring: Type.Object({ from: Type.Integer({ minimum: 1 }), to: Type.Integer({ minimum: 1 }) }),
        response: { 200: VersionDiff },
      },
      config: { action: 'application.read' },
    },
    async (request) => applications.diffSubmissions(db, request.ctx, request.params.id, request.query.from, request.query.to),
  );

  app.get(
    '/api/applications/:id/files/:fileId',
    { schema: { tags: ['申报'], summary: '下载附件', params: FileParams }, config: { action: 'application.read' } },
    async (request, reply) => {
      const file = await applications.findFile(db, request.ctx, request.params.id, request.params.fileId);
      if (!file) throw notFound('附件');
      return reply
        .type(file.mime)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`)
        .header('x-content-sha256', file.sha256)
        .send(blobs.open(file.sha256));
    },
  );

  // tus resumable uploads: the body stream is left untouched for the tus server.
  app.addContentTypeParser('application/offset+octet-stream', (_request, _payload, done) => done(null));
  const locker = new PostgresUploadLocker(database.url);
  // Abandoned uploads are swept hourly (and once at start); every process may do it, the database decides who.
  const sweep = () => void sweepAbandonedUploads(db, config.uploadDir).catch((error) => app.log.warn({ err: error }, 'upload sweep failed'));
  const sweeper = setInterval(sweep, 3_600_000);
  sweeper.unref();
  sweep();
  app.addHook('onClose', async () => {
    clearInterval(sweeper);
    await locker.close();
  });
  const upload = createUploadHandler({
    db,
    locker,
    blobs,
    uploadDir: config.uploadDir,
    canProbeVideo: systemPackages.find((p) => p.name === 'ffmpeg')?.present ?? false,
  });
  const uploadSchema = { tags: ['申报'], summary: '附件断点续传（tus 1.0 协议；Upload-Metadata: applicationId, fieldId, filename）', hide: false };
  app.post('/api/uploads', { schema: uploadSchema, config: { action: 'application.edit' } }, upload);
  for (const method of ['HEAD', 'PATCH'] as const) {
    app.route({ method, url: '/api/uploads/:id', schema: { ...uploadSchema, params: Type.Object({ id: Type.String({ pattern: '^[A-Za-z0-9_-]{1,100}$' }) }) }, config: { action: 'application.edit' }, handler: upload });
  }
};
