import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { camera, launchChromium, signInThroughUi, signOutThroughUi } from './browser.ts';
import { startTestServer } from '../apps/server/src/testing/server.ts';
import { seedProvinceFixture } from '../apps/server/src/testing/province-fixture.ts';

// The province round of a national call (ADR 0004), through the browser: Guangdong's copy of 004, two submitted
// applications of a 广州 enterprise through 地市工信部门 → 省工业和信息化厅 (`gd-industry`). 广州市工业和信息化局
// passes both and issues; 广东省工业和信息化厅 finds them in its own inbox, passes one and rejects the other, ranks
// within its own quota (≤ 30) by the provincial deadline and issues to the ministry; the call's owner sees both
// issued recommendations side by side under 推荐情况.

const STEP_TIMEOUT = 120_000;
const CITY = '广州市工业和信息化局';
const PROVINCE = '广东省工业和信息化厅';
const CITY_SIGNER = '梁志明';
const CITY_OPINION = '经审核，以上项目申报材料齐全、内容真实，符合通知要求，同意推荐。';
const PROVINCE_SIGNER = '黄振宇';
const PROVINCE_OPINION = '经初审，择优推荐以上项目参加2023年工业互联网试点示范遴选。';
const PROVINCE_QUOTA = '省工业和信息化主管部门推荐项目原则上不超过30个';

type Fixture = Awaited<ReturnType<typeof seedProvinceFixture>>;

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let fixture: Fixture;

const { screenshot, screenshotOnFailure } = camera(() => page, 'province');

/** The call select of 审核推荐 / 推荐情况: fixture calls share their title, so the option is found by the call's id. */
async function chooseCall(callId: string, shot?: string): Promise<void> {
  await page.getByTestId('call-select').click();
  await page.getByTestId(`call-option-${callId}`).waitFor();
  if (shot) await screenshot(shot, false);
  await page.getByTestId(`call-option-${callId}`).click();
  await expect.poll(() => new URL(page.url()).searchParams.get('callId')).toBe(callId);
}

/** 审核推荐 with the fixture's call chosen, as the signed-in reviewer. */
async function openReview(shot?: string): Promise<void> {
  await page.getByTestId('menu-review').click();
  await page.getByTestId('review-title').waitFor();
  await chooseCall(fixture.callId, shot);
}

/** The count on the 待审申报 tab (antd puts it in the badge's title): what still waits for this organisation. */
async function pendingBadge(): Promise<string | null> {
  return page.getByTestId('review-tab-inbox').locator('.ant-badge-count').getAttribute('title');
}

const inboxRows = (): Locator => page.locator('[data-testid=inbox-table] tr.ant-table-row');
const inboxRow = (id: string): Locator => page.locator(`[data-testid=inbox-table] tr[data-row-key="${id}"]`);
const decisionOf = (id: string) => inboxRow(id).getByTestId('decision-tag').getAttribute('data-decision');

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

/** 审核通过 with the whole formal checklist ticked. */
async function pass(id: string, projectName: string, opinion: string): Promise<void> {
  await openApplication(id, projectName);
  const items = page.locator('[data-testid^=checklist-]');
  expect(await items.count()).toBeGreaterThanOrEqual(3);
  for (const item of await items.all()) await item.check();
  await page.getByTestId('decision-opinion').fill(opinion);
  await page.getByTestId('decision-pass').click();
  await backOnInbox(id);
  await expect.poll(() => decisionOf(id)).toBe('passed');
}

/** 出具推荐意见 on the ranking card: opinion and signer, then the card frozen and signed. */
async function issue(card: Locator, testId: string, opinion: string, signer: string, shot: string): Promise<void> {
  await card.getByTestId(`${testId}-issue`).click();
  await page.getByTestId('issue-opinion').fill(opinion);
  await page.getByTestId('issue-signer').fill(signer);
  await screenshot(shot, false);
  await page.getByTestId('issue-confirm').click();
  await card.getByTestId(`${testId}-issued`).waitFor();
  expect(await card.getAttribute('data-status')).toBe('issued');
  expect(await card.getByTestId('issued-signer').textContent()).toBe(signer);
  expect(await card.getByTestId('issued-opinion').textContent()).toBe(opinion);
  expect(await card.getByTestId('issued-sha256').textContent()).toMatch(/^[0-9a-f]{64}$/);
}

/** '推荐截止：YYYY年MM月DD日 HH:mm', Beijing time, as the ranking card writes a deadline. */
function deadlineLine(iso: string): string {
  const [date, time] = new Date(iso).toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai' }).split(' ') as [string, string];
  const [year, month, day] = date.split('-');
  return `推荐截止：${year}年${month}月${day}日 ${time.slice(0, 5)}`;
}

beforeAll(async () => {
  server = await startTestServer();
  fixture = await seedProvinceFixture(server.database);
  browser = await launchChromium();
  context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 900 } });
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

describe('省级轮次：地市推荐 → 省工业和信息化厅初审、择优推荐 → 工业和信息化部', () => {
  it('广州市工业和信息化局 passes both applications and issues its recommendation', async () => {
    screenshotOnFailure('city');
    const [platform, factory] = fixture.applications as [Fixture['applications'][number], Fixture['applications'][number]];
    await signInThroughUi(page, server.url, 'guangzhou.reviewer');
    await openReview();
    for (const app of fixture.applications) await inboxRow(app.id).waitFor();
    expect(await inboxRows().count()).toBe(2);
    expect(await inboxRow(platform.id).textContent()).toContain('广州云创工业互联网有限公司');
    expect(await page.getByTestId('inbox-counts').textContent()).toContain('待审核 2 件');
    await expect.poll(() => pendingBadge()).toBe('2');
    // Its own applicants' applications: no 推荐单位 line under the applicant.
    expect(await page.getByTestId('inbox-recommender').count()).toBe(0);
    await screenshot('city-inbox');

    await pass(platform.id, platform.projectName, '材料齐全，符合推荐条件。');
    await pass(factory.id, factory.projectName, '材料齐全，符合推荐条件。');
    expect(await page.getByTestId('inbox-counts').textContent()).toContain('审核通过 2 件');

    await page.getByTestId('review-tab-ranking').click();
    const card = page.getByTestId('recommendation-gd-industry');
    await card.waitFor();
    expect(await card.getAttribute('data-status')).toBe('draft');
    expect(await card.getByTestId('ranking-project').allTextContents()).toEqual([platform.projectName, factory.projectName]);
    // A city of the Pearl River Delta: its own quota, not the province's; the city round's deadline.
    expect(await card.getByTestId('quota-city-pearl-river-delta').textContent()).toContain('珠三角地区各地市推荐项目数量不超过8个');
    expect(await card.getByTestId('quota-city-pearl-river-delta-usage').textContent()).toBe('2 / 8');
    expect(await card.getByTestId('quota-province-industry').count()).toBe(0);
    expect(await card.getByTestId('ranking-deadline').textContent()).toContain(deadlineLine(fixture.deadlines.recommendation));
    await screenshot('city-ranking');

    await issue(card, 'recommendation-gd-industry', CITY_OPINION, CITY_SIGNER, 'city-issue-modal');
    await screenshot('city-issued');
    await signOutThroughUi(page);
  }, STEP_TIMEOUT);

  it('广东省工业和信息化厅 finds the call and both projects of its city in its own inbox', async () => {
    screenshotOnFailure('province-inbox');
    await signInThroughUi(page, server.url, fixture.provinceReviewer);
    // The call is the province's own (it issued it), though no application was sent to it directly.
    await openReview('province-call-picker');
    for (const app of fixture.applications) await inboxRow(app.id).waitFor();
    expect(await inboxRows().count()).toBe(2);
    for (const app of fixture.applications) {
      expect(await inboxRow(app.id).textContent()).toContain(app.number);
      expect(await inboxRow(app.id).getByTestId('inbox-recommender').textContent()).toBe(`推荐单位：${CITY}`);
      // The city's decision is the city's: the province has not decided yet.
      await expect.poll(() => decisionOf(app.id)).toBe('pending');
      expect(await inboxRow(app.id).getByTestId('application-status').getAttribute('data-status')).toBe('recommended');
    }
    expect(await page.getByTestId('inbox-counts').textContent()).toContain('待审核 2 件');
    await expect.poll(() => pendingBadge()).toBe('2');
    await screenshot('province-inbox');
  }, STEP_TIMEOUT);

  it('passes one with the checklist and rejects the other with an opinion', async () => {
    screenshotOnFailure('province-decide');
    const [platform, factory] = fixture.applications as [Fixture['applications'][number], Fixture['applications'][number]];
    await openApplication(platform.id, platform.projectName);
    // The recommending city is named; 退回修改 stays the city's.
    expect(await page.locator('.ant-descriptions').first().textContent()).toContain(CITY);
    expect(await page.getByTestId('decision-return').count()).toBe(0);
    // 004's wide 材料分类及索引目录 scrolls in its cell: the section's table stays in its card, left of the decision panel.
    const materials = page.getByTestId('review-section-materials');
    const table = await materials.locator('.ant-descriptions-view > table').boundingBox();
    const [section, panel] = [await materials.boundingBox(), await page.getByTestId('decision-panel').boundingBox()];
    expect(table!.x + table!.width).toBeLessThanOrEqual(section!.x + section!.width);
    expect(section!.x + section!.width).toBeLessThanOrEqual(panel!.x);
    await screenshot('province-review-page');
    await materials.screenshot({ path: '/tmp/province-review-materials.png' });
    await page.getByTestId('review-back').click();
    await inboxRow(platform.id).waitFor();
    await pass(platform.id, platform.projectName, '项目成效突出，同意择优推荐。');

    await openApplication(factory.id, factory.projectName);
    await page.getByTestId('decision-reject').click();
    expect(await page.getByTestId('decision-error').textContent()).toContain('不予推荐须填写审核意见');
    await page.getByTestId('decision-opinion').fill('同类工厂项目已较多，本项目创新性不足，本轮不予推荐。');
    await page.getByTestId('decision-reject').click();
    await backOnInbox(factory.id);
    await expect.poll(() => decisionOf(factory.id)).toBe('rejected');
    const counts = await page.getByTestId('inbox-counts').textContent();
    for (const part of ['待审核 0 件', '审核通过 1 件', '不予推荐 1 件']) expect(counts).toContain(part);
    expect(await page.getByTestId('review-tab-inbox').locator('.ant-badge-count').count()).toBe(0);
    await screenshot('province-decided');
  }, STEP_TIMEOUT);

  it('推荐排序 holds the passed project within the province quota (1/30) and the provincial deadline; issues', async () => {
    screenshotOnFailure('province-issue');
    const [platform] = fixture.applications as [Fixture['applications'][number]];
    await page.getByTestId('review-tab-ranking').click();
    const card = page.getByTestId('recommendation-gd-industry');
    await card.waitFor();
    expect(await card.getAttribute('data-status')).toBe('draft');
    expect(await card.getByTestId('ranking-project').allTextContents()).toEqual([platform.projectName]);
    const quota = card.getByTestId('quota-province-industry');
    expect(await quota.textContent()).toContain(PROVINCE_QUOTA);
    expect(await card.getByTestId('quota-province-industry-usage').textContent()).toBe('1 / 30');
    expect(await quota.getAttribute('data-exceeded')).toBe('false');
    expect(await card.getByTestId('quota-city-pearl-river-delta').count()).toBe(0);
    // The province round closes with `provincial_recommendation` (+25 days), not with the cities' round.
    expect(await card.getByTestId('ranking-deadline').textContent()).toContain(deadlineLine(fixture.deadlines.provincialRecommendation));
    await expect.poll(() => card.getByTestId('deadline-countdown').textContent()).toMatch(/^剩余 2[45] 天 \d\d:\d\d:\d\d$/);
    await screenshot('province-ranking');

    await issue(card, 'recommendation-gd-industry', PROVINCE_OPINION, PROVINCE_SIGNER, 'province-issue-modal');
    expect(await card.getByTestId('drag-handle').count()).toBe(0);
    expect(await card.getByTestId('recommendation-gd-industry-save').count()).toBe(0);
    await screenshot('province-issued');
    await signOutThroughUi(page);
  }, STEP_TIMEOUT);

  it('the call’s owner sees both issued recommendations side by side under 推荐情况', async () => {
    screenshotOnFailure('officer');
    const [platform, factory] = fixture.applications as [Fixture['applications'][number], Fixture['applications'][number]];
    await signInThroughUi(page, server.url, 'guangdong.officer');
    await page.getByTestId('menu-recommendations').click();
    await page.getByTestId('oversight-title').waitFor();
    await chooseCall(fixture.callId);
    const channel = page.getByTestId('channel-gd-industry');
    const city = channel.locator('[data-recommendation-id]', { hasText: CITY });
    const province = channel.locator('[data-recommendation-id]', { hasText: PROVINCE });
    await city.waitFor();
    await province.waitFor();
    expect(await channel.locator('[data-recommendation-id]').count()).toBe(2);
    expect(await city.getByTestId('issued-recommender').textContent()).toBe(CITY);
    expect(await city.getByTestId('issued-signer').textContent()).toBe(CITY_SIGNER);
    expect(await city.getByTestId('issued-project').allTextContents()).toEqual([platform.projectName, factory.projectName]);
    expect(await province.getByTestId('issued-recommender').textContent()).toBe(PROVINCE);
    expect(await province.getByTestId('issued-signer').textContent()).toBe(PROVINCE_SIGNER);
    expect(await province.getByTestId('issued-project').allTextContents()).toEqual([platform.projectName]);
    // The project in both sets counts once.
    expect(await page.getByTestId('oversight-totals').textContent()).toBe('已出具推荐意见 2 份，推荐项目合计 2 个。');
    // Side by side: the two cards on one row.
    const [a, b] = [await city.boundingBox(), await province.boundingBox()];
    expect(a && b && Math.abs(a.y - b.y) < 2 && a.x !== b.x).toBe(true);
    await screenshot('oversight');
  }, STEP_TIMEOUT);
});
