/**
 * Rows of the policy matrix for 项目管理 (#7). A project follows its applicant (admin and fillers), the recommender of
 * its jurisdiction, the call's owner, and the experts of its acceptance panel; the parties act, the admin only reads.
 * Projects are written directly in the stage each route needs (the module's own tests walk through the stages).
 */
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs/promises';
import type { BuiltOrganisation, Session, TestApp } from '../../testing/app.ts';
import { buildOrganisation, uniqueSuffix } from '../../testing/app.ts';
import { buildOpenCall } from '../../testing/calls.ts';
import { BlobStore } from '../../platform/blob-store.ts';
import { buildProject, exampleAnswers, PDF_BYTES, planSections } from '../../testing/project-fixture.ts';

type RoleKey = 'admin' | 'officer' | 'reviewer' | 'applicantAdmin' | 'filler' | 'expert';
type Expected = Record<RoleKey, number>;
type Scope = 'in' | 'out';
interface MatrixFixture {
  province: BuiltOrganisation;
  city: BuiltOrganisation;
  enterprise: BuiltOrganisation;
  pool: BuiltOrganisation;
  otherCity: BuiltOrganisation;
  otherEnterprise: BuiltOrganisation;
}
interface Row {
  route: string;
  request(f: MatrixFixture, scope: Scope): Promise<{ method: 'GET' | 'POST' | 'PUT' | 'DELETE'; url: string; payload?: unknown; headers?: Record<string, string> }>;
  in: Expected;
  out?: Expected;
}

type Stage = 'new' | 'plan_submitted' | 'plan_approved' | 'agreement' | 'implementing' | 'applied' | 'forwarded' | 'panel';
const STAGES: Stage[] = ['new', 'plan_submitted', 'plan_approved', 'agreement', 'implementing', 'applied', 'forwarded', 'panel'];
const SHA = 'a'.repeat(64);

/** Only the organisation's own people see it: everyone else out of scope gets 404, the admin reads but may not act. */
const OUT_ACT: Expected = { admin: 403, officer: 404, reviewer: 404, applicantAdmin: 404, filler: 404, expert: 404 };
const OUT_READ: Expected = { admin: 200, officer: 404, reviewer: 404, applicantAdmin: 404, filler: 404, expert: 404 };
const IN_READ: Expected = { admin: 200, officer: 200, reviewer: 200, applicantAdmin: 200, filler: 200, expert: 404 };
// Owner-only reads: outside the scope nobody, not even the admin's override, for the owner's panel work.
const OUT_READ_OWNER: Expected = { admin: 403, officer: 404, reviewer: 404, applicantAdmin: 404, filler: 404, expert: 404 };
const only = (who: Partial<Expected>, rest: Partial<Expected> = {}): Expected => ({ admin: 403, officer: 403, reviewer: 403, applicantAdmin: 403, filler: 403, expert: 404, ...rest, ...who });

export function projectCases(env: { t: () => TestApp; f: () => MatrixFixture; expert: () => Session }): Row[] {
  const q = (text: string, values: unknown[] = []) => env.t().database.pool.query(text, values);
  const calls: Partial<Record<Scope, Promise<string>>> = {};
  /** A call of 003 (it has every step: plan, agreement, reports, acceptance, subsidy) issued by the scope's province. */
  const plusCall = (scope: Scope) =>
    (calls[scope] ??= buildOpenCall(env.t().database, 'hebei-internet-plus-pilot', { issuer: scope === 'in' ? env.f().province : ({ id: env.f().otherCity.ancestorIds.at(-1)! } as BuiltOrganisation) }));
  let expertId: Promise<string> | null = null;
  const expertUserId = () => (expertId ??= env.expert().request({ method: 'GET', url: '/api/me' }).then((r) => r.json().user.id as string));

  /** A project of the scope's enterprise (or of `applicant`), brought to `stage` by writing its rows. */
  async function project(scope: Scope, stage: Stage = 'new', applicant?: BuiltOrganisation): Promise<string> {
    const f = env.f();
    const world = { province: f.province, city: scope === 'in' ? f.city : f.otherCity, pool: f.pool, callId: await plusCall(scope), packId: 'hebei-internet-plus-pilot' };
    const { id } = await buildProject(env.t().database, world, { applicant: applicant ?? (scope === 'in' ? f.enterprise : f.otherEnterprise) });
    const at = STAGES.indexOf(stage);
    if (at >= 1) await q(`INSERT INTO project_plans (project_id, seq, sections, sha256, status, submitted_by) VALUES ($1, 1, $2, $3, $4, gen_random_uuid())`, [id, JSON.stringify(planSections()), SHA, at >= 2 ? 'approved' : 'submitted']);
    if (at >= 3) await q(`INSERT INTO project_agreements (project_id, agreement_no, document, sha256, prepared_by, effective_at) VALUES ($1, $2, '{}', $3, gen_random_uuid(), $4)`, [id, `矩阵协议-${uniqueSuffix()}`, SHA, at >= 4 ? new Date() : null]);
    if (at >= 5) {
      const status = stage === 'applied' ? 'applied' : stage === 'forwarded' ? 'forwarded' : 'panel';
      const panel = stage === 'panel' && scope === 'in' ? [await expertUserId()] : [];
      await q(
        `INSERT INTO acceptances (project_id, round, status, report, performance_report, answers, ledger_snapshot, actual_investment_wan, sha256, submitted_by, submitted_at, panel_expert_ids)
         VALUES ($1, 1, $2, '{}', '{}', '{}', '[]', 1210.50, $3, gen_random_uuid(), now(), $4::uuid[])`,
        [id, status, SHA, `{${panel.join(',')}}`],
      );
    }
    return id;
  }

  async function ledgerItem(scope: Scope): Promise<{ projectId: string; itemId: string }> {
    const projectId = await project(scope, 'implementing');
    const { rows } = await q(
      `INSERT INTO ledger_items (project_id, category, item, amount_wan, invoice_amount_wan, files, created_by, updated_by) VALUES ($1, 'it', '服务器', 10, 10, '{"contract":[],"invoice":[],"payment":[]}', gen_random_uuid(), gen_random_uuid()) RETURNING id`,
      [projectId],
    );
    return { projectId, itemId: rows[0].id };
  }

  async function projectFile(scope: Scope): Promise<{ projectId: string; fileId: string }> {
    const projectId = await project(scope);
    const tmp = path.join(os.tmpdir(), `matrix-project-${uniqueSuffix()}.pdf`);
    await fs.writeFile(tmp, PDF_BYTES);
    const { sha256, size } = await new BlobStore(env.t().config.blobDir).putFile(tmp);
    const { rows } = await q(
      `INSERT INTO project_files (project_id, purpose, name, sha256, size, mime, uploaded_by, uploaded_by_organisation_id) VALUES ($1, 'ledger', 'a.pdf', $2, $3, 'application/pdf', gen_random_uuid(), gen_random_uuid()) RETURNING id`,
      [projectId, sha256, size],
    );
    return { projectId, fileId: rows[0].id };
  }

  const row = { category: 'it', item: '服务器', supplier: '某信息技术有限公司', contract: 'HT-1', contractAmount: 10, invoiceNo: '1', invoiceAmount: 10, invoiceDate: '2016-09-01', paymentVoucherNo: 'FK-1', paymentAmount: 10 };
  const report = () => {
    const a = exampleAnswers('hebei-internet-plus-pilot', 'quarterly-report');
    delete a.reportYear;
    delete a.reportQuarter;
    return a;
  };

  return [
    { route: 'GET /api/projects', request: async () => ({ method: 'GET', url: '/api/projects' }), in: { admin: 200, officer: 200, reviewer: 200, applicantAdmin: 200, filler: 200, expert: 200 } },
    { route: 'GET /api/projects/:id', request: async (_f, s) => ({ method: 'GET', url: `/api/projects/${await project(s)}` }), in: IN_READ, out: OUT_READ },
    {
      // The owner uploads only agreement, payment and sanction documents: a ledger scan from it is a 403.
      route: 'POST /api/projects/:id/files',
      request: async (_f, s) => ({ method: 'POST', url: `/api/projects/${await project(s)}/files?purpose=ledger&name=a.pdf`, payload: PDF_BYTES, headers: { 'content-type': 'application/pdf' } }),
      in: only({ applicantAdmin: 201, filler: 201 }),
      out: OUT_ACT,
    },
    {
      route: 'GET /api/projects/:id/files/:fileId',
      request: async (_f, s) => {
        const { projectId, fileId } = await projectFile(s);
        return { method: 'GET', url: `/api/projects/${projectId}/files/${fileId}` };
      },
      in: IN_READ,
      out: OUT_READ,
    },
    { route: 'POST /api/projects/:id/plan', request: async (_f, s) => ({ method: 'POST', url: `/api/projects/${await project(s)}/plan`, payload: { sections: planSections() } }), in: only({ applicantAdmin: 200 }), out: OUT_ACT },
    {
      route: 'POST /api/projects/:id/plan/decision',
      request: async (_f, s) => ({ method: 'POST', url: `/api/projects/${await project(s, 'plan_submitted')}/plan/decision`, payload: { decision: 'approved', opinion: '同意' } }),
      in: only({ officer: 200 }),
      out: OUT_ACT,
    },
    {
      route: 'PUT /api/projects/:id/agreement',
      request: async (_f, s) => ({ method: 'PUT', url: `/api/projects/${await project(s, 'plan_approved')}/agreement`, payload: { agreementNo: '矩阵协议', terms: '条款' } }),
      in: only({ officer: 200 }),
      out: OUT_ACT,
    },
    {
      route: 'POST /api/projects/:id/agreement/sign',
      request: async (_f, s) => ({ method: 'POST', url: `/api/projects/${await project(s, 'agreement')}/agreement/sign`, payload: { signerName: '张签署', sha256: SHA } }),
      in: only({ officer: 200, applicantAdmin: 200 }),
      out: OUT_ACT,
    },
    {
      route: 'POST /api/projects/:id/reports',
      request: async (_f, s) => ({ method: 'POST', url: `/api/projects/${await project(s, 'implementing')}/reports`, payload: { year: 2016, quarter: 4, answers: report() } }),
      in: only({ applicantAdmin: 200, filler: 200 }),
      out: OUT_ACT,
    },
    {
      route: 'GET /api/project-reports/overdue',
      request: async () => ({ method: 'GET', url: '/api/project-reports/overdue' }),
      in: { admin: 200, officer: 200, reviewer: 200, applicantAdmin: 403, filler: 403, expert: 403 },
    },
    { route: 'GET /api/projects/:id/ledger', request: async (_f, s) => ({ method: 'GET', url: `/api/projects/${await project(s)}/ledger` }), in: IN_READ, out: OUT_READ },
    { route: 'GET /api/projects/:id/ledger.xlsx', request: async (_f, s) => ({ method: 'GET', url: `/api/projects/${await project(s)}/ledger.xlsx` }), in: IN_READ, out: OUT_READ },
    { route: 'GET /api/projects/:id/ledger.pdf', request: async (_f, s) => ({ method: 'GET', url: `/api/projects/${await project(s)}/ledger.pdf` }), in: IN_READ, out: OUT_READ },
    { route: 'POST /api/projects/:id/ledger', request: async (_f, s) => ({ method: 'POST', url: `/api/projects/${await project(s, 'implementing')}/ledger`, payload: row }), in: only({ applicantAdmin: 201, filler: 201 }), out: OUT_ACT },
    {
      route: 'PUT /api/projects/:id/ledger/:itemId',
      request: async (_f, s) => {
        const { projectId, itemId } = await ledgerItem(s);
        return { method: 'PUT', url: `/api/projects/${projectId}/ledger/${itemId}`, payload: { ...row, version: 1 } };
      },
      in: only({ applicantAdmin: 200, filler: 200 }),
      out: OUT_ACT,
    },
    {
      route: 'DELETE /api/projects/:id/ledger/:itemId',
      request: async (_f, s) => {
        const { projectId, itemId } = await ledgerItem(s);
        return { method: 'DELETE', url: `/api/projects/${projectId}/ledger/${itemId}` };
      },
      in: only({ applicantAdmin: 200, filler: 200 }),
      out: OUT_ACT,
    },
    {
      // No performance report: 400 shows the applicant admin passed authorisation.
      route: 'POST /api/projects/:id/acceptance',
      request: async (_f, s) => ({ method: 'POST', url: `/api/projects/${await project(s, 'implementing')}/acceptance`, payload: {} }),
      in: only({ applicantAdmin: 400 }),
      out: OUT_ACT,
    },
    {
      route: 'POST /api/projects/:id/acceptance/pre-review',
      request: async (_f, s) => ({ method: 'POST', url: `/api/projects/${await project(s, 'applied')}/acceptance/pre-review`, payload: { decision: 'forwarded', opinion: '初验合格' } }),
      in: only({ reviewer: 200 }),
      out: OUT_ACT,
    },
    { route: 'GET /api/projects/:id/acceptance/experts', request: async (_f, s) => ({ method: 'GET', url: `/api/projects/${await project(s, 'forwarded')}/acceptance/experts` }), in: only({ officer: 200 }), out: OUT_READ_OWNER },
    {
      // One expert where the pack asks for three: 400 shows the owner passed authorisation.
      route: 'PUT /api/projects/:id/acceptance/panel',
      request: async (_f, s) => ({ method: 'PUT', url: `/api/projects/${await project(s, 'forwarded')}/acceptance/panel`, payload: { expertUserIds: [await expertUserId()] } }),
      in: only({ officer: 400 }),
      out: OUT_ACT,
    },
    {
      route: 'POST /api/projects/:id/acceptance/review',
      request: async (_f, s) => ({
        method: 'POST',
        url: `/api/projects/${await project(s, 'panel')}/acceptance/review`,
        payload: { recommendation: 'pass', opinion: '同意通过', scores: { completion: 80, investment: 80, benefits: 80, replicable: 80 }, comments: { completion: '完成', investment: '齐全', replicable: '可推广' } },
      }),
      in: only({ expert: 200 }),
      out: OUT_ACT,
    },
    {
      // Panel opinions outstanding: 409 shows the owner passed authorisation.
      route: 'POST /api/projects/:id/acceptance/decision',
      request: async (_f, s) => ({ method: 'POST', url: `/api/projects/${await project(s, 'panel')}/acceptance/decision`, payload: { decision: 'passed', opinion: '通过验收' } }),
      in: only({ officer: 409 }, { expert: 403 }),
      out: OUT_ACT,
    },
    {
      route: 'POST /api/projects/:id/payments',
      request: async (_f, s) => ({ method: 'POST', url: `/api/projects/${await project(s)}/payments`, payload: { kind: 'provincial', tranche: 0, amount: 1, paidOn: '2016-08-01', voucherNo: `BK-${uniqueSuffix()}` } }),
      in: only({ officer: 200 }),
      out: OUT_ACT,
    },
    {
      route: 'GET /api/subsidies/summary',
      request: async () => ({ method: 'GET', url: '/api/subsidies/summary' }),
      in: { admin: 200, officer: 200, reviewer: 403, applicantAdmin: 403, filler: 403, expert: 403 },
    },
    {
      // A sanction bans its applicant for two years: it falls on a throw-away enterprise, not the matrix's applicant.
      route: 'POST /api/projects/:id/sanctions',
      request: async (f, s) => {
        const applicant = await buildOrganisation(env.t().database, { kind: 'enterprise', parent: s === 'in' ? f.city : f.otherCity, divisionCode: '130200' });
        return { method: 'POST', url: `/api/projects/${await project(s, 'new', applicant)}/sanctions`, payload: { stage: 'implementation', ground: '在项目实施中存在弄虚作假的', findings: '虚报进度' } };
      },
      in: only({ officer: 200 }, { applicantAdmin: 404, filler: 404 }),
      out: OUT_ACT,
    },
    { route: 'GET /api/bans', request: async () => ({ method: 'GET', url: '/api/bans' }), in: { admin: 200, officer: 200, reviewer: 200, applicantAdmin: 200, filler: 200, expert: 200 } },
  ];
}
