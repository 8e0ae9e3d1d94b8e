import { bigint, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Platform-wide secrets and settings that every app process must share (e.g. the cookie-signing key). */
export const platformSettings = pgTable('platform_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Content-addressed blob store index: one row per distinct file content (SHA-256). */
export const blobs = pgTable('blobs', {
  sha256: text('sha256').primaryKey(),
  size: bigint('size', { mode: 'number' }).notNull(),
  mime: text('mime').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
