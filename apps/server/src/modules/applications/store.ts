import { and, asc, desc, eq, inArray, notInArray, sql, type SQL } from 'drizzle-orm';
import type { ApplicationStatus } from '@shenbao/contracts';
import type { DbOrTx } from '../../platform/database.ts';
import { applicationCounters, applicationEvents, applicationFiles, applicationFillers, applications, applicationSubmissions, pendingUploads } from './tables.ts';

export type ApplicationRow = typeof applications.$inferSelect;

export async function insertApplication(db: DbOrTx, row: typeof applications.$inferInsert): Promise<ApplicationRow> {
  const [inserted] = await db.insert(applications).values(row).returning();
  return inserted!;
}

export async function findApplication(db: DbOrTx, id: string, forUpdate = false): Promise<ApplicationRow | null> {
  const query = db.select().from(applications).where(eq(applications.id, id));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function listApplications(db: DbOrTx, where: SQL | undefined) {
  return db.select().from(applications).where(where).orderBy(desc(applications.updatedAt)).limit(500);
}

export const byApplicant = (organisationId: string) => eq(applications.applicantOrganisationId, organisationId);
export const byRecommender = (organisationId: string) => and(eq(applications.recommenderOrganisationId, organisationId), notInArray(applications.status, ['draft']));
export const byCalls = (callIds: string[]) => and(inArray(applications.callId, callIds.length ? callIds : ['-']), notInArray(applications.status, ['draft']));
export const recommendedBy = (organisationIds: string[]) => and(inArray(applications.recommenderOrganisationId, organisationIds), eq(applications.status, 'recommended'));
export const assignedTo = (userId: string) => sql`${applications.id} IN (SELECT application_id FROM application_fillers WHERE user_id = ${userId})`;
export const inCall = (callId: string) => eq(applications.callId, callId);
export const hasStatus = (status: ApplicationStatus) => eq(applications.status, status);

/**
 * Write some answers of one section if, and only if, nobody saved that section since `baseVersion`.
 * One UPDATE: the version check and the write cannot be separated by another save.
 */
export async function saveSection(
  db: DbOrTx,
  id: string,
  sectionId: string,
  baseVersion: number,
  patch: Record<string, unknown>,
  saver: { userId: string; name: string },
  denormalised: { projectName?: string | null; directionId?: string | null },
): Promise<{ version: number; savedAt: Date; answers: Record<string, unknown> } | null> {
  const result = await db.execute<{ version: number; updated_at: Date; answers: Record<string, unknown> }>(sql`
    UPDATE applications SET
      answers = answers || ${JSON.stringify(patch)}::jsonb,
      section_versions = section_versions || jsonb_build_object(${sectionId}::text, ${baseVersion + 1}::int),
      section_saves = section_saves || jsonb_build_object(${sectionId}::text, jsonb_build_object('userId', ${saver.userId}::text, 'name', ${saver.name}::text, 'at', now())),
      project_name = ${denormalised.projectName === undefined ? sql`project_name` : sql`${denormalised.projectName}`},
      direction_id = ${denormalised.directionId === undefined ? sql`direction_id` : sql`${denormalised.directionId}`},
      updated_at = now()
    WHERE id = ${id}
      AND status IN ('draft', 'returned', 'withdrawn')
      AND COALESCE((section_versions ->> ${sectionId})::int, 0) = ${baseVersion}
    RETURNING (section_versions ->> ${sectionId})::int AS version, updated_at, answers`);
  const row = result.rows[0];
  return row ? { version: row.version, savedAt: new Date(row.updated_at), answers: row.answers } : null;
}

export async function updateApplication(db: DbOrTx, id: string, values: Partial<typeof applications.$inferInsert>) {
  await db.update(applications).set({ ...values, updatedAt: sql`now()` }).where(eq(applications.id, id));
}

export async function setFillers(db: DbOrTx, applicationId: string, userIds: string[]) {
  await db.delete(applicationFillers).where(eq(applicationFillers.applicationId, applicationId));
  if (userIds.length) await db.insert(applicationFillers).values(userIds.map((userId) => ({ applicationId, userId })));
}

export async function fillersOf(db: DbOrTx, applicationId: string): Promise<string[]> {
  return (await db.select({ userId: applicationFillers.userId }).from(applicationFillers).where(eq(applicationFillers.applicationId, applicationId))).map((r) => r.userId);
}

export async function insertEvent(db: DbOrTx, row: typeof applicationEvents.$inferInsert) {
  await db.insert(applicationEvents).values(row);
}

export async function eventsOf(db: DbOrTx, applicationId: string) {
  return db.select().from(applicationEvents).where(eq(applicationEvents.applicationId, applicationId)).orderBy(asc(applicationEvents.id));
}

export async function submissionsOf(db: DbOrTx, applicationId: string) {
  return db.select().from(applicationSubmissions).where(eq(applicationSubmissions.applicationId, applicationId)).orderBy(asc(applicationSubmissions.seq));
}

/** Every submission of the application with this 申报编号 (for the public check of a printed copy: no content). */
export async function submissionsByNumber(db: DbOrTx, number: string) {
  return db
    .select({ callId: applications.callId, seq: applicationSubmissions.seq, sha256: applicationSubmissions.sha256, submittedAt: applicationSubmissions.submittedAt })
    .from(applicationSubmissions)
    .innerJoin(applications, eq(applications.id, applicationSubmissions.applicationId))
    .where(eq(applications.number, number))
    .orderBy(asc(applicationSubmissions.seq));
}

export async function findSubmissionByKey(db: DbOrTx, applicationId: string, key: string) {
  const [row] = await db
    .select()
    .from(applicationSubmissions)
    .where(and(eq(applicationSubmissions.applicationId, applicationId), eq(applicationSubmissions.idempotencyKey, key)));
  return row ?? null;
}

export async function insertSubmission(db: DbOrTx, row: typeof applicationSubmissions.$inferInsert) {
  await db.insert(applicationSubmissions).values(row);
}

/** The next 申报编号 of a call, counted in the submitting transaction. */
export async function nextNumber(db: DbOrTx, callId: string): Promise<number> {
  const result = await db.execute<{ n: number }>(sql`
    INSERT INTO application_counters (call_id, next) VALUES (${callId}, 2)
    ON CONFLICT (call_id) DO UPDATE SET next = application_counters.next + 1
    RETURNING next - 1 AS n`);
  return result.rows[0]!.n;
}
void applicationCounters;

export async function filesOf(db: DbOrTx, applicationId: string) {
  return db.select().from(applicationFiles).where(eq(applicationFiles.applicationId, applicationId));
}

export async function insertFile(db: DbOrTx, row: typeof applicationFiles.$inferInsert) {
  const [inserted] = await db.insert(applicationFiles).values(row).returning();
  return inserted!;
}

export async function insertPendingUpload(db: DbOrTx, row: typeof pendingUploads.$inferInsert) {
  await db.insert(pendingUploads).values(row);
}

export async function findPendingUpload(db: DbOrTx, id: string) {
  const [row] = await db.select().from(pendingUploads).where(eq(pendingUploads.id, id));
  return row ?? null;
}

export async function deletePendingUpload(db: DbOrTx, id: string) {
  await db.delete(pendingUploads).where(eq(pendingUploads.id, id));
}

/** The applicant's other applications, as rules read them ($applications). */
export async function otherApplicationsOf(db: DbOrTx, organisationId: string, exceptId: string | null) {
  return db
    .select({
      id: applications.id,
      callId: applications.callId,
      directionId: applications.directionId,
      projectName: applications.projectName,
      status: applications.status,
    })
    .from(applications)
    .where(
      and(
        eq(applications.applicantOrganisationId, organisationId),
        // Selected ones too: rules ask about earlier projects (示范期, 验收, 处理).
        inArray(applications.status, ['submitted', 'returned', 'passed', 'recommended', 'admitted', 'selected']),
        exceptId ? sql`${applications.id} <> ${exceptId}` : undefined,
      ),
    );
}
