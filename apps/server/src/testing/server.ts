import { inject } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { readConfig, REPO_ROOT } from '../platform/config.ts';
import { loadPack, syncPacks } from '../modules/programs/index.ts';
import { connect, tempDir, type Database } from '../platform/database.ts';
import { buildApp } from '../platform/http.ts';
import { checkSystemPackages } from '../platform/system-packages.ts';
import { seedDemoData } from '../demo/seed.ts';
import { openDemoCalls } from '../demo/calls.ts';
import { ensureWebBuilt } from '../platform/web-build.ts';

/** The whole platform on a random port, for browser tests: API, built web app, demo data on the run's test database. */
export async function startTestServer(): Promise<{ url: string; database: Database; close(): Promise<void> }> {
  const dataDir = await tempDir('shenbao-e2e-data-');
  const config = { ...readConfig({}), secureCookies: false, blobDir: `${dataDir}/blobs`, uploadDir: `${dataDir}/uploads`, exportDir: `${dataDir}/exports` };
  await ensureWebBuilt(config.webDistDir);
  const database = connect(inject('databaseUrl'), false);
  await seedDemoData(database.db);
  await syncPacks(database.db, await loadablePacks());
  await openDemoCalls(database.db);
  const app = await buildApp({ database, config, systemPackages: await checkSystemPackages() });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    database,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** Every pack that loads (a broken one is reported by programs/packs.test.ts, not here). */
async function loadablePacks() {
  const root = path.join(REPO_ROOT, 'programs');
  const dirs = fs.readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory());
  const packs = await Promise.all(dirs.map((d) => loadPack(path.join(root, d.name)).catch(() => null)));
  return packs.filter((p) => p !== null);
}
