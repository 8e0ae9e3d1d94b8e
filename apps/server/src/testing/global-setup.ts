import fs from 'node:fs/promises';
import type { TestProject } from 'vitest/node';
import {
  connect,
  createDatabaseIfMissing,
  dropDatabase,
  runMigrations,
  startEmbeddedCluster,
  tempDir,
  type EmbeddedCluster,
} from '../platform/database.ts';
import { ensureDivisions } from '../modules/identity/index.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/**
 * One fresh database per test run: on the server named by DATABASE_URL (created UTF8/C.UTF-8 from template0),
 * or in an embedded cluster in a temporary directory. Migrations and reference data are applied once here.
 */
export default async function setup(project: TestProject) {
  const name = `shenbao_test_${Date.now()}_${process.pid}`;
  let adminUrl: string;
  let cluster: EmbeddedCluster | null = null;
  let clusterDir: string | null = null;
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = '/postgres';
    adminUrl = url.toString();
  } else {
    clusterDir = await tempDir('shenbao-test-pg-');
    cluster = await startEmbeddedCluster(`${clusterDir}/pg`);
    adminUrl = cluster.adminUrl;
  }
  await createDatabaseIfMissing(adminUrl, name);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = connect(url.toString(), !process.env.DATABASE_URL);
  await runMigrations(database);
  await ensureDivisions(database.db);
  await database.close();
  project.provide('databaseUrl', url.toString());
  console.log(`test database: ${name} on ${process.env.DATABASE_URL ? 'DATABASE_URL server' : 'embedded PostgreSQL'}`);

  return async () => {
    if (process.env.DATABASE_URL && !process.env.KEEP_TEST_DB) await dropDatabase(adminUrl, name);
    if (cluster) await cluster.stop();
    if (clusterDir) await fs.rm(clusterDir, { recursive: true, force: true });
  };
}
