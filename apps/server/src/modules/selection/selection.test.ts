import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildUser, getTestApp, signIn, uniqueSuffix, type Session, type TestApp } from '../../testing/app.ts';
import { buildExpert, buildSelectionCast, seedSelectionCall, type SelectionFixture } from '../../testing/selection-fixture.ts';

let t: TestApp;
let cast: Awaited<ReturnType<typeof buildSelectionCast>>;
let officer: Session;

beforeAll(async () => {
  t = await getTestApp();
  cast = await buildSelectionCast(t.database, 3);
  officer = await signIn(t.app, cast.officer.username);
});
afterAll(async () => t?.close());

const admitAll = async (s: Session, f: SelectionFixture) => {
  for (const a of f.applications) {
    const r = await s.request({ method: 'POST', url: `/api/selection/applications/${a.id}/policy-check`, payload: { decision: 'admitted', reason: '符合申报条件，材料齐全' } });
    expect(r.statusCode, r.body).toBe(200);
  }
};

/** Experts of a fresh pool, signed in. */
async function expertsWith(profiles: Parameters<typeof buildExpert>[2][]) {
  const out = [];
  for (const p of profiles) {
    const user = await buildExpert(t.database, cast.pool, p);
    out.push({ user, session: await signIn(t.app, user.username) });
  }
  return out;
}

const sheet = (v: number, submit = true) => ({
  scores: { foundation: v, innovation: v, replicability: v },
  comments: { foundation: '基础较好', innovation: '模式清晰', replicability: '可推广' },
  opinion: '同意推荐',
  submit,
});

describe('政策性审查', () => {
  it('lists the recommended applications with channel, rank and fresh rule findings; admits and rejects with a reason seen by applicant and recommender', async () => {
    const f = await seedSelectionCall(t.database, { issuer: cast.province, recommender: cast.city, applicants: cast.applicants, count: 2 });
    const list = await officer.request({ method: 'GET', url: `/api/selection/calls/${f.callId}/candidates` });
    expect(list.statusCode, list.body).toBe(200);
    const items = list.json().items;
    expect(items.map((i: { rank: number }) => i.rank)).toEqual([1, 2]);
    expect(items[0]).toMatchObject({ channelId: 'city', recommenderName: cast.city.name, policyCheck: null });
    expect(Array.isArray(items[0].findings)).toBe(true);

    const noReason = await officer.request({ method: 'POST', url: `/api/selection/applications/${f.applications[1]!.id}/policy-check`, payload: { decision: 'rejected', reason: '' } });
    expect(noReason.statusCode).toBe(400);

    const reject = await officer.request({ method: 'POST', url: `/api/selection/applications/${f.applications[1]!.id}/policy-check`, payload: { decision: 'rejected', reason: '项目不属于本次申报方向' } });
    expect(reject.statusCode, reject.body).toBe(200);
    const { rows } = await t.database.pool.query('SELECT status FROM applications WHERE id = $1', [f.applications[1]!.id]);
    expect(rows[0].status).toBe('excluded');
    const notices = await t.database.pool.query(`SELECT organisation_id, body FROM notifications WHERE body LIKE '%项目不属于本次申报方向%'`);
    expect(notices.rows.map((r) => r.organisation_id).sort()).toEqual([f.applications[1]!.applicantOrganisationId, cast.city.id].sort());
    const audit = await t.database.pool.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'selection.policy_check.rejected' AND resource_id = $1`, [f.applications[1]!.id]);
    expect(audit.rows[0].n).toBe(1);
  });

  it('keeps other organisations out: a city reviewer gets 404, an officer of another province 404', async () => {
    const f = await seedSelectionCall(t.database, { issuer: cast.province, recommender: cast.city, applicants: cast.applicants, count: 1 });
    const reviewer = await signIn(t.app, cast.reviewer.username);
    expect((await reviewer.request({ method: 'GET', url: `/api/selection/calls/${f.callId}/candidates` })).statusCode).toBe(404);
    const other = await buildOrganisation(t.database, { kind: 'provincial_department', divisionCode: '430000' });
    const stranger = await signIn(t.app, (await buildUser(t.database, other, ['program_officer'])).username);
    expect((await stranger.request({ method: 'GET', url: `/api/selection/calls/${f.callId}/candidates` })).statusCode).toBe(404);
    expect((await stranger.request({ method: 'POST', url: `/api/selection/applications/${f.applications[0]!.id}/policy-check`, payload: { decision: 'admitted', reason: '符合条件' } })).statusCode).toBe(404);
  });
});

describe('回避与分配', () => {
  it('detects same-organisation and recent former-employer conflicts, never assigns them, and lets the officer lift one with a reason', async () => {
    const f = await seedSelectionCall(t.database, { issuer: cast.province, recommender: cast.city, applicants: cast.applicants, count: 3 });
    await admitAll(officer, f);
    const year = new Date().getFullYear();
    const [a0, a1] = [cast.applicants[0]!, cast.applicants[1]!];
    const [insider, former, old, free1, free2] = await expertsWith([
      { expertise: ['智能制造'], employerOrganisationId: a0.id, employerName: a0.name },
      { expertise: ['数字化转型'], formerEmployers: [{ organisationId: a1.id, name: a1.name, until: year - 1 }] },
      { expertise: ['工业大数据'], formerEmployers: [{ organisationId: a1.id, name: a1.name, until: year - 5 }] },
      { expertise: ['工业互联网平台'] },
      { expertise: ['智能制造', '工业软件'] },
    ]);
    const settings = await officer.request({ method: 'PUT', url: `/api/selection/calls/${f.callId}/review/settings`, payload: { reviewsPerApplication: 3, minLoad: 0, maxLoad: 3, poolOrganisationIds: [cast.pool.id], divergenceThreshold: 0.25 } });
    expect(settings.statusCode, settings.body).toBe(200);

    const conflicts = (await officer.request({ method: 'GET', url: `/api/selection/calls/${f.callId}/conflicts` })).json().items as { expertUserId: string; applicantOrganisationId: string; kind: string; state: string }[];
    expect(conflicts).toContainEqual(expect.objectContaining({ expertUserId: insider!.user.id, applicantOrganisationId: a0.id, kind: 'same_organisation', state: 'active' }));
    expect(conflicts).toContainEqual(expect.objectContaining({ expertUserId: former!.user.id, applicantOrganisationId: a1.id, kind: 'former_employer', state: 'active' }));
    expect(conflicts.some((c) => c.expertUserId === old!.user.id)).toBe(false); // left 5 years ago: no conflict

    const assign = await officer.request({ method: 'POST', url: `/api/selection/calls/${f.callId}/assign` });
    expect(assign.statusCode, assign.body).toBe(200);
    expect(assign.json().assigned).toBe(9);
    const { rows } = await t.database.pool.query('SELECT a.application_id, a.expert_user_id, p.applicant_organisation_id FROM review_assignments a JOIN applications p ON p.id = a.application_id WHERE a.call_id = $1', [f.callId]);
    expect(rows).toHaveLength(9);
    for (const r of rows) {
      expect(r.expert_user_id === insider!.user.id && r.applicant_organisation_id === a0.id).toBe(false);
      expect(r.expert_user_id === former!.user.id && r.applicant_organisation_id === a1.id).toBe(false);
    }
    for (const a of f.applications) expect(rows.filter((r) => r.application_id === a.id)).toHaveLength(3);

    // Manual override of a conflicted pair is refused with the reason.
    const app0 = f.applications.find((a) => a.applicantOrganisationId === a0.id)!;
    const manual = await officer.request({ method: 'POST', url: `/api/selection/calls/${f.callId}/assignments`, payload: { applicationId: app0.id, expertUserId: insider!.user.id, reason: '补充专家' } });
    expect(manual.statusCode).toBe(409);
    expect(manual.json().error.message).toContain('同一单位');

    const lift = await officer.request({ method: 'POST', url: `/api/selection/calls/${f.callId}/conflicts`, payload: { expertUserId: former!.user.id, applicantOrganisationId: a1.id, kind: 'former_employer', state: 'lifted', reason: '经核实仅为短期借调，非劳动关系' } });
    expect(lift.statusCode, lift.body).toBe(200);
    const after = (await officer.request({ method: 'GET', url: `/api/selection/calls/${f.callId}/conflicts` })).json().items;
    expect(after).toContainEqual(expect.objectContaining({ expertUserId: former!.user.id, kind: 'former_employer', state: 'lifted' }));
    void free1;
    void free2;
  });

  it('explains why an assignment is infeasible and changes nothing', async () => {
    const f = await seedSelectionCall(t.database, { issuer: cast.province, recommender: cast.city, applicants: cast.applicants, count: 2 });
    await admitAll(officer, f);
    const pool = await buildOrganisation(t.database, { kind: 'expert_pool', parent: cast.province, divisionCode: '130000' });
    await buildExpert(t.database, pool, { expertise: ['智能制造'] });
    await buildExpert(t.database, pool, { expertise: ['智能制造'] });
    await officer.request({ method: 'PUT', url: `/api/selection/calls/${f.callId}/review/settings`, payload: { reviewsPerApplication: 3, minLoad: 0, maxLoad: 5, poolOrganisationIds: [pool.id], divergenceThreshold: 0.25 } });
    const r = await officer.request({ method: 'POST', url: `/api/selection/calls/${f.callId}/assign` });
    expect(r.statusCode).toBe(422);
    expect(r.json().error.message).toMatch(/无法完成分配/);
    const { rows } = await t.database.pool.query('SELECT count(*)::int AS n FROM review_assignments WHERE call_id = $1', [f.callId]);
    expect(rows[0].n).toBe(0);
  });
});

describe('专家评分', () => {
  let f: SelectionFixture;
  let experts: Awaited<ReturnType<typeof expertsWith>>;
  beforeAll(async () => {
    f = await seedSelectionCall(t.database, { issuer: cast.province, recommender: cast.city, applicants: cast.applicants, count: 2 });
    await admitAll(officer, f);
    const pool = await buildOrganisation(t.database, { kind: 'expert_pool', parent: cast.province, divisionCode: '130000' });
    cast.pool = pool;
    experts = await expertsWith([{ expertise: ['智能制造'] }, { expertise: ['数字化转型'] }]);
    await officer.request({ method: 'PUT', url: `/api/selection/calls/${f.callId}/review/settings`, payload: { reviewsPerApplication: 2, minLoad: 0, maxLoad: 2, poolOrganisationIds: [pool.id], divergenceThreshold: 0.2 } });
    expect((await officer.request({ method: 'POST', url: `/api/selection/calls/${f.callId}/assign` })).statusCode).toBe(200);
  });

  it('shows nothing before the confidentiality statement, then only the expert’s own assignments', async () => {
    const [e1] = experts;
    const before = await e1!.session.request({ method: 'GET', url: `/api/expert/calls/${f.callId}/assignments` });
    expect(before.statusCode).toBe(403);
    expect(before.json().error.message).toContain('承诺');
    const calls = (await e1!.session.request({ method: 'GET', url: '/api/expert/calls' })).json().items;
    expect(calls).toContainEqual(expect.objectContaining({ callId: f.callId, assigned: 2, signedBefore: null }));
    expect((await e1!.session.request({ method: 'POST', url: `/api/expert/calls/${f.callId}/statement`, payload: { phase: 'before', accepted: true } })).statusCode).toBe(200);
    const list = await e1!.session.request({ method: 'GET', url: `/api/expert/calls/${f.callId}/assignments` });
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toHaveLength(2);
    // The officer's routes stay closed to experts.
    expect((await e1!.session.request({ method: 'GET', url: `/api/selection/calls/${f.callId}/review` })).statusCode).toBe(404);
  });

  it('validates the sheet against the rubric, hides others’ scores until submission, and computes progress and statistics', async () => {
    const [e1, e2] = experts;
    await e2!.session.request({ method: 'POST', url: `/api/expert/calls/${f.callId}/statement`, payload: { phase: 'before', accepted: true } });
    const mine1 = (await e1!.session.request({ method: 'GET', url: `/api/expert/calls/${f.callId}/assignments` })).json().items as { id: string; applicationId: string }[];
    const mine2 = (await e2!.session.request({ method: 'GET', url: `/api/expert/calls/${f.callId}/assignments` })).json().items as { id: string; applicationId: string }[];

    const bad = await e1!.session.request({ method: 'PUT', url: `/api/expert/assignments/${mine1[0]!.id}/scores`, payload: { scores: { foundation: 120, bogus: 3 }, comments: {}, opinion: '', submit: true } });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().error.fields.map((x: { path: string }) => x.path);
    expect(paths).toEqual(expect.arrayContaining(['/scores/foundation', '/scores/bogus', '/scores/innovation', '/comments/innovation', '/opinion']));

    const draft = await e1!.session.request({ method: 'PUT', url: `/api/expert/assignments/${mine1[0]!.id}/scores`, payload: sheet(80, false) });
    expect(draft.statusCode, draft.body).toBe(200);
    expect(draft.json().others).toBeNull();

    // e1 scores high (90, 80), e2 scores low (60, 50): the same order, different leniency.
    const byApp = (list: typeof mine1, app: string) => list.find((a) => a.applicationId === app)!.id;
    const [appA, appB] = [f.applications[0]!.id, f.applications[1]!.id];
    await e1!.session.request({ method: 'PUT', url: `/api/expert/assignments/${byApp(mine1, appA)}/scores`, payload: sheet(90) });
    const done = await e1!.session.request({ method: 'PUT', url: `/api/expert/assignments/${byApp(mine1, appB)}/scores`, payload: sheet(80) });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().others).toEqual([{ label: '专家A', total: null, submitted: false }]); // e2 has not submitted: no score shown
    const again = await e1!.session.request({ method: 'PUT', url: `/api/expert/assignments/${byApp(mine1, appB)}/scores`, payload: sheet(10) });
    expect(again.statusCode).toBe(409);

    const mid = (await officer.request({ method: 'GET', url: `/api/selection/calls/${f.callId}/review` })).json();
    expect(mid.progress).toEqual({ done: 2, total: 4 });
    const remind = await officer.request({ method: 'POST', url: `/api/selection/calls/${f.callId}/remind` });
    expect(remind.json().reminded).toBe(1);
    const reminders = await t.database.pool.query(`SELECT user_id FROM notifications WHERE type = 'selection.reminder' AND data->>'callId' = $1`, [f.callId]);
    expect(reminders.rows.map((r) => r.user_id)).toEqual([e2!.user.id]);

    await e2!.session.request({ method: 'PUT', url: `/api/expert/assignments/${byApp(mine2, appA)}/scores`, payload: sheet(60) });
    await e2!.session.request({ method: 'PUT', url: `/api/expert/assignments/${byApp(mine2, appB)}/scores`, payload: sheet(50) });
    const overview = (await officer.request({ method: 'GET', url: `/api/selection/calls/${f.callId}/review` })).json();
    expect(overview.progress).toEqual({ done: 4, total: 4 });
    const rowA = overview.rows.find((r: { applicationId: string }) => r.applicationId === appA);
    expect(rowA.done).toBe(2);
    // Raw: mean 75, median 75, spread 30 (> 0.2 × 100: divergent). Per-expert z: e1 (90 vs mean 85, sd 5) = +1,
    // e2 (60 vs 55, sd 5) = +1; grand mean 70, grand population sd √((20²+10²+10²+20²)/4) = √250 ≈ 15.81
    // → normalised 70 + 15.81 × 1 = 85.81 (app B: z = −1 for both → 70 − 15.81 = 54.19).
    expect(rowA.stats).toMatchObject({ count: 2, mean: 75, median: 75, spread: 30, divergent: true });
    expect(rowA.stats.normalized).toBeCloseTo(85.81, 2);
    expect(overview.rows.find((r: { applicationId: string }) => r.applicationId === appB).stats.normalized).toBeCloseTo(54.19, 2);
    expect(overview.normalisationMethod).toContain('z 分');

    // While the review is open the expert reads the application as the official PDF.
    const detail = (await e1!.session.request({ method: 'GET', url: `/api/expert/assignments/${byApp(mine1, appA)}` })).json();
    const pdf = await e1!.session.request({ method: 'GET', url: detail.application.documentUrl });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const close = await officer.request({ method: 'POST', url: `/api/selection/calls/${f.callId}/review/close` });
    expect(close.statusCode, close.body).toBe(200);
    const afterClose = (await e1!.session.request({ method: 'GET', url: `/api/expert/assignments/${byApp(mine1, appA)}` })).json();
    expect(afterClose.application).toBeNull();
    expect(afterClose.others).toBeNull();
    expect(afterClose.sheet.scores.foundation).toBe(90);
    expect((await e1!.session.request({ method: 'GET', url: detail.application.documentUrl })).statusCode).toBe(403);
    expect((await e1!.session.request({ method: 'POST', url: `/api/expert/calls/${f.callId}/statement`, payload: { phase: 'after', accepted: true } })).statusCode).toBe(200);
  });

  it('an expert who declares a conflict loses the assignment, and an expert never sees another expert’s assignment', async () => {
    const g = await seedSelectionCall(t.database, { issuer: cast.province, recommender: cast.city, applicants: cast.applicants, count: 1 });
    await admitAll(officer, g);
    const [x, y] = await expertsWith([{ expertise: ['智能制造'] }, { expertise: ['智能制造'] }]);
    const pool = cast.pool;
    await officer.request({ method: 'PUT', url: `/api/selection/calls/${g.callId}/review/settings`, payload: { reviewsPerApplication: 1, minLoad: 0, maxLoad: 1, poolOrganisationIds: [pool.id], divergenceThreshold: 0.25 } });
    await officer.request({ method: 'POST', url: `/api/selection/calls/${g.callId}/assignments`, payload: { applicationId: g.applications[0]!.id, expertUserId: x!.user.id, reason: '指定熟悉该行业的专家' } });
    await x!.session.request({ method: 'POST', url: `/api/expert/calls/${g.callId}/statement`, payload: { phase: 'before', accepted: true } });
    const [mine] = (await x!.session.request({ method: 'GET', url: `/api/expert/calls/${g.callId}/assignments` })).json().items;
    expect((await y!.session.request({ method: 'GET', url: `/api/expert/assignments/${mine.id}` })).statusCode).toBe(404);
    const declare = await x!.session.request({ method: 'POST', url: `/api/expert/assignments/${mine.id}/conflict`, payload: { reason: '本人曾为该企业提供咨询服务' } });
    expect(declare.statusCode, declare.body).toBe(200);
    expect((await x!.session.request({ method: 'GET', url: `/api/expert/assignments/${mine.id}` })).statusCode).toBe(404);
    const conflicts = (await officer.request({ method: 'GET', url: `/api/selection/calls/${g.callId}/conflicts` })).json().items;
    expect(conflicts).toContainEqual(expect.objectContaining({ expertUserId: x!.user.id, kind: 'declared', source: 'recorded', state: 'active' }));
  });
});

describe('审定、公示、异议与公布', () => {
  it('walks proposal, approval, notice, objection and publication into projects; objections after the period are refused', async () => {
    const f = await seedSelectionCall(t.database, { issuer: cast.province, recommender: cast.city, applicants: cast.applicants, count: 3 });
    await admitAll(officer, f);
    const [a, b, c] = f.applications;
    const view = (await officer.request({ method: 'GET', url: `/api/selection/calls/${f.callId}/decision` })).json();
    expect(view.eligible).toHaveLength(3);
    expect(view.publicNoticeDays).toBe(7);
    const proposed = await officer.request({ method: 'PUT', url: `/api/selection/calls/${f.callId}/decision`, payload: { version: 0, items: [{ applicationId: a!.id }, { applicationId: b!.id }] } });
    expect(proposed.statusCode, proposed.body).toBe(200);
    const stale = await officer.request({ method: 'PUT', url: `/api/selection/calls/${f.callId}/decision`, payload: { version: 0, items: [{ applicationId: c!.id }] } });
    expect(stale.statusCode).toBe(409);
    expect((await officer.request({ method: 'POST', url: `/api/selection/calls/${f.callId}/decision/notice`, payload: { title: '拟入选名单公示', text: '现予公示。' } })).statusCode).toBe(409);
    expect((await officer.request({ method: 'POST', url: `/api/selection/calls/${f.callId}/decision/approve`, payload: { approverName: '王处长' } })).statusCode).toBe(200);
    const notice = await officer.request({ method: 'POST', url: `/api/selection/calls/${f.callId}/decision/notice`, payload: { title: '关于试点项目拟入选名单的公示', text: '公示期内如有异议，请实名提出。' } });
    expect(notice.statusCode, notice.body).toBe(200);
    const selectionId = notice.json().selection.id;

    const pub = await t.app.inject({ method: 'GET', url: `/api/public/notices/${selectionId}` });
    expect(pub.statusCode).toBe(200);
    expect(pub.json()).toMatchObject({ kind: 'public_notice', objectionsOpen: true });
    expect(pub.json().items.map((i: { projectName: string }) => i.projectName)).toEqual([a!.projectName, b!.projectName]);

    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF');
    const lodge = await t.app.inject({ method: 'POST', url: `/api/public/notices/${selectionId}/objections`, payload: { name: '李先生', phone: '0311-88888888', applicationId: b!.id, content: '该项目投资额与实际不符，存在虚报。', evidence: [{ name: '合同.pdf', contentBase64: pdf.toString('base64') }] } });
    expect(lodge.statusCode, lodge.body).toBe(201);
    const badFile = await t.app.inject({ method: 'POST', url: `/api/public/notices/${selectionId}/objections`, payload: { name: '李先生', phone: '0311-88888888', content: '该项目投资额与实际不符，存在虚报。', evidence: [{ name: 'x.pdf', contentBase64: Buffer.from('not a pdf at all').toString('base64') }] } });
    expect(badFile.statusCode).toBe(400);

    // The period runs 7 days; publication before its end is refused, saying when it ends in Beijing time.
    const early = await officer.request({ method: 'POST', url: `/api/selection/calls/${f.callId}/decision/publish`, payload: { documentNumber: '冀工信软件函〔2026〕99号' } });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toMatch(/公示期至 \d{4}年\d{2}月\d{2}日 \d{2}:\d{2} 结束/);
    // Time passes: the notice period ends (moved into the past in the database, the clock the server judges by).
    await t.database.pool.query(`UPDATE selections SET notice_starts_at = now() - interval '8 days', notice_ends_at = now() - interval '1 day' WHERE id = $1`, [selectionId]);
    const late = await t.app.inject({ method: 'POST', url: `/api/public/notices/${selectionId}/objections`, payload: { name: '赵女士', phone: '13900000000', content: '公示期结束后提出的异议内容。' } });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toContain('不在公示期内');
    const { rows: objs } = await t.database.pool.query('SELECT count(*)::int AS n FROM objections WHERE selection_id = $1', [selectionId]);
    expect(objs[0].n).toBe(1);

    const open = await officer.request({ method: 'POST', url: `/api/selection/calls/${f.callId}/decision/publish`, payload: { documentNumber: '冀工信软件函〔2026〕99号' } });
    expect(open.statusCode).toBe(409);
    expect(open.json().error.message).toContain('异议未处理');
    const objectionId = lodge.json().id;
    // The officer opens the evidence exactly as lodged.
    const [evidence] = (await officer.request({ method: 'GET', url: `/api/selection/calls/${f.callId}/decision` })).json().objections[0].evidence;
    const file = await officer.request({ method: 'GET', url: `/api/selection/objections/${objectionId}/evidence/${evidence.sha256}` });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(pdf)).toBe(true);
    const resolved = await officer.request({ method: 'POST', url: `/api/selection/objections/${objectionId}/resolve`, payload: { status: 'upheld', outcome: '经核查，投资额虚报属实，取消入选资格。', removeFromList: true } });
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect(resolved.json().selection.items.map((i: { applicationId: string; rank: number }) => [i.applicationId, i.rank])).toEqual([[a!.id, 1]]);

    const published = await officer.request({ method: 'POST', url: `/api/selection/calls/${f.callId}/decision/publish`, payload: { documentNumber: '冀工信软件函〔2026〕99号' } });
    expect(published.statusCode, published.body).toBe(200);
    const projects = await t.database.pool.query('SELECT application_id, document_number, outcome FROM projects WHERE call_id = $1', [f.callId]);
    expect(projects.rows).toEqual([{ application_id: a!.id, document_number: '冀工信软件函〔2026〕99号', outcome: 'pilot' }]);
    const statuses = await t.database.pool.query('SELECT id, status FROM applications WHERE call_id = $1 ORDER BY status', [f.callId]);
    expect(Object.fromEntries(statuses.rows.map((r) => [r.id, r.status]))).toEqual({ [a!.id]: 'selected', [b!.id]: 'not_selected', [c!.id]: 'not_selected' });
    const list = (await t.app.inject({ method: 'GET', url: '/api/public/notices' })).json().items;
    expect(list).toContainEqual(expect.objectContaining({ id: selectionId, kind: 'published', documentNumber: '冀工信软件函〔2026〕99号' }));
    const xlsx = await officer.request({ method: 'GET', url: `/api/selection/calls/${f.callId}/decision/list.xlsx` });
    expect(xlsx.statusCode).toBe(200);
  });

  it('refuses to approve a list over the call-wide ceiling (湖南：全省总数不超过30个)', async () => {
    const hunan = await buildOrganisation(t.database, { kind: 'provincial_department', divisionCode: '430000', name: `湖南测试厅${uniqueSuffix()}` });
    const city = await buildOrganisation(t.database, { kind: 'city_bureau', parent: hunan, divisionCode: '430100' });
    const ent = await buildOrganisation(t.database, { kind: 'enterprise', parent: city, divisionCode: '430100' });
    const hunanOfficer = await signIn(t.app, (await buildUser(t.database, hunan, ['program_officer'])).username);
    const f = await seedSelectionCall(t.database, {
      issuer: hunan,
      recommender: city,
      applicants: [ent],
      count: 31,
      pack: { id: 'hunan-2023-platform-plan', form: 'platform-application', directions: ['comprehensive', 'featured-industry', 'professional'], channel: 'city' },
    });
    await admitAll(hunanOfficer, f);
    const all = f.applications.map((a) => ({ applicationId: a.id }));
    const over = await hunanOfficer.request({ method: 'PUT', url: `/api/selection/calls/${f.callId}/decision`, payload: { version: 0, items: all } });
    expect(over.statusCode, over.body).toBe(200);
    expect(over.json().ceilings).toEqual([expect.objectContaining({ id: 'province-total', limit: 30, used: 31, exceeded: true })]);
    // Each application says which ceilings it counts toward, so the screen counts a list exactly before it is saved.
    expect(over.json().eligible.every((i: { ceilingIds: string[] }) => i.ceilingIds.join() === 'province-total')).toBe(true);
    const refused = await hunanOfficer.request({ method: 'POST', url: `/api/selection/calls/${f.callId}/decision/approve`, payload: { approverName: '刘处长' } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain('不超过30个');
    const fits = await hunanOfficer.request({ method: 'PUT', url: `/api/selection/calls/${f.callId}/decision`, payload: { version: over.json().selection.version, items: all.slice(0, 30) } });
    expect(fits.json().ceilings[0]).toMatchObject({ used: 30, exceeded: false });
    expect((await hunanOfficer.request({ method: 'POST', url: `/api/selection/calls/${f.callId}/decision/approve`, payload: { approverName: '刘处长' } })).statusCode).toBe(200);
  });
});

describe('现场答辩', () => {
  it('refuses a panel with an expert conflicted with a presenter, then schedules, notifies and records the panel’s result', async () => {
    const hebei = await buildOrganisation(t.database, { kind: 'provincial_department', divisionCode: '130000', name: `河北测试厅${uniqueSuffix()}` });
    const city = await buildOrganisation(t.database, { kind: 'city_bureau', parent: hebei, divisionCode: '130100' });
    const ent = await buildOrganisation(t.database, { kind: 'enterprise', parent: city });
    const pool = await buildOrganisation(t.database, { kind: 'expert_pool', parent: hebei, divisionCode: '130000' });
    const o = await signIn(t.app, (await buildUser(t.database, hebei, ['program_officer'])).username);
    const f = await seedSelectionCall(t.database, {
      issuer: hebei,
      recommender: city,
      applicants: [ent],
      count: 1,
      pack: { id: 'hebei-internet-plus-pilot', form: 'application', directions: ['rd-open-design'], channel: 'city' },
    });
    await admitAll(o, f);
    const insider = await buildExpert(t.database, pool, { expertise: ['工业软件'], employerOrganisationId: ent.id, employerName: ent.name });
    const outsider = await buildExpert(t.database, pool, { expertise: ['工业软件'] });
    expect((await o.request({ method: 'PUT', url: `/api/selection/calls/${f.callId}/defence/shortlist`, payload: { applicationIds: [f.applications[0]!.id] } })).statusCode).toBe(200);
    const day = new Date(Date.now() + 3 * 86_400_000);
    const at = (h: number) => new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), h)).toISOString();
    const body = { room: '省工信厅第一会议室', startsAt: at(1), endsAt: at(4), panelExpertIds: [insider.id, outsider.id], slots: [{ applicationId: f.applications[0]!.id, startsAt: at(1), endsAt: at(2) }] };
    const refused = await o.request({ method: 'POST', url: `/api/selection/calls/${f.callId}/defence/sessions`, payload: body });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields.map((x: { message: string }) => x.message).join()).toContain('回避');
    const ok = await o.request({ method: 'POST', url: `/api/selection/calls/${f.callId}/defence/sessions`, payload: { ...body, panelExpertIds: [outsider.id] } });
    expect(ok.statusCode, ok.body).toBe(200);
    const session = ok.json().sessions[0];
    const note = await t.database.pool.query(`SELECT body FROM notifications WHERE organisation_id = $1 AND type = 'selection.defence_scheduled'`, [ent.id]);
    expect(note.rows[0].body).toContain('省工信厅第一会议室');
    const result = await o.request({ method: 'PUT', url: `/api/selection/defence/sessions/${session.id}/slots/${f.applications[0]!.id}`, payload: { panelScores: { [outsider.id]: 86 }, panelRecommendation: 'recommend', panelOpinion: '答辩清晰，建议列为试点示范' } });
    expect(result.statusCode, result.body).toBe(200);
    expect(result.json().sessions[0].slots[0]).toMatchObject({ panelMean: 86, panelRecommendation: 'recommend' });
  });
});
