import { and, asc, count, eq, gt, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { OrganisationQuery } from '@shenbao/contracts';
import type { DbOrTx } from '../../platform/database.ts';
import { divisions, expertProfiles, organisations, sessions, users } from './tables.ts';

export type OrganisationRow = typeof organisations.$inferSelect;
export type UserRow = typeof users.$inferSelect;

const organisationColumns = {
  org: organisations,
  divisionName: divisions.name,
  userCount: sql<number>`(SELECT count(*)::int FROM users u WHERE u.organisation_id = ${organisations.id} AND u.status <> 'removed')`,
};

/** The organisations an actor may see: all, its subtree, or itself (built by the policy). */
export function organisationWithin(organisationId: string): SQL {
  return sql`(${organisations.id} = ${organisationId} OR ${organisationId}::uuid = ANY(${organisations.ancestorIds}))`;
}
export const organisationIs = (organisationId: string): SQL => eq(organisations.id, organisationId);

export async function listOrganisations(db: DbOrTx, query: OrganisationQuery, scope: SQL | undefined) {
  const where = and(
    scope,
    query.kind ? eq(organisations.kind, query.kind) : undefined,
    query.parentId ? eq(organisations.parentId, query.parentId) : undefined,
    query.q ? or(ilike(organisations.name, `%${escapeLike(query.q)}%`), eq(organisations.creditCode, query.q.toUpperCase())) : undefined,
  );
  const pageSize = query.pageSize ?? 50;
  const [rows, [total]] = await Promise.all([
    db
      .select(organisationColumns)
      .from(organisations)
      .leftJoin(divisions, eq(divisions.code, organisations.divisionCode))
      .where(where)
      .orderBy(asc(organisations.divisionCode), asc(organisations.name))
      .limit(pageSize)
      .offset(((query.page ?? 1) - 1) * pageSize),
    db.select({ n: count() }).from(organisations).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export async function findOrganisation(db: DbOrTx, id: string) {
  const [row] = await db
    .select(organisationColumns)
    .from(organisations)
    .leftJoin(divisions, eq(divisions.code, organisations.divisionCode))
    .where(eq(organisations.id, id));
  return row ?? null;
}

export async function insertOrganisation(db: DbOrTx, values: typeof organisations.$inferInsert) {
  const [row] = await db.insert(organisations).values(values).returning();
  return row!;
}

export async function updateOrganisation(db: DbOrTx, id: string, values: Partial<typeof organisations.$inferInsert>) {
  const [row] = await db
    .update(organisations)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(organisations.id, id))
    .returning();
  return row ?? null;
}

export async function findOrganisationByCreditCode(db: DbOrTx, creditCode: string) {
  const [row] = await db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(eq(organisations.creditCode, creditCode));
  return row ?? null;
}

export async function divisionExists(db: DbOrTx, code: string): Promise<boolean> {
  const [row] = await db.select({ code: divisions.code }).from(divisions).where(eq(divisions.code, code));
  return Boolean(row);
}

export async function listUsers(db: DbOrTx, organisationId: string) {
  return db.select().from(users).where(eq(users.organisationId, organisationId)).orderBy(asc(users.username));
}

export async function findUserByUsername(db: DbOrTx, username: string) {
  const [row] = await db.select().from(users).where(eq(users.username, username));
  return row ?? null;
}

export async function findUserById(db: DbOrTx, id: string) {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row ?? null;
}

export async function findUserByInvitation(db: DbOrTx, tokenHash: string) {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.invitationTokenHash, tokenHash), eq(users.status, 'invited'), gt(users.invitationExpiresAt, sql`now()`)));
  return row ?? null;
}

export async function insertUser(db: DbOrTx, values: typeof users.$inferInsert) {
  const [row] = await db.insert(users).values(values).returning();
  return row!;
}

export async function updateUser(db: DbOrTx, id: string, values: Partial<typeof users.$inferInsert>) {
  const [row] = await db.update(users).set(values).where(eq(users.id, id)).returning();
  return row ?? null;
}

/** Count a failed sign-in; lock the account for `lockMinutes` when the count reaches `maxFailures`. */
export async function recordFailedLogin(db: DbOrTx, userId: string, maxFailures: number, lockMinutes: number) {
  const result = await db.execute<{ failed_login_count: number; locked_until: Date | null }>(sql`
    UPDATE users SET
      failed_login_count = failed_login_count + 1,
      locked_until = CASE WHEN failed_login_count + 1 >= ${maxFailures}
                          THEN now() + make_interval(mins => ${lockMinutes}) ELSE locked_until END
    WHERE id = ${userId}
    RETURNING failed_login_count, locked_until`);
  return result.rows[0]!;
}

export async function recordSuccessfulLogin(db: DbOrTx, userId: string) {
  await db.update(users).set({ failedLoginCount: 0, lockedUntil: null, lastLoginAt: sql`now()` }).where(eq(users.id, userId));
}

export async function insertSession(db: DbOrTx, values: typeof sessions.$inferInsert) {
  await db.insert(sessions).values(values);
}

/** The one query behind every authenticated request: a live session of an active user, with the organisation facts. */
export async function findSessionActor(db: DbOrTx, tokenHash: string) {
  const [row] = await db
    .select({
      userId: users.id,
      username: users.username,
      displayName: users.displayName,
      roles: users.roles,
      organisationId: organisations.id,
      organisationKind: organisations.kind,
      organisationAncestorIds: organisations.ancestorIds,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt), gt(sessions.expiresAt, sql`now()`), eq(users.status, 'active')));
  return row ?? null;
}

export async function revokeSession(db: DbOrTx, tokenHash: string) {
  await db.update(sessions).set({ revokedAt: sql`now()` }).where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt)));
}

export async function revokeAllSessions(db: DbOrTx, userId: string): Promise<number> {
  const rows = await db
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .returning({ tokenHash: sessions.tokenHash });
  return rows.length;
}

export async function insertDivisions(db: DbOrTx, rows: (typeof divisions.$inferInsert)[]) {
  for (let i = 0; i < rows.length; i += 1000) {
    await db.insert(divisions).values(rows.slice(i, i + 1000)).onConflictDoNothing();
  }
}

export async function countDivisions(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: count() }).from(divisions);
  return row?.n ?? 0;
}

export async function insertExpertProfile(db: DbOrTx, values: typeof expertProfiles.$inferInsert) {
  await db.insert(expertProfiles).values(values);
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export async function subtreeIds(db: DbOrTx, organisationId: string): Promise<string[]> {
  const rows = await db.select({ id: organisations.id }).from(organisations).where(organisationWithin(organisationId));
  return rows.map((r) => r.id);
}

export async function usernamesOf(db: DbOrTx, ids: string[]) {
  return ids.length ? db.select({ id: users.id, username: users.username }).from(users).where(inArray(users.id, ids)) : [];
}

export async function organisationNamesOf(db: DbOrTx, ids: string[]) {
  return ids.length ? db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, ids)) : [];
}

/** The organisation a pack names as issuer: by kind and division, the one with the issuer's name if several. */
export async function findOrganisationByKindAndDivision(db: DbOrTx, kind: string, divisionCode: string, name?: string) {
  const rows = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.kind, kind as OrganisationRow['kind']), eq(organisations.divisionCode, divisionCode)));
  const named = name ? rows.filter((r) => r.name === name) : [];
  if (named.length === 1) return { id: named[0]!.id };
  return rows.length === 1 ? { id: rows[0]!.id } : null; // ambiguous means unknown
}

export async function organisationsByIds(db: DbOrTx, ids: string[]) {
  return ids.length
    ? db.select({ id: organisations.id, name: organisations.name, kind: organisations.kind, divisionCode: organisations.divisionCode }).from(organisations).where(inArray(organisations.id, ids))
    : [];
}

export async function organisationsOfKindInProvince(db: DbOrTx, kind: string, provincePrefix: string) {
  return db
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind, divisionCode: organisations.divisionCode })
    .from(organisations)
    .where(and(eq(organisations.kind, kind as OrganisationRow['kind']), sql`left(${organisations.divisionCode}, 2) = ${provincePrefix}`));
}

export async function usersByIds(db: DbOrTx, ids: string[]) {
  return ids.length ? db.select().from(users).where(inArray(users.id, ids)) : [];
}

export async function organisationFacts(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind, creditCode: organisations.creditCode, divisionCode: organisations.divisionCode, regionClass: organisations.regionClass })
    .from(organisations)
    .where(eq(organisations.id, id));
  return row ?? null;
}
