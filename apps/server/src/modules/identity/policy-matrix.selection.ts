/**
 * Rows of the policy matrix for the owner's selection (遴选评审), the expert's review (评审任务) and the public notice
 * (公示公告). Each stateful route gets its own call copy, so the rows do not depend on each other's order.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { BlobStore } from '../../platform/blob-store.ts';
import type { BuiltOrganisation } from '../../testing/app.ts';
import { buildUser, uniqueSuffix, type TestApp } from '../../testing/app.ts';
import { buildOpenCall } from '../../testing/calls.ts';
import { identityStore } from './index.ts';

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
  request(f: MatrixFixture, scope: Scope): Promise<{ method: 'GET' | 'POST' | 'PUT'; url: string; payload?: unknown }>;
  in: Expected;
  out?: Expected;
}

// The province's officer runs the selection; a platform admin may not act for it (403 inside the line, as above it).
const OWNER_IN: Expected = { admin: 403, officer: 200, reviewer: 404, applicantAdmin: 404, filler: 404, expert: 404 };
const OWNER_OUT: Expected = { admin: 403, officer: 404, reviewer: 404, applicantAdmin: 404, filler: 404, expert: 404 };
// Only an expert, only its own assignments.
const EXPERT_IN: Expected = { admin: 403, officer: 403, reviewer: 403, applicantAdmin: 403, filler: 403, expert: 200 };
const EXPERT_OUT: Expected = { admin: 403, officer: 403, reviewer: 403, applicantAdmin: 403, filler: 403, expert: 404 };
const everyone = (status: number): Expected => ({ admin: status, officer: status, reviewer: status, applicantAdmin: status, filler: status, expert: status });

export const SELECTION_PUBLIC_ROUTES = ['GET /api/public/notices', 'GET /api/public/notices/:id', 'POST /api/public/notices/:id/objections'];

export function selectionCases(env: { t: () => TestApp; f: () => MatrixFixture }): Row[] {
  const q = (text: string, values: unknown[] = []) => env.t().database.pool.query(text, values);
  let experts: Promise<{ matrixExpert: string; otherExpert: string; panelExpert: string }> | null = null;

  /** The matrix's expert (with a profile), a second expert of its pool, and an expert of another pool. */
  const expertIds = () =>
    (experts ??= (async () => {
      const f = env.f();
      const { rows } = await q(`SELECT id FROM users WHERE organisation_id = $1 AND 'expert' = ANY(roles) ORDER BY created_at LIMIT 1`, [f.pool.id]);
      const matrixExpert = rows[0].id as string;
      const profile = { title: '高级工程师', expertise: ['智能制造'], employerOrganisationId: null, employerName: '某研究院', formerEmployers: [] };
      await identityStore.insertExpertProfile(env.t().database.db, { userId: matrixExpert, ...profile });
      const panel = await buildUser(env.t().database, f.pool, ['expert']);
      await identityStore.insertExpertProfile(env.t().database.db, { userId: panel.id, ...profile });
      const other = await buildUser(env.t().database, f.otherCity, ['expert']);
      return { matrixExpert, otherExpert: other.id, panelExpert: panel.id };
    })());

  const issuerOf = (scope: Scope): BuiltOrganisation => {
    const f = env.f();
    return scope === 'in' ? f.province : { ...f.otherCity, id: f.otherCity.ancestorIds.at(-1)!, kind: 'provincial_department' };
  };
  const call = (scope: Scope, packId = 'hebei-2023-innovation-pilot') => buildOpenCall(env.t().database, packId, { issuer: issuerOf(scope) });

  /** A recommended application of the scope's enterprise in a call, recommended by its city, optionally admitted. */
  async function recommended(scope: Scope, callId: string, admitted = true): Promise<string> {
    const f = env.f();
    const [org, city] = scope === 'in' ? [f.enterprise, f.city] : [f.otherEnterprise, f.otherCity];
    const { rows } = await q(
      `INSERT INTO applications (call_id, pack_version, form_id, channel_id, applicant_organisation_id, recommender_organisation_id, status, answers, project_name, direction_id, created_by, number, submitted_at)
       VALUES ($1, 1, 'mode-application', 'city', $2, $3, $4, '{}', '矩阵项目', 'smart-manufacturing', gen_random_uuid(), $5, now()) RETURNING id`,
      [callId, org.id, city.id, admitted ? 'admitted' : 'recommended', `S${uniqueSuffix()}`],
    );
    const id = rows[0].id as string;
    await q(`INSERT INTO application_submissions (application_id, seq, snapshot, sha256, idempotency_key, submitted_by, submitted_at) VALUES ($1, 1, '{"answers":{}}', $2, $3, gen_random_uuid(), now())`, [id, 'e'.repeat(64), uniqueSuffix()]);
    await q(`INSERT INTO recommendations (call_id, channel_id, recommender_organisation_id, status, issued_at) VALUES ($1, 'city', $2, 'issued', now()) ON CONFLICT DO NOTHING`, [callId, city.id]);
    await q(`INSERT INTO recommendation_items (recommendation_id, application_id, rank) SELECT id, $2, (SELECT count(*) + 1 FROM recommendation_items ri WHERE ri.recommendation_id = r.id) FROM recommendations r WHERE call_id = $1`, [callId, id]);
    if (admitted) await q(`INSERT INTO policy_checks (application_id, call_id, decision, reason, findings, decided_by) VALUES ($1, $2, 'admitted', '符合条件', '[]', gen_random_uuid())`, [id, callId]);
    return id;
  }

  /** A call in scoring with the given expert assigned to one admitted application (statement signed unless told). */
  async function assigned(scope: Scope, opts: { signed?: boolean } = {}) {
    const ids = await expertIds();
    const expert = scope === 'in' ? ids.matrixExpert : ids.otherExpert;
    const callId = await call(scope);
    const applicationId = await recommended(scope, callId);
    await q(`INSERT INTO expert_reviews (call_id, reviews_per_application, min_load, max_load, pool_organisation_ids, status) VALUES ($1, 1, 0, 100, $2, 'scoring')`, [callId, `{${env.f().pool.id}}`]);
    const { rows } = await q(`INSERT INTO review_assignments (call_id, application_id, expert_user_id, source, matched) VALUES ($1, $2, $3, 'manual', true) RETURNING id`, [callId, applicationId, expert]);
    if (opts.signed !== false) await q(`INSERT INTO expert_statements (call_id, expert_user_id, phase, text) VALUES ($1, $2, 'before', '承诺')`, [callId, expert]);
    return { callId, applicationId, assignmentId: rows[0].id as string };
  }

  /** A call whose selection is in the given state, with one admitted application on the list. */
  async function selection(scope: Scope, status: 'proposed' | 'approved' | 'public_notice', ended = false) {
    const callId = await call(scope);
    const applicationId = await recommended(scope, callId);
    const { rows } = await q(
      `INSERT INTO selections (call_id, status, proposed_by, approver_name, approved_at, notice_title, notice_text, notice_starts_at, notice_ends_at)
       VALUES ($1, $2, gen_random_uuid(), '王处长', now(), '公示', '公示内容', now() - interval '8 days', now() + ($3 || ' days')::interval) RETURNING id, version`,
      [callId, status, ended ? '-1' : '7'],
    );
    await q(`INSERT INTO selection_items (selection_id, application_id, rank, outcome) VALUES ($1, $2, 1, 'pilot')`, [rows[0].id, applicationId]);
    return { callId, applicationId, selectionId: rows[0].id as string, version: rows[0].version as number };
  }

  const base = (scope: Scope, callId: string) => `/api/selection/calls/${encodeURIComponent(callId)}`;

  return [
    { route: 'GET /api/selection/calls/:callId/candidates', request: async (_f, s) => ({ method: 'GET', url: `${base(s, await call(s))}/candidates` }), in: OWNER_IN, out: OWNER_OUT },
    {
      route: 'POST /api/selection/applications/:id/policy-check',
      request: async (_f, s) => ({ method: 'POST', url: `/api/selection/applications/${await recommended(s, await call(s), false)}/policy-check`, payload: { decision: 'admitted', reason: '符合申报条件' } }),
      in: OWNER_IN,
      out: OWNER_OUT,
    },
    { route: 'GET /api/selection/calls/:callId/review', request: async (_f, s) => ({ method: 'GET', url: `${base(s, await call(s))}/review` }), in: OWNER_IN, out: OWNER_OUT },
    {
      route: 'PUT /api/selection/calls/:callId/review/settings',
      request: async (f, s) => ({ method: 'PUT', url: `${base(s, await call(s))}/review/settings`, payload: { reviewsPerApplication: 1, minLoad: 0, maxLoad: 10, poolOrganisationIds: [f.pool.id], divergenceThreshold: 0.25 } }),
      in: OWNER_IN,
      out: OWNER_OUT,
    },
    { route: 'GET /api/selection/calls/:callId/conflicts', request: async (_f, s) => ({ method: 'GET', url: `${base(s, await call(s))}/conflicts` }), in: OWNER_IN, out: OWNER_OUT },
    {
      route: 'POST /api/selection/calls/:callId/conflicts',
      request: async (f, s) => {
        const { callId } = await assigned(s);
        return { method: 'POST', url: `${base(s, callId)}/conflicts`, payload: { expertUserId: (await expertIds()).panelExpert, applicantOrganisationId: (s === 'in' ? f.enterprise : f.otherEnterprise).id, kind: 'business', state: 'pinned', reason: '与申报单位存在业务往来' } };
      },
      in: OWNER_IN,
      out: OWNER_OUT,
    },
    { route: 'POST /api/selection/calls/:callId/assign', request: async (_f, s) => ({ method: 'POST', url: `${base(s, (await assigned(s)).callId)}/assign` }), in: OWNER_IN, out: OWNER_OUT },
    {
      route: 'POST /api/selection/calls/:callId/assignments',
      request: async (_f, s) => {
        const { callId, applicationId } = await assigned(s);
        return { method: 'POST', url: `${base(s, callId)}/assignments`, payload: { applicationId, expertUserId: (await expertIds()).panelExpert, reason: '补充一位专家' } };
      },
      in: OWNER_IN,
      out: OWNER_OUT,
    },
    { route: 'POST /api/selection/assignments/:id/remove', request: async (_f, s) => ({ method: 'POST', url: `/api/selection/assignments/${(await assigned(s)).assignmentId}/remove`, payload: { reason: '专家临时无法参加' } }), in: OWNER_IN, out: OWNER_OUT },
    { route: 'POST /api/selection/calls/:callId/remind', request: async (_f, s) => ({ method: 'POST', url: `${base(s, (await assigned(s)).callId)}/remind` }), in: OWNER_IN, out: OWNER_OUT },
    {
      route: 'POST /api/selection/calls/:callId/review/close',
      request: async (_f, s) => {
        const { callId, assignmentId } = await assigned(s);
        await q(`UPDATE review_assignments SET submitted_at = now(), total = 80 WHERE id = $1`, [assignmentId]);
        return { method: 'POST', url: `${base(s, callId)}/review/close` };
      },
      in: OWNER_IN,
      out: OWNER_OUT,
    },
    { route: 'GET /api/selection/calls/:callId/defence', request: async (_f, s) => ({ method: 'GET', url: `${base(s, await call(s, 'hebei-internet-plus-pilot'))}/defence` }), in: OWNER_IN, out: OWNER_OUT },
    {
      route: 'PUT /api/selection/calls/:callId/defence/shortlist',
      request: async (_f, s) => {
        const callId = await call(s, 'hebei-internet-plus-pilot');
        return { method: 'PUT', url: `${base(s, callId)}/defence/shortlist`, payload: { applicationIds: [await recommended(s, callId)] } };
      },
      in: OWNER_IN,
      out: OWNER_OUT,
    },
    {
      route: 'POST /api/selection/calls/:callId/defence/sessions',
      request: async (_f, s) => {
        const callId = await call(s, 'hebei-internet-plus-pilot');
        const applicationId = await recommended(s, callId);
        await q(`INSERT INTO defence_shortlist (application_id, call_id, added_by) VALUES ($1, $2, gen_random_uuid())`, [applicationId, callId]);
        const at = (h: number) => new Date(Date.now() + 86_400_000 + h * 3_600_000).toISOString();
        return { method: 'POST', url: `${base(s, callId)}/defence/sessions`, payload: { room: `第${uniqueSuffix()}会议室`, startsAt: at(0), endsAt: at(3), panelExpertIds: [(await expertIds()).panelExpert], slots: [{ applicationId, startsAt: at(0), endsAt: at(1) }] } };
      },
      in: OWNER_IN,
      out: OWNER_OUT,
    },
    {
      route: 'PUT /api/selection/defence/sessions/:id/slots/:applicationId',
      request: async (_f, s) => {
        const callId = await call(s, 'hebei-internet-plus-pilot');
        const applicationId = await recommended(s, callId);
        const panel = (await expertIds()).panelExpert;
        const { rows } = await q(`INSERT INTO defence_sessions (call_id, room, starts_at, ends_at, panel_expert_ids) VALUES ($1, '会议室', now(), now() + interval '3 hours', $2) RETURNING id`, [callId, `{${panel}}`]);
        await q(`INSERT INTO defence_slots (session_id, application_id, starts_at, ends_at) VALUES ($1, $2, now(), now() + interval '1 hour')`, [rows[0].id, applicationId]);
        return { method: 'PUT', url: `/api/selection/defence/sessions/${rows[0].id}/slots/${applicationId}`, payload: { panelScores: { [panel]: 85 }, panelRecommendation: 'recommend', panelOpinion: '答辩清晰' } };
      },
      in: OWNER_IN,
      out: OWNER_OUT,
    },
    { route: 'GET /api/selection/calls/:callId/decision', request: async (_f, s) => ({ method: 'GET', url: `${base(s, await call(s))}/decision` }), in: OWNER_IN, out: OWNER_OUT },
    {
      route: 'PUT /api/selection/calls/:callId/decision',
      request: async (_f, s) => {
        const sel = await selection(s, 'proposed');
        return { method: 'PUT', url: `${base(s, sel.callId)}/decision`, payload: { version: sel.version, items: [{ applicationId: sel.applicationId }] } };
      },
      in: OWNER_IN,
      out: OWNER_OUT,
    },
    { route: 'POST /api/selection/calls/:callId/decision/approve', request: async (_f, s) => ({ method: 'POST', url: `${base(s, (await selection(s, 'proposed')).callId)}/decision/approve`, payload: { approverName: '王处长' } }), in: OWNER_IN, out: OWNER_OUT },
    {
      route: 'POST /api/selection/calls/:callId/decision/notice',
      request: async (_f, s) => ({ method: 'POST', url: `${base(s, (await selection(s, 'approved')).callId)}/decision/notice`, payload: { title: '拟入选名单公示', text: '现予公示，公示期七天。' } }),
      in: OWNER_IN,
      out: OWNER_OUT,
    },
    {
      route: 'POST /api/selection/objections/:id/resolve',
      request: async (_f, s) => {
        const sel = await selection(s, 'public_notice');
        const { rows } = await q(`INSERT INTO objections (selection_id, application_id, name, phone, content) VALUES ($1, $2, '李先生', '13800000000', '对该项目有异议') RETURNING id`, [sel.selectionId, sel.applicationId]);
        return { method: 'POST', url: `/api/selection/objections/${rows[0].id}/resolve`, payload: { status: 'dismissed', outcome: '经核查，异议不成立' } };
      },
      in: OWNER_IN,
      out: OWNER_OUT,
    },
    {
      route: 'GET /api/selection/objections/:id/evidence/:sha256',
      request: async (_f, s) => {
        const sel = await selection(s, 'public_notice');
        const tmp = path.join(os.tmpdir(), `matrix-evidence-${uniqueSuffix()}.pdf`);
        await fs.writeFile(tmp, '%PDF-1.4 evidence');
        const { sha256, size } = await new BlobStore(env.t().config.blobDir).putFile(tmp);
        const evidence = [{ name: '证据.pdf', sha256, size, mimeType: 'application/pdf' }];
        const { rows } = await q(`INSERT INTO objections (selection_id, name, phone, content, evidence) VALUES ($1, '李先生', '13800000000', '对该项目有异议', $2) RETURNING id`, [sel.selectionId, JSON.stringify(evidence)]);
        return { method: 'GET', url: `/api/selection/objections/${rows[0].id}/evidence/${sha256}` };
      },
      in: OWNER_IN,
      out: OWNER_OUT,
    },
    {
      route: 'POST /api/selection/calls/:callId/decision/publish',
      request: async (_f, s) => ({ method: 'POST', url: `${base(s, (await selection(s, 'public_notice', true)).callId)}/decision/publish`, payload: { documentNumber: `冀工信函〔2026〕${uniqueSuffix()}号` } }),
      in: OWNER_IN,
      out: OWNER_OUT,
    },
    { route: 'GET /api/selection/calls/:callId/decision/list.xlsx', request: async (_f, s) => ({ method: 'GET', url: `${base(s, (await selection(s, 'approved')).callId)}/decision/list.xlsx` }), in: OWNER_IN, out: OWNER_OUT },
    { route: 'GET /api/selection/calls/:callId/decision/list.pdf', request: async (_f, s) => ({ method: 'GET', url: `${base(s, (await selection(s, 'approved')).callId)}/decision/list.pdf` }), in: OWNER_IN, out: OWNER_OUT },

    { route: 'GET /api/expert/calls', request: async () => ({ method: 'GET', url: '/api/expert/calls' }), in: EXPERT_IN },
    {
      route: 'POST /api/expert/calls/:callId/statement',
      request: async (_f, s) => ({ method: 'POST', url: `/api/expert/calls/${encodeURIComponent((await assigned(s, { signed: false })).callId)}/statement`, payload: { phase: 'before', accepted: true } }),
      in: EXPERT_IN,
      out: EXPERT_OUT,
    },
    { route: 'GET /api/expert/calls/:callId/assignments', request: async (_f, s) => ({ method: 'GET', url: `/api/expert/calls/${encodeURIComponent((await assigned(s)).callId)}/assignments` }), in: EXPERT_IN, out: EXPERT_OUT },
    { route: 'GET /api/expert/assignments/:id', request: async (_f, s) => ({ method: 'GET', url: `/api/expert/assignments/${(await assigned(s)).assignmentId}` }), in: EXPERT_IN, out: EXPERT_OUT },
    {
      route: 'PUT /api/expert/assignments/:id/scores',
      request: async (_f, s) => ({ method: 'PUT', url: `/api/expert/assignments/${(await assigned(s)).assignmentId}/scores`, payload: { scores: { foundation: 80 }, comments: {}, opinion: '', submit: false } }),
      in: EXPERT_IN,
      out: EXPERT_OUT,
    },
    { route: 'GET /api/expert/assignments/:id/document.pdf', request: async (_f, s) => ({ method: 'GET', url: `/api/expert/assignments/${(await assigned(s)).assignmentId}/document.pdf` }), in: EXPERT_IN, out: EXPERT_OUT },
    {
      route: 'GET /api/expert/assignments/:id/files/:fileId',
      request: async (_f, s) => {
        const { applicationId, assignmentId } = await assigned(s);
        const tmp = path.join(os.tmpdir(), `matrix-expert-${uniqueSuffix()}.pdf`);
        await fs.writeFile(tmp, '%PDF-1.4 expert');
        const { sha256, size } = await new BlobStore(env.t().config.blobDir).putFile(tmp);
        const { rows } = await q(`INSERT INTO application_files (application_id, field_id, name, sha256, size, mime, uploaded_by) VALUES ($1, 'sealedApplication', 'a.pdf', $2, $3, 'application/pdf', gen_random_uuid()) RETURNING id`, [applicationId, sha256, size]);
        return { method: 'GET', url: `/api/expert/assignments/${assignmentId}/files/${rows[0].id}` };
      },
      in: EXPERT_IN,
      out: EXPERT_OUT,
    },
    { route: 'POST /api/expert/assignments/:id/conflict', request: async (_f, s) => ({ method: 'POST', url: `/api/expert/assignments/${(await assigned(s)).assignmentId}/conflict`, payload: { reason: '曾为该企业提供咨询' } }), in: EXPERT_IN, out: EXPERT_OUT },

    { route: 'GET /api/public/notices', request: async () => ({ method: 'GET', url: '/api/public/notices' }), in: everyone(200) },
    { route: 'GET /api/public/notices/:id', request: async () => ({ method: 'GET', url: `/api/public/notices/${(await selection('in', 'public_notice')).selectionId}` }), in: everyone(200) },
    {
      route: 'POST /api/public/notices/:id/objections',
      request: async () => ({ method: 'POST', url: `/api/public/notices/${(await selection('in', 'public_notice')).selectionId}/objections`, payload: { name: '李先生', phone: '13800000000', content: '对公示名单中的项目有异议。' } }),
      in: everyone(201),
    },
  ];
}
