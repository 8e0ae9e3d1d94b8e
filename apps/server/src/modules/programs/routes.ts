import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CallDetail, CallList, CallListInfo, CallListRows, CallSummary, CheckAnswersBody, CheckAnswersResult } from '@shenbao/contracts';
import type { AppDeps } from '../../platform/http.ts';
import { AppError } from '../../platform/errors.ts';
import * as programs from './service.ts';

const CallParams = Type.Object({ id: Type.String({ pattern: '^[a-z0-9][a-z0-9_-]*$', maxLength: 100 }) });
const FormParams = Type.Object({ id: CallParams.properties.id, formId: Type.String({ pattern: '^[a-z0-9][a-z0-9_-]*$', maxLength: 100 }) });
const ListParams = Type.Object({ id: CallParams.properties.id, listId: Type.String({ pattern: '^[a-z0-9][a-z0-9_-]*$', maxLength: 100 }) });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const programRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { database }) => {
  const { db } = database;
  // Excel uploads arrive as the raw file body (no multipart), at most 10 MB.
  app.addContentTypeParser([XLSX, 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: 10 * 1024 * 1024 }, (_req, body, done) => done(null, body));

  app.get('/api/calls', { schema: { tags: ['申报通知'], summary: '申报通知列表', response: { 200: CallList } }, config: { action: 'public' } }, async () => ({
    items: await programs.listCalls(db),
  }));

  app.get(
    '/api/calls/:id',
    { schema: { tags: ['申报通知'], summary: '申报通知及其配置包（类别、表单、规则、阶段、限额）', params: CallParams, response: { 200: CallDetail } }, config: { action: 'public' } },
    async (request) => programs.getCall(db, request.params.id),
  );

  app.post(
    '/api/calls/:id/forms/:formId/check',
    { schema: { tags: ['申报通知'], summary: '按配置包规则检查填报内容', params: FormParams, body: CheckAnswersBody, response: { 200: CheckAnswersResult } }, config: { action: 'call.check' } },
    async (request) => programs.checkAnswers(db, request.ctx, request.params.id, request.params.formId, request.body.answers),
  );

  app.put(
    '/api/calls/:id/stages/:stageId',
    {
      schema: {
        tags: ['申报通知'],
        summary: '调整阶段时间（开始、截止、延期；null 恢复通知原定时间）',
        params: Type.Object({ id: CallParams.properties.id, stageId: Type.String({ pattern: '^[a-z_]+$', maxLength: 50 }) }),
        body: Type.Object(
          {
            opens: Type.Optional(Type.Union([Type.String({ format: 'date-time' }), Type.Null()])),
            closes: Type.Optional(Type.Union([Type.String({ format: 'date-time' }), Type.Null()])),
            extensionUntil: Type.Optional(Type.Union([Type.String({ format: 'date-time' }), Type.Null()])),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: CallSummary },
      },
      config: { action: 'call.schedule' },
    },
    async (request) => programs.rescheduleStage(db, request.ctx, request.params.id, request.params.stageId, request.body),
  );

  app.get(
    '/api/calls/:id/lists/:listId',
    { schema: { tags: ['申报通知'], summary: '导入名单内容', params: ListParams, response: { 200: CallListRows } }, config: { action: 'call.list.read' } },
    async (request) => programs.getList(db, request.ctx, request.params.id, request.params.listId),
  );

  app.get(
    '/api/calls/:id/lists/:listId/template',
    { schema: { tags: ['申报通知'], summary: '名单导入模板（Excel）', params: ListParams }, config: { action: 'public' } },
    async (request, reply) => {
      const { fileName, buffer } = await programs.listTemplate(db, request.params.id, request.params.listId);
      return reply.type(XLSX).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`).send(buffer);
    },
  );

  app.put(
    '/api/calls/:id/lists/:listId',
    {
      schema: {
        tags: ['申报通知'],
        summary: '导入名单（请求体为 .xlsx 文件；文件名放在 x-file-name 头，URL 编码）',
        params: ListParams,
        headers: Type.Object({ 'x-file-name': Type.Optional(Type.String({ maxLength: 500 })) }),
        response: { 200: CallListInfo },
      },
      config: { action: 'call.list.import' },
    },
    async (request) => {
      const body = request.body;
      if (!Buffer.isBuffer(body)) throw new AppError(415, 'unsupported_media_type', '请以 .xlsx 文件作为请求体上传');
      const name = request.headers['x-file-name'];
      return programs.importList(db, request.ctx, request.params.id, request.params.listId, body, name ? decodeURIComponent(name) : null);
    },
  );
};
