// Printed applications (申报书 PDF): pages per second when rendering every form of every pack, filled with the pack's
// own valid case, through the document model and Typst — the work of GET /api/applications/:id/document.pdf less the
// database. Baseline, in the same run: writing the same number of bytes of plain text to disk, one file per document
// (each flushed with fsync), expressed in the same pages per second. The Word version is measured the same way.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { LoadedPack, PackForm } from '@shenbao/contracts';
import type { PackCase } from '@shenbao/rules';
import { loadPack } from '../apps/server/src/modules/programs/index.ts';
import { buildApplicationDocument, renderApplicationDocx, renderApplicationPdf, withComputedFields, type ApplicationDocument } from '../apps/server/src/modules/documents/index.ts';
import { report } from './lib.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

/** Every pack form's valid case as a document; `round` changes the number and hash, so no two renders are identical. */
async function documents(round: number): Promise<ApplicationDocument[]> {
  const root = path.resolve(import.meta.dirname, '../programs');
  const out: ApplicationDocument[] = [];
  for (const id of fs.readdirSync(root).filter((d) => fs.existsSync(path.join(root, d, 'program.yaml'))).sort()) {
    const pack: LoadedPack = await loadPack(path.join(root, id));
    const { cases } = (await import(path.join(root, id, 'cases.ts'))) as { cases: PackCase[] };
    for (const form of pack.forms as PackForm[]) {
      const example = cases.find((c) => c.form === form.id && c.expect.length === 0);
      if (!example) continue;
      out.push(
        buildApplicationDocument({
          program: pack.program,
          form,
          answers: await withComputedFields(form, example.answers),
          applicantName: String((example.context.org as { name?: string } | null)?.name ?? '申报单位'),
          recommenderName: '市工业和信息化局',
          callTitle: pack.program.title,
          number: `BENCH${pack.program.year}-${String(round + 1).padStart(5, '0')}`,
          seq: 1,
          sha256: round.toString(16).padStart(64, 'f'),
          date: new Date().toISOString(),
          draft: false,
        }),
      );
    }
  }
  return out;
}

/** Write `sizes[i]` bytes of plain text to one file each, fsync'd: what merely storing the output costs. */
function writePlainText(dir: string, sizes: number[]): number {
  const line = Buffer.from('申报单位承诺所填内容真实、完整，如有不实，愿承担相应的责任。\n', 'utf8');
  const start = performance.now();
  sizes.forEach((size, i) => {
    const text = Buffer.alloc(size);
    for (let at = 0; at < size; at += line.length) line.copy(text, at, 0, Math.min(line.length, size - at));
    const fd = fs.openSync(path.join(dir, `plain-${i}.txt`), 'w');
    fs.writeSync(fd, text);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
  });
  return performance.now() - start;
}

export async function run(): Promise<void> {
  const rounds: ApplicationDocument[][] = [];
  for (let round = 0; round <= ROUNDS; round++) rounds.push(await documents(round));
  const docs = rounds[0]!;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shenbao-bench-pdf-'));
  try {
    await renderApplicationPdf(docs[0]!); // fonts loaded once per process, not per document

    let pages = 0;
    const pdfSizes: number[] = [];
    let pdfMs = 0;
    for (let round = 1; round <= ROUNDS; round++) {
      for (const doc of rounds[round]!) {
        const start = performance.now();
        const out = await renderApplicationPdf(doc);
        pdfMs += performance.now() - start;
        pages += out.pages;
        pdfSizes.push(out.pdf.byteLength);
      }
    }
    const plainMs = writePlainText(dir, pdfSizes);
    report({ bench: 'application-pdf', metric: 'pdf_pages_per_second', value: Math.round((pages / pdfMs) * 1000 * 10) / 10, baseline: Math.round((pages / plainMs) * 1000 * 10) / 10, unit: 'pages/s' });
    report({
      bench: 'application-pdf',
      metric: 'pdf_ms_per_document',
      value: Math.round((pdfMs / pdfSizes.length) * 10) / 10,
      baseline: Math.round((plainMs / pdfSizes.length) * 100) / 100,
      unit: 'ms',
    });

    const docxSizes: number[] = [];
    let docxMs = 0;
    for (let round = 1; round <= ROUNDS; round++) {
      for (const doc of rounds[round]!) {
        const start = performance.now();
        docxSizes.push((await renderApplicationDocx(doc)).byteLength);
        docxMs += performance.now() - start;
      }
    }
    const plainDocxMs = writePlainText(dir, docxSizes);
    report({ bench: 'application-pdf', metric: 'docx_documents_per_second', value: Math.round((docxSizes.length / docxMs) * 1000 * 10) / 10, baseline: Math.round((docxSizes.length / plainDocxMs) * 1000 * 10) / 10, unit: 'documents/s' });
    console.error(`  ${docs.length} forms × ${ROUNDS} rounds: ${pages} PDF pages, ${Math.round(pdfSizes.reduce((a, b) => a + b, 0) / 1024)} KB of PDF`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
