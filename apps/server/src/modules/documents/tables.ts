import { bigint, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export type ExportJobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

/** 批量导出任务: one officer's ZIP of a call's (or one recommender's) applications, built in the background. */
export const exportJobs = pgTable(
  'export_jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: text('call_id').notNull(),
    /** Only the applications this recommender recommended (null: the whole call within the requester's scope). */
    recommenderOrganisationId: uuid('recommender_organisation_id'),
    requestedBy: uuid('requested_by').notNull(),
    requestedByOrganisationId: uuid('requested_by_organisation_id').notNull(),
    status: text('status').$type<ExportJobStatus>().notNull().default('queued'),
    total: integer('total').notNull().default(0),
    done: integer('done').notNull().default(0),
    /** Path of the finished ZIP under DATA_DIR, its size and SHA-256. */
    filePath: text('file_path'),
    fileSize: bigint('file_size', { mode: 'number' }),
    sha256: text('sha256'),
    error: text('error'),
    details: jsonb('details').$type<Record<string, unknown>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    cancelRequestedAt: timestamp('cancel_requested_at', { withTimezone: true }),
  },
  (t) => [index('export_jobs_requester_idx').on(t.requestedBy, t.createdAt)],
);
