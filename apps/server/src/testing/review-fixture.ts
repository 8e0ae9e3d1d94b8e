import { randomUUID } from 'node:crypto';
import type { Database } from '../platform/database.ts';
import { buildOpenCall } from './calls.ts';
import { cases } from '../../../../programs/hebei-2023-innovation-pilot/cases.ts';

/**
 * For browser tests of the recommender: a call of its own (a copy of pack 000 issued by the demo Hebei department,
 * open for recommendation) with three submitted applications of demo enterprises under the 石家庄 city bureau.
 * Written directly: the applicant's side has its own tests.
 */
export async function seedReviewFixture(database: Database): Promise<{ callId: string; applications: { id: string; projectName: string; number: string }[] }> {
  const org = async (key: string) => (await database.pool.query('SELECT id, name, credit_code FROM organisations WHERE demo_key = $1', [key])).rows[0] as { id: string; name: string; credit_code: string | null };
  const [hebei, sjz] = [await org('hebei-dept'), await org('hebei-shijiazhuang')];
  const day = 86_400_000;
  const projects = [
    { key: 'ent-sjz-zhizao', projectName: '装备制造5G全连接车间改造项目' /* not the applicant browser test's project: 同一项目不得重复申报 would see it */, direction: 'smart-manufacturing', total: 860.5, contact: '李明', mobile: '13832112345' },
    { key: 'ent-sjz-ruikang', projectName: '制药全流程质量追溯数字化管理项目', direction: 'digital-management', total: 620, contact: '张玉敏', mobile: '13931100001' },
    { key: 'ent-sjz-zhizao', projectName: '智造云装备行业工业互联网平台', direction: 'general-equipment', total: 1200, contact: '王建伟', mobile: '13832112346' },
  ];
  const callId = await buildOpenCall(database, 'hebei-2023-innovation-pilot', {
    lists: { cultivation: projects.map((p) => ({ year: '2022', city: '石家庄市', companyName: '', projectName: p.projectName })) },
    issuer: { id: hebei.id, name: hebei.name, kind: 'provincial_department', ancestorIds: [] },
    schedule: {
      application: { opens: new Date(Date.now() - 5 * day).toISOString(), closes: new Date(Date.now() + 10 * day).toISOString() },
      recommendation: { closes: new Date(Date.now() + 20 * day).toISOString() },
    },
  });
  const applications = [];
  for (const [i, p] of projects.entries()) {
    const applicant = await org(p.key);
    // The pack's own complete example, made this applicant's, so the reviewer sees a realistic application.
    const example = cases.find((c) => c.form === (p.direction === 'general-equipment' ? 'platform' : 'mode-application') && c.expect.length === 0)!.answers;
    const scale = p.total / Number(example.investmentTotal);
    const answers = {
      ...example,
      companyName: applicant.name,
      organisationCode: applicant.credit_code?.slice(8, 17) ?? example.organisationCode,
      projectName: p.projectName,
      direction: p.direction,
      contactName: p.contact,
      contactMobile: p.mobile,
      investmentTotal: p.total,
      investAutomation: Math.round(Number(example.investAutomation) * scale * 100) / 100,
      investIt: Math.round(Number(example.investIt) * scale * 100) / 100,
      investDevelopment: Math.round(Number(example.investDevelopment) * scale * 100) / 100,
      investOther: 0,
    };
    answers.investOther = Math.round((p.total - answers.investAutomation - answers.investIt - answers.investDevelopment) * 100) / 100;
    const number = `HIPT2023-${String(90001 + i)}`;
    const { rows } = await database.pool.query(
      `INSERT INTO applications (call_id, pack_version, form_id, channel_id, applicant_organisation_id, recommender_organisation_id, status, answers, project_name, direction_id, created_by, number, submitted_at)
       VALUES ($1, 1, $2, 'city', $3, $4, 'submitted', $5, $6, $7, gen_random_uuid(), $8, now()) RETURNING id`,
      [callId, p.direction === 'general-equipment' ? 'platform' : 'mode-application', applicant.id, sjz.id, JSON.stringify(answers), p.projectName, p.direction, number],
    );
    await database.pool.query(
      `INSERT INTO application_submissions (application_id, seq, snapshot, sha256, idempotency_key, submitted_by, submitted_at) VALUES ($1, 1, $2, $3, $4, gen_random_uuid(), now())`,
      [rows[0].id, JSON.stringify({ answers }), 'a'.repeat(64), randomUUID()],
    );
    applications.push({ id: rows[0].id as string, projectName: p.projectName, number });
  }
  return { callId, applications };
}
