import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildOrganisation, buildUser, getTestApp, signIn, TEST_PASSWORD, type TestApp } from '../../testing/app.ts';
import { LOGIN_MAX_FAILURES } from './service.ts';

let t: TestApp;
let enterprise: Awaited<ReturnType<typeof buildOrganisation>>;

beforeAll(async () => {
  t = await getTestApp();
  const province = await buildOrganisation(t.database, { kind: 'provincial_department' });
  enterprise = await buildOrganisation(t.database, { kind: 'enterprise', parent: province });
});
afterAll(() => t.close());

describe('登录与会话', () => {
  it('signs in with username and password, sets an httpOnly session cookie, and /api/me answers', async () => {
    const user = await buildUser(t.database, enterprise, ['applicant_admin']);
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: TEST_PASSWORD } });
    expect(login.statusCode).toBe(200);
    const cookie = login.cookies.find((c) => c.name === 'sb_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const me = await t.app.inject({ method: 'GET', url: '/api/me', cookies: { sb_session: cookie.value } });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.username).toBe(user.username);
    expect(me.json().organisation.id).toBe(enterprise.id);
    // Only the token's hash is stored.
    const stored = await t.database.pool.query('SELECT count(*)::int AS n FROM sessions WHERE token_hash = $1', [cookie.value]);
    expect(stored.rows[0].n).toBe(0);
  });

  it('refuses a wrong password with a Chinese message and no cookie', async () => {
    const user = await buildUser(t.database, enterprise, ['applicant_admin']);
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: 'wrong-password' } });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toMatchObject({ code: 'invalid_credentials', message: '用户名或密码错误' });
    expect(res.cookies.find((c) => c.name === 'sb_session')).toBeUndefined();
  });

  it('locks the account after repeated failures, even against the right password, and records the failures', async () => {
    const user = await buildUser(t.database, enterprise, ['applicant_filler']);
    for (let i = 0; i < LOGIN_MAX_FAILURES - 1; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: 'nope' } });
      expect(res.statusCode).toBe(401);
    }
    const last = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: 'nope' } });
    expect(last.statusCode).toBe(423);
    expect(last.json().error.message).toContain('账户已锁定');
    const right = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: TEST_PASSWORD } });
    expect(right.statusCode).toBe(423);
    const events = await t.database.pool.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'auth.login_failed' AND resource_id = $1`, [user.id]);
    expect(events.rows[0].n).toBe(LOGIN_MAX_FAILURES);
    // The lock expires: move it into the past and the right password works again.
    await t.database.db.execute(sql`UPDATE users SET locked_until = now() - interval '1 second' WHERE id = ${user.id}`);
    const after = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: TEST_PASSWORD } });
    expect(after.statusCode).toBe(200);
  });

  it('rate-limits sign-in attempts per address and username', async () => {
    const limited = await getTestApp({ loginRateLimitPerMinute: 3 });
    try {
      const codes = [];
      for (let i = 0; i < 4; i++) {
        const res = await limited.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody-rate', password: 'x' } });
        codes.push(res.statusCode);
      }
      expect(codes).toEqual([401, 401, 401, 429]);
    } finally {
      await limited.close();
    }
  });

  it('requires the CSRF token for cookie-authenticated writes', async () => {
    const user = await buildUser(t.database, enterprise, ['applicant_admin']);
    const session = await signIn(t.app, user.username);
    const without = await t.app.inject({ method: 'POST', url: '/api/auth/logout', cookies: session.cookies });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe('csrf');
    const forged = await t.app.inject({ method: 'POST', url: '/api/auth/logout', cookies: session.cookies, headers: { 'x-csrf-token': 'forged' } });
    expect(forged.statusCode).toBe(403);
    const ok = await session.request({ method: 'POST', url: '/api/auth/logout' });
    expect(ok.statusCode).toBe(200);
    const after = await session.request({ method: 'GET', url: '/api/me' });
    expect(after.statusCode).toBe(401);
  });

  it('shares sessions between two app processes on the same database, and sign-out everywhere ends them all', async () => {
    const other = await getTestApp();
    try {
      const user = await buildUser(t.database, enterprise, ['applicant_admin']);
      const onA = await signIn(t.app, user.username);
      const onB = await signIn(other.app, user.username);
      // A's cookie works on B and the other way round: nothing lives in process memory.
      expect((await other.app.inject({ method: 'GET', url: '/api/me', cookies: onA.cookies })).statusCode).toBe(200);
      expect((await t.app.inject({ method: 'GET', url: '/api/me', cookies: onB.cookies })).statusCode).toBe(200);
      const everywhere = await other.app.inject({ method: 'POST', url: '/api/auth/logout-all', cookies: onB.cookies, headers: { 'x-csrf-token': onB.csrfToken } });
      expect(everywhere.statusCode).toBe(200);
      expect((await t.app.inject({ method: 'GET', url: '/api/me', cookies: onA.cookies })).statusCode).toBe(401);
      expect((await other.app.inject({ method: 'GET', url: '/api/me', cookies: onB.cookies })).statusCode).toBe(401);
    } finally {
      await other.close();
    }
  });

  it('rejects malformed sign-in input with field paths, never a 500', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: '' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual(
      expect.arrayContaining([
        { path: '/body/password', message: '必填' },
        expect.objectContaining({ path: '/body/username' }),
      ]),
    );
    const broken = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username":' });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.code).toBe('invalid_input');
  });
});
