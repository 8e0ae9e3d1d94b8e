import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { camera, launchChromium, signInThroughUi, signOutThroughUi } from './browser.ts';
import { buildOrganisation, TEST_PASSWORD, uniqueSuffix } from '../apps/server/src/testing/app.ts';
import { startTestServer } from '../apps/server/src/testing/server.ts';
import { buildExpert, seedDemoSelectionCall, seedSelectionCall, type SelectionFixture } from '../apps/server/src/testing/selection-fixture.ts';
import type { BuiltOrganisation } from '../apps/server/src/testing/app.ts';

// The program owner's selection of one call, through the browser: 政策性审查 (two admitted, one rejected with a
// reason), k = 2 and 一键分配 over a pool of two experts, both experts sign the statement and submit their score
// sheets, the officer sees 2/2 and the normalised scores, proposes and approves the list, publishes the 公示; an
// anonymous visitor lodges an objection, the officer dismisses it, the period ends, the officer publishes under a
// document number and the visitor reads the published list.

const STEP_TIMEOUT = 120_000;
const OFFICER = 'hebei.officer';
const APPROVER = '王厅长';
const DOCUMENT_NUMBER = `冀工信软件函〔2024〕${String(Date.now()).slice(-3)}号`;
const OBJECTOR = '张三';

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let context: BrowserContext;
let visitorContext: BrowserContext;
let page: Page;
let visitor: Page;
let current: () => Page = () => page;
let fixture: SelectionFixture;
let poolName: string;
let experts: { username: string; name: string }[];
let noticeId: string;

const { screenshot, screenshotOnFailure } = camera(() => current(), 'selection');

const [admitted0, admitted1, rejected] = [0, 1, 2];

/** Waits for what the page shows after a server round trip (the machine is shared: allow a few seconds). */
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000 });

/** A demo organisation by its key, in the shape the factories take. */
async function demoOrg(key: string): Promise<BuiltOrganisation> {
  const { rows } = await server.database.pool.query('SELECT id, name, kind, ancestor_ids FROM organisations WHERE demo_key = $1', [key]);
  return { id: rows[0].id, name: rows[0].name, kind: rows[0].kind, ancestorIds: rows[0].ancestor_ids } as BuiltOrganisation;
}

/** Picks an option of an antd Select by typing part of its label. */
async function choose(select: Locator, text: string, optionText = text): Promise<void> {
  await select.click();
  await page.keyboard.type(text);
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: optionText }).first().click();
}

async function signInAs(username: string, password: string): Promise<void> {
  await page.goto(`${server.url}/`);
  await page.getByTestId('login-title').waitFor();
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('home-title').waitFor();
}

/** antd's Popconfirm: its OK button (the popover is rendered at the end of the body). */
async function confirmPopover(p: Page = page): Promise<void> {
  const ok = p.locator('.ant-popover:not(.ant-popover-hidden) .ant-popconfirm-buttons .ant-btn-primary');
  await ok.waitFor();
  await ok.click();
}

const row = (table: string, key: string): Locator => page.locator(`[data-testid=${table}] tr[data-row-key="${key}"]`);

async function openSelection(tab: 'policy' | 'experts' | 'scoring' | 'decision'): Promise<void> {
  await page.goto(`${server.url}/selection?callId=${encodeURIComponent(fixture.callId)}${tab === 'policy' ? '' : `&tab=${tab}`}`);
  await page.getByTestId('selection-title').waitFor();
  await page.getByTestId(`${tab === 'policy' ? 'policy' : tab}-tab`).waitFor();
}

/** One expert's whole part: statement, both score sheets, closing statement. */
async function expertScores(expert: { username: string; name: string }, base: number, shot: string): Promise<void> {
  await signInAs(expert.username, TEST_PASSWORD);
  await page.getByTestId('menu-expert').click();
  await page.getByTestId('expert-title').waitFor();
  await page.getByTestId(`expert-call-open-${fixture.callId}`).click();
  // Nothing before the statement: the modal with the server's text.
  await page.getByTestId('statement-text').waitFor();
  expect(await page.getByTestId('statement-text').textContent()).toContain('保密');
  expect(await page.getByTestId('statement-sign').isDisabled()).toBe(true);
  await page.getByTestId('statement-agree').check();
  if (shot) await screenshot(`${shot}-statement`, false);
  await page.getByTestId('statement-sign').click();
  await page.waitForURL(`**/expert/calls/${fixture.callId}`);
  const list = page.getByTestId('expert-assignments');
  await list.locator('tr.ant-table-row').nth(1).waitFor();
  expect(await list.locator('tr.ant-table-row').count()).toBe(2);

  for (const [i, app] of [fixture.applications[admitted0]!, fixture.applications[admitted1]!].entries()) {
    await list.locator('tr.ant-table-row', { hasText: app.projectName }).click();
    await page.getByTestId('score-sheet').waitFor();
    expect(await page.getByTestId('score-project').textContent()).toBe(app.projectName);
    // The application read-only, in the pack's sections.
    await page.getByTestId('expert-application').waitFor();
    expect(await page.getByTestId('review-section-basic').textContent()).toContain(app.projectName);
    // Submitting an empty sheet names what is missing, at the fields.
    await page.getByTestId('sheet-submit').click();
    await confirmPopover();
    await page.getByTestId('sheet-error').waitFor();
    expect(await page.locator('.ant-form-item-explain-error').first().textContent()).toContain('打分');

    const score = base - i * 8;
    for (const [n, criterion] of ['foundation', 'innovation', 'replicability'].entries()) {
      await page.getByTestId(`score-${criterion}`).fill(String(score + n * 2));
      await page.getByTestId(`comment-${criterion}`).fill(`${criterion === 'foundation' ? '发展基础' : criterion === 'innovation' ? '创新模式' : '推广意义'}评价：较好。`);
    }
    await page.getByTestId('sheet-opinion').fill('项目基础扎实，模式具有推广价值，同意推荐。');
    await poll(() => page.getByTestId('sheet-total').textContent()).toContain(String(score + 2));
    // The draft is saved when the server says so (the 已暂存 toast of the previous sheet may still be showing).
    const saved = page.waitForResponse((r) => r.url().includes('/scores') && r.request().method() === 'PUT');
    await page.getByTestId('sheet-save').click();
    expect((await saved).status()).toBe(200);
    await page.getByText('已暂存').last().waitFor();
    if (shot && i === 0) await screenshot(`${shot}-sheet`);
    await page.getByTestId('sheet-submit').click();
    await confirmPopover();
    await page.getByTestId('sheet-submitted').waitFor();
    // Once its own is in, the others' totals (anonymous) are shown.
    await page.getByTestId('sheet-others').waitFor();
    if (shot && i === 0) await screenshot(`${shot}-submitted`);
    await page.getByTestId('score-back').click();
    await list.waitFor();
  }

  await poll(() => list.locator('[data-testid=assignment-state][data-state=submitted]').count()).toBe(2);
  await page.getByTestId('statement-after-open').click();
  await page.getByTestId('statement-agree').check();
  await page.getByTestId('statement-sign').click();
  await page.getByTestId('expert-signed-after').waitFor();
  await signOutThroughUi(page);
}

beforeAll(async () => {
  server = await startTestServer();
  fixture = await seedDemoSelectionCall(server.database, 3);
  // A pool of exactly two experts (both fields of pack 000), so k = 2 gives every admitted application both.
  const pool = await buildOrganisation(server.database, { kind: 'expert_pool', parent: fixture.issuer, divisionCode: '130000', name: `河北省试点项目评审专家库${uniqueSuffix()}` });
  poolName = pool.name;
  const a = await buildExpert(server.database, pool, { expertise: ['智能制造', '工业互联网平台'], employerName: '燕山大学' });
  const b = await buildExpert(server.database, pool, { expertise: ['数字化转型', '工业软件'], employerName: '河北工业大学' });
  experts = [a, b].map((u) => ({ username: u.username, name: u.displayName }));
  browser = await launchChromium();
  const options = { locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 900 }, acceptDownloads: true } as const;
  context = await browser.newContext(options);
  visitorContext = await browser.newContext(options);
  page = await context.newPage();
  visitor = await visitorContext.newPage();
});

afterAll(async () => {
  await visitorContext?.close();
  await context?.close();
  await browser?.close();
  await server?.close();
});

describe('遴选评审：从政策性审查到正式公布', () => {
  it('政策性审查: the officer sees the recommended projects with channel, rank and rule findings, admits two and rejects one with a reason', async () => {
    screenshotOnFailure('policy');
    await signInThroughUi(page, server.url, OFFICER);
    await page.getByTestId('menu-selection').click();
    await page.getByTestId('selection-title').waitFor();
    await page.getByTestId('call-select').click();
    await page.getByTestId(`call-option-${fixture.callId}`).click();
    await poll(() => new URL(page.url()).searchParams.get('callId')).toBe(fixture.callId);
    for (const app of fixture.applications) await row('policy-table', app.id).waitFor();
    const first = row('policy-table', fixture.applications[0]!.id);
    expect(await first.textContent()).toContain(fixture.applications[0]!.number);
    expect(await first.textContent()).toContain('石家庄市工业和信息化局');
    expect(await first.getByTestId('policy-state').getAttribute('data-state')).toBe('pending');
    // Every row carries its rule check: 通过 or the findings as tags.
    expect(await page.locator('[data-testid=policy-table] [data-testid=findings-none], [data-testid=policy-table] [data-testid=finding]').count()).toBeGreaterThanOrEqual(3);
    await screenshot('policy');

    for (const i of [admitted0, admitted1]) await row('policy-table', fixture.applications[i]!.id).locator('.ant-checkbox-input').check();
    await page.getByTestId('policy-admit-selected').click();
    await confirmPopover();
    await poll(() => row('policy-table', fixture.applications[admitted1]!.id).getByTestId('policy-state').getAttribute('data-state')).toBe('admitted');
    expect(await row('policy-table', fixture.applications[admitted0]!.id).getByTestId('policy-state').getAttribute('data-state')).toBe('admitted');

    const out = fixture.applications[rejected]!;
    await page.getByTestId(`policy-reject-${out.id}`).click();
    await page.getByTestId('policy-reject-confirm').click();
    // The reason is required.
    await page.locator('.ant-modal .ant-form-item-explain-error').waitFor();
    await page.getByTestId('policy-reject-reason').fill('该项目未列入重点培育项目名单，不符合申报条件。');
    await screenshot('policy-reject', false);
    await page.getByTestId('policy-reject-confirm').click();
    await poll(() => row('policy-table', out.id).getByTestId('policy-state').getAttribute('data-state')).toBe('rejected');
    expect(await page.getByTestId('policy-counts').textContent()).toContain('准予进入评审 2 件，不予通过 1 件，待审查 0 件');
    await screenshot('policy-done');
  }, STEP_TIMEOUT);

  it('专家与回避: sets k = 2 and the pool of two experts', async () => {
    screenshotOnFailure('experts');
    await page.getByTestId('selection-tab-experts').click();
    await page.getByTestId('experts-tab').waitFor();
    await page.getByTestId('settings-k').fill('2');
    await page.getByTestId('settings-max').fill('5');
    // Only the test pool: clear the default pools, then choose it.
    const pools = page.getByTestId('review-settings').locator('.ant-select').first();
    while ((await pools.locator('.ant-select-selection-item-remove').count()) > 0) await pools.locator('.ant-select-selection-item-remove').first().click();
    await pools.click();
    await page.keyboard.type(poolName.slice(0, 8));
    await page.locator('.ant-select-item-option', { hasText: poolName }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('settings-save').click();
    await page.getByText('评审设置已保存').last().waitFor(); // a toast: an earlier one may still show
    const table = page.getByTestId('experts-table');
    await poll(() => table.locator('tr.ant-table-row').count()).toBe(2);
    for (const e of experts) expect(await table.textContent()).toContain(e.name);
    expect(await table.textContent()).toContain('智能制造');
    await screenshot('experts');
  }, STEP_TIMEOUT);

  it('分配与评分: 一键分配 gives each admitted application both experts', async () => {
    screenshotOnFailure('assign');
    await page.getByTestId('selection-tab-scoring').click();
    await page.getByTestId('scoring-tab').waitFor();
    await page.getByTestId('scoring-assign').click();
    await confirmPopover();
    await page.getByTestId('assign-result').waitFor();
    expect(await page.getByTestId('assign-result').textContent()).toContain('共 4 人次');
    for (const i of [admitted0, admitted1]) {
      const id = fixture.applications[i]!.id;
      await poll(() => page.getByTestId(`row-experts-${id}`).locator('[data-testid=assignment-tag]').count()).toBe(2);
      expect(await page.getByTestId(`row-progress-${id}`).textContent()).toBe('0/2 已评');
    }
    // The rejected one is not reviewed.
    expect(await row('scoring-table', fixture.applications[rejected]!.id).count()).toBe(0);
    expect(await page.getByTestId('normalisation-method').textContent()).not.toBe('');
    await screenshot('assigned');
    await signOutThroughUi(page);
  }, STEP_TIMEOUT);

  it('the first expert signs the statement, scores both applications and signs the closing statement', async () => {
    screenshotOnFailure('expert-a');
    await expertScores(experts[0]!, 86, 'expert-a');
  }, STEP_TIMEOUT);

  it('the second expert does the same with its own scores, and then sees the first expert’s totals', async () => {
    screenshotOnFailure('expert-b');
    await expertScores(experts[1]!, 72, 'expert-b');
  }, STEP_TIMEOUT);

  it('the officer sees 2/2 per application, mean, median, spread and the normalised score with its method, and closes the review', async () => {
    screenshotOnFailure('scores');
    await signInThroughUi(page, server.url, OFFICER);
    await openSelection('scoring');
    for (const i of [admitted0, admitted1]) {
      const id = fixture.applications[i]!.id;
      await poll(() => page.getByTestId(`row-progress-${id}`).textContent()).toBe('2/2 已评');
      const r = row('scoring-table', id);
      expect(await r.getByTestId('stat-mean').textContent()).toMatch(/^\d+\.\d\d$/);
      expect(await r.getByTestId('stat-normalized').textContent()).toMatch(/^-?\d+\.\d\d$/);
    }
    expect(await page.getByTestId('scoring-progress').textContent()).toContain('4 / 4');
    // Expert A gave 88 and 80, expert B 74 and 66 (weighted totals): the first application's mean is 81.
    expect(await row('scoring-table', fixture.applications[admitted0]!.id).getByTestId('stat-mean').textContent()).toBe('81.00');
    expect(await row('scoring-table', fixture.applications[admitted0]!.id).getByTestId('stat-spread').textContent()).toBe('14.00');
    await screenshot('scores');
    await page.getByTestId('scoring-close').click();
    await confirmPopover();
    await poll(() => page.getByTestId('review-status').getAttribute('data-status')).toBe('closed');
    // Closed: no more assignment, reminders or manual changes.
    expect(await page.getByTestId('scoring-assign').isDisabled()).toBe(true);
    expect(await page.locator('[data-testid^=assignment-add-]').count()).toBe(0);
  }, STEP_TIMEOUT);

  it('审定与公示: proposes both, approves with the approver’s name and publishes the 公示', async () => {
    screenshotOnFailure('decision');
    await page.getByTestId('selection-tab-decision').click();
    await page.getByTestId('decision-tab').waitFor();
    const table = page.getByTestId('proposal-table');
    for (const i of [admitted0, admitted1]) await table.locator(`tr[data-row-key="${fixture.applications[i]!.id}"] .ant-checkbox-input`).check();
    expect(await page.getByTestId('proposal-count').textContent()).toContain('已选 2 / 2 个');
    // Ordered by score: the first application (higher totals) first.
    expect(await table.getByTestId('proposal-project').allTextContents()).toEqual([fixture.applications[admitted0]!.projectName, fixture.applications[admitted1]!.projectName]);
    await screenshot('proposal');
    await page.getByTestId('proposal-save').click();
    await poll(() => page.getByTestId('selection-status').getAttribute('data-status')).toBe('proposed');

    await page.getByTestId('approve-name').fill(APPROVER);
    await page.getByTestId('approve-submit').click();
    await confirmPopover();
    await poll(() => page.getByTestId('selection-status').getAttribute('data-status')).toBe('approved');
    expect(await page.getByTestId('selection-list').getByTestId('selection-project').count()).toBe(2);

    await page.getByTestId('notice-title').waitFor();
    expect(await page.getByTestId('notice-text').inputValue()).toContain('公示期为7天');
    await page.getByTestId('notice-submit').click();
    await confirmPopover();
    await poll(() => page.getByTestId('selection-status').getAttribute('data-status')).toBe('public_notice');
    expect(await page.getByTestId('notice-period').getAttribute('data-phase')).toBe('open');
    await page.getByTestId('publish-wait').waitFor();
    await screenshot('notice');
  }, STEP_TIMEOUT);

  it('an anonymous visitor opens 公示公告 and lodges an objection with evidence', async () => {
    current = () => visitor;
    screenshotOnFailure('objection');
    await visitor.goto(`${server.url}/open-calls`);
    await visitor.getByTestId('public-notices').click();
    await visitor.getByTestId('notices-title').waitFor();
    const entry = visitor.locator('[data-testid^=notice-open-]', { hasText: '拟入选名单公示' }).first();
    await entry.waitFor();
    noticeId = (await entry.getAttribute('data-testid'))!.replace('notice-open-', '');
    await screenshot('public-list');
    await entry.click();
    await visitor.getByTestId('notice-page').waitFor();
    expect(await visitor.getByTestId('notice-list').getByTestId('notice-project').allTextContents()).toEqual([fixture.applications[admitted0]!.projectName, fixture.applications[admitted1]!.projectName]);
    await poll(() => visitor.getByTestId('notice-countdown').textContent()).toMatch(/距公示结束 \d+ 天 \d\d:\d\d:\d\d/);

    await visitor.getByTestId('objection-name').fill(OBJECTOR);
    await visitor.getByTestId('objection-phone').fill('13800138000');
    await visitor.getByTestId('objection-email').fill('zhangsan@example.com');
    await visitor.getByTestId('objection-project').click();
    await visitor.locator('.ant-select-item-option', { hasText: fixture.applications[admitted1]!.projectName }).click();
    await visitor.getByTestId('objection-content').fill('据了解该项目实际投资额与申报材料不符，请核查。');
    await visitor.locator('[data-testid=objection-evidence] input[type=file]').setInputFiles({ name: '证明材料.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n') });
    await visitor.locator('.ant-upload-list-item', { hasText: '证明材料.pdf' }).waitFor();
    await screenshot('objection-form');
    await visitor.getByTestId('objection-submit').click();
    await visitor.getByTestId('objection-receipt').waitFor();
    expect(await visitor.getByTestId('objection-receipt').textContent()).toMatch(/受理编号 [0-9a-f-]{36} · \d{4}-\d\d-\d\d \d\d:\d\d:\d\d/);
    await screenshot('objection-receipt');
    current = () => page;
  }, STEP_TIMEOUT);

  it('the officer dismisses the objection with an outcome', async () => {
    screenshotOnFailure('dismiss');
    await openSelection('decision');
    const objections = page.getByTestId('objections-table');
    await objections.locator('tr.ant-table-row').first().waitFor();
    expect(await objections.textContent()).toContain(OBJECTOR);
    expect(await objections.textContent()).toContain('证明材料.pdf');
    await objections.locator('[data-testid^=objection-resolve-]').click();
    await page.getByTestId('objection-dismissed').click();
    await page.getByTestId('objection-outcome').fill('经核查，该项目投资额有发票和合同为证，与申报材料一致，异议不成立。');
    await screenshot('objection-modal', false);
    await page.getByTestId('objection-confirm').click();
    await poll(() => objections.getByTestId('objection-state').getAttribute('data-state')).toBe('dismissed');
    // Still within the period: 正式公布 is refused with the server's reason.
    await page.getByTestId('publish-document-number').fill(DOCUMENT_NUMBER);
    await page.getByTestId('publish-submit').click();
    await confirmPopover();
    await page.getByTestId('publish-error').waitFor();
    expect(await page.getByTestId('publish-error').textContent()).toContain('公示期满后才能公布');
  }, STEP_TIMEOUT);

  it('after the period, the officer publishes the list under its document number', async () => {
    screenshotOnFailure('publish');
    // The 7-day period cannot pass in a test: move the notice's window into the past, as if the week had gone by.
    await server.database.pool.query(
      `UPDATE selections SET notice_starts_at = now() - interval '8 days', notice_ends_at = now() - interval '1 minute' WHERE call_id = $1`,
      [fixture.callId],
    );
    await openSelection('decision');
    await poll(() => page.getByTestId('notice-period').getAttribute('data-phase')).toBe('ended');
    expect(await page.getByTestId('publish-wait').count()).toBe(0);
    await page.getByTestId('publish-document-number').fill(DOCUMENT_NUMBER);
    await page.getByTestId('publish-submit').click();
    await confirmPopover();
    await poll(() => page.getByTestId('selection-status').getAttribute('data-status')).toBe('published');
    expect(await page.getByTestId('selection-document-number').textContent()).toContain(DOCUMENT_NUMBER);
    await screenshot('published');

    // 入选名单 as Excel.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('selection-download-xlsx').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  }, STEP_TIMEOUT);

  it('an anonymous visitor reads the published list with its document number', async () => {
    current = () => visitor;
    screenshotOnFailure('public-published');
    await visitor.goto(`${server.url}/notices`);
    const published = visitor.locator('[data-kind=published]', { hasText: DOCUMENT_NUMBER });
    await published.waitFor();
    await published.locator('[data-testid^=notice-open-]').click();
    await visitor.getByTestId('notice-page').waitFor();
    expect(await visitor.getByTestId('notice-page').getAttribute('data-kind')).toBe('published');
    expect(await visitor.getByTestId('notice-document-number').textContent()).toBe(DOCUMENT_NUMBER);
    expect(await visitor.getByTestId('notice-list').getByTestId('notice-project').allTextContents()).toEqual([fixture.applications[admitted0]!.projectName, fixture.applications[admitted1]!.projectName]);
    // No objections after publication.
    expect(await visitor.getByTestId('objection-form').count()).toBe(0);
    await screenshot('public-published');
    void noticeId;
    current = () => page;
  }, STEP_TIMEOUT);
});

describe('回避、分配调整与现场答辩（河北“互联网+”试点，含集中答辩）', () => {
  let plus: SelectionFixture;
  let trio: { id: string; username: string; name: string }[];

  it('detects a same-organisation conflict; the officer lifts it and pins it again, each with a reason', async () => {
    screenshotOnFailure('conflicts');
    const issuer = await demoOrg('hebei-dept');
    const applicants = [await demoOrg('ent-sjz-zhizao'), await demoOrg('ent-sjz-ruikang')];
    plus = await seedSelectionCall(server.database, {
      issuer,
      recommender: await demoOrg('hebei-shijiazhuang'),
      applicants,
      count: 2,
      pack: { id: 'hebei-internet-plus-pilot', form: 'application', directions: ['rd-open-design', 'prod-smart-factory'], channel: 'city' },
    });
    const pool = await buildOrganisation(server.database, { kind: 'expert_pool', parent: issuer, divisionCode: '130000', name: `河北省互联网+评审专家库${uniqueSuffix()}` });
    const users = [
      await buildExpert(server.database, pool, { expertise: ['工业软件', '智能制造'], employerName: '河北大学' }),
      await buildExpert(server.database, pool, { expertise: ['数字化转型', '工业大数据'], employerName: '燕山大学' }),
      // Works for the first applicant: a conflict the platform finds by itself.
      await buildExpert(server.database, pool, { expertise: ['工业互联网平台'], employerOrganisationId: applicants[0]!.id, employerName: applicants[0]!.name }),
    ];
    trio = users.map((u) => ({ id: u.id, username: u.username, name: u.displayName }));

    await page.goto(`${server.url}/selection?callId=${encodeURIComponent(plus.callId)}`);
    await row('policy-table', plus.applications[1]!.id).waitFor();
    await page.locator('[data-testid=policy-table] thead .ant-checkbox-input').check();
    await page.getByTestId('policy-admit-selected').click();
    await confirmPopover();
    await poll(() => page.locator('[data-testid=policy-table] [data-testid=policy-state][data-state=admitted]').count()).toBe(2);

    await page.getByTestId('selection-tab-experts').click();
    await page.getByTestId('settings-k').fill('3');
    const pools = page.getByTestId('review-settings').locator('.ant-select').first();
    while ((await pools.locator('.ant-select-selection-item-remove').count()) > 0) await pools.locator('.ant-select-selection-item-remove').first().click();
    await choose(pools, pool.name.slice(0, 6), pool.name);
    await page.keyboard.press('Escape');
    await page.getByTestId('settings-save').click();
    await page.getByText('评审设置已保存').last().waitFor(); // a toast: an earlier one may still show

    const conflicts = page.getByTestId('conflicts-table');
    const insider = conflicts.locator('tr.ant-table-row', { hasText: trio[2]!.name });
    await insider.waitFor();
    expect(await insider.textContent()).toContain('同一单位');
    expect(await insider.textContent()).toContain('自动识别');
    expect(await insider.getByTestId('conflict-state').getAttribute('data-state')).toBe('active');
    await screenshot('conflicts');

    await insider.getByTestId('conflict-lift').click();
    await page.getByTestId('conflict-lift-reason').fill('经核实该专家已办理离职手续，不再任职于该企业。');
    await page.getByTestId('conflict-lift-confirm').click();
    await poll(() => insider.getByTestId('conflict-state').getAttribute('data-state')).toBe('lifted');
    await insider.getByTestId('conflict-repin').click();
    await page.getByTestId('conflict-reason').fill('离职未满三年，仍按回避处理。');
    await screenshot('conflict-pin', false);
    await page.getByTestId('conflict-confirm').click();
    await poll(() => insider.getByTestId('conflict-state').getAttribute('data-state')).toBe('active');
  }, STEP_TIMEOUT);

  it('一键分配 explains why k = 3 cannot be met; with k = 2 it assigns; a manual addition and removal need reasons; late experts are reminded', async () => {
    screenshotOnFailure('adjust');
    await page.getByTestId('selection-tab-scoring').click();
    await page.getByTestId('scoring-assign').click();
    await confirmPopover();
    await page.getByTestId('assign-infeasible').waitFor();
    expect(await page.getByTestId('assign-infeasible').textContent()).toContain('无法完成分配');
    await screenshot('infeasible');

    await page.getByTestId('selection-tab-experts').click();
    await page.getByTestId('settings-k').fill('2');
    await page.getByTestId('settings-save').click();
    await page.getByText('评审设置已保存').last().waitFor(); // a toast: an earlier one may still show
    await page.getByTestId('selection-tab-scoring').click();
    await page.getByTestId('scoring-assign').click();
    await confirmPopover();
    await page.getByTestId('assign-result').waitFor();
    const second = plus.applications[1]!.id;
    const tags = page.getByTestId(`row-experts-${second}`).locator('[data-testid=assignment-tag]');
    await poll(() => tags.count()).toBe(2);
    // The insider never reviews its own employer's project.
    expect(await page.getByTestId(`row-experts-${plus.applications[0]!.id}`).textContent()).not.toContain(trio[2]!.name);

    // A third expert for the second application, by hand.
    await page.getByTestId(`assignment-add-${second}`).click();
    await page.locator('.ant-modal [data-testid=assignment-add-expert]').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').first().click();
    await page.getByTestId('assignment-add-reason').fill('该项目技术面较宽，增加一名专家。');
    await page.getByTestId('assignment-add-confirm').click();
    await poll(() => tags.count()).toBe(3);
    await screenshot('manual-added');
    // And removed again, with the reason.
    await tags.nth(2).locator('.ant-tag-close-icon').click();
    await page.getByTestId('assignment-remove-reason').fill('专家时间冲突，撤回该分配。');
    await page.getByTestId('assignment-remove-confirm').click();
    await poll(() => tags.count()).toBe(2);

    await page.getByTestId('scoring-remind').click();
    await page.getByText(/已提醒 \d+ 位专家/).waitFor();
  }, STEP_TIMEOUT);

  it('现场答辩: shortlists both, schedules a session with a panel and slots, and records the panel’s result', async () => {
    screenshotOnFailure('defence');
    await page.getByTestId('selection-tab-defence').click();
    await page.getByTestId('defence-tab').waitFor();
    await page.locator('[data-testid=defence-shortlist] thead .ant-checkbox-input').check();
    await page.getByTestId('defence-shortlist-save').click();
    await page.getByText('入围名单已保存（2 个）').last().waitFor();

    await page.getByTestId('defence-session-add').click();
    await page.getByTestId('defence-room').fill('省工信厅三楼第一会议室');
    const day = new Date(Date.now() + 10 * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    const span = page.locator('.ant-modal .ant-picker-range');
    await span.locator('input').first().click();
    await page.keyboard.type(`${day} 09:00`);
    await page.keyboard.press('Enter');
    await span.locator('input').nth(1).click();
    await page.keyboard.type(`${day} 12:00`);
    await page.keyboard.press('Enter');
    const panel = page.locator('.ant-modal [data-testid=defence-panel]');
    for (const e of trio.slice(0, 2)) {
      await panel.click();
      await page.keyboard.type(e.name.slice(-6));
      await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: e.name }).click();
    }
    await page.keyboard.press('Escape');
    await page.locator('.ant-modal .ant-table-row').nth(1).waitFor();
    await screenshot('defence-session', false);
    await page.getByTestId('defence-session-confirm').click();
    const first = plus.applications[0]!.id;
    await page.getByTestId(`defence-record-${first}`).waitFor();

    await page.getByTestId(`defence-record-${first}`).click();
    const scores = page.locator('.ant-modal .ant-input-number-input');
    await scores.nth(0).fill('85');
    await scores.nth(1).fill('79');
    await page.locator('.ant-modal').getByText('建议入选', { exact: true }).click();
    await page.locator('.ant-modal textarea').fill('答辩思路清晰，建设成效明显，建议列为试点。');
    await page.getByTestId('defence-record-confirm').click();
    await page.getByText('答辩结果已保存').last().waitFor();
    const slot = page.locator(`[data-testid^=defence-session-] tr[data-row-key="${first}"]`);
    await poll(() => slot.textContent()).toContain('82.00');
    expect(await slot.textContent()).toContain('建议入选');
    await screenshot('defence');
    await signOutThroughUi(page);
  }, STEP_TIMEOUT);

  it('an expert declares a conflict (申明回避) and leaves that assignment; the officer sees it as a declared conflict', async () => {
    screenshotOnFailure('declare');
    const expert = trio[0]!;
    await signInAs(expert.username, TEST_PASSWORD);
    await page.goto(`${server.url}/expert/calls/${encodeURIComponent(plus.callId)}`);
    await page.getByTestId('statement-agree').check();
    await page.getByTestId('statement-sign').click();
    const list = page.getByTestId('expert-assignments');
    await list.locator('tr.ant-table-row').first().waitFor();
    const before = await list.locator('tr.ant-table-row').count();
    await list.locator('tr.ant-table-row').first().click();
    await page.getByTestId('declare-conflict').click();
    await page.getByTestId('declare-reason').fill('本人近两年曾为该企业提供有偿技术咨询服务。');
    await screenshot('declare', false);
    await page.getByTestId('declare-confirm').click();
    await page.waitForURL(`**/expert/calls/${plus.callId}`);
    await poll(() => list.locator('tr.ant-table-row').count()).toBe(before - 1);
    await signOutThroughUi(page);

    await signInThroughUi(page, server.url, OFFICER);
    await page.goto(`${server.url}/selection?callId=${encodeURIComponent(plus.callId)}&tab=experts`);
    const declared = page.getByTestId('conflicts-table').locator('tr.ant-table-row', { hasText: '专家本人申明回避' });
    await declared.waitFor();
    expect(await declared.textContent()).toContain(expert.name);
    await screenshot('declared');
    await signOutThroughUi(page);
  }, STEP_TIMEOUT);
});

describe('湖南：全省总数不超过30个', () => {
  it('the ceiling turns red at 31 of 30 and the list cannot be approved until it fits', async () => {
    screenshotOnFailure('ceiling');
    const hunan = await seedSelectionCall(server.database, {
      issuer: await demoOrg('hunan-dept'),
      recommender: await demoOrg('hunan-changsha'),
      applicants: [await demoOrg('ent-cs-gongchuang'), await demoOrg('ent-cs-xingke')],
      count: 31,
      pack: { id: 'hunan-2023-platform-plan', form: 'platform-application', directions: ['comprehensive', 'featured-industry', 'professional'], channel: 'city' },
    });
    await signInThroughUi(page, server.url, 'hunan.officer');
    await page.goto(`${server.url}/selection?callId=${encodeURIComponent(hunan.callId)}`);
    await poll(() => page.locator('[data-testid=policy-table] tr.ant-table-row').count()).toBe(31);
    await page.locator('[data-testid=policy-table] thead .ant-checkbox-input').check();
    await page.getByTestId('policy-admit-selected').click();
    await confirmPopover();
    await poll(() => page.locator('[data-testid=policy-table] [data-testid=policy-state][data-state=admitted]').count()).toBe(31);

    await page.getByTestId('selection-tab-decision').click();
    const table = page.getByTestId('proposal-table');
    await table.locator('tr.ant-table-row').nth(30).waitFor();
    await table.locator('thead .ant-checkbox-input').check();
    const ceiling = page.getByTestId('ceiling-province-total');
    await poll(() => ceiling.getAttribute('data-exceeded')).toBe('true');
    expect(await ceiling.textContent()).toContain('31/30');
    await page.getByTestId('proposal-save').click();
    await poll(() => page.getByTestId('selection-status').getAttribute('data-status')).toBe('proposed');
    await page.getByTestId('approve-name').fill('刘湘宁');
    await page.getByTestId('approve-submit').click();
    await confirmPopover();
    await page.getByTestId('approve-error').waitFor();
    expect(await page.getByTestId('approve-error').textContent()).toContain('超过限额');
    await screenshot('ceiling');

    // One fewer: 30 of 30 fits.
    await table.locator('tr.ant-table-row').nth(30).locator('.ant-checkbox-input').uncheck();
    await poll(() => ceiling.getAttribute('data-exceeded')).toBe('false');
    expect(await ceiling.textContent()).toContain('30/30');
    await page.getByTestId('proposal-save').click();
    await poll(() => page.getByTestId('proposal-count').textContent()).toContain('已选 30 / 31 个');
    await page.getByTestId('approve-submit').click();
    await confirmPopover();
    await poll(() => page.getByTestId('selection-status').getAttribute('data-status')).toBe('approved');
  }, STEP_TIMEOUT);
});
