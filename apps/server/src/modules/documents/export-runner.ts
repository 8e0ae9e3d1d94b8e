import fs from 'node:fs/promises';
import path from 'node:path';
import type { ExportManifestFile, PackField, PackForm } from '@shenbao/contracts';
import type { Db } from '../../platform/database.ts';
import { BlobStore } from '../../platform/blob-store.ts';
import { AppError } from '../../platform/errors.ts';
import { findCallRecord } from '../programs/index.ts';
import { buildApplicationDocument } from './application-document.ts';
import { applicationTypst } from './application-pdf.ts';
import { PdfRenderPool, type PdfPoolOptions } from './export-pdf-pool.ts';
import * as store from './export-store.ts';
import { safeSegment, ZipAborted, ZipWriter } from './export-zip.ts';
import { chineseDate, summaryCells, summaryDocumentOf, type SummaryRow } from './summary.ts';
import { tableDocumentTypst, tableDocumentXlsx, type TableColumn } from './table-document.ts';
import { TypstError } from './typst.ts';

/**
 * The background runner of 批量导出, one per app process: it claims queued jobs (FOR UPDATE SKIP LOCKED, so any
 * number of processes share the queue), takes over jobs whose process died (no heartbeat for a minute), writes each
 * ZIP to DATA_DIR/exports/<id>.zip, reports progress, and stops between files when the job is cancelled.
 */

type CallRecord = NonNullable<Awaited<ReturnType<typeof findCallRecord>>>;

export interface ExportRunnerOptions {
  db: Db;
  exportDir: string;
  blobDir: string;
  log?: { warn(obj: unknown, msg?: string): void; error(obj: unknown, msg?: string): void };
  /** A heartbeat older than this marks a running job as orphaned. */
  staleSeconds?: number;
  pollMs?: number;
  heartbeatMs?: number;
  /** How often, at most, progress is written and the cancel mark read between files. */
  checkpointMs?: number;
  pdfPool?: PdfPoolOptions;
  /** Finished ZIPs are deleted after this many days (checked hourly). */
  retentionDays?: number;
}

/** A failure the requester can read (Chinese), as opposed to a fault of the platform. */
export class ExportFailure extends Error {}

type StopReason = 'cancel' | 'shutdown' | 'lost';

const PAGE_SIZE = 25;
const MAX_ATTEMPTS = 3;

export class ExportRunner {
  private readonly db: Db;
  private readonly blobs: BlobStore;
  private timer: NodeJS.Timeout | null = null;
  private ticking: Promise<void> | null = null;
  private again = false;
  private stopping = false;
  private active: { jobId: string; stop(reason: StopReason): void } | null = null;
  private readonly staleSeconds: number;
  private readonly pools = new Set<PdfRenderPool>();
  private lastExpiry = 0;

  constructor(private readonly opts: ExportRunnerOptions) {
    this.db = opts.db;
    this.blobs = new BlobStore(opts.blobDir);
    this.staleSeconds = opts.staleSeconds ?? 60;
  }

  start(): void {
    this.timer = setInterval(() => this.wake(), this.opts.pollMs ?? 5_000);
    this.timer.unref();
    this.wake();
  }

  /** Look for work now (a job was just queued in this process). */
  wake(): void {
    if (this.stopping) return;
    if (this.ticking) {
      this.again = true;
      return;
    }
    this.ticking = this.tick()
      .catch((error) => this.opts.log?.error({ err: error }, 'export runner tick failed'))
      .finally(() => {
        this.ticking = null;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  /** The job is running here: stop it now rather than at the next checkpoint. */
  cancelLocal(jobId: string): void {
    if (this.active?.jobId === jobId) this.active.stop('cancel');
  }

  /** Shut down: the job in progress goes back to the queue (another process, or this one after a restart, redoes it). */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    this.active?.stop('shutdown');
    await this.ticking;
  }

  private async tick(): Promise<void> {
    for (const id of await store.cancelOrphans(this.db, this.opts.exportDir, this.staleSeconds)) await this.removeFiles(id);
    if (Date.now() - this.lastExpiry > 3_600_000) {
      this.lastExpiry = Date.now();
      for (const file of await store.expireFiles(this.db, this.opts.exportDir, this.opts.retentionDays ?? Number(process.env.EXPORT_RETENTION_DAYS ?? 7))) await fs.rm(file, { force: true });
    }
    while (!this.stopping) {
      const job = await store.claimNext(this.db, this.opts.exportDir, this.staleSeconds);
      if (!job) return;
      await this.run(job);
    }
  }

  private partPath = (id: string) => path.join(this.opts.exportDir, `${id}.zip.part`);
  private finalPath = (id: string) => path.join(this.opts.exportDir, `${id}.zip`);

  private async removeFiles(id: string): Promise<void> {
    await fs.rm(this.partPath(id), { force: true });
    await fs.rm(this.finalPath(id), { force: true });
  }

  /** Run one claimed job to its end: done, failed, cancelled, or handed back on shutdown. */
  async run(job: store.ExportJobRow): Promise<void> {
    const details = store.detailsOf(job);
    if ((details.attempts ?? 1) > MAX_ATTEMPTS) {
      await store.failJob(this.db, job.id, `导出已中断 ${MAX_ATTEMPTS} 次（服务重启或故障），请重新发起导出`);
      return;
    }
    await fs.mkdir(this.opts.exportDir, { recursive: true });
    await this.removeFiles(job.id);
    const zip = new ZipWriter(this.partPath(job.id));
    const pool = new PdfRenderPool(this.opts.pdfPool);
    this.pools.add(pool);
    let reason: StopReason | null = null;
    let done = 0;
    const stop = (why: StopReason) => {
      reason ??= why;
      void zip.abort();
    };
    this.active = { jobId: job.id, stop };
    if (this.stopping) stop('shutdown'); // claimed while the process began to stop: straight back to the queue

    let lastCheck = Date.now();
    const report = async () => {
      lastCheck = Date.now();
      const state = await store.reportProgress(this.db, job.id, done);
      if (!state) stop('lost');
      else if (state.cancelRequested) stop('cancel');
    };
    /** Between files: write progress and read the cancel mark (at most every checkpointMs). */
    const checkpoint = async (force = false) => {
      if (force || Date.now() - lastCheck >= (this.opts.checkpointMs ?? 250)) await report();
      if (reason) throw new ZipAborted();
    };
    // A single large attachment can take longer than a heartbeat: the timer keeps the job alive and sees a cancel mid-file.
    const heartbeat = setInterval(() => void report().catch(() => {}), this.opts.heartbeatMs ?? 5_000);
    heartbeat.unref();

    try {
      const call = await findCallRecord(this.db, job.callId);
      if (!call) throw new ExportFailure('申报通知已不存在，无法导出');
      const rows: (SummaryRow & { sortKey: [string, number, string] })[] = [];
      const byRecommender = details.scope.mode === 'call' || details.scope.mode === 'own';
      let after: { number: string; id: string } | null = null;
      for (;;) {
        const page = await store.applicationsPage(this.db, job.callId, details.scope, after, PAGE_SIZE);
        if (page.length === 0) break;
        const fields = await store.fileFields(this.db, page.flatMap((a) => filesOf(a).map((f) => f.fileId)));
        // PDFs are rendered a few applications ahead of the writer, so the children never wait for the ZIP.
        const renders: Promise<Uint8Array | null>[] = [];
        for (const [j, app] of page.entries()) {
          for (let k = j; k < Math.min(page.length, j + pool.width); k++) {
            if (renders[k]) continue;
            renders[k] = this.applicationPdf(pool, call, page[k]!);
            renders[k]!.catch(() => {}); // awaited below in order; an abandoned one must not be unhandled
          }
          await checkpoint();
          const number = app.number ?? app.id;
          const folder = safeSegment(number);
          const answers = answersOf(app);
          const entry = { answers, directionId: app.directionId, org: app.applicantFacts, priority: app.rank, number: app.number };
          rows.push({
            directionId: app.directionId,
            cells: [...(await summaryCells(call.program, entry, 0)), ...(byRecommender ? [app.recommenderName ?? ''] : []), number],
            sortKey: [byRecommender ? (app.recommenderName ?? '') : '', app.rank ?? Number.MAX_SAFE_INTEGER, number],
          });

          const pdf = await renders[j]!;
          if (pdf) await zip.addBuffer(`${folder}/${folder}-申报书.pdf`, pdf, { kind: 'application', applicationNumber: number });
          const form = call.forms.find((f) => f.id === app.formId);
          for (const file of filesOf(app)) {
            await checkpoint();
            const slot = safeSegment(fieldLabel(form, fields.get(file.fileId)) ?? '其他附件');
            const wanted = `${folder}/附件/${slot}/${safeSegment(file.name, '附件')}`;
            await zip.add(wanted, () => this.blobs.open(file.sha256), { kind: 'attachment', applicationNumber: number, expectedSha256: file.sha256 }).catch((error: NodeJS.ErrnoException) => {
              if (error.code === 'ENOENT') throw new ExportFailure(`申报 ${number} 的附件「${file.name}」在文件库中不存在，导出未完成`);
              throw error;
            });
          }
          done++;
        }
        const last = page.at(-1)!;
        after = { number: last.number ?? '', id: last.id };
      }
      await checkpoint(true);

      // The summary table at the root: the pack's columns and groups, in recommender / priority / number order.
      rows.sort((a, b) => a.sortKey[0].localeCompare(b.sortKey[0], 'zh-CN') || a.sortKey[1] - b.sortKey[1] || a.sortKey[2].localeCompare(b.sortKey[2]));
      const extra: TableColumn[] = [...(byRecommender ? [{ header: '推荐单位', width: 24 }] : []), { header: '申报编号', width: 20 }];
      const summary = summaryDocumentOf(call.program, rows, { recommenderName: details.scopeLabel.replace(/推荐$/, ''), date: new Date() }, extra);
      // The whole call is no one recommender's table: its header line names the scope instead of a seal.
      if (details.scope.mode === 'call') summary.subtitle = { ...summary.subtitle, left: `导出范围：${details.scopeLabel}（共 ${rows.length} 项）` };
      const title = safeSegment(call.program.summaryTable.title);
      await zip.addBuffer(`${title}.xlsx`, await tableDocumentXlsx(summary), { kind: 'summary', applicationNumber: null });
      await checkpoint();
      await zip.addBuffer(`${title}.pdf`, await pool.render(tableDocumentTypst(summary)), { kind: 'summary', applicationNumber: null });
      await checkpoint();

      await zip.addBuffer('manifest.json', Buffer.from(JSON.stringify(manifestOf(job, call, details, done, zip.files), null, 2)), { kind: 'summary', applicationNumber: null });
      await zip.addBuffer('manifest.csv', Buffer.from(manifestCsv(zip.files.filter((f) => f.path !== 'manifest.json')), 'utf8'), { kind: 'summary', applicationNumber: null });
      const { size, sha256 } = await zip.finish();
      // On disk before the job says done: a crash right after must not leave a "done" job with a torn file.
      const handle = await fs.open(this.partPath(job.id), 'r+');
      await handle.sync().finally(() => handle.close());
      await fs.rename(this.partPath(job.id), this.finalPath(job.id));
      if (!(await store.finishJob(this.db, job.id, { filePath: this.finalPath(job.id), fileSize: size, sha256, done }))) {
        // Cancelled (or taken over) in the last moment: the file is not ours to keep.
        await fs.rm(this.finalPath(job.id), { force: true });
        if (reason === 'cancel' || (await store.findJob(this.db, job.id))?.cancelRequestedAt) await store.markCancelled(this.db, job.id);
      }
    } catch (error) {
      await zip.abort();
      const why = reason as StopReason | null;
      if (why === 'cancel') await store.markCancelled(this.db, job.id);
      else if (why === 'shutdown') await store.requeueJob(this.db, job.id);
      else if (why === 'lost') this.opts.log?.warn({ jobId: job.id }, 'export job no longer ours');
      else {
        const message = error instanceof ExportFailure || error instanceof AppError || error instanceof TypstError ? error.message : '导出时发生内部错误，请稍后重试；如持续出现请联系平台管理员';
        if (!(error instanceof ExportFailure || error instanceof AppError)) this.opts.log?.error({ err: error, jobId: job.id }, 'export job failed');
        await store.failJob(this.db, job.id, message);
      }
    } finally {
      clearInterval(heartbeat);
      this.active = null;
      this.pools.delete(pool);
      await pool.close();
    }
  }

  /** The printed application (申报书) from its submitted snapshot, typeset in a child process. */
  private async applicationPdf(pool: PdfRenderPool, call: CallRecord, app: store.ExportApplication): Promise<Uint8Array | null> {
    const form = call.forms.find((f) => f.id === app.formId);
    if (!form) return null;
    const answers = answersOf(app);
    const snapshot = app.snapshot ?? {};
    const commitment = (snapshot.commitment as { text?: string } | undefined)?.text;
    const doc = buildApplicationDocument({
      program: call.program,
      form,
      answers,
      applicantName: app.applicantName,
      recommenderName: app.recommenderName,
      callTitle: call.title,
      number: app.number,
      seq: app.seq,
      sha256: app.sha256,
      date: (app.submittedAt ?? new Date()).toISOString(),
      draft: false,
      ...(commitment ? { commitment } : {}),
    });
    return pool.render(applicationTypst(doc));
  }

  /** Process ids of the PDF children of the job running now (the bench adds their memory to the server's). */
  pdfProcessIds(): number[] {
    return [...this.pools].flatMap((p) => p.pids());
  }
}

const answersOf = (app: store.ExportApplication) => (app.snapshot?.answers as Record<string, unknown> | undefined) ?? app.answers;

interface SnapshotFile {
  fileId: string;
  name: string;
  size: number;
  sha256: string;
}

/** The files of the submitted snapshot (what the applicant vouched for), not uploads made since. */
function filesOf(app: store.ExportApplication): SnapshotFile[] {
  const files = app.snapshot?.files;
  if (!Array.isArray(files)) return [];
  return files.filter((f): f is SnapshotFile => typeof f === 'object' && f !== null && typeof (f as SnapshotFile).sha256 === 'string' && /^[0-9a-f]{64}$/.test((f as SnapshotFile).sha256));
}

/** The label of an attachment slot: a field, or "table.column" for an attachment column of a table. */
function fieldLabel(form: PackForm | undefined, fieldId: string | undefined): string | null {
  if (!form || !fieldId) return null;
  const [head, column] = fieldId.split('.');
  for (const section of form.sections) {
    for (const field of section.fields as PackField[]) {
      if (field.id !== head) continue;
      if (!column) return field.label;
      if (field.type === 'table') {
        const col = field.columns.find((c) => c.id === column);
        return col ? `${field.label}-${col.label}` : field.label;
      }
    }
  }
  return null;
}

function manifestOf(job: store.ExportJobRow, call: CallRecord, details: store.ExportDetails, applications: number, files: ExportManifestFile[]) {
  return {
    format: 'shenbao-export/1',
    exportId: job.id,
    call: { id: call.id, title: call.title, documentNumber: call.program.documentNumber ?? null },
    scope: details.scopeLabel,
    generatedAt: new Date().toISOString(),
    generatedDate: chineseDate(new Date()),
    applications,
    note: '每个文件的大小（字节）与 SHA-256 摘要；manifest.json 本身不在清单内。',
    files,
  };
}

const KIND_LABELS: Record<ExportManifestFile['kind'], string> = { application: '申报书', attachment: '附件', summary: '汇总' };

/** The same list for Excel: UTF-8 with a BOM, quoted fields. */
function manifestCsv(files: ExportManifestFile[]): string {
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const lines = ['路径,大小（字节）,SHA-256,类型,申报编号', ...files.map((f) => [q(f.path), f.size, f.sha256, KIND_LABELS[f.kind], q(f.applicationNumber ?? '')].join(','))];
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
