import path from 'node:path';
import { REPO_ROOT } from '../platform/config.ts';
import type { Database } from '../platform/database.ts';
import { loadPack, syncPacks } from '../modules/programs/index.ts';
import { uniqueSuffix, type BuiltOrganisation } from './app.ts';

/**
 * A call of one pack under its own id for one test file, issued by `issuer`, with the application window
 * open around now (unless `schedule` says otherwise) — the notices' own dates are all in the past.
 */
export async function buildOpenCall(
  database: Database,
  packId: string,
  opts: { issuer?: BuiltOrganisation; schedule?: Record<string, { opens?: string; closes?: string; extensionUntil?: string }>; lists?: Record<string, Record<string, string>[]> } = {},
): Promise<string> {
  const pack = await loadPack(path.join(REPO_ROOT, 'programs', packId));
  const id = `${packId.slice(0, 40)}-t${uniqueSuffix()}`;
  const copy = structuredClone(pack);
  copy.program.id = id;
  await syncPacks(database.db, [copy]);
  const day = 86_400_000;
  const schedule = opts.schedule ?? {
    application: { opens: new Date(Date.now() - day).toISOString(), closes: new Date(Date.now() + 30 * day).toISOString() },
  };
  await database.pool.query('UPDATE calls SET schedule = $1, issuer_organisation_id = $2 WHERE id = $3', [JSON.stringify(schedule), opts.issuer?.id ?? null, id]);
  for (const [listId, rows] of Object.entries(opts.lists ?? {})) {
    await database.pool.query(
      `INSERT INTO call_lists (call_id, list_id, rows, row_count, sha256, imported_by) VALUES ($1, $2, $3, $4, 'test', gen_random_uuid())`,
      [id, listId, JSON.stringify(rows), rows.length],
    );
  }
  return id;
}
