import { randomUUID } from 'node:crypto';
import type { Database } from '../platform/database.ts';
import { hashPassword, identityStore } from '../modules/identity/index.ts';
import { DEMO_PASSWORD } from '../demo/seed.ts';
import { buildOpenCall } from './calls.ts';
import { uniqueSuffix } from './app.ts';
import { cases } from '../../../../programs/miit-2023-pilot-demo/cases.ts';

/**
 * For browser tests of the province round (ADR 0004): a call of its own (a copy of pack 004 issued by the demo
 * 广东省工业和信息化厅, open for the cities' and the province's recommendations) with two submitted applications of a
 * demo enterprise under the 广州 city bureau, through the channel `gd-industry`; and the province's own reviewer,
 * which the demo data does not have (password as the demo accounts'). Written directly: the applicant's side has its
 * own tests.
 */
export async function seedProvinceFixture(
  database: Database,
): Promise<{
  callId: string;
  provinceReviewer: string;
  /** The closing times of the cities' round and of the province's (ISO). */
  deadlines: { recommendation: string; provincialRecommendation: string };
  applications: { id: string; projectName: string; number: string }[];
}> {
  const org = async (key: string) => (await database.pool.query('SELECT id, name, credit_code FROM organisations WHERE demo_key = $1', [key])).rows[0] as { id: string; name: string; credit_code: string | null };
  const [guangdong, guangzhou] = [await org('guangdong-dept'), await org('gd-guangzhou')];
  const day = 86_400_000;
  // One applicant may bring two projects, in two categories (the pack's own eligibility rules); the names are far
  // apart, so the duplicate guard (same credit code, similar name) leaves them alone.
  const projects = [
    { key: 'ent-gz-yunchuang', projectName: '云创注塑行业工业互联网平台', direction: 'platform', contact: '陈伟杰', mobile: '13902234567' },
    { key: 'ent-gz-yunchuang', projectName: '黄埔精密模具5G全连接工厂', direction: 'factory', contact: '麦淑仪', mobile: '13902234568' },
  ];
  const deadlines = { recommendation: new Date(Date.now() + 20 * day).toISOString(), provincialRecommendation: new Date(Date.now() + 25 * day).toISOString() };
  const callId = await buildOpenCall(database, 'miit-2023-pilot-demo', {
    issuer: { id: guangdong.id, name: guangdong.name, kind: 'provincial_department', ancestorIds: [] },
    schedule: {
      application: { opens: new Date(Date.now() - 5 * day).toISOString(), closes: new Date(Date.now() + 10 * day).toISOString() },
      recommendation: { closes: deadlines.recommendation },
      provincial_recommendation: { closes: deadlines.provincialRecommendation },
    },
  });
  // The pack's own complete, valid application (平台类, 经广州市工信局报省工业和信息化厅), made each project's.
  const example = cases.find((c) => c.form === 'application' && c.expect.length === 0)!.answers;
  const applications = [];
  for (const [i, p] of projects.entries()) {
    const applicant = await org(p.key);
    const answers = {
      ...example,
      companyName: applicant.name,
      creditCode: applicant.credit_code ?? example.creditCode,
      projectName: p.projectName,
      direction: p.direction,
      channel: 'gd-industry',
      contactName: p.contact,
      contactMobile: p.mobile,
    };
    const number = `GDIP2023-${String(90001 + i)}`;
    const { rows } = await database.pool.query(
      `INSERT INTO applications (call_id, pack_version, form_id, channel_id, applicant_organisation_id, recommender_organisation_id, status, answers, project_name, direction_id, created_by, number, submitted_at)
       VALUES ($1, 1, 'application', 'gd-industry', $2, $3, 'submitted', $4, $5, $6, gen_random_uuid(), $7, now()) RETURNING id`,
      [callId, applicant.id, guangzhou.id, JSON.stringify(answers), p.projectName, p.direction, number],
    );
    await database.pool.query(
      `INSERT INTO application_submissions (application_id, seq, snapshot, sha256, idempotency_key, submitted_by, submitted_at) VALUES ($1, 1, $2, $3, $4, gen_random_uuid(), now())`,
      [rows[0].id, JSON.stringify({ answers }), 'a'.repeat(64), randomUUID()],
    );
    applications.push({ id: rows[0].id as string, projectName: p.projectName, number });
  }
  // 省工业和信息化厅's 推荐单位审核人: unique per fixture, so several fixtures can share a test database.
  const provinceReviewer = `guangdong.reviewer.${uniqueSuffix()}`;
  await identityStore.insertUser(database.db, {
    organisationId: guangdong.id,
    username: provinceReviewer,
    displayName: '黄振宇',
    roles: ['recommender_reviewer'],
    passwordHash: await hashPassword(DEMO_PASSWORD),
    status: 'active',
  });
  return { callId, provinceReviewer, deadlines, applications };
}
