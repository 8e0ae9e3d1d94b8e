import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LoadedPack, PackForm } from '@shenbao/contracts';
import type { PackCase } from '@shenbao/rules';
import { REPO_ROOT } from '../../platform/config.ts';
import { loadPack } from '../programs/index.ts';
import { buildApplicationDocument, formLabels, withComputedFields, type ApplicationDocumentInput } from './application-document.ts';
import { renderApplicationPdf } from './application-pdf.ts';

/**
 * Every form of every pack, filled with the pack's own valid case, printed and read back with pdftotext: the cover,
 * every field label, the commitment, the footer's number and hash. Page 1 goes to test-output/ as a PNG to look at.
 */

const OUTPUT = path.join(REPO_ROOT, 'test-output');
const programs = path.join(REPO_ROOT, 'programs');
const packIds = fs
  .readdirSync(programs, { withFileTypes: true })
  .filter((d) => d.isDirectory() && fs.existsSync(path.join(programs, d.name, 'program.yaml')))
  .map((d) => d.name)
  .sort();

const compact = (text: string) => text.replace(/\s+/g, '');

/** Text of a PDF in content order (-raw keeps a table cell's words together), and the page count. */
function readPdf(pdf: Uint8Array, name = 'x'): { text: string; raw: string; file: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shenbao-pdf-'));
  const file = path.join(dir, `${name}.pdf`);
  fs.writeFileSync(file, pdf);
  return {
    file,
    text: execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8'),
    raw: execFileSync('pdftotext', ['-raw', file, '-']).toString('utf8'),
  };
}

function firstPagePng(pdfFile: string, name: string): string {
  fs.mkdirSync(OUTPUT, { recursive: true });
  const prefix = path.join(OUTPUT, name);
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', '-singlefile', pdfFile, prefix]);
  return `${prefix}.png`;
}

const forms: { pack: LoadedPack; form: PackForm; example: PackCase }[] = [];
let formCount = 0;
for (const id of packIds) {
  const pack = await loadPack(path.join(programs, id));
  formCount += pack.forms.length;
  const { cases } = (await import(path.join(programs, id, 'cases.ts'))) as { cases: PackCase[] };
  for (const form of pack.forms) {
    const example = cases.find((c) => c.form === form.id && c.expect.length === 0);
    if (example) forms.push({ pack, form, example });
  }
}

const HASH = 'c0ffee'.padEnd(64, '0123456789abcdef');

async function inputFor(pack: LoadedPack, form: PackForm, example: PackCase, overrides: Partial<ApplicationDocumentInput> = {}): Promise<ApplicationDocumentInput> {
  const org = (example.context.org ?? {}) as { name?: string };
  return {
    program: pack.program,
    form,
    answers: await withComputedFields(form, example.answers),
    applicantName: org.name ?? '测试申报单位有限公司',
    recommenderName: '测试市工业和信息化局',
    callTitle: pack.program.title,
    number: 'TEST2023-00042',
    seq: 2,
    sha256: HASH,
    date: '2023-05-18T02:30:00.000Z',
    draft: false,
    ...overrides,
  };
}

describe('申报书 PDF', () => {
  it('covers every form of every pack', () => {
    expect(packIds.length).toBeGreaterThanOrEqual(5);
    expect(forms.length).toBe(formCount);
  });

  it.each(forms.map((f) => [`${f.pack.program.id}/${f.form.id}`, f] as const))('%s: cover, every label, commitment, footer hash', async (name, { pack, form, example }) => {
    const input = await inputFor(pack, form, example);
    const doc = buildApplicationDocument(input);
    const { pdf, pages } = await renderApplicationPdf(doc);
    const { text, raw, file } = readPdf(pdf, name.replace('/', '-'));
    const flat = compact(raw);

    // cover: title, applicant, recommender, number, the seal boxes
    const cover = compact(readPdfPage1(file));
    expect(cover).toContain(compact(form.title));
    expect(cover).toContain(compact(input.applicantName));
    expect(cover).toContain('申报单位（盖章）');
    expect(cover).toContain('推荐单位（盖章）');
    expect(cover).toContain('TEST2023-00042');
    const projectField = ['projectName', 'platformName'].find((k) => typeof example.answers[k] === 'string');
    if (projectField) expect(cover).toContain(compact(String(example.answers[projectField])));

    // every field label of the form, table columns included
    const missing = formLabels(form).filter((label) => !flat.includes(compact(label)));
    expect(missing).toEqual([]);

    // the commitment, word for word
    expect(flat).toContain(compact(form.commitment ?? pack.program.commitment.text));

    // every page's footer: number, the full hash, page X of Y
    expect(text.split(HASH).length - 1).toBeGreaterThanOrEqual(pages);
    expect(text).toMatch(new RegExp(`第\\s*${pages}\\s*页\\s*/\\s*共\\s*${pages}\\s*页`));

    // the notice's table of contents where it asks for one (001: at least three levels)
    if (pack.program.printLayout?.tocDepth) expect(text).toContain('目录');

    const png = firstPagePng(file, `application-${name.replace('/', '-')}-p1`);
    expect(fs.statSync(png).size).toBeGreaterThan(10_000);
  });

  it('prints 无 for every blank field and lists each attachment with its hash', async () => {
    const { pack, form, example } = forms.find((f) => f.pack.program.id === 'hebei-2022-platform-cultivation')!;
    const answers = { ...example.answers, contactFax: '', partnerNames: undefined };
    const doc = buildApplicationDocument(await inputFor(pack, form, { ...example, answers }));
    const { raw } = readPdf((await renderApplicationPdf(doc)).pdf);
    expect(raw).toMatch(/联系人传真\s+无/);
    expect(raw).toMatch(/合作企业名称\s+无/);
    const files = doc.evidence.groups.flatMap((g) => g.files);
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const file of files) {
      expect(compact(raw)).toContain(compact(file.name));
      expect(raw).toContain(file.sha256);
    }
  });

  it('has a table of contents three levels deep for 001, the evidence files included', async () => {
    const { pack, form, example } = forms.find((f) => f.pack.program.id === 'hebei-2022-platform-cultivation')!;
    const doc = buildApplicationDocument(await inputFor(pack, form, example));
    expect(doc.layout).toMatchObject({ tocDepth: 3, lineSpacingPt: 29, body: { font: 'SimSun', sizePt: 14 }, heading1: { font: 'SimHei', sizePt: 16 }, heading2: { font: 'KaiTi', sizePt: 16 } });
    const { text } = readPdf((await renderApplicationPdf(doc)).pdf);
    const toc = text.slice(text.indexOf('目录'), text.indexOf('申报单位基本信息', text.indexOf('证明材料目录')));
    // level 1 (a section), level 2 (a long text), level 3 (a solution, an evidence file), with dot leaders and pages
    expect(toc).toMatch(/（一）平台基础信息[ .\u2060]+\d+/);
    expect(toc).toMatch(/企业简介：（一）申报单位情况介绍[ .\u2060]+\d+/);
    expect(toc).toMatch(/（1）汽车零部件冲压设备预测性维护解决方案[ .\u2060]+\d+/);
    expect(toc).toMatch(/证明材料目录[ .\u2060]+\d+/);
    const firstFile = doc.evidence.groups[0]!.files[0]!;
    expect(compact(toc)).toContain(compact(firstFile.heading.text));
  });

  it('marks a draft 草稿, without number or hash', async () => {
    const { pack, form, example } = forms.find((f) => f.pack.program.id === 'hunan-2023-platform-plan')!;
    const doc = buildApplicationDocument(await inputFor(pack, form, example, { draft: true, number: null, seq: null, sha256: null }));
    const { text, file } = readPdf((await renderApplicationPdf(doc)).pdf);
    expect(text).toContain('草稿');
    expect(text).toContain('无快照哈希');
    expect(text).not.toContain('SHA-256）：');
    firstPagePng(file, 'application-draft-p1');
  });

  it('sets the body in the Song face, headings in Hei and Kai, all embedded and subset', async () => {
    const { pack, form, example } = forms.find((f) => f.pack.program.id === 'hebei-2022-platform-cultivation')!;
    const { file } = readPdf((await renderApplicationPdf(buildApplicationDocument(await inputFor(pack, form, example)))).pdf);
    const fonts = execFileSync('pdffonts', [file]).toString('utf8');
    for (const face of ['NotoSerifCJKsc-Regular', 'NotoSansCJKsc-Regular', 'UKai']) expect(fonts).toMatch(new RegExp(`[A-Z]{6}\\+${face}.*yes\\s+yes\\s+yes`));
    expect(fonts).not.toMatch(/\bno\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/m); // nothing left unembedded
  });
});

function readPdfPage1(file: string): string {
  return execFileSync('pdftotext', ['-raw', '-f', '1', '-l', '1', file, '-']).toString('utf8');
}
