import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildUser, getTestApp, signIn, type BuiltOrganisation, type Session, type TestApp } from '../../testing/app.ts';
import { buildOpenCall } from '../../testing/calls.ts';
import { cases } from '../../../../../programs/hebei-2023-innovation-pilot/cases.ts';

/**
 * The printed application through the API: a submitted application's PDF and Word carry its number and snapshot
 * hash, a draft prints as 草稿, nobody outside the application's reach gets it, and anyone can check a printed copy.
 */

let t: TestApp;
let enterprise: BuiltOrganisation;
let admin: Session;
let reviewer: Session;
let stranger: Session;
let callId: string;
let submittedId: string;
let submitted: { number: string; seq: number; sha256: string; submittedAt: string };
let draftId: string;

const valid = cases.find((c) => c.form === 'mode-application' && c.expect.length === 0)!.answers;
const PROJECT = '基于工业互联网的铸造车间数字化改造项目';
const SECTIONS: Record<string, string[]> = {
  basic: ['companyName', 'projectName', 'projectPeriod', 'legalRepresentative', 'ownership', 'organisationCode', 'employeeCount', 'itDepartmentName', 'itDepartmentSize'],
  contact: ['contactName', 'contactMobile', 'contactDepartment', 'contactTitle', 'contactFax', 'contactEmail'],
  direction: ['direction'],
  achievements: ['twoIntegration', 'itInnovationAward', 'nationalPilot', 'provincialPilot', 'specialisedSme', 'epidemicSupplier'],
  content: ['constructionContent', 'benefits', 'innovation'],
  investment: ['investmentTotal', 'investAutomation', 'investIt', 'investDevelopment', 'investOther', 'receivedProvincialFunds'],
};

async function save(id: string, section: string, answers: Record<string, unknown>) {
  const detail = (await admin.request({ method: 'GET', url: `/api/applications/${id}` })).json();
  const res = await admin.request({ method: 'PUT', url: `/api/applications/${id}/sections/${section}`, payload: { answers, baseVersion: detail.sectionVersions[section] ?? 0 } });
  expect(res.statusCode, res.body).toBe(200);
}

async function createFilled(projectName: string): Promise<string> {
  const res = await admin.request({ method: 'POST', url: '/api/applications', payload: { callId, formId: 'mode-application' } });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().application.id as string;
  const creditCode = (await t.database.pool.query('SELECT credit_code FROM organisations WHERE id = $1', [enterprise.id])).rows[0].credit_code as string;
  // without achievements, so no achievement evidence is due
  const answers: Record<string, unknown> = { ...valid, companyName: enterprise.name, projectName, organisationCode: creditCode.slice(8, 17), twoIntegration: { value: false }, specialisedSme: { value: false } };
  for (const [section, fields] of Object.entries(SECTIONS)) await save(id, section, Object.fromEntries(fields.map((f) => [f, answers[f]])));
  // the sealed scan (盖章扫描件), a stored file of this application
  const sha = 'd'.repeat(64);
  await t.database.pool.query(`INSERT INTO blobs (sha256, size, mime) VALUES ($1, 204800, 'application/pdf') ON CONFLICT DO NOTHING`, [sha]);
  const file = await t.database.pool.query(
    `INSERT INTO application_files (application_id, field_id, name, sha256, size, mime, uploaded_by) SELECT $1, 'sealedApplication', '盖章申报表扫描件.pdf', $2, 204800, 'application/pdf', created_by FROM applications WHERE id = $1 RETURNING id`,
    [id, sha],
  );
  await save(id, 'attachments', { sealedApplication: [{ fileId: file.rows[0].id }] });
  return id;
}

function pdfText(body: Buffer): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'doc-api-')), 'a.pdf');
  fs.writeFileSync(file, body);
  return execFileSync('pdftotext', ['-raw', file, '-']).toString('utf8');
}

function docxXml(body: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doc-api-'));
  fs.writeFileSync(path.join(dir, 'a.docx'), body);
  return execFileSync('unzip', ['-p', path.join(dir, 'a.docx'), 'word/document.xml', 'word/footer1.xml', 'word/footer2.xml']).toString('utf8');
}

/** Text of WordprocessingML: the runs' text joined. */
const xmlText = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

beforeAll(async () => {
  t = await getTestApp();
  const province = await buildOrganisation(t.database, { kind: 'provincial_department', divisionCode: '130000' });
  const city = await buildOrganisation(t.database, { kind: 'city_bureau', parent: province, name: '石家庄市工业和信息化局（测试）' });
  enterprise = await buildOrganisation(t.database, { kind: 'enterprise', parent: city, name: '石家庄铸造装备科技有限公司' });
  const otherEnterprise = await buildOrganisation(t.database, { kind: 'enterprise', parent: city });
  const cultivation = [PROJECT, '草稿项目'].map((projectName) => ({ year: '2022', city: '石家庄市', companyName: enterprise.name, projectName }));
  callId = await buildOpenCall(t.database, 'hebei-2023-innovation-pilot', { issuer: province, lists: { cultivation } });
  admin = await signIn(t.app, (await buildUser(t.database, enterprise, ['applicant_admin'])).username);
  reviewer = await signIn(t.app, (await buildUser(t.database, city, ['recommender_reviewer'])).username);
  stranger = await signIn(t.app, (await buildUser(t.database, otherEnterprise, ['applicant_admin'])).username);

  submittedId = await createFilled(PROJECT);
  const res = await admin.request({ method: 'POST', url: `/api/applications/${submittedId}/submit`, payload: { idempotencyKey: randomUUID(), commitmentAccepted: true } });
  expect(res.statusCode, res.body).toBe(200);
  submitted = res.json();
  draftId = await createFilled('草稿项目');
});
afterAll(() => t.close());

describe('申报书下载', () => {
  it('gives the applicant the PDF of its submitted application: cover, answers, commitment, footer hash', async () => {
    const res = await admin.request({ method: 'GET', url: `/api/applications/${submittedId}/document.pdf` });
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain(`${submitted.number}-${PROJECT}.pdf`);
    expect(res.headers['x-snapshot-sha256']).toBe(submitted.sha256);
    const text = pdfText(res.rawPayload);
    const flat = text.replace(/\s+/g, '');
    expect(flat).toContain('河北省工业互联网创新发展试点项目申报表（模式应用类）');
    expect(flat).toContain(PROJECT);
    expect(flat).toContain(enterprise.name);
    expect(flat).toContain('石家庄市工业和信息化局（测试）');
    expect(flat).toContain(`申报编号：${submitted.number}`);
    expect(text.split(submitted.sha256).length - 1).toBeGreaterThanOrEqual(3); // on every page's footer
    expect(flat).toContain(String(valid.constructionContent).replace(/\s+/g, ''));
    expect(flat).toContain('盖章申报表扫描件.pdf');
    expect(flat).toContain('d'.repeat(64));
    expect(text).not.toContain('草稿');
  });

  it('gives the recommender the same document, in Word too', async () => {
    const pdf = await reviewer.request({ method: 'GET', url: `/api/applications/${submittedId}/document.pdf` });
    expect(pdf.statusCode).toBe(200);
    const docx = await reviewer.request({ method: 'GET', url: `/api/applications/${submittedId}/document.docx` });
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    const xml = docxXml(docx.rawPayload);
    const text = xmlText(xml);
    expect(text).toContain(PROJECT);
    expect(text).toContain(submitted.sha256);
    expect(text).toContain(`申报编号：${submitted.number}`);
    expect(xml).toContain('w:eastAsia="宋体"');
  });

  it('prints a draft as 草稿, without a hash, for the applicant only', async () => {
    const res = await admin.request({ method: 'GET', url: `/api/applications/${draftId}/document.pdf` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-snapshot-sha256']).toBe('');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('草稿-');
    const text = pdfText(res.rawPayload);
    expect(text).toContain('草稿');
    expect(text).not.toMatch(/SHA-256）：/);
    // authorities do not see drafts; another applicant sees nothing of this one
    expect((await reviewer.request({ method: 'GET', url: `/api/applications/${draftId}/document.pdf` })).statusCode).toBe(404);
    expect((await stranger.request({ method: 'GET', url: `/api/applications/${submittedId}/document.pdf` })).statusCode).toBe(404);
    expect((await stranger.request({ method: 'GET', url: `/api/applications/${submittedId}/document.docx` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/applications/${submittedId}/document.pdf` })).statusCode).toBe(401);
  });
});

describe('申报材料核验', () => {
  const verify = (query: string) => t.app.inject({ method: 'GET', url: `/api/verify?${query}` });

  it('confirms a printed copy whose number and hash belong to the submitted snapshot, without content', async () => {
    const res = await verify(`number=${encodeURIComponent(submitted.number)}&sha256=${submitted.sha256.toUpperCase()}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ match: true, callTitle: expect.stringContaining('河北省工业互联网创新发展试点项目'), submittedAt: submitted.submittedAt, seq: 1, latest: true });
    expect(res.body).not.toContain(PROJECT);
    expect(res.body).not.toContain(enterprise.name);
  });

  it('says no for a changed hash, and gives an unknown number the same answer', async () => {
    const wrong = submitted.sha256.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    const mismatch = await verify(`number=${submitted.number}&sha256=${wrong}`);
    expect(mismatch.statusCode).toBe(200);
    expect(mismatch.json()).toEqual({ match: false, callTitle: null, submittedAt: null, seq: null, latest: null });
    const unknown = await verify(`number=NOPE2023-99999&sha256=${submitted.sha256}`);
    expect(unknown.statusCode).toBe(200);
    expect(unknown.json()).toEqual(mismatch.json());
  });

  it('still confirms an older copy after a revision, saying it is no longer the latest; the PDF prints the new one', async () => {
    // returned for revision, revised and submitted again: a second snapshot with its own hash
    const returned = await reviewer.request({ method: 'POST', url: `/api/applications/${submittedId}/return`, payload: { opinion: '请补充项目效益测算依据。' } });
    expect(returned.statusCode, returned.body).toBe(200);
    const whileReturned = await admin.request({ method: 'GET', url: `/api/applications/${submittedId}/document.pdf` });
    expect(pdfText(whileReturned.rawPayload)).toContain('草稿');
    await save(submittedId, 'content', { constructionContent: `${String(valid.constructionContent)}（已补充效益测算依据）`, benefits: valid.benefits, innovation: valid.innovation });
    const again = await admin.request({ method: 'POST', url: `/api/applications/${submittedId}/submit`, payload: { idempotencyKey: randomUUID(), commitmentAccepted: true } });
    expect(again.statusCode, again.body).toBe(200);
    const second = again.json() as typeof submitted;
    expect(second).toMatchObject({ number: submitted.number, seq: 2 });
    expect(second.sha256).not.toBe(submitted.sha256);

    const old = (await verify(`number=${submitted.number}&sha256=${submitted.sha256}`)).json();
    expect(old).toMatchObject({ match: true, seq: 1, latest: false });
    const current = (await verify(`number=${submitted.number}&sha256=${second.sha256}`)).json();
    expect(current).toMatchObject({ match: true, seq: 2, latest: true, submittedAt: second.submittedAt });

    const pdf = await reviewer.request({ method: 'GET', url: `/api/applications/${submittedId}/document.pdf` });
    expect(pdf.headers['x-snapshot-sha256']).toBe(second.sha256);
    const text = pdfText(pdf.rawPayload);
    expect(text.replace(/\s+/g, '')).toContain('（第2次提交）');
    expect(text.replace(/\s+/g, '')).toContain('（已补充效益测算依据）');
  });

  it('refuses malformed input with the field and a Chinese message', async () => {
    const badHash = await verify(`number=${submitted.number}&sha256=abc`);
    expect(badHash.statusCode).toBe(400);
    expect(badHash.json().error.fields).toEqual([{ path: '/query/sha256', message: expect.stringContaining('64 位十六进制') }]);
    const badNumber = await verify(`number=${encodeURIComponent('<script>')}&sha256=${submitted.sha256}`);
    expect(badNumber.statusCode).toBe(400);
    expect(badNumber.json().error.fields[0].path).toBe('/query/number');
    const missing = await verify(`number=${submitted.number}`);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
  });
});
