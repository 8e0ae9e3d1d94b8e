import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../platform/config.ts';
import { loadPack, syncPacks } from '../programs/index.ts';
import type { Role } from '@shenbao/contracts';
import {
  buildOrganisation,
  buildUser,
  getTestApp,
  makeCreditCode,
  signIn,
  uniqueSuffix,
  type BuiltOrganisation,
  type Session,
  type TestApp,
} from '../../testing/app.ts';

/**
 * Every role against every /api route, on a target inside its scope and one outside it.
 * A route added without a row here fails the first test.
 */
type Scope = 'in' | 'out';
type Expected = Record<RoleKey, number>;
type RoleKey = 'admin' | 'officer' | 'reviewer' | 'applicantAdmin' | 'filler' | 'expert';

interface Fixture {
  ministry: BuiltOrganisation;
  province: BuiltOrganisation; // the officer's 省厅
  city: BuiltOrganisation; // the reviewer's 市局, under the province
  enterprise: BuiltOrganisation; // the applicants' 企业, under the city
  pool: BuiltOrganisation; // the expert's 专家库, under the province
  otherCity: BuiltOrganisation; // another province's city
  otherEnterprise: BuiltOrganisation; // … and its enterprise: out of scope for everyone but the admin
  call: string; // a call issued by the province
  otherCall: string; // a call issued by the other province
}

interface RouteCase {
  route: string;
  /** Build the request for the in- or out-of-scope target. Public and self routes ignore the scope. */
  request(f: Fixture, scope: Scope): Promise<{ method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'; url: string; payload?: unknown; headers?: Record<string, string> }>;
  in: Expected;
  out?: Expected;
  /** A POST that changes nothing (e.g. checking answers), so it leaves no audit event. */
  readOnly?: boolean;
}

const all = (status: number): Expected => ({ admin: status, officer: status, reviewer: status, applicantAdmin: status, filler: status, expert: status });

let t: TestApp;
let f: Fixture;
const sessions = {} as Record<RoleKey, Session>;
type OrgKey = Exclude<keyof Fixture, 'call' | 'otherCall'>;
const ROLE_OF: Record<RoleKey, [OrgKey, Role]> = {
  admin: ['ministry', 'platform_admin'],
  officer: ['province', 'program_officer'],
  reviewer: ['city', 'recommender_reviewer'],
  applicantAdmin: ['enterprise', 'applicant_admin'],
  filler: ['enterprise', 'applicant_filler'],
  expert: ['pool', 'expert'],
};

let listFile: Buffer;
const callOf = (scope: Scope) => (scope === 'in' ? f.call : f.otherCall);
const target = (scope: Scope) => (scope === 'in' ? f.enterprise : f.otherEnterprise);
const newFiller = async (scope: Scope) => buildUser(t.database, target(scope), ['applicant_filler']);

const CASES: RouteCase[] = [
  { route: 'GET /api/health', request: async () => ({ method: 'GET', url: '/api/health' }), in: all(200) },
  { route: 'GET /api/openapi.json', request: async () => ({ method: 'GET', url: '/api/openapi.json' }), in: all(200) },
  { route: 'GET /api/me', request: async () => ({ method: 'GET', url: '/api/me' }), in: all(200) },
  {
    // Wrong password on purpose: the route is public, the answer is the same for everyone.
    route: 'POST /api/auth/login',
    request: async () => ({ method: 'POST', url: '/api/auth/login', payload: { username: `nobody-${uniqueSuffix()}`, password: 'x' } }),
    in: all(401),
  },
  {
    route: 'POST /api/auth/accept-invitation',
    request: async () => ({ method: 'POST', url: '/api/auth/accept-invitation', payload: { token: 'x'.repeat(40), password: 'long-enough-password' } }),
    in: all(400),
  },
  { route: 'GET /api/organisations', request: async () => ({ method: 'GET', url: '/api/organisations' }), in: all(200) },
  {
    route: 'GET /api/organisations/:id',
    request: async (_f, scope) => ({ method: 'GET', url: `/api/organisations/${target(scope).id}` }),
    in: { admin: 200, officer: 200, reviewer: 200, applicantAdmin: 200, filler: 200, expert: 404 },
    out: { admin: 200, officer: 404, reviewer: 404, applicantAdmin: 404, filler: 404, expert: 404 },
  },
  {
    route: 'POST /api/organisations',
    request: async (fx, scope) => ({
      method: 'POST',
      url: '/api/organisations',
      payload: { name: `新企业${uniqueSuffix()}`, kind: 'enterprise', parentId: (scope === 'in' ? fx.city : fx.otherCity).id, divisionCode: '130100', creditCode: makeCreditCode() },
    }),
    // Unseen parents answer as a field error on parentId: the caller learns nothing about organisations outside its scope.
    in: { admin: 201, officer: 201, reviewer: 403, applicantAdmin: 400, filler: 400, expert: 400 },
    out: { admin: 201, officer: 400, reviewer: 400, applicantAdmin: 400, filler: 400, expert: 400 },
  },
  {
    route: 'PATCH /api/organisations/:id',
    request: async (_f, scope) => ({ method: 'PATCH', url: `/api/organisations/${target(scope).id}`, payload: { name: `改名企业${uniqueSuffix()}` } }),
    in: { admin: 200, officer: 200, reviewer: 403, applicantAdmin: 403, filler: 403, expert: 404 },
    out: { admin: 200, officer: 404, reviewer: 404, applicantAdmin: 404, filler: 404, expert: 404 },
  },
  {
    route: 'GET /api/organisations/:id/users',
    request: async (_f, scope) => ({ method: 'GET', url: `/api/organisations/${target(scope).id}/users` }),
    in: { admin: 200, officer: 200, reviewer: 403, applicantAdmin: 200, filler: 403, expert: 404 },
    out: { admin: 200, officer: 404, reviewer: 404, applicantAdmin: 404, filler: 404, expert: 404 },
  },
  {
    route: 'POST /api/organisations/:id/users',
    request: async (_f, scope) => ({
      method: 'POST',
      url: `/api/organisations/${target(scope).id}/users`,
      payload: { username: `inv${uniqueSuffix()}`, displayName: '新填报人', roles: ['applicant_filler'] },
    }),
    in: { admin: 201, officer: 201, reviewer: 403, applicantAdmin: 201, filler: 403, expert: 404 },
    out: { admin: 201, officer: 404, reviewer: 404, applicantAdmin: 404, filler: 404, expert: 404 },
  },
  {
    route: 'DELETE /api/organisations/:id/users/:userId',
    request: async (_f, scope) => {
      const user = await newFiller(scope);
      return { method: 'DELETE', url: `/api/organisations/${target(scope).id}/users/${user.id}` };
    },
    in: { admin: 200, officer: 200, reviewer: 403, applicantAdmin: 200, filler: 403, expert: 404 },
    out: { admin: 200, officer: 404, reviewer: 404, applicantAdmin: 404, filler: 404, expert: 404 },
  },
  {
    route: 'GET /api/audit',
    request: async () => ({ method: 'GET', url: '/api/audit' }),
    in: { admin: 200, officer: 200, reviewer: 403, applicantAdmin: 403, filler: 403, expert: 403 },
  },
  {
    route: 'GET /api/audit/verify',
    request: async () => ({ method: 'GET', url: '/api/audit/verify' }),
    in: { admin: 200, officer: 403, reviewer: 403, applicantAdmin: 403, filler: 403, expert: 403 },
  },
  { route: 'GET /api/calls', request: async () => ({ method: 'GET', url: '/api/calls' }), in: all(200) },
  { route: 'GET /api/calls/:id', request: async (fx) => ({ method: 'GET', url: `/api/calls/${fx.call}` }), in: all(200) },
  { route: 'GET /api/calls/:id/lists/:listId/template', request: async (fx) => ({ method: 'GET', url: `/api/calls/${fx.call}/lists/cultivation/template` }), in: all(200) },
  {
    route: 'POST /api/calls/:id/forms/:formId/check',
    request: async (fx) => ({ method: 'POST', url: `/api/calls/${fx.call}/forms/mode-application/check`, payload: { answers: {} } }),
    in: all(200),
    readOnly: true,
  },
  {
    route: 'GET /api/calls/:id/lists/:listId',
    request: async (fx) => ({ method: 'GET', url: `/api/calls/${fx.call}/lists/cultivation` }),
    in: { admin: 200, officer: 200, reviewer: 200, applicantAdmin: 403, filler: 403, expert: 403 },
  },
  {
    route: 'PUT /api/calls/:id/lists/:listId',
    request: async (_f, scope) => ({ method: 'PUT', url: `/api/calls/${callOf(scope)}/lists/cultivation`, payload: listFile, headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } }),
    in: { admin: 200, officer: 200, reviewer: 403, applicantAdmin: 403, filler: 403, expert: 403 },
    out: { admin: 200, officer: 403, reviewer: 403, applicantAdmin: 403, filler: 403, expert: 403 },
  },
  // The two sign-out routes end the session they run on: they run on throw-away sessions.
  { route: 'POST /api/auth/logout', request: async () => ({ method: 'POST', url: '/api/auth/logout' }), in: all(200) },
  { route: 'POST /api/auth/logout-all', request: async () => ({ method: 'POST', url: '/api/auth/logout-all' }), in: all(200) },
];
const ENDS_SESSION = new Set(['POST /api/auth/logout', 'POST /api/auth/logout-all']);

beforeAll(async () => {
  t = await getTestApp();
  const ministry = await buildOrganisation(t.database, { kind: 'ministry', divisionCode: '110000' });
  const province = await buildOrganisation(t.database, { kind: 'provincial_department', parent: ministry, divisionCode: '130000' });
  const city = await buildOrganisation(t.database, { kind: 'city_bureau', parent: province });
  const otherProvince = await buildOrganisation(t.database, { kind: 'provincial_department', parent: ministry, divisionCode: '430000' });
  const otherCity = await buildOrganisation(t.database, { kind: 'city_bureau', parent: otherProvince, divisionCode: '430100' });
  f = {
    ministry,
    province,
    city,
    enterprise: await buildOrganisation(t.database, { kind: 'enterprise', parent: city }),
    pool: await buildOrganisation(t.database, { kind: 'expert_pool', parent: province }),
    otherCity,
    otherEnterprise: await buildOrganisation(t.database, { kind: 'enterprise', parent: otherCity, divisionCode: '430100' }),
    call: `matrix-call-${uniqueSuffix()}`,
    otherCall: `matrix-other-${uniqueSuffix()}`,
  };
  const pack = await loadPack(path.join(REPO_ROOT, 'programs/hebei-2023-innovation-pilot'));
  for (const [id, issuer] of [[f.call, province], [f.otherCall, otherProvince]] as const) {
    const copy = structuredClone(pack);
    copy.program.id = id;
    await syncPacks(t.database.db, [copy]);
    await t.database.pool.query('UPDATE calls SET issuer_organisation_id = $1 WHERE id = $2', [issuer.id, id]);
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('名单');
  sheet.addRow(['年度', '所属市', '企业名称', '项目名称']);
  sheet.addRow(['2022', '石家庄市', '某企业', '某项目']);
  listFile = Buffer.from(await workbook.xlsx.writeBuffer());
  for (const [key, [org, role]] of Object.entries(ROLE_OF) as [RoleKey, [OrgKey, Role]][]) {
    const user = await buildUser(t.database, f[org], [role]);
    sessions[key] = await signIn(t.app, user.username);
  }
});
afterAll(() => t.close());

async function sessionFor(role: RoleKey, route: string): Promise<Session> {
  if (!ENDS_SESSION.has(route)) return sessions[role];
  const [org, r] = ROLE_OF[role];
  return signIn(t.app, (await buildUser(t.database, f[org], [r])).username);
}

const auditCount = async () => (await t.database.pool.query('SELECT count(*)::int AS n FROM audit_events')).rows[0].n as number;

describe('权限矩阵', () => {
  it('has a row for every /api route the server registers', () => {
    expect([...new Set(t.app.apiRoutes)].sort()).toEqual(CASES.map((c) => c.route).sort());
  });

  for (const c of CASES) {
    for (const scope of (c.out ? ['in', 'out'] : ['in']) as Scope[]) {
      it(`${c.route} (${scope === 'in' ? '范围内' : '范围外'})`, async () => {
        const expected = scope === 'in' ? c.in : c.out!;
        const actual = {} as Expected;
        for (const role of Object.keys(expected) as RoleKey[]) {
          const session = await sessionFor(role, c.route);
          const req = await c.request(f, scope);
          const before = await auditCount();
          const res = await session.request({ method: req.method, url: req.url, payload: req.payload as never, headers: req.headers });
          actual[role] = res.statusCode;
          if (res.statusCode >= 400) expect(res.json().error.message, `${role}: ${res.body}`).toMatch(/[\u4e00-\u9fa5]/);
          // Every successful write leaves an audit event; every refused one leaves the data as it was.
          if (req.method !== 'GET' && !c.readOnly && res.statusCode < 300) expect(await auditCount()).toBeGreaterThan(before);
        }
        expect(actual).toEqual(expected);
      });
    }
  }

  it('gives no session the routes that need one', async () => {
    const publicRoutes = ['GET /api/health', 'GET /api/openapi.json', 'POST /api/auth/login', 'POST /api/auth/accept-invitation', 'GET /api/calls', 'GET /api/calls/:id', 'GET /api/calls/:id/lists/:listId/template'];
    for (const c of CASES.filter((x) => !publicRoutes.includes(x.route))) {
      const req = await c.request(f, 'in');
      const res = await t.app.inject({ method: req.method, url: req.url, payload: req.payload as never, headers: req.headers });
      expect(res.statusCode, c.route).toBe(401);
    }
  });

  it('scopes the organisation list in SQL: a city sees its subtree, an enterprise itself', async () => {
    const ids = async (role: RoleKey) =>
      ((await sessions[role].request({ method: 'GET', url: '/api/organisations?pageSize=500' })).json().items as { id: string }[]).map((o) => o.id);
    expect(await ids('reviewer')).toEqual(expect.arrayContaining([f.city.id, f.enterprise.id]));
    expect(await ids('reviewer')).not.toContain(f.otherEnterprise.id);
    expect(await ids('reviewer')).not.toContain(f.province.id);
    expect(await ids('applicantAdmin')).toEqual([f.enterprise.id]);
    expect(await ids('officer')).toEqual(expect.arrayContaining([f.province.id, f.city.id, f.enterprise.id, f.pool.id]));
    expect(await ids('officer')).not.toContain(f.otherCity.id);
  });
});
