import pg from 'pg';
import type { Lock, Locker, RequestRelease } from '@tus/utils';

const ACQUIRE_TIMEOUT_MS = 30_000;
const RETRY_MS = 100;

/**
 * tus upload locks that hold across app processes: a PostgreSQL session advisory lock per upload id, on a small
 * pool of its own (a PATCH can stream for minutes and must not take the application's connections).
 * Within one process a waiting request first asks the current holder to let go, as tus's memory locker does.
 */
export class PostgresUploadLocker implements Locker {
  readonly pool: pg.Pool;
  readonly local = new Map<string, RequestRelease>();

  constructor(connectionString: string) {
    this.pool = new pg.Pool({ connectionString, max: Number(process.env.UPLOAD_LOCK_POOL_MAX ?? 20) });
    this.pool.on('error', () => {});
  }

  newLock(id: string): Lock {
    return new PostgresUploadLock(this, id);
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

class PostgresUploadLock implements Lock {
  private client: pg.PoolClient | null = null;
  constructor(
    private readonly locker: PostgresUploadLocker,
    private readonly id: string,
  ) {}

  async lock(signal: AbortSignal, requestRelease: RequestRelease): Promise<void> {
    const deadline = Date.now() + ACQUIRE_TIMEOUT_MS;
    const client = await this.locker.pool.connect();
    try {
      for (;;) {
        const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS ok', [`tus:${this.id}`]);
        if (rows[0]?.ok) break;
        await this.locker.local.get(this.id)?.();
        if (signal.aborted || Date.now() > deadline) throw Object.assign(new Error('ERR_LOCK_TIMEOUT'), { status_code: 500, body: '上传被占用，请稍后重试\n' });
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      }
    } catch (error) {
      client.release();
      throw error;
    }
    this.client = client;
    this.locker.local.set(this.id, requestRelease);
  }

  async unlock(): Promise<void> {
    const client = this.client;
    if (!client) throw new Error('Releasing an unlocked lock!');
    this.client = null;
    this.locker.local.delete(this.id);
    try {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [`tus:${this.id}`]);
    } finally {
      client.release();
    }
  }
}
