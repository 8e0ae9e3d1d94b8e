import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Inbox, IssueBody, Ok, RankingBody, Recommendation, RecommendationList, ReopenBody, ReviewBody } from '@shenbao/contracts';
import type { AppDeps } from '../../platform/http.ts';
import { tableDocumentPdf, tableDocumentXlsx } from '../documents/index.ts';
import * as recommendations from './service.ts';

const CallQuery = Type.Object({ callId: Type.String({ minLength: 1, maxLength: 100 }) });
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const recommendationRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { database }) => {
  const { db } = database;
  app.get(
    '/api/review/inbox',
    { schema: { tags: ['推荐'], summary: '待审申报（本辖区；省级轮次含各市已推荐的）', querystring: CallQuery, response: { 200: Inbox } }, config: { action: 'recommendation.act' } },
    async (request) => recommendations.inbox(db, request.ctx, request.query.callId),
  );
  app.post(
    '/api/applications/:id/review',
    { schema: { tags: ['推荐'], summary: '审核：通过或不予推荐（附形式审查清单）', params: IdParams, body: ReviewBody, response: { 200: Ok } }, config: { action: 'recommendation.act' } },
    async (request) => {
      await recommendations.review(db, request.ctx, request.params.id, request.body);
      return { ok: true as const };
    },
  );
  app.get(
    '/api/recommendations',
    { schema: { tags: ['推荐'], summary: '推荐（推荐单位：本单位各渠道；发文单位：已出具的全部）', querystring: CallQuery, response: { 200: RecommendationList } }, config: { action: 'recommendation.read' } },
    async (request) => ({ items: await recommendations.listRecommendations(db, request.ctx, request.query.callId) }),
  );
  app.get(
    '/api/recommendations/:id',
    { schema: { tags: ['推荐'], summary: '推荐详情（排序、限额）', params: IdParams, response: { 200: Recommendation } }, config: { action: 'recommendation.read' } },
    async (request) => recommendations.getRecommendation(db, request.ctx, request.params.id),
  );
  app.put(
    '/api/recommendations/:id/ranking',
    { schema: { tags: ['推荐'], summary: '调整推荐优先顺序（整体提交，带版本号）', params: IdParams, body: RankingBody, response: { 200: Recommendation } }, config: { action: 'recommendation.act' } },
    async (request) => recommendations.rank(db, request.ctx, request.params.id, request.body),
  );
  app.post(
    '/api/recommendations/:id/issue',
    { schema: { tags: ['推荐'], summary: '出具推荐意见（签署、限额与截止时间校验、冻结）', params: IdParams, body: IssueBody, response: { 200: Recommendation } }, config: { action: 'recommendation.act' } },
    async (request) => recommendations.issue(db, request.ctx, request.params.id, request.body),
  );
  app.post(
    '/api/recommendations/:id/reopen',
    { schema: { tags: ['推荐'], summary: '经发文单位同意重新开启已出具的推荐', params: IdParams, body: ReopenBody, response: { 200: Recommendation } }, config: { action: 'recommendation.reopen' } },
    async (request) => recommendations.reopen(db, request.ctx, request.params.id, request.body.reason),
  );
  app.get(
    '/api/recommendations/:id/summary.xlsx',
    { schema: { tags: ['推荐'], summary: '推荐汇总表（Excel）', params: IdParams }, config: { action: 'recommendation.read' } },
    async (request, reply) => {
      const { fileName, doc } = await recommendations.summaryDocument(db, request.ctx, request.params.id);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`${fileName}.xlsx`)}`)
        .send(await tableDocumentXlsx(doc));
    },
  );
  app.get(
    '/api/recommendations/:id/summary.pdf',
    { schema: { tags: ['推荐'], summary: '推荐汇总表（PDF）', params: IdParams }, config: { action: 'recommendation.read' } },
    async (request, reply) => {
      const { fileName, doc } = await recommendations.summaryDocument(db, request.ctx, request.params.id);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`${fileName}.pdf`)}`)
        .send(await tableDocumentPdf(doc));
    },
  );
};
