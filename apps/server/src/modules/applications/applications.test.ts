import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drizzle } from 'drizzle-orm/node-postgres';
import { randomUUID } from 'node:crypto';
import * as schema from '../../platform/schema.ts';
import { buildOrganisation, buildUser, getTestApp, signIn, type BuiltOrganisation, type Session, type TestApp } from '../../testing/app.ts';
import { buildOpenCall } from '../../testing/calls.ts';
import { cases } from '../../../../../programs/hebei-2023-innovation-pilot/cases.ts';
import { snapshotHash } from './service.ts';

let t: TestApp;
let callId: string;
let province: BuiltOrganisation;
let city: BuiltOrganisation;
let enterprise: BuiltOrganisation;
let admin: Session;
let filler: Session;
let fillerId: string;
let reviewer: Session;
let creditCode: string;

const valid = cases[0]!.answers;
// Each test's project must be on the cultivation list and distinct: the pack refuses the same project twice.
const PROJECTS = Array.from({ length: 30 }, (_, i) => `测试培育项目${i + 1}号`);
let nextProject = 0;
const cultivation = PROJECTS.map((projectName) => ({ year: '2022', city: '石家庄市', companyName: '石家庄智造云科技有限公司', projectName }));
const SECTIONS: Record<string, string[]> = {
  basic: ['companyName', 'projectName', 'projectPeriod', 'legalRepresentative', 'ownership', 'organisationCode', 'employeeCount', 'itDepartmentName', 'itDepartmentSize'],
  contact: ['contactName', 'contactMobile', 'contactDepartment', 'contactTitle', 'contactFax', 'contactEmail'],
  direction: ['direction'],
  achievements: ['twoIntegration', 'itInnovationAward', 'nationalPilot', 'provincialPilot', 'specialisedSme', 'epidemicSupplier'],
  content: ['constructionContent', 'benefits', 'innovation'],
  investment: ['investmentTotal', 'investAutomation', 'investIt', 'investDevelopment', 'investOther', 'receivedProvincialFunds'],
};

async function createDraft(session: Session = admin, call = callId) {
  const res = await session.request({ method: 'POST', url: '/api/applications', payload: { callId: call, formId: 'mode-application', fillerIds: [fillerId] } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** Fill every section of the valid 1-1 application (no attachments: the 扫描件 is uploaded in the upload tests). */
async function fillValid(id: string, session: Session = admin, overrides: Record<string, unknown> = {}) {
  const answers = { ...valid, projectName: PROJECTS[nextProject++], organisationCode: creditCode.slice(8, 17), twoIntegration: { value: false }, specialisedSme: { value: false }, ...overrides };
  for (const [section, fields] of Object.entries(SECTIONS)) {
    const detail = (await session.request({ method: 'GET', url: `/api/applications/${id}` })).json();
    const res = await session.request({
      method: 'PUT',
      url: `/api/applications/${id}/sections/${section}`,
      payload: { answers: Object.fromEntries(fields.map((f) => [f, answers[f as keyof typeof answers]])), baseVersion: detail.sectionVersions[section] ?? 0 },
    });
    expect(res.statusCode, res.body).toBe(200);
  }
}

beforeAll(async () => {
  t = await getTestApp();
  province = await buildOrganisation(t.database, { kind: 'provincial_department', divisionCode: '130000' });
  city = await buildOrganisation(t.database, { kind: 'city_bureau', parent: province });
  enterprise = await buildOrganisation(t.database, { kind: 'enterprise', parent: city, name: '石家庄智造云科技有限公司' });
  creditCode = (await t.database.pool.query('SELECT credit_code FROM organisations WHERE id = $1', [enterprise.id])).rows[0].credit_code;
  callId = await buildOpenCall(t.database, 'hebei-2023-innovation-pilot', { issuer: province, lists: { cultivation } });
  admin = await signIn(t.app, (await buildUser(t.database, enterprise, ['applicant_admin'])).username);
  const fillerUser = await buildUser(t.database, enterprise, ['applicant_filler']);
  fillerId = fillerUser.id;
  filler = await signIn(t.app, fillerUser.username);
  reviewer = await signIn(t.app, (await buildUser(t.database, city, ['recommender_reviewer'])).username);
});
afterAll(() => t.close());

// The 扫描件 is required; these tests attach a real uploaded PDF record directly so they need no tus client.
async function attachPdf(id: string) {
  const sha = 'e'.repeat(64);
  await t.database.pool.query(`INSERT INTO blobs (sha256, size, mime) VALUES ($1, 1000, 'application/pdf') ON CONFLICT DO NOTHING`, [sha]);
  const file = await t.database.pool.query(
    `INSERT INTO application_files (application_id, field_id, name, sha256, size, mime, uploaded_by) SELECT $1, 'sealedApplication', '申报材料.pdf', $2, 1000, 'application/pdf', created_by FROM applications WHERE id = $1 RETURNING id`,
    [id, sha],
  );
  const detail = (await admin.request({ method: 'GET', url: `/api/applications/${id}` })).json();
  const res = await admin.request({
    method: 'PUT',
    url: `/api/applications/${id}/sections/attachments`,
    payload: { answers: { sealedApplication: [{ fileId: file.rows[0].id }] }, baseVersion: detail.sectionVersions.attachments ?? 0 },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const submit = (id: string, key = randomUUID(), session = admin) => session.request({ method: 'POST', url: `/api/applications/${id}/submit`, payload: { idempotencyKey: key, commitmentAccepted: true } });
const count = async (sql: string, params: unknown[]) => (await t.database.pool.query(sql, params)).rows[0].n as number;

describe('申报：填报、提交、退回', () => {
  it('creates a draft with prefilled fields and its recommender resolved from the hierarchy', async () => {
    const draft = await createDraft();
    expect(draft.application).toMatchObject({ status: 'draft', recommenderOrganisationId: city.id, channelId: 'city', number: null });
    expect(draft.answers.companyName).toBe('石家庄智造云科技有限公司');
    expect(draft.answers.organisationCode).toBe(creditCode.slice(8, 17));
    expect(draft.fillers).toEqual([{ userId: fillerId, displayName: expect.any(String) }]);
  });

  it('refuses a filler that is not of the organisation, and a non-admin creating', async () => {
    const stranger = await buildUser(t.database, city, ['recommender_reviewer']);
    const res = await admin.request({ method: 'POST', url: '/api/applications', payload: { callId, formId: 'mode-application', fillerIds: [stranger.id] } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].path).toBe('/body/fillerIds');
    expect((await filler.request({ method: 'POST', url: '/api/applications', payload: { callId, formId: 'mode-application' } })).statusCode).toBe(403);
  });

  it('never loses an acknowledged save: a stale section save is refused with who saved it', async () => {
    const draft = await createDraft();
    const base = draft.sectionVersions.content ?? 0;
    const results = await Promise.all([
      admin.request({ method: 'PUT', url: `/api/applications/${draft.application.id}/sections/content`, payload: { answers: { constructionContent: '管理员写的内容' }, baseVersion: base } }),
      filler.request({ method: 'PUT', url: `/api/applications/${draft.application.id}/sections/content`, payload: { answers: { constructionContent: '填报人写的内容' }, baseVersion: base } }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const winner = results.find((r) => r.statusCode === 200)!;
    const loser = results.find((r) => r.statusCode === 409)!;
    expect(loser.json().error.message).toMatch(/「项目内容」已被.+修改，为避免覆盖对方的内容，本次未保存/);
    const stored = (await admin.request({ method: 'GET', url: `/api/applications/${draft.application.id}` })).json();
    expect(stored.answers.constructionContent).toBe(winner === results[0] ? '管理员写的内容' : '填报人写的内容');
    expect(stored.sectionVersions.content).toBe(base + 1);
    // Different sections do not conflict.
    const other = await filler.request({ method: 'PUT', url: `/api/applications/${draft.application.id}/sections/contact`, payload: { answers: { contactName: '李明' }, baseVersion: 0 } });
    expect(other.statusCode).toBe(200);
  });

  it('refuses fields outside the section and files that were not uploaded to it', async () => {
    const draft = await createDraft();
    const res = await admin.request({ method: 'PUT', url: `/api/applications/${draft.application.id}/sections/content`, payload: { answers: { investmentTotal: 1 }, baseVersion: 0 } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].path).toBe('/body/answers/investmentTotal');
    const spoof = await admin.request({ method: 'PUT', url: `/api/applications/${draft.application.id}/sections/attachments`, payload: { answers: { sealedApplication: [{ fileId: randomUUID(), name: 'x.pdf', size: 1 }] }, baseVersion: 0 } });
    expect(spoof.statusCode).toBe(400);
  });

  it('refuses a submission that breaks an error rule, with the rule path and message, and writes nothing', async () => {
    const draft = await createDraft();
    const id = draft.application.id;
    await fillValid(id, admin, { investOther: 31 });
    await attachPdf(id);
    const res = await submit(id);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields).toEqual([{ path: '/investmentTotal', message: '自动化设备购置与改造、信息化软硬件购置、系统开发与服务、其他四项之和须等于总投资' }]);
    expect(await count('SELECT count(*)::int AS n FROM application_submissions WHERE application_id = $1', [id])).toBe(0);
    expect((await admin.request({ method: 'GET', url: `/api/applications/${id}` })).json().application.status).toBe('draft');
  });

  it('submits once per idempotency key: a freezes hashed snapshot, a number, a notice to the recommender', async () => {
    const draft = await createDraft();
    const id = draft.application.id;
    await fillValid(id);
    await attachPdf(id);
    const check = await admin.request({ method: 'POST', url: `/api/applications/${id}/check` });
    expect(check.json()).toMatchObject({ errorCount: 0 });
    expect((await submit(id, randomUUID(), filler)).statusCode).toBe(403); // the commitment is the admin's
    const key = randomUUID();
    const [first, retry] = await Promise.all([submit(id, key), submit(id, key)]);
    expect(first.statusCode, first.body).toBe(200);
    expect(retry.json()).toEqual(first.json());
    expect(first.json().number).toMatch(/^HIPT2023-\d{5}$/);
    expect(await count('SELECT count(*)::int AS n FROM application_submissions WHERE application_id = $1', [id])).toBe(1);
    const verify = await admin.request({ method: 'GET', url: `/api/applications/${id}/submissions/1/verify` });
    expect(verify.json()).toMatchObject({ ok: true, sha256: first.json().sha256 });
    const notes = await reviewer.request({ method: 'GET', url: '/api/notifications' });
    expect(notes.json().items.some((n: { body: string }) => n.body.includes(first.json().number))).toBe(true);
    // After submission the applicant can no longer edit.
    const late = await admin.request({ method: 'PUT', url: `/api/applications/${id}/sections/content`, payload: { answers: { innovation: '改' }, baseVersion: 99 } });
    expect(late.statusCode).toBe(409);
  });

  it("detects a changed byte in a stored snapshot (the hash no longer verifies)", async () => {
    const draft = await createDraft();
    const id = draft.application.id;
    await fillValid(id);
    await attachPdf(id);
    expect((await submit(id)).statusCode).toBe(200);
    const client = await t.database.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('ALTER TABLE application_submissions DISABLE TRIGGER application_submissions_immutable');
      await client.query(`UPDATE application_submissions SET snapshot = jsonb_set(snapshot, '{answers,investmentTotal}', '860.51') WHERE application_id = $1`, [id]);
      const { rows } = await client.query('SELECT snapshot, sha256 FROM application_submissions WHERE application_id = $1', [id]);
      expect(snapshotHash(rows[0].snapshot)).not.toBe(rows[0].sha256);
      void drizzle(client, { schema });
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
    const { rows } = await t.database.pool.query('SELECT snapshot, sha256 FROM application_submissions WHERE application_id = $1', [id]);
    expect(snapshotHash(rows[0].snapshot)).toBe(rows[0].sha256);
    await expect(t.database.pool.query('UPDATE application_submissions SET sha256 = $1 WHERE application_id = $2', ['x', id])).rejects.toThrow(/append-only/);
  });

  it('refuses submission after the deadline by the database clock, and writes nothing', async () => {
    const hour = 3_600_000;
    const closed = await buildOpenCall(t.database, 'hebei-2023-innovation-pilot', {
      issuer: province,
      lists: { cultivation },
    });
    const draft = await createDraft(admin, closed);
    const id = draft.application.id;
    await fillValid(id);
    await attachPdf(id);
    await t.database.pool.query('UPDATE calls SET schedule = $1 WHERE id = $2', [
      JSON.stringify({ application: { opens: new Date(Date.now() - 48 * hour).toISOString(), closes: new Date(Date.now() - hour).toISOString() } }),
      closed,
    ]);
    const events = await count('SELECT count(*)::int AS n FROM audit_events', []);
    const res = await submit(id);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toMatch(/^申报已于.+截止（以服务器时间为准），不能提交$/);
    expect(await count('SELECT count(*)::int AS n FROM application_submissions WHERE application_id = $1', [id])).toBe(0);
    expect(await count('SELECT count(*)::int AS n FROM audit_events', [])).toBe(events);
    // A controlled extension lets a draft started before the deadline finish, but no new draft may start.
    await t.database.pool.query(`UPDATE applications SET created_at = now() - interval '2 hours' WHERE id = $1`, [id]);
    await t.database.pool.query('UPDATE calls SET schedule = jsonb_set(schedule, $1, to_jsonb($2::text)) WHERE id = $3', ['{application,extensionUntil}', new Date(Date.now() + hour).toISOString(), closed]);
    expect((await admin.request({ method: 'POST', url: '/api/applications', payload: { callId: closed, formId: 'mode-application' } })).statusCode).toBe(409);
    const extended = await submit(id);
    expect(extended.statusCode, extended.body).toBe(200);
  });

  it('returns for revision with an opinion pinned to fields; the resubmission keeps the number and a diff shows the change', async () => {
    const draft = await createDraft();
    const id = draft.application.id;
    await fillValid(id);
    await attachPdf(id);
    const first = (await submit(id)).json();
    const opinion = { opinion: '项目建设内容过于简略，请补充具体建设指标。', fields: ['/constructionContent'], revisionDeadline: new Date(Date.now() + 7 * 86_400_000).toISOString() };
    expect((await admin.request({ method: 'POST', url: `/api/applications/${id}/return`, payload: opinion })).statusCode).toBe(403);
    const returned = await reviewer.request({ method: 'POST', url: `/api/applications/${id}/return`, payload: opinion });
    expect(returned.statusCode, returned.body).toBe(200);
    const detail = (await admin.request({ method: 'GET', url: `/api/applications/${id}` })).json();
    expect(detail.application.status).toBe('returned');
    expect(detail.returnOpinion).toMatchObject({ opinion: opinion.opinion, fields: ['/constructionContent'] });
    const save = await admin.request({ method: 'PUT', url: `/api/applications/${id}/sections/content`, payload: { answers: { constructionContent: '建设5G专网，覆盖三条产线，接入设备1200台。' }, baseVersion: detail.sectionVersions.content } });
    expect(save.statusCode).toBe(200);
    const second = (await submit(id)).json();
    expect(second).toMatchObject({ number: first.number, seq: 2 });
    const diff = (await reviewer.request({ method: 'GET', url: `/api/applications/${id}/diff?from=1&to=2` })).json();
    expect(diff.changes).toEqual([{ path: '/constructionContent', label: '项目建设内容', before: valid.constructionContent, after: '建设5G专网，覆盖三条产线，接入设备1200台。' }]);
    const history = (await admin.request({ method: 'GET', url: `/api/applications/${id}` })).json().events.map((e: { type: string }) => e.type);
    expect(history).toEqual(['created', 'submitted', 'returned', 'resubmitted']);
  });

  it('withdraws before the recommender acts, with the reason recorded', async () => {
    const draft = await createDraft();
    const id = draft.application.id;
    await fillValid(id);
    await attachPdf(id);
    await submit(id);
    const res = await admin.request({ method: 'POST', url: `/api/applications/${id}/withdraw`, payload: { reason: '需补充佐证材料后再报' } });
    expect(res.statusCode).toBe(200);
    const detail = (await admin.request({ method: 'GET', url: `/api/applications/${id}` })).json();
    expect(detail.application.status).toBe('withdrawn');
    expect(detail.events.at(-1)).toMatchObject({ type: 'withdrawn', opinion: '需补充佐证材料后再报' });
    expect((await admin.request({ method: 'POST', url: `/api/applications/${id}/withdraw`, payload: { reason: '再次撤回' } })).statusCode).toBe(409);
  });

  it("shows the call's owner its submitted applications, never drafts", async () => {
    const draft = await createDraft();
    const submittedOne = await createDraft();
    await fillValid(submittedOne.application.id);
    await attachPdf(submittedOne.application.id);
    expect((await submit(submittedOne.application.id)).statusCode).toBe(200);
    const officer = await signIn(t.app, (await buildUser(t.database, province, ['program_officer'])).username);
    const ids = (await officer.request({ method: 'GET', url: `/api/applications?callId=${callId}` })).json().items.map((a: { id: string }) => a.id);
    expect(ids).toContain(submittedOne.application.id);
    expect(ids).not.toContain(draft.application.id);
    const stranger = await signIn(t.app, (await buildUser(t.database, await buildOrganisation(t.database, { kind: 'provincial_department', divisionCode: '430000' }), ['program_officer'])).username);
    expect((await stranger.request({ method: 'GET', url: `/api/applications?callId=${callId}` })).json().items).toEqual([]);
  });

  it("keeps another organisation's applicant out of an application, reading and writing", async () => {
    const draft = await createDraft();
    const id = draft.application.id;
    const other = await buildOrganisation(t.database, { kind: 'enterprise', parent: city });
    const outsider = await signIn(t.app, (await buildUser(t.database, other, ['applicant_admin'])).username);
    expect((await outsider.request({ method: 'GET', url: `/api/applications/${id}` })).statusCode).toBe(404);
    expect((await outsider.request({ method: 'PUT', url: `/api/applications/${id}/sections/content`, payload: { answers: { innovation: 'x' }, baseVersion: 0 } })).statusCode).toBe(404);
    expect((await outsider.request({ method: 'POST', url: `/api/applications/${id}/submit`, payload: { idempotencyKey: randomUUID(), commitmentAccepted: true } })).statusCode).toBe(404);
    expect((await outsider.request({ method: 'GET', url: '/api/applications' })).json().items).toEqual([]);
    // The recommender does not see drafts.
    expect((await reviewer.request({ method: 'GET', url: `/api/applications/${id}` })).statusCode).toBe(404);
    // A filler not assigned to it does not see it either.
    const otherFiller = await signIn(t.app, (await buildUser(t.database, enterprise, ['applicant_filler'])).username);
    expect((await otherFiller.request({ method: 'GET', url: `/api/applications/${id}` })).statusCode).toBe(404);
  });
});
