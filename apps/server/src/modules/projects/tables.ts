import { date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export type ProjectStatus = 'implementing' | 'accepted' | 'failed' | 'revoked';

/** 项目: a selected application after the final list is published (公布) — the subject of the lifecycle (#7). */
export const projects = pgTable(
  'projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: text('call_id').notNull(),
    applicationId: uuid('application_id').notNull().unique(),
    applicantOrganisationId: uuid('applicant_organisation_id').notNull(),
    recommenderOrganisationId: uuid('recommender_organisation_id'),
    name: text('name').notNull(),
    /** 入选结果 as the pack names it, e.g. 001 重点培育平台 / 项目库; null where the pack has one outcome. */
    outcome: text('outcome'),
    status: text('status').$type<ProjectStatus>().notNull().default('implementing'),
    selectedAt: timestamp('selected_at', { withTimezone: true }).notNull(),
    /** 公布文号 of the list that selected it. */
    documentNumber: text('document_number').notNull(),
    /** 示范期 (004: two years from publication). */
    demonstrationEndsOn: date('demonstration_ends_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('projects_call_idx').on(t.callId), index('projects_applicant_idx').on(t.applicantOrganisationId)],
);
