import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, getTestApp, type Session, type TestApp } from '../../testing/app.ts';
import { buildOpenCall } from '../../testing/calls.ts';
import { buildExpert, buildProject, buildProjectWorld, exampleAnswers, implementing, sessionOf, uploadFile, type BuiltProject, type ProjectWorld } from '../../testing/project-fixture.ts';

let t: TestApp;
let w: ProjectWorld; // a call of 003 (河北省“互联网+”制造业试点示范) issued by the province
let officer: Session;
let reviewer: Session;
let experts: Awaited<ReturnType<typeof buildExpert>>[];

const day = 86_400_000;
const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const inDays = (n: number) => new Date(Date.now() + 8 * 3_600_000 + n * day).toISOString().slice(0, 10);
const PERFORMANCE = { '一、项目绩效评估': '建设目标全部实现，生产效率提高16%。', '二、补助资金使用情况分析': '省级补助资金全部用于系统开发与服务。' };
const detail = async (s: Session, id: string) => (await s.request({ method: 'GET', url: `/api/projects/${id}` })).json();
const post = (s: Session, url: string, payload: unknown) => s.request({ method: 'POST', url, payload: payload as never });

beforeAll(async () => {
  t = await getTestApp();
  w = await buildProjectWorld(t.database, 'hebei-internet-plus-pilot');
  officer = await sessionOf(t, w.province, ['program_officer']);
  reviewer = await sessionOf(t, w.city, ['recommender_reviewer']);
  experts = [];
  for (let i = 0; i < 3; i++) experts.push(await buildExpert(t, w.pool));
});
afterAll(() => t.close());

/** A project of 003 in implementation with the ledger of the pack's example (620 + 310.25 + 280.25 = 1210.5万元), scans attached. */
async function readyForAcceptance(): Promise<{ p: BuiltProject; admin: Session }> {
  const p = await buildProject(t.database, w);
  const admin = await sessionOf(t, p.applicant, ['applicant_admin']);
  await implementing(admin, officer, p.id);
  const categories: Record<string, string> = { 自动化设备购置与改造: 'automation', 信息化软硬件购置: 'it', 系统开发与服务: 'development' };
  for (const item of exampleAnswers('hebei-internet-plus-pilot', 'acceptance').items as Record<string, unknown>[]) {
    const res = await post(admin, `/api/projects/${p.id}/ledger`, {
      category: categories[String(item.category)],
      item: item.equipment,
      supplier: item.supplier,
      contract: item.contract,
      contractAmount: item.contractAmount,
      invoiceNo: `${String(item.invoiceNo)}-${p.id.slice(0, 6)}`,
      invoiceAmount: item.invoiceAmount,
      invoiceDate: item.invoiceDate,
      paymentVoucherNo: item.paymentVoucherNo,
      paymentAmount: item.paymentAmount,
      contractFileIds: [await uploadFile(admin, p.id, 'ledger', '合同.pdf')],
      invoiceFileIds: [await uploadFile(admin, p.id, 'ledger', '发票.pdf')],
      paymentFileIds: [await uploadFile(admin, p.id, 'ledger', '付款凭证.pdf')],
    });
    expect(res.statusCode, res.body).toBe(201);
  }
  return { p, admin };
}

/** The pack's acceptance form (003 forms/acceptance.yaml) as the applicant fills it; the ledger table comes from the ledger. */
async function acceptanceBody(admin: Session, projectId: string) {
  const answers = exampleAnswers('hebei-internet-plus-pilot', 'acceptance');
  delete answers.items;
  delete answers.agreementNo;
  for (const field of ['vouchers', 'acceptanceApplication', 'performanceReport']) answers[field] = [{ fileId: await uploadFile(admin, projectId, 'acceptance', `${field}.pdf`) }];
  return { answers, performanceReport: PERFORMANCE };
}

async function panelReviews(projectId: string, recommendation: 'pass' | 'fail') {
  expect((await officer.request({ method: 'PUT', url: `/api/projects/${projectId}/acceptance/panel`, payload: { expertUserIds: experts.map((e) => e.userId) } })).statusCode).toBe(200);
  for (const e of experts) {
    const res = await post(e, `/api/projects/${projectId}/acceptance/review`, {
      scores: { completion: 85, investment: 80, benefits: 78, replicable: 90 },
      comments: { completion: '建设内容完成', investment: '票据齐全', replicable: '模式可推广' },
      recommendation,
      opinion: recommendation === 'pass' ? '同意通过验收' : '建设内容未完成，不同意通过',
    });
    expect(res.statusCode, res.body).toBe(200);
  }
}

describe('验收：申请、初验、专家组、结论', () => {
  it('applies with the form, the performance report and the ledger; the city returns, then forwards; the panel scores; the owner passes it and grants the title', async () => {
    const { p, admin } = await readyForAcceptance();
    const d0 = await detail(admin, p.id);
    expect(d0.acceptance.form).toEqual({ id: 'acceptance', title: '河北省“互联网+”制造业试点示范项目验收申请', ledgerField: 'items' });
    expect(d0.acceptance.performanceOutline).toEqual(['一、项目绩效评估', '二、补助资金使用情况分析']);
    expect(d0.permissions.applyAcceptance).toBe(true);

    const body = await acceptanceBody(admin, p.id);
    const noReport = await post(admin, `/api/projects/${p.id}/acceptance`, { answers: body.answers });
    expect(noReport.statusCode).toBe(400);
    expect(noReport.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['/body/performanceReport/一、项目绩效评估', '/body/performanceReport/二、补助资金使用情况分析']);
    const incomplete = await post(admin, `/api/projects/${p.id}/acceptance`, { ...body, answers: { ...body.answers, constructionCompleted: false } });
    expect(incomplete.statusCode).toBe(422);
    expect(incomplete.json().error.fields).toEqual([{ path: '/body/answers/constructionCompleted', message: '试点项目建设完成后方可提交验收申请' }]);

    expect((await post(admin, `/api/projects/${p.id}/acceptance`, body)).statusCode).toBe(200);
    let d = await detail(officer, p.id);
    const round = d.acceptance.rounds[0];
    expect(round).toMatchObject({ round: 1, status: 'applied', actualInvestment: 1210.5, submissions: 1 });
    expect(round.answers.items).toHaveLength(3);
    expect(round.answers.items[0]).toMatchObject({ category: '自动化设备购置与改造', seq: 1, equipment: '轧线自动化控制系统改造', invoiceAmount: 620 });
    expect(round.answers.actualInvestment).toBe(1210.5);
    expect(round.answers.agreementNo).toBe(d.agreement.agreementNo);
    expect(round.ledgerSnapshot).toHaveLength(3);
    expect(d.project.stage).toBe('验收：已申请，待初验');
    // The ledger is frozen while the application is under way.
    const frozen = await post(admin, `/api/projects/${p.id}/ledger`, { category: 'it', item: '补录', invoiceAmount: 1 });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().error.message).toBe('验收申请办理中，投资台账已随申请提交，不能修改');

    // 初验: only the city of the jurisdiction; it returns with an opinion, the applicant corrects and applies again.
    expect((await post(officer, `/api/projects/${p.id}/acceptance/pre-review`, { decision: 'forwarded', opinion: '同意' })).statusCode).toBe(403);
    expect((await post(reviewer, `/api/projects/${p.id}/acceptance/pre-review`, { decision: 'returned', opinion: '请补充监理报告' })).statusCode).toBe(200);
    expect((await detail(admin, p.id)).acceptance.rounds[0].pre).toMatchObject({ decision: 'returned', opinion: '请补充监理报告' });
    expect((await post(admin, `/api/projects/${p.id}/acceptance`, body)).statusCode).toBe(200);
    expect((await post(reviewer, `/api/projects/${p.id}/acceptance/pre-review`, { decision: 'forwarded', opinion: '初验合格，报请省厅组织验收' })).statusCode).toBe(200);
    d = await detail(officer, p.id);
    expect(d.acceptance.rounds[0]).toMatchObject({ status: 'forwarded', submissions: 2 });
    expect(d.permissions.formPanel).toBe(true);

    // The panel: at least 3 (the pack), from the province's pools, nobody in conflict with the applicant.
    const tooSmall = await officer.request({ method: 'PUT', url: `/api/projects/${p.id}/acceptance/panel`, payload: { expertUserIds: [experts[0]!.userId] } });
    expect(tooSmall.statusCode).toBe(400);
    const employee = await buildExpert(t, w.pool, { employer: p.applicant });
    const formerEmployee = await buildExpert(t, w.pool, { formerEmployers: [{ organisationId: p.applicant.id, name: p.applicant.name, until: new Date().getFullYear() - 1 }] });
    const conflicted = await officer.request({ method: 'PUT', url: `/api/projects/${p.id}/acceptance/panel`, payload: { expertUserIds: [experts[0]!.userId, employee.userId, formerEmployee.userId] } });
    expect(conflicted.statusCode).toBe(409);
    expect(conflicted.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['/body/expertUserIds/1', '/body/expertUserIds/2']);
    expect(conflicted.json().error.fields[0].message).toBe(`专家现任职于${p.applicant.name}`);
    const otherPool = await buildOrganisation(t.database, { kind: 'expert_pool', divisionCode: '430000' });
    const outsider = await buildExpert(t, otherPool);
    expect((await officer.request({ method: 'PUT', url: `/api/projects/${p.id}/acceptance/panel`, payload: { expertUserIds: [experts[0]!.userId, experts[1]!.userId, outsider.userId] } })).statusCode).toBe(400);

    // The candidates name who must stay out before anyone is chosen.
    const candidates = (await officer.request({ method: 'GET', url: `/api/projects/${p.id}/acceptance/experts` })).json().items as { userId: string; conflict: string | null }[];
    expect(candidates.find((c) => c.userId === employee.userId)?.conflict).toBe(`专家现任职于${p.applicant.name}`);
    expect(candidates.some((c) => c.userId === outsider.userId)).toBe(false); // another province's pool
    expect(candidates.filter((c) => experts.some((e) => e.userId === c.userId)).every((c) => c.conflict === null)).toBe(true);
    expect((await admin.request({ method: 'GET', url: `/api/projects/${p.id}/acceptance/experts` })).statusCode).toBe(403);
    expect((await officer.request({ method: 'PUT', url: `/api/projects/${p.id}/acceptance/panel`, payload: { expertUserIds: experts.map((e) => e.userId), meetingAt: '2026-12-01T09:00:00+08:00' } })).statusCode).toBe(200);
    // Experts see the project of their panel (not others); they score against the pack's acceptance rubric.
    expect((await experts[0]!.request({ method: 'GET', url: '/api/projects' })).json().items.map((i: { id: string }) => i.id)).toEqual([p.id]);
    expect((await outsider.request({ method: 'GET', url: `/api/projects/${p.id}` })).statusCode).toBe(404);
    const unscored = await post(experts[0]!, `/api/projects/${p.id}/acceptance/review`, { recommendation: 'pass', opinion: '同意', scores: { completion: 90 } });
    expect(unscored.statusCode).toBe(400);
    expect(unscored.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['/body/comments/completion', '/body/scores/investment', '/body/comments/investment', '/body/scores/benefits', '/body/scores/replicable', '/body/comments/replicable']);
    expect((await post(officer, `/api/projects/${p.id}/acceptance/decision`, { decision: 'passed', opinion: '通过' })).statusCode).toBe(409); // opinions pending
    await panelReviews(p.id, 'pass');
    d = await detail(officer, p.id);
    expect(d.acceptance.rounds[0].averageScore).toBe(83.25);
    expect(d.acceptance.rounds[0].panel[0].review).toMatchObject({ total: 83.25, recommendation: 'pass' });
    expect((await detail(admin, p.id)).acceptance.rounds[0].panel[0].review).toBeNull(); // the applicant does not see the experts' sheets
    // … nor their opinions through the history, which the owner sees in full; the panel does not see the money.
    const reviewEvents = (x: { events: { type: string }[] }) => x.events.filter((e) => e.type === 'acceptance_review').length;
    expect(reviewEvents(await detail(admin, p.id))).toBe(0);
    expect(reviewEvents(d)).toBe(experts.length);
    expect((await detail(experts[0]!, p.id)).subsidy).toBeNull();

    const tooMuch = await post(officer, `/api/projects/${p.id}/acceptance/decision`, { decision: 'passed', opinion: '通过验收', acceptedInvestment: 1300 });
    expect(tooMuch.statusCode).toBe(400);
    expect((await post(officer, `/api/projects/${p.id}/acceptance/decision`, { decision: 'passed', opinion: '各项建设内容完成，形成可推广的钢铁行业智能工厂模式，同意通过验收。', replicableModel: true })).statusCode).toBe(200);
    d = await detail(admin, p.id);
    expect(d.project.status).toBe('accepted');
    expect(d.project.title).toBe('河北省“互联网+”制造业示范企业');
    expect(d.honours).toMatchObject({ title: '河北省“互联网+”制造业示范企业', revokedAt: null });
    expect(d.acceptance.rounds[0].decision).toMatchObject({ decision: 'passed', acceptedInvestment: 1210.5, replicableModel: true });
    // 20 % of 1210.5万 = 242.1万, capped at 100万.
    expect(d.subsidy).toMatchObject({ estimate: 100, final: 100, capApplied: true });
  });

  it('a failed project gets a rectification deadline and a second acceptance; a second failure closes it as failed', async () => {
    const { p, admin } = await readyForAcceptance();
    const body = await acceptanceBody(admin, p.id);
    expect((await post(admin, `/api/projects/${p.id}/acceptance`, body)).statusCode).toBe(200);
    expect((await post(reviewer, `/api/projects/${p.id}/acceptance/pre-review`, { decision: 'forwarded', opinion: '初验合格' })).statusCode).toBe(200);
    await panelReviews(p.id, 'fail');
    const noDeadline = await post(officer, `/api/projects/${p.id}/acceptance/decision`, { decision: 'failed', opinion: '生产执行系统未上线' });
    expect(noDeadline.statusCode).toBe(400);
    expect(noDeadline.json().error.fields).toEqual([{ path: '/body/rectificationDeadline', message: '必填' }]);
    expect((await post(officer, `/api/projects/${p.id}/acceptance/decision`, { decision: 'failed', opinion: '生产执行系统未上线', rectificationDeadline: today() })).statusCode).toBe(400);
    const deadline = inDays(90);
    expect((await post(officer, `/api/projects/${p.id}/acceptance/decision`, { decision: 'failed', opinion: '生产执行系统未上线，限期整改', rectificationDeadline: deadline })).statusCode).toBe(200);
    let d = await detail(admin, p.id);
    expect(d.project.status).toBe('rectifying');
    expect(d.project.stage).toBe(`限期整改（至${deadline}）`);
    expect(d.acceptance.rectificationDeadline).toBe(deadline);
    expect(d.permissions.applyAcceptance).toBe(true);
    expect(d.permissions.editLedger).toBe(true);

    // Rectified: a further invoice of the period, then the second acceptance — the form says so by itself.
    const extra = await post(admin, `/api/projects/${p.id}/ledger`, {
      category: 'development',
      item: '生产执行系统整改',
      supplier: '某软件有限公司',
      contract: 'GC-2017-019',
      contractAmount: 20,
      invoiceNo: `ZG-${p.id.slice(0, 8)}`,
      invoiceAmount: 20,
      invoiceDate: '2017-09-15',
      paymentVoucherNo: 'FK-170920',
      paymentAmount: 20,
      contractFileIds: [await uploadFile(admin, p.id, 'ledger')],
      invoiceFileIds: [await uploadFile(admin, p.id, 'ledger')],
      paymentFileIds: [await uploadFile(admin, p.id, 'ledger')],
    });
    expect(extra.statusCode, extra.body).toBe(201);
    const second = await acceptanceBody(admin, p.id);
    second.answers.rectificationReport = [{ fileId: await uploadFile(admin, p.id, 'acceptance', '整改情况报告.pdf') }];
    expect((await post(admin, `/api/projects/${p.id}/acceptance`, second)).statusCode).toBe(200);
    d = await detail(officer, p.id);
    expect(d.acceptance.rounds.map((r: { round: number; status: string }) => [r.round, r.status])).toEqual([
      [1, 'failed'],
      [2, 'applied'],
    ]);
    expect(d.acceptance.rounds[1].answers).toMatchObject({ acceptanceRound: 'second', rectificationDeadline: deadline });
    expect(d.acceptance.rounds[1].actualInvestment).toBe(1230.5);
    expect(d.project.stage).toBe('第二次验收：已申请，待初验');

    expect((await post(reviewer, `/api/projects/${p.id}/acceptance/pre-review`, { decision: 'forwarded', opinion: '整改到位' })).statusCode).toBe(200);
    await panelReviews(p.id, 'fail');
    expect((await post(officer, `/api/projects/${p.id}/acceptance/decision`, { decision: 'failed', opinion: '整改后仍未达到验收条件', rectificationDeadline: inDays(30) })).statusCode).toBe(400);
    expect((await post(officer, `/api/projects/${p.id}/acceptance/decision`, { decision: 'failed', opinion: '整改后仍未达到验收条件' })).statusCode).toBe(200);
    d = await detail(admin, p.id);
    expect(d.project.status).toBe('failed');
    expect(d.project.stage).toBe('未通过验收（已终止）');
    expect((await post(admin, `/api/projects/${p.id}/acceptance`, second)).statusCode).toBe(409);
    const titles = (await admin.request({ method: 'GET', url: '/api/notifications' })).json().items.map((n: { title: string }) => n.title);
    expect(titles).toEqual(expect.arrayContaining(['项目未通过验收，请限期整改', '项目第二次验收未通过']));
  });

  it('the second acceptance is refused after the rectification deadline', async () => {
    const { p, admin } = await readyForAcceptance();
    expect((await post(admin, `/api/projects/${p.id}/acceptance`, await acceptanceBody(admin, p.id))).statusCode).toBe(200);
    expect((await post(reviewer, `/api/projects/${p.id}/acceptance/pre-review`, { decision: 'forwarded', opinion: '初验合格' })).statusCode).toBe(200);
    await panelReviews(p.id, 'fail');
    expect((await post(officer, `/api/projects/${p.id}/acceptance/decision`, { decision: 'failed', opinion: '未完成', rectificationDeadline: inDays(10) })).statusCode).toBe(200);
    await t.database.pool.query(`UPDATE projects SET rectification_deadline = $1 WHERE id = $2`, [inDays(-1), p.id]);
    const late = await post(admin, `/api/projects/${p.id}/acceptance`, await acceptanceBody(admin, p.id));
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toBe(`整改期限（${inDays(-1)}）已过，不能再申请第二次验收`);
  });

  it('an expert who declares a conflict is out; the owner replaces them', async () => {
    const { p, admin } = await readyForAcceptance();
    expect((await post(admin, `/api/projects/${p.id}/acceptance`, await acceptanceBody(admin, p.id))).statusCode).toBe(200);
    expect((await post(reviewer, `/api/projects/${p.id}/acceptance/pre-review`, { decision: 'forwarded', opinion: '初验合格' })).statusCode).toBe(200);
    expect((await officer.request({ method: 'PUT', url: `/api/projects/${p.id}/acceptance/panel`, payload: { expertUserIds: experts.map((e) => e.userId) } })).statusCode).toBe(200);
    expect((await post(experts[2]!, `/api/projects/${p.id}/acceptance/review`, { conflict: '本人近期为该企业提供过咨询服务' })).statusCode).toBe(200);
    const again = await officer.request({ method: 'PUT', url: `/api/projects/${p.id}/acceptance/panel`, payload: { expertUserIds: experts.map((e) => e.userId) } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.fields).toEqual([{ path: '/body/expertUserIds/2', message: '本人已声明回避' }]);
    const replacement = await buildExpert(t, w.pool);
    expect((await officer.request({ method: 'PUT', url: `/api/projects/${p.id}/acceptance/panel`, payload: { expertUserIds: [experts[0]!.userId, experts[1]!.userId, replacement.userId] } })).statusCode).toBe(200);
    expect((await replacement.request({ method: 'GET', url: '/api/notifications' })).json().items.map((n: { title: string }) => n.title)).toEqual(['验收评审任务']);
    expect((await post(experts[2]!, `/api/projects/${p.id}/acceptance/review`, { recommendation: 'pass', opinion: '同意' })).statusCode).toBe(404);
  });
});

describe('补助资金：按配置包的政策计算、分批拨付、市级配套、汇总', () => {
  it('pays the first tranche within the estimate, the rest after acceptance on the accepted investment (below the cap); the city records its matching funds', async () => {
    const { p, admin } = await readyForAcceptance();
    let plan = (await detail(officer, p.id)).subsidy;
    // Planned counted investment 620 + 310.25 + 280.25 = 1210.5万 → 242.1万, capped at 100万.
    expect(plan).toMatchObject({ rate: 0.2, capWan: 100, estimate: 100, final: null, capApplied: true, cityMatching: true });
    expect(plan.tranches.map((x: { planned: number | null; open: boolean }) => [x.planned, x.open])).toEqual([
      [null, true],
      [null, false],
    ]);
    const pay = (s: Session, body: Record<string, unknown>) => post(s, `/api/projects/${p.id}/payments`, { paidOn: '2016-08-01', voucherNo: `BK-${Math.random()}`, ...body });
    expect((await pay(officer, { kind: 'provincial', tranche: 0, amount: 50.005 })).json().error.fields).toEqual([{ path: '/body/amount', message: '至多2位小数' }]);
    expect((await pay(officer, { kind: 'provincial', tranche: 0, amount: 50 })).statusCode).toBe(200);
    const over = await pay(officer, { kind: 'provincial', tranche: 0, amount: 50.01 });
    expect(over.statusCode).toBe(400);
    expect(over.json().error.message).toBe('超出可拨付金额：「确定为试点项目后给予部分资金补助（事前补贴）」目前至多可拨付50.00万元');
    const early = await pay(officer, { kind: 'provincial', tranche: 1, amount: 10 });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain('须待项目验收合格后拨付');
    expect((await pay(reviewer, { kind: 'provincial', tranche: 0, amount: 1 })).statusCode).toBe(403);
    expect((await pay(admin, { kind: 'city_matching', amount: 1 })).statusCode).toBe(403);
    expect((await pay(reviewer, { kind: 'city_matching', amount: 20, paidOn: '2016-09-01' })).statusCode).toBe(200);

    // Accepted at 400万 of the 1210.5万 in the ledger: 80万 in all, 30万 left to pay.
    expect((await post(admin, `/api/projects/${p.id}/acceptance`, await acceptanceBody(admin, p.id))).statusCode).toBe(200);
    expect((await post(reviewer, `/api/projects/${p.id}/acceptance/pre-review`, { decision: 'forwarded', opinion: '初验合格' })).statusCode).toBe(200);
    await panelReviews(p.id, 'pass');
    expect((await post(officer, `/api/projects/${p.id}/acceptance/decision`, { decision: 'passed', opinion: '部分投资不予认定，同意通过验收', acceptedInvestment: 400, replicableModel: false })).statusCode).toBe(200);
    const d = await detail(officer, p.id);
    expect(d.project.title).toBeNull(); // no replicable model, no title
    plan = d.subsidy;
    expect(plan).toMatchObject({ estimate: 100, final: 80, capApplied: false, paid: 50, cityMatchingPaid: 20 });
    expect(plan.tranches[1]).toMatchObject({ planned: 30, open: true, remaining: 30 });
    expect((await pay(officer, { kind: 'provincial', tranche: 1, amount: 30.01 })).statusCode).toBe(400);
    const last = await pay(officer, { kind: 'provincial', tranche: 1, amount: 30, paidOn: '2018-03-01' });
    expect(last.statusCode, last.body).toBe(200);
    expect(last.json()).toMatchObject({ paid: 80, overpaid: 0, tranches: [{ paid: 50 }, { paid: 30, remaining: 0 }] });

    const summary = (await officer.request({ method: 'GET', url: `/api/subsidies/summary?callId=${w.callId}` })).json();
    const rows = summary.rows.filter((r: { recommenderOrganisationId: string }) => r.recommenderOrganisationId === w.city.id);
    expect(rows.map((r: { year: number; provincial: number; cityMatching: number }) => [r.year, r.provincial, r.cityMatching])).toEqual(
      expect.arrayContaining([
        [2016, expect.any(Number), expect.any(Number)],
        [2018, expect.any(Number), 0],
      ]),
    );
    const y2018 = (await officer.request({ method: 'GET', url: `/api/subsidies/summary?callId=${w.callId}&year=2018` })).json();
    expect(y2018.rows.find((r: { recommenderOrganisationId: string }) => r.recommenderOrganisationId === w.city.id)).toMatchObject({ cityName: w.city.name, provincial: 30, cityMatching: 0, year: 2018 });
    expect((await reviewer.request({ method: 'GET', url: `/api/subsidies/summary` })).statusCode).toBe(403);
  });
});

describe('荣誉与处理：弄虚作假取消称号、收回资金、两年内禁止申报', () => {
  it('revokes the title, records the money to recover, and the ban blocks a new application and a submission in other calls', async () => {
    // A demonstration enterprise (title granted at acceptance) that was paid 100万.
    const { p, admin } = await readyForAcceptance();
    await t.database.pool.query(`UPDATE projects SET status = 'accepted', title = '河北省“互联网+”制造业示范企业', title_granted_at = now(), accepted_investment_wan = 1210.5 WHERE id = $1`, [p.id]);
    expect((await post(officer, `/api/projects/${p.id}/payments`, { kind: 'provincial', tranche: 0, amount: 50, paidOn: '2016-08-01', voucherNo: 'BK-1' })).statusCode).toBe(200);
    expect((await post(officer, `/api/projects/${p.id}/payments`, { kind: 'provincial', tranche: 1, amount: 50, paidOn: '2018-03-01', voucherNo: 'BK-2' })).statusCode).toBe(200);

    // A draft it started in another call before the fraud came to light, in an open call of 000 issued by the same province.
    const other = await buildOpenCall(t.database, 'hebei-2023-innovation-pilot', { issuer: w.province });
    const draft = await post(admin, '/api/applications', { callId: other, formId: 'mode-application' });
    expect(draft.statusCode, draft.body).toBe(201);
    const draftId = draft.json().application.id;

    expect((await post(reviewer, `/api/projects/${p.id}/sanctions`, { stage: 'acceptance', ground: '在项目验收中存在弄虚作假的', findings: '虚开发票' })).statusCode).toBe(403);
    const res = await post(officer, `/api/projects/${p.id}/sanctions`, { stage: 'acceptance', ground: '在项目验收中存在弄虚作假的', findings: '验收材料中3张发票系虚开', documentNumber: '冀工信处〔2018〕3号' });
    expect(res.statusCode, res.body).toBe(200);
    const d = await detail(officer, p.id);
    expect(d.project.status).toBe('revoked');
    expect(d.project.title).toBeNull();
    expect(d.honours.revokedAt).not.toBeNull();
    expect(d.sanctions[0]).toMatchObject({ titleRevoked: true, recoverAmount: 100, ground: '在项目验收中存在弄虚作假的' });
    const banEnds = new Date(d.sanctions[0].banEndsAt);
    expect(Math.round((banEnds.getTime() - Date.now()) / (365 * day))).toBe(2);
    expect(d.subsidy).toMatchObject({ toRecover: 100, recovered: 0 });
    expect(d.sanctionGrounds).toContain('在项目验收中存在弄虚作假的');
    expect((await post(officer, `/api/projects/${p.id}/payments`, { kind: 'recovery', amount: 100.01, paidOn: '2018-06-01', voucherNo: 'SH-1' })).statusCode).toBe(400);
    expect((await post(officer, `/api/projects/${p.id}/payments`, { kind: 'recovery', amount: 100, paidOn: '2018-06-01', voucherNo: 'SH-1' })).statusCode).toBe(200);
    expect((await detail(officer, p.id)).subsidy).toMatchObject({ toRecover: 100, recovered: 100 });
    expect((await post(officer, `/api/projects/${p.id}/sanctions`, { stage: 'acceptance', ground: '再次处理', findings: '重复' })).statusCode).toBe(409);

    // The ban: no new draft in any call, no submission of the old draft.
    const blocked = await post(admin, '/api/applications', { callId: other, formId: 'mode-application' });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('banned');
    expect(blocked.json().error.message).toMatch(/^本单位因在项目验收中存在弄虚作假的（「.+」），在.+前禁止申报$/);
    const submit = await post(admin, `/api/applications/${draftId}/submit`, { idempotencyKey: `ban-${draftId}`, commitmentAccepted: true });
    expect(submit.statusCode).toBe(403);
    expect(submit.json().error.code).toBe('banned');

    // A pack's own eligibility rule sees it too ($org.bannedUntil in 003's not-banned rule).
    const plus = await buildOpenCall(t.database, 'hebei-internet-plus-pilot', { issuer: w.province });
    await t.database.pool.query(`UPDATE organisation_bans SET starts_at = now() + interval '1 day' WHERE organisation_id = $1`, [p.applicant.id]); // not yet in force: the draft may be opened
    const plusDraft = await post(admin, '/api/applications', { callId: plus, formId: 'application' });
    expect(plusDraft.statusCode, plusDraft.body).toBe(201);
    const check = (await post(admin, `/api/applications/${plusDraft.json().application.id}/check`, {})).json();
    expect(check.violations.map((v: { ruleId: string }) => v.ruleId)).toContain('not-banned');

    const bans = (await admin.request({ method: 'GET', url: '/api/bans' })).json().items;
    expect(bans).toHaveLength(1);
    expect(bans[0]).toMatchObject({ organisationId: p.applicant.id, projectId: p.id, projectName: p.name });
    const notices = (await reviewer.request({ method: 'GET', url: '/api/notifications' })).json().items.map((n: { title: string }) => n.title);
    expect(notices).toContain('辖区项目被撤销');
  });
});
