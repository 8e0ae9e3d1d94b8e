import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { LoadedPack } from '@shenbao/contracts';
import { validateAnswers, type PackCase } from '@shenbao/rules';
import { loadPack } from '../apps/server/src/modules/programs/index.ts';

// One engine, two places: every worked case of every pack gives the same findings in Chromium as in Node.

const ROOT = path.resolve(import.meta.dirname, '..');
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];

let browser: Browser;
let page: Page;

const packs: { pack: LoadedPack; cases: PackCase[] }[] = [];
for (const dir of fs.readdirSync(path.join(ROOT, 'programs'), { withFileTypes: true }).filter((d) => d.isDirectory())) {
  const casesFile = path.join(ROOT, 'programs', dir.name, 'cases.ts');
  const pack = await loadPack(path.join(ROOT, 'programs', dir.name)).catch(() => null); // broken packs fail programs/packs.test.ts
  if (pack && fs.existsSync(casesFile)) packs.push({ pack, cases: ((await import(casesFile)) as { cases: PackCase[] }).cases });
}

beforeAll(async () => {
  // The same source the web app imports, bundled for the browser.
  const bundle = await build({
    entryPoints: [path.join(ROOT, 'packages/rules/src/index.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'ShenbaoRules',
    platform: 'browser',
    target: 'es2020',
    alias: { '@shenbao/contracts': path.join(ROOT, 'packages/contracts/src/index.ts') },
  });
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  page = await browser.newPage();
  await page.setContent('<!doctype html><title>rules</title>');
  await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
}, 120_000);
afterAll(async () => browser?.close());

describe.each(packs.map((p) => [p.pack.program.id, p] as const))('浏览器与服务器规则一致：%s', (_id, { pack, cases }) => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const form = pack.forms.find((f) => f.id === c.form)!;
    const input = { program: pack.program, form, answers: c.answers, context: { now: '2026-01-01T00:00:00+08:00', ...c.context } };
    const server = (await validateAnswers(input)).violations;
    const inBrowser = await page.evaluate(
      async (arg) => (await (window as unknown as { ShenbaoRules: { validateAnswers: typeof validateAnswers } }).ShenbaoRules.validateAnswers(arg)).violations,
      input,
    );
    expect(inBrowser).toEqual(server);
  });
});
