import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Platform-wide secrets and settings that every app process must share (e.g. the cookie-signing key). */
export const platformSettings = pgTable('platform_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
