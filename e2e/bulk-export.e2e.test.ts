import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import yauzl from 'yauzl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { camera, launchChromium, signInThroughUi, signOutThroughUi } from './browser.ts';
import { startTestServer } from '../apps/server/src/testing/server.ts';
import { seedReviewFixture } from '../apps/server/src/testing/review-fixture.ts';

// 批量导出 through the browser: the issuing department (河北省工业和信息化厅) chooses its call under 推荐情况, starts a
// bulk export of all applications, watches the progress bar reach 100 %, downloads the ZIP and finds a folder per
// 申报编号 with the printed application, the summary table and a manifest whose hashes match; the job is listed under
// 批量导出. The city bureau starts one of its own from 审核推荐 and cancels nothing: it sees the same panel.

const STEP_TIMEOUT = 120_000;

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let fixture: Awaited<ReturnType<typeof seedReviewFixture>>;

const { screenshot, screenshotOnFailure } = camera(() => page, 'bulk-export');

async function chooseCall(callId: string): Promise<void> {
  await page.getByTestId('call-select').click();
  await page.getByTestId(`call-option-${callId}`).click();
  await expect.poll(() => new URL(page.url()).searchParams.get('callId')).toBe(callId);
}

function zipEntries(file: string): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const entries = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) =>
        zip.openReadStream(entry, (err, stream) => {
          if (err || !stream) return reject(err);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        }),
      );
      zip.on('end', () => resolve(entries));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
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

describe('批量导出', () => {
  it(
    'the officer exports the call, sees the progress bar reach 100 %, and downloads the ZIP',
    async () => {
      screenshotOnFailure('officer');
      await signInThroughUi(page, server.url, 'hebei.officer');
      await page.getByTestId('menu-recommendations').click();
      await page.getByTestId('oversight-title').waitFor();
      await chooseCall(fixture.callId);
      await screenshot('officer-page', false);
      await page.getByTestId('bulk-export').click();
      await page.getByTestId('export-drawer').waitFor();
      expect(await page.getByTestId('export-scope').textContent()).toContain('全部申报');
      await page.getByTestId('export-start').click();

      // The drawer's progress bar follows the job until it is done.
      const progress = page.locator('.ant-drawer-body > .ant-space > .ant-space-item [data-testid=export-progress]').first();
      await progress.waitFor();
      await page.screenshot({ path: '/tmp/bulk-export-officer-started.png' });
      await expect.poll(() => progress.getAttribute('aria-valuenow'), { timeout: 60_000 }).toBe('100');
      expect(await progress.getAttribute('class')).toContain('ant-progress-status-success');
      const caption = page.locator('.ant-drawer-body [data-testid=export-caption]').first();
      expect(await caption.textContent()).toMatch(/^导出完成：3 项申报，/);
      await screenshot('officer-done', false);

      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.ant-drawer-body [data-testid=export-download]').first().click()]);
      expect(decodeURIComponent(download.suggestedFilename())).toMatch(/（全部申报）批量导出_\d{8}-\d{4}\.zip$/);
      const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'bulk-export-e2e-')), 'export.zip');
      await download.saveAs(file);
      const entries = await zipEntries(file);
      for (const app of fixture.applications) {
        const pdf = entries.get(`${app.number}/${app.number}-申报书.pdf`);
        expect(pdf?.subarray(0, 5).toString(), app.number).toBe('%PDF-');
      }
      const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8')) as { applications: number; files: { path: string; sha256: string }[] };
      expect(manifest.applications).toBe(3);
      for (const f of manifest.files) expect(createHash('sha256').update(entries.get(f.path)!).digest('hex'), f.path).toBe(f.sha256);
      expect(entries.has('河北省工业互联网创新发展试点项目推荐表.xlsx')).toBe(true);
      expect(entries.has('河北省工业互联网创新发展试点项目推荐表.pdf')).toBe(true);
      // Kept beside the screenshots, to be looked at.
      await fs.writeFile('/tmp/bulk-export-summary.pdf', entries.get('河北省工业互联网创新发展试点项目推荐表.pdf')!);
      await fs.writeFile(`/tmp/bulk-export-${fixture.applications[0]!.number}.pdf`, entries.get(`${fixture.applications[0]!.number}/${fixture.applications[0]!.number}-申报书.pdf`)!);
    },
    STEP_TIMEOUT,
  );

  it(
    'lists the job under 批量导出 with its size and a download',
    async () => {
      screenshotOnFailure('list');
      await page.keyboard.press('Escape');
      await page.getByTestId('menu-exports').click();
      await page.getByTestId('exports-title').waitFor();
      const rows = page.locator('[data-testid=export-jobs] tr.ant-table-row');
      await expect.poll(() => rows.count()).toBeGreaterThan(0);
      const first = rows.first();
      expect(await first.getByTestId('export-status').textContent()).toBe('已完成');
      expect(await first.textContent()).toContain('全部申报');
      await first.getByTestId('export-download').waitFor();
      await screenshot('list');
      await signOutThroughUi(page);
    },
    STEP_TIMEOUT,
  );

  it(
    'the city bureau exports its own applications from 审核推荐',
    async () => {
      screenshotOnFailure('reviewer');
      await signInThroughUi(page, server.url, 'sjz.reviewer');
      await page.getByTestId('menu-review').click();
      await page.getByTestId('review-title').waitFor();
      await chooseCall(fixture.callId);
      await page.getByTestId('bulk-export').click();
      await page.getByTestId('export-drawer').waitFor();
      expect(await page.getByTestId('export-scope').textContent()).toContain('本单位审核范围内的申报');
      await page.getByTestId('export-start').click();
      const caption = page.locator('.ant-drawer-body [data-testid=export-caption]').first();
      await expect.poll(() => caption.textContent(), { timeout: 60_000 }).toMatch(/^导出完成：3 项申报/);
      await screenshot('reviewer-done', false);
    },
    STEP_TIMEOUT,
  );
});
