import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request as playwrightRequest, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { camera, DEMO_PASSWORD, launchChromium, signInThroughUi, signOutThroughUi } from './browser.ts';
import { startTestServer } from '../apps/server/src/testing/server.ts';
import { buildOpenCall } from '../apps/server/src/testing/calls.ts';
import { cases } from '../programs/hebei-2023-innovation-pilot/cases.ts';

// The printed application, through the browser: the demo enterprise (石家庄智造云科技有限公司) downloads the PDF of
// its submitted application from the application page and finds its 申报编号 and snapshot hash on every page, the
// recommender (石家庄市工业和信息化局) downloads it from its review page; then a visitor who is not signed in checks that number and hash on 申报材料核验 — a match, and with one character changed,
// no match.

const STEP_TIMEOUT = 120_000;
const PROJECT = '智造云装配车间数字孪生改造项目';

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let applicationId = '';
let submitted: { number: string; sha256: string; seq: number };

const { screenshot, screenshotOnFailure } = camera(() => page, 'documents');

/** A call of its own (pack 000), and a complete 1-1 application of the demo enterprise submitted through the API. */
async function submitApplication(): Promise<void> {
  const org = async (key: string) => (await server.database.pool.query('SELECT id, name, credit_code FROM organisations WHERE demo_key = $1', [key])).rows[0] as { id: string; name: string; credit_code: string };
  const [hebei, zhizao] = [await org('hebei-dept'), await org('ent-sjz-zhizao')];
  const callId = await buildOpenCall(server.database, 'hebei-2023-innovation-pilot', {
    issuer: { id: hebei.id, name: hebei.name, kind: 'provincial_department', ancestorIds: [] },
    lists: { cultivation: [{ year: '2022', city: '石家庄市', companyName: zhizao.name, projectName: PROJECT }] },
  });
  const api = await playwrightRequest.newContext({ baseURL: server.url });
  try {
    const login = await api.post('/api/auth/login', { data: { username: 'zhizao.admin', password: DEMO_PASSWORD } });
    expect(login.ok()).toBe(true);
    const headers = { 'x-csrf-token': ((await login.json()) as { csrfToken: string }).csrfToken };
    const created = await api.post('/api/applications', { headers, data: { callId, formId: 'mode-application' } });
    expect(created.status()).toBe(201);
    applicationId = ((await created.json()) as { application: { id: string } }).application.id;
    const valid = cases.find((c) => c.form === 'mode-application' && c.expect.length === 0)!.answers;
    const answers: Record<string, unknown> = { ...valid, companyName: zhizao.name, projectName: PROJECT, organisationCode: zhizao.credit_code.slice(8, 17), twoIntegration: { value: false }, specialisedSme: { value: false } };
    // the sealed scan, a stored file of this application
    await server.database.pool.query(`INSERT INTO blobs (sha256, size, mime) VALUES ($1, 512000, 'application/pdf') ON CONFLICT DO NOTHING`, ['5'.repeat(64)]);
    const file = await server.database.pool.query(
      `INSERT INTO application_files (application_id, field_id, name, sha256, size, mime, uploaded_by) SELECT $1, 'sealedApplication', '申报表盖章扫描件.pdf', $2, 512000, 'application/pdf', created_by FROM applications WHERE id = $1 RETURNING id`,
      [applicationId, '5'.repeat(64)],
    );
    const sections: Record<string, Record<string, unknown>> = {
      basic: pick(answers, ['companyName', 'projectName', 'projectPeriod', 'legalRepresentative', 'ownership', 'organisationCode', 'employeeCount', 'itDepartmentName', 'itDepartmentSize']),
      contact: pick(answers, ['contactName', 'contactMobile', 'contactDepartment', 'contactTitle', 'contactFax', 'contactEmail']),
      direction: pick(answers, ['direction']),
      achievements: pick(answers, ['twoIntegration', 'itInnovationAward', 'nationalPilot', 'provincialPilot', 'specialisedSme', 'epidemicSupplier']),
      content: pick(answers, ['constructionContent', 'benefits', 'innovation']),
      investment: pick(answers, ['investmentTotal', 'investAutomation', 'investIt', 'investDevelopment', 'investOther', 'receivedProvincialFunds']),
      attachments: { sealedApplication: [{ fileId: file.rows[0].id }] },
    };
    for (const [section, values] of Object.entries(sections)) {
      const saved = await api.put(`/api/applications/${applicationId}/sections/${section}`, { headers, data: { answers: values, baseVersion: 0 } });
      expect(saved.status(), await saved.text()).toBe(200);
    }
    const submit = await api.post(`/api/applications/${applicationId}/submit`, { headers, data: { idempotencyKey: randomUUID(), commitmentAccepted: true } });
    expect(submit.status(), await submit.text()).toBe(200);
    submitted = (await submit.json()) as typeof submitted;
  } finally {
    await api.dispose();
  }
}

function pick(answers: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, answers[k]]));
}

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
  context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1360, height: 900 }, acceptDownloads: true });
  page = await context.newPage();
  await submitApplication();
}, STEP_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('申报书下载与核验（浏览器）', () => {
  it(
    'the applicant downloads the PDF of its submitted application, with number and hash on every page',
    async () => {
      screenshotOnFailure('download');
      await signInThroughUi(page, server.url, 'zhizao.admin');
      await page.goto(`${server.url}/applications/${applicationId}`);
      await page.getByTestId('editor-toolbar').waitFor();
      await page.getByTestId('download-pdf').waitFor();
      await screenshot('application-page', false);

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-pdf').click()]);
      expect(decodeURIComponent(download.suggestedFilename())).toBe(`${submitted.number}-${PROJECT}.pdf`);
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-doc-')), 'application.pdf');
      await download.saveAs(file);
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file]).toString())![1]);
      const text = execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8');
      expect(text.replace(/\s+/g, '')).toContain(PROJECT);
      expect(text).toContain(`申报编号：${submitted.number}`);
      expect(text.split(submitted.sha256).length - 1).toBe(pages);
      // what a person sees on paper: page 1 as a picture beside the screenshots
      execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', '-singlefile', file, '/tmp/documents-pdf-page1']);

      const [word] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-docx').click()]);
      expect(decodeURIComponent(word.suggestedFilename())).toBe(`${submitted.number}-${PROJECT}.docx`);

      // the printable preview offers the same downloads
      await page.goto(`${server.url}/applications/${applicationId}/preview`);
      await page.getByTestId('print-doc').waitFor();
      expect(await page.getByTestId('download-pdf').isVisible()).toBe(true);
      await screenshot('preview', false);
      await page.goto(`${server.url}/`); // the preview has no frame, so no user menu
      await page.getByTestId('home-title').waitFor();
      await signOutThroughUi(page);
    },
    STEP_TIMEOUT,
  );

  it(
    'the recommender downloads it from its review page',
    async () => {
      screenshotOnFailure('review');
      await signInThroughUi(page, server.url, 'sjz.reviewer');
      await page.goto(`${server.url}/review/applications/${applicationId}`);
      await page.getByTestId('decision-panel').waitFor();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-pdf').click()]);
      expect(decodeURIComponent(download.suggestedFilename())).toBe(`${submitted.number}-${PROJECT}.pdf`);
      await screenshot('review-page', false);
      await signOutThroughUi(page);
    },
    STEP_TIMEOUT,
  );

  it(
    'a visitor checks the printed copy on 申报材料核验: a match, then a changed hash that does not match',
    async () => {
      screenshotOnFailure('verify');
      await page.goto(`${server.url}/open-calls`);
      await page.getByTestId('public-verify').click();
      await page.getByTestId('verify-title').waitFor();
      await page.getByTestId('verify-number').fill(submitted.number);
      await page.getByTestId('verify-sha256').fill(submitted.sha256);
      await page.getByTestId('verify-submit').click();
      await page.getByTestId('verify-match').waitFor();
      const matched = await page.getByTestId('verify-match').textContent();
      expect(matched).toContain('一致');
      expect(matched).toContain('河北省工业互联网创新发展试点项目');
      expect(matched).not.toContain(PROJECT); // the check never shows the content
      await screenshot('verify-match');

      const changed = submitted.sha256.slice(0, -1) + (submitted.sha256.endsWith('0') ? '1' : '0');
      await page.getByTestId('verify-sha256').fill(changed);
      await page.getByTestId('verify-submit').click();
      await page.getByTestId('verify-mismatch').waitFor();
      expect(await page.getByTestId('verify-mismatch').textContent()).toContain('不一致');
      await screenshot('verify-mismatch');

      // a malformed hash is refused in the form, before any request
      await page.getByTestId('verify-sha256').fill('12345');
      await page.getByTestId('verify-submit').click();
      await expect.poll(() => page.locator('.ant-form-item-explain-error').allTextContents()).toContain('应为 64 位十六进制字符（0-9、a-f）');
    },
    STEP_TIMEOUT,
  );
});
