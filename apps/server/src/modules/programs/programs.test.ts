import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoadedPack } from '@shenbao/contracts';
import { REPO_ROOT } from '../../platform/config.ts';
import { buildOrganisation, buildUser, getTestApp, signIn, uniqueSuffix, type BuiltOrganisation, type Session, type TestApp } from '../../testing/app.ts';
import { loadPack } from './loader.ts';
import { syncPacks } from './service.ts';
import { cases } from '../../../../../programs/hebei-2023-innovation-pilot/cases.ts';

let t: TestApp;
let pack: LoadedPack;
let callId: string;
let province: BuiltOrganisation;
let enterprise: BuiltOrganisation;
let officer: Session;
let applicant: Session;

/** A copy of pack 000 under its own id, so this file's call is not shared with other test files. */
function copyOf(base: LoadedPack, id: string, change: (p: LoadedPack) => void = () => {}): LoadedPack {
  const copy = structuredClone(base);
  copy.program.id = id;
  change(copy);
  copy.hash = `${base.hash}-${JSON.stringify(copy.program).length}-${copy.program.title}`;
  return copy;
}

async function xlsx(rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('名单');
  rows.forEach((r) => sheet.addRow(r));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const putList = (session: Session, body: Buffer, list = 'cultivation') =>
  session.request({
    method: 'PUT',
    url: `/api/calls/${callId}/lists/${list}`,
    payload: body,
    headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'x-file-name': encodeURIComponent('重点培育名单.xlsx') },
  });

beforeAll(async () => {
  t = await getTestApp();
  pack = await loadPack(path.join(REPO_ROOT, 'programs/hebei-2023-innovation-pilot'));
  callId = `test-call-${uniqueSuffix()}`;
  await syncPacks(t.database.db, [copyOf(pack, callId)]);
  province = await buildOrganisation(t.database, { kind: 'provincial_department', divisionCode: '130000' });
  await t.database.pool.query('UPDATE calls SET issuer_organisation_id = $1 WHERE id = $2', [province.id, callId]);
  const city = await buildOrganisation(t.database, { kind: 'city_bureau', parent: province });
  enterprise = await buildOrganisation(t.database, { kind: 'enterprise', parent: city, name: '石家庄智造云科技有限公司' });
  officer = await signIn(t.app, (await buildUser(t.database, province, ['program_officer'])).username);
  applicant = await signIn(t.app, (await buildUser(t.database, enterprise, ['applicant_admin'])).username);
});
afterAll(() => t.close());

describe('申报通知（配置包）', () => {
  it('keeps one version per distinct pack content and records each load in the audit log', async () => {
    const id = `test-versions-${uniqueSuffix()}`;
    const first = copyOf(pack, id);
    expect(await syncPacks(t.database.db, [first])).toEqual({ created: [id], updated: [] });
    expect(await syncPacks(t.database.db, [first])).toEqual({ created: [], updated: [] });
    const changed = copyOf(pack, id, (p) => (p.program.title = '修订后的标题'));
    expect(await syncPacks(t.database.db, [changed])).toEqual({ created: [], updated: [id] });
    const versions = await t.database.pool.query('SELECT version FROM call_pack_versions WHERE call_id = $1 ORDER BY version', [id]);
    expect(versions.rows.map((r) => r.version)).toEqual([1, 2]);
    const call = await t.app.inject({ method: 'GET', url: `/api/calls/${id}` });
    expect(call.json().call).toMatchObject({ title: '修订后的标题', version: 2 });
    const events = await t.database.pool.query(`SELECT action FROM audit_events WHERE resource_id = $1 ORDER BY id`, [id]);
    expect(events.rows.map((r) => r.action)).toEqual(['call.pack_loaded', 'call.pack_updated']);
  });

  it('lists calls publicly with issuer, document number, stages and deadlines', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/calls' });
    expect(res.statusCode).toBe(200);
    const call = res.json().items.find((c: { id: string }) => c.id === callId);
    expect(call).toMatchObject({
      documentNumber: '冀工信软件函〔2023〕206号',
      issuerName: '河北省工业和信息化厅',
      categories: ['模式应用类', '行业/区域级平台类'],
      directionCount: 29,
      currentStage: null, // the 2023 round is over by the server's clock
      nextDeadline: null,
    });
    expect(call.stages.find((s: { id: string }) => s.id === 'recommendation').closes).toBe('2023-05-20T23:59:59+08:00');
    expect(call.forms.map((f: { id: string }) => f.id)).toEqual(['mode-application', 'platform', 'investment-ledger']);
  });

  it('serves the whole pack structure of a call', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/calls/${callId}` });
    expect(res.statusCode).toBe(200);
    const form = res.json().forms.find((f: { id: string }) => f.id === 'mode-application');
    expect(form.sections.map((s: { title: string }) => s.title)).toContain('企业成就');
    expect(res.json().program.summaryTable.columns.map((c: { header: string }) => c.header)).toEqual(['序号', '项目名称', '企业名称', '申报方向', '项目投资额（万元）', '联系人', '联系方式']);
    expect((await t.app.inject({ method: 'GET', url: '/api/calls/no-such-call' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/calls/BAD%20ID' })).statusCode).toBe(400);
  });

  it('imports the cultivation list from Excel; the name rule then reads it', async () => {
    const valid = cases[0]!;
    const creditCode = (await t.database.pool.query('SELECT credit_code FROM organisations WHERE id = $1', [enterprise.id])).rows[0].credit_code as string;
    const answers = { ...valid.answers, organisationCode: creditCode.slice(8, 17) };
    const check = () => applicant.request({ method: 'POST', url: `/api/calls/${callId}/forms/mode-application/check`, payload: { answers } });

    const before = await check();
    expect(before.statusCode).toBe(200);
    expect(before.json().violations).toEqual([
      { ruleId: 'project-on-cultivation-list', path: '/projectName', severity: 'error', message: '项目名称须与2021、2022、2023年河北省工业互联网创新发展重点培育项目名单中的名称一致' },
    ]);

    const file = await xlsx([
      ['年度', '所属市', '企业名称', '项目名称'],
      ['2022', '石家庄市', '石家庄智造云科技有限公司', '基于5G的装备制造智能工厂建设项目'],
      ['', '', '', ''],
      ['2023', '唐山市', '唐山某钢铁有限公司', '钢铁行业工业互联网平台'],
    ]);
    const imported = await putList(officer, file);
    expect(imported.statusCode).toBe(200);
    expect(imported.json()).toMatchObject({ id: 'cultivation', rowCount: 2, fileName: '重点培育名单.xlsx' });

    const after = await check();
    expect(after.json()).toMatchObject({ violations: [], errorCount: 0, warningCount: 0 });

    const rows = await officer.request({ method: 'GET', url: `/api/calls/${callId}/lists/cultivation` });
    expect(rows.json().rows[1]).toEqual({ year: '2023', city: '唐山市', companyName: '唐山某钢铁有限公司', projectName: '钢铁行业工业互联网平台' });
  });

  it('refuses a list without the required columns, or not an Excel file, and keeps the previous import', async () => {
    const before = (await officer.request({ method: 'GET', url: `/api/calls/${callId}/lists/cultivation` })).json().list.rowCount;
    const missing = await putList(officer, await xlsx([['年度', '企业名称'], ['2022', '某公司']]));
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.message).toBe('缺少列：所属市、项目名称');
    expect(missing.json().error.fields[0].path).toBe('/file');
    const garbage = await putList(officer, Buffer.from('not a spreadsheet'));
    expect(garbage.statusCode).toBe(400);
    expect(garbage.json().error.fields[0].message).toBe('不是有效的 .xlsx 文件');
    expect((await officer.request({ method: 'GET', url: `/api/calls/${callId}/lists/cultivation` })).json().list.rowCount).toBe(before);
  });

  it('lets only the issuing department import, and only authorities read', async () => {
    const otherProvince = await buildOrganisation(t.database, { kind: 'provincial_department', divisionCode: '430000' });
    const otherOfficer = await signIn(t.app, (await buildUser(t.database, otherProvince, ['program_officer'])).username);
    const file = await xlsx([['年度', '所属市', '企业名称', '项目名称'], ['2022', '长沙市', '某公司', '某项目']]);
    expect((await putList(otherOfficer, file)).statusCode).toBe(403);
    expect((await putList(applicant, file)).statusCode).toBe(403);
    expect((await applicant.request({ method: 'GET', url: `/api/calls/${callId}/lists/cultivation` })).statusCode).toBe(403);
  });

  it('gives a template workbook with the list columns', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/calls/${callId}/lists/cultivation/template` });
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]!.getRow(1).values).toEqual([undefined, '年度', '所属市', '企业名称', '项目名称']);
  });

  it('checks answers with the same findings as the pack cases, and refuses malformed input', async () => {
    const wrongSum = cases.find((c) => c.name === '分项之和不等于总投资')!;
    const res = await applicant.request({ method: 'POST', url: `/api/calls/${callId}/forms/mode-application/check`, payload: { answers: wrongSum.answers } });
    expect(res.json().violations).toContainEqual({ ruleId: 'investment-breakdown-sum', path: '/investmentTotal', severity: 'error', message: '自动化设备购置与改造、信息化软硬件购置、系统开发与服务、其他四项之和须等于总投资' });
    const bad = await applicant.request({ method: 'POST', url: `/api/calls/${callId}/forms/mode-application/check`, payload: { answer: {} } });
    expect(bad.statusCode).toBe(400);
    const noForm = await applicant.request({ method: 'POST', url: `/api/calls/${callId}/forms/nope/check`, payload: { answers: {} } });
    expect(noForm.statusCode).toBe(404);
  });
});
