import { randomUUID } from 'node:crypto';
import type { Database } from '../platform/database.ts';
import { identityStore } from '../modules/identity/index.ts';
import { buildOrganisation, buildUser, uniqueSuffix, type BuiltOrganisation } from './app.ts';
import { buildOpenCall } from './calls.ts';
import type { PackCase } from '@shenbao/rules';

/**
 * For the owner's selection: a call of pack 000 (hebei-2023-innovation-pilot) whose city recommendation is already
 * issued — the applicant's and the recommender's sides have their own tests, so the rows are written directly.
 */
export interface SelectionFixture {
  callId: string;
  issuer: BuiltOrganisation;
  recommender: BuiltOrganisation;
  applications: { id: string; number: string; projectName: string; applicantOrganisationId: string; directionId: string }[];
}

const PROJECTS = [
  { projectName: '装备制造5G全连接车间改造项目' /* not the applicant browser test's project: 同一项目不得重复申报 would see it */, direction: 'smart-manufacturing', total: 860.5 },
  { projectName: '制药全流程质量追溯数字化管理项目', direction: 'digital-management', total: 620 },
  { projectName: '智造云装备行业工业互联网平台', direction: 'general-equipment', total: 1200 },
  { projectName: '钢铁行业能耗在线监测与优化项目', direction: 'smart-manufacturing', total: 980 },
  { projectName: '纺织服装柔性定制生产线改造项目', direction: 'digital-management', total: 540 },
  { projectName: '区域中小企业数字化转型服务平台', direction: 'general-equipment', total: 1500 },
];

export async function seedSelectionCall(
  database: Database,
  opts: {
    issuer: BuiltOrganisation;
    recommender: BuiltOrganisation;
    applicants: { id: string; name: string }[];
    count?: number;
    /** Another pack: its form and the directions to spread the applications over. */
    pack?: { id: string; form: string; directions: string[]; channel: string };
  },
): Promise<SelectionFixture> {
  const packId = opts.pack?.id ?? 'hebei-2023-innovation-pilot';
  const { cases } = (await import(`../../../../programs/${packId}/cases.ts`)) as { cases: PackCase[] };
  const day = 86_400_000;
  const count = opts.count ?? opts.applicants.length;
  const projects = Array.from({ length: count }, (_, i) => ({ ...PROJECTS[i % PROJECTS.length]!, projectName: i < PROJECTS.length ? PROJECTS[i]!.projectName : `${PROJECTS[i % PROJECTS.length]!.projectName}（${i + 1}）` }));
  const callId = await buildOpenCall(database, packId, {
    issuer: opts.issuer,
    lists: { cultivation: projects.map((p) => ({ year: '2022', city: '石家庄市', companyName: '', projectName: p.projectName })) },
    schedule: {
      application: { opens: new Date(Date.now() - 20 * day).toISOString(), closes: new Date(Date.now() - 10 * day).toISOString() },
      recommendation: { closes: new Date(Date.now() - 5 * day).toISOString() },
    },
  });
  const { rows: rec } = await database.pool.query(
    `INSERT INTO recommendations (call_id, channel_id, recommender_organisation_id, status, opinion, signer_name, issued_at, sha256)
     VALUES ($1, $4, $2, 'issued', '同意推荐', '张局长', now(), $3) RETURNING id`,
    [callId, opts.recommender.id, 'b'.repeat(64), opts.pack?.channel ?? 'city'],
  );
  const applications: SelectionFixture['applications'] = [];
  for (const [i, p] of projects.entries()) {
    const applicant = opts.applicants[i % opts.applicants.length]!;
    const direction = opts.pack ? opts.pack.directions[i % opts.pack.directions.length]! : p.direction;
    const form = opts.pack?.form ?? (p.direction === 'general-equipment' ? 'platform' : 'mode-application');
    // The pack's own complete example, made this applicant's, so rule checks and screens see a realistic application.
    const example = cases.find((c) => c.form === form && c.expect.length === 0)!.answers;
    const answers = { ...example, companyName: applicant.name, projectName: p.projectName, direction };
    const number = `HIPS2023-${uniqueSuffix().slice(0, 5)}`;
    const { rows } = await database.pool.query(
      `INSERT INTO applications (call_id, pack_version, form_id, channel_id, applicant_organisation_id, recommender_organisation_id, status, answers, project_name, direction_id, created_by, number, submitted_at)
       VALUES ($1, 1, $2, $9, $3, $4, 'recommended', $5, $6, $7, gen_random_uuid(), $8, now()) RETURNING id`,
      [callId, form, applicant.id, opts.recommender.id, JSON.stringify(answers), p.projectName, direction, number, opts.pack?.channel ?? 'city'],
    );
    await database.pool.query(
      `INSERT INTO application_submissions (application_id, seq, snapshot, sha256, idempotency_key, submitted_by, submitted_at) VALUES ($1, 1, $2, $3, $4, gen_random_uuid(), now())`,
      [rows[0].id, JSON.stringify({ answers }), 'c'.repeat(64), randomUUID()],
    );
    await database.pool.query('INSERT INTO recommendation_items (recommendation_id, application_id, rank) VALUES ($1, $2, $3)', [rec[0].id, rows[0].id, i + 1]);
    applications.push({ id: rows[0].id as string, number, projectName: p.projectName, applicantOrganisationId: applicant.id, directionId: direction });
  }
  return { callId, issuer: opts.issuer, recommender: opts.recommender, applications };
}

/** An expert of a pool, with a profile (expertise, employer, former employers) for assignment and conflict checks. */
export async function buildExpert(
  database: Database,
  pool: BuiltOrganisation,
  profile: { expertise: string[]; employerOrganisationId?: string | null; employerName?: string; formerEmployers?: { organisationId: string | null; name: string; until: number }[] } = { expertise: ['智能制造'] },
) {
  const user = await buildUser(database, pool, ['expert']);
  await identityStore.insertExpertProfile(database.db, {
    userId: user.id,
    title: '高级工程师',
    expertise: profile.expertise,
    employerOrganisationId: profile.employerOrganisationId ?? null,
    employerName: profile.employerName ?? '某研究院',
    formerEmployers: profile.formerEmployers ?? [],
  });
  return user;
}

/** Province → city → enterprises, a province pool and an officer: the cast of a selection test. */
export async function buildSelectionCast(database: Database, enterprises = 3) {
  const province = await buildOrganisation(database, { kind: 'provincial_department', divisionCode: '130000', name: `测试省工信厅${uniqueSuffix()}` });
  const city = await buildOrganisation(database, { kind: 'city_bureau', parent: province, divisionCode: '130100' });
  const pool = await buildOrganisation(database, { kind: 'expert_pool', parent: province, divisionCode: '130000', name: `测试专家库${uniqueSuffix()}` });
  const applicants = [];
  for (let i = 0; i < enterprises; i++) applicants.push(await buildOrganisation(database, { kind: 'enterprise', parent: city, name: `测试企业${uniqueSuffix()}有限公司` }));
  const officer = await buildUser(database, province, ['program_officer']);
  const reviewer = await buildUser(database, city, ['recommender_reviewer']);
  return { province, city, pool, applicants, officer, reviewer };
}

/** For browser tests on the demo data: 河北省工信厅 owns the call, 石家庄市工信局 has recommended three demo enterprises. */
export async function seedDemoSelectionCall(database: Database, count = 3): Promise<SelectionFixture> {
  const org = async (key: string) => {
    const { rows } = await database.pool.query('SELECT id, name, kind, ancestor_ids FROM organisations WHERE demo_key = $1', [key]);
    return { id: rows[0].id, name: rows[0].name, kind: rows[0].kind, ancestorIds: rows[0].ancestor_ids } as BuiltOrganisation;
  };
  const [issuer, recommender] = [await org('hebei-dept'), await org('hebei-shijiazhuang')];
  const applicants = [await org('ent-sjz-zhizao'), await org('ent-sjz-ruikang')];
  return seedSelectionCall(database, { issuer, recommender, applicants, count });
}
