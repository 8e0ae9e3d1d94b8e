import { sql } from 'drizzle-orm';
import { bigint, bigserial, index, integer, jsonb, pgTable, primaryKey, real, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import type { ApplicationStatus } from '@shenbao/contracts';

/** 申报: one applicant's application to one call, through one form and channel. */
export const applications = pgTable(
  'applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: text('call_id').notNull(),
    packVersion: integer('pack_version').notNull(),
    formId: text('form_id').notNull(),
    channelId: text('channel_id').notNull(),
    applicantOrganisationId: uuid('applicant_organisation_id').notNull(),
    /** The 推荐单位 that reviews it, resolved from the channel when the draft is created. */
    recommenderOrganisationId: uuid('recommender_organisation_id'),
    status: text('status').$type<ApplicationStatus>().notNull(),
    number: text('number'), // 申报编号, from the first submission on
    answers: jsonb('answers').$type<Record<string, unknown>>().notNull(),
    /** Optimistic lock per form section: { sectionId: version }. */
    sectionVersions: jsonb('section_versions').$type<Record<string, number>>().notNull().default(sql`'{}'::jsonb`),
    /** Who saved each section last, for the conflict message. */
    sectionSaves: jsonb('section_saves').$type<Record<string, { userId: string; name: string; at: string }>>().notNull().default(sql`'{}'::jsonb`),
    projectName: text('project_name'),
    directionId: text('direction_id'),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    returnOpinion: jsonb('return_opinion').$type<{ opinion: string; fields: string[]; revisionDeadline: string | null; at: string; by: string | null } | null>(),
  },
  (t) => [
    index('applications_applicant_idx').on(t.applicantOrganisationId),
    index('applications_recommender_idx').on(t.recommenderOrganisationId, t.callId),
    index('applications_call_idx').on(t.callId),
    unique('applications_number_unique').on(t.callId, t.number),
  ],
);

/** 填报人 assigned by the applicant admin. */
export const applicationFillers = pgTable(
  'application_fillers',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    userId: uuid('user_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.userId] })],
);

/** 提交快照: immutable, hashed copy of what was submitted; every submission is kept. */
export const applicationSubmissions = pgTable(
  'application_submissions',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    seq: integer('seq').notNull(),
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
    sha256: text('sha256').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    submittedBy: uuid('submitted_by').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.seq] }), unique('application_submissions_idempotency_unique').on(t.applicationId, t.idempotencyKey)],
);

/** The history an applicant sees: status changes with opinions. (The audit log keeps the full record.) */
export const applicationEvents = pgTable(
  'application_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    type: text('type').notNull(),
    actorUserId: uuid('actor_user_id'),
    actorOrganisationId: uuid('actor_organisation_id'),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    opinion: text('opinion'),
    fields: jsonb('fields').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
  },
  (t) => [index('application_events_application_idx').on(t.applicationId)],
);

/** Files attached to an application (content in the blob store, by SHA-256). */
export const applicationFiles = pgTable(
  'application_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    fieldId: text('field_id').notNull(),
    name: text('name').notNull(),
    sha256: text('sha256').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    mime: text('mime').notNull(),
    durationSeconds: real('duration_seconds'),
    uploadedBy: uuid('uploaded_by').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('application_files_application_idx').on(t.applicationId)],
);

/** Resumable uploads in progress (tus): who started them, for which application field. */
export const pendingUploads = pgTable('pending_uploads', {
  id: text('id').primaryKey(),
  applicationId: uuid('application_id')
    .notNull()
    .references(() => applications.id),
  fieldId: text('field_id').notNull(),
  fileName: text('file_name').notNull(),
  declaredSize: bigint('declared_size', { mode: 'number' }).notNull(),
  userId: uuid('user_id').notNull(),
  organisationId: uuid('organisation_id').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** 申报编号 counters, one per call. */
export const applicationCounters = pgTable('application_counters', {
  callId: text('call_id').primaryKey(),
  next: integer('next').notNull(),
});
