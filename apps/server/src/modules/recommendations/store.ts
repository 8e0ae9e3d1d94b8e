import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/database.ts';
import { recommendationItems, recommendations, reviewDecisions } from './tables.ts';

export type RecommendationRow = typeof recommendations.$inferSelect;

export async function findOrCreate(db: DbOrTx, callId: string, channelId: string, recommenderOrganisationId: string): Promise<RecommendationRow> {
  await db.insert(recommendations).values({ callId, channelId, recommenderOrganisationId, status: 'draft' }).onConflictDoNothing();
  const [row] = await db
    .select()
    .from(recommendations)
    .where(and(eq(recommendations.callId, callId), eq(recommendations.channelId, channelId), eq(recommendations.recommenderOrganisationId, recommenderOrganisationId)));
  return row!;
}

export async function find(db: DbOrTx, id: string, forUpdate = false): Promise<RecommendationRow | null> {
  const q = db.select().from(recommendations).where(eq(recommendations.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

export async function ofCall(db: DbOrTx, callId: string) {
  return db.select().from(recommendations).where(eq(recommendations.callId, callId));
}

export async function itemsOf(db: DbOrTx, recommendationId: string) {
  return db.select().from(recommendationItems).where(eq(recommendationItems.recommendationId, recommendationId)).orderBy(asc(recommendationItems.rank));
}

/** Items of issued recommendations in a call, with their channel (for call-wide quotas and the duplicate guard). */
export async function issuedItems(db: DbOrTx, callId: string) {
  return db
    .select({ applicationId: recommendationItems.applicationId, recommendationId: recommendations.id, channelId: recommendations.channelId, recommenderOrganisationId: recommendations.recommenderOrganisationId })
    .from(recommendationItems)
    .innerJoin(recommendations, eq(recommendations.id, recommendationItems.recommendationId))
    .where(and(eq(recommendations.callId, callId), eq(recommendations.status, 'issued')));
}

/** Replace the whole order in one statement pair, guarded by the version: no duplicates, no gaps. */
export async function replaceOrder(db: DbOrTx, recommendationId: string, version: number, order: string[]): Promise<boolean> {
  const bumped = await db
    .update(recommendations)
    .set({ version: sql`${recommendations.version} + 1` })
    .where(and(eq(recommendations.id, recommendationId), eq(recommendations.version, version), eq(recommendations.status, 'draft')))
    .returning({ id: recommendations.id });
  if (bumped.length === 0) return false;
  await db.delete(recommendationItems).where(eq(recommendationItems.recommendationId, recommendationId));
  if (order.length) await db.insert(recommendationItems).values(order.map((applicationId, i) => ({ recommendationId, applicationId, rank: i + 1 })));
  return true;
}

export async function appendItem(db: DbOrTx, recommendationId: string, applicationId: string) {
  await db.execute(sql`
    INSERT INTO recommendation_items (recommendation_id, application_id, rank)
    SELECT ${recommendationId}, ${applicationId}, COALESCE(max(rank), 0) + 1 FROM recommendation_items WHERE recommendation_id = ${recommendationId}
    ON CONFLICT DO NOTHING`);
  await db.update(recommendations).set({ version: sql`${recommendations.version} + 1` }).where(eq(recommendations.id, recommendationId));
}

/** Remove an item and close the gap it leaves. */
export async function removeItem(db: DbOrTx, recommendationId: string, applicationId: string) {
  const current = (await itemsOf(db, recommendationId)).filter((i) => i.applicationId !== applicationId).map((i) => i.applicationId);
  await db.delete(recommendationItems).where(eq(recommendationItems.recommendationId, recommendationId));
  if (current.length) await db.insert(recommendationItems).values(current.map((a, i) => ({ recommendationId, applicationId: a, rank: i + 1 })));
  await db.update(recommendations).set({ version: sql`${recommendations.version} + 1` }).where(eq(recommendations.id, recommendationId));
}

export async function update(db: DbOrTx, id: string, values: Partial<typeof recommendations.$inferInsert>) {
  await db.update(recommendations).set(values).where(eq(recommendations.id, id));
}

export async function upsertDecision(db: DbOrTx, row: typeof reviewDecisions.$inferInsert) {
  await db
    .insert(reviewDecisions)
    .values(row)
    .onConflictDoUpdate({ target: [reviewDecisions.applicationId, reviewDecisions.recommenderOrganisationId], set: { ...row, decidedAt: new Date() } });
}

export async function decisionsOf(db: DbOrTx, recommenderOrganisationId: string, applicationIds: string[]) {
  if (applicationIds.length === 0) return [];
  return db
    .select()
    .from(reviewDecisions)
    .where(and(eq(reviewDecisions.recommenderOrganisationId, recommenderOrganisationId), inArray(reviewDecisions.applicationId, applicationIds)));
}
