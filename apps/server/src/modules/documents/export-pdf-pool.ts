import { fork, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TypstError } from './typst.ts';

/**
 * Typst → PDF in child processes for the bulk export. Three reasons: the native compiler does not return ~1.5 MB per
 * compile (measured: 600 compiles, +900 MB, with and without cache eviction), so children are replaced every
 * `recycleAfter` PDFs and the server stays flat; a compile blocks its process for ~70 ms, which now happens off the
 * server's event loop; and on a machine with cores to spare two children render at once.
 */
const WORKER = path.join(import.meta.dirname, 'export-pdf-worker.ts');
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

interface Pending {
  source: string;
  resolve(pdf: Uint8Array): void;
  reject(error: Error): void;
  retried: boolean;
}

interface Worker {
  child: ChildProcess;
  pending: Map<number, Pending>;
  assigned: number;
  retiring: boolean;
}

export interface PdfPoolOptions {
  /** Child processes rendering at once (default: cores − 1, at least 1, at most 2). */
  size?: number;
  /** PDFs a child renders before it is replaced. */
  recycleAfter?: number;
}

export class PdfRenderPool {
  private readonly size: number;
  private readonly recycleAfter: number;
  private readonly workers = new Set<Worker>();
  private nextId = 1;
  private closed = false;

  constructor(opts: PdfPoolOptions = {}) {
    this.size = Math.max(1, opts.size ?? Number(process.env.EXPORT_PDF_WORKERS ?? Math.min(2, availableParallelism() - 1)));
    this.recycleAfter = opts.recycleAfter ?? Number(process.env.EXPORT_PDF_RECYCLE ?? 100);
  }

  /** Concurrency worth keeping in flight: one per child, plus one queued so a child never waits for the next source. */
  get width(): number {
    return this.size + 1;
  }

  /** Process ids of the live children (for memory sampling). */
  pids(): number[] {
    return [...this.workers].map((w) => w.child.pid).filter((p): p is number => typeof p === 'number');
  }

  render(source: string): Promise<Uint8Array> {
    return new Promise((resolve, reject) => this.dispatch({ source, resolve, reject, retried: false }));
  }

  private dispatch(job: Pending): void {
    if (this.closed) return job.reject(new Error('PDF 排版进程已关闭'));
    const worker = this.pick();
    const id = this.nextId++;
    worker.pending.set(id, job);
    worker.assigned++;
    if (worker.assigned >= this.recycleAfter) worker.retiring = true;
    worker.child.send({ id, source: job.source });
  }

  /** The live child with the least work, or a new one while there are fewer than `size`. */
  private pick(): Worker {
    const live = [...this.workers].filter((w) => !w.retiring);
    const idle = live.sort((a, b) => a.pending.size - b.pending.size)[0];
    if (idle && (idle.pending.size === 0 || live.length >= this.size)) return idle;
    return this.spawn();
  }

  private spawn(): Worker {
    const child = fork(WORKER, [], { execArgv: ['--import', TSX_LOADER], serialization: 'advanced', stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    const worker: Worker = { child, pending: new Map(), assigned: 0, retiring: false };
    this.workers.add(worker);
    child.on('message', (message: { id?: number; pdf?: Uint8Array; error?: string }) => {
      if (message.id === undefined) return;
      const job = worker.pending.get(message.id);
      if (!job) return;
      worker.pending.delete(message.id);
      if (message.error !== undefined) job.reject(new TypstError(message.error, []));
      else job.resolve(new Uint8Array(message.pdf!));
      if (worker.retiring && worker.pending.size === 0) this.retire(worker);
    });
    child.on('exit', (code, signal) => {
      this.workers.delete(worker);
      // A child that died under a job: each of its jobs is tried once more on a fresh child.
      for (const job of worker.pending.values()) {
        if (job.retried || this.closed) job.reject(new Error(`PDF 排版进程意外退出（${signal ?? code}），请稍后重试`));
        else this.dispatch({ ...job, retried: true });
      }
      worker.pending.clear();
    });
    child.on('error', () => {}); // reported through 'exit'
    return worker;
  }

  private retire(worker: Worker): void {
    this.workers.delete(worker);
    if (worker.child.connected) worker.child.disconnect();
  }

  /** Stop every child now; pending renders are refused. */
  async close(): Promise<void> {
    this.closed = true;
    const exits = [...this.workers].map((w) => new Promise<void>((resolve) => (w.child.exitCode !== null || w.child.signalCode !== null ? resolve() : w.child.once('exit', () => resolve()))));
    for (const w of this.workers) {
      for (const job of w.pending.values()) job.reject(new Error('PDF 排版进程已关闭'));
      w.pending.clear();
      w.child.kill('SIGKILL');
    }
    await Promise.all(exits);
    this.workers.clear();
  }
}
