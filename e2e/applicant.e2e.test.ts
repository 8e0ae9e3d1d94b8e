import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { camera } from './browser.ts';
import { startTestServer } from '../apps/server/src/testing/server.ts';

// An enterprise applies, start to end, through the browser: 申报通知 and the self-check, 开始申报, every field of
// the 1-1 form (模式应用类) with autosave and the rule engine's findings while typing, two PDF uploads,
// 检查 with an empty list, 提交 with the commitment, and the application in 我的申报 with its 申报编号.

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];
const DEMO_PASSWORD = 'Shenbao@2026';
const STEP_TIMEOUT = 120_000;
const CALL_ID = 'hebei-2023-innovation-pilot';
const COMPANY = '石家庄智造云科技有限公司';
const PROJECT = '基于5G的装备制造智能工厂建设项目';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A minimal, valid PDF: the server checks the content, not the name. */
function pdf(title: string): Buffer {
  const objects = [
    '1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj',
    '2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj',
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (const object of objects) {
    offsets.push(body.length);
    body += `${object}\n`;
  }
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer<</Size ${objects.length + 1}/Root 1 0 R/Info<</Title(${title})>>>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

let server: { url: string; close(): Promise<void> };
let browser: Browser;
let context: BrowserContext;
let page: Page;
let applicationUrl = '';
let number1 = '';

const { screenshot, screenshotOnFailure } = camera(() => page, 'applicant', '[data-testid=save-status], [data-testid$=-conflict]');

const field = (id: string): Locator => page.getByTestId(`field-${id}`);
const input = (id: string): Locator => page.getByTestId(`input-${id}`);
const issuesOf = (id: string): Locator => page.getByTestId(`input-${id}-issues`);

async function type(id: string, value: string): Promise<void> {
  await input(id).fill(value);
}

/** The browser test database is shared by every test file of the run, and calls.e2e replaces the 重点培育项目名单:
 *  make sure our project is on it (the officer's import keeps whatever rows are there). */
async function ensureProjectOnList(): Promise<void> {
  const officer = await browser.newContext();
  try {
    const login = await officer.request.post(`${server.url}/api/auth/login`, { data: { username: 'hebei.officer', password: DEMO_PASSWORD } });
    expect(login.ok()).toBe(true);
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const current = await officer.request.get(`${server.url}/api/calls/${CALL_ID}/lists/cultivation`);
    const { rows } = (await current.json()) as { rows: Record<string, string>[] };
    if (rows.some((r) => r.projectName === PROJECT)) return;
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('名单');
    sheet.addRow(['年度', '所属市', '企业名称', '项目名称']);
    for (const r of [...rows, { year: '2021', city: '石家庄市', companyName: COMPANY, projectName: PROJECT }]) {
      sheet.addRow([r.year ?? '', r.city ?? '', r.companyName ?? '', r.projectName ?? '']);
    }
    const put = await officer.request.put(`${server.url}/api/calls/${CALL_ID}/lists/cultivation`, {
      headers: { 'content-type': XLSX, 'x-csrf-token': csrfToken, 'x-file-name': encodeURIComponent('名单.xlsx') },
      data: Buffer.from(await book.xlsx.writeBuffer()),
    });
    expect(put.ok()).toBe(true);
  } finally {
    await officer.close();
  }
}

async function waitSaved(): Promise<void> {
  await expect.poll(() => page.getByTestId('save-status').getAttribute('data-state'), { timeout: 15_000 }).toBe('saved');
}

beforeAll(async () => {
  server = await startTestServer();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 900 } });
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

describe('申报单位：从申报通知到提交', () => {
  it('a visitor finds the open calls from the sign-in page, and is asked to sign in to apply', async () => {
    screenshotOnFailure('public');
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-open-calls').click();
    const card = page.getByTestId(`open-call-${CALL_ID}`);
    await card.waitFor();
    expect(new URL(page.url()).pathname).toBe('/open-calls');
    expect(await card.getByTestId(`open-call-${CALL_ID}-document-number`).textContent()).toBe('冀工信软件函〔2023〕206号');
    expect(await card.textContent()).toContain('河北省工业和信息化厅');
    expect(await card.textContent()).toContain('模式应用类');
    await expect.poll(() => card.getByTestId('deadline-countdown').textContent()).toMatch(/^剩余 \d+ 天 \d\d:\d\d:\d\d$/);
    expect(await card.getByTestId(`open-call-${CALL_ID}-sign-in`).isVisible()).toBe(true);
    expect(await card.getByTestId(`open-call-${CALL_ID}-blocker`).textContent()).toContain('请先登录');
    await screenshot('open-calls-public');
  }, STEP_TIMEOUT);

  it('the applicant admin does the self-check and starts a 模式应用类 application (智能化制造)', async () => {
    screenshotOnFailure('start');
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-username').fill('zhizao.admin');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('home-title').waitFor();
    await page.getByTestId('menu-open-calls').click();

    const id = `open-call-${CALL_ID}`;
    const card = page.getByTestId(id);
    const check = card.getByTestId(`${id}-self-check`);
    await check.waitFor();
    // Not answered yet: no start.
    expect(await card.getByTestId(`${id}-start`).isDisabled()).toBe(true);
    // An answer the notice excludes says why, plainly.
    await check.getByTestId(`${id}-self-check-no-provincial-funds-no`).check();
    const excluded = check.getByTestId(`${id}-self-check-no-provincial-funds-excluded`);
    await excluded.waitFor();
    expect(await excluded.textContent()).toBe('不符合：申报条件（一）：已获得省级财政资金支持的项目不可重复申报。');
    for (const question of ['registered-in-hebei', 'on-cultivation-list', 'no-provincial-funds', 'ready-for-acceptance', 'investment-500']) {
      await check.getByTestId(`${id}-self-check-${question}-yes`).check();
    }
    expect(await excluded.count()).toBe(0);
    await check.getByTestId(`${id}-self-check-result`).waitFor();
    expect(await check.getByTestId(`${id}-self-check-result`).textContent()).toContain('符合本通知的申报条件');
    await screenshot('self-check');

    await card.getByTestId(`${id}-start`).click();
    await page.getByTestId('start-category-mode').check();
    await page.getByTestId('start-direction').click();
    await page.locator('.ant-cascader-menu-item', { hasText: '工业互联网新模式应用' }).click();
    await page.locator('.ant-cascader-menu-item', { hasText: '智能化制造' }).click();
    await screenshot('start-modal');
    await page.getByTestId('start-confirm').click();

    await page.waitForURL(/\/applications\/[0-9a-f-]{36}$/);
    applicationUrl = page.url();
    await page.getByTestId('section-basic').waitFor();
    // Prefilled from the organisation's registration.
    expect(await input('companyName').inputValue()).toBe(COMPANY);
    expect(await input('organisationCode').inputValue()).toBe('949887859');
    expect(await field('direction').textContent()).toContain('工业互联网新模式应用 / 智能化制造');
    expect(await page.getByTestId('form-instructions').textContent()).toContain('项目申报表中栏目不得空缺');
    await screenshot('editor-new');
  }, STEP_TIMEOUT);

  it('fills every field of the 1-1 form, with the engine’s findings while typing and autosave', async () => {
    screenshotOnFailure('fill');
    // 基本信息
    await type('projectName', PROJECT);
    const period = field('projectPeriod').locator('input');
    await period.nth(0).click();
    await page.keyboard.type('2022-03');
    await page.keyboard.press('Enter');
    await page.keyboard.type('2023-06');
    await page.keyboard.press('Enter');
    await expect.poll(() => period.nth(1).inputValue()).toBe('2023-06');
    expect(await period.nth(0).inputValue()).toBe('2022-03');
    await type('legalRepresentative', '王建国');
    await field('ownership').getByText('民营', { exact: true }).click();
    await type('employeeCount', '320');
    await type('itDepartmentName', '信息中心');
    await type('itDepartmentSize', '12');
    // 项目联系人
    await type('contactName', '王建伟');
    await type('contactMobile', '1380311');
    await page.keyboard.press('Tab');
    await expect.poll(() => issuesOf('contactMobile').textContent()).toContain('「移动电话」不是有效的11位手机号码');
    await type('contactMobile', '13803110000');
    await expect.poll(() => issuesOf('contactMobile').count()).toBe(0);
    await type('contactDepartment', '信息中心');
    await type('contactTitle', '主任');
    await type('contactFax', '无');
    await type('contactEmail', 'wangjw@zhizaoyun.example.cn');
    // 企业成就: one 是 with its year, the rest 否
    await input('twoIntegration-yes').check();
    await input('twoIntegration-year').fill('2021');
    for (const id of ['itInnovationAward', 'nationalPilot', 'provincialPilot', 'specialisedSme', 'epidemicSupplier']) await input(`${id}-no`).check();
    // 项目内容: the counter counts like the engine and the limit is an error while typing
    await type('constructionContent', '建'.repeat(501));
    await expect.poll(() => issuesOf('constructionContent').textContent()).toContain('「项目建设内容」不得超过500字（当前501字）');
    expect(await field('constructionContent').locator('.ant-input-data-count').textContent()).toBe('501 / 500');
    await screenshot('typing-errors');
    await type(
      'constructionContent',
      '建设基于5G专网的装备制造智能工厂：部署5G工业专网和边缘计算节点，完成120台数控机床和焊接机器人联网改造；建设制造执行系统（MES）、设备健康管理和质量追溯平台，打通设计、计划、生产、质检数据链，实现生产过程可视化和订单全流程跟踪。',
    );
    await type('benefits', '生产效率提升22%，产品不良率下降35%，设备综合效率提高18%，年节约人工成本约300万元，单位产值能耗下降12%。');
    await type('innovation', '以5G+边缘计算实现设备低时延互联，形成离散装备制造行业可复制的智能工厂建设模式，可在省内装备制造企业推广。');
    // 项目投资情况: the rules speak while typing
    await type('investmentTotal', '400');
    await expect.poll(() => issuesOf('investmentTotal').textContent()).toContain('实际投资额需在500万元以上');
    await type('investmentTotal', '860.50');
    await type('investAutomation', '420');
    await type('investIt', '260.25');
    await type('investDevelopment', '150.25');
    await expect.poll(() => issuesOf('investmentTotal').textContent()).toContain('四项之和须等于总投资');
    await type('investOther', '30');
    await expect.poll(() => issuesOf('investmentTotal').count()).toBe(0);
    await input('receivedProvincialFunds-no').check();
    await waitSaved();
    expect(await page.getByTestId('save-status').textContent()).toMatch(/^已保存 \d\d:\d\d:\d\d$/);

    // Someone else saves 项目联系人 first (another tab): our save of that section is refused, saying who and when,
    // and 刷新本章节 brings their version in.
    const other = await context.newPage();
    await other.goto(applicationUrl);
    await other.getByTestId('input-contactTitle').fill('副主任');
    await expect.poll(() => other.getByTestId('save-status').getAttribute('data-state'), { timeout: 15_000 }).toBe('saved');
    await other.close();
    await type('contactDepartment', '信息技术中心');
    const conflict = page.getByTestId('section-contact-conflict');
    await conflict.waitFor({ timeout: 15_000 });
    expect(await conflict.textContent()).toMatch(/「项目联系人」已被王建伟于\d\d:\d\d:\d\d修改/);
    await conflict.scrollIntoViewIfNeeded();
    await screenshot('conflict', false);
    await page.getByTestId('section-contact-conflict-refresh').click();
    await expect.poll(() => input('contactTitle').inputValue()).toBe('副主任');
    expect(await input('contactDepartment').inputValue()).toBe('信息中心');
    expect(await conflict.count()).toBe(0);
    await type('contactTitle', '主任');
    await waitSaved();

    // The evidence for the 是 above is now required; both PDFs go up by tus.
    await field('achievementEvidence').scrollIntoViewIfNeeded();
    await input('sealedApplication').locator('input[type=file]').setInputFiles({ name: '申报材料（盖章）.pdf', mimeType: 'application/pdf', buffer: pdf('sealed') });
    await input('sealedApplication-file').waitFor({ timeout: 30_000 });
    await input('achievementEvidence').locator('input[type=file]').setInputFiles({ name: '两化融合贯标证书.pdf', mimeType: 'application/pdf', buffer: pdf('certificate') });
    await input('achievementEvidence-file').waitFor({ timeout: 30_000 });
    expect(await input('sealedApplication-files').textContent()).toContain('申报材料（盖章）.pdf');
    await screenshot('filled');
  }, STEP_TIMEOUT);

  it('检查 finds nothing, and 提交 with the commitment gives the 申报编号', async () => {
    screenshotOnFailure('submit');
    await ensureProjectOnList();
    await page.getByTestId('check').click();
    await page.locator('[data-testid=issues-empty], [data-testid=issues-list]').first().waitFor();
    // On failure the message lists what the server still finds.
    expect(await page.getByTestId('issues-drawer').textContent()).toContain('未发现问题');
    expect(await page.getByTestId('issue-item').count()).toBe(0);
    const badges = await page.getByTestId('section-navigator').locator('[data-errors]').all();
    expect(badges).toHaveLength(7);
    for (const nav of badges) expect(await nav.getAttribute('data-errors')).toBe('0');
    await screenshot('check-empty', false);
    await page.locator('.ant-drawer-close').click();

    await page.getByTestId('submit').click();
    await page.getByTestId('commitment-text').waitFor();
    expect(await page.getByTestId('commitment-text').textContent()).toContain('本企业申报的所有材料，均真实、完整');
    expect(await page.getByTestId('submit-confirm').isDisabled()).toBe(true);
    await page.getByText('我已阅读并确认上述承诺').click();
    await screenshot('commitment', false);
    await page.getByTestId('submit-confirm').click();
    const number = page.getByTestId('submitted-number');
    await number.waitFor({ timeout: 30_000 });
    const submittedNumber = (await number.textContent()) ?? '';
    expect(submittedNumber).toMatch(/^HIP2023-\d{5}$/);
    number1 = submittedNumber;
    await screenshot('submitted', false);

    await page.getByTestId('submitted-to-list').click();
    await page.waitForURL(/\/applications$/);
    const row = page.locator('[data-testid=applications-table] tr.ant-table-row', { hasText: submittedNumber });
    await row.waitFor();
    expect(await row.textContent()).toContain(PROJECT);
    expect(await row.getByTestId('application-status').textContent()).toContain('已提交');
    expect(await row.textContent()).toContain('2023年河北省工业互联网创新发展试点项目申报');
    await screenshot('my-applications');

    // The submitted application reads back read-only, with its history and a verifiable snapshot.
    await row.click();
    await page.getByTestId('read-only').waitFor();
    expect(await page.locator('[data-testid=section-basic] input').count()).toBe(0);
    await page.getByTestId('verify-1').click();
    await page.getByTestId('verify-result-1').waitFor();
    expect(await page.getByTestId('verify-result-1').textContent()).toBe('一致');
    expect(await page.getByTestId('history').textContent()).toContain('提交');
    await screenshot('read-only');
  }, STEP_TIMEOUT);

  it('预览 prints the application as the template: cover, sections, commitment, files with SHA-256', async () => {
    screenshotOnFailure('preview');
    await page.goto(`${applicationUrl}/preview`);
    await page.getByTestId('print-doc').waitFor();
    expect(await page.getByTestId('print-cover').textContent()).toContain(PROJECT);
    expect(await page.getByTestId('print-cover').textContent()).toContain(COMPANY);
    expect(await page.getByTestId('print-section-investment').textContent()).toContain('860.50 万元');
    expect(await page.getByTestId('print-commitment').textContent()).toContain('特此承诺');
    expect(await page.getByTestId('print-files').textContent()).toMatch(/申报材料（盖章）\.pdf.*[0-9a-f]{64}/);
    expect(await page.locator('input, textarea').count()).toBe(0);
    await screenshot('preview');
  }, STEP_TIMEOUT);
  it('returned by the city bureau: the bell, the opinion at the field, revision, resubmission and 版本对比', async () => {
    screenshotOnFailure('returned');
    const applicationId = applicationUrl.split('/').pop()!;
    const reviewer = await browser.newContext();
    try {
      const login = await reviewer.request.post(`${server.url}/api/auth/login`, { data: { username: 'sjz.reviewer', password: DEMO_PASSWORD } });
      const { csrfToken } = (await login.json()) as { csrfToken: string };
      const returned = await reviewer.request.post(`${server.url}/api/applications/${applicationId}/return`, {
        headers: { 'x-csrf-token': csrfToken },
        data: {
          opinion: '项目建设内容过于笼统，请补充5G专网的建设规模和联网设备数量。',
          fields: ['/constructionContent'],
          revisionDeadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
        },
      });
      expect(returned.ok()).toBe(true);
    } finally {
      await reviewer.close();
    }

    // The bell says so; the notice leads to the application and is then read.
    await page.goto(`${server.url}/`);
    await expect.poll(() => page.getByTestId('notification-unread').textContent(), { timeout: 10_000 }).toMatch(/[1-9]/);
    await page.getByTestId('notification-bell').click();
    const notice = page.getByTestId('notification-item').filter({ hasText: '申报被退回修改' }).first();
    await notice.waitFor();
    expect(await notice.getAttribute('data-read')).toBe('false');
    await screenshot('bell', false);
    await notice.click();
    await page.waitForURL(applicationUrl);

    const opinion = page.getByTestId('return-opinion');
    await opinion.waitFor();
    expect(await opinion.textContent()).toContain('项目建设内容过于笼统');
    expect(await opinion.textContent()).toMatch(/修改期限：\d{4}年\d\d月\d\d日 \d\d:\d\d/);
    await page.getByTestId('opinion-constructionContent').waitFor();
    await screenshot('returned-top', false);
    await page.getByTestId('opinion-jump-constructionContent').click();
    await page.waitForTimeout(800); // the smooth scroll to the field
    await screenshot('returned', false);

    await type(
      'constructionContent',
      '建设覆盖3个车间的5G工业专网（2个宏站、18个室分）和2个边缘计算节点，完成120台数控机床和36台焊接机器人联网改造；建设制造执行系统（MES）、设备健康管理和质量追溯平台，打通设计、计划、生产、质检数据链，实现生产过程可视化和订单全流程跟踪。',
    );
    await waitSaved();
    await page.getByTestId('submit').click();
    await page.getByText('我已阅读并确认上述承诺').click();
    await page.getByTestId('submit-confirm').click();
    await page.getByTestId('submitted-number').waitFor({ timeout: 30_000 });
    // The same 申报编号 for the resubmission.
    expect(await page.getByTestId('submitted-number').textContent()).toBe(number1);
    await page.getByText('留在本页').click();

    await page.getByTestId('diff-open').click();
    const diff = page.getByTestId('diff-table');
    await diff.getByText('项目建设内容', { exact: true }).waitFor();
    expect(await diff.textContent()).toContain('36台焊接机器人');
    await screenshot('diff', false);
    expect(await page.getByTestId('history').textContent()).toContain('退回修改');
    expect(await page.getByTestId('history').textContent()).toContain('修改后重新提交');
    await page.keyboard.press('Escape');
  }, STEP_TIMEOUT);

  it('撤回 with a reason, before the city bureau acts: editable again, the reason in the history', async () => {
    screenshotOnFailure('withdraw');
    await page.getByTestId('withdraw').click();
    await page.getByTestId('withdraw-confirm').click();
    // The reason is required.
    await page.getByText('请输入撤回原因').waitFor();
    await page.getByTestId('withdraw-reason').fill('需补充项目投资佐证材料后重新提交');
    await screenshot('withdraw', false);
    await page.getByTestId('withdraw-confirm').click();
    await expect.poll(() => page.getByTestId('application-status').textContent()).toBe('已撤回');
    await page.getByTestId('save-now').waitFor();
    expect(await input('projectName').isEditable()).toBe(true);
    expect(await page.getByTestId('history').textContent()).toContain('意见：需补充项目投资佐证材料后重新提交');
    await screenshot('withdrawn');
  }, STEP_TIMEOUT);
});
