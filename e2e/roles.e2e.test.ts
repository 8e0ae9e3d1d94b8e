import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { camera, launchChromium, signInThroughUi, signOutThroughUi } from './browser.ts';
import { startTestServer } from '../apps/server/src/testing/server.ts';

// Each role sees the screens it may use, and only those: the menu of a platform admin
// and of an applicant's admin, against the real server, the built web app and the demo data.

const STEP_TIMEOUT = 60_000;

let server: { url: string; close(): Promise<void> };
let browser: Browser;
let context: BrowserContext;
let page: Page;

const { screenshot, screenshotOnFailure } = camera(() => page, 'e2e');

/** From the home address, as a person would: the app sends us to /login and back to 工作台. */
async function signIn(username: string): Promise<void> {
  await signInThroughUi(page, server.url, username);
}

async function signOut(): Promise<void> {
  await signOutThroughUi(page);
}

beforeAll(async () => {
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

describe('menus by role', () => {
  it('shows the sign-in page with the platform title', async () => {
    screenshotOnFailure('login');
    await page.goto(`${server.url}/`);
    // Not signed in: the app sends us to /login.
    await page.getByTestId('login-title').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await page.getByTestId('login-title').textContent()).toContain('工业互联网试点示范项目申报管理平台');
    await screenshot('login');
  }, STEP_TIMEOUT);

  it('platform admin sees 组织机构 and 审计日志, and the audit log has rows', async () => {
    screenshotOnFailure('admin');
    await signIn('admin');
    await expect.poll(() => page.getByTestId('menu-organisations').isVisible()).toBe(true);
    expect(await page.getByTestId('menu-audit').isVisible()).toBe(true);
    expect(await page.getByTestId('current-organisation').textContent()).toBe('工业和信息化部');
    await screenshot('admin-home');

    await page.getByTestId('menu-audit').click();
    await page.locator('[data-testid=audit-table] tr.ant-table-row').first().waitFor();
    expect(await page.locator('[data-testid=audit-table] tr.ant-table-row').count()).toBeGreaterThan(0);

    await page.getByTestId('verify-chain').click();
    await page.getByTestId('verify-result').waitFor();
    expect(await page.getByTestId('verify-result').textContent()).toContain('哈希链完整');
    await screenshot('admin-audit');
  }, STEP_TIMEOUT);

  it('signing out ends the session', async () => {
    screenshotOnFailure('sign-out');
    await signOut();
    await page.goto(`${server.url}/audit`);
    await page.getByTestId('login-title').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
  }, STEP_TIMEOUT);

  it('an applicant admin sees only 工作台 and 本单位用户', async () => {
    screenshotOnFailure('applicant');
    await signIn('zhizao.admin');
    await expect.poll(() => page.getByTestId('menu-my-org').isVisible()).toBe(true);
    expect(await page.getByTestId('menu-home').isVisible()).toBe(true);
    expect(await page.getByTestId('menu-audit').count()).toBe(0);
    expect(await page.getByTestId('menu-organisations').count()).toBe(0);
    await screenshot('applicant-home');

    await page.getByTestId('menu-my-org').click();
    await page.locator('[data-testid=users-table] tr.ant-table-row').first().waitFor();
    expect(await page.getByTestId('users-table').textContent()).toContain('zhizao.admin');
    await screenshot('applicant-my-org');

    // Typing the address is no way round the menu.
    await page.goto(`${server.url}/audit`);
    await page.getByText('无权访问').waitFor();
    await screenshot('applicant-audit-forbidden');
  }, STEP_TIMEOUT);
});
