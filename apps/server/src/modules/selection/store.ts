import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { uuidArray, type DbOrTx } from '../../platform/database.ts';
import {
  defenceSessions,
  defenceShortlist,
  defenceSlots,
  expertConflicts,
  expertReviews,
  expertStatements,
  objections,
  policyChecks,
  reviewAssignments,
  selectionItems,
  selections,
} from './tables.ts';

// All SQL of the selection module. Reads of other modules' tables (recommendations, organisations, expert profiles) are
// read models for this module's screens, kept here so they are in one place.

export type PolicyCheckRow = typeof policyChecks.$inferSelect;
export type ExpertReviewRow = typeof expertReviews.$inferSelect;
export type AssignmentRow = typeof reviewAssignments.$inferSelect;
export type SelectionRow = typeof selections.$inferSelect;
export type ObjectionRow = typeof objections.$inferSelect;
export type ConflictRow = typeof expertConflicts.$inferSelect;

/** The database clock: deadlines and notice periods are judged by it, never by the app server's clock. */
export async function now(db: DbOrTx): Promise<Date> {
  const { rows } = await db.execute<{ now: Date }>(sql`SELECT now() AS now`);
  return new Date(rows[0]!.now);
}

export async function lockCall(tx: DbOrTx, purpose: string, callId: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`selection:${purpose}:${callId}`}))`);
}

// ---------------------------------------------------------------- recommended applications

/** Every issued recommendation item of a call with the recommender's kind (to tell the final round from a city's). */
export async function issuedRecommendationItems(db: DbOrTx, callId: string) {
  const { rows } = await db.execute<{ application_id: string; channel_id: string; recommender_organisation_id: string; rank: number; recommender_kind: string; recommender_name: string }>(sql`
    SELECT ri.application_id, r.channel_id, r.recommender_organisation_id, ri.rank, o.kind AS recommender_kind, o.name AS recommender_name
    FROM recommendation_items ri
    JOIN recommendations r ON r.id = ri.recommendation_id
    JOIN organisations o ON o.id = r.recommender_organisation_id
    WHERE r.call_id = ${callId} AND r.status = 'issued'
    ORDER BY r.channel_id, o.name, ri.rank`);
  return rows.map((r) => ({ applicationId: r.application_id, channelId: r.channel_id, recommenderOrganisationId: r.recommender_organisation_id, rank: r.rank, recommenderKind: r.recommender_kind, recommenderName: r.recommender_name }));
}

export const policyChecksOf = (db: DbOrTx, callId: string) => db.select().from(policyChecks).where(eq(policyChecks.callId, callId));

export async function upsertPolicyCheck(tx: DbOrTx, row: typeof policyChecks.$inferInsert) {
  await tx
    .insert(policyChecks)
    .values(row)
    .onConflictDoUpdate({ target: policyChecks.applicationId, set: { decision: row.decision, reason: row.reason, findings: row.findings, decidedBy: row.decidedBy, decidedAt: sql`now()` } });
}

export async function admittedApplicationIds(db: DbOrTx, callId: string): Promise<string[]> {
  const rows = await db.select({ id: policyChecks.applicationId }).from(policyChecks).where(and(eq(policyChecks.callId, callId), eq(policyChecks.decision, 'admitted')));
  return rows.map((r) => r.id);
}

// ---------------------------------------------------------------- experts

export interface ExpertRecord {
  userId: string;
  name: string;
  title: string;
  expertise: string[];
  employerOrganisationId: string | null;
  employerName: string;
  formerEmployers: { organisationId: string | null; name: string; until: number }[];
  poolOrganisationId: string;
  poolName: string;
}

/** Active experts (role 评审专家) of the given pools with their profiles. */
export async function expertsOfPools(db: DbOrTx, poolIds: string[]): Promise<ExpertRecord[]> {
  if (!poolIds.length) return [];
  const { rows } = await db.execute<{ id: string; display_name: string; title: string; expertise: string[]; employer_organisation_id: string | null; employer_name: string; former_employers: ExpertRecord['formerEmployers']; organisation_id: string; pool_name: string }>(sql`
    SELECT u.id, u.display_name, p.title, p.expertise, p.employer_organisation_id, p.employer_name, p.former_employers, u.organisation_id, o.name AS pool_name
    FROM users u
    JOIN expert_profiles p ON p.user_id = u.id
    JOIN organisations o ON o.id = u.organisation_id
    WHERE u.organisation_id = ANY(${uuidArray(poolIds)}) AND u.status = 'active' AND 'expert' = ANY(u.roles)
    ORDER BY o.name, u.display_name`);
  return rows.map((r) => ({
    userId: r.id,
    name: r.display_name,
    title: r.title,
    expertise: r.expertise,
    employerOrganisationId: r.employer_organisation_id,
    employerName: r.employer_name,
    formerEmployers: r.former_employers,
    poolOrganisationId: r.organisation_id,
    poolName: r.pool_name,
  }));
}

/** 专家库 organisations an owner may draw on: pools under the issuer or under one of its ancestors. */
export async function poolsAvailableTo(db: DbOrTx, issuerId: string, issuerAncestorIds: string[]) {
  const { rows } = await db.execute<{ id: string; name: string; parent_id: string }>(sql`
    SELECT id, name, parent_id FROM organisations
    WHERE kind = 'expert_pool' AND parent_id = ANY(${uuidArray([issuerId, ...issuerAncestorIds])})
    ORDER BY (parent_id = ${issuerId}) DESC, name`);
  return rows.map((r) => ({ id: r.id, name: r.name, ownPool: r.parent_id === issuerId }));
}

export async function organisationKindsAndNames(db: DbOrTx, ids: string[]) {
  if (!ids.length) return new Map<string, { name: string; kind: string }>();
  const { rows } = await db.execute<{ id: string; name: string; kind: string }>(sql`SELECT id, name, kind FROM organisations WHERE id = ANY(${uuidArray(ids)})`);
  return new Map(rows.map((r) => [r.id, { name: r.name, kind: r.kind }]));
}

// ---------------------------------------------------------------- review settings, conflicts, statements

export async function findReview(db: DbOrTx, callId: string, forUpdate = false): Promise<ExpertReviewRow | null> {
  const q = db.select().from(expertReviews).where(eq(expertReviews.callId, callId));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

export async function upsertReview(tx: DbOrTx, row: typeof expertReviews.$inferInsert) {
  const { callId: _key, ...rest } = row;
  await tx
    .insert(expertReviews)
    .values(row)
    .onConflictDoUpdate({ target: expertReviews.callId, set: { ...rest, updatedAt: sql`now()` } });
}

export async function reviewsOfExpert(db: DbOrTx, expertUserId: string) {
  const { rows } = await db.execute<{ call_id: string; status: 'setup' | 'scoring' | 'closed'; assigned: number; submitted: number }>(sql`
    SELECT a.call_id, COALESCE(r.status, 'setup') AS status, count(*)::int AS assigned, count(a.submitted_at)::int AS submitted
    FROM review_assignments a LEFT JOIN expert_reviews r ON r.call_id = a.call_id
    WHERE a.expert_user_id = ${expertUserId}
    GROUP BY a.call_id, r.status ORDER BY a.call_id`);
  return rows.map((r) => ({ callId: r.call_id, status: r.status, assigned: r.assigned, submitted: r.submitted }));
}

export const conflictsOfCall = (db: DbOrTx, callId: string) => db.select().from(expertConflicts).where(eq(expertConflicts.callId, callId));

export async function upsertConflict(tx: DbOrTx, row: typeof expertConflicts.$inferInsert) {
  await tx
    .insert(expertConflicts)
    .values(row)
    .onConflictDoUpdate({
      target: [expertConflicts.callId, expertConflicts.expertUserId, expertConflicts.applicantOrganisationId, expertConflicts.kind],
      set: { state: row.state, reason: row.reason, createdBy: row.createdBy, createdAt: sql`now()` },
    });
}

export const statementsOfCall = (db: DbOrTx, callId: string) => db.select().from(expertStatements).where(eq(expertStatements.callId, callId));
export const statementsOfExpert = (db: DbOrTx, expertUserId: string) => db.select().from(expertStatements).where(eq(expertStatements.expertUserId, expertUserId));

export async function insertStatement(tx: DbOrTx, row: typeof expertStatements.$inferInsert): Promise<boolean> {
  const inserted = await tx.insert(expertStatements).values(row).onConflictDoNothing().returning({ callId: expertStatements.callId });
  return inserted.length > 0;
}

// ---------------------------------------------------------------- assignments

export const assignmentsOfCall = (db: DbOrTx, callId: string) => db.select().from(reviewAssignments).where(eq(reviewAssignments.callId, callId)).orderBy(asc(reviewAssignments.createdAt));
export const assignmentsOfExpert = (db: DbOrTx, callId: string, expertUserId: string) =>
  db.select().from(reviewAssignments).where(and(eq(reviewAssignments.callId, callId), eq(reviewAssignments.expertUserId, expertUserId))).orderBy(asc(reviewAssignments.createdAt));

export async function findAssignment(db: DbOrTx, id: string, forUpdate = false): Promise<AssignmentRow | null> {
  const q = db.select().from(reviewAssignments).where(eq(reviewAssignments.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

/** Drop the automatic assignments no expert has submitted yet: the assigner recomputes them. */
export async function deleteOpenAutoAssignments(tx: DbOrTx, callId: string) {
  await tx.delete(reviewAssignments).where(and(eq(reviewAssignments.callId, callId), eq(reviewAssignments.source, 'auto'), isNull(reviewAssignments.submittedAt)));
}

export async function insertAssignments(tx: DbOrTx, rows: (typeof reviewAssignments.$inferInsert)[]) {
  for (let i = 0; i < rows.length; i += 1000) await tx.insert(reviewAssignments).values(rows.slice(i, i + 1000));
}

export async function deleteAssignment(tx: DbOrTx, id: string) {
  await tx.delete(reviewAssignments).where(and(eq(reviewAssignments.id, id), isNull(reviewAssignments.submittedAt)));
}

export async function saveScores(tx: DbOrTx, id: string, values: Pick<AssignmentRow, 'scores' | 'comments' | 'opinion'> & { total: number | null; submit: boolean }) {
  await tx
    .update(reviewAssignments)
    .set({ scores: values.scores, comments: values.comments, opinion: values.opinion, total: values.total, submittedAt: values.submit ? sql`now()` : null })
    .where(and(eq(reviewAssignments.id, id), isNull(reviewAssignments.submittedAt)));
}

export async function markReminded(tx: DbOrTx, ids: string[]) {
  if (ids.length) await tx.update(reviewAssignments).set({ remindedAt: sql`now()` }).where(inArray(reviewAssignments.id, ids));
}

// ---------------------------------------------------------------- defence

export const shortlistOf = (db: DbOrTx, callId: string) => db.select().from(defenceShortlist).where(eq(defenceShortlist.callId, callId));

export async function replaceShortlist(tx: DbOrTx, callId: string, applicationIds: string[], by: string) {
  await tx.delete(defenceShortlist).where(and(eq(defenceShortlist.callId, callId), sql`${defenceShortlist.applicationId} NOT IN (SELECT application_id FROM defence_slots)`));
  if (applicationIds.length) await tx.insert(defenceShortlist).values(applicationIds.map((applicationId) => ({ applicationId, callId, addedBy: by }))).onConflictDoNothing();
}

export const sessionsOf = (db: DbOrTx, callId: string) => db.select().from(defenceSessions).where(eq(defenceSessions.callId, callId)).orderBy(asc(defenceSessions.startsAt));
export async function slotsOf(db: DbOrTx, sessionIds: string[]) {
  if (!sessionIds.length) return [];
  return db.select().from(defenceSlots).where(inArray(defenceSlots.sessionId, sessionIds)).orderBy(asc(defenceSlots.startsAt));
}

export async function insertSession(tx: DbOrTx, session: typeof defenceSessions.$inferInsert, slots: Omit<typeof defenceSlots.$inferInsert, 'sessionId'>[]) {
  const [row] = await tx.insert(defenceSessions).values(session).returning();
  await tx.insert(defenceSlots).values(slots.map((s) => ({ ...s, sessionId: row!.id, notifiedAt: sql`now()` })));
  return row!;
}

export async function findSession(db: DbOrTx, id: string) {
  const [row] = await db.select().from(defenceSessions).where(eq(defenceSessions.id, id));
  return row ?? null;
}

export async function updateSlot(tx: DbOrTx, sessionId: string, applicationId: string, values: Pick<typeof defenceSlots.$inferInsert, 'panelScores' | 'panelRecommendation' | 'panelOpinion'>) {
  const rows = await tx
    .update(defenceSlots)
    .set(values)
    .where(and(eq(defenceSlots.sessionId, sessionId), eq(defenceSlots.applicationId, applicationId)))
    .returning({ id: defenceSlots.applicationId });
  return rows.length > 0;
}

// ---------------------------------------------------------------- decision, notice, objections

export async function findSelection(db: DbOrTx, callId: string, forUpdate = false): Promise<SelectionRow | null> {
  const q = db.select().from(selections).where(eq(selections.callId, callId));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

export async function findSelectionById(db: DbOrTx, id: string): Promise<SelectionRow | null> {
  const [row] = await db.select().from(selections).where(eq(selections.id, id));
  return row ?? null;
}

export const itemsOf = (db: DbOrTx, selectionId: string) => db.select().from(selectionItems).where(eq(selectionItems.selectionId, selectionId)).orderBy(asc(selectionItems.rank));

export async function insertSelection(tx: DbOrTx, row: typeof selections.$inferInsert): Promise<SelectionRow> {
  const [created] = await tx.insert(selections).values(row).returning();
  return created!;
}

export async function updateSelection(tx: DbOrTx, id: string, values: Partial<typeof selections.$inferInsert>) {
  await tx.update(selections).set(values).where(eq(selections.id, id));
}

export async function replaceItems(tx: DbOrTx, selectionId: string, items: { applicationId: string; outcome: string | null }[]) {
  await tx.delete(selectionItems).where(eq(selectionItems.selectionId, selectionId));
  if (items.length) await tx.insert(selectionItems).values(items.map((i, n) => ({ selectionId, applicationId: i.applicationId, outcome: i.outcome, rank: n + 1 })));
}

export async function removeItem(tx: DbOrTx, selectionId: string, applicationId: string) {
  await tx.delete(selectionItems).where(and(eq(selectionItems.selectionId, selectionId), eq(selectionItems.applicationId, applicationId)));
  // Close the gap so the published list is numbered 1..n.
  await tx.execute(sql`
    UPDATE selection_items s SET rank = n.rn FROM (
      SELECT application_id, row_number() OVER (ORDER BY rank) AS rn FROM selection_items WHERE selection_id = ${selectionId}
    ) n WHERE s.selection_id = ${selectionId} AND s.application_id = n.application_id`);
}

export const objectionsOf = (db: DbOrTx, selectionId: string) => db.select().from(objections).where(eq(objections.selectionId, selectionId)).orderBy(asc(objections.lodgedAt));

export async function findObjection(db: DbOrTx, id: string, forUpdate = false): Promise<ObjectionRow | null> {
  const q = db.select().from(objections).where(eq(objections.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

/** Lodged only while the period runs, by the database clock, in the same statement. */
export async function insertObjectionDuringNotice(tx: DbOrTx, row: typeof objections.$inferInsert): Promise<ObjectionRow | null> {
  const { rows } = await tx.execute<{ id: string }>(sql`
    INSERT INTO objections (selection_id, application_id, name, phone, email, content, evidence)
    SELECT ${row.selectionId}, ${row.applicationId ?? null}::uuid, ${row.name}, ${row.phone}, ${row.email ?? null}, ${row.content}, ${JSON.stringify(row.evidence ?? [])}::jsonb
    FROM selections s
    WHERE s.id = ${row.selectionId} AND s.status = 'public_notice' AND now() >= s.notice_starts_at AND now() < s.notice_ends_at
    RETURNING id`);
  return rows[0] ? findObjection(tx, rows[0].id) : null;
}

export async function resolveObjection(tx: DbOrTx, id: string, values: { status: 'upheld' | 'dismissed'; outcome: string; handledBy: string }) {
  await tx.update(objections).set({ ...values, handledAt: sql`now()` }).where(and(eq(objections.id, id), eq(objections.status, 'open')));
}

export async function publicSelections(db: DbOrTx) {
  return db.select().from(selections).where(inArray(selections.status, ['public_notice', 'published'])).orderBy(sql`coalesce(${selections.publishedAt}, ${selections.noticeStartsAt}) DESC`);
}

export async function insertBlobRecord(tx: DbOrTx, sha256: string, size: number, mime: string) {
  await tx.execute(sql`INSERT INTO blobs (sha256, size, mime) VALUES (${sha256}, ${size}, ${mime}) ON CONFLICT DO NOTHING`);
}

/** 公布: the selected applications become projects (the lifecycle module's table; it owns everything after this insert). */
export async function insertProjects(
  tx: DbOrTx,
  rows: { callId: string; applicationId: string; applicantOrganisationId: string; recommenderOrganisationId: string | null; name: string; outcome: string | null; documentNumber: string; demonstrationYears: number | null }[],
) {
  for (const r of rows) {
    await tx.execute(sql`
      INSERT INTO projects (call_id, application_id, applicant_organisation_id, recommender_organisation_id, name, outcome, selected_at, document_number, demonstration_ends_on)
      VALUES (${r.callId}, ${r.applicationId}, ${r.applicantOrganisationId}, ${r.recommenderOrganisationId}, ${r.name}, ${r.outcome}, now(), ${r.documentNumber},
              CASE WHEN ${r.demonstrationYears}::int IS NULL THEN NULL ELSE (now() + make_interval(years => ${r.demonstrationYears}::int))::date END)
      ON CONFLICT (application_id) DO NOTHING`);
  }
}
