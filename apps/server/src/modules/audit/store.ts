import { and, asc, count, desc, eq, gt, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { AuditQuery } from '@shenbao/contracts';
import type { DbOrTx } from '../../platform/database.ts';
import { organisations, users } from '../identity/tables.ts';
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
      .select({
        event: auditEvents,
        actorUsername: users.username,
        actorOrganisationName: organisations.name,
      })
      .from(auditEvents)
      .leftJoin(users, eq(users.id, auditEvents.actorUserId))
      .leftJoin(organisations, eq(organisations.id, auditEvents.actorOrganisationId))
      .where(where)
      .orderBy(desc(auditEvents.id))
      .limit(pageSize)
      .offset(offset),
    db.select({ n: count() }).from(auditEvents).leftJoin(organisations, eq(organisations.id, auditEvents.actorOrganisationId)).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** Events scoped to actors inside an organisation subtree. */
export function actorOrganisationWithin(organisationId: string): SQL {
  return sql`(${organisations.id} = ${organisationId} OR ${organisationId}::uuid = ANY(${organisations.ancestorIds}))`;
}

export async function readChainBatch(db: DbOrTx, afterId: number, limit: number) {
  return db.select().from(auditEvents).where(gt(auditEvents.id, afterId)).orderBy(asc(auditEvents.id)).limit(limit);
}
