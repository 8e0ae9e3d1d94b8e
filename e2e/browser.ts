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
