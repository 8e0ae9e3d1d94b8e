import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildUser, getTestApp, makeCreditCode, signIn, type BuiltOrganisation, type Session, type TestApp } from '../../testing/app.ts';

let t: TestApp;
let province: BuiltOrganisation;
let city: BuiltOrganisation;
let enterprise: BuiltOrganisation;
let officer: Session;
let applicantAdmin: Session;

const count = async (table: 'organisations' | 'users' | 'audit_events') => (await t.database.pool.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n as number;

beforeAll(async () => {
  t = await getTestApp();
  province = await buildOrganisation(t.database, { kind: 'provincial_department', divisionCode: '440000' });
  city = await buildOrganisation(t.database, { kind: 'city_bureau', parent: province, divisionCode: '440100', regionClass: 'pearl_river_delta' });
  enterprise = await buildOrganisation(t.database, { kind: 'enterprise', parent: city, divisionCode: '440100' });
  officer = await signIn(t.app, (await buildUser(t.database, province, ['program_officer'])).username);
  applicantAdmin = await signIn(t.app, (await buildUser(t.database, enterprise, ['applicant_admin'])).username);
});
afterAll(() => t.close());

const newEnterprise = (overrides: Record<string, unknown> = {}) => ({
  name: '广州示范智能制造有限公司',
  kind: 'enterprise',
  parentId: city.id,
  divisionCode: '440100',
  creditCode: makeCreditCode('440100'),
  ...overrides,
});

describe('组织机构', () => {
  it('creates an organisation below the officer, with its division name and ancestors', async () => {
    const res = await officer.request({ method: 'POST', url: '/api/organisations', payload: newEnterprise({ name: '广州新建企业有限公司' }) });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ name: '广州新建企业有限公司', divisionName: '广州市', parentId: city.id, userCount: 0 });
    const row = await t.database.pool.query('SELECT ancestor_ids FROM organisations WHERE id = $1', [res.json().id]);
    expect(row.rows[0].ancestor_ids).toEqual([province.id, city.id]);
  });

  it.each([
    ['a wrong GB 32100 check character', { creditCode: '91440100MA59XXXX0A' }, 400, '/body/creditCode', '统一社会信用代码'],
    ['a missing credit code for a legal person', { creditCode: null }, 400, '/body/creditCode', '须填写统一社会信用代码'],
    ['an unknown division code', { divisionCode: '449999' }, 400, '/body/divisionCode', 'GB/T 2260'],
    ['a malformed division code', { divisionCode: '4401' }, 400, '/body/divisionCode', '行政区划代码'],
    ['an unknown field', { seal: 'x' }, 400, '/body/seal', '不允许的字段'],
    ['an unknown region class', { regionClass: 'south' }, 400, '/body/regionClass', ''],
  ])('refuses %s with the field path and changes nothing', async (_label, overrides, status, path, message) => {
    const [orgs, events] = [await count('organisations'), await count('audit_events')];
    const res = await officer.request({ method: 'POST', url: '/api/organisations', payload: newEnterprise(overrides) });
    expect(res.statusCode).toBe(status);
    const field = res.json().error.fields.find((x: { path: string }) => x.path === path);
    expect(field, res.body).toBeDefined();
    expect(field.message).toContain(message);
    expect([await count('organisations'), await count('audit_events')]).toEqual([orgs, events]);
  });

  it('refuses a credit code that another organisation holds, naming the holder', async () => {
    const creditCode = makeCreditCode('440100');
    expect((await officer.request({ method: 'POST', url: '/api/organisations', payload: newEnterprise({ name: '第一家有限公司', creditCode }) })).statusCode).toBe(201);
    const res = await officer.request({ method: 'POST', url: '/api/organisations', payload: newEnterprise({ name: '第二家有限公司', creditCode }) });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.fields[0]).toEqual({ path: '/body/creditCode', message: '该统一社会信用代码已登记为「第一家有限公司」' });
  });

  it('keeps one credit code unique under concurrent creation (the database decides)', async () => {
    const creditCode = makeCreditCode('440100');
    const results = await Promise.all(
      [1, 2, 3].map((i) => officer.request({ method: 'POST', url: '/api/organisations', payload: newEnterprise({ name: `并发企业${i}有限公司`, creditCode }) })),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    const rows = await t.database.pool.query('SELECT count(*)::int AS n FROM organisations WHERE credit_code = $1', [creditCode]);
    expect(rows.rows[0].n).toBe(1);
  });

  it('updates an organisation and records before and after in the audit log', async () => {
    const res = await officer.request({ method: 'PATCH', url: `/api/organisations/${enterprise.id}`, payload: { name: '改名后的企业有限公司' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().name).toBe('改名后的企业有限公司');
    const event = await t.database.pool.query(`SELECT details FROM audit_events WHERE action = 'organisation.update' AND resource_id = $1 ORDER BY id DESC LIMIT 1`, [enterprise.id]);
    expect(event.rows[0].details).toMatchObject({ before: { name: enterprise.name }, after: { name: '改名后的企业有限公司' } });
  });

  it('filters the list by kind and keyword, and pages it', async () => {
    const res = await officer.request({ method: 'GET', url: `/api/organisations?kind=city_bureau&q=${encodeURIComponent(city.name.slice(0, 6))}` });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((o: { id: string }) => o.id)).toContain(city.id);
    expect(res.json().items.every((o: { kind: string }) => o.kind === 'city_bureau')).toBe(true);
    const page = await officer.request({ method: 'GET', url: '/api/organisations?pageSize=1&page=2' });
    expect(page.json().items).toHaveLength(1);
    expect(page.json().total).toBeGreaterThan(1);
    expect((await officer.request({ method: 'GET', url: '/api/organisations?pageSize=9999' })).statusCode).toBe(400);
  });
});

describe('用户邀请与移除', () => {
  it('invites a filler, who sets a password through the link and signs in', async () => {
    const username = `filler${Date.now()}`;
    const invited = await applicantAdmin.request({
      method: 'POST',
      url: `/api/organisations/${enterprise.id}/users`,
      payload: { username, displayName: '王填报', mobile: '13912345678', roles: ['applicant_filler'] },
    });
    expect(invited.statusCode).toBe(201);
    expect(invited.json().user.status).toBe('invited');
    // Before accepting, the account cannot sign in.
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'Filler-password-1' } })).statusCode).toBe(401);
    const weak = await t.app.inject({ method: 'POST', url: '/api/auth/accept-invitation', payload: { token: invited.json().invitationToken, password: 'short' } });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.fields[0].path).toBe('/body/password');
    const accept = await t.app.inject({ method: 'POST', url: '/api/auth/accept-invitation', payload: { token: invited.json().invitationToken, password: 'Filler-password-1' } });
    expect(accept.statusCode).toBe(200);
    const session = await signIn(t.app, username, 'Filler-password-1');
    expect((await session.request({ method: 'GET', url: '/api/me' })).json().user.roles).toEqual(['applicant_filler']);
    // The link works once.
    const again = await t.app.inject({ method: 'POST', url: '/api/auth/accept-invitation', payload: { token: invited.json().invitationToken, password: 'Another-password-2' } });
    expect(again.statusCode).toBe(400);
  });

  it('does not let an applicant admin grant authority roles, nor anyone give a role the organisation kind cannot hold', async () => {
    const res = await applicantAdmin.request({
      method: 'POST',
      url: `/api/organisations/${enterprise.id}/users`,
      payload: { username: `boss${Date.now()}`, displayName: '越权', roles: ['program_officer'] },
    });
    expect(res.statusCode).toBe(403);
    const wrongKind = await officer.request({
      method: 'POST',
      url: `/api/organisations/${enterprise.id}/users`,
      payload: { username: `exp${Date.now()}`, displayName: '专家', roles: ['expert'] },
    });
    expect(wrongKind.statusCode).toBe(400);
    expect(wrongKind.json().error.fields[0]).toMatchObject({ path: '/body/roles' });
    expect(wrongKind.json().error.fields[0].message).toContain('评审专家');
  });

  it('refuses a taken username with a field error', async () => {
    const existing = await buildUser(t.database, enterprise, ['applicant_filler']);
    const res = await applicantAdmin.request({
      method: 'POST',
      url: `/api/organisations/${enterprise.id}/users`,
      payload: { username: existing.username, displayName: '重名', roles: ['applicant_filler'] },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.fields[0].path).toBe('/body/username');
  });

  it('removes a user: its sessions end at once and it cannot sign in again', async () => {
    const user = await buildUser(t.database, enterprise, ['applicant_filler']);
    const session = await signIn(t.app, user.username);
    const res = await applicantAdmin.request({ method: 'DELETE', url: `/api/organisations/${enterprise.id}/users/${user.id}` });
    expect(res.statusCode).toBe(200);
    expect((await session.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: 'Test-password-2026' } })).statusCode).toBe(401);
    const list = await applicantAdmin.request({ method: 'GET', url: `/api/organisations/${enterprise.id}/users` });
    expect(list.json().items.find((u: { id: string }) => u.id === user.id).status).toBe('removed');
  });

  it('does not let an admin remove itself', async () => {
    const me = (await applicantAdmin.request({ method: 'GET', url: '/api/me' })).json().user;
    const res = await applicantAdmin.request({ method: 'DELETE', url: `/api/organisations/${enterprise.id}/users/${me.id}` });
    expect(res.statusCode).toBe(409);
  });
});
