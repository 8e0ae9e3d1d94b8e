import type { AuditList, AuditQuery, AuditVerification } from '@shenbao/contracts';
import type { Db, DbOrTx } from '../../platform/database.ts';
import { hasRole, type RequestContext } from '../../platform/context.ts';
import { eventHash, GENESIS_HASH } from './hash.ts';
import * as store from './store.ts';
import { describeActors, organisationSubtreeIds } from '../identity/index.ts';

export interface AuditEntry {
  action: string; // e.g. 'user.invite', 'application.submit'
  resourceType: string;
  resourceId: string | null;
  details?: Record<string, unknown>;
}

/**
 * Append one event to the log inside the caller's transaction, so the change and its record commit together.
 * `actorOverride` serves sign-in, where the request has no actor yet but the event has one.
 */
export async function recordEvent(
  tx: DbOrTx,
  ctx: RequestContext,
  entry: AuditEntry,
  actorOverride?: { userId: string | null; organisationId: string | null },
): Promise<void> {
  const head = await store.lockChainAndReadHead(tx);
  const prevHash = head.prevHash ?? GENESIS_HASH;
  const fields = {
    at: head.at,
    actorUserId: actorOverride ? actorOverride.userId : (ctx.actor?.userId ?? null),
    actorOrganisationId: actorOverride ? actorOverride.organisationId : (ctx.actor?.organisationId ?? null),
    action: entry.action,
    resourceType: entry.resourceType,
    resourceId: entry.resourceId,
    requestId: ctx.requestId,
    ip: ctx.ip,
    details: entry.details ?? {},
  };
  await store.insertEvent(tx, { ...fields, prevHash, hash: eventHash(prevHash, fields) });
}

export async function listAuditEvents(db: Db, ctx: RequestContext, query: AuditQuery): Promise<AuditList> {
  const actor = ctx.actor!;
  // 平台管理员 sees everything; a 主管部门 sees what people of its own subtree did.
  const scope = hasRole(actor, 'platform_admin') ? undefined : store.actorOrganisationIn(await organisationSubtreeIds(db, actor.organisationId));
  const { rows, total } = await store.listEvents(db, query, scope);
  const names = await describeActors(db, rows.map((e) => e.actorUserId), rows.map((e) => e.actorOrganisationId));
  return {
    total,
    items: rows.map((event) => ({
      id: event.id,
      at: event.at.toISOString(),
      actorUserId: event.actorUserId,
      actorUsername: event.actorUserId ? (names.usernames.get(event.actorUserId) ?? null) : null,
      actorOrganisationId: event.actorOrganisationId,
      actorOrganisationName: event.actorOrganisationId ? (names.organisationNames.get(event.actorOrganisationId) ?? null) : null,
      action: event.action,
      resourceType: event.resourceType,
      resourceId: event.resourceId,
      requestId: event.requestId,
      details: event.details,
      hash: event.hash,
    })),
  };
}

/** Recompute the whole chain; report the first event whose link or content does not match. */
export async function verifyAuditChain(db: Db): Promise<AuditVerification> {
  let prevHash = GENESIS_HASH;
  let lastId = 0;
  let checked = 0;
  for (;;) {
    const batch = await store.readChainBatch(db, lastId, 2000);
    if (batch.length === 0) return { ok: true, checked, firstBrokenId: null };
    for (const row of batch) {
      const { id, prevHash: storedPrev, hash, ...fields } = row;
      if (storedPrev !== prevHash || eventHash(prevHash, fields) !== hash) return { ok: false, checked, firstBrokenId: id };
      prevHash = hash;
      lastId = id;
      checked++;
    }
  }
}
