import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { camera, launchChromium, signInThroughUi, signOutThroughUi } from './browser.ts';
import { startTestServer } from '../apps/server/src/testing/server.ts';
import { seedReviewFixture } from '../apps/server/src/testing/review-fixture.ts';

// The city bureau recommends, through the browser: 审核推荐 with a call of its own (three submitted applications of
// 石家庄 enterprises), 退回修改 pinned to a field, 不予推荐, 审核通过 with the formal checklist, 推荐排序 with the
// quota panel, 出具推荐意见 signed by name, the 推荐汇总表 Excel read back; drag-and-drop ranking on a second call;
// and the issuing department (河北省工业和信息化厅) sees the issued set under 推荐情况 and may reopen it.

const STEP_TIMEOUT = 120_000;
const RECOMMENDER = '石家庄市工业和信息化局';
const SIGNER = '孙建华';
const OPINION = '经审核，该项目申报材料齐全、内容真实，符合通知要求，同意推荐。';

type Fixture = Awaited<ReturnType<typeof seedReviewFixture>>;

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let fixture: Fixture;

const { screenshot, screenshotOnFailure } = camera(() => page, 'recommender');

async function signIn(username: string): Promise<void> {
  await signInThroughUi(page, server.url, username);
}

async function signOut(): Promise<void> {
  await signOutThroughUi(page);
}

/** The call select of 审核推荐 / 推荐情况: fixture calls share their title, so the option is found by the call's id. */
async function chooseCall(callId: string): Promise<void> {
  await page.getByTestId('call-select').click();
  await page.getByTestId(`call-option-${callId}`).click();
  await expect.poll(() => new URL(page.url()).searchParams.get('callId')).toBe(callId);
}

const inboxRow = (id: string): Locator => page.locator(`[data-testid=inbox-table] tr[data-row-key="${id}"]`);

/** From the inbox to one application's review page. */
async function openApplication(id: string, projectName: string): Promise<void> {
  await page.getByTestId(`inbox-open-${id}`).click();
  await page.waitForURL(`**/review/applications/${id}`);
  await page.getByTestId('decision-panel').waitFor();
  expect(await page.getByTestId('review-project-name').textContent()).toBe(projectName);
}

/** Back on the inbox after a decision, with the row showing it. */
async function backOnInbox(id: string): Promise<void> {
  await page.waitForURL(/\/review\?callId=/);
  await inboxRow(id).waitFor();
}

/** 'YYYY-MM-DD HH:mm' a week from now, Beijing time (the picker's format). */
function nextWeek(): string {
  const at = new Date(Date.now() + 7 * 86_400_000);
  const date = at.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  return `${date} 17:00`;
}

/** Ranked project names, in the order shown. */
async function rankedProjects(table: Locator): Promise<string[]> {
  return table.getByTestId('ranking-project').allTextContents();
}

beforeAll(async () => {
  server = await startTestServer();
  fixture = await seedReviewFixture(server.database);
  browser = await launchChromium();
  context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

describe('推荐单位：审核、排序、出具推荐意见', () => {
  it('the reviewer opens 审核推荐, chooses the call and sees its three submitted applications', async () => {
    screenshotOnFailure('inbox');
    await signIn('sjz.reviewer');
    await page.getByTestId('menu-review').click();
    await page.getByTestId('review-title').waitFor();
    await chooseCall(fixture.callId);
    for (const application of fixture.applications) await inboxRow(application.id).waitFor();
    expect(await page.locator('[data-testid=inbox-table] tr.ant-table-row').count()).toBe(3);
    const first = inboxRow(fixture.applications[0]!.id);
    expect(await first.textContent()).toContain(fixture.applications[0]!.number);
    expect(await first.textContent()).toContain('石家庄智造云科技有限公司');
    expect(await first.getByTestId('decision-tag').getAttribute('data-decision')).toBe('pending');
    expect(await page.getByTestId('inbox-counts').textContent()).toContain('待审核 3 件');

    // The filters narrow the list in place.
    await page.getByTestId('filter-keyword').fill('制药');
    await expect.poll(() => page.locator('[data-testid=inbox-table] tr.ant-table-row').count()).toBe(1);
    await page.getByTestId('filter-reset').click();
    await expect.poll(() => page.locator('[data-testid=inbox-table] tr.ant-table-row').count()).toBe(3);
    await screenshot('inbox');
  }, STEP_TIMEOUT);

  it('returns the first application with an opinion pinned to 项目建设内容 and a revision deadline', async () => {
    screenshotOnFailure('return');
    const [app] = fixture.applications;
    await openApplication(app!.id, app!.projectName);
    // The application read-only, in the form's sections and words.
    expect(await page.getByTestId('review-section-basic').textContent()).toContain(app!.projectName);
    expect(await page.getByTestId('value-contactName').textContent()).toBe('李明');
    await page.getByTestId('review-attachments').waitFor();
    await page.getByTestId('history').waitFor();
    await screenshot('review-page');

    await page.getByTestId('decision-return').click();
    await page.getByTestId('return-opinion').fill('项目建设内容未填写，请补充建设内容和主要技术路线后重新提交。');
    await page.getByTestId('return-fields').click();
    await page.keyboard.type('项目建设内容');
    await page.locator('.ant-select-item-option', { hasText: '项目建设内容' }).click();
    await page.keyboard.press('Escape');
    const deadline = page.getByTestId('return-deadline');
    await deadline.click();
    await page.keyboard.type(nextWeek());
    await page.keyboard.press('Enter');
    await expect.poll(() => deadline.inputValue()).toBe(nextWeek());
    expect(await page.locator('.ant-modal .ant-select-selection-item').allTextContents()).toContain('项目建设内容');
    await screenshot('return-modal', false);
    await page.getByTestId('return-confirm').click();

    await backOnInbox(app!.id);
    await expect.poll(() => inboxRow(app!.id).getByTestId('application-status').getAttribute('data-status')).toBe('returned');
  }, STEP_TIMEOUT);

  it('the returned application shows the opinion at its field; 不予推荐 needs an opinion, then rejects the second', async () => {
    screenshotOnFailure('reject');
    const [returned, app] = fixture.applications;
    await openApplication(returned!.id, returned!.projectName);
    expect(await page.getByTestId('review-returned').textContent()).toContain('项目建设内容');
    await page.getByTestId('returned-mark-constructionContent').waitFor();
    expect(await page.getByTestId('decision-closed').textContent()).toContain('已退回修改');
    await screenshot('returned', false);
    await page.getByTestId('review-back').click();

    await openApplication(app!.id, app!.projectName);
    await page.getByTestId('decision-reject').click();
    expect(await page.getByTestId('decision-error').textContent()).toContain('不予推荐须填写审核意见');
    await page.getByTestId('decision-opinion').fill('项目实际投资额未达到通知要求的500万元以上，不予推荐。');
    await page.getByTestId('decision-reject').click();
    await backOnInbox(app!.id);
    await expect.poll(() => inboxRow(app!.id).getByTestId('decision-tag').getAttribute('data-decision')).toBe('rejected');
  }, STEP_TIMEOUT);

  it('passes the third only with the full formal checklist', async () => {
    screenshotOnFailure('pass');
    const app = fixture.applications[2]!;
    await openApplication(app.id, app.projectName);
    await page.getByTestId('decision-pass').click();
    expect(await page.getByTestId('decision-error').textContent()).toContain('形式审查');
    expect(await page.getByTestId('decision-panel').textContent()).toContain('请确认：申报材料齐全');
    await screenshot('checklist-missing');
    const items = page.locator('[data-testid^=checklist-]');
    expect(await items.count()).toBeGreaterThanOrEqual(3);
    for (const item of await items.all()) await item.check();
    await page.getByTestId('decision-opinion').fill('材料齐全，符合推荐条件。');
    await page.getByTestId('decision-pass').click();
    await backOnInbox(app.id);
    await expect.poll(() => inboxRow(app.id).getByTestId('decision-tag').getAttribute('data-decision')).toBe('passed');
    const counts = await page.getByTestId('inbox-counts').textContent();
    for (const part of ['待审核 0 件', '审核通过 1 件', '不予推荐 1 件', '退回修改中 1 件']) expect(counts).toContain(part);
    expect(await inboxRow(fixture.applications[0]!.id).getByTestId('decision-tag').getAttribute('data-decision')).toBe('returned');
    await screenshot('inbox-decided');
  }, STEP_TIMEOUT);

  it('推荐排序 shows the passed project and the quota panel, and issues with 推荐意见 and 签署人', async () => {
    screenshotOnFailure('issue');
    const app = fixture.applications[2]!;
    await page.getByTestId('review-tab-ranking').click();
    const card = page.getByTestId('recommendation-city');
    await card.waitFor();
    expect(await card.getAttribute('data-status')).toBe('draft');
    expect(await rankedProjects(card.getByTestId('recommendation-city-table'))).toEqual([app.projectName]);
    await card.getByTestId('quota-panel').waitFor();
    // 000 (河北2023) sets no quota for the cities: the panel says so.
    expect(await card.getByTestId('quota-panel').textContent()).toContain('推荐限额');
    await expect.poll(() => card.getByTestId('deadline-countdown').textContent()).toMatch(/^剩余 \d+ 天 \d\d:\d\d:\d\d$/);
    await screenshot('ranking');

    await card.getByTestId('recommendation-city-issue').click();
    await page.getByTestId('issue-opinion').fill(OPINION);
    await page.getByTestId('issue-signer').fill(SIGNER);
    await screenshot('issue-modal', false);
    await page.getByTestId('issue-confirm').click();

    await card.getByTestId('recommendation-city-issued').waitFor();
    expect(await card.getAttribute('data-status')).toBe('issued');
    expect(await card.getByTestId('issued-signer').textContent()).toBe(SIGNER);
    expect(await card.getByTestId('issued-opinion').textContent()).toBe(OPINION);
    expect(await card.getByTestId('issued-sha256').textContent()).toMatch(/^[0-9a-f]{64}$/);
    expect(await card.getByTestId('issued-at').textContent()).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    // Frozen: no handles, no buttons.
    expect(await card.getByTestId('drag-handle').count()).toBe(0);
    expect(await card.getByTestId('recommendation-city-save').count()).toBe(0);
    await screenshot('issued');
  }, STEP_TIMEOUT);

  it('downloads the 推荐汇总表 (Excel) with the notice’s title, columns and the passed project', async () => {
    screenshotOnFailure('excel');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('recommendation-city-summary').click()]);
    expect(download.suggestedFilename()).toBe(`河北省工业互联网创新发展试点项目推荐表（${RECOMMENDER}）.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await download.path());
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('河北省工业互联网创新发展试点项目推荐表');
    expect(String(sheet.getRow(2).getCell(1).value)).toContain(RECOMMENDER);
    const header = (sheet.getRow(3).values as unknown[]).slice(1);
    expect(header).toEqual(['序号', '项目名称', '企业名称', '申报方向', '项目投资额（万元）', '联系人', '联系方式']);
    // Group rows (一、模式应用类 / 二、行业/区域级平台类) carry no 序号; the first data row does.
    let first: ExcelJS.Row | undefined;
    sheet.eachRow((row, n) => {
      if (!first && n > 3 && typeof row.getCell(1).value === 'number') first = row;
    });
    expect(first?.getCell(1).value).toBe(1);
    expect(first?.getCell(2).value).toBe(fixture.applications[2]!.projectName);
    expect(first?.getCell(3).value).toBe('石家庄智造云科技有限公司');
    expect(first?.getCell(4).value).toBe('通用设备制造行业');
    expect(first?.getCell(5).value).toBe(1200);
  }, STEP_TIMEOUT);

  it('reorders a ranking by drag and drop and 上移/下移; a concurrent change is refused and reloaded; the saved order stays', async () => {
    screenshotOnFailure('drag');
    // A second call of its own, all three passed through the API.
    const second = await seedReviewFixture(server.database);
    const me = (await (await page.request.get(`${server.url}/api/me`)).json()) as { csrfToken: string };
    const inbox = (await (await page.request.get(`${server.url}/api/review/inbox?callId=${second.callId}`)).json()) as { checklist: { id: string }[] };
    const checklist = Object.fromEntries(inbox.checklist.map((c) => [c.id, true]));
    for (const app of second.applications) {
      const response = await page.request.post(`${server.url}/api/applications/${app.id}/review`, {
        headers: { 'x-csrf-token': me.csrfToken },
        data: { decision: 'passed', opinion: '', checklist },
      });
      expect(response.ok()).toBe(true);
    }
    const [a, b, c] = [0, 1, 2].map((i) => second.applications[i]!.projectName) as [string, string, string];

    await page.goto(`${server.url}/review?callId=${second.callId}&tab=ranking`);
    const card = page.getByTestId('recommendation-city');
    const table = card.getByTestId('recommendation-city-table');
    await table.locator('tr.ant-table-row').nth(2).waitFor();
    expect(await rankedProjects(table)).toEqual([a, b, c]);

    // Drag the third row onto the first: it lands on top.
    const rows = table.locator('tr.ant-table-row');
    await rows.nth(2).dragTo(rows.nth(0));
    await expect.poll(() => rankedProjects(table)).toEqual([c, a, b]);
    expect(await table.getByTestId('ranking-rank').allTextContents()).toEqual(['1', '2', '3']);
    // And the keyboard way: 下移 on the first row.
    await rows.nth(0).getByTestId('move-down').click();
    await expect.poll(() => rankedProjects(table)).toEqual([a, c, b]);
    // Unsaved: 出具 waits for 保存排序.
    expect(await card.getByTestId('recommendation-city-issue').isDisabled()).toBe(true);
    expect(await card.getByTestId('recommendation-city-unsaved').isVisible()).toBe(true);
    await screenshot('drag');

    // Meanwhile a colleague saves another order: ours is refused with the server's message, and the page reloads.
    const list = (await (await page.request.get(`${server.url}/api/recommendations?callId=${second.callId}`)).json()) as {
      items: { id: string; version: number; items: { application: { id: string } }[] }[];
    };
    const rec = list.items[0]!;
    const byName = new Map(second.applications.map((app) => [app.projectName, app.id]));
    const theirs = await page.request.put(`${server.url}/api/recommendations/${rec.id}/ranking`, {
      headers: { 'x-csrf-token': me.csrfToken },
      data: { order: [b, a, c].map((name) => byName.get(name)!), version: rec.version },
    });
    expect(theirs.ok()).toBe(true);
    await card.getByTestId('recommendation-city-save').click();
    const conflict = card.getByTestId('recommendation-city-error');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('排序已被他人修改');
    await expect.poll(() => rankedProjects(table)).toEqual([b, a, c]);
    await screenshot('conflict');

    // Again on the fresh version: the last row to the top, saved.
    await rows.nth(2).dragTo(rows.nth(0));
    await expect.poll(() => rankedProjects(table)).toEqual([c, b, a]);
    await card.getByTestId('recommendation-city-save').click();
    await page.getByText('排序已保存').last().waitFor(); // a toast: an earlier one may still show
    expect(await card.getByTestId('recommendation-city-issue').isDisabled()).toBe(false);

    await page.reload();
    await table.locator('tr.ant-table-row').nth(2).waitFor();
    expect(await rankedProjects(table)).toEqual([c, b, a]);
  }, STEP_TIMEOUT);

  it('the issuing department sees the issued recommendation under 推荐情况, and may reopen it', async () => {
    screenshotOnFailure('officer');
    await signOut();
    await signIn('hebei.officer');
    await page.getByTestId('menu-recommendations').click();
    await page.getByTestId('oversight-title').waitFor();
    await chooseCall(fixture.callId);
    const channel = page.getByTestId('channel-city');
    const card = channel.locator('[data-recommendation-id]', { hasText: RECOMMENDER });
    await card.waitFor();
    expect(await card.getByTestId('issued-signer').textContent()).toBe(SIGNER);
    expect(await card.getByTestId('issued-sha256').textContent()).toMatch(/^[0-9a-f]{64}$/);
    expect(await card.getByTestId('issued-project').allTextContents()).toEqual([fixture.applications[2]!.projectName]);
    expect(await page.getByTestId('oversight-totals').textContent()).toContain('已出具推荐意见 1 份');
    await screenshot('oversight');

    // Where the 收到推荐意见 notice points: the one recommendation, the same card.
    const id = await card.getAttribute('data-recommendation-id');
    await page.goto(`${server.url}/recommendations/${id}`);
    await page.locator(`[data-recommendation-id="${id}"]`).getByTestId('issued-signer').waitFor();
    await screenshot('recommendation-page');
    await page.goBack();
    await card.waitFor();

    await card.locator('[data-testid$=-reopen]').click();
    await page.getByTestId('reopen-reason').fill('推荐单位申请调整推荐排序，同意重新开启。');
    await screenshot('reopen-modal', false);
    await page.getByTestId('reopen-confirm').click();
    await expect.poll(() => channel.locator('[data-recommendation-id]').count()).toBe(0);
    expect(await page.getByTestId('oversight-totals').textContent()).toContain('已出具推荐意见 0 份');
  }, STEP_TIMEOUT);
});
