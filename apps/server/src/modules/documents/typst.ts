import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * Typst → PDF with the native typst.ts compiler on a thread of its own (typst-worker.mjs), with the Chinese faces the notices ask for, taken from the
 * Debian font packages: 宋体 → Noto Serif CJK SC, 黑体 → Noto Sans CJK SC (fonts-noto-cjk), 楷体 → AR PL UKai,
 * 明体 fallback AR PL UMing (fonts-arphic-ukai / fonts-arphic-uming). Typst embeds and subsets every font it uses.
 */

/** Typst family names of the free faces standing in for the official ones. */
export const TYPST_FONTS = {
  song: 'Noto Serif CJK SC', // 宋体 SimSun
  hei: 'Noto Sans CJK SC', // 黑体 SimHei
  kai: 'AR PL UKai', // 楷体 KaiTi (Typst drops the "CN" of "AR PL UKai CN")
  ming: 'AR PL UMing', // 明体, fallback for rare characters
} as const;

const FALLBACKS = [TYPST_FONTS.song, TYPST_FONTS.ming];

/** Font directories searched; SHENBAO_FONT_PATHS (colon-separated) adds more. Only CJK folders: loading all system fonts is slow. */
const FONT_DIRS = ['/usr/share/fonts/opentype/noto', '/usr/share/fonts/truetype/arphic'];

/** The Typst font list for an official face name of a pack's print layout (宋体/SimSun, 黑体, 楷体, 仿宋 …). */
export function typstFontFamilies(face: string | undefined): string[] {
  const f = (face ?? '').toLowerCase();
  let first: string = TYPST_FONTS.song;
  if (/黑|hei|sans/.test(f)) first = TYPST_FONTS.hei;
  else if (/楷|kai/.test(f)) first = TYPST_FONTS.kai;
  else if (/仿宋|fang/.test(f)) first = TYPST_FONTS.kai; // no free FangSong in Debian: KaiTi is the closest hand-written face
  return [first, ...FALLBACKS.filter((x) => x !== first)];
}

/** A Typst array literal of font families, e.g. `("Noto Serif CJK SC", "AR PL UMing")`. */
export function typstFontList(face: string | undefined): string {
  return `(${typstFontFamilies(face).map(typstString).join(', ')},)`;
}

export class TypstError extends Error {
  constructor(
    message: string,
    readonly diagnostics: string[],
  ) {
    super(message);
  }
}

/** The font files present (empty: no Chinese PDF possible; callers answer with a clear message). */
export function typstFontFiles(): string[] {
  const extra = (process.env.SHENBAO_FONT_PATHS ?? '').split(':').filter(Boolean);
  const files: string[] = [];
  for (const dir of [...FONT_DIRS, ...extra]) {
    if (!fs.existsSync(dir)) continue;
    const stat = fs.statSync(dir);
    if (stat.isFile()) files.push(dir);
    else for (const name of fs.readdirSync(dir)) if (/\.(ttc|ttf|otf|otc)$/i.test(name)) files.push(path.join(dir, name));
  }
  return files;
}

/** Shadow files live under this virtual root, which does not exist on disk: Typst's `read`/`image` see nothing else. */
const ROOT = '/shenbao-typst-root';

type Reply = { id: number; pdf: Uint8Array; pages: number } | { id: number; error: string; diagnostics: string[] };
interface Job {
  resolve(value: { pdf: Uint8Array; pages: number }): void;
  reject(error: Error): void;
}

/** The compiler keeps some memory per document it sets: its thread is replaced after this many, between documents. */
const DOCUMENTS_PER_THREAD = Number(process.env.TYPST_DOCUMENTS_PER_THREAD ?? 100);

interface CompilerThread {
  worker: Worker;
  jobs: Map<number, Job>;
  done: number;
}

let current: CompilerThread | null = null;
let nextJob = 1;

/** The compiler's thread, started on first use with the Chinese fonts; it keeps the process alive only while busy. */
function compilerThread(): CompilerThread {
  if (current) return current;
  const fontPaths = typstFontFiles();
  if (!fontPaths.some((f) => /NotoSerifCJK/i.test(f))) {
    throw new TypstError('缺少中文字体（fonts-noto-cjk），无法生成 PDF 文书，请安装后重启服务', []);
  }
  const thread: CompilerThread = {
    worker: new Worker(new URL('./typst-worker.mjs', import.meta.url), { workerData: { root: ROOT, fontPaths } }),
    jobs: new Map(),
    done: 0,
  };
  const retire = () => {
    if (current === thread) current = null;
  };
  const failAll = (error: Error) => {
    retire();
    for (const job of thread.jobs.values()) job.reject(error);
    thread.jobs.clear();
  };
  thread.worker.unref();
  thread.worker.on('message', (reply: Reply) => {
    const job = thread.jobs.get(reply.id);
    thread.jobs.delete(reply.id);
    thread.done += 1;
    if (thread.jobs.size === 0) {
      thread.worker.unref();
      // a fresh thread for the next document once this one has set enough; nothing is waiting on it now
      if (thread.done >= DOCUMENTS_PER_THREAD) {
        retire();
        void thread.worker.terminate();
      }
    }
    if (!job) return;
    if ('error' in reply) job.reject(new TypstError(reply.error, reply.diagnostics));
    else job.resolve({ pdf: reply.pdf, pages: reply.pages });
  });
  thread.worker.on('error', (error) => failAll(error));
  thread.worker.on('exit', (code) => failAll(new Error(`PDF 排版线程意外退出（${code}）`)));
  current = thread;
  return thread;
}

export interface CompileTypstOptions {
  /** Extra files visible to the source by relative path (images, data). */
  files?: Record<string, Uint8Array | string>;
  /** PDF creation time (seconds since epoch); default: none written, so equal input gives equal bytes. */
  creationTimestamp?: number;
}

/**
 * Compile a Typst source to PDF bytes and count its pages. The work runs on the compiler's own thread, one document
 * at a time, so the server keeps answering while a long application is set.
 */
export function compileTypst(source: string, opts: CompileTypstOptions = {}): Promise<{ pdf: Uint8Array; pages: number }> {
  return new Promise((resolve, reject) => {
    const files: Record<string, Uint8Array | string> = {};
    for (const [name, content] of Object.entries(opts.files ?? {})) files[path.posix.normalize(name).replace(/^(\.\.\/|\/)+/, '')] = content;
    let thread: CompilerThread;
    try {
      thread = compilerThread();
    } catch (error) {
      reject(error as Error);
      return;
    }
    const id = nextJob++;
    thread.jobs.set(id, { resolve, reject });
    thread.worker.ref();
    thread.worker.postMessage({ id, source, files, creationTimestamp: opts.creationTimestamp });
  });
}

/** Compile a Typst source to PDF bytes (see compileTypst). */
export async function compileTypstPdf(source: string, opts: CompileTypstOptions = {}): Promise<Uint8Array> {
  return (await compileTypst(source, opts)).pdf;
}

/**
 * A Typst string literal for any text: inside a string literal only `\` and `"` are special, so user text can never
 * become markup or code. Control characters are written as `\u{…}`.
 */
export function typstString(text: string): string {
  let out = '"';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '\\') out += '\\\\';
    else if (ch === '"') out += '\\"';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') continue;
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f || (code >= 0x2028 && code <= 0x2029)) out += `\\u{${code.toString(16)}}`;
    else out += ch;
  }
  return `${out}"`;
}

/**
 * User text placed in Typst markup: `#"…";` shows the text exactly as typed (no `*`, `_`, `$`, `#`, `@`, `<`, `=`
 * markup), with its line breaks. The `;` ends the expression, so template text after it (`.x`, `(…)`) stays text.
 */
export function typstText(text: string): string {
  return `#${typstString(text)};`;
}
