import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/database.ts';
import { exportJobs } from './tables.ts';

/** Every SQL statement of the bulk export (批量导出): its jobs, and the applications a job may put in its ZIP. */

export type ExportJobRow = typeof exportJobs.$inferSelect;

/**
 * Which applications of the call a job exports, fixed when it is created (so a job that runs later or on another
 * process exports what its requester was entitled to):
 * - call: every submitted application of the call (the call's owner);
 * - recommender: one recommender's — those it reviews and those in its recommendations (the owner choosing one);
 * - own: a recommender's own jurisdiction, plus what the recommenders below it recommended (the province round);
 * - recommendedBy: what one recommender below the requester recommended (a province choosing one of its cities).
 */
export type ExportScope =
  | { mode: 'call' }
  | { mode: 'recommender'; organisationId: string }
  | { mode: 'own'; organisationId: string }
  | { mode: 'recommendedBy'; organisationId: string };

/** What a job keeps in `details`: its scope, where its file lives, the words shown for it, the run's heartbeat. */
export interface ExportDetails {
  scope: ExportScope;
  /** Only processes with this export directory run the job (it writes and serves the file there). */
  exportDir: string;
  callTitle: string;
  scopeLabel: string;
  fileName: string;
  heartbeatAt?: string;
  attempts?: number;
  [key: string]: unknown;
}

export const detailsOf = (job: ExportJobRow) => (job.details ?? {}) as ExportDetails;

function scopeSql(callId: string, scope: ExportScope): SQL {
  const inCall = sql`a.call_id = ${callId} AND a.status <> 'draft'`;
  switch (scope.mode) {
    case 'call':
      return inCall;
    case 'recommender':
      return sql`${inCall} AND (a.recommender_organisation_id = ${scope.organisationId} OR a.id IN (
        SELECT ri.application_id FROM recommendation_items ri JOIN recommendations r ON r.id = ri.recommendation_id
        WHERE r.call_id = ${callId} AND r.recommender_organisation_id = ${scope.organisationId}))`;
    case 'own':
      return sql`${inCall} AND (a.recommender_organisation_id = ${scope.organisationId} OR (a.status = 'recommended' AND a.recommender_organisation_id IN (
        SELECT o.id FROM organisations o WHERE ${scope.organisationId}::uuid = ANY(o.ancestor_ids))))`;
    case 'recommendedBy':
      return sql`${inCall} AND a.status = 'recommended' AND a.recommender_organisation_id = ${scope.organisationId}`;
  }
}

/** The recommender whose ranking orders the summary table: the scope's, or each application's own. */
const rankingOrganisation = (scope: ExportScope) => (scope.mode === 'call' || scope.mode === 'recommendedBy' ? sql`a.recommender_organisation_id` : sql`${scope.organisationId}::uuid`);

export async function countInScope(db: DbOrTx, callId: string, scope: ExportScope): Promise<number> {
  const result = await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM applications a WHERE ${scopeSql(callId, scope)}`);
  return result.rows[0]?.n ?? 0;
}

/** One application as the export writes it: its last submitted snapshot, names, and its rank where it has one. */
export interface ExportApplication {
  id: string;
  number: string | null;
  status: string;
  formId: string;
  directionId: string | null;
  applicantOrganisationId: string;
  applicantName: string;
  applicantFacts: Record<string, unknown>;
  recommenderName: string | null;
  rank: number | null;
  submittedAt: Date | null;
  seq: number | null;
  sha256: string | null;
  snapshot: Record<string, unknown> | null;
  answers: Record<string, unknown>;
}

/**
 * A page of the scope in 申报编号 order (keyset: after the last number and id seen), so 1,000 applications never sit
 * in memory at once.
 */
export async function applicationsPage(db: DbOrTx, callId: string, scope: ExportScope, after: { number: string; id: string } | null, limit: number): Promise<ExportApplication[]> {
  const result = await db.execute<{
    id: string;
    number: string | null;
    status: string;
    form_id: string;
    direction_id: string | null;
    applicant_organisation_id: string;
    applicant_name: string;
    applicant_facts: Record<string, unknown>;
    recommender_name: string | null;
    rank: number | null;
    submitted_at: Date | null;
    seq: number | null;
    sha256: string | null;
    snapshot: Record<string, unknown> | null;
    answers: Record<string, unknown>;
  }>(sql`
    SELECT a.id, a.number, a.status, a.form_id, a.direction_id, a.applicant_organisation_id, a.answers, a.submitted_at,
           ao.name AS applicant_name,
           jsonb_build_object('id', ao.id, 'name', ao.name, 'kind', ao.kind, 'creditCode', ao.credit_code, 'divisionCode', ao.division_code, 'regionClass', ao.region_class) AS applicant_facts,
           ro.name AS recommender_name,
           (SELECT min(ri.rank) FROM recommendation_items ri JOIN recommendations r ON r.id = ri.recommendation_id
             WHERE ri.application_id = a.id AND r.call_id = a.call_id AND r.recommender_organisation_id = ${rankingOrganisation(scope)}) AS rank,
           s.seq, s.sha256, s.snapshot
    FROM applications a
    JOIN organisations ao ON ao.id = a.applicant_organisation_id
    LEFT JOIN organisations ro ON ro.id = a.recommender_organisation_id
    LEFT JOIN LATERAL (SELECT seq, sha256, snapshot FROM application_submissions WHERE application_id = a.id ORDER BY seq DESC LIMIT 1) s ON true
    WHERE ${scopeSql(callId, scope)}
      ${after ? sql`AND (COALESCE(a.number, ''), a.id) > (${after.number}, ${after.id}::uuid)` : sql``}
    ORDER BY COALESCE(a.number, ''), a.id
    LIMIT ${limit}`);
  return result.rows.map((r) => ({
    id: r.id,
    number: r.number,
    status: r.status,
    formId: r.form_id,
    directionId: r.direction_id,
    applicantOrganisationId: r.applicant_organisation_id,
    applicantName: r.applicant_name,
    applicantFacts: r.applicant_facts,
    recommenderName: r.recommender_name,
    rank: r.rank,
    submittedAt: r.submitted_at ? new Date(r.submitted_at) : null,
    seq: r.seq,
    sha256: r.sha256,
    snapshot: r.snapshot,
    answers: r.answers,
  }));
}

/** The attachment slot (field id) of each uploaded file. */
export async function fileFields(db: DbOrTx, fileIds: string[]): Promise<Map<string, string>> {
  if (fileIds.length === 0) return new Map();
  const result = await db.execute<{ id: string; field_id: string }>(sql`SELECT id, field_id FROM application_files WHERE id::text = ANY(${`{${fileIds.join(',')}}`}::text[])`);
  return new Map(result.rows.map((r) => [r.id, r.field_id]));
}

export async function organisationName(db: DbOrTx, id: string): Promise<string | null> {
  const result = await db.execute<{ name: string }>(sql`SELECT name FROM organisations WHERE id = ${id}`);
  return result.rows[0]?.name ?? null;
}

// ---------------------------------------------------------------- jobs

export async function insertJob(db: DbOrTx, row: typeof exportJobs.$inferInsert): Promise<ExportJobRow> {
  const [inserted] = await db.insert(exportJobs).values(row).returning();
  return inserted!;
}

export async function findJob(db: DbOrTx, id: string, forUpdate = false): Promise<ExportJobRow | null> {
  const q = db.select().from(exportJobs).where(eq(exportJobs.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

export async function jobsOf(db: DbOrTx, userId: string, limit = 50): Promise<ExportJobRow[]> {
  return db.select().from(exportJobs).where(eq(exportJobs.requestedBy, userId)).orderBy(desc(exportJobs.createdAt)).limit(limit);
}

/**
 * Claim the oldest queued job of this export directory — or a running one whose process stopped sending its
 * heartbeat (crashed or restarted) — with FOR UPDATE SKIP LOCKED, so two processes never claim the same job.
 */
export async function claimNext(db: DbOrTx, exportDir: string, staleSeconds: number): Promise<ExportJobRow | null> {
  const result = await db.execute<{ id: string }>(sql`
    UPDATE export_jobs j SET status = 'running', started_at = now(), done = 0, error = NULL,
      details = COALESCE(j.details, '{}'::jsonb) || jsonb_build_object('heartbeatAt', now(), 'attempts', COALESCE((j.details ->> 'attempts')::int, 0) + 1)
    WHERE j.id = (
      SELECT id FROM export_jobs
      WHERE details ->> 'exportDir' = ${exportDir} AND cancel_requested_at IS NULL
        AND (status = 'queued' OR (status = 'running' AND (details ->> 'heartbeatAt')::timestamptz < now() - make_interval(secs => ${staleSeconds})))
      ORDER BY created_at
      FOR UPDATE SKIP LOCKED
      LIMIT 1)
    RETURNING j.id`);
  const id = result.rows[0]?.id;
  return id ? findJob(db, id) : null;
}

/** Running jobs whose process died after a cancel was asked for: they end as cancelled (their partial files are removed by the caller). */
export async function cancelOrphans(db: DbOrTx, exportDir: string, staleSeconds: number): Promise<string[]> {
  const result = await db.execute<{ id: string }>(sql`
    UPDATE export_jobs SET status = 'cancelled', finished_at = now()
    WHERE status = 'running' AND cancel_requested_at IS NOT NULL AND details ->> 'exportDir' = ${exportDir}
      AND (details ->> 'heartbeatAt')::timestamptz < now() - make_interval(secs => ${staleSeconds})
    RETURNING id`);
  return result.rows.map((r) => r.id);
}

/** Progress and heartbeat in one statement; answers whether a cancel has been asked for (null: the job is no longer ours). */
export async function reportProgress(db: DbOrTx, id: string, done: number): Promise<{ cancelRequested: boolean } | null> {
  const result = await db.execute<{ cancel_requested_at: Date | null }>(sql`
    UPDATE export_jobs SET done = ${done}, details = COALESCE(details, '{}'::jsonb) || jsonb_build_object('heartbeatAt', now())
    WHERE id = ${id} AND status = 'running'
    RETURNING cancel_requested_at`);
  const row = result.rows[0];
  return row ? { cancelRequested: row.cancel_requested_at !== null } : null;
}

export async function finishJob(db: DbOrTx, id: string, file: { filePath: string; fileSize: number; sha256: string; done: number }): Promise<boolean> {
  const rows = await db
    .update(exportJobs)
    .set({ status: 'done', filePath: file.filePath, fileSize: file.fileSize, sha256: file.sha256, done: file.done, finishedAt: new Date() })
    .where(and(eq(exportJobs.id, id), eq(exportJobs.status, 'running')))
    .returning({ id: exportJobs.id });
  return rows.length > 0;
}

export async function failJob(db: DbOrTx, id: string, error: string): Promise<void> {
  await db.update(exportJobs).set({ status: 'failed', error, finishedAt: new Date() }).where(and(eq(exportJobs.id, id), eq(exportJobs.status, 'running')));
}

export async function markCancelled(db: DbOrTx, id: string): Promise<void> {
  await db.update(exportJobs).set({ status: 'cancelled', finishedAt: new Date() }).where(and(eq(exportJobs.id, id), sql`${exportJobs.status} IN ('queued', 'running')`));
}

/** A process shutting down hands its job back to the queue; another process (or this one after its restart) runs it again. */
export async function requeueJob(db: DbOrTx, id: string): Promise<void> {
  await db.update(exportJobs).set({ status: 'queued', done: 0, startedAt: null }).where(and(eq(exportJobs.id, id), eq(exportJobs.status, 'running')));
}

/** 取消: a queued job ends at once; a running one is asked to stop (its runner sees the mark between files). */
export async function requestCancel(db: DbOrTx, id: string): Promise<ExportJobRow | null> {
  const [row] = await db
    .update(exportJobs)
    .set({
      status: sql`CASE WHEN ${exportJobs.status} = 'queued' THEN 'cancelled' ELSE ${exportJobs.status} END`,
      finishedAt: sql`CASE WHEN ${exportJobs.status} = 'queued' THEN now() ELSE ${exportJobs.finishedAt} END`,
      cancelRequestedAt: sql`now()`,
    })
    .where(and(eq(exportJobs.id, id), sql`${exportJobs.status} IN ('queued', 'running')`))
    .returning();
  return row ?? null;
}

/** Finished ZIPs older than the retention period: their paths, now forgotten by their jobs (the caller deletes the files). */
export async function expireFiles(db: DbOrTx, exportDir: string, days: number): Promise<string[]> {
  const result = await db.execute<{ file_path: string }>(sql`
    UPDATE export_jobs j SET file_path = NULL, details = COALESCE(j.details, '{}'::jsonb) || jsonb_build_object('expiredAt', now())
    FROM (SELECT id, file_path FROM export_jobs
          WHERE status = 'done' AND file_path IS NOT NULL AND details ->> 'exportDir' = ${exportDir}
            AND finished_at < now() - make_interval(days => ${days})
          FOR UPDATE SKIP LOCKED) old
    WHERE j.id = old.id
    RETURNING old.file_path`);
  return result.rows.map((r) => r.file_path);
}
