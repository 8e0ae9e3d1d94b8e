import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';

/**
 * Files addressed by their SHA-256 in a local directory (`DATA_DIR/blobs/ab/cd/<sha256>`).
 * The same content is stored once; a blob is never changed after it is written.
 */
export class BlobStore {
  constructor(readonly root: string) {}

  pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('invalid sha256');
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  /** Hash a file and move it into the store; returns its address and size. */
  async putFile(source: string): Promise<{ sha256: string; size: number }> {
    const hash = createHash('sha256');
    await pipeline(createReadStream(source), hash);
    const sha256 = hash.digest('hex');
    const target = this.pathOf(sha256);
    await fs.mkdir(path.dirname(target), { recursive: true });
    const exists = await fs.stat(target).then(() => true, () => false);
    if (exists) await fs.rm(source, { force: true });
    else await fs.rename(source, target).catch(async () => {
      await fs.copyFile(source, target);
      await fs.rm(source, { force: true });
    });
    const { size } = await fs.stat(target);
    return { sha256, size };
  }

  open(sha256: string) {
    return createReadStream(this.pathOf(sha256));
  }
}

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}
