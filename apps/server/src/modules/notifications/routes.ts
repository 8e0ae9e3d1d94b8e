import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { NotificationList, Ok } from '@shenbao/contracts';
import type { AppDeps } from '../../platform/http.ts';
import { listNotifications, markRead } from './service.ts';


export const notificationRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { database }) => {
  app.get('/api/notifications', { schema: { tags: ['通知'], summary: '本单位的站内通知', response: { 200: NotificationList } }, config: { action: 'session.self' } }, async (request) =>
    listNotifications(database.db, request.ctx),
  );
  app.post(
    '/api/notifications/read',
    {
      schema: { tags: ['通知'], summary: '标记已读', body: Type.Object({ ids: Type.Array(Type.String({ format: 'uuid' }), { minItems: 1, maxItems: 200 }) }, { additionalProperties: false }), response: { 200: Ok } },
      config: { action: 'session.self' },
    },
    async (request) => {
      await markRead(database.db, request.ctx, request.body.ids);
      return { ok: true as const };
    },
  );
};
