// GET /api/me on the full platform, against a bare Fastify route doing the same session lookup.
// The ratio shows what the platform's hooks, schema serialisation and security headers cost per request.
import Fastify from 'fastify';
import cookie from '@fastify/cookie';
import { readConfig } from '../apps/server/src/platform/config.ts';
import { buildApp } from '../apps/server/src/platform/http.ts';
import { actorForSessionToken, hashPassword, identityStore } from '../apps/server/src/modules/identity/index.ts';
import { benchDatabase, load, report } from './lib.ts';

export async function run(): Promise<void> {
  const { database, dispose } = await benchDatabase();
  try {
    const org = await identityStore.insertOrganisation(database.db, { name: '压测企业', kind: 'enterprise', divisionCode: '130100', creditCode: null });
    await identityStore.insertUser(database.db, {
      organisationId: org.id,
      username: 'bench',
      displayName: '压测',
      roles: ['applicant_admin'],
      passwordHash: await hashPassword('Bench-password-1'),
      status: 'active',
    });
    const app = await buildApp({ database, config: { ...readConfig({}), webDistDir: '/nonexistent', loginRateLimitPerMinute: 1000 }, systemPackages: [] });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const appUrl = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    const login = await fetch(`${appUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench', password: 'Bench-password-1' }) });
    const token = /sb_session=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')![1]!;

    const bare = Fastify();
    await bare.register(cookie);
    bare.get('/me', async (request, reply) => {
      const actor = await actorForSessionToken(database.db, request.cookies.sb_session ?? '');
      return actor ? { userId: actor.userId, roles: actor.roles } : reply.status(401).send();
    });
    await bare.listen({ port: 0, host: '127.0.0.1' });
    const bareUrl = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}`;

    const headers = { cookie: `sb_session=${token}` };
    await load(`${bareUrl}/me`, headers, 2); // warm-up of both
    await load(`${appUrl}/api/me`, headers, 2);
    const baseline = await load(`${bareUrl}/me`, headers);
    const platform = await load(`${appUrl}/api/me`, headers);
    report({ bench: 'session-me', metric: 'requests_per_second', value: platform.requestsPerSecond, baseline: baseline.requestsPerSecond, unit: 'req/s' });
    report({ bench: 'session-me', metric: 'latency_p99', value: platform.p99Ms, baseline: baseline.p99Ms, unit: 'ms' });
    await app.close();
    await bare.close();
  } finally {
    await dispose();
  }
}
