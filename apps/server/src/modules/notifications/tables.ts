import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** 站内通知 to every user of an organisation (e.g. the recommender when an application arrives). */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull(),
    /** Only this user of the organisation (e.g. one expert of a 专家库); null: every user. */
    userId: uuid('user_id'),
    type: text('type').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    link: text('link'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('notifications_organisation_idx').on(t.organisationId, t.createdAt)],
);

/** Who has read which notification. */
export const notificationReads = pgTable('notification_reads', {
  notificationId: uuid('notification_id').notNull(),
  userId: uuid('user_id').notNull(),
  readAt: timestamp('read_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('notification_reads_idx').on(t.notificationId, t.userId)]);
