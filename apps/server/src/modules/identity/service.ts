import type {
  CreateOrganisationBody,
  InviteUserBody,
  Invitation,
  Organisation,
  OrganisationList,
  OrganisationQuery,
  UpdateOrganisationBody,
  User,
} from '@shenbao/contracts';
import { LEGAL_PERSON_KINDS, ROLE_LABELS, ORGANISATION_KIND_LABELS } from '@shenbao/contracts';
import type { Db, DbOrTx } from '../../platform/database.ts';
import { AppError, conflict, forbidden, invalid, isUniqueViolation, notFound, unauthenticated } from '../../platform/errors.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { recordEvent } from '../audit/index.ts';
import { can, organisationReach, ROLES_BY_KIND } from './policy.ts';
import { DUMMY_HASH_PROMISE, hashPassword, hashToken, newSecretToken, verifyPassword } from './passwords.ts';
import * as store from './store.ts';

export const LOGIN_MAX_FAILURES = 5;
export const LOGIN_LOCK_MINUTES = 15;
const INVITATION_DAYS = 7;

type OrganisationRecord = NonNullable<Awaited<ReturnType<typeof store.findOrganisation>>>;

export function toOrganisation({ org, divisionName, userCount }: OrganisationRecord): Organisation {
  return {
    id: org.id,
    name: org.name,
    kind: org.kind,
    parentId: org.parentId,
    divisionCode: org.divisionCode,
    divisionName: divisionName ?? null,
    regionClass: org.regionClass ?? null,
    creditCode: org.creditCode,
    userCount: Number(userCount),
    createdAt: org.createdAt.toISOString(),
  };
}

export function toUser(row: store.UserRow): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    email: row.email,
    mobile: row.mobile,
    roles: row.roles,
    organisationId: row.organisationId,
    status: row.status,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
  };
}

const asResource = (org: store.OrganisationRow) => ({ id: org.id, kind: org.kind, ancestorIds: org.ancestorIds });

// ---------------------------------------------------------------- sign-in and sessions

export interface SignInResult {
  token: string;
  user: User;
  organisation: Organisation;
}

/** 登录: argon2id check, lockout after repeated failures (kept in the database, so every app process sees it). */
export async function signIn(
  db: Db,
  ctx: RequestContext,
  credentials: { username: string; password: string },
  session: { ttlHours: number; userAgent: string | null },
): Promise<SignInResult> {
  const user = await store.findUserByUsername(db, credentials.username.trim().toLowerCase());
  const wrong = () => new AppError(401, 'invalid_credentials', '用户名或密码错误', [{ path: '/body/password', message: '用户名或密码错误' }]);
  if (!user || user.status !== 'active' || !user.passwordHash) {
    await verifyPassword(await DUMMY_HASH_PROMISE, credentials.password); // same cost as a real check
    throw wrong();
  }
  if (user.lockedUntil && user.lockedUntil > new Date()) throw lockedError(user.lockedUntil);
  if (!(await verifyPassword(user.passwordHash, credentials.password))) {
    const state = await db.transaction(async (tx) => {
      const s = await store.recordFailedLogin(tx, user.id, LOGIN_MAX_FAILURES, LOGIN_LOCK_MINUTES);
      await recordEvent(tx, ctx, { action: 'auth.login_failed', resourceType: 'user', resourceId: user.id, details: { failures: s.failed_login_count } }, { userId: user.id, organisationId: user.organisationId });
      return s;
    });
    if (state.locked_until && new Date(state.locked_until) > new Date()) throw lockedError(new Date(state.locked_until));
    throw wrong();
  }
  const { token, tokenHash } = newSecretToken();
  await db.transaction(async (tx) => {
    await store.recordSuccessfulLogin(tx, user.id);
    await store.insertSession(tx, {
      tokenHash,
      userId: user.id,
      expiresAt: new Date(Date.now() + session.ttlHours * 3600_000),
      ip: ctx.ip,
      userAgent: session.userAgent,
    });
    await recordEvent(tx, ctx, { action: 'auth.login', resourceType: 'user', resourceId: user.id }, { userId: user.id, organisationId: user.organisationId });
  });
  const organisation = await store.findOrganisation(db, user.organisationId);
  return { token, user: toUser((await store.findUserById(db, user.id))!), organisation: toOrganisation(organisation!) };
}

function lockedError(until: Date): AppError {
  const time = until.toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit' });
  return new AppError(423, 'account_locked', `连续登录失败次数过多，账户已锁定，请于 ${time} 后重试`);
}

export async function actorForSessionToken(db: DbOrTx, token: string): Promise<Actor | null> {
  const tokenHash = hashToken(token);
  const row = await store.findSessionActor(db, tokenHash);
  return row ? { ...row, sessionTokenHash: tokenHash } : null;
}

export async function signOut(db: Db, ctx: RequestContext): Promise<void> {
  const actor = requireActor(ctx);
  await db.transaction(async (tx) => {
    await store.revokeSession(tx, actor.sessionTokenHash);
    await recordEvent(tx, ctx, { action: 'auth.logout', resourceType: 'user', resourceId: actor.userId });
  });
}

/** 退出所有设备: revoke every session of the user, this one included. */
export async function signOutEverywhere(db: Db, ctx: RequestContext): Promise<number> {
  const actor = requireActor(ctx);
  return db.transaction(async (tx) => {
    const revoked = await store.revokeAllSessions(tx, actor.userId);
    await recordEvent(tx, ctx, { action: 'auth.logout_all', resourceType: 'user', resourceId: actor.userId, details: { revoked } });
    return revoked;
  });
}

export async function currentUser(db: Db, ctx: RequestContext): Promise<{ user: User; organisation: Organisation }> {
  const actor = requireActor(ctx);
  const [user, organisation] = await Promise.all([store.findUserById(db, actor.userId), store.findOrganisation(db, actor.organisationId)]);
  return { user: toUser(user!), organisation: toOrganisation(organisation!) };
}

export function requireActor(ctx: RequestContext): Actor {
  if (!ctx.actor) throw unauthenticated();
  return ctx.actor;
}

// ---------------------------------------------------------------- organisations

export async function listOrganisations(db: Db, ctx: RequestContext, query: OrganisationQuery): Promise<OrganisationList> {
  const actor = requireActor(ctx);
  const reach = organisationReach(actor);
  const scope =
    reach === 'all' ? undefined : reach === 'subtree' ? store.organisationWithin(actor.organisationId) : store.organisationIs(actor.organisationId);
  const { rows, total } = await store.listOrganisations(db, query, scope);
  return { items: rows.map(toOrganisation), total };
}

async function loadVisibleOrganisation(db: DbOrTx, actor: Actor, id: string): Promise<OrganisationRecord> {
  const record = await store.findOrganisation(db, id);
  if (!record || !can(actor, 'organisation.read', asResource(record.org))) throw notFound('组织机构');
  return record;
}

export async function getOrganisation(db: Db, ctx: RequestContext, id: string): Promise<Organisation> {
  return toOrganisation(await loadVisibleOrganisation(db, requireActor(ctx), id));
}

async function checkOrganisationFacts(
  db: DbOrTx,
  facts: { kind: Organisation['kind']; divisionCode?: string; creditCode?: string | null },
  selfId?: string,
): Promise<void> {
  if (LEGAL_PERSON_KINDS.includes(facts.kind) && facts.creditCode === null) {
    throw invalid('法人单位须填写统一社会信用代码', [
      { path: '/body/creditCode', message: `${ORGANISATION_KIND_LABELS[facts.kind]}须填写统一社会信用代码` },
    ]);
  }
  if (facts.divisionCode && !(await store.divisionExists(db, facts.divisionCode))) {
    throw invalid('行政区划代码不存在', [{ path: '/body/divisionCode', message: `行政区划代码 ${facts.divisionCode} 不在 GB/T 2260 代码表中` }]);
  }
  if (facts.creditCode) {
    const holder = await store.findOrganisationByCreditCode(db, facts.creditCode);
    if (holder && holder.id !== selfId) throw creditCodeTaken(holder.name);
  }
}

const creditCodeTaken = (holder: string) =>
  conflict('统一社会信用代码已被使用', [{ path: '/body/creditCode', message: `该统一社会信用代码已登记为「${holder}」` }]);

export async function createOrganisation(db: Db, ctx: RequestContext, body: CreateOrganisationBody): Promise<Organisation> {
  const actor = requireActor(ctx);
  if (body.kind === 'ministry') throw invalid('部委是组织层级的根，不能在其下新建', [{ path: '/body/kind', message: '不能新建部委' }]);
  const parent = await store.findOrganisation(db, body.parentId);
  if (!parent || !can(actor, 'organisation.read', asResource(parent.org))) {
    throw invalid('上级组织不存在', [{ path: '/body/parentId', message: '上级组织不存在或无权查看' }]);
  }
  if (!can(actor, 'organisation.create', asResource(parent.org))) throw forbidden('无权在该组织下新建组织');
  const creditCode = body.creditCode ?? null;
  await checkOrganisationFacts(db, { kind: body.kind, divisionCode: body.divisionCode, creditCode });
  try {
    const id = await db.transaction(async (tx) => {
      const row = await store.insertOrganisation(tx, {
        name: body.name.trim(),
        kind: body.kind,
        parentId: parent.org.id,
        ancestorIds: [...parent.org.ancestorIds, parent.org.id],
        divisionCode: body.divisionCode,
        regionClass: body.regionClass ?? null,
        creditCode,
      });
      await recordEvent(tx, ctx, { action: 'organisation.create', resourceType: 'organisation', resourceId: row.id, details: { name: row.name, kind: row.kind } });
      return row.id;
    });
    return toOrganisation((await store.findOrganisation(db, id))!);
  } catch (error) {
    if (isUniqueViolation(error, 'organisations_credit_code_unique')) throw creditCodeTaken('另一单位');
    throw error;
  }
}

export async function updateOrganisation(db: Db, ctx: RequestContext, id: string, body: UpdateOrganisationBody): Promise<Organisation> {
  const actor = requireActor(ctx);
  const current = await loadVisibleOrganisation(db, actor, id);
  if (!can(actor, 'organisation.update', asResource(current.org))) throw forbidden('无权修改该组织');
  const creditCode = body.creditCode === undefined ? current.org.creditCode : body.creditCode;
  await checkOrganisationFacts(db, { kind: current.org.kind, divisionCode: body.divisionCode, creditCode }, id);
  try {
    await db.transaction(async (tx) => {
      await store.updateOrganisation(tx, id, { ...body, name: body.name?.trim() });
      const before = Object.fromEntries(Object.keys(body).map((k) => [k, current.org[k as keyof typeof current.org]]));
      await recordEvent(tx, ctx, { action: 'organisation.update', resourceType: 'organisation', resourceId: id, details: { before, after: body } });
    });
  } catch (error) {
    if (isUniqueViolation(error, 'organisations_credit_code_unique')) throw creditCodeTaken('另一单位');
    throw error;
  }
  return toOrganisation((await store.findOrganisation(db, id))!);
}

// ---------------------------------------------------------------- people

export async function listUsers(db: Db, ctx: RequestContext, organisationId: string): Promise<User[]> {
  const actor = requireActor(ctx);
  const record = await loadVisibleOrganisation(db, actor, organisationId);
  if (!can(actor, 'user.read', asResource(record.org))) throw forbidden('无权查看该单位的用户');
  return (await store.listUsers(db, organisationId)).map(toUser);
}

/** 邀请用户: the account exists at once but can sign in only after the invitee sets a password through the link. */
export async function inviteUser(db: Db, ctx: RequestContext, organisationId: string, body: InviteUserBody): Promise<Invitation> {
  const actor = requireActor(ctx);
  const record = await loadVisibleOrganisation(db, actor, organisationId);
  if (!can(actor, 'user.manage', { organisation: asResource(record.org), grantRoles: body.roles })) throw forbidden('无权为该单位邀请此角色的用户');
  const allowed = ROLES_BY_KIND[record.org.kind];
  const refused = body.roles.filter((r) => !allowed.includes(r));
  if (refused.length > 0) {
    throw invalid('角色与单位类型不符', [
      { path: '/body/roles', message: `${ORGANISATION_KIND_LABELS[record.org.kind]}不能设置角色：${refused.map((r) => ROLE_LABELS[r]).join('、')}` },
    ]);
  }
  const username = body.username.toLowerCase();
  const usernameTaken = () => conflict('用户名已存在', [{ path: '/body/username', message: `用户名 ${username} 已被使用` }]);
  if (await store.findUserByUsername(db, username)) throw usernameTaken();
  const { token, tokenHash } = newSecretToken();
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86400_000);
  try {
    const user = await db.transaction(async (tx) => {
      const row = await store.insertUser(tx, {
        organisationId,
        username,
        displayName: body.displayName.trim(),
        email: body.email ?? null,
        mobile: body.mobile ?? null,
        roles: body.roles,
        status: 'invited',
        invitationTokenHash: tokenHash,
        invitationExpiresAt: expiresAt,
      });
      await recordEvent(tx, ctx, { action: 'user.invite', resourceType: 'user', resourceId: row.id, details: { username, roles: body.roles, organisationId } });
      return row;
    });
    return { user: toUser(user), invitationToken: token, expiresAt: expiresAt.toISOString() };
  } catch (error) {
    if (isUniqueViolation(error, 'users_username_unique')) throw usernameTaken();
    throw error;
  }
}

/** 移除用户: the account is kept for the record (audit, authorship) but can no longer sign in; its sessions end now. */
export async function removeUser(db: Db, ctx: RequestContext, organisationId: string, userId: string): Promise<void> {
  const actor = requireActor(ctx);
  const record = await loadVisibleOrganisation(db, actor, organisationId);
  const user = await store.findUserById(db, userId);
  if (!user || user.organisationId !== organisationId || user.status === 'removed') throw notFound('用户');
  if (!can(actor, 'user.manage', { organisation: asResource(record.org), grantRoles: user.roles })) throw forbidden('无权移除该用户');
  if (user.id === actor.userId) throw conflict('不能移除自己的账户');
  await db.transaction(async (tx) => {
    await store.updateUser(tx, userId, { status: 'removed', invitationTokenHash: null });
    const revoked = await store.revokeAllSessions(tx, userId);
    await recordEvent(tx, ctx, { action: 'user.remove', resourceType: 'user', resourceId: userId, details: { username: user.username, revokedSessions: revoked } });
  });
}

export async function acceptInvitation(db: Db, ctx: RequestContext, token: string, password: string): Promise<void> {
  const user = await store.findUserByInvitation(db, hashToken(token));
  if (!user) throw invalid('邀请链接无效或已过期', [{ path: '/body/token', message: '邀请链接无效或已过期，请联系单位管理员重新邀请' }]);
  if (password.toLowerCase().includes(user.username)) {
    throw invalid('密码不能包含用户名', [{ path: '/body/password', message: '密码不能包含用户名' }]);
  }
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const updated = await store.updateUser(tx, user.id, { passwordHash, status: 'active', invitationTokenHash: null, invitationExpiresAt: null });
    if (!updated) throw invalid('邀请链接无效或已过期');
    await recordEvent(tx, ctx, { action: 'user.activate', resourceType: 'user', resourceId: user.id }, { userId: user.id, organisationId: user.organisationId });
  });
}

// ---------------------------------------------------------------- for other modules

/** The organisation and every organisation below it. */
export const organisationSubtreeIds = (db: DbOrTx, organisationId: string) => store.subtreeIds(db, organisationId);

/** Usernames and organisation names for display, in one query each. */
export async function describeActors(db: DbOrTx, userIds: (string | null)[], organisationIds: (string | null)[]) {
  const present = (ids: (string | null)[]) => [...new Set(ids.filter((x): x is string => Boolean(x)))];
  const [userRows, orgRows] = await Promise.all([store.usernamesOf(db, present(userIds)), store.organisationNamesOf(db, present(organisationIds))]);
  return {
    usernames: new Map(userRows.map((u) => [u.id, u.username])),
    organisationNames: new Map(orgRows.map((o) => [o.id, o.name])),
  };
}

/** The facts rules read as $org. */
export async function organisationFacts(db: DbOrTx, id: string) {
  return store.organisationFacts(db, id);
}

export async function organisationResource(db: DbOrTx, id: string) {
  const record = await store.findOrganisation(db, id);
  return record ? asResource(record.org) : null;
}

export const findIssuerOrganisation = (db: DbOrTx, kind: string, divisionCode: string, name?: string) => store.findOrganisationByKindAndDivision(db, kind, divisionCode, name);

/**
 * The organisation that recommends for an applicant through a channel: the applicant itself or its nearest
 * ancestor of one of the channel's kinds; failing that, the one organisation of that kind in the applicant's
 * province (the 省通信管理局 is not an ancestor of enterprises).
 */
export async function resolveRecommender(db: DbOrTx, applicantId: string, kinds: string[]): Promise<{ id: string; name: string } | null> {
  const record = await store.findOrganisation(db, applicantId);
  if (!record) return null;
  const chain = [record.org.id, ...[...record.org.ancestorIds].reverse()];
  const rows = await store.organisationsByIds(db, chain);
  for (const id of chain) {
    const org = rows.find((r) => r.id === id);
    if (org && kinds.includes(org.kind)) return { id: org.id, name: org.name };
  }
  for (const kind of kinds) {
    const inProvince = await store.organisationsOfKindInProvince(db, kind, record.org.divisionCode.slice(0, 2));
    if (inProvince.length === 1) return { id: inProvince[0]!.id, name: inProvince[0]!.name };
  }
  return null;
}

export async function organisationNames(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  return new Map((await store.organisationNamesOf(db, [...new Set(ids)])).map((o) => [o.id, o.name]));
}

/** Users of one organisation by id, with name and roles (for assigning 填报人). */
export async function usersOf(db: DbOrTx, organisationId: string, ids: string[]) {
  return (await store.usersByIds(db, ids)).filter((u) => u.organisationId === organisationId && u.status === 'active').map((u) => ({ id: u.id, displayName: u.displayName, roles: u.roles }));
}

export async function displayNames(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  return new Map((await store.usersByIds(db, [...new Set(ids)])).map((u) => [u.id, u.displayName]));
}
