import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, getTestApp, uniqueSuffix, type Session, type TestApp } from '../../testing/app.ts';
import { buildProject, buildProjectWorld, exampleAnswers, implementing, PLAN_OUTLINE, planSections as fullPlan, sessionOf, uploadFile, type BuiltProject, type ProjectWorld } from '../../testing/project-fixture.ts';
import { sendReportReminders } from './index.ts';

let t: TestApp;
let w: ProjectWorld; // 003 call issued by the province
let officer: Session;
let reviewer: Session;
let otherReviewer: Session; // another city of the same province
let otherOfficer: Session; // another province

const auditCount = async () => (await t.database.pool.query('SELECT count(*)::int AS n FROM audit_events')).rows[0].n as number;
const detail = async (s: Session, id: string) => {
  const res = await s.request({ method: 'GET', url: `/api/projects/${id}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

beforeAll(async () => {
  t = await getTestApp();
  w = await buildProjectWorld(t.database, 'hebei-internet-plus-pilot');
  officer = await sessionOf(t, w.province, ['program_officer']);
  reviewer = await sessionOf(t, w.city, ['recommender_reviewer']);
  otherReviewer = await sessionOf(t, await buildOrganisation(t.database, { kind: 'city_bureau', parent: w.province, divisionCode: '130100' }), ['recommender_reviewer']);
  otherOfficer = await sessionOf(t, await buildOrganisation(t.database, { kind: 'provincial_department', divisionCode: '430000' }), ['program_officer']);
});
afterAll(() => t.close());

describe('实施方案与实施协议', () => {
  let p: BuiltProject;
  let admin: Session;
  let filler: Session;
  beforeAll(async () => {
    p = await buildProject(t.database, w);
    admin = await sessionOf(t, p.applicant, ['applicant_admin']);
    filler = await sessionOf(t, p.applicant, ['applicant_filler']);
  });

  it('the applicant files the plan by the pack’s outline; the owner returns it, then approves the second version', async () => {
    const d0 = await detail(admin, p.id);
    expect(d0.plan.outline).toEqual(PLAN_OUTLINE);
    expect(d0.project.stage).toBe('待提交实施方案');
    expect(d0.permissions.submitPlan).toBe(true);

    const partial = fullPlan();
    delete partial['六、保障措施'];
    const bad = await admin.request({ method: 'POST', url: `/api/projects/${p.id}/plan`, payload: { sections: { ...partial, '七、其他': '无' } } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual([{ path: '/body/sections/七、其他', message: '提纲中没有“七、其他”' }]);
    const missing = await admin.request({ method: 'POST', url: `/api/projects/${p.id}/plan`, payload: { sections: partial } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields).toEqual([{ path: '/body/sections/六、保障措施', message: '请填写本章节；无内容时填写“无”' }]);

    expect((await filler.request({ method: 'POST', url: `/api/projects/${p.id}/plan`, payload: { sections: fullPlan() } })).statusCode).toBe(403);
    const before = await auditCount();
    expect((await admin.request({ method: 'POST', url: `/api/projects/${p.id}/plan`, payload: { sections: fullPlan() } })).statusCode).toBe(200);
    expect(await auditCount()).toBeGreaterThan(before);
    expect((await admin.request({ method: 'POST', url: `/api/projects/${p.id}/plan`, payload: { sections: fullPlan() } })).statusCode).toBe(409);

    // Only the owner decides; another province does not even see the project.
    expect((await reviewer.request({ method: 'POST', url: `/api/projects/${p.id}/plan/decision`, payload: { decision: 'approved', opinion: '同意' } })).statusCode).toBe(403);
    expect((await otherOfficer.request({ method: 'POST', url: `/api/projects/${p.id}/plan/decision`, payload: { decision: 'approved', opinion: '同意' } })).statusCode).toBe(404);
    expect((await officer.request({ method: 'POST', url: `/api/projects/${p.id}/plan/decision`, payload: { decision: 'returned', opinion: '' } })).statusCode).toBe(400);
    expect((await officer.request({ method: 'POST', url: `/api/projects/${p.id}/plan/decision`, payload: { decision: 'returned', opinion: '进度安排须细化到季度' } })).statusCode).toBe(200);
    expect((await detail(admin, p.id)).project.stage).toBe('实施方案退回修改');

    expect((await admin.request({ method: 'POST', url: `/api/projects/${p.id}/plan`, payload: { sections: fullPlan() } })).statusCode).toBe(200);
    expect((await officer.request({ method: 'POST', url: `/api/projects/${p.id}/plan/decision`, payload: { decision: 'approved', opinion: '同意实施' } })).statusCode).toBe(200);
    const d = await detail(admin, p.id);
    expect(d.plan.versions.map((v: { seq: number; status: string }) => [v.seq, v.status])).toEqual([
      [1, 'returned'],
      [2, 'approved'],
    ]);
    expect(d.plan.versions[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(d.project.stage).toBe('待签订实施协议');
    const notices = (await admin.request({ method: 'GET', url: '/api/notifications' })).json().items.map((n: { title: string }) => n.title);
    expect(notices).toEqual(expect.arrayContaining(['实施方案被退回修改', '实施方案已批准']));
  });

  it('both sides sign the agreement’s hash by name; a changed text must be read again; both signatures make it effective', async () => {
    expect((await admin.request({ method: 'PUT', url: `/api/projects/${p.id}/agreement`, payload: { agreementNo: 'X', terms: 'x' } })).statusCode).toBe(403);
    expect((await officer.request({ method: 'PUT', url: `/api/projects/${p.id}/agreement`, payload: { agreementNo: '冀工信互联网+试点协议2016-017', terms: '第一条 建设内容……' } })).statusCode).toBe(200);
    const first = (await detail(officer, p.id)).agreement;
    expect(first.document).toMatchObject({ agreementNo: '冀工信互联网+试点协议2016-017', title: '试点示范项目实施协议', parties: { applicant: p.applicant.name }, plan: { seq: 2 }, period: { from: '2016-03', to: '2017-10' } });

    // The owner revises the terms: the applicant who read the first text cannot sign the second one with the old hash.
    expect((await officer.request({ method: 'PUT', url: `/api/projects/${p.id}/agreement`, payload: { agreementNo: '冀工信互联网+试点协议2016-017', terms: '第一条 建设内容……第二条 资金拨付……' } })).statusCode).toBe(200);
    const second = (await detail(officer, p.id)).agreement;
    expect(second.sha256).not.toBe(first.sha256);
    const stale = await admin.request({ method: 'POST', url: `/api/projects/${p.id}/agreement/sign`, payload: { signerName: '高振国', sha256: first.sha256 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toBe('实施协议内容已变更，请重新阅读后签署');

    expect((await admin.request({ method: 'POST', url: `/api/projects/${p.id}/agreement/sign`, payload: { signerName: '高振国', sha256: second.sha256 } })).statusCode).toBe(200);
    expect((await admin.request({ method: 'POST', url: `/api/projects/${p.id}/agreement/sign`, payload: { signerName: '高振国', sha256: second.sha256 } })).statusCode).toBe(409);
    expect((await detail(admin, p.id)).project.stage).toBe('实施协议待签署');
    expect((await reviewer.request({ method: 'POST', url: `/api/projects/${p.id}/agreement/sign`, payload: { signerName: '市局', sha256: second.sha256 } })).statusCode).toBe(403);
    expect((await officer.request({ method: 'POST', url: `/api/projects/${p.id}/agreement/sign`, payload: { signerName: '李处长', sha256: second.sha256 } })).statusCode).toBe(200);
    const d = await detail(admin, p.id);
    expect(d.agreement.effectiveAt).not.toBeNull();
    expect(d.agreement.signatures.map((s: { party: string; signerName: string; sha256: string }) => [s.party, s.signerName, s.sha256 === second.sha256])).toEqual([
      ['applicant', '高振国', true],
      ['owner', '李处长', true],
    ]);
    expect(d.project.stage).toBe('实施中');
    expect((await officer.request({ method: 'PUT', url: `/api/projects/${p.id}/agreement`, payload: { agreementNo: 'Y', terms: '改' } })).statusCode).toBe(409);
  });
});

describe('季度进展报告', () => {
  let p: BuiltProject;
  let admin: Session;
  const quarterly = () => {
    const a = exampleAnswers('hebei-internet-plus-pilot', 'quarterly-report');
    delete a.reportYear;
    delete a.reportQuarter;
    return a;
  };
  beforeAll(async () => {
    p = await buildProject(t.database, w);
    admin = await sessionOf(t, p.applicant, ['applicant_admin']);
    await implementing(admin, officer, p.id);
  });

  it('a report is due at each quarter end of the project period; two missed ones flag the project', async () => {
    const d = await detail(admin, p.id);
    expect(d.reports.form).toEqual({ id: 'quarterly-report', title: '河北省“互联网+”制造业试点示范项目季度进展报告' });
    expect(d.reports.schedule.map((s: { label: string; dueOn: string; state: string }) => `${s.label}:${s.dueOn}:${s.state}`)).toEqual([
      '2016年第二季度:2016-06-30:missing',
      '2016年第三季度:2016-09-30:missing',
      '2016年第四季度:2016-12-31:missing',
      '2017年第一季度:2017-03-31:missing',
      '2017年第二季度:2017-06-30:missing',
      '2017年第三季度:2017-09-30:missing',
      '2017年第四季度:2017-12-31:missing',
    ]);
    expect(d.project.risk.flagged).toBe(true);
    expect(d.project.risk.reasons[0]).toBe('7次季度进展报告未按时报送');
    const risky = (await officer.request({ method: 'GET', url: `/api/projects?callId=${w.callId}&risk=true` })).json().items.map((i: { id: string }) => i.id);
    expect(risky).toContain(p.id);
  });

  it('the applicant files a quarter with the pack’s form: checked by its rules, late by the server clock, once', async () => {
    const empty = await admin.request({ method: 'POST', url: `/api/projects/${p.id}/reports`, payload: { year: 2016, quarter: 4, answers: { ...quarterly(), progressSummary: '' } } });
    expect(empty.statusCode).toBe(422);
    expect(empty.json().error.fields).toEqual([{ path: '/body/answers/progressSummary', message: '请填写「本季度试点进展情况」' }]);
    const outside = await admin.request({ method: 'POST', url: `/api/projects/${p.id}/reports`, payload: { year: 2015, quarter: 4, answers: quarterly() } });
    expect(outside.statusCode).toBe(400);
    expect((await officer.request({ method: 'POST', url: `/api/projects/${p.id}/reports`, payload: { year: 2016, quarter: 4, answers: quarterly() } })).statusCode).toBe(403);

    expect((await admin.request({ method: 'POST', url: `/api/projects/${p.id}/reports`, payload: { year: 2016, quarter: 4, answers: quarterly() } })).statusCode).toBe(200);
    expect((await admin.request({ method: 'POST', url: `/api/projects/${p.id}/reports`, payload: { year: 2016, quarter: 4, answers: quarterly() } })).statusCode).toBe(409);
    const d = await detail(admin, p.id);
    const q4 = d.reports.schedule.find((s: { year: number; quarter: number }) => s.year === 2016 && s.quarter === 4);
    expect(q4.state).toBe('late');
    const report = d.reports.items[0];
    expect(report.answers).toMatchObject({ reportYear: 2016, reportQuarter: 'Q4', agreementNo: d.agreement.agreementNo, investmentProgress: 50 });
    expect(d.project.reports).toMatchObject({ submitted: 1, late: 1, missing: 6 });
  });

  it('the recommender sees late and missing reports of its jurisdiction only; the owner sees all', async () => {
    const mine = (await reviewer.request({ method: 'GET', url: `/api/project-reports/overdue?callId=${w.callId}` })).json().items.filter((i: { projectId: string }) => i.projectId === p.id);
    expect(mine.map((i: { label: string; state: string }) => `${i.label}:${i.state}`)).toEqual([
      '2016年第二季度:missing',
      '2016年第三季度:missing',
      '2016年第四季度:late',
      '2017年第一季度:missing',
      '2017年第二季度:missing',
      '2017年第三季度:missing',
      '2017年第四季度:missing',
    ]);
    expect(mine[2].daysOverdue).toBeGreaterThan(3000);
    const others = (await otherReviewer.request({ method: 'GET', url: `/api/project-reports/overdue?callId=${w.callId}` })).json().items;
    expect(others.some((i: { projectId: string }) => i.projectId === p.id)).toBe(false);
    const owners = (await officer.request({ method: 'GET', url: `/api/project-reports/overdue?callId=${w.callId}` })).json().items;
    expect(owners.filter((i: { projectId: string }) => i.projectId === p.id)).toHaveLength(7);
    expect((await admin.request({ method: 'GET', url: `/api/project-reports/overdue` })).statusCode).toBe(403);
    expect((await otherReviewer.request({ method: 'GET', url: `/api/projects/${p.id}` })).statusCode).toBe(404);
  });

  it('flags a project whose investment is far behind the plan for the time elapsed', async () => {
    const now = new Date();
    const ym = (months: number) => {
      const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + months, 1));
      return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
    };
    // Half of a two-year period has passed; 1280.5万 planned, so 640万 expected and less than half of it (320万) flags.
    const r = await buildProject(t.database, w, { answers: { projectPeriod: { from: ym(-12), to: ym(11) } }, selectedAt: now.toISOString() });
    const rAdmin = await sessionOf(t, r.applicant, ['applicant_admin']);
    const risk = async () => (await detail(officer, r.id)).project.risk;
    expect((await risk()).reasons).toEqual([expect.stringMatching(/^累计完成投资0万元，不到按进度应完成投资[\d.]+万元的50%$/)]);
    const add = await rAdmin.request({
      method: 'POST',
      url: `/api/projects/${r.id}/ledger`,
      payload: { category: 'automation', item: '产线改造', supplier: '某公司', contract: 'HT', contractAmount: 400, invoiceNo: `R${uniqueSuffix()}`, invoiceAmount: 400, invoiceDate: `${ym(-1)}-10`, paymentVoucherNo: 'FK', paymentAmount: 400 },
    });
    expect(add.statusCode, add.body).toBe(201);
    expect(await risk()).toEqual({ flagged: false, reasons: [] });
  });

  it('reminders go out before and after the due date, once each, to the applicant and (late) the recommender', async () => {
    // A project running now: period from this month for a year.
    const now = new Date();
    const ym = (d: Date) => `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
    const end = new Date(Date.UTC(now.getUTCFullYear() + 1, now.getUTCMonth(), 1));
    const q = await buildProject(t.database, w, { answers: { projectPeriod: { from: ym(now), to: ym(end) } }, selectedAt: now.toISOString() });
    const qAdmin = await sessionOf(t, q.applicant, ['applicant_admin']);
    const slot = (await detail(qAdmin, q.id)).reports.schedule[0];
    const due = new Date(`${slot.dueOn}T12:00:00+08:00`);
    const at = (days: number) => new Date(due.getTime() + days * 86_400_000);
    const titles = async (s: Session) => (await s.request({ method: 'GET', url: '/api/notifications' })).json().items.filter((n: { body: string }) => n.body.includes(q.name)).map((n: { title: string }) => n.title);

    await sendReportReminders(t.database.db, at(-10));
    expect(await titles(qAdmin)).toEqual([]);
    await sendReportReminders(t.database.db, at(-7));
    await sendReportReminders(t.database.db, at(-6));
    expect(await titles(qAdmin)).toEqual(['季度进展报告即将到期']);
    await sendReportReminders(t.database.db, at(1));
    await sendReportReminders(t.database.db, at(1));
    expect(await titles(qAdmin)).toEqual(['季度进展报告已逾期', '季度进展报告即将到期']);
    expect(await titles(reviewer)).toEqual(['辖区项目季度报告逾期']);
    // Once the report is in, no more reminders for it.
    await t.database.pool.query(`INSERT INTO project_reports (project_id, year, quarter, due_on, answers, sha256, late, submitted_by) VALUES ($1, $2, $3, $4, '{}', 'x', true, gen_random_uuid())`, [q.id, slot.year, slot.quarter, slot.dueOn]);
    await sendReportReminders(t.database.db, at(10));
    expect(await titles(qAdmin)).toHaveLength(2);
  });
});

describe('投资台账', () => {
  let a: BuiltProject; // in the 003 call
  let admin: Session;
  let filler: Session;
  const row = (over: Record<string, unknown> = {}) => ({
    category: 'automation',
    item: '轧线自动化控制系统改造',
    supplier: '某自动化工程有限公司',
    contract: 'GC-2016-031',
    contractAmount: 620,
    invoiceNo: `1300${uniqueSuffix()}`,
    invoiceAmount: 620,
    invoiceDate: '2016-09-20',
    paymentVoucherNo: 'FK-160925',
    paymentAmount: 620,
    ...over,
  });
  const add = async (s: Session, projectId: string, body: Record<string, unknown>) => s.request({ method: 'POST', url: `/api/projects/${projectId}/ledger`, payload: body });
  const ledger = async (s: Session, projectId: string) => (await s.request({ method: 'GET', url: `/api/projects/${projectId}/ledger` })).json();
  const checksOf = (l: { findings: { check: string; itemId: string | null }[] }, itemId: string) => l.findings.filter((f) => f.itemId === itemId).map((f) => f.check);

  beforeAll(async () => {
    a = await buildProject(t.database, w);
    admin = await sessionOf(t, a.applicant, ['applicant_admin']);
    filler = await sessionOf(t, a.applicant, ['applicant_filler']);
  });

  it('keeps rows of 000’s 附表 with scans attached per row; money exact to 0.01万元', async () => {
    const scans = { contractFileIds: [await uploadFile(filler, a.id, 'ledger', '合同.pdf')], invoiceFileIds: [await uploadFile(filler, a.id, 'ledger', '发票.pdf')], paymentFileIds: [await uploadFile(filler, a.id, 'ledger', '付款凭证.pdf')] };
    const res = await add(filler, a.id, row({ ...scans, contractAmount: 310.25, invoiceAmount: 310.1, paymentAmount: 0.15 }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ categoryLabel: '自动化设备购置与改造', seq: 1, contractAmount: 310.25, invoiceAmount: 310.1, paymentAmount: 0.15, amount: 310.1, version: 1 });
    expect(res.json().files.invoice[0]).toMatchObject({ name: '发票.pdf', mime: 'application/pdf' });
    const third = await add(filler, a.id, row({ invoiceAmount: 1.234 }));
    expect(third.statusCode).toBe(400);
    expect(third.json().error.fields).toEqual([{ path: '/body/invoiceAmount', message: '至多2位小数' }]);
    expect((await add(filler, a.id, row({ category: 'furniture' }))).json().error.fields[0].path).toBe('/body/category');
    expect((await add(officer, a.id, row())).statusCode).toBe(403);
    expect((await add(reviewer, a.id, row())).statusCode).toBe(403);
    // A scan claimed from another project is refused.
    const other = await buildProject(t.database, w);
    const foreign = await uploadFile(await sessionOf(t, other.applicant, ['applicant_admin']), other.id, 'ledger');
    const stolen = await add(filler, a.id, row({ invoiceFileIds: [foreign] }));
    expect(stolen.statusCode).toBe(400);
    expect(stolen.json().error.fields).toEqual([{ path: '/body/invoiceFileIds/0', message: '该文件不是本项目此处上传的文件' }]);
    // A file that is no PDF under a .pdf name is refused by its content.
    const fake = await filler.request({ method: 'POST', url: `/api/projects/${a.id}/files?purpose=ledger&name=x.pdf`, payload: Buffer.from('not a pdf at all'), headers: { 'content-type': 'application/pdf' } });
    expect(fake.statusCode).toBe(400);
  });

  it('checks every row: project period, three-year window, payment ≤ invoice ≤ contract, scans, category totals against the plan', async () => {
    const ids: Record<string, string> = {};
    const put = async (key: string, body: Record<string, unknown>) => {
      const res = await add(admin, a.id, body);
      expect(res.statusCode, res.body).toBe(201);
      ids[key] = res.json().id;
    };
    await put('beforePeriod', row({ item: '期前采购', invoiceDate: '2016-02-15' }));
    await put('overInvoice', row({ item: '超发票付款', category: 'it', contractAmount: 100, invoiceAmount: 100, paymentAmount: 100.01 }));
    await put('overContract', row({ item: '超合同开票', category: 'it', contractAmount: 99.99, invoiceAmount: 100, paymentAmount: 100 }));
    await put('bigIt', row({ item: '服务器集群', category: 'it', contractAmount: 400, invoiceAmount: 400, paymentAmount: 400 }));
    const l = await ledger(admin, a.id);
    expect(checksOf(l, ids.beforePeriod!)).toEqual(['invoice_outside_period', 'missing_scans']);
    expect(checksOf(l, ids.overInvoice!)).toEqual(['payment_above_invoice', 'missing_scans']);
    expect(checksOf(l, ids.overContract!)).toEqual(['invoice_above_contract', 'missing_scans']);
    expect(l.window).toEqual({ fromYear: 2015, toYear: 2017 });
    const it = l.totals.find((x: { category: string }) => x.category === 'it');
    expect(it).toMatchObject({ planned: 310.25, amount: 600, rows: 3 });
    expect(l.findings.find((f: { check: string; category: string }) => f.check === 'category_above_plan' && f.category === 'it').message).toBe('「信息化软硬件购置」类合计600.00万元，超出申报计划310.25万元');
    expect(l.countedTotal).toBe(toSum([310.1, 620, 100, 100, 400]));
    expect(l.plannedTotal).toBe(1280.5);

    // The three-year window binds when the period is longer (a project of 2013–2017 may not count 2014 invoices).
    const long = await buildProject(t.database, w, { answers: { projectPeriod: { from: '2013-01', to: '2017-10' } } });
    const longAdmin = await sessionOf(t, long.applicant, ['applicant_admin']);
    const old = (await add(longAdmin, long.id, row({ invoiceDate: '2014-06-30' }))).json().id;
    expect(checksOf(await ledger(longAdmin, long.id), old)).toEqual(['invoice_outside_window', 'missing_scans']);

    // Fix a row with its version; a stale version is refused.
    const fixed = await admin.request({ method: 'PUT', url: `/api/projects/${a.id}/ledger/${ids.beforePeriod}`, payload: { ...row({ item: '期前采购', invoiceDate: '2016-03-15' }), version: 1 } });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json().version).toBe(2);
    const stale = await filler.request({ method: 'PUT', url: `/api/projects/${a.id}/ledger/${ids.beforePeriod}`, payload: { ...row(), version: 1 } });
    expect(stale.statusCode).toBe(409);
    expect(checksOf(await ledger(admin, a.id), ids.beforePeriod!)).toEqual(['missing_scans']);
    expect((await admin.request({ method: 'DELETE', url: `/api/projects/${a.id}/ledger/${ids.overContract}` })).statusCode).toBe(200);
    expect((await ledger(admin, a.id)).items.some((i: { id: string }) => i.id === ids.overContract)).toBe(false);
  });

  it('finds the same invoice of the same supplier in a funded project of another call, and shows it to the owners only', async () => {
    // A second call (000, the 2023 innovation pilots) issued by the same province, with its own project.
    const w2 = await buildProjectWorld(t.database, 'hebei-2023-innovation-pilot', { province: w.province, city: w.city });
    const b = await buildProject(t.database, w2, { answers: { projectPeriod: { from: '2016-01', to: '2017-12' } } });
    const bAdmin = await sessionOf(t, b.applicant, ['applicant_admin']);
    const invoiceNo = `13001610${uniqueSuffix()}`;
    const mine = (await add(admin, a.id, row({ item: 'PLC控制柜', supplier: '某自动化工程有限公司', invoiceNo, invoiceAmount: 50, contractAmount: 50, paymentAmount: 50 }))).json().id;
    // Written differently: full-width digits, spaces, another item name — still the same invoice of the same supplier.
    const wide = invoiceNo.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    const theirs = (await add(bAdmin, b.id, row({ item: '控制系统', supplier: '某自动化工程有限公司 ', invoiceNo: ` ${wide} `, invoiceAmount: 50, contractAmount: 50, paymentAmount: 50 }))).json().id;
    // Same number of another supplier is no reuse.
    await add(bAdmin, b.id, row({ item: '其他供应商', supplier: '另一家科技有限公司', invoiceNo, invoiceAmount: 10, contractAmount: 10, paymentAmount: 10 }));

    const ownerView = await ledger(officer, a.id);
    const reuse = ownerView.findings.filter((f: { check: string }) => f.check === 'invoice_reused');
    expect(reuse).toHaveLength(1);
    expect(reuse[0]).toMatchObject({ itemId: mine, severity: 'error', other: { projectId: b.id, projectName: b.name, callId: w2.callId, applicantName: b.applicant.name, itemId: theirs, invoiceAmount: 50 } });
    expect(reuse[0].other.callTitle).toBe('2023年河北省工业互联网创新发展试点项目申报');
    expect(reuse[0].message).toContain(`已用于${b.applicant.name}的受资助项目「${b.name}」`);
    // The other call's view finds it the other way round.
    const theirView = await ledger(officer, b.id);
    expect(theirView.findings.filter((f: { check: string }) => f.check === 'invoice_reused').map((f: { itemId: string; other: { projectId: string } }) => [f.itemId, f.other.projectId])).toEqual([[theirs, a.id]]);
    // Applicants and the city see their ledger checks, not other organisations' projects.
    for (const s of [admin, reviewer]) expect((await ledger(s, a.id)).findings.some((f: { check: string }) => f.check === 'invoice_reused')).toBe(false);
  });

  it('002’s itemised list: total = 数量 × 单价, rounded half-up to 0.01万元', async () => {
    const hunanProvince = await buildOrganisation(t.database, { kind: 'provincial_department', divisionCode: '430000' });
    const hunan = await buildProjectWorld(t.database, 'hunan-2023-platform-plan', { province: hunanProvince, city: await buildOrganisation(t.database, { kind: 'city_bureau', parent: hunanProvince, divisionCode: '430100' }) });
    const h = await buildProject(t.database, hunan, { formId: 'platform-application', answers: { projectPeriod: { from: '2023-01', to: '2023-10' }, plannedInvestment: 800 } });
    const hAdmin = await sessionOf(t, h.applicant, ['applicant_admin']);
    const res = await add(hAdmin, h.id, { category: 'hardware', item: '边缘网关', contract: '硬件采购合同', maker: '某电子', quantity: 3, unitPrice: 1.2345 });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ quantity: 3, unitPrice: 1.2345, amount: 3.7 });
    const half = (await add(hAdmin, h.id, { category: 'software', item: '授权', contract: '软件合同', maker: '某软件', quantity: 1.5, unitPrice: 0.3333 })).json();
    expect(half.amount).toBe(0.5);
    expect((await add(hAdmin, h.id, { category: 'cloud', item: '云主机', contract: '云服务合同', quantity: 1, unitPrice: 0.12345 })).json().error.fields).toEqual([{ path: '/body/unitPrice', message: '至多4位小数' }]);
    const l = await ledger(hAdmin, h.id);
    expect(l.layout).toBe('itemised');
    expect(l.countedTotal).toBe(4.2);
    expect(l.plannedTotal).toBe(800);
  });
});

const toSum = (xs: number[]) => Math.round(xs.reduce((s, x) => s + Math.round(x * 100), 0)) / 100;
