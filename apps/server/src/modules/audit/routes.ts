import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AuditList, AuditQuery, AuditVerification } from '@shenbao/contracts';
import type { AppDeps } from '../../platform/http.ts';
import { forbidden } from '../../platform/errors.ts';
import { can } from '../identity/index.ts';
import { listAuditEvents, verifyAuditChain } from './service.ts';

export const auditRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { database }) => {
  app.get(
    '/api/audit',
    { schema: { tags: ['审计'], summary: '审计日志', querystring: AuditQuery, response: { 200: AuditList } }, config: { action: 'audit.read' } },
    async (request) => {
      if (!can(request.ctx.actor!, 'audit.read', null)) throw forbidden('无权查看审计日志');
      return listAuditEvents(database.db, request.ctx, request.query);
    },
  );
  app.get(
    '/api/audit/verify',
    { schema: { tags: ['审计'], summary: '校验审计哈希链', response: { 200: AuditVerification } }, config: { action: 'audit.verify' } },
    async (request) => {
      if (!can(request.ctx.actor!, 'audit.verify', null)) throw forbidden('仅平台管理员可校验审计哈希链');
      return verifyAuditChain(database.db);
    },
  );
};
