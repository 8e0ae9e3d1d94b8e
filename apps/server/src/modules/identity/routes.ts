import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  AcceptInvitationBody,
  CreateOrganisationBody,
  Invitation,
  InviteUserBody,
  LoginBody,
  Me,
  Ok,
  Organisation,
  OrganisationList,
  OrganisationQuery,
  UpdateOrganisationBody,
  UserList,
} from '@shenbao/contracts';
import type { AppDeps } from '../../platform/http.ts';
import { SESSION_COOKIE, sessionCookieOptions } from '../../platform/http.ts';
import * as identity from './service.ts';

const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const UserParams = Type.Object({ id: Type.String({ format: 'uuid' }), userId: Type.String({ format: 'uuid' }) });

export const identityRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { database, config }) => {
  const { db } = database;

  app.post(
    '/api/auth/login',
    {
      schema: { tags: ['认证'], summary: '登录', body: LoginBody, response: { 200: Me } },
      config: { action: 'public', rateLimit: { max: config.loginRateLimitPerMinute, timeWindow: '1 minute', keyGenerator: (req) => `${req.ip}|${String((req.body as { username?: unknown } | undefined)?.username ?? '')}` } },
    },
    async (request, reply) => {
      const result = await identity.signIn(db, request.ctx, request.body, {
        ttlHours: config.sessionTtlHours,
        userAgent: request.headers['user-agent'] ?? null,
      });
      reply.setCookie(SESSION_COOKIE, result.token, sessionCookieOptions(config, config.sessionTtlHours * 3600));
      return { user: result.user, organisation: result.organisation, csrfToken: reply.generateCsrf() };
    },
  );

  app.post('/api/auth/logout', { schema: { tags: ['认证'], summary: '退出登录', response: { 200: Ok } }, config: { action: 'session.self' } }, async (request, reply) => {
    await identity.signOut(db, request.ctx);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  app.post('/api/auth/logout-all', { schema: { tags: ['认证'], summary: '退出所有设备', response: { 200: Ok } }, config: { action: 'session.self' } }, async (request, reply) => {
    await identity.signOutEverywhere(db, request.ctx);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  app.post(
    '/api/auth/accept-invitation',
    { schema: { tags: ['认证'], summary: '接受邀请并设置密码', body: AcceptInvitationBody, response: { 200: Ok } }, config: { action: 'public' } },
    async (request) => {
      await identity.acceptInvitation(db, request.ctx, request.body.token, request.body.password);
      return { ok: true as const };
    },
  );

  app.get('/api/me', { schema: { tags: ['认证'], summary: '当前用户', response: { 200: Me } }, config: { action: 'session.self' } }, async (request, reply) => {
    const me = await identity.currentUser(db, request.ctx);
    return { ...me, csrfToken: reply.generateCsrf() };
  });

  app.get(
    '/api/organisations',
    { schema: { tags: ['组织机构'], summary: '组织机构列表（按权限范围）', querystring: OrganisationQuery, response: { 200: OrganisationList } }, config: { action: 'organisation.read' } },
    async (request) => identity.listOrganisations(db, request.ctx, request.query),
  );

  app.get(
    '/api/organisations/:id',
    { schema: { tags: ['组织机构'], summary: '组织机构详情', params: IdParams, response: { 200: Organisation } }, config: { action: 'organisation.read' } },
    async (request) => identity.getOrganisation(db, request.ctx, request.params.id),
  );

  app.post(
    '/api/organisations',
    { schema: { tags: ['组织机构'], summary: '新建组织机构', body: CreateOrganisationBody, response: { 201: Organisation } }, config: { action: 'organisation.create' } },
    async (request, reply) => reply.status(201).send(await identity.createOrganisation(db, request.ctx, request.body)),
  );

  app.patch(
    '/api/organisations/:id',
    { schema: { tags: ['组织机构'], summary: '修改组织机构', params: IdParams, body: UpdateOrganisationBody, response: { 200: Organisation } }, config: { action: 'organisation.update' } },
    async (request) => identity.updateOrganisation(db, request.ctx, request.params.id, request.body),
  );

  app.get(
    '/api/organisations/:id/users',
    { schema: { tags: ['用户'], summary: '单位用户列表', params: IdParams, response: { 200: UserList } }, config: { action: 'user.read' } },
    async (request) => ({ items: await identity.listUsers(db, request.ctx, request.params.id) }),
  );

  app.post(
    '/api/organisations/:id/users',
    { schema: { tags: ['用户'], summary: '邀请用户', params: IdParams, body: InviteUserBody, response: { 201: Invitation } }, config: { action: 'user.manage' } },
    async (request, reply) => reply.status(201).send(await identity.inviteUser(db, request.ctx, request.params.id, request.body)),
  );

  app.delete(
    '/api/organisations/:id/users/:userId',
    { schema: { tags: ['用户'], summary: '移除用户', params: UserParams, response: { 200: Ok } }, config: { action: 'user.manage' } },
    async (request) => {
      await identity.removeUser(db, request.ctx, request.params.id, request.params.userId);
      return { ok: true as const };
    },
  );
};
