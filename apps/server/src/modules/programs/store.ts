import { and, asc, desc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/database.ts';
import { callLists, callPackVersions, calls } from './tables.ts';

export type CallRow = typeof calls.$inferSelect;

// A pack version's content never changes (its hash is its identity), so every process may keep it in memory;
// only the small mutable columns (schedule, issuer, version) are read on each call.
const contentByHash = new Map<string, Pick<CallRow, 'program' | 'forms'>>();

export async function findCall(db: DbOrTx, id: string): Promise<CallRow | null> {
  const { program, forms, ...light } = getTableColumns(calls);
  const [row] = await db.select(light).from(calls).where(eq(calls.id, id));
  if (!row) return null;
  const key = `${id}:${row.hash}`;
  let content = contentByHash.get(key);
  if (!content) {
    const [full] = await db.select({ program, forms }).from(calls).where(eq(calls.id, id));
    if (!full) return null;
    content = full;
    if (contentByHash.size > 200) contentByHash.clear();
    contentByHash.set(key, content);
  }
  return { ...row, ...content };
}

export async function listCalls(db: DbOrTx): Promise<CallRow[]> {
  return db.select().from(calls).orderBy(desc(calls.year), asc(calls.id));
}

export async function latestVersion(db: DbOrTx, callId: string) {
  const [row] = await db.select({ version: callPackVersions.version, hash: callPackVersions.hash }).from(callPackVersions).where(eq(callPackVersions.callId, callId)).orderBy(desc(callPackVersions.version)).limit(1);
  return row ?? null;
}

export async function upsertCall(db: DbOrTx, row: typeof calls.$inferInsert) {
  await db
    .insert(calls)
    .values(row)
    .onConflictDoUpdate({ target: calls.id, set: { ...row, createdAt: undefined, schedule: undefined, updatedAt: new Date() } });
}

export async function insertVersion(db: DbOrTx, row: typeof callPackVersions.$inferInsert) {
  await db.insert(callPackVersions).values(row);
}

export async function listsOf(db: DbOrTx, callId: string) {
  return db
    .select({ listId: callLists.listId, rowCount: callLists.rowCount, importedAt: callLists.importedAt, fileName: callLists.fileName })
    .from(callLists)
    .where(eq(callLists.callId, callId));
}

export async function findList(db: DbOrTx, callId: string, listId: string) {
  const [row] = await db.select().from(callLists).where(and(eq(callLists.callId, callId), eq(callLists.listId, listId)));
  return row ?? null;
}

/** Every imported list of a call as { listId: rows }, for $lists. */
export async function listRowsOf(db: DbOrTx, callId: string): Promise<Record<string, Record<string, string>[]>> {
  const rows = await db.select({ listId: callLists.listId, rows: callLists.rows }).from(callLists).where(eq(callLists.callId, callId));
  return Object.fromEntries(rows.map((r) => [r.listId, r.rows]));
}

export async function replaceList(db: DbOrTx, row: typeof callLists.$inferInsert) {
  await db
    .insert(callLists)
    .values(row)
    .onConflictDoUpdate({ target: [callLists.callId, callLists.listId], set: { ...row, importedAt: new Date() } });
}

export async function lockCall(db: DbOrTx, callId: string) {
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${'call:' + callId}))`);
}

export async function setSchedule(db: DbOrTx, callId: string, schedule: CallRow['schedule']) {
  await db.update(calls).set({ schedule, updatedAt: new Date() }).where(eq(calls.id, callId));
}

export async function setIssuerIfUnknown(db: DbOrTx, callId: string, issuerOrganisationId: string) {
  await db.execute(sql`UPDATE calls SET issuer_organisation_id = ${issuerOrganisationId} WHERE id = ${callId} AND issuer_organisation_id IS NULL`);
}

/** The calls whose issuer is one of these organisations. */
export async function callsIssuedBy(db: DbOrTx, organisationIds: string[]): Promise<string[]> {
  if (organisationIds.length === 0) return [];
  const rows = await db.select({ id: calls.id }).from(calls).where(inArray(calls.issuerOrganisationId, organisationIds));
  return rows.map((r) => r.id);
}
