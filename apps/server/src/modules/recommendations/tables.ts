import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

/** 推荐: one recommender's recommendation for one call through one channel — ranked, signed, issued, frozen. */
export const recommendations = pgTable(
  'recommendations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: text('call_id').notNull(),
    channelId: text('channel_id').notNull(),
    recommenderOrganisationId: uuid('recommender_organisation_id').notNull(),
    status: text('status').$type<'draft' | 'issued'>().notNull(),
    /** Optimistic lock for the ranking: two reviewers reordering at once cannot interleave. */
    version: integer('version').notNull().default(0),
    opinion: text('opinion'), // 推荐意见
    signerName: text('signer_name'),
    signedBy: uuid('signed_by'),
    issuedAt: timestamp('issued_at', { withTimezone: true }),
    /** SHA-256 over the recommended applications' snapshot hashes, in rank order. */
    sha256: text('sha256'),
    snapshotHashes: jsonb('snapshot_hashes').$type<{ applicationId: string; number: string; seq: number; sha256: string }[]>(),
    reopenedAt: timestamp('reopened_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('recommendations_unique').on(t.callId, t.channelId, t.recommenderOrganisationId), index('recommendations_call_idx').on(t.callId)],
);

/** The ranked applications of a recommendation (1 = highest priority). */
export const recommendationItems = pgTable(
  'recommendation_items',
  {
    recommendationId: uuid('recommendation_id')
      .notNull()
      .references(() => recommendations.id),
    applicationId: uuid('application_id').notNull(),
    rank: integer('rank').notNull(),
  },
  (t) => [primaryKey({ columns: [t.recommendationId, t.applicationId] }), unique('recommendation_items_rank_unique').on(t.recommendationId, t.rank)],
);

/** A recommender's decision on one application (审核意见): pass or reject, with the formal checklist. */
export const reviewDecisions = pgTable(
  'review_decisions',
  {
    applicationId: uuid('application_id').notNull(),
    recommenderOrganisationId: uuid('recommender_organisation_id').notNull(),
    decision: text('decision').$type<'passed' | 'rejected'>().notNull(),
    opinion: text('opinion').notNull(),
    checklist: jsonb('checklist').$type<Record<string, boolean>>().notNull().default(sql`'{}'::jsonb`),
    decidedBy: uuid('decided_by').notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.recommenderOrganisationId] })],
);
