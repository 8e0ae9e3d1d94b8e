import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildUser, getTestApp, signIn, uniqueSuffix, type BuiltOrganisation, type Session, type TestApp } from '../../testing/app.ts';
import { buildOpenCall } from '../../testing/calls.ts';

let t: TestApp;
let province: BuiltOrganisation;
let city: BuiltOrganisation;
let otherCity: BuiltOrganisation;
let reviewer: Session;
let otherReviewer: Session;
let officer: Session;

const day = 86_400_000;
const openSchedule = () => ({
  application: { opens: new Date(Date.now() - 2 * day).toISOString(), closes: new Date(Date.now() + 10 * day).toISOString() },
  recommendation: { closes: new Date(Date.now() + 20 * day).toISOString() },
  provincial_recommendation: { closes: new Date(Date.now() + 25 * day).toISOString() },
});

/** A submitted application written directly (the applicant side is tested in the applications module). */
async function submitted(callId: string, opts: { recommender: BuiltOrganisation; formId?: string; channelId?: string; directionId?: string; projectName?: string; enterprise?: BuiltOrganisation; answers?: Record<string, unknown> }) {
  const enterprise = opts.enterprise ?? (await buildOrganisation(t.database, { kind: 'enterprise', parent: opts.recommender, name: `测试企业${uniqueSuffix()}有限公司` }));
  const projectName = opts.projectName ?? `测试项目${uniqueSuffix()}`;
  const answers = { projectName, companyName: enterprise.name, investmentTotal: 600, contactName: '李明', contactMobile: '13800000000', ...(opts.answers ?? {}) };
  const { rows } = await t.database.pool.query(
    `INSERT INTO applications (call_id, pack_version, form_id, channel_id, applicant_organisation_id, recommender_organisation_id, status, answers, project_name, direction_id, created_by, number, submitted_at)
     VALUES ($1, 1, $9, $2, $3, $4, 'submitted', $5, $6, $7, gen_random_uuid(), $8, now()) RETURNING id, number`,
    [callId, opts.channelId ?? 'city', enterprise.id, opts.recommender.id, JSON.stringify(answers), projectName, opts.directionId ?? 'smart-manufacturing', `T${uniqueSuffix()}`, opts.formId ?? (callId.startsWith('miit') ? 'application' : 'mode-application')],
  );
  await t.database.pool.query(
    `INSERT INTO application_submissions (application_id, seq, snapshot, sha256, idempotency_key, submitted_by, submitted_at) VALUES ($1, 1, $2, $3, $4, gen_random_uuid(), now())`,
    [rows[0].id, JSON.stringify({ answers }), 'f'.repeat(64), uniqueSuffix()],
  );
  return rows[0].id as string;
}

const allChecked = { 'materials-complete': true, 'seals-present': true, 'authenticity-confirmed': true };
const decide = (session: Session, id: string, decision: 'passed' | 'rejected', opinion = '符合推荐条件') =>
  session.request({ method: 'POST', url: `/api/applications/${id}/review`, payload: { decision, opinion, checklist: decision === 'passed' ? allChecked : {} } });
const myRecommendation = async (session: Session, callId: string, channelId = 'city') =>
  (await session.request({ method: 'GET', url: `/api/recommendations?callId=${callId}` })).json().items.find((r: { channelId: string }) => r.channelId === channelId);

beforeAll(async () => {
  t = await getTestApp();
  province = await buildOrganisation(t.database, { kind: 'provincial_department', divisionCode: '130000' });
  city = await buildOrganisation(t.database, { kind: 'city_bureau', parent: province });
  otherCity = await buildOrganisation(t.database, { kind: 'city_bureau', parent: province, divisionCode: '130200' });
  reviewer = await signIn(t.app, (await buildUser(t.database, city, ['recommender_reviewer'])).username);
  otherReviewer = await signIn(t.app, (await buildUser(t.database, otherCity, ['recommender_reviewer'])).username);
  officer = await signIn(t.app, (await buildUser(t.database, province, ['program_officer'])).username);
});
afterAll(() => t.close());

describe('推荐：审核、排序、限额、出具', () => {
  it('reviews three applications (return, reject, pass), ranks, issues with a signature, and the set is frozen', async () => {
    const callId = await buildOpenCall(t.database, 'hebei-2023-innovation-pilot', { issuer: province, schedule: openSchedule() });
    const [a, b, c] = [await submitted(callId, { recommender: city }), await submitted(callId, { recommender: city }), await submitted(callId, { recommender: city })];
    const inbox = (await reviewer.request({ method: 'GET', url: `/api/review/inbox?callId=${callId}` })).json();
    expect(inbox.items.map((i: { application: { id: string } }) => i.application.id).sort()).toEqual([a, b, c].sort());
    expect(inbox.checklist.map((x: { label: string }) => x.label)).toEqual(['申报材料齐全', '盖章页齐全', '已核实材料真实性']);
    // Another city sees none of them and cannot act on them.
    expect((await otherReviewer.request({ method: 'GET', url: `/api/review/inbox?callId=${callId}` })).json().items).toEqual([]);
    expect((await decide(otherReviewer, a!, 'passed')).statusCode).toBe(404);

    expect((await reviewer.request({ method: 'POST', url: `/api/applications/${a}/return`, payload: { opinion: '请补充佐证材料', fields: ['/achievementEvidence'] } })).statusCode).toBe(200);
    const noReason = await decide(reviewer, b!, 'rejected', '');
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields[0].path).toBe('/body/opinion');
    expect((await decide(reviewer, b!, 'rejected', '不符合申报条件：项目未列入重点培育名单')).statusCode).toBe(200);
    const unchecked = await reviewer.request({ method: 'POST', url: `/api/applications/${c}/review`, payload: { decision: 'passed', opinion: '', checklist: { 'materials-complete': true } } });
    expect(unchecked.statusCode).toBe(400);
    expect(unchecked.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['/body/checklist/seals-present', '/body/checklist/authenticity-confirmed']);
    expect((await decide(reviewer, c!, 'passed')).statusCode).toBe(200);

    const rec = await myRecommendation(reviewer, callId);
    expect(rec.items.map((i: { application: { id: string } }) => i.application.id)).toEqual([c]);
    const issued = await reviewer.request({ method: 'POST', url: `/api/recommendations/${rec.id}/issue`, payload: { opinion: '经审核，同意推荐。', signerName: '张处长', version: rec.version } });
    expect(issued.statusCode, issued.body).toBe(200);
    expect(issued.json()).toMatchObject({ status: 'issued', signerName: '张处长', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const statuses = await t.database.pool.query('SELECT id, status FROM applications WHERE id = ANY($1::uuid[])', [[a, b, c]]);
    expect(Object.fromEntries(statuses.rows.map((r) => [r.id, r.status]))).toEqual({ [a!]: 'returned', [b!]: 'rejected', [c!]: 'recommended' });
    // Frozen: no more decisions or reordering; reopening needs the owner.
    expect((await decide(reviewer, b!, 'passed')).statusCode).toBe(409);
    expect((await reviewer.request({ method: 'POST', url: `/api/recommendations/${rec.id}/reopen`, payload: { reason: '想调整' } })).statusCode).toBe(403);
    const reopened = await officer.request({ method: 'POST', url: `/api/recommendations/${rec.id}/reopen`, payload: { reason: '市局申请补充推荐一个项目' } });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json().status).toBe('draft');
    expect((await t.database.pool.query('SELECT status FROM applications WHERE id = $1', [c])).rows[0].status).toBe('passed');
    const audit = await t.database.pool.query(`SELECT action FROM audit_events WHERE resource_id = $1 ORDER BY id`, [rec.id]);
    expect(audit.rows.map((r) => r.action)).toEqual(['recommendation.issue', 'recommendation.reopen']);
  });

  it('refuses to issue over a quota, naming it; at the limit it passes (001: 1 双跨 per city)', async () => {
    const callId = await buildOpenCall(t.database, 'hebei-2022-platform-cultivation', { issuer: province, schedule: openSchedule() });
    const cross1 = await submitted(callId, { recommender: city, directionId: 'cross-industry' });
    const cross2 = await submitted(callId, { recommender: city, directionId: 'cross-industry' });
    for (const id of [cross1, cross2]) expect((await decide(reviewer, id, 'passed')).statusCode).toBe(200);
    let rec = await myRecommendation(reviewer, callId);
    expect(rec.quotas.find((q: { id: string }) => q.id === 'city-cross-industry')).toMatchObject({ used: 2, limit: 1, exceeded: true });
    const over = await reviewer.request({ method: 'POST', url: `/api/recommendations/${rec.id}/issue`, payload: { opinion: '同意推荐', signerName: '张处长', version: rec.version } });
    expect(over.statusCode).toBe(422);
    expect(over.json().error.message).toBe('超出限额：「每市推荐跨行业跨领域工业互联网平台不超过1个」已排序2个，限额1个');
    expect((await t.database.pool.query('SELECT status FROM recommendations WHERE id = $1', [rec.id])).rows[0].status).toBe('draft');
    expect((await decide(reviewer, cross2, 'rejected', '同类型超出名额，按优先顺序不予推荐')).statusCode).toBe(200);
    rec = await myRecommendation(reviewer, callId);
    const ok = await reviewer.request({ method: 'POST', url: `/api/recommendations/${rec.id}/issue`, payload: { opinion: '同意推荐', signerName: '张处长', version: rec.version } });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('keeps a consistent order under two concurrent reviewers: one wins, no duplicates, no gaps', async () => {
    const callId = await buildOpenCall(t.database, 'hebei-2023-innovation-pilot', { issuer: province, schedule: openSchedule() });
    const ids = [];
    for (let i = 0; i < 4; i++) ids.push(await submitted(callId, { recommender: city }));
    for (const id of ids) await decide(reviewer, id, 'passed');
    const second = await signIn(t.app, (await buildUser(t.database, city, ['recommender_reviewer'])).username);
    const rec = await myRecommendation(reviewer, callId);
    const [r1, r2] = await Promise.all([
      reviewer.request({ method: 'PUT', url: `/api/recommendations/${rec.id}/ranking`, payload: { order: [...ids].reverse(), version: rec.version } }),
      second.request({ method: 'PUT', url: `/api/recommendations/${rec.id}/ranking`, payload: { order: [ids[1], ids[0], ids[3], ids[2]], version: rec.version } }),
    ]);
    expect([r1.statusCode, r2.statusCode].sort()).toEqual([200, 409]);
    const ranks = (await t.database.pool.query('SELECT application_id, rank FROM recommendation_items WHERE recommendation_id = $1 ORDER BY rank', [rec.id])).rows;
    expect(ranks.map((r) => r.rank)).toEqual([1, 2, 3, 4]);
    expect(new Set(ranks.map((r) => r.application_id)).size).toBe(4);
    const winner = r1.statusCode === 200 ? [...ids].reverse() : [ids[1], ids[0], ids[3], ids[2]];
    expect(ranks.map((r) => r.application_id)).toEqual(winner);
    const partial = await reviewer.request({ method: 'PUT', url: `/api/recommendations/${rec.id}/ranking`, payload: { order: ids.slice(0, 3), version: rec.version + 1 } });
    expect(partial.statusCode).toBe(400);
  });

  it('generates the summary table with the notice columns and groups, in priority order', async () => {
    const callId = await buildOpenCall(t.database, 'hebei-2023-innovation-pilot', { issuer: province, schedule: openSchedule() });
    const first = await submitted(callId, { recommender: city, projectName: '优先的项目', directionId: 'smart-manufacturing' });
    const second = await submitted(callId, { recommender: city, projectName: '平台项目', directionId: 'steel', answers: { investmentTotal: 900.5 } });
    for (const id of [first, second]) await decide(reviewer, id, 'passed');
    const rec = await myRecommendation(reviewer, callId);
    const res = await reviewer.request({ method: 'GET', url: `/api/recommendations/${rec.id}/summary.xlsx` });
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell(1, 1).value).toBe('河北省工业互联网创新发展试点项目推荐表');
    expect(sheet.getRow(3).values).toEqual([undefined, '序号', '项目名称', '企业名称', '申报方向', '项目投资额（万元）', '联系人', '联系方式']);
    expect(sheet.getCell(4, 1).value).toBe('一、模式应用类');
    expect(sheet.getRow(5).values).toEqual([undefined, 1, '优先的项目', expect.stringMatching(/^测试企业/), '智能化制造', 600, '李明', '13800000000']);
    expect(sheet.getCell(6, 1).value).toBe('二、行业/区域级平台类');
    expect((sheet.getRow(7).values as unknown[])[2]).toBe('平台项目');

    // The same table as PDF: title, header line, groups and rows in the same order.
    const pdf = await reviewer.request({ method: 'GET', url: `/api/recommendations/${rec.id}/summary.pdf` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'summary-')), 'summary.pdf');
    await fs.writeFile(file, pdf.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8').replace(/\s+/g, '');
    expect(text).toContain('河北省工业互联网创新发展试点项目推荐表');
    expect(text).toContain('推荐单位（市局签章）：');
    const order = ['一、模式应用类', '优先的项目', '600.00', '二、行业/区域级平台类', '平台项目', '900.50'].map((s) => text.indexOf(s));
    expect(order.every((p, i) => p >= 0 && (i === 0 || p > order[i - 1]!))).toBe(true);
  });

  it('guards against the same project recommended through two channels (004), naming the holder', async () => {
    const gd = await buildOrganisation(t.database, { kind: 'provincial_department', divisionCode: '440000' });
    const gdCity = await buildOrganisation(t.database, { kind: 'city_bureau', parent: gd, divisionCode: '440100', regionClass: 'pearl_river_delta' });
    const ca = await buildOrganisation(t.database, { kind: 'communications_administration', divisionCode: '440000' });
    const cityReviewer = await signIn(t.app, (await buildUser(t.database, gdCity, ['recommender_reviewer'])).username);
    const caReviewer = await signIn(t.app, (await buildUser(t.database, ca, ['recommender_reviewer'])).username);
    const callId = await buildOpenCall(t.database, 'miit-2023-pilot-demo', { issuer: gd, schedule: openSchedule() });
    const enterprise = await buildOrganisation(t.database, { kind: 'enterprise', parent: gdCity, divisionCode: '440100', name: `广州双渠道${uniqueSuffix()}有限公司` });
    const viaCa = await submitted(callId, { recommender: ca, channelId: 'gd-ca', enterprise, projectName: '5G全连接工厂建设项目', directionId: 'network' });
    const viaCity = await submitted(callId, { recommender: gdCity, channelId: 'gd-industry', enterprise, projectName: '5G全连接工厂建设项目（二期）', directionId: 'factory' });
    expect((await decide(caReviewer, viaCa, 'passed')).statusCode).toBe(200);
    const caRec = await myRecommendation(caReviewer, callId, 'gd-ca');
    expect((await caReviewer.request({ method: 'POST', url: `/api/recommendations/${caRec.id}/issue`, payload: { opinion: '同意推荐', signerName: '王局长', version: caRec.version } })).statusCode).toBe(200);
    expect((await decide(cityReviewer, viaCity, 'passed')).statusCode).toBe(200);
    const inbox = (await cityReviewer.request({ method: 'GET', url: `/api/review/inbox?callId=${callId}` })).json();
    expect(inbox.items[0].duplicates[0]).toContain('已列入');
    const cityRec = await myRecommendation(cityReviewer, callId, 'gd-industry');
    const refused = await cityReviewer.request({ method: 'POST', url: `/api/recommendations/${cityRec.id}/issue`, payload: { opinion: '同意推荐', signerName: '陈处长', version: cityRec.version } });
    expect(refused.statusCode).toBe(409);
    const number = (await t.database.pool.query('SELECT number FROM applications WHERE id = $1', [viaCa])).rows[0].number;
    expect(refused.json().error.message).toBe(`同一申报单位的相似项目「5G全连接工厂建设项目」（${number}）已列入${ca.name}的推荐（广东省通信管理局推荐（工厂类、网络类、安全类），已出具），同一项目不得重复推荐`);
  });

  it('runs the province round: the province reviews its cities\' recommended projects and ranks its own (004)', async () => {
    const gd = await buildOrganisation(t.database, { kind: 'provincial_department', divisionCode: '440000' });
    const gdCity = await buildOrganisation(t.database, { kind: 'city_bureau', parent: gd, divisionCode: '440600', regionClass: 'pearl_river_delta' });
    const cityReviewer = await signIn(t.app, (await buildUser(t.database, gdCity, ['recommender_reviewer'])).username);
    const provinceReviewer = await signIn(t.app, (await buildUser(t.database, gd, ['recommender_reviewer'])).username);
    const callId = await buildOpenCall(t.database, 'miit-2023-pilot-demo', { issuer: gd, schedule: openSchedule() });
    const ids = [await submitted(callId, { recommender: gdCity, channelId: 'gd-industry', directionId: 'factory' }), await submitted(callId, { recommender: gdCity, channelId: 'gd-industry', directionId: 'park' })];
    for (const id of ids) await decide(cityReviewer, id, 'passed');
    // Before the city issues, the province sees nothing.
    expect((await provinceReviewer.request({ method: 'GET', url: `/api/review/inbox?callId=${callId}` })).json().items).toEqual([]);
    const cityRec = await myRecommendation(cityReviewer, callId, 'gd-industry');
    expect((await cityReviewer.request({ method: 'POST', url: `/api/recommendations/${cityRec.id}/issue`, payload: { opinion: '同意推荐', signerName: '陈处长', version: cityRec.version } })).statusCode).toBe(200);
    const provinceList = (await provinceReviewer.request({ method: 'GET', url: `/api/applications?callId=${callId}` })).json().items.map((a: { id: string }) => a.id);
    expect(provinceList.sort()).toEqual([...ids].sort());
    const provinceInbox = (await provinceReviewer.request({ method: 'GET', url: `/api/review/inbox?callId=${callId}` })).json();
    expect(provinceInbox.items.map((i: { application: { id: string } }) => i.application.id).sort()).toEqual([...ids].sort());
    expect((await decide(provinceReviewer, ids[0]!, 'passed', '择优推荐')).statusCode).toBe(200);
    expect((await decide(provinceReviewer, ids[1]!, 'rejected', '同类项目择优，未列入省级推荐')).statusCode).toBe(200);
    const told = await t.database.pool.query(`SELECT title FROM notifications WHERE data->>'applicationId' = $1 ORDER BY created_at DESC LIMIT 1`, [ids[1]]);
    expect(told.rows[0].title).toBe('项目未列入省级推荐');
    const provinceRec = await myRecommendation(provinceReviewer, callId, 'gd-industry');
    expect(provinceRec.items.map((i: { application: { id: string } }) => i.application.id)).toEqual([ids[0]]);
    expect(provinceRec.quotas.map((q: { id: string }) => q.id)).toEqual(['province-industry']);
    const issued = await provinceReviewer.request({ method: 'POST', url: `/api/recommendations/${provinceRec.id}/issue`, payload: { opinion: '同意推荐至工业和信息化部', signerName: '李副厅长', version: provinceRec.version } });
    expect(issued.statusCode, issued.body).toBe(200);
    // The call's owner sees the issued recommendations of every channel side by side.
    const ownerView = await signIn(t.app, (await buildUser(t.database, gd, ['program_officer'])).username);
    const all = (await ownerView.request({ method: 'GET', url: `/api/recommendations?callId=${callId}` })).json().items;
    expect(all.map((r: { recommenderName: string }) => r.recommenderName).sort()).toEqual([gd.name, gdCity.name].sort());
  });
});
