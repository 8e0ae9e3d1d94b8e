import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page, type Request } from 'playwright-core';
import { camera } from './browser.ts';
import { startTestServer } from '../apps/server/src/testing/server.ts';

// The 视频证明材料 of the MIIT call (5–10 minutes) through the browser: a 4-minute video is refused with the
// server's reason; a 5.5-minute one, cut off mid-upload and the tab closed, resumes in a new tab from the
// stored tus fingerprint (no new upload is created, the transfer continues at the server's offset) and shows its length.

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];
const DEMO_PASSWORD = 'Shenbao@2026';
const STEP_TIMEOUT = 120_000;
const CALL_ID = 'miit-2023-pilot-demo';

let server: { url: string; close(): Promise<void> };
let browser: Browser;
let context: BrowserContext;
let page: Page;
let videoDir = '';
let shortVideo = '';
let validVideo = '';
let applicationUrl = '';

/** A small test-pattern video of `seconds` (low resolution, high crf: a few hundred KB). */
function makeVideo(file: string, seconds: number): void {
  const args = ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc=size=160x120:rate=5', '-t', String(seconds), '-pix_fmt', 'yuv420p', '-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '40', file];
  const result = spawnSync('ffmpeg', args, { encoding: 'utf8' });
  if (result.error || result.status !== 0) throw new Error(`ffmpeg failed to make ${file}: ${result.error?.message ?? result.stderr}`);
}

const { screenshot, screenshotOnFailure } = camera(() => page, 'video-upload');

const videoSlot = () => page.getByTestId('input-video');
const videoInput = () => videoSlot().locator('input[type=file]');

async function openMaterials(): Promise<void> {
  await page.getByTestId('section-materials').waitFor();
  await page.getByTestId('nav-materials').click();
  await videoSlot().scrollIntoViewIfNeeded();
}

beforeAll(async () => {
  // Not a skip: without ffmpeg the platform cannot check video length, and this test must say so.
  const probe = spawnSync('ffmpeg', ['-version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error('ffmpeg is not installed: the video upload test needs it to make its videos (and the server needs ffprobe). Install it with `apt-get install ffmpeg` (scripts/install-system-packages.sh).');
  }
  videoDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shenbao-video-e2e-'));
  shortVideo = path.join(videoDir, 'short.mp4');
  validVideo = path.join(videoDir, '项目视频证明材料.mp4');
  makeVideo(shortVideo, 240);
  makeVideo(validVideo, 330);

  server = await startTestServer();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 900 } });
  page = await context.newPage();
}, 180_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
  if (videoDir) fs.rmSync(videoDir, { recursive: true, force: true });
});

describe('视频证明材料：时长检查与断点续传', () => {
  it('a Guangdong applicant admin starts a MIIT pilot application', async () => {
    screenshotOnFailure('start');
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-username').fill('yunchuang.admin');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('home-title').waitFor();
    await page.getByTestId('menu-open-calls').click();

    const id = `open-call-${CALL_ID}`;
    const check = page.getByTestId(`${id}-self-check`);
    await check.waitFor();
    const answers: Record<string, 'yes' | 'no'> = {
      'registered-in-guangdong': 'yes',
      'credit-china': 'yes',
      'no-major-accident': 'yes',
      'not-in-demonstration-period': 'no',
      'innovation-engineering': 'no',
      'project-built': 'yes',
      video: 'yes',
    };
    for (const [question, answer] of Object.entries(answers)) await check.getByTestId(`${id}-self-check-${question}-${answer}`).check();
    await check.getByTestId(`${id}-self-check-result`).waitFor();
    await page.getByTestId(`${id}-start`).click();
    await page.getByTestId('start-category-factory').check();
    await page.getByTestId('start-confirm').click();
    await page.waitForURL(/\/applications\/[0-9a-f-]{36}$/);
    applicationUrl = page.url();
    await openMaterials();
    expect(await page.getByTestId('field-video').textContent()).toContain('视频时长 5分钟至10分钟');
  }, STEP_TIMEOUT);

  it('a 4-minute video is refused with the server’s reason', async () => {
    screenshotOnFailure('short');
    await videoInput().setInputFiles(shortVideo);
    const error = videoSlot().getByTestId('input-video-error');
    await error.waitFor({ timeout: 60_000 });
    expect(await error.textContent()).toContain('视频时长应为5分钟至10分钟（当前240秒）');
    expect(await videoSlot().getByTestId('input-video-file').count()).toBe(0);
    await screenshot('refused', false);
    await error.locator('.ant-alert-close-icon').click();
  }, STEP_TIMEOUT);

  it('a 5.5-minute video cut off mid-upload resumes in a new tab and completes', async () => {
    screenshotOnFailure('resume');
    const size = fs.statSync(validVideo).size;
    const half = Math.floor(size / 2);
    // The first PATCH carries only the first half (the server keeps it); every later PATCH dies on the wire.
    let patches = 0;
    let cut = false;
    await page.route('**/api/uploads/*', async (route) => {
      const request = route.request();
      if (request.method() !== 'PATCH') return route.continue();
      patches += 1;
      if (patches === 1) {
        const body = request.postDataBuffer()!.subarray(0, half);
        return route.continue({ postData: body, headers: { ...request.headers(), 'content-length': String(body.length) } });
      }
      cut = true;
      return route.abort('connectionreset');
    });
    await videoInput().setInputFiles(validVideo);
    await expect.poll(() => cut, { timeout: 30_000 }).toBe(true);
    const progress = videoSlot().getByTestId('input-video-progress');
    expect(await progress.isVisible()).toBe(true);
    await screenshot('interrupted', false);
    // The tab goes away mid-upload.
    await page.close();

    page = await context.newPage();
    const uploadRequests: Request[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/uploads')) uploadRequests.push(r);
    });
    await page.goto(applicationUrl);
    await openMaterials();
    // The slot knows an upload of this field never finished.
    await videoSlot().getByTestId('input-video-unfinished').waitFor();
    expect(await videoSlot().getByTestId('input-video-unfinished').textContent()).toContain('项目视频证明材料.mp4');
    await screenshot('unfinished', false);

    await videoInput().setInputFiles(validVideo);
    const file = videoSlot().getByTestId('input-video-file');
    await file.waitFor({ timeout: 60_000 });
    expect(await file.textContent()).toContain('项目视频证明材料.mp4');
    expect(await videoSlot().getByTestId('input-video-duration').textContent()).toBe('时长 5分30秒');

    // Resumed, not restarted: no new upload was created, and the transfer started at the server's offset.
    expect(uploadRequests.filter((r) => r.method() === 'POST')).toHaveLength(0);
    const patch = uploadRequests.find((r) => r.method() === 'PATCH');
    expect(patch).toBeDefined();
    expect(Number((await patch!.allHeaders())['upload-offset'])).toBe(half);
    expect(await videoSlot().getByTestId('input-video-unfinished').count()).toBe(0);
    await screenshot('resumed');
  }, STEP_TIMEOUT);
});
