import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ExportCreateBody, ExportJob, ExportJobList } from '@shenbao/contracts';
import type { AppDeps } from '../../platform/http.ts';
import { ExportRunner } from './export-runner.ts';
import * as exports from './export-service.ts';

const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

/** 批量导出 routes, and the background runner of this process (stopped with the server). */
export const exportRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { database, config }) => {
  const { db } = database;
  const runner = new ExportRunner({ db, exportDir: config.exportDir, blobDir: config.blobDir, log: app.log });
  app.addHook('onReady', async () => runner.start());
  app.addHook('onClose', async () => runner.stop());

  app.post(
    '/api/exports',
    { schema: { tags: ['导出'], summary: '批量导出：为一个申报通知（或一个推荐单位）的申报生成 ZIP（后台任务）', body: ExportCreateBody, response: { 201: ExportJob } }, config: { action: 'export.create' } },
    async (request, reply) => reply.status(201).send(await exports.createExport(db, request.ctx, request.body, runner, config.exportDir)),
  );
  app.get(
    '/api/exports',
    { schema: { tags: ['导出'], summary: '我的导出任务（最近 50 个）', response: { 200: ExportJobList } }, config: { action: 'export.read' } },
    async (request) => ({ items: await exports.listExports(db, request.ctx) }),
  );
  app.get(
    '/api/exports/:id',
    { schema: { tags: ['导出'], summary: '导出任务的状态与进度', params: IdParams, response: { 200: ExportJob } }, config: { action: 'export.read' } },
    async (request) => exports.getExport(db, request.ctx, request.params.id),
  );
  app.post(
    '/api/exports/:id/cancel',
    { schema: { tags: ['导出'], summary: '取消导出（删除未完成的文件）', params: IdParams, response: { 200: ExportJob } }, config: { action: 'export.cancel' } },
    async (request) => exports.cancelExport(db, request.ctx, request.params.id, runner),
  );
  app.get(
    '/api/exports/:id/download',
    { schema: { tags: ['导出'], summary: '下载导出的 ZIP', params: IdParams }, config: { action: 'export.read' } },
    async (request, reply) => {
      const file = await exports.openDownload(db, request.ctx, request.params.id);
      return reply
        .type('application/zip')
        .header('content-length', file.size)
        .header('x-content-sha256', file.sha256)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .send(file.stream);
    },
  );
};
