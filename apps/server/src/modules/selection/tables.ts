import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, real, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

/** 政策性审查/初审: the owner's admission or rejection of one recommended application. */
export const policyChecks = pgTable('policy_checks', {
  applicationId: uuid('application_id').primaryKey(),
  callId: text('call_id').notNull(),
  decision: text('decision').$type<'admitted' | 'rejected'>().notNull(),
  reason: text('reason').notNull(),
  /** The rule findings when the officer decided (re-run of every pack rule). */
  findings: jsonb('findings').$type<{ ruleId: string; path: string; message: string; severity: 'error' | 'warning' }[]>().notNull(),
  decidedBy: uuid('decided_by').notNull(),
  decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
});

/** 专家评审 settings and state of one call. */
export const expertReviews = pgTable('expert_reviews', {
  callId: text('call_id').primaryKey(),
  reviewsPerApplication: integer('reviews_per_application').notNull(), // k
  minLoad: integer('min_load').notNull().default(0),
  maxLoad: integer('max_load').notNull(),
  /** Experts of these pools (专家库 organisations) take part. */
  poolOrganisationIds: uuid('pool_organisation_ids').array().notNull(),
  status: text('status').$type<'setup' | 'scoring' | 'closed'>().notNull().default('setup'),
  /** Relative spread (max−min over the scale) above which an application is flagged for discussion. */
  divergenceThreshold: real('divergence_threshold').notNull().default(0.25),
  assignedAt: timestamp('assigned_at', { withTimezone: true }),
  closedAt: timestamp('closed_at', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export type ConflictKind = 'same_organisation' | 'former_employer' | 'business' | 'personal' | 'declared' | 'officer';

/**
 * 回避/利益冲突 recorded by a person: an expert's declaration, an officer's pin, or an officer's lift of a detected conflict.
 * Conflicts detected from organisations are computed, not stored; a `lifted` row overrides one.
 */
export const expertConflicts = pgTable(
  'expert_conflicts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: text('call_id').notNull(),
    expertUserId: uuid('expert_user_id').notNull(),
    applicantOrganisationId: uuid('applicant_organisation_id').notNull(),
    kind: text('kind').$type<ConflictKind>().notNull(),
    state: text('state').$type<'pinned' | 'lifted'>().notNull(),
    reason: text('reason').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('expert_conflicts_unique').on(t.callId, t.expertUserId, t.applicantOrganisationId, t.kind), index('expert_conflicts_call_idx').on(t.callId)],
);

/** 保密及无利益冲突承诺: signed before seeing anything (before) and after the review (after). */
export const expertStatements = pgTable(
  'expert_statements',
  {
    callId: text('call_id').notNull(),
    expertUserId: uuid('expert_user_id').notNull(),
    phase: text('phase').$type<'before' | 'after'>().notNull(),
    text: text('text').notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.callId, t.expertUserId, t.phase] })],
);

/** 评审分配 and the expert's score sheet (评分表). */
export const reviewAssignments = pgTable(
  'review_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: text('call_id').notNull(),
    applicationId: uuid('application_id').notNull(),
    expertUserId: uuid('expert_user_id').notNull(),
    source: text('source').$type<'auto' | 'manual'>().notNull(),
    /** Expertise matched the application's direction when assigned. */
    matched: boolean('matched').notNull(),
    scores: jsonb('scores').$type<Record<string, number>>().notNull().default(sql`'{}'::jsonb`),
    comments: jsonb('comments').$type<Record<string, string>>().notNull().default(sql`'{}'::jsonb`),
    opinion: text('opinion'),
    /** Weighted total on the rubric's scale, set on submission. */
    total: real('total'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('review_assignments_unique').on(t.applicationId, t.expertUserId),
    index('review_assignments_expert_idx').on(t.expertUserId, t.callId),
    index('review_assignments_call_idx').on(t.callId),
  ],
);

/** 现场答辩 session: a room, a time span and a panel. */
export const defenceSessions = pgTable(
  'defence_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: text('call_id').notNull(),
    room: text('room').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    panelExpertIds: uuid('panel_expert_ids').array().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('defence_sessions_call_idx').on(t.callId)],
);

/** One presenter's time slot in a session, with the panel's scores and recommendation. */
export const defenceSlots = pgTable(
  'defence_slots',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => defenceSessions.id),
    applicationId: uuid('application_id').notNull().unique(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    /** { expertUserId: score } on the rubric scale. */
    panelScores: jsonb('panel_scores').$type<Record<string, number>>().notNull().default(sql`'{}'::jsonb`),
    panelRecommendation: text('panel_recommendation').$type<'recommend' | 'not_recommend'>(),
    panelOpinion: text('panel_opinion'),
    notifiedAt: timestamp('notified_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.applicationId] })],
);

/** 入围 (shortlist for defence) per application. */
export const defenceShortlist = pgTable('defence_shortlist', {
  applicationId: uuid('application_id').primaryKey(),
  callId: text('call_id').notNull(),
  addedBy: uuid('added_by').notNull(),
  addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
});

export type SelectionStatus = 'proposed' | 'approved' | 'public_notice' | 'published';

/** 审定 → 公示 → 公布: the owner's selected list of one call. */
export const selections = pgTable('selections', {
  id: uuid('id').primaryKey().defaultRandom(),
  callId: text('call_id').notNull().unique(),
  status: text('status').$type<SelectionStatus>().notNull(),
  version: integer('version').notNull().default(0),
  proposedBy: uuid('proposed_by').notNull(),
  proposedAt: timestamp('proposed_at', { withTimezone: true }).notNull().defaultNow(),
  approvedBy: uuid('approved_by'),
  approverName: text('approver_name'),
  approvedAt: timestamp('approved_at', { withTimezone: true }),
  noticeTitle: text('notice_title'),
  noticeText: text('notice_text'),
  noticeStartsAt: timestamp('notice_starts_at', { withTimezone: true }),
  noticeEndsAt: timestamp('notice_ends_at', { withTimezone: true }),
  documentNumber: text('document_number'), // 公布文号
  publishedAt: timestamp('published_at', { withTimezone: true }),
});

export const selectionItems = pgTable(
  'selection_items',
  {
    selectionId: uuid('selection_id')
      .notNull()
      .references(() => selections.id),
    applicationId: uuid('application_id').notNull(),
    rank: integer('rank').notNull(),
    outcome: text('outcome'),
  },
  (t) => [primaryKey({ columns: [t.selectionId, t.applicationId] })],
);

/** 异议: lodged by anyone during the public-notice period; each gets a recorded outcome. */
export const objections = pgTable(
  'objections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    selectionId: uuid('selection_id')
      .notNull()
      .references(() => selections.id),
    applicationId: uuid('application_id'),
    name: text('name').notNull(),
    phone: text('phone').notNull(),
    email: text('email'),
    content: text('content').notNull(),
    /** Evidence files in the blob store (by SHA-256). */
    evidence: jsonb('evidence').$type<{ name: string; sha256: string; size: number; mimeType: string }[]>().notNull().default(sql`'[]'::jsonb`),
    lodgedAt: timestamp('lodged_at', { withTimezone: true }).notNull().defaultNow(),
    status: text('status').$type<'open' | 'upheld' | 'dismissed'>().notNull().default('open'),
    outcome: text('outcome'),
    handledBy: uuid('handled_by'),
    handledAt: timestamp('handled_at', { withTimezone: true }),
  },
  (t) => [index('objections_selection_idx').on(t.selectionId)],
);
