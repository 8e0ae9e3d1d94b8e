import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../platform/config.ts';
import { loadPack, syncPacks } from '../programs/index.ts';
import { buildOpenCall } from '../../testing/calls.ts';
import { BlobStore } from '../../platform/blob-store.ts';
import fs from 'node:fs/promises';
import os from 'node:os';
import type { Role } from '@shenbao/contracts';
import { SELECTION_PUBLIC_ROUTES, selectionCases } from './policy-matrix.selection.ts';
import { exportCases } from './policy-matrix.exports.ts';
import { projectCases } from './policy-matrix.projects.ts';
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
  openCall: string; // an open call issued by the province, for applications
  otherOpenCall: string; // … and one issued by the other province
}

interface RouteCase {
  route: string;
  /** Build the request for the in- or out-of-scope target. Public and self routes ignore the scope. */
  request(f: Fixture, scope: Scope): Promise<{ method: 'GET' | 'HEAD' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'; url: string; payload?: unknown; headers?: Record<string, string> }>;
  in: Expected;
  out?: Expected;
  /** A POST that changes nothing (e.g. checking answers), so it leaves no audit event. */
  readOnly?: boolean;
}

const all = (status: number): Expected => ({ admin: status, officer: status, reviewer: status, applicantAdmin: status, filler: status, expert: status });

let t: TestApp;
let f: Fixture;
const sessions = {} as Record<RoleKey, Session>;
type OrgKey = Exclude<keyof Fixture, 'call' | 'otherCall' | 'openCall' | 'otherOpenCall'>;
const ROLE_OF: Record<RoleKey, [OrgKey, Role]> = {
  admin: ['ministry', 'platform_admin'],
  officer: ['province', 'program_officer'],
  reviewer: ['city', 'recommender_reviewer'],
  applicantAdmin: ['enterprise', 'applicant_admin'],
  filler: ['enterprise', 'applicant_filler'],
  expert: ['pool', 'expert'],
};

let listFile: Buffer;
let otherApplicantAdmin: Session;
let fillerUserId: string;

/** An application of the in-scope enterprise (or the other province's) in a given state, written directly. */
async function application(scope: Scope, status: 'draft' | 'submitted'): Promise<string> {
  const org = scope === 'in' ? f.enterprise : f.otherEnterprise;
  const recommender = scope === 'in' ? f.city : f.otherCity;
  const call = scope === 'in' ? f.openCall : f.otherOpenCall;
  const { rows } = await t.database.pool.query(
    `INSERT INTO applications (call_id, pack_version, form_id, channel_id, applicant_organisation_id, recommender_organisation_id, status, answers, created_by, number)
     VALUES ($1, 1, 'mode-application', 'city', $2, $3, $4, '{}', gen_random_uuid(), $5) RETURNING id`,
    [call, org.id, recommender.id, status, status === 'draft' ? null : `M${uniqueSuffix()}`],
  );
  const id = rows[0].id as string;
  if (scope === 'in') await t.database.pool.query('INSERT INTO application_fillers (application_id, user_id) VALUES ($1, $2)', [id, fillerUserId]);
  if (status === 'submitted') {
    await t.database.pool.query(
      `INSERT INTO application_submissions (application_id, seq, snapshot, sha256, idempotency_key, submitted_by, submitted_at) VALUES ($1, 1, '{"answers":{}}', 'x', $2, gen_random_uuid(), now())`,
      [id, uniqueSuffix()],
    );
  }
  return id;
}

async function applicationWithFile(scope: Scope): Promise<{ id: string; fileId: string }> {
  const id = await application(scope, 'submitted');
  const tmp = path.join(os.tmpdir(), `matrix-${uniqueSuffix()}.pdf`);
  await fs.writeFile(tmp, '%PDF-1.4 matrix');
  const { sha256, size } = await new BlobStore(t.config.blobDir).putFile(tmp);
  const { rows } = await t.database.pool.query(
    `INSERT INTO application_files (application_id, field_id, name, sha256, size, mime, uploaded_by) VALUES ($1, 'sealedApplication', 'a.pdf', $2, $3, 'application/pdf', gen_random_uuid()) RETURNING id`,
    [id, sha256, size],
  );
  return { id, fileId: rows[0].id };
}

/** The draft recommendation of the in-scope city (or the other province's city) in the open call. */
async function recommendation(scope: Scope): Promise<{ id: string; version: number }> {
  const [call, org] = scope === 'in' ? [f.openCall, f.city] : [f.otherOpenCall, f.otherCity];
  await t.database.pool.query(`INSERT INTO recommendations (call_id, channel_id, recommender_organisation_id, status) VALUES ($1, 'city', $2, 'draft') ON CONFLICT DO NOTHING`, [call, org.id]);
  const { rows } = await t.database.pool.query(`SELECT id, version FROM recommendations WHERE call_id = $1 AND recommender_organisation_id = $2`, [call, org.id]);
  return rows[0];
}

const tusHeaders = (id: string, extra: Record<string, string> = {}) => ({
  'tus-resumable': '1.0.0',
  'upload-length': '5',
  'upload-metadata': `applicationId ${Buffer.from(id).toString('base64')},fieldId ${Buffer.from('sealedApplication').toString('base64')},filename ${Buffer.from('a.pdf').toString('base64')}`,
  ...extra,
});

/** A tus upload started by the applicant admin of the target's organisation. */
async function upload(scope: Scope): Promise<string> {
  const id = await application(scope, 'draft');
  const session = scope === 'in' ? sessions.applicantAdmin : otherApplicantAdmin;
  const res = await session.request({ method: 'POST', url: '/api/uploads', headers: tusHeaders(id) });
  expect(res.statusCode, res.body).toBe(201);
  return String(res.headers.location).split('/').pop()!;
}
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
  {
    route: 'PUT /api/calls/:id/stages/:stageId',
    request: async (_f, scope) => ({ method: 'PUT', url: `/api/calls/${callOf(scope)}/stages/application`, payload: { closes: '2030-01-01T00:00:00+08:00' } }),
    in: { admin: 200, officer: 200, reviewer: 403, applicantAdmin: 403, filler: 403, expert: 403 },
    out: { admin: 200, officer: 403, reviewer: 403, applicantAdmin: 403, filler: 403, expert: 403 },
  },
  { route: 'GET /api/applications', request: async () => ({ method: 'GET', url: '/api/applications' }), in: all(200) },
  {
    route: 'POST /api/applications',
    request: async (fx) => ({ method: 'POST', url: '/api/applications', payload: { callId: fx.openCall, formId: 'mode-application' } }),
    in: { admin: 403, officer: 403, reviewer: 403, applicantAdmin: 201, filler: 403, expert: 403 },
  },
  {
    route: 'GET /api/applications/:id',
    request: async (_f, scope) => ({ method: 'GET', url: `/api/applications/${await application(scope, 'submitted')}` }),
    in: { admin: 200, officer: 200, reviewer: 200, applicantAdmin: 200, filler: 200, expert: 404 },
    out: { admin: 200, officer: 404, reviewer: 404, applicantAdmin: 404, filler: 404, expert: 404 },
  },
  {
    route: 'PUT /api/applications/:id/sections/:sectionId',
    request: async (_f, scope) => ({ method: 'PUT', url: `/api/applications/${await application(scope, 'draft')}/sections/content`, payload: { answers: { innovation: '创新' }, baseVersion: 0 } }),
    in: { admin: 403, officer: 404, reviewer: 404, applicantAdmin: 200, filler: 200, expert: 404 },
    out: { admin: 403, officer: 404, reviewer: 404, applicantAdmin: 404, filler: 404, expert: 404 },
  },
  {
    route: 'PUT /api/applications/:id/fillers',
    request: async (_f, scope) => ({ method: 'PUT', url: `/api/applications/${await application(scope, 'draft')}/fillers`, payload: { fillerIds: [] } }),
    in: { admin: 403, officer: 404, reviewer: 404, applicantAdmin: 200, filler: 403, expert: 404 },
    out: { admin: 403, officer: 404, reviewer: 404, applicantAdmin: 404, filler: 404, expert: 404 },
  },
  {
    route: 'POST /api/applications/:id/check',
    request: async (_f, scope) => ({ method: 'POST', url: `/api/applications/${await application(scope, 'draft')}/check` }),
    in: { admin: 200, officer: 404, reviewer: 404, applicantAdmin: 200, filler: 200, expert: 404 },
    out: { admin: 200, officer: 404, reviewer: 404, applicantAdmin: 404, filler: 404, expert: 404 },
    readOnly: true,
  },
  {
    // An empty draft breaks the rules: 422 shows the admin passed authorisation.
    route: 'POST /api/applications/:id/submit',
    request: async (_f, scope) => ({ method: 'POST', url: `/api/applications/${await application(scope, 'draft')}/submit`, payload: { idempotencyKey: `matrix-${uniqueSuffix()}`, commitmentAccepted: true } }),
    in: { admin: 403, officer: 404, reviewer: 404, applicantAdmin: 422, filler: 403, expert: 404 },
    out: { admin: 403, officer: 404, reviewer: 404, applicantAdmin: 404, filler: 404, expert: 404 },
  },
  {
    route: 'POST /api/applications/:id/withdraw',
    request: async (_f, scope) => ({ method: 'POST', url: `/api/applications/${await application(scope, 'submitted')}/withdraw`, payload: { reason: '撤回测试' } }),
    in: { admin: 403, officer: 403, reviewer: 403, applicantAdmin: 200, filler: 403, expert: 404 },
    out: { admin: 403, officer: 404, reviewer: 404, applicantAdmin: 404, filler: 404, expert: 404 },
  },
  {
    route: 'POST /api/applications/:id/return',
    request: async (_f, scope) => ({ method: 'POST', url: `/api/applications/${await application(scope, 'submitted')}/return`, payload: { opinion: '请补充材料' } }),
    in: { admin: 403, officer: 403, reviewer: 200, applicantAdmin: 403, filler: 403, expert: 404 },
    out: { admin: 403, officer: 404, reviewer: 404, applicantAdmin: 404, filler: 404, expert: 404 },
  },
  {
    route: 'GET /api/applications/:id/submissions/:seq/verify',
    request: async (_f, scope) => ({ method: 'GET', url: `/api/applications/${await application(scope, 'submitted')}/submissions/1/verify` }),
    in: { admin: 200, officer: 200, reviewer: 200, applicantAdmin: 200, filler: 200, expert: 404 },
    out: { admin: 200, officer: 404, reviewer: 404, applicantAdmin: 404, filler: 404, expert: 404 },
  },
  {
    route: 'GET /api/applications/:id/diff',
    request: async (_f, scope) => ({ method: 'GET', url: `/api/applications/${await application(scope, 'submitted')}/diff?from=1&to=1` }),
    in: { admin: 200, officer: 200, reviewer: 200, applicantAdmin: 200, filler: 200, expert: 404 },
    out: { admin: 200, officer: 404, reviewer: 404, applicantAdmin: 404, filler: 404, expert: 404 },
  },
  {
    route: 'GET /api/applications/:id/files/:fileId',
    request: async (_f, scope) => {
      const { id, fileId } = await applicationWithFile(scope);
      return { method: 'GET', url: `/api/applications/${id}/files/${fileId}` };
    },
    in: { admin: 200, officer: 200, reviewer: 200, applicantAdmin: 200, filler: 200, expert: 404 },
    out: { admin: 200, officer: 404, reviewer: 404, applicantAdmin: 404, filler: 404, expert: 404 },
  },
  {
    route: 'GET /api/applications/:id/document.pdf',
    request: async (_f, scope) => ({ method: 'GET', url: `/api/applications/${await application(scope, 'submitted')}/document.pdf` }),
    in: { admin: 200, officer: 200, reviewer: 200, applicantAdmin: 200, filler: 200, expert: 404 },
    out: { admin: 200, officer: 404, reviewer: 404, applicantAdmin: 404, filler: 404, expert: 404 },
  },
  {
    route: 'GET /api/applications/:id/document.docx',
    request: async (_f, scope) => ({ method: 'GET', url: `/api/applications/${await application(scope, 'submitted')}/document.docx` }),
    in: { admin: 200, officer: 200, reviewer: 200, applicantAdmin: 200, filler: 200, expert: 404 },
    out: { admin: 200, officer: 404, reviewer: 404, applicantAdmin: 404, filler: 404, expert: 404 },
  },
  // 申报材料核验 is public: the same answer for everyone, and no content in it.
  { route: 'GET /api/verify', request: async () => ({ method: 'GET', url: `/api/verify?number=M${uniqueSuffix()}&sha256=${'0'.repeat(64)}` }), in: all(200) },
  {
    route: 'POST /api/uploads',
    request: async (_f, scope) => ({ method: 'POST', url: '/api/uploads', headers: tusHeaders(await application(scope, 'draft')) }),
    in: { admin: 403, officer: 404, reviewer: 404, applicantAdmin: 201, filler: 201, expert: 404 },
    out: { admin: 403, officer: 404, reviewer: 404, applicantAdmin: 404, filler: 404, expert: 404 },
  },
  {
    route: 'HEAD /api/uploads/:id',
    request: async (_f, scope) => ({ method: 'HEAD', url: `/api/uploads/${await upload(scope)}`, headers: { 'tus-resumable': '1.0.0' } }),
    in: { admin: 404, officer: 404, reviewer: 404, applicantAdmin: 200, filler: 200, expert: 404 },
    out: { admin: 404, officer: 404, reviewer: 404, applicantAdmin: 404, filler: 404, expert: 404 },
    readOnly: true,
  },
  {
    // Five bytes that are no PDF: the content check refuses them (400) once authorisation let them in.
    route: 'PATCH /api/uploads/:id',
    request: async (_f, scope) => ({
      method: 'PATCH',
      url: `/api/uploads/${await upload(scope)}`,
      payload: Buffer.from('hello'),
      headers: { 'tus-resumable': '1.0.0', 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' },
    }),
    in: { admin: 404, officer: 404, reviewer: 404, applicantAdmin: 400, filler: 400, expert: 404 },
    out: { admin: 404, officer: 404, reviewer: 404, applicantAdmin: 404, filler: 404, expert: 404 },
  },
  {
    route: 'GET /api/review/inbox',
    request: async (fx) => ({ method: 'GET', url: `/api/review/inbox?callId=${fx.openCall}` }),
    in: { admin: 403, officer: 403, reviewer: 200, applicantAdmin: 403, filler: 403, expert: 403 },
  },
  {
    route: 'POST /api/applications/:id/review',
    request: async (_f, scope) => ({
      method: 'POST',
      url: `/api/applications/${await application(scope, 'submitted')}/review`,
      payload: { decision: 'rejected', opinion: '不符合条件', checklist: {} },
    }),
    in: { admin: 403, officer: 403, reviewer: 200, applicantAdmin: 403, filler: 403, expert: 403 },
    out: { admin: 403, officer: 403, reviewer: 404, applicantAdmin: 403, filler: 403, expert: 403 },
  },
  {
    route: 'GET /api/recommendations',
    request: async (fx) => ({ method: 'GET', url: `/api/recommendations?callId=${fx.openCall}` }),
    in: { admin: 200, officer: 200, reviewer: 200, applicantAdmin: 403, filler: 403, expert: 403 },
  },
  {
    route: 'GET /api/recommendations/:id',
    request: async (_f, scope) => ({ method: 'GET', url: `/api/recommendations/${(await recommendation(scope)).id}` }),
    in: { admin: 200, officer: 200, reviewer: 200, applicantAdmin: 404, filler: 404, expert: 404 },
    out: { admin: 200, officer: 404, reviewer: 404, applicantAdmin: 404, filler: 404, expert: 404 },
  },
  {
    route: 'GET /api/recommendations/:id/summary.xlsx',
    request: async (_f, scope) => ({ method: 'GET', url: `/api/recommendations/${(await recommendation(scope)).id}/summary.xlsx` }),
    in: { admin: 200, officer: 200, reviewer: 200, applicantAdmin: 404, filler: 404, expert: 404 },
    out: { admin: 200, officer: 404, reviewer: 404, applicantAdmin: 404, filler: 404, expert: 404 },
  },
  {
    route: 'GET /api/recommendations/:id/summary.pdf',
    request: async (_f, scope) => ({ method: 'GET', url: `/api/recommendations/${(await recommendation(scope)).id}/summary.pdf` }),
    in: { admin: 200, officer: 200, reviewer: 200, applicantAdmin: 404, filler: 404, expert: 404 },
    out: { admin: 200, officer: 404, reviewer: 404, applicantAdmin: 404, filler: 404, expert: 404 },
  },
  {
    route: 'PUT /api/recommendations/:id/ranking',
    request: async (_f, scope) => {
      const rec = await recommendation(scope);
      const { rows } = await t.database.pool.query('SELECT application_id FROM recommendation_items WHERE recommendation_id = $1 ORDER BY rank', [rec.id]);
      return { method: 'PUT', url: `/api/recommendations/${rec.id}/ranking`, payload: { order: rows.map((r) => r.application_id), version: rec.version } };
    },
    in: { admin: 403, officer: 403, reviewer: 200, applicantAdmin: 404, filler: 404, expert: 404 },
    out: { admin: 403, officer: 404, reviewer: 404, applicantAdmin: 404, filler: 404, expert: 404 },
  },
  {
    // An empty recommendation: 400 shows the reviewer passed authorisation.
    route: 'POST /api/recommendations/:id/issue',
    request: async (_f, scope) => {
      const rec = await recommendation(scope);
      return { method: 'POST', url: `/api/recommendations/${rec.id}/issue`, payload: { opinion: '同意推荐', signerName: '张处长', version: rec.version } };
    },
    in: { admin: 403, officer: 403, reviewer: 400, applicantAdmin: 404, filler: 404, expert: 404 },
    out: { admin: 403, officer: 404, reviewer: 404, applicantAdmin: 404, filler: 404, expert: 404 },
  },
  {
    // A draft: 409 shows the owner passed authorisation (only issued ones can be reopened).
    route: 'POST /api/recommendations/:id/reopen',
    request: async (_f, scope) => ({ method: 'POST', url: `/api/recommendations/${(await recommendation(scope)).id}/reopen`, payload: { reason: '重新开启' } }),
    in: { admin: 403, officer: 409, reviewer: 403, applicantAdmin: 404, filler: 404, expert: 404 },
    out: { admin: 403, officer: 404, reviewer: 404, applicantAdmin: 404, filler: 404, expert: 404 },
  },
  { route: 'GET /api/notifications', request: async () => ({ method: 'GET', url: '/api/notifications' }), in: all(200) },
  {
    route: 'POST /api/notifications/read',
    request: async () => ({ method: 'POST', url: '/api/notifications/read', payload: { ids: ['00000000-0000-4000-8000-000000000000'] } }),
    in: all(404),
  },
  // The two sign-out routes end the session they run on: they run on throw-away sessions.
  { route: 'POST /api/auth/logout', request: async () => ({ method: 'POST', url: '/api/auth/logout' }), in: all(200) },
  { route: 'POST /api/auth/logout-all', request: async () => ({ method: 'POST', url: '/api/auth/logout-all' }), in: all(200) },
  ...selectionCases({ t: () => t, f: () => f }),
  ...exportCases({ t: () => t, f: () => f, officer: () => sessions.officer }),
  ...projectCases({ t: () => t, f: () => f, expert: () => sessions.expert }),
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
    openCall: '',
    otherOpenCall: '',
  };
  const schedule = {
    application: { opens: new Date(Date.now() - 86_400_000).toISOString(), closes: new Date(Date.now() + 10 * 86_400_000).toISOString() },
    recommendation: { closes: new Date(Date.now() + 20 * 86_400_000).toISOString() },
  };
  f.openCall = await buildOpenCall(t.database, 'hebei-2023-innovation-pilot', { issuer: province, schedule });
  f.otherOpenCall = await buildOpenCall(t.database, 'hebei-2023-innovation-pilot', { issuer: otherProvince, schedule });
  otherApplicantAdmin = await signIn(t.app, (await buildUser(t.database, f.otherEnterprise, ['applicant_admin'])).username);
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
    if (key === 'filler') fillerUserId = user.id;
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
    // Fastify answers HEAD for every GET route by itself; those are covered by their GET row.
    const routes = new Set(t.app.apiRoutes.filter((r) => !(r.startsWith('HEAD ') && t.app.apiRoutes.includes(r.replace('HEAD ', 'GET ')))));
    expect([...routes].sort()).toEqual(CASES.map((c) => c.route).sort());
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
          if (res.statusCode >= 400 && req.method !== 'HEAD') expect(res.json().error.message, `${role}: ${res.body}`).toMatch(/[\u4e00-\u9fa5]/);
          // Every successful write leaves an audit event; every refused one leaves the data as it was.
          if (req.method !== 'GET' && !c.readOnly && res.statusCode < 300) expect(await auditCount()).toBeGreaterThan(before);
        }
        expect(actual).toEqual(expected);
      });
    }
  }

  it('gives no session the routes that need one', async () => {
    const publicRoutes = ['GET /api/health', 'GET /api/openapi.json', 'POST /api/auth/login', 'POST /api/auth/accept-invitation', 'GET /api/calls', 'GET /api/calls/:id', 'GET /api/calls/:id/lists/:listId/template', 'GET /api/verify', ...SELECTION_PUBLIC_ROUTES];
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
