import { expect, onTestFailed } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';

// What every browser test shares: Debian's chromium with the flags this machine needs, and signing in and out
// through the UI as a person would.

export const DEMO_PASSWORD = 'Shenbao@2026';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** From the home address: the app sends us to /login and, once signed in, back to 工作台. */
export async function signInThroughUi(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.getByTestId('login-title').waitFor();
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('home-title').waitFor();
}

export async function signOutThroughUi(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('logout').click();
  await page.getByTestId('login-title').waitFor();
}

/**
 * Screenshots of one test file, named `/tmp/<prefix>-<name>.png`: taken once antd's loading overlays are gone, and
 * on a failed test together with what the page said (errors, toasts, and `extraSaid` elements).
 */
export function camera(getPage: () => Page, prefix: string, extraSaid = '') {
  const said = ['.ant-alert-error', '.ant-message-notice', '.ant-form-item-explain-error', extraSaid].filter(Boolean).join(', ');
  async function screenshot(name: string, fullPage = true): Promise<void> {
    const page = getPage();
    await expect.poll(() => page.locator('.ant-spin-spinning, .ant-spin-blur').count()).toBe(0);
    await page.waitForTimeout(400);
    await page.screenshot({ path: `/tmp/${prefix}-${name}.png`, fullPage });
  }
  function screenshotOnFailure(name: string): void {
    onTestFailed(async () => {
      const page = getPage();
      await page.screenshot({ path: `/tmp/${prefix}-failure-${name}.png`, fullPage: true }).catch(() => undefined);
      const texts = await page.locator(said).allTextContents().catch(() => []);
      console.error(`[${name}] page says:`, texts.join(' | '));
    });
  }
  return { screenshot, screenshotOnFailure };
}
