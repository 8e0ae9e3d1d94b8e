import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import type { ExportManifestFile } from '@shenbao/contracts';

/**
 * A ZIP written straight to disk with yazl: one entry at a time, each read from its source as the file is written
 * (backpressure all the way), hashed on the way through; the ZIP itself is hashed as it is written. Nothing is
 * buffered but the entry in flight, so 1,000 applications need no more memory than one.
 */
export class ZipAborted extends Error {
  constructor() {
    super('导出已中止');
  }
}

/** A path segment safe in every unzip tool: no separators, no reserved characters, not "." or "..", at most 80 characters. */
export function safeSegment(name: string, fallback = '未命名'): string {
  const cleaned = name
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '_');
  const chars = [...cleaned];
  if (chars.length > 80) {
    const dot = cleaned.lastIndexOf('.');
    const ext = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : '';
    return chars.slice(0, 80 - [...ext].length).join('') + ext;
  }
  return cleaned || fallback;
}

/** Formats already compressed are stored as they are (deflating a PDF or a video costs time and saves nothing). */
const STORED = /\.(pdf|zip|xlsx|docx|pptx|jpe?g|png|gif|webp|mp4|mov|avi|mkv|webm|rar|7z|gz|ofd)$/i;

export class ZipWriter {
  private readonly zip = new yazl.ZipFile();
  private readonly out: fs.WriteStream;
  private readonly written: Promise<void>;
  private readonly zipHash = createHash('sha256');
  private zipSize = 0;
  private readonly paths = new Set<string>();
  private aborted = false;
  private aborting: Promise<void> | null = null;
  private current: { source: Readable; hasher: Transform; reject: (e: Error) => void } | null = null;
  private zipError: Error | null = null;
  readonly files: ExportManifestFile[] = [];

  constructor(readonly file: string) {
    this.out = fs.createWriteStream(file);
    this.zip.on('error', (error: Error) => {
      this.zipError = error;
      this.current?.reject(error);
    });
    const tap = new Transform({
      transform: (chunk: Buffer, _encoding, callback) => {
        this.zipHash.update(chunk);
        this.zipSize += chunk.length;
        callback(null, chunk);
      },
    });
    this.written = pipeline(this.zip.outputStream as Readable, tap, this.out);
    // An abort ends the pipeline early; that rejection is expected and handled in finish()/abort().
    this.written.catch(() => {});
  }

  /** The path itself, or "name (2).ext" when the ZIP already has one of that name. */
  uniquePath(wanted: string): string {
    if (!this.paths.has(wanted)) return wanted;
    const slash = wanted.lastIndexOf('/');
    const dot = wanted.lastIndexOf('.');
    const [stem, ext] = dot > slash + 1 ? [wanted.slice(0, dot), wanted.slice(dot)] : [wanted, ''];
    for (let i = 2; ; i++) if (!this.paths.has(`${stem} (${i})${ext}`)) return `${stem} (${i})${ext}`;
  }

  /**
   * Add one entry from a stream opened when the ZIP reaches it; resolves once every byte is in the ZIP, with the
   * entry's size and SHA-256. `expectedSha256` (a blob's address) is checked: a changed file fails the export.
   */
  add(wanted: string, open: () => Readable, meta: { kind: ExportManifestFile['kind']; applicationNumber: string | null; expectedSha256?: string }): Promise<ExportManifestFile> {
    if (this.aborted) return Promise.reject(new ZipAborted());
    if (this.zipError) return Promise.reject(this.zipError);
    const path = this.uniquePath(wanted);
    this.paths.add(path);
    // yazl keeps every entry (with the function that opened it) until the ZIP ends: hold the opener only until it is used.
    let opener: (() => Readable) | null = open;
    return new Promise<ExportManifestFile>((resolve, reject) => {
      const hash = createHash('sha256');
      let size = 0;
      const hasher = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          hash.update(chunk);
          size += chunk.length;
          callback(null, chunk);
        },
      });
      let settled = false;
      const fail = (error: Error) => {
        if (settled) return;
        settled = true;
        this.current = null;
        reject(error);
      };
      hasher.on('end', () => {
        if (settled) return;
        settled = true;
        this.current = null;
        const sha256 = hash.digest('hex');
        if (meta.expectedSha256 && meta.expectedSha256 !== sha256) return reject(new Error(`文件「${path}」的内容与登记的 SHA-256 不一致，文件可能已损坏`));
        const entry = { path, size, sha256, kind: meta.kind, applicationNumber: meta.applicationNumber };
        this.files.push(entry);
        resolve(entry);
      });
      this.zip.addReadStreamLazy(path, { compress: !STORED.test(path), mtime: new Date() }, (callback) => {
        const openNow = opener;
        opener = null;
        if (this.aborted || !openNow) return;
        let source: Readable;
        try {
          source = openNow();
        } catch (error) {
          return fail(error as Error);
        }
        this.current = { source, hasher, reject: fail };
        source.on('error', (error) => {
          fail(error);
          hasher.destroy();
        });
        source.pipe(hasher);
        callback(null, hasher);
      });
    });
  }

  addBuffer(path: string, content: Uint8Array, meta: { kind: ExportManifestFile['kind']; applicationNumber: string | null }): Promise<ExportManifestFile> {
    let bytes: Uint8Array | null = content; // released once read (see add)
    return this.add(
      path,
      () => {
        const b = bytes!;
        bytes = null;
        return Readable.from([Buffer.from(b.buffer, b.byteOffset, b.byteLength)]);
      },
      meta,
    );
  }

  /** Close the ZIP (central directory) and wait until it is on disk; its size and SHA-256. */
  async finish(): Promise<{ size: number; sha256: string }> {
    if (this.aborted) throw new ZipAborted();
    this.zip.end();
    await this.written;
    if (this.zipError) throw this.zipError;
    return { size: this.zipSize, sha256: this.zipHash.digest('hex') };
  }

  /** Stop at once: the entry in flight is dropped, the streams are closed and the partial file is removed. */
  abort(): Promise<void> {
    this.aborting ??= this.doAbort();
    return this.aborting;
  }

  private async doAbort(): Promise<void> {
    this.aborted = true;
    const current = this.current;
    this.current = null;
    current?.reject(new ZipAborted());
    current?.source.destroy();
    current?.hasher.destroy();
    (this.zip.outputStream as Readable).destroy();
    this.out.destroy();
    await this.written.catch(() => {});
    await new Promise<void>((resolve) => (this.out.closed ? resolve() : this.out.once('close', () => resolve())));
    await fs.promises.rm(this.file, { force: true });
  }
}
