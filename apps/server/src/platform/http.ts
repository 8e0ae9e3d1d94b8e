import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import cookie, { type CookieSerializeOptions } from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type Ajv from 'ajv';
import { ErrorBody, Health, STRING_FORMATS } from '@shenbao/contracts';
import type { Config } from './config.ts';
import type { Database } from './database.ts';
import { registerErrorHandling } from './errors.ts';
import type { RequestContext } from './context.ts';
import { sharedSecret } from './settings.ts';
import type { SystemPackage } from './system-packages.ts';
import { actorForSessionToken, identityRoutes } from '../modules/identity/index.ts';
import { auditRoutes } from '../modules/audit/index.ts';
import { programRoutes } from '../modules/programs/index.ts';
import { applicationRoutes } from '../modules/applications/index.ts';
import { notificationRoutes } from '../modules/notifications/index.ts';
import { recommendationRoutes } from '../modules/recommendations/index.ts';
import { selectionRoutes } from '../modules/selection/index.ts';
import { documentRoutes, exportRoutes } from '../modules/documents/index.ts';
import { projectRoutes } from '../modules/projects/index.ts';

declare module 'fastify' {
  interface FastifyRequest {
    ctx: RequestContext;
  }
  interface FastifyInstance {
    /** "METHOD /url" of every /api route, for the policy matrix test that must cover them all. */
    apiRoutes: string[];
  }
  interface FastifyContextConfig {
    /** The policy action the route performs, or 'public' for routes open to anyone. Required on every /api route. */
    action?: string;
  }
}

export interface AppDeps {
  database: Database;
  config: Config;
  systemPackages: SystemPackage[];
}

export const SESSION_COOKIE = 'sb_session';
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function sessionCookieOptions(config: Config, maxAgeSeconds: number): CookieSerializeOptions {
  return { path: '/', httpOnly: true, sameSite: 'lax', secure: config.secureCookies, maxAge: maxAgeSeconds };
}

function addStringFormats(ajv: Ajv): Ajv {
  for (const [name, validate] of Object.entries(STRING_FORMATS)) ajv.addFormat(name, { type: 'string', validate });
  return ajv;
}

/** The HTTP server: plugins, the session → actor hook, CSRF for cookie-authenticated writes, every module's routes. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, database } = deps;
  const app = Fastify({
    logger: process.env.LOG_LEVEL ? { level: process.env.LOG_LEVEL } : false,
    trustProxy: config.trustProxy,
    genReqId: () => randomUUID(),
    bodyLimit: 2 * 1024 * 1024,
    ajv: {
      customOptions: { removeAdditional: false, allErrors: true, coerceTypes: 'array', useDefaults: true },
      plugins: [addStringFormats as never],
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  registerErrorHandling(app);
  const cookieSecret = config.cookieSecret || (await sharedSecret(database.db, 'cookie_secret'));
  await app.register(cookie, { secret: cookieSecret });
  await app.register(csrf, {
    cookieKey: 'sb_csrf',
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'strict', secure: config.secureCookies, signed: true },
    getToken: (request) => request.headers['x-csrf-token'] as string | undefined,
  });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"], // antd injects its CSS-in-JS at run time
        imgSrc: ["'self'", 'data:', 'blob:'],
        upgradeInsecureRequests: config.secureCookies ? [] : null,
      },
    },
  });
  await app.register(rateLimit, { global: false, hook: 'preValidation' }); // after body parsing: the key includes the username
  await app.register(swagger, {
    openapi: {
      info: { title: '申报 Shenbao API', version: '0.1.0', description: '工业互联网试点示范项目申报管理平台' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
    },
  });

  app.addSchema(ErrorBody);
  app.decorate('apiRoutes', [] as string[]);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api')) return;
    if (!route.config?.action) throw new Error(`${route.method} ${route.url} has no policy action (config.action)`);
    for (const method of [route.method].flat()) app.apiRoutes.push(`${method} ${route.url}`);
    const schema = (route.schema ??= {});
    schema.response = { ...(schema.response as object), '4xx': { $ref: 'ErrorBody#' }, '5xx': { $ref: 'ErrorBody#' } };
  });

  app.decorateRequest('ctx', null as unknown as RequestContext);
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    request.ctx = { actor: null, requestId: request.id, ip: request.ip ?? null };
    reply.header('x-request-id', request.id);
    const action = request.routeOptions.config?.action;
    if (!action) return;
    const token = request.cookies[SESSION_COOKIE];
    if (token) request.ctx.actor = await actorForSessionToken(database.db, token);
    if (action === 'public') return;
    if (!request.ctx.actor) {
      return reply.status(401).send({ error: { code: 'unauthenticated', message: '请先登录，或登录已过期', fields: [] } });
    }
    if (UNSAFE_METHODS.has(request.method)) {
      await new Promise<void>((resolve, reject) => app.csrfProtection(request, reply, (err?: Error) => (err ? reject(err) : resolve())));
    }
  });

  app.get('/api/openapi.json', { schema: { hide: true }, config: { action: 'public' } }, async () => app.swagger());
  app.get(
    '/api/health',
    { schema: { tags: ['平台'], summary: '健康检查', response: { 200: Health } }, config: { action: 'public' } },
    async () => {
      const version = await database.pool
        .query<{ server_version: string }>('SHOW server_version')
        .then((r) => r.rows[0]?.server_version ?? null)
        .catch(() => null);
      const degraded = !version || deps.systemPackages.some((p) => !p.present);
      return {
        status: degraded ? ('degraded' as const) : ('ok' as const),
        database: { ok: Boolean(version), embedded: database.embedded, version },
        systemPackages: deps.systemPackages,
        time: new Date().toISOString(),
      };
    },
  );

  await app.register(identityRoutes, deps);
  await app.register(auditRoutes, deps);
  await app.register(programRoutes, deps);
  await app.register(applicationRoutes, deps);
  await app.register(notificationRoutes, deps);
  await app.register(recommendationRoutes, deps);
  await app.register(selectionRoutes, deps);
  await app.register(exportRoutes, deps);
  await app.register(documentRoutes, deps);
  await app.register(projectRoutes, deps);
  await serveWebApp(app, config.webDistDir);
  return app;
}

/** The built React app on the same port; unknown non-API paths get index.html so client routes survive reloads. */
async function serveWebApp(app: FastifyInstance, distDir: string): Promise<void> {
  const indexFile = path.join(distDir, 'index.html');
  if (!fs.existsSync(indexFile)) return;
  await app.register(fastifyStatic, { root: distDir, wildcard: false, index: false });
  const sendIndex = (_request: FastifyRequest, reply: FastifyReply) => reply.type('text/html').header('cache-control', 'no-cache').send(fs.createReadStream(indexFile));
  app.get('/', { schema: { hide: true } }, sendIndex);
  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    const file = path.join(distDir, path.normalize(request.params && (request.params as Record<string, string>)['*'] ? (request.params as Record<string, string>)['*']! : ''));
    if (file.startsWith(distDir) && fs.existsSync(file) && fs.statSync(file).isFile()) return reply.sendFile(path.relative(distDir, file));
    return sendIndex(request, reply);
  });
}
