import { sql } from 'drizzle-orm';
import { integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import type { PackForm, ProgramPack } from '@shenbao/contracts';

/** 申报通知: one per program pack; `program`/`forms` are the pack's current version. */
export const calls = pgTable('calls', {
  id: text('id').primaryKey(), // the pack id
  title: text('title').notNull(),
  documentNumber: text('document_number'),
  year: integer('year').notNull(),
  issuerName: text('issuer_name').notNull(),
  issuerOrganisationId: uuid('issuer_organisation_id'),
  version: integer('version').notNull(),
  hash: text('hash').notNull(),
  program: jsonb('program').$type<ProgramPack>().notNull(),
  forms: jsonb('forms').$type<PackForm[]>().notNull(),
  /** The owner's schedule for this call: per stage, times that replace the notice's (延期, a reopened round). */
  schedule: jsonb('schedule').$type<Record<string, { opens?: string; closes?: string; extensionUntil?: string }>>().notNull().default(sql`'{}'::jsonb`),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Every version of a call's pack ever loaded: an application pins the version it was filled against. */
export const callPackVersions = pgTable(
  'call_pack_versions',
  {
    callId: text('call_id')
      .notNull()
      .references(() => calls.id),
    version: integer('version').notNull(),
    hash: text('hash').notNull(),
    program: jsonb('program').$type<ProgramPack>().notNull(),
    forms: jsonb('forms').$type<PackForm[]>().notNull(),
    loadedAt: timestamp('loaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.callId, t.version] }), unique('call_pack_versions_hash_unique').on(t.callId, t.hash)],
);

/** 导入名单 (e.g. 重点培育项目名单): the rows an officer imported from Excel, read by rules as $lists.<id>. */
export const callLists = pgTable(
  'call_lists',
  {
    callId: text('call_id')
      .notNull()
      .references(() => calls.id),
    listId: text('list_id').notNull(),
    rows: jsonb('rows').$type<Record<string, string>[]>().notNull(),
    rowCount: integer('row_count').notNull(),
    fileName: text('file_name'),
    sha256: text('sha256').notNull(),
    importedBy: uuid('imported_by').notNull(),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.callId, t.listId] })],
);
