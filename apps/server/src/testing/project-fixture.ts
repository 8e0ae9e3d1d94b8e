import { randomUUID } from 'node:crypto';
import type { Role } from '@shenbao/contracts';
import type { Database } from '../platform/database.ts';
import { buildOpenCall } from './calls.ts';
import { buildOrganisation, buildUser, signIn, uniqueSuffix, type BuiltOrganisation, type Session, type TestApp } from './app.ts';
import { cases as hebeiPlusCases } from '../../../../programs/hebei-internet-plus-pilot/cases.ts';
import { cases as innovationCases } from '../../../../programs/hebei-2023-innovation-pilot/cases.ts';
import { cases as hunanCases } from '../../../../programs/hunan-2023-platform-plan/cases.ts';

/**
 * Selected projects for the lifecycle tests, written directly (the selection module's own tests cover how a list is
 * published): a submitted application with its hashed snapshot, and the project row made from it.
 */

/** The pack's complete example application (the case that expects no findings). */
export function exampleAnswers(packId: string, formId = 'application'): Record<string, unknown> {
  const cases = { 'hebei-internet-plus-pilot': hebeiPlusCases, 'hebei-2023-innovation-pilot': innovationCases, 'hunan-2023-platform-plan': hunanCases }[packId] ?? [];
  const found = cases.find((c) => c.form === formId && c.expect.length === 0);
  if (!found) throw new Error(`no complete example for ${packId}/${formId}`);
  return structuredClone(found.answers) as Record<string, unknown>;
}

export interface ProjectWorld {
  province: BuiltOrganisation;
  city: BuiltOrganisation;
  pool: BuiltOrganisation;
  callId: string;
  packId: string;
}

/** A province that issues a call of `packId`, one of its cities, and an expert pool under it. */
export async function buildProjectWorld(database: Database, packId: string, opts: { province?: BuiltOrganisation; city?: BuiltOrganisation } = {}): Promise<ProjectWorld> {
  const province = opts.province ?? (await buildOrganisation(database, { kind: 'provincial_department', divisionCode: '130000', name: `测试省工信厅-${uniqueSuffix()}` }));
  const city = opts.city ?? (await buildOrganisation(database, { kind: 'city_bureau', parent: province, divisionCode: '130200', name: `测试市工信局-${uniqueSuffix()}` }));
  const pool = await buildOrganisation(database, { kind: 'expert_pool', parent: province, divisionCode: '130000', name: `测试专家库-${uniqueSuffix()}` });
  const callId = await buildOpenCall(database, packId, { issuer: province });
  return { province, city, pool, callId, packId };
}

export interface BuiltProject {
  id: string;
  applicationId: string;
  applicant: BuiltOrganisation;
  name: string;
}

/** An enterprise under the world's city with a submitted application and the project made of it. */
export async function buildProject(
  database: Database,
  world: ProjectWorld,
  opts: { applicant?: BuiltOrganisation; answers?: Record<string, unknown>; name?: string; selectedAt?: string; formId?: string; directionId?: string } = {},
): Promise<BuiltProject> {
  const applicant = opts.applicant ?? (await buildOrganisation(database, { kind: 'enterprise', parent: world.city, divisionCode: '130200', name: `测试企业-${uniqueSuffix()}` }));
  const formId = opts.formId ?? (world.packId === 'hebei-2023-innovation-pilot' ? 'mode-application' : 'application');
  const answers: Record<string, unknown> = { ...exampleAnswers(world.packId, formId), companyName: applicant.name, ...(opts.answers ?? {}) };
  const name = opts.name ?? `${String(answers.projectName ?? '测试项目')}-${uniqueSuffix()}`;
  answers.projectName = name;
  const directionId = opts.directionId ?? (typeof answers.direction === 'string' ? answers.direction : null);
  const { rows } = await database.pool.query(
    `INSERT INTO applications (call_id, pack_version, form_id, channel_id, applicant_organisation_id, recommender_organisation_id, status, answers, project_name, direction_id, created_by, number, submitted_at)
     VALUES ($1, 1, $2, 'city', $3, $4, 'selected', $5, $6, $7, gen_random_uuid(), $8, now()) RETURNING id`,
    [world.callId, formId, applicant.id, world.city.id, JSON.stringify(answers), name, directionId, `P${uniqueSuffix()}`],
  );
  const applicationId = rows[0].id as string;
  await database.pool.query(
    `INSERT INTO application_submissions (application_id, seq, snapshot, sha256, idempotency_key, submitted_by, submitted_at) VALUES ($1, 1, $2, $3, $4, gen_random_uuid(), now())`,
    [applicationId, JSON.stringify({ answers }), 'f'.repeat(64), randomUUID()],
  );
  const project = await database.pool.query(
    `INSERT INTO projects (call_id, application_id, applicant_organisation_id, recommender_organisation_id, name, selected_at, document_number)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [world.callId, applicationId, applicant.id, world.city.id, name, opts.selectedAt ?? '2016-06-10T10:00:00+08:00', '冀工信测试〔2016〕1号'],
  );
  return { id: project.rows[0].id as string, applicationId, applicant, name };
}

/** A signed-in user of an organisation with the given roles. */
export async function sessionOf(t: TestApp, org: BuiltOrganisation, roles: Role[]): Promise<Session & { userId: string }> {
  const user = await buildUser(t.database, org, roles);
  return Object.assign(await signIn(t.app, user.username), { userId: user.id });
}

/** An expert of a pool with a profile (employer and former employers), signed in. */
export async function buildExpert(t: TestApp, pool: BuiltOrganisation, profile: { employer?: BuiltOrganisation; formerEmployers?: { organisationId: string; name: string; until: number }[] } = {}) {
  const user = await buildUser(t.database, pool, ['expert']);
  await t.database.pool.query(
    `INSERT INTO expert_profiles (user_id, title, expertise, employer_organisation_id, employer_name, former_employers) VALUES ($1, '高级工程师', $2, $3, $4, $5)`,
    [user.id, ['智能制造'], profile.employer?.id ?? null, profile.employer?.name ?? `某大学-${uniqueSuffix()}`, JSON.stringify(profile.formerEmployers ?? [])],
  );
  return Object.assign(await signIn(t.app, user.username), { userId: user.id, displayName: user.displayName });
}

/** A small real PDF body for uploads (the content check reads its magic bytes). */
export const PDF_BYTES = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** Upload a scan to a project and return its file id. */
export async function uploadFile(session: Session, projectId: string, purpose: string, name = '扫描件.pdf', body: Buffer = PDF_BYTES): Promise<string> {
  const res = await session.request({ method: 'POST', url: `/api/projects/${projectId}/files?purpose=${purpose}&name=${encodeURIComponent(name)}`, payload: body, headers: { 'content-type': 'application/pdf' } });
  if (res.statusCode !== 201) throw new Error(`upload failed: ${res.statusCode} ${res.body}`);
  return res.json().fileId as string;
}

/** 003's implementation-plan outline (programs/hebei-internet-plus-pilot documents), every heading filled. */
export const PLAN_OUTLINE = ['一、试点方向与目标', '二、主要建设内容', '三、实施进度安排（按季度）', '四、投资计划与资金来源', '五、预期成效与可推广的经验和模式', '六、保障措施'];
export const planSections = () => Object.fromEntries(PLAN_OUTLINE.map((h) => [h, `${h}：按申报书和实施方案组织实施。`]));

/** Through the API: the plan filed and approved, the agreement prepared and signed by both sides. */
export async function implementing(applicant: Session, owner: Session, projectId: string): Promise<void> {
  const expectOk = async (what: string, res: Promise<{ statusCode: number; body: string }>) => {
    const r = await res;
    if (r.statusCode !== 200) throw new Error(`${what}: ${r.statusCode} ${r.body}`);
  };
  await expectOk('plan', applicant.request({ method: 'POST', url: `/api/projects/${projectId}/plan`, payload: { sections: planSections() } }));
  await expectOk('approve', owner.request({ method: 'POST', url: `/api/projects/${projectId}/plan/decision`, payload: { decision: 'approved', opinion: '同意' } }));
  await expectOk('agreement', owner.request({ method: 'PUT', url: `/api/projects/${projectId}/agreement`, payload: { agreementNo: `冀工信协议-${uniqueSuffix()}`, terms: '双方约定建设内容、进度、资金拨付与验收。' } }));
  const { agreement } = (await owner.request({ method: 'GET', url: `/api/projects/${projectId}` })).json();
  for (const s of [applicant, owner]) await expectOk('sign', s.request({ method: 'POST', url: `/api/projects/${projectId}/agreement/sign`, payload: { signerName: '张签署', sha256: agreement.sha256 } }));
}
