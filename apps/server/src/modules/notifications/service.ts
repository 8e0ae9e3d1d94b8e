import { and, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { uuidArray, type Db, type DbOrTx } from '../../platform/database.ts';
import type { RequestContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { requireActor } from '../identity/index.ts';
import { recordEvent } from '../audit/index.ts';
import { notificationReads, notifications } from './tables.ts';

export interface NewNotification {
  organisationId: string;
  /** Address one user of the organisation only. */
  userId?: string;
  type: string;
  title: string;
  body: string;
  link?: string;
  data?: Record<string, unknown>;
}

/** 站内通知 to every user of an organisation, written in the caller's transaction (no change without its notice). */
export async function notifyOrganisation(tx: DbOrTx, n: NewNotification): Promise<void> {
  await tx.insert(notifications).values({ ...n, userId: n.userId ?? null, link: n.link ?? null, data: n.data ?? {} });
}

/** A notification for one user is not shown to the other users of its organisation. */
const addressedTo = (userId: string) => or(isNull(notifications.userId), eq(notifications.userId, userId));

export async function listNotifications(db: Db, ctx: RequestContext, limit = 50) {
  const actor = requireActor(ctx);
  const rows = await db
    .select({
      id: notifications.id,
      type: notifications.type,
      title: notifications.title,
      body: notifications.body,
      link: notifications.link,
      createdAt: notifications.createdAt,
      readAt: notificationReads.readAt,
    })
    .from(notifications)
    .leftJoin(notificationReads, and(eq(notificationReads.notificationId, notifications.id), eq(notificationReads.userId, actor.userId)))
    .where(and(eq(notifications.organisationId, actor.organisationId), addressedTo(actor.userId)))
    .orderBy(desc(notifications.createdAt))
    .limit(limit);
  const items = rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), readAt: r.readAt?.toISOString() ?? null }));
  return { items, unread: items.filter((i) => !i.readAt).length };
}

export async function markRead(db: Db, ctx: RequestContext, ids: string[]): Promise<void> {
  const actor = requireActor(ctx);
  const own = await db
    .select({ id: notifications.id })
    .from(notifications)
    .where(and(inArray(notifications.id, ids), eq(notifications.organisationId, actor.organisationId), addressedTo(actor.userId)));
  if (own.length !== ids.length) throw notFound('通知');
  await db.transaction(async (tx) => {
    await tx.execute(sql`INSERT INTO notification_reads (notification_id, user_id)
      SELECT id, ${actor.userId}::uuid FROM unnest(${uuidArray(ids)}) AS id
      WHERE NOT EXISTS (SELECT 1 FROM notification_reads r WHERE r.notification_id = id AND r.user_id = ${actor.userId}::uuid)`);
    await recordEvent(tx, ctx, { action: 'notification.read', resourceType: 'notification', resourceId: null, details: { ids } });
  });
}
