import { and, asc, count, desc, eq, gt, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { AuditQuery } from '@shenbao/contracts';
import type { DbOrTx } from '../../platform/database.ts';
import { auditEvents } from './tables.ts';

// One global advisory lock keeps the chain linear: each event's prev_hash is the previous committed event.
const AUDIT_CHAIN_LOCK = 7_424_001;

export async function lockChainAndReadHead(tx: DbOrTx): Promise<{ prevHash: string | null; at: Date }> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const result = await tx.execute<{ prev: string | null; at: Date }>(
    sql`SELECT (SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1) AS prev, date_trunc('milliseconds', clock_timestamp()) AS at`,
  );
  const row = result.rows[0]!;
  return { prevHash: row.prev, at: new Date(row.at) };
}

export async function insertEvent(tx: DbOrTx, row: typeof auditEvents.$inferInsert): Promise<void> {
  await tx.insert(auditEvents).values(row);
}

export async function listEvents(db: DbOrTx, query: AuditQuery, scope: SQL | undefined) {
  const where = and(
    scope,
    query.action ? eq(auditEvents.action, query.action) : undefined,
    query.resourceType ? eq(auditEvents.resourceType, query.resourceType) : undefined,
    query.resourceId ? eq(auditEvents.resourceId, query.resourceId) : undefined,
    query.actorUserId ? eq(auditEvents.actorUserId, query.actorUserId) : undefined,
    query.from ? gte(auditEvents.at, new Date(query.from)) : undefined,
    query.to ? lte(auditEvents.at, new Date(query.to)) : undefined,
  );
  const pageSize = query.pageSize ?? 50;
  const offset = ((query.page ?? 1) - 1) * pageSize;
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(auditEvents)
      .where(where)
      .orderBy(desc(auditEvents.id))
      .limit(pageSize)
      .offset(offset),
    db.select({ n: count() }).from(auditEvents).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** Events done by people of the given organisations. */
export const actorOrganisationIn = (organisationIds: string[]): SQL => inArray(auditEvents.actorOrganisationId, organisationIds);

export async function readChainBatch(db: DbOrTx, afterId: number, limit: number) {
  return db.select().from(auditEvents).where(gt(auditEvents.id, afterId)).orderBy(asc(auditEvents.id)).limit(limit);
}
