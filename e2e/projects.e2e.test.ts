import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { camera, launchChromium, signInThroughUi, signOutThroughUi } from './browser.ts';
import { startTestServer } from '../apps/server/src/testing/server.ts';
import { seedDemoProject, type ProjectBrowserFixture } from '../apps/server/src/testing/project-browser-fixture.ts';
import { PDF_BYTES } from '../apps/server/src/testing/project-fixture.ts';

// One selected project of pack 003 (河北省“互联网+”制造业试点示范) through the browser, from its implementation plan
// to the last subsidy payment: the applicant (zhizao.admin) files the plan, the owner's officer (hebei.officer)
// approves it and prepares the agreement, both sign its hash; the applicant files the two overdue quarterly reports,
// keeps the investment ledger (the owner sees an invoice reused in another funded project) and applies for
// acceptance; the city (sjz.reviewer) forwards it at 初验; the officer forms the panel (a conflicted expert is refused),
// three experts advise against, the officer fails it with a rectification deadline; the applicant applies again, the
// city forwards, the experts advise to pass, the officer passes it (the title is granted) and records the final
// tranche; the totals are checked on the project and on 资金拨付.
//
// The project itself is seeded directly in the database (project-browser-fixture.ts): the selection that makes
// projects has its own browser test.

const STEP_TIMEOUT = 180_000;
const APPLICANT = 'zhizao.admin';
const OFFICER = 'hebei.officer';
const REVIEWER = 'sjz.reviewer';
const EXPERTS = [
  { username: 'expert.liushumin', name: '刘淑敏' },
  { username: 'expert.yangguoqing', name: '杨国庆' },
  { username: 'expert.zhoujiahui', name: '周佳慧' },
];
/** 韩卫东 works for the applicant: the panel picker shows him disabled with the reason. */
const CONFLICTED = { username: 'expert.hanweidong', name: '韩卫东' };
const AGREEMENT_NO = `冀工信互联网+试点协议〔${new Date().getFullYear()}〕${String(Date.now()).slice(-3)}号`;

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let fixture: ProjectBrowserFixture;
let signedIn: string | null = null;

const { screenshot, screenshotOnFailure } = camera(() => page, 'projects');

const pdf = (name: string) => ({ name, mimeType: 'application/pdf', buffer: PDF_BYTES });

async function as(username: string): Promise<void> {
  if (signedIn === username) return;
  if (signedIn) await signOutThroughUi(page);
  await signInThroughUi(page, server.url, username);
  signedIn = username;
}

async function openProject(tab: 'plan' | 'reports' | 'ledger' | 'acceptance' | 'funding' | 'honours'): Promise<void> {
  await page.goto(`${server.url}/projects/${fixture.projectId}?tab=${tab}`);
  await page.getByTestId('project-name').waitFor();
  await page.getByTestId(`${tab}-tab`).waitFor();
}

/** antd's Popconfirm: its OK button (the popover is rendered at the end of the body). */
async function confirmPopover(): Promise<void> {
  const ok = page.locator('.ant-popover:not(.ant-popover-hidden) .ant-popconfirm-buttons .ant-btn-primary');
  await ok.waitFor();
  await ok.click();
  await ok.waitFor({ state: 'hidden' });
}

async function upload(testId: string, name: string): Promise<void> {
  const files = page.getByTestId(`${testId}-file`);
  const before = await files.count();
  await page.getByTestId(`${testId}-upload`).locator('input[type=file]').setInputFiles(pdf(name));
  await expect.poll(() => files.count()).toBe(before + 1);
}

/** An antd DatePicker: type the date and confirm it. */
async function pickDate(picker: Locator, date: string): Promise<void> {
  const input = (await picker.evaluate((el) => el.tagName)) === 'INPUT' ? picker : picker.locator('input');
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

const stateOf = (key: string) => page.locator(`[data-testid=report-schedule] tr[data-row-key="${key}"] [data-testid=report-state]`).getAttribute('data-state');
const quarterKey = (i: number) => `${fixture.quarters[i]!.year}Q${fixture.quarters[i]!.quarter}`;

/** The officer chooses the panel on the 验收 tab and submits it. */
async function formPanel(experts: { name: string }[]): Promise<void> {
  await openProject('acceptance');
  await page.getByTestId('acceptance-panel-form').waitFor();
  await page.getByTestId('panel-experts').click();
  for (const e of experts) {
    await page.keyboard.type(e.name);
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: e.name }).click();
  }
  await page.keyboard.press('Escape');
  await page.getByTestId('panel-submit').click();
}

/** One panel expert's whole part: 验收任务, the project, the rubric, the recommendation and the opinion. */
async function expertReview(username: string, recommendation: 'pass' | 'fail', shot: string): Promise<void> {
  await as(username);
  await page.getByTestId('menu-projects').click();
  expect(await page.getByTestId('projects-title').textContent()).toBe('验收任务');
  await page.locator(`[data-testid=projects-table] tr[data-row-key="${fixture.projectId}"] [data-testid=project-link]`).click();
  await page.getByTestId('project-tab-acceptance').click();
  const form = page.getByTestId('acceptance-review-form');
  await form.waitFor();
  const base = recommendation === 'pass' ? 86 : 55;
  for (const [i, criterion] of ['completion', 'investment', 'benefits', 'replicable'].entries()) {
    await page.getByTestId(`review-score-${criterion}`).fill(String(base + i));
    await page.getByTestId(`review-comment-${criterion}`).fill(recommendation === 'pass' ? '整改到位，符合要求。' : '未达到实施方案要求。');
  }
  await page.getByTestId(recommendation === 'pass' ? 'review-pass' : 'review-fail').click();
  await page.getByTestId('review-opinion').fill(recommendation === 'pass' ? '项目完成建设内容，形成可推广模式，建议通过验收。' : '投资完成不足，系统未集成，建议不予通过，限期整改。');
  if (shot) await screenshot(shot);
  await page.getByTestId('review-submit').click();
  await confirmPopover();
  await expect.poll(() => form.locator('.ant-alert-success').count()).toBe(1);
}

const isoDate = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
const today = () => isoDate(new Date());
/** A month from now: the rectification deadline. */
const deadline = () => isoDate(new Date(Date.now() + 30 * 86_400_000));

beforeAll(async () => {
  server = await startTestServer();
  fixture = await seedDemoProject(server.database);
  browser = await launchChromium();
  context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

describe('项目管理：从实施方案到最后一笔补助', () => {
  it('实施方案: the applicant finds the project under 我的项目 and files the plan under every heading of the outline', async () => {
    screenshotOnFailure('plan');
    await as(APPLICANT);
    await page.getByTestId('menu-projects').click();
    await page.getByTestId('projects-title').waitFor();
    expect(await page.getByTestId('projects-title').textContent()).toBe('我的项目');
    const row = page.locator(`[data-testid=projects-table] tr[data-row-key="${fixture.projectId}"]`);
    await row.waitFor();
    expect(await row.getByTestId('project-stage').textContent()).toBe('待提交实施方案');
    // Both quarters have ended without a report: the risk flag says so.
    expect(await row.textContent()).toContain('逾期未报 2');
    await screenshot('list-applicant');
    await row.getByTestId('project-link').click();
    await page.getByTestId('plan-form').waitFor();

    // A blank heading is refused at the heading.
    await page.getByTestId('plan-submit').click();
    await confirmPopover();
    await expect.poll(() => page.locator('[data-testid=plan-form] .ant-form-item-explain-error').count()).toBeGreaterThan(0);
    const texts = [
      '围绕“互联网+”生产模式创新方向，建设覆盖加工、装配、检测全流程的智能工厂，实现设备联网率95%以上。',
      '部署设备联网与数据采集系统、生产执行系统和质量追溯系统，建设工业互联网平台边缘节点。',
      '第一季度完成方案设计和设备选型；第二季度完成设备联网和系统部署；其后完成联调和试运行。',
      `计划总投资${fixture.planned.total}万元，其中自动化设备购置与改造${fixture.planned.automation}万元、信息化软硬件购置${fixture.planned.it}万元、系统开发与服务${fixture.planned.development}万元，资金全部自筹。`,
      '生产效率提高20%，产品不良率下降30%，形成装备制造行业智能工厂建设模式。',
      '成立由总经理任组长的项目领导小组，信息化管理部负责实施，按季度检查进度。',
    ];
    for (const [i, text] of texts.entries()) await page.getByTestId(`plan-section-${i}`).fill(text);
    await upload('plan-files-input', '试点项目实施方案（盖章版）.pdf');
    await page.getByTestId('plan-submit').click();
    await confirmPopover();
    await expect.poll(() => page.getByTestId('plan-version-1').getByTestId('plan-status').getAttribute('data-status')).toBe('submitted');
    expect(await page.getByTestId('plan-form').count()).toBe(0);
    expect(await page.getByTestId('project-stage-tag').textContent()).toBe('实施方案待审核');
    await screenshot('plan-submitted');
  }, STEP_TIMEOUT);

  it('实施协议: the officer approves the plan, prepares the agreement and signs its hash by name', async () => {
    screenshotOnFailure('agreement-owner');
    await as(OFFICER);
    await page.getByTestId('menu-projects').click();
    expect(await page.getByTestId('projects-title').textContent()).toBe('项目管理');
    // The owner sees every project of its calls, and both overdue reports of each under 逾期的季度进展报告.
    await expect.poll(() => page.getByTestId('overdue-reports').locator('tr.ant-table-row', { hasText: fixture.projectName }).count()).toBe(2);
    await screenshot('list-owner');
    await page.locator(`[data-testid=projects-table] tr[data-row-key="${fixture.projectId}"] [data-testid=project-link]`).click();
    await page.getByTestId('plan-decision').waitFor();
    await page.getByTestId('plan-approve-opinion').fill('实施方案符合试点方向，同意实施。');
    await page.getByTestId('plan-approve').click();
    await confirmPopover();
    await expect.poll(() => page.getByTestId('plan-version-1').getByTestId('plan-status').getAttribute('data-status')).toBe('approved');

    await page.getByTestId('agreement-form').waitFor();
    await page.getByTestId('agreement-no').fill(AGREEMENT_NO);
    expect(await page.getByTestId('agreement-terms').inputValue()).toContain(fixture.projectName);
    await page.getByTestId('agreement-save').click();
    await page.getByTestId('agreement-view').waitFor();
    const hash = (await page.getByTestId('agreement-hash').textContent())!.trim();
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await page.getByTestId('agreement-no-view').textContent()).toBe(AGREEMENT_NO);

    // Signing needs the signer's confirmation that the text was read.
    await page.getByTestId('sign-name').fill('赵明远');
    await page.getByTestId('sign-submit').click();
    await page.locator('[data-testid=agreement-sign] .ant-form-item-explain-error').waitFor();
    await page.getByTestId('sign-read').check();
    await page.getByTestId('sign-submit').click();
    await expect.poll(() => page.getByTestId('agreement-signatures').locator('tr.ant-table-row').count()).toBe(1);
    expect(await page.getByTestId('agreement-signatures').textContent()).toContain('赵明远');
    expect(await page.getByTestId('agreement-signatures').textContent()).toContain(hash);
    expect(await page.getByTestId('agreement-pending').count()).toBe(1);
    await screenshot('agreement-owner-signed');
  }, STEP_TIMEOUT);

  it('实施协议: the applicant signs the same hash and the agreement takes effect', async () => {
    screenshotOnFailure('agreement-applicant');
    await as(APPLICANT);
    await openProject('plan');
    await page.getByTestId('agreement-sign').waitFor();
    const hash = (await page.getByTestId('agreement-hash').textContent())!.trim();
    expect(await page.getByTestId('sign-name').inputValue()).toBe('王建伟');
    await page.getByTestId('sign-read').check();
    await page.getByTestId('sign-submit').click();
    await page.getByTestId('agreement-effective').waitFor();
    const rows = page.getByTestId('agreement-signatures').locator('tr.ant-table-row');
    expect(await rows.count()).toBe(2);
    for (const r of await rows.all()) expect(await r.textContent()).toContain(hash);
    expect(await page.getByTestId('project-stage-tag').textContent()).toBe('实施中');
    await screenshot('agreement-effective');
  }, STEP_TIMEOUT);

  it('季度报告: the applicant files both overdue quarterly reports in the pack’s form; they show as 逾期报送', async () => {
    screenshotOnFailure('reports');
    await openProject('reports');
    for (const i of [0, 1]) expect(await stateOf(quarterKey(i))).toBe('missing');
    await screenshot('reports-missing');
    for (const i of [0, 1]) {
      await page.getByTestId(`report-file-${quarterKey(i)}`).click();
      const form = page.getByTestId('report-form');
      await form.waitFor();
      // What the platform knows is filled in: the company, the project, the agreement number, the quarter.
      expect(await page.getByTestId('input-agreementNo').inputValue()).toBe(AGREEMENT_NO);
      expect(await page.getByTestId('input-projectName').inputValue()).toBe(fixture.projectName);
      await page.getByTestId('input-progressSummary').fill(i === 0 ? '完成智能工厂方案设计和设备选型，签订工业机器人焊接工作站采购合同。' : '完成焊接、装配车间设备联网，工业互联网平台软件部署上线。');
      await page.getByTestId('field-scheduleStatus').getByText('按实施方案进度推进').click();
      await page.getByTestId('input-problems').fill('无');
      await page.getByTestId('input-nextQuarterPlan').fill(i === 0 ? '完成设备联网和系统部署。' : '完成系统联调和试运行，准备验收。');
      await page.getByTestId('input-quarterInvestment').fill(i === 0 ? '150' : '90');
      await page.getByTestId('input-cumulativeInvestment').fill(i === 0 ? '150' : '240');
      await page.getByTestId('input-reporterName').fill('刘海涛');
      await page.getByTestId('input-reporterMobile').fill('13931512345');
      if (i === 0) await screenshot('report-form', false);
      await page.getByTestId('report-submit').click();
      await confirmPopover();
      await form.waitFor({ state: 'detached' });
      await expect.poll(() => stateOf(quarterKey(i))).toBe('late');
    }
    await page.getByTestId(`report-view-${quarterKey(1)}`).click();
    await page.getByTestId('report-view').waitFor();
    expect(await page.getByTestId('report-view').textContent()).toContain('工业互联网平台软件部署上线');
    await screenshot('report-view', false);
    await page.keyboard.press('Escape');
    await screenshot('reports-late');
  }, STEP_TIMEOUT);

  it('投资台账: the applicant enters two rows with their scans; the checks and 实际投资额 are the server’s', async () => {
    screenshotOnFailure('ledger');
    await openProject('ledger');
    const rows = [
      { category: '自动化设备购置与改造', item: '工业机器人焊接工作站', supplier: fixture.other.supplier, contract: 'HT-2024-ZZ-001', contractAmount: '160', invoiceNo: fixture.other.invoiceNo, invoiceAmount: '150', date: fixture.invoiceDates[0], voucher: 'FK-ZZ-0012', payment: '150' },
      { category: '信息化软硬件购置', item: '工业互联网平台软件', supplier: '石家庄云数科技有限公司', contract: 'HT-2024-ZZ-002', contractAmount: '100', invoiceNo: '13002277', invoiceAmount: '90', date: fixture.invoiceDates[1], voucher: 'FK-ZZ-0019', payment: '90' },
    ];
    for (const [i, r] of rows.entries()) {
      await page.getByTestId('ledger-add').click();
      const modal = page.getByTestId('ledger-item-form');
      await modal.waitFor();
      await page.getByTestId('ledger-category').click();
      await page.locator(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${r.category}"]`).click();
      await page.getByTestId('ledger-item').fill(r.item);
      await page.getByTestId('ledger-supplier').fill(r.supplier);
      await page.getByTestId('ledger-contract').fill(r.contract);
      await page.getByTestId('ledger-contractAmount').fill(r.contractAmount);
      await page.getByTestId('ledger-invoiceNo').fill(r.invoiceNo);
      await page.getByTestId('ledger-invoiceAmount').fill(r.invoiceAmount);
      await pickDate(page.getByTestId('ledger-invoiceDate'), r.date);
      await page.getByTestId('ledger-paymentVoucherNo').fill(r.voucher);
      await page.getByTestId('ledger-paymentAmount').fill(r.payment);
      await upload('ledger-contract-scans', `合同-${r.contract}.pdf`);
      await upload('ledger-invoice-scans', `发票-${r.invoiceNo}.pdf`);
      await upload('ledger-payment-scans', `付款凭证-${r.voucher}.pdf`);
      if (i === 0) await screenshot('ledger-item', false);
      await page.getByTestId('ledger-item-save').click();
      await modal.waitFor({ state: 'detached' });
      await expect.poll(() => page.getByTestId('ledger-items').locator('tr.ant-table-row').count()).toBe(i + 1);
    }
    await expect.poll(() => page.getByTestId('ledger-counted-total').textContent()).toBe('240.00 万元');
    // Invoice reuse across projects is for the owner's eyes only.
    expect(await page.locator('[data-testid=ledger-finding][data-check=invoice_reused]').count()).toBe(0);
    expect(await page.locator('[data-testid=ledger-finding][data-severity=error]').count()).toBe(0);
    await screenshot('ledger');
    // 项目已完成的投资清单 as the notice prints it: the button's file is a real PDF with the rows in it.
    const pdf = await page.request.get(new URL(String(await page.getByTestId('ledger-pdf').getAttribute('href')), page.url()).href);
    expect(pdf.status()).toBe(200);
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  }, STEP_TIMEOUT);
  it('验收申请: a refused application shows each missing item at its field; the complete one goes to 初验 with the ledger', async () => {
    screenshotOnFailure('apply');
    await openProject('acceptance');
    await page.getByTestId('acceptance-apply').waitFor();
    // The ledger is filled in from the 投资台账 tab, not typed again.
    expect(await page.getByTestId('acceptance-ledger').textContent()).toContain('240.00 万元');
    await page.getByTestId('acceptance-performance-0').fill('项目建成覆盖加工、装配、检测全流程的智能工厂，设备联网率达到96%，生产效率提高21%。');
    await page.getByTestId('acceptance-performance-1').fill(`已到位省级补助资金${fixture.firstTranche}万元，全部用于工业机器人焊接工作站购置，专款专用。`);
    await page.getByTestId('input-constructionCompleted-yes').click();
    await page.getByTestId('input-completionSummary').fill('按实施方案完成设备联网、生产执行系统和质量追溯系统建设，通过试运行。');
    await page.getByTestId('input-benefitsAchieved').fill('生产效率提高21%，产品不良率下降32%。');
    await page.getByTestId('input-replicableModel').fill('形成装备制造行业“设备联网＋数据驱动排产”的智能工厂建设模式。');
    // Without the sealed application, the performance report and the vouchers the server refuses, naming each field.
    await page.getByTestId('acceptance-submit').click();
    await confirmPopover();
    await page.getByTestId('acceptance-error').waitFor();
    for (const field of ['acceptanceApplication', 'performanceReport', 'vouchers']) await page.getByTestId(`input-${field}-issues`).waitFor();
    await screenshot('apply-refused');
    await upload('input-vouchers', '合同发票付款凭证复印件.pdf');
    await upload('input-acceptanceApplication', '验收申请（盖章）.pdf');
    await upload('input-performanceReport', '绩效评估和补助资金使用情况分析专题报告.pdf');
    await page.getByTestId('acceptance-submit').click();
    await confirmPopover();
    const round = page.getByTestId('acceptance-round-1');
    await round.waitFor();
    expect(await round.getByTestId('acceptance-status').getAttribute('data-status')).toBe('applied');
    expect(await round.getByTestId('round-actual').textContent()).toBe('240.00 万元');
    // The ledger went with it and is locked meanwhile.
    await openProject('ledger');
    expect(await page.getByTestId('ledger-add').count()).toBe(0);
    await openProject('acceptance');
    await screenshot('applied');
  }, STEP_TIMEOUT);

  it('初验: the city sees the late reports of its jurisdiction and forwards the application', async () => {
    screenshotOnFailure('pre');
    await as(REVIEWER);
    await page.getByTestId('menu-projects').click();
    expect(await page.getByTestId('projects-title').textContent()).toBe('项目监管');
    const overdue = page.getByTestId('overdue-reports');
    await expect.poll(() => overdue.locator('tr.ant-table-row', { hasText: fixture.projectName }).count()).toBe(2);
    expect(await overdue.locator('tr.ant-table-row', { hasText: fixture.projectName }).first().getByTestId('report-state').getAttribute('data-state')).toBe('late');
    await screenshot('supervision');
    await openProject('acceptance');
    await page.getByTestId('acceptance-pre').waitFor();
    await page.getByTestId('pre-opinion').fill('经现场核查，项目已按实施方案完成建设，投资台账与票据一致，同意报请验收。');
    await page.getByTestId('pre-forward').click();
    await confirmPopover();
    await expect.poll(() => page.getByTestId('acceptance-round-1').getByTestId('acceptance-status').getAttribute('data-status')).toBe('forwarded');
    expect(await page.getByTestId('round-pre').textContent()).toContain('同意报请验收');
  }, STEP_TIMEOUT);

  it('专家组: the officer sees the invoice reused in another funded project, and a conflicted expert cannot be chosen for the panel', async () => {
    screenshotOnFailure('panel');
    await as(OFFICER);
    await openProject('ledger');
    const reused = page.locator('[data-testid=ledger-finding][data-check=invoice_reused]');
    await reused.waitFor();
    expect(await reused.getByTestId('ledger-reused-other').textContent()).toContain(fixture.other.projectName);
    expect(await reused.textContent()).toContain(fixture.other.invoiceNo);
    await screenshot('ledger-owner');
    await openProject('acceptance');
    await page.getByTestId('acceptance-panel-form').waitFor();
    await page.getByTestId('panel-experts').click();
    await page.keyboard.type(CONFLICTED.name);
    const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: CONFLICTED.name });
    await option.waitFor();
    expect(await option.getAttribute('class')).toContain('ant-select-item-option-disabled');
    expect(await option.textContent()).toContain('须回避：专家现任职于');
    await screenshot('panel-conflict');
    await page.keyboard.press('Escape');
    await formPanel(EXPERTS);
    await expect.poll(() => page.getByTestId('acceptance-round-1').getByTestId('acceptance-status').getAttribute('data-status')).toBe('panel');
    expect(await page.getByTestId('round-panel').locator('tr.ant-table-row').count()).toBe(3);
  }, STEP_TIMEOUT);

  it('专家验收: three experts score the rubric and advise against', async () => {
    screenshotOnFailure('review-fail');
    for (const [i, e] of EXPERTS.entries()) await expertReview(e.username, 'fail', i === 0 ? 'review-fail' : '');
  }, STEP_TIMEOUT);

  it('验收结论: the officer fails it; without a rectification deadline the server refuses at that field', async () => {
    screenshotOnFailure('fail');
    await as(OFFICER);
    await openProject('acceptance');
    const form = page.getByTestId('acceptance-decision-form');
    await form.waitFor();
    await page.getByTestId('decision-failed').click();
    await page.getByTestId('decision-opinion').fill('投资完成不足实施方案计划的60%，质量追溯系统未与生产执行系统打通，不予通过验收。');
    await page.getByTestId('decision-submit').click();
    await confirmPopover();
    await form.locator('.ant-form-item-explain-error').first().waitFor();
    expect(await form.locator('.ant-form-item-explain-error').first().textContent()).toBe('必填');
    await screenshot('fail-needs-deadline');
    await pickDate(page.getByTestId('decision-deadline'), deadline());
    await page.getByTestId('decision-submit').click();
    await confirmPopover();
    await page.getByTestId('rectification-alert').waitFor();
    expect(await page.getByTestId('project-status').getAttribute('data-status')).toBe('rectifying');
    expect(await page.getByTestId('round-decision').textContent()).toContain('限期于');
    await screenshot('failed');
  }, STEP_TIMEOUT);

  it('第二次验收: the applicant applies again with the rectification report; the city forwards it', async () => {
    screenshotOnFailure('second');
    await as(APPLICANT);
    await openProject('acceptance');
    await page.getByTestId('rectification-alert').waitFor();
    await page.getByTestId('acceptance-apply').waitFor();
    // The first application's material is carried over; the rectification report is new.
    expect(await page.getByTestId('input-completionSummary').inputValue()).toContain('按实施方案完成');
    await page.getByTestId('input-completionSummary').fill('已完成整改：质量追溯系统与生产执行系统打通，补充完成检测车间设备联网。');
    await upload('input-rectificationReport', '整改情况报告.pdf');
    await page.getByTestId('acceptance-submit').click();
    await confirmPopover();
    await page.getByTestId('acceptance-round-2').waitFor();
    expect(await page.getByTestId('acceptance-round-2').getByTestId('acceptance-status').getAttribute('data-status')).toBe('applied');
    await screenshot('second-applied');

    await as(REVIEWER);
    await openProject('acceptance');
    await page.getByTestId('pre-opinion').fill('整改已完成，同意报请第二次验收。');
    await page.getByTestId('pre-forward').click();
    await confirmPopover();
    await expect.poll(() => page.getByTestId('acceptance-round-2').getByTestId('acceptance-status').getAttribute('data-status')).toBe('forwarded');
  }, STEP_TIMEOUT);

  it('第二次专家验收: the officer forms the panel again and the three experts advise to pass', async () => {
    screenshotOnFailure('review-pass');
    await as(OFFICER);
    await formPanel(EXPERTS);
    await expect.poll(() => page.getByTestId('acceptance-round-2').getByTestId('acceptance-status').getAttribute('data-status')).toBe('panel');
    for (const [i, e] of EXPERTS.entries()) await expertReview(e.username, 'pass', i === 0 ? 'review-pass' : '');
  }, STEP_TIMEOUT);

  it('通过验收: the officer passes it with a replicable model; the title and the final subsidy follow', async () => {
    screenshotOnFailure('pass');
    await as(OFFICER);
    await openProject('acceptance');
    await page.getByTestId('decision-passed').click();
    await page.getByTestId('decision-opinion').fill('整改到位，项目完成实施方案确定的建设内容，形成可推广的智能工厂建设模式，同意通过验收。');
    await page.getByTestId('decision-replicable').check();
    await page.getByTestId('decision-submit').click();
    await confirmPopover();
    await expect.poll(() => page.getByTestId('project-status').getAttribute('data-status')).toBe('accepted');
    expect(await page.getByTestId('acceptance-round-2').getByTestId('round-decision').textContent()).toContain('240.00 万元');
    await screenshot('passed');
    await openProject('honours');
    expect(await page.getByTestId('honours-view').textContent()).toContain('河北省“互联网+”制造业示范企业');
    await screenshot('honours');
  }, STEP_TIMEOUT);

  it('资金: the officer records the final tranche; the project and 资金拨付 show the totals', async () => {
    screenshotOnFailure('funding');
    await openProject('funding');
    // 20% of the accepted 240万 is 48万; 40万 was paid on selection.
    expect(await page.getByTestId('subsidy-final').textContent()).toContain('48.00 万元');
    expect(await page.getByTestId('subsidy-paid').textContent()).toBe('40.00 万元');
    await page.getByTestId('payment-record').click();
    await page.getByTestId('payment-form').waitFor();
    await page.getByTestId('payment-tranche').click();
    await page.getByTestId('payment-tranche-1').click();
    await expect.poll(() => page.getByTestId('payment-hint').textContent()).toContain('8.00 万元');
    // More than remains is refused at the amount.
    await page.getByTestId('payment-amount').fill('10');
    await pickDate(page.getByTestId('payment-date'), today());
    await page.getByTestId('payment-voucher').fill('冀财拨〔2026〕1187号');
    await page.getByTestId('payment-save').click();
    await page.locator('[data-testid=payment-form] .ant-form-item-explain-error').first().waitFor();
    expect(await page.locator('[data-testid=payment-form] .ant-form-item-explain-error').first().textContent()).toContain('至多8');
    await screenshot('payment-refused', false);
    await page.getByTestId('payment-amount').fill('8');
    await page.getByTestId('payment-save').click();
    await page.getByTestId('payment-form').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('subsidy-paid').textContent()).toBe('48.00 万元');
    expect(await page.getByTestId('tranche-paid-1').textContent()).toBe('8.00 万元');
    expect(await page.getByTestId('subsidy-payments').locator('tr.ant-table-row').count()).toBe(2);
    await screenshot('funding');

    await page.getByTestId('menu-subsidies').click();
    await page.getByTestId('subsidies-title').waitFor();
    await page.goto(`${server.url}/subsidies?callId=${encodeURIComponent(fixture.callId)}`);
    await expect.poll(() => page.getByTestId('subsidies-total-provincial').textContent()).toBe('48.00 万元');
    // Per year of payment: the first tranche was paid in the project period's first month, the last one today.
    const rows = page.getByTestId('subsidies-table').locator('tr.ant-table-row', { hasText: '石家庄市工业和信息化局' });
    const thisYear = today().slice(0, 4);
    if (fixture.period.from.startsWith(thisYear)) {
      expect(await rows.count()).toBe(1);
      expect(await rows.first().textContent()).toContain('48.00 万元');
    } else {
      expect(await rows.count()).toBe(2);
      expect(await rows.filter({ hasText: thisYear }).textContent()).toContain('8.00 万元');
    }
    await screenshot('subsidies');
  }, STEP_TIMEOUT);

  it('the applicant sees the title, the payments and the whole history', async () => {
    screenshotOnFailure('applicant-end');
    await as(APPLICANT);
    await openProject('funding');
    expect(await page.getByTestId('subsidy-paid').textContent()).toBe('48.00 万元');
    expect(await page.getByTestId('payment-record').count()).toBe(0);
    expect(await page.getByTestId('project-events').textContent()).toContain('通过验收');
    await page.getByTestId('project-events-all').click();
    expect(await page.getByTestId('project-events').textContent()).toContain('提交实施方案（第1版）');
    await openProject('honours');
    expect(await page.getByTestId('honours-view').textContent()).toContain('河北省“互联网+”制造业示范企业');
    await screenshot('applicant-end');
  }, STEP_TIMEOUT);
  it('处理: the officer sanctions the other project for fraud; its applicant sees why it cannot apply', async () => {
    screenshotOnFailure('sanction');
    await as(OFFICER);
    await page.goto(`${server.url}/projects/${fixture.other.projectId}?tab=honours`);
    await page.getByTestId('honours-tab').waitFor();
    await page.getByTestId('sanction-open').click();
    await page.getByTestId('sanction-ground-input').fill('在项目实施中存在弄虚作假的');
    await page.getByTestId('sanction-findings').fill(`经核查，该项目投资台账所列发票（${fixture.other.supplier}，${fixture.other.invoiceNo}）同时用于其他受资助项目，虚报投资。`);
    await page.getByTestId('sanction-document').fill('冀工信软件函〔2026〕201号');
    await screenshot('sanction', false);
    await page.getByTestId('sanction-confirm').click();
    await expect.poll(() => page.getByTestId('project-status').getAttribute('data-status')).toBe('revoked');
    expect(await page.getByTestId('sanctions').textContent()).toContain('禁止申报至');
    await page.getByTestId('ban-notice').waitFor();
    await screenshot('sanctioned');

    await as('ruikang.admin');
    await page.getByTestId('menu-projects').click();
    await page.getByTestId('ban-notice').waitFor();
    expect(await page.getByTestId('ban-notice').textContent()).toContain('在项目实施中存在弄虚作假的');
    expect(await page.getByTestId('ban-notice').textContent()).toContain(fixture.other.projectName);
    await screenshot('banned');
  }, STEP_TIMEOUT);
});
