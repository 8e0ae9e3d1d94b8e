import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { camera, launchChromium, signInThroughUi, signOutThroughUi } from './browser.ts';
import { startTestServer } from '../apps/server/src/testing/server.ts';

// 申报通知 as an official reads them: the list, the pack's structure tab by tab, and the import of the
// 重点培育项目名单 from Excel, against the real server, the built web app, the demo data and the packs.

const STEP_TIMEOUT = 60_000;
const CALL_ID = 'hebei-2023-innovation-pilot';
const DOCUMENT_NUMBER = '冀工信软件函〔2023〕206号';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let server: { url: string; close(): Promise<void> };
let browser: Browser;
let context: BrowserContext;
let page: Page;

const { screenshot, screenshotOnFailure } = camera(() => page, 'calls');

async function signIn(username: string): Promise<void> {
  await signInThroughUi(page, server.url, username);
}

async function signOut(): Promise<void> {
  await signOutThroughUi(page);
}

/** An .xlsx as an official would fill it: headers in row 1, then the rows. */
async function workbook(headers: string[], rows: (string | number)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('名单');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const importInput = () => page.locator('[data-testid=list-cultivation] [data-testid=list-import] input[type=file]');
const listRows = () => page.locator('[data-testid=list-cultivation] [data-testid=list-rows] tr.ant-table-row');

beforeAll(async () => {
  // startTestServer seeds the demo data and syncs every loadable pack in programs/ (hebei-2023-innovation-pilot among them).
  server = await startTestServer();
  browser = await launchChromium();
  context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 900 } });
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

describe('申报通知', () => {
  it('a program officer finds the call in 申报通知 and opens it', async () => {
    screenshotOnFailure('list');
    await signIn('hebei.officer');
    await page.getByTestId('menu-calls').click();
    // Other test files add copies of this call with the same 文号: find the demo call's own row.
    const row = page.locator(`[data-testid=calls-table] tr.ant-table-row[data-row-key="${CALL_ID}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('河北省工业和信息化厅');
    await screenshot('list');

    await row.click();
    await page.getByTestId('call-title').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/calls/${CALL_ID}`);
    expect(await page.getByTestId('call-header').textContent()).toContain(DOCUMENT_NUMBER);
    expect(await page.getByTestId('call-header').textContent()).toContain('2023年05月04日');
    await page.getByTestId('eligibility-table').waitFor();
    expect(await page.getByTestId('call-overview').textContent()).toContain('项目是否为2021年以来河北省工业互联网创新发展重点培育项目？');
    await screenshot('overview');
  }, STEP_TIMEOUT);

  it('shows the categories, forms with their rules, and the stages in Beijing time', async () => {
    screenshotOnFailure('structure');
    await page.getByTestId('call-tab-categories').click();
    await page.getByTestId('call-categories').getByText('个性化定制').waitFor();
    await screenshot('categories');

    await page.getByTestId('call-tab-forms').click();
    const form = page.getByTestId('form-mode-application');
    await form.getByText('企业名称', { exact: true }).first().waitFor();
    const rules = page.getByTestId('rules-mode-application');
    await rules.getByText('申报模式应用类、行业（区域）级工业互联网平台类的项目，实际投资额需在500万元以上', { exact: true }).waitFor();
    expect(await rules.textContent()).toContain('investmentTotal >= 500');
    expect(await form.textContent()).toContain('金额（万元）');
    await screenshot('forms');

    await page.getByTestId('call-tab-stages').click();
    await page.getByTestId('stage-recommendation').waitFor();
    expect(await page.getByTestId('stage-recommendation').textContent()).toContain('2023年05月20日 23:59');
    await screenshot('stages');

    await page.getByTestId('call-tab-channels').click();
    await page.getByTestId('channels-table').waitFor();
    await page.getByTestId('call-tab-review').click();
    await page.getByTestId('rubric-table').waitFor();
    await screenshot('review');
  }, STEP_TIMEOUT);

  it('imports the 重点培育项目名单 from Excel, refusing a file without the required columns', async () => {
    screenshotOnFailure('import');
    await page.getByTestId('call-tab-lists').click();
    await page.getByTestId('list-cultivation').waitFor();

    const incomplete = await workbook(['年度', '企业名称'], [[2022, '石家庄智造装备有限公司']]);
    await importInput().setInputFiles({ name: '缺列的名单.xlsx', mimeType: XLSX, buffer: incomplete });
    await page.getByTestId('list-import-error').waitFor();
    expect(await page.getByTestId('list-import-error').textContent()).toContain('缺少列：所属市、项目名称');
    await screenshot('import-error');

    const good = await workbook(
      ['年度', '所属市', '企业名称', '项目名称'],
      [
        [2022, '石家庄市', '石家庄智造装备有限公司', '智能制造工业互联网平台建设项目'],
        [2023, '唐山市', '唐山钢铁数字科技有限公司', '钢铁行业工业互联网标识解析应用'],
      ],
    );
    await importInput().setInputFiles({ name: '重点培育项目名单.xlsx', mimeType: XLSX, buffer: good });
    await expect.poll(() => listRows().count(), { timeout: 10_000 }).toBe(2);
    expect(await page.getByTestId('list-import-error').count()).toBe(0);
    expect(await page.getByTestId('list-cultivation').getByTestId('list-row-count').textContent()).toBe('2 行');
    expect(await listRows().nth(1).textContent()).toContain('钢铁行业工业互联网标识解析应用');
    expect(await page.getByTestId('list-cultivation').textContent()).toContain('重点培育项目名单.xlsx');
    await screenshot('import-done');
  }, STEP_TIMEOUT);

  it('an applicant admin reads the call but is offered no import and no list rows', async () => {
    screenshotOnFailure('applicant');
    await signOut();
    await signIn('zhizao.admin');
    expect(await page.getByTestId('menu-calls').isVisible()).toBe(true);
    await page.goto(`${server.url}/calls/${CALL_ID}?tab=lists`);
    await page.getByTestId('list-cultivation').waitFor();
    expect(await page.getByTestId('list-template').isVisible()).toBe(true);
    expect(await page.getByTestId('list-import').count()).toBe(0);
    expect(await page.getByTestId('list-rows').count()).toBe(0);
    await screenshot('applicant-lists');
  }, STEP_TIMEOUT);

  it('counts down to the next deadline by the server clock, not the browser clock', async () => {
    screenshotOnFailure('countdown');
    // The server says it is 2 days and 30 minutes before the deadline; the browser's own clock says years later.
    const closes = '2023-05-20T23:59:59+08:00';
    const serverTime = new Date(Date.parse(closes) - (2 * 24 * 60 + 30) * 60_000).toISOString();
    await page.route('**/api/calls', async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as { items: { id: string; serverTime: string; nextDeadline: unknown }[] };
      for (const item of body.items) {
        item.serverTime = serverTime;
        if (item.id === CALL_ID) item.nextDeadline = { stage: '市级审核推荐', closes };
      }
      await route.fulfill({ response, json: body });
    });
    await page.getByTestId('menu-calls').click();
    // Other test files add copies of this call with the same 文号: find the demo call's own row.
    const row = page.locator(`[data-testid=calls-table] tr.ant-table-row[data-row-key="${CALL_ID}"]`);
    await row.getByTestId('deadline-countdown').waitFor();
    expect(await row.getByTestId('deadline-countdown').textContent()).toMatch(/^剩余 2 天 00:(29|30):\d\d$/);
    expect(await row.textContent()).toContain('2023年05月20日 23:59市级审核推荐');
    await screenshot('countdown');
    await page.unroute('**/api/calls');
  }, STEP_TIMEOUT);
});
