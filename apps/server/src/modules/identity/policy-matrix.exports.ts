/**
 * Rows of the policy matrix for 批量导出. Creating an export follows the call (its owner, or a recommender with
 * applications in it); a job is its requester's alone — an admin does not see another person's jobs either.
 * Jobs the rows build directly carry an export directory no runner uses, so nothing runs them behind the test's back.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BuiltOrganisation, Session, TestApp } from '../../testing/app.ts';
import { uniqueSuffix } from '../../testing/app.ts';

type RoleKey = 'admin' | 'officer' | 'reviewer' | 'applicantAdmin' | 'filler' | 'expert';
type Expected = Record<RoleKey, number>;
type Scope = 'in' | 'out';
interface MatrixFixture {
  province: BuiltOrganisation;
  city: BuiltOrganisation;
  enterprise: BuiltOrganisation;
  otherCity: BuiltOrganisation;
  otherEnterprise: BuiltOrganisation;
  openCall: string;
  otherOpenCall: string;
}
interface Row {
  route: string;
  request(f: MatrixFixture, scope: Scope): Promise<{ method: 'GET' | 'POST'; url: string; payload?: unknown }>;
  in: Expected;
  out?: Expected;
}

const REQUESTER_ONLY: Expected = { admin: 404, officer: 200, reviewer: 404, applicantAdmin: 404, filler: 404, expert: 404 };
const NOBODY: Expected = { admin: 404, officer: 404, reviewer: 404, applicantAdmin: 404, filler: 404, expert: 404 };

export function exportCases(env: { t: () => TestApp; f: () => MatrixFixture; officer: () => Session }): Row[] {
  const q = (text: string, values: unknown[] = []) => env.t().database.pool.query(text, values);
  let officerId: Promise<string> | null = null;
  const requester = (scope: Scope) =>
    scope === 'in'
      ? (officerId ??= env.officer().request({ method: 'GET', url: '/api/me' }).then((r) => r.json().user.id as string))
      : q(`SELECT id FROM users WHERE organisation_id = $1 LIMIT 1`, [env.f().otherEnterprise.id]).then((r) => r.rows[0].id as string);

  /** A submitted application of the scope's enterprise in the scope's open call, so there is something to export. */
  async function submitted(scope: Scope): Promise<string> {
    const f = env.f();
    const [call, org, city] = scope === 'in' ? [f.openCall, f.enterprise, f.city] : [f.otherOpenCall, f.otherEnterprise, f.otherCity];
    const { rows } = await q(
      `INSERT INTO applications (call_id, pack_version, form_id, channel_id, applicant_organisation_id, recommender_organisation_id, status, answers, project_name, direction_id, created_by, number, submitted_at)
       VALUES ($1, 1, 'mode-application', 'city', $2, $3, 'submitted', '{}', '矩阵导出项目', 'smart-manufacturing', gen_random_uuid(), $4, now()) RETURNING id`,
      [call, org.id, city.id, `X${uniqueSuffix()}`],
    );
    await q(`INSERT INTO application_submissions (application_id, seq, snapshot, sha256, idempotency_key, submitted_by, submitted_at) VALUES ($1, 1, '{"answers":{}}', $2, $3, gen_random_uuid(), now())`, [rows[0].id, 'e'.repeat(64), uniqueSuffix()]);
    return call;
  }

  /** A job of the officer (in) or of another province's applicant (out), queued or done with a file. */
  async function job(scope: Scope, status: 'queued' | 'done'): Promise<string> {
    const f = env.f();
    let file: string | null = null;
    if (status === 'done') {
      file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'matrix-export-')), 'x.zip');
      await fs.writeFile(file, 'PK\u0005\u0006'.padEnd(22, '\u0000'));
    }
    const details = { scope: { mode: 'call' }, exportDir: '/nonexistent/matrix-exports', callTitle: '矩阵', scopeLabel: '全部申报', fileName: 'matrix.zip' };
    const { rows } = await q(
      `INSERT INTO export_jobs (call_id, requested_by, requested_by_organisation_id, status, total, done, file_path, file_size, sha256, details, finished_at)
       VALUES ($1, $2, $3, $4, 1, $5, $6, 22, $7, $8, $9) RETURNING id`,
      [f.openCall, await requester(scope), scope === 'in' ? f.province.id : f.otherEnterprise.id, status, status === 'done' ? 1 : 0, file, status === 'done' ? 'f'.repeat(64) : null, JSON.stringify(details), status === 'done' ? new Date() : null],
    );
    return rows[0].id as string;
  }

  return [
    {
      // The owner and a recommender of the call export (the admin too); applicants and experts never do.
      route: 'POST /api/exports',
      request: async (_f, scope) => ({ method: 'POST', url: '/api/exports', payload: { callId: await submitted(scope) } }),
      in: { admin: 201, officer: 201, reviewer: 201, applicantAdmin: 403, filler: 403, expert: 403 },
      out: { admin: 201, officer: 404, reviewer: 404, applicantAdmin: 403, filler: 403, expert: 403 },
    },
    { route: 'GET /api/exports', request: async () => ({ method: 'GET', url: '/api/exports' }), in: { admin: 200, officer: 200, reviewer: 200, applicantAdmin: 200, filler: 200, expert: 200 } },
    {
      route: 'GET /api/exports/:id',
      request: async (_f, scope) => ({ method: 'GET', url: `/api/exports/${await job(scope, 'queued')}` }),
      in: REQUESTER_ONLY,
      out: NOBODY,
    },
    {
      route: 'POST /api/exports/:id/cancel',
      request: async (_f, scope) => ({ method: 'POST', url: `/api/exports/${await job(scope, 'queued')}/cancel` }),
      in: REQUESTER_ONLY,
      out: NOBODY,
    },
    {
      route: 'GET /api/exports/:id/download',
      request: async (_f, scope) => ({ method: 'GET', url: `/api/exports/${await job(scope, 'done')}/download` }),
      in: REQUESTER_ONLY,
      out: NOBODY,
    },
  ];
}
