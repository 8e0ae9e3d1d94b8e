import autocannon from 'autocannon';
import { connect, createDatabaseIfMissing, dropDatabase, runMigrations, startEmbeddedCluster, tempDir, type Database } from '../apps/server/src/platform/database.ts';
import { ensureDivisions } from '../apps/server/src/modules/identity/index.ts';

export interface BenchResult {
  bench: string;
  metric: string;
  value: number;
  baseline: number;
  ratio: number;
  unit: string;
}

export function report(result: Omit<BenchResult, 'ratio'>): void {
  const ratio = result.baseline === 0 ? 0 : Math.round((result.value / result.baseline) * 1000) / 1000;
  console.log(JSON.stringify({ ...result, ratio }));
}

/** A fresh, migrated database for one benchmark: on DATABASE_URL's server or an embedded cluster. */
export async function benchDatabase(): Promise<{ database: Database; dispose(): Promise<void> }> {
  const name = `shenbao_bench_${Date.now()}`;
  let adminUrl: string;
  let stopCluster = async () => {};
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = '/postgres';
    adminUrl = url.toString();
  } else {
    const cluster = await startEmbeddedCluster(`${await tempDir('shenbao-bench-')}/pg`);
    adminUrl = cluster.adminUrl;
    stopCluster = cluster.stop;
  }
  await createDatabaseIfMissing(adminUrl, name);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = connect(url.toString(), false);
  await runMigrations(database);
  await ensureDivisions(database.db);
  return {
    database,
    async dispose() {
      await database.close();
      await dropDatabase(adminUrl, name);
      await stopCluster();
    },
  };
}

export interface LoadResult {
  requestsPerSecond: number;
  p99Ms: number;
  errors: number;
}

/** Load one URL with autocannon: bounded in time and connections, on loopback only. */
export async function load(url: string, headers: Record<string, string>, seconds = Number(process.env.BENCH_SECONDS ?? 8)): Promise<LoadResult> {
  const result = await autocannon({ url, headers, connections: 20, duration: seconds });
  if (result.non2xx > 0) throw new Error(`${url}: ${result.non2xx} answers were not 2xx`);
  return { requestsPerSecond: result.requests.average, p99Ms: result.latency.p99, errors: result.errors };
}
