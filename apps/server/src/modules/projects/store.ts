import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { uuidArray, type DbOrTx } from '../../platform/database.ts';
import {
  acceptanceReviews,
  acceptances,
  ledgerItems,
  organisationBans,
  projectAgreements,
  projectEvents,
  projectFiles,
  projectPlans,
  projectReminders,
  projectReports,
  projects,
  projectSanctions,
  projectSignatures,
  subsidyPayments,
} from './tables.ts';

export type ProjectRow = typeof projects.$inferSelect;
export type PlanRow = typeof projectPlans.$inferSelect;
export type AgreementRow = typeof projectAgreements.$inferSelect;
export type ReportRow = typeof projectReports.$inferSelect;
export type LedgerRow = typeof ledgerItems.$inferSelect;
export type AcceptanceRow = typeof acceptances.$inferSelect;
export type ReviewRow = typeof acceptanceReviews.$inferSelect;
export type PaymentRow = typeof subsidyPayments.$inferSelect;
export type SanctionRow = typeof projectSanctions.$inferSelect;
export type BanRow = typeof organisationBans.$inferSelect;
export type FileRow = typeof projectFiles.$inferSelect;

// ---------------------------------------------------------------- projects

export async function findProject(db: DbOrTx, id: string, forUpdate = false): Promise<ProjectRow | null> {
  const q = db.select().from(projects).where(eq(projects.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

/** Scopes for the list, each one SQL condition (OR-ed by the caller). */
export const ofApplicants = (organisationIds: string[]) => inArray(projects.applicantOrganisationId, organisationIds.length ? organisationIds : ['00000000-0000-0000-0000-000000000000']);
export const ofRecommender = (organisationId: string) => eq(projects.recommenderOrganisationId, organisationId);
export const ofCalls = (callIds: string[]) => inArray(projects.callId, callIds.length ? callIds : ['-']);
export const onPanel = (userId: string) => sql`${projects.id} IN (SELECT project_id FROM acceptances WHERE ${userId}::uuid = ANY(panel_expert_ids))`;

export async function listProjects(db: DbOrTx, scope: SQL | undefined, filter: { callId?: string; status?: string }) {
  return db
    .select()
    .from(projects)
    .where(and(scope, filter.callId ? eq(projects.callId, filter.callId) : undefined, filter.status ? eq(projects.status, filter.status as ProjectRow['status']) : undefined))
    .orderBy(desc(projects.selectedAt), asc(projects.name))
    .limit(1000);
}

export async function updateProject(db: DbOrTx, id: string, values: Partial<typeof projects.$inferInsert>) {
  await db.update(projects).set(values).where(eq(projects.id, id));
}

/** Projects made from these applications (the $applications facts of eligibility rules). */
export async function projectsOfApplications(db: DbOrTx, applicationIds: string[]) {
  if (!applicationIds.length) return [];
  const { rows } = await db.execute<{ application_id: string; status: ProjectRow['status']; demonstration_ends_on: string | null; sanctioned: boolean }>(sql`
    SELECT p.application_id, p.status, p.demonstration_ends_on::text AS demonstration_ends_on,
           EXISTS (SELECT 1 FROM project_sanctions s WHERE s.project_id = p.id) AS sanctioned
    FROM projects p WHERE p.application_id = ANY(${uuidArray(applicationIds)})`);
  return rows;
}

// ---------------------------------------------------------------- files

export async function insertFile(db: DbOrTx, row: typeof projectFiles.$inferInsert): Promise<FileRow> {
  const [inserted] = await db.insert(projectFiles).values(row).returning();
  return inserted!;
}

export async function filesOf(db: DbOrTx, projectId: string, ids?: string[]): Promise<FileRow[]> {
  if (ids && ids.length === 0) return [];
  return db
    .select()
    .from(projectFiles)
    .where(and(eq(projectFiles.projectId, projectId), ids ? inArray(projectFiles.id, ids) : undefined));
}

// ---------------------------------------------------------------- plan and agreement

export async function plansOf(db: DbOrTx, projectId: string): Promise<PlanRow[]> {
  return db.select().from(projectPlans).where(eq(projectPlans.projectId, projectId)).orderBy(asc(projectPlans.seq));
}

export async function insertPlan(db: DbOrTx, row: typeof projectPlans.$inferInsert) {
  await db.insert(projectPlans).values(row);
}

export async function updatePlan(db: DbOrTx, id: string, values: Partial<typeof projectPlans.$inferInsert>) {
  await db.update(projectPlans).set(values).where(eq(projectPlans.id, id));
}

export async function findAgreement(db: DbOrTx, projectId: string): Promise<AgreementRow | null> {
  const [row] = await db.select().from(projectAgreements).where(eq(projectAgreements.projectId, projectId));
  return row ?? null;
}

export async function upsertAgreement(db: DbOrTx, row: typeof projectAgreements.$inferInsert) {
  const { projectId: _projectId, ...rest } = row;
  await db.insert(projectAgreements).values(row).onConflictDoUpdate({ target: projectAgreements.projectId, set: { ...rest, effectiveAt: null } });
}

export async function setAgreementEffective(db: DbOrTx, projectId: string, at: Date) {
  await db.update(projectAgreements).set({ effectiveAt: at }).where(eq(projectAgreements.projectId, projectId));
}

export async function signaturesOf(db: DbOrTx, projectId: string) {
  return db.select().from(projectSignatures).where(eq(projectSignatures.projectId, projectId)).orderBy(asc(projectSignatures.signedAt));
}

export async function insertSignature(db: DbOrTx, row: typeof projectSignatures.$inferInsert): Promise<boolean> {
  const inserted = await db.insert(projectSignatures).values(row).onConflictDoNothing().returning({ party: projectSignatures.party });
  return inserted.length > 0;
}

// ---------------------------------------------------------------- reports and reminders

export async function reportsOf(db: DbOrTx, projectIds: string[]): Promise<ReportRow[]> {
  if (!projectIds.length) return [];
  return db.select().from(projectReports).where(inArray(projectReports.projectId, projectIds)).orderBy(asc(projectReports.year), asc(projectReports.quarter));
}

export async function insertReport(db: DbOrTx, row: typeof projectReports.$inferInsert): Promise<ReportRow | null> {
  const [inserted] = await db.insert(projectReports).values(row).onConflictDoNothing().returning();
  return inserted ?? null;
}

/** Claim one reminder; false when it was already sent (by this or another process). */
export async function claimReminder(db: DbOrTx, projectId: string, key: string): Promise<boolean> {
  const inserted = await db.insert(projectReminders).values({ projectId, key }).onConflictDoNothing().returning({ key: projectReminders.key });
  return inserted.length > 0;
}

export async function activeProjects(db: DbOrTx): Promise<ProjectRow[]> {
  return db.select().from(projects).where(inArray(projects.status, ['implementing', 'rectifying']));
}

// ---------------------------------------------------------------- ledger

export async function ledgerOf(db: DbOrTx, projectId: string): Promise<LedgerRow[]> {
  return db.select().from(ledgerItems).where(eq(ledgerItems.projectId, projectId)).orderBy(asc(ledgerItems.createdAt), asc(ledgerItems.id));
}

export async function findLedgerItem(db: DbOrTx, projectId: string, id: string): Promise<LedgerRow | null> {
  const [row] = await db.select().from(ledgerItems).where(and(eq(ledgerItems.projectId, projectId), eq(ledgerItems.id, id)));
  return row ?? null;
}

export async function insertLedgerItem(db: DbOrTx, row: typeof ledgerItems.$inferInsert): Promise<LedgerRow> {
  const [inserted] = await db.insert(ledgerItems).values(row).returning();
  return inserted!;
}

/** Update a row only if nobody changed it since `version`. */
export async function updateLedgerItem(db: DbOrTx, id: string, version: number, values: Partial<typeof ledgerItems.$inferInsert>): Promise<LedgerRow | null> {
  const [row] = await db
    .update(ledgerItems)
    .set({ ...values, version: sql`${ledgerItems.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(ledgerItems.id, id), eq(ledgerItems.version, version)))
    .returning();
  return row ?? null;
}

export async function deleteLedgerItem(db: DbOrTx, id: string) {
  await db.delete(ledgerItems).where(eq(ledgerItems.id, id));
}

/** The same invoice number of the same supplier in the ledger of any other project on the platform. */
export async function reusedInvoices(db: DbOrTx, projectId: string) {
  const { rows } = await db.execute<{
    item_id: string;
    other_item_id: string;
    other_project_id: string;
    other_project_name: string;
    other_call_id: string;
    other_applicant_id: string;
    other_invoice_no: string;
    other_supplier: string;
    other_invoice_amount_wan: string | null;
  }>(sql`
    SELECT a.id AS item_id, b.id AS other_item_id, p.id AS other_project_id, p.name AS other_project_name, p.call_id AS other_call_id,
           p.applicant_organisation_id AS other_applicant_id, b.invoice_no AS other_invoice_no, b.supplier AS other_supplier,
           b.invoice_amount_wan::text AS other_invoice_amount_wan
    FROM ledger_items a
    JOIN ledger_items b ON b.invoice_key = a.invoice_key AND b.supplier_key = a.supplier_key AND b.project_id <> a.project_id
    JOIN projects p ON p.id = b.project_id
    WHERE a.project_id = ${projectId} AND a.invoice_key IS NOT NULL AND a.supplier_key IS NOT NULL
    ORDER BY a.created_at, p.selected_at`);
  return rows;
}

/** Ledger sums per project (for the list's risk flags). */
export async function ledgerTotals(db: DbOrTx, projectIds: string[]): Promise<Map<string, string>> {
  if (!projectIds.length) return new Map();
  const { rows } = await db.execute<{ project_id: string; total: string }>(sql`
    SELECT project_id, sum(amount_wan)::text AS total FROM ledger_items WHERE project_id = ANY(${uuidArray(projectIds)}) GROUP BY project_id`);
  return new Map(rows.map((r) => [r.project_id, r.total]));
}

// ---------------------------------------------------------------- acceptance

export async function acceptancesOf(db: DbOrTx, projectIds: string[]): Promise<AcceptanceRow[]> {
  if (!projectIds.length) return [];
  return db.select().from(acceptances).where(inArray(acceptances.projectId, projectIds)).orderBy(asc(acceptances.round));
}

export async function findAcceptance(db: DbOrTx, projectId: string, round: number, forUpdate = false): Promise<AcceptanceRow | null> {
  const q = db.select().from(acceptances).where(and(eq(acceptances.projectId, projectId), eq(acceptances.round, round)));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

export async function insertAcceptance(db: DbOrTx, row: typeof acceptances.$inferInsert) {
  await db.insert(acceptances).values(row);
}

export async function updateAcceptance(db: DbOrTx, id: string, values: Partial<typeof acceptances.$inferInsert>) {
  await db.update(acceptances).set(values).where(eq(acceptances.id, id));
}

export async function reviewsOf(db: DbOrTx, acceptanceIds: string[]): Promise<ReviewRow[]> {
  if (!acceptanceIds.length) return [];
  return db.select().from(acceptanceReviews).where(inArray(acceptanceReviews.acceptanceId, acceptanceIds));
}

export async function upsertReview(db: DbOrTx, row: typeof acceptanceReviews.$inferInsert) {
  const { acceptanceId: _a, expertUserId: _e, ...rest } = row;
  await db
    .insert(acceptanceReviews)
    .values(row)
    .onConflictDoUpdate({ target: [acceptanceReviews.acceptanceId, acceptanceReviews.expertUserId], set: { ...rest, submittedAt: sql`now()` } });
}

export async function deleteReviews(db: DbOrTx, acceptanceId: string, expertUserIds: string[]) {
  if (!expertUserIds.length) return;
  await db.delete(acceptanceReviews).where(and(eq(acceptanceReviews.acceptanceId, acceptanceId), inArray(acceptanceReviews.expertUserId, expertUserIds)));
}

// ---------------------------------------------------------------- money, sanctions, bans

export async function paymentsOf(db: DbOrTx, projectId: string): Promise<PaymentRow[]> {
  return db.select().from(subsidyPayments).where(eq(subsidyPayments.projectId, projectId)).orderBy(asc(subsidyPayments.paidOn), asc(subsidyPayments.recordedAt));
}

export async function insertPayment(db: DbOrTx, row: typeof subsidyPayments.$inferInsert) {
  await db.insert(subsidyPayments).values(row);
}

/** A text[] parameter of call ids (pack ids: lower-case letters, digits, - and _). */
function callIdArray(ids: string[]) {
  if (!ids.every((id) => /^[a-z0-9][a-z0-9_-]*$/.test(id))) throw new Error('callIdArray: not a call id');
  return sql`${`{${ids.join(',')}}`}::text[]`;
}

/** Payments per call, recommender (the city) and year of payment, within a set of calls. */
export async function paymentTotals(db: DbOrTx, callIds: string[], year: number | null) {
  if (!callIds.length) return [];
  const { rows } = await db.execute<{ call_id: string; recommender_organisation_id: string | null; year: number; kind: string; total: string; projects: number }>(sql`
    SELECT p.call_id, p.recommender_organisation_id, extract(year FROM s.paid_on)::int AS year, s.kind,
           sum(s.amount_wan)::text AS total, count(DISTINCT p.id)::int AS projects
    FROM subsidy_payments s JOIN projects p ON p.id = s.project_id
    WHERE p.call_id = ANY(${callIdArray(callIds)}) ${year ? sql`AND extract(year FROM s.paid_on) = ${year}` : sql``}
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3`);
  return rows;
}

export async function sanctionsOf(db: DbOrTx, projectId: string): Promise<SanctionRow[]> {
  return db.select().from(projectSanctions).where(eq(projectSanctions.projectId, projectId)).orderBy(asc(projectSanctions.decidedAt));
}

export async function insertSanction(db: DbOrTx, row: typeof projectSanctions.$inferInsert): Promise<SanctionRow> {
  const [inserted] = await db.insert(projectSanctions).values(row).returning();
  return inserted!;
}

export async function insertBan(db: DbOrTx, row: typeof organisationBans.$inferInsert) {
  await db.insert(organisationBans).values(row);
}

export async function bansOf(db: DbOrTx, organisationIds: string[] | null) {
  const { rows } = await db.execute<{ id: string; organisation_id: string; reason: string; starts_at: Date; ends_at: Date; project_id: string | null; project_name: string | null }>(sql`
    SELECT b.id, b.organisation_id, b.reason, b.starts_at, b.ends_at, s.project_id, p.name AS project_name
    FROM organisation_bans b
    LEFT JOIN project_sanctions s ON s.id = b.sanction_id
    LEFT JOIN projects p ON p.id = s.project_id
    ${organisationIds ? sql`WHERE b.organisation_id = ANY(${uuidArray(organisationIds)})` : sql``}
    ORDER BY b.ends_at DESC`);
  return rows;
}

// ---------------------------------------------------------------- history

export async function insertEvent(db: DbOrTx, row: typeof projectEvents.$inferInsert) {
  await db.insert(projectEvents).values(row);
}

export async function eventsOf(db: DbOrTx, projectId: string) {
  return db.select().from(projectEvents).where(eq(projectEvents.projectId, projectId)).orderBy(asc(projectEvents.id));
}

/** The database clock: deadlines and "late" are the server's call, never the browser's. */
export async function now(db: DbOrTx): Promise<Date> {
  const result = await db.execute<{ now: Date }>(sql`SELECT now() AS now`);
  return new Date(result.rows[0]!.now);
}
