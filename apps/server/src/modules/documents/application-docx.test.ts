import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LoadedPack, PackForm } from '@shenbao/contracts';
import type { PackCase } from '@shenbao/rules';
import { REPO_ROOT } from '../../platform/config.ts';
import { loadPack } from '../programs/index.ts';
import { buildApplicationDocument, formLabels, withComputedFields } from './application-document.ts';
import { renderApplicationDocx } from './application-docx.ts';

/** The Word version of every pack's forms says what the PDF says: every label, the commitment, number and hash. */

const programs = path.join(REPO_ROOT, 'programs');
const forms: { pack: LoadedPack; form: PackForm; example: PackCase }[] = [];
for (const id of fs.readdirSync(programs).filter((d) => fs.existsSync(path.join(programs, d, 'program.yaml'))).sort()) {
  const pack = await loadPack(path.join(programs, id));
  const { cases } = (await import(path.join(programs, id, 'cases.ts'))) as { cases: PackCase[] };
  for (const form of pack.forms) {
    const example = cases.find((c) => c.form === form.id && c.expect.length === 0);
    if (example) forms.push({ pack, form, example });
  }
}

const HASH = 'ab12'.repeat(16);

/** The parts of a .docx as text: document.xml and the footers, and the runs' text of each. */
function unpack(docx: Uint8Array): { xml: string; text: string; footer: string; styles: string } {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'docx-')), 'a.docx');
  fs.writeFileSync(file, docx);
  const part = (name: string) => execFileSync('unzip', ['-p', file, name]).toString('utf8');
  const names = execFileSync('unzip', ['-Z1', file]).toString('utf8').split('\n');
  const runs = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  const xml = part('word/document.xml');
  return { xml, text: runs(xml), footer: names.filter((n) => /^word\/footer\d+\.xml$/.test(n)).map((n) => runs(part(n))).join('\n'), styles: part('word/styles.xml') };
}

const unescape = (s: string) => s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'");

describe('申报书 Word', () => {
  it.each(forms.map((f) => [`${f.pack.program.id}/${f.form.id}`, f] as const))('%s: every label, the commitment, number and hash', async (_name, { pack, form, example }) => {
    const doc = buildApplicationDocument({
      program: pack.program,
      form,
      answers: await withComputedFields(form, example.answers),
      applicantName: String((example.context.org as { name?: string } | null)?.name ?? '测试申报单位'),
      recommenderName: '测试市工业和信息化局',
      callTitle: pack.program.title,
      number: 'TEST2023-00007',
      seq: 1,
      sha256: HASH,
      date: '2023-05-18T02:30:00.000Z',
      draft: false,
    });
    const { text, footer, styles, xml } = unpack(await renderApplicationDocx(doc));
    const body = unescape(text);
    expect(body).toContain(form.title);
    expect(formLabels(form).filter((label) => !body.includes(label))).toEqual([]);
    expect(body).toContain((form.commitment ?? pack.program.commitment.text).split('\n')[0]!.trim());
    expect(body).toContain('申报单位（盖章）');
    expect(body).toContain('推荐单位（盖章）');
    expect(footer).toContain('申报编号：TEST2023-00007');
    expect(footer).toContain(HASH);
    // the notice's faces by their Chinese names, the exact line pitch, A4
    const layout = doc.layout;
    expect(styles).toContain(`w:line="${layout.lineSpacingPt * 20}" w:lineRule="exact"`);
    expect(styles).toContain('w:eastAsia="宋体"');
    expect(styles).toContain('w:eastAsia="黑体"');
    expect(styles).toContain('w:eastAsia="楷体"');
    expect(xml).toContain('w:w="11906" w:h="16838"');
    if (layout.tocDepth) expect(xml).toContain(`TOC \\h \\o &quot;1-${layout.tocDepth}&quot;`);
  });
});
