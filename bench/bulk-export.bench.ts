// Bulk export (批量导出): an officer exports a call of N submitted applications (default 1,000), each with its printed
// PDF (Typst) and two attachments from the blob store, over the real HTTP API and the background runner; the ZIP is
// streamed to disk and fsync'd. Measured: applications/s and MB/s of ZIP written, and the peak memory (the server and
// its PDF child processes) sampled during the run. Baseline, same run, same process: the same number of bytes of plain
// text written to disk through a file stream and fsync'd — the floor of any export that writes that much.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { once } from 'node:events';
import { readConfig } from '../apps/server/src/platform/config.ts';
import { tempDir } from '../apps/server/src/platform/database.ts';
import { BlobStore } from '../apps/server/src/platform/blob-store.ts';
import { buildApp } from '../apps/server/src/platform/http.ts';
import { hashPassword, identityStore } from '../apps/server/src/modules/identity/index.ts';
import { loadPack, syncPacks } from '../apps/server/src/modules/programs/index.ts';
import { cases } from '../programs/hebei-2023-innovation-pilot/cases.ts';
import { benchDatabase, report } from './lib.ts';

const APPLICATIONS = Number(process.env.BENCH_EXPORT_APPLICATIONS ?? 1000);
/** Two attachments per application, incompressible like scanned PDFs: 120 KB and 60 KB. */
const ATTACHMENT_SIZES = [120 * 1024, 60 * 1024];
const MB = 1024 * 1024;

/** Resident memory of this process and its children (the export renders PDFs in child processes), from /proc. */
function treeRss(): number {
  const rssOf = (pid: number | string) => {
    try {
      const kb = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
      return kb ? Number(kb) * 1024 : 0;
    } catch {
      return 0; // gone meanwhile
    }
  };
  let total = process.memoryUsage.rss();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === process.pid) total += rssOf(entry);
    } catch {
      // exited while we looked
    }
  }
  return total;
}

/** Peak memory (server + children) while `fn` runs, sampled every 50 ms and once at the end. */
async function withPeakRss<T>(fn: () => Promise<T>): Promise<{ result: T; peakRss: number; startRss: number }> {
  const startRss = treeRss();
  let peakRss = startRss;
  const timer = setInterval(() => (peakRss = Math.max(peakRss, treeRss())), 50);
  try {
    const result = await fn();
    peakRss = Math.max(peakRss, treeRss());
    return { result, peakRss, startRss };
  } finally {
    clearInterval(timer);
  }
}

/** The baseline: `bytes` of plain text written to a file through a write stream, in 64 KB chunks, honouring backpressure, then fsync (as the export does). */
async function writePlainText(file: string, bytes: number): Promise<void> {
  const line = Buffer.from('申报材料 plain text line for the bulk-export baseline 0123456789\n'.repeat(1024));
  const out = fs.createWriteStream(file);
  let left = bytes;
  while (left > 0) {
    const chunk = line.subarray(0, Math.min(64 * 1024, left));
    left -= chunk.length;
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'close');
  const handle = await fs.promises.open(file, 'r+');
  await handle.sync();
  await handle.close();
}

export async function run(): Promise<void> {
  const { database, dispose } = await benchDatabase();
  const dataDir = await tempDir('shenbao-bench-export-');
  try {
    const root = path.resolve(import.meta.dirname, '..');
    const pack = await loadPack(path.join(root, 'programs/hebei-2023-innovation-pilot'));
    await syncPacks(database.db, [pack]);
    const callId = pack.program.id;
    const province = await identityStore.insertOrganisation(database.db, { name: '河北省工业和信息化厅', kind: 'provincial_department', divisionCode: '130000' });
    await database.pool.query('UPDATE calls SET issuer_organisation_id = $1 WHERE id = $2', [province.id, callId]);
    const city = await identityStore.insertOrganisation(database.db, { name: '石家庄市工业和信息化局', kind: 'city_bureau', parentId: province.id, ancestorIds: [province.id], divisionCode: '130100' });
    await identityStore.insertUser(database.db, { organisationId: province.id, username: 'bench.officer', displayName: '导出基准', roles: ['program_officer'], passwordHash: await hashPassword('Bench-password-1'), status: 'active' });

    // N submitted applications with snapshots, each with two attachments of its own in the blob store.
    const config = { ...readConfig({}), webDistDir: '/nonexistent', dataDir, blobDir: `${dataDir}/blobs`, uploadDir: `${dataDir}/uploads`, exportDir: `${dataDir}/exports` };
    const blobs = new BlobStore(config.blobDir);
    const example = cases.find((c) => c.form === 'mode-application' && c.expect.length === 0)!.answers;
    const directions = ['smart-manufacturing', 'digital-management', 'steel'];
    let attachmentBytes = 0;
    for (let i = 0; i < APPLICATIONS; i++) {
      const { rows: orgs } = await database.pool.query(
        `INSERT INTO organisations (name, kind, parent_id, ancestor_ids, division_code) VALUES ($1, 'enterprise', $2, $3, '130100') RETURNING id`,
        [`石家庄导出基准企业${i}有限公司`, city.id, [province.id, city.id]],
      );
      const number = `BENCH2023-${String(i + 1).padStart(5, '0')}`;
      const answers = { ...example, companyName: `石家庄导出基准企业${i}有限公司`, projectName: `导出基准项目${i + 1}`, direction: directions[i % 3] };
      const { rows } = await database.pool.query(
        `INSERT INTO applications (call_id, pack_version, form_id, channel_id, applicant_organisation_id, recommender_organisation_id, status, answers, project_name, direction_id, created_by, number, submitted_at)
         VALUES ($1, 1, 'mode-application', 'city', $2, $3, 'submitted', $4, $5, $6, gen_random_uuid(), $7, now()) RETURNING id`,
        [callId, orgs[0].id, city.id, JSON.stringify(answers), answers.projectName, directions[i % 3], number],
      );
      const files = [];
      for (const [k, size] of ATTACHMENT_SIZES.entries()) {
        const tmp = path.join(dataDir, `upload-${i}-${k}`);
        await fs.promises.writeFile(tmp, randomBytes(size));
        const blob = await blobs.putFile(tmp);
        attachmentBytes += size;
        const name = k === 0 ? '申报材料盖章版.pdf' : '两化融合评定证书.pdf';
        const field = k === 0 ? 'sealedApplication' : 'achievementEvidence';
        const { rows: f } = await database.pool.query(
          `INSERT INTO application_files (application_id, field_id, name, sha256, size, mime, uploaded_by) VALUES ($1, $2, $3, $4, $5, 'application/pdf', gen_random_uuid()) RETURNING id`,
          [rows[0].id, field, name, blob.sha256, blob.size],
        );
        files.push({ fileId: f[0].id, name, size: blob.size, sha256: blob.sha256, mime: 'application/pdf' });
      }
      const snapshot = { number, seq: 1, answers: { ...answers, sealedApplication: [files[0]], achievementEvidence: [files[1]] }, files, commitment: { text: pack.program.commitment.text } };
      await database.pool.query(
        `INSERT INTO application_submissions (application_id, seq, snapshot, sha256, idempotency_key, submitted_by, submitted_at) VALUES ($1, 1, $2, $3, $4, gen_random_uuid(), now())`,
        [rows[0].id, JSON.stringify(snapshot), 'b'.repeat(64), `bench-${i}`],
      );
    }

    const app = await buildApp({ database, config, systemPackages: [] });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    try {
      const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench.officer', password: 'Bench-password-1' }) });
      const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
      const { csrfToken } = (await login.json()) as { csrfToken: string };
      const headers = { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken };
      const serverRssBefore = process.memoryUsage.rss();

      // The export, as the officer starts it and the browser polls it.
      const exportRun = await withPeakRss(async () => {
        const started = performance.now();
        const res = await fetch(`${base}/api/exports`, { method: 'POST', headers, body: JSON.stringify({ callId }) });
        if (res.status !== 201) throw new Error(`POST /api/exports: ${res.status} ${await res.text()}`);
        const { id } = (await res.json()) as { id: string };
        let warmRss = 0; // RSS once a tenth is written: the compiler, its fonts and the pools are loaded by then
        let warmPeak = 0;
        for (;;) {
          await new Promise((r) => setTimeout(r, 200));
          const job = (await (await fetch(`${base}/api/exports/${id}`, { headers })).json()) as { status: string; done: number; fileSize: number | null; error: string | null };
          const rss = treeRss();
          if (!warmRss && job.done >= APPLICATIONS / 10) warmRss = rss;
          if (warmRss) warmPeak = Math.max(warmPeak, rss);
          if (job.status === 'done') return { seconds: (performance.now() - started) / 1000, bytes: job.fileSize!, done: job.done, warmRss, warmPeak };
          if (job.status !== 'queued' && job.status !== 'running') throw new Error(`export ended ${job.status}: ${job.error}`);
        }
      });
      const { seconds, bytes, done, warmRss, warmPeak } = exportRun.result;
      if (done !== APPLICATIONS) throw new Error(`exported ${done} of ${APPLICATIONS}`);

      // Baseline: the same number of bytes of plain text, same process, same disk.
      const baselineRun = await withPeakRss(async () => {
        const started = performance.now();
        await writePlainText(path.join(dataDir, 'baseline.txt'), bytes);
        return (performance.now() - started) / 1000;
      });
      const baselineSeconds = baselineRun.result;

      const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
      console.error(
        `   ${APPLICATIONS} applications, ZIP ${round(bytes / MB)} MB (attachments ${round(attachmentBytes / MB)} MB + PDFs + summary + manifest) in ${round(seconds, 2)} s; plain text ${round(baselineSeconds, 3)} s`,
      );
      report({ bench: 'bulk-export', metric: 'applications per second', value: round(APPLICATIONS / seconds), baseline: round(APPLICATIONS / baselineSeconds), unit: 'applications/s' });
      report({ bench: 'bulk-export', metric: 'MB per second written', value: round(bytes / MB / seconds), baseline: round(bytes / MB / baselineSeconds), unit: 'MB/s' });
      report({ bench: 'bulk-export', metric: 'peak RSS during the run', value: round(exportRun.peakRss / MB), baseline: round(baselineRun.peakRss / MB), unit: 'MB' });
      // Flat memory: after the first tenth (compiler and fonts loaded), RSS should not grow with the number written.
      report({ bench: 'bulk-export', metric: 'RSS growth from 10 % to 100 % written', value: round((warmPeak - warmRss) / MB), baseline: round((baselineRun.peakRss - baselineRun.startRss) / MB), unit: 'MB' });
      report({ bench: 'bulk-export', metric: 'server RSS after the export', value: round(process.memoryUsage.rss() / MB), baseline: round(serverRssBefore / MB), unit: 'MB' });
      console.error(`   RSS (server + PDF children) before ${round(exportRun.startRss / MB)} MB, at 10 % ${round(warmRss / MB)} MB, peak ${round(exportRun.peakRss / MB)} MB`);
    } finally {
      await app.close();
    }
  } finally {
    await dispose();
    await fs.promises.rm(dataDir, { recursive: true, force: true });
  }
}
