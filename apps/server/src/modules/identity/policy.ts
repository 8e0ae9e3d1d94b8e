import type { OrganisationKind, Role } from '@shenbao/contracts';
import { hasRole, type Actor } from '../../platform/context.ts';

/**
 * The one authorization entry point: `can(actor, action, resource)`.
 * Each module registers the rules of its own actions here (its `policy.ts`), and every route names its action.
 */
export interface OrganisationResource {
  id: string;
  kind: OrganisationKind;
  ancestorIds: string[];
}

export interface PolicyResources {
  organisation: OrganisationResource;
  /** For invitations: the roles to be granted. */
  grantRoles: Role[];
}

type Rule<R> = (actor: Actor, resource: R) => boolean;
const rules = new Map<string, { rule: Rule<never>; adminOverride: boolean }>();

/**
 * Register the rule of an action. A platform admin may do everything except actions registered with
 * `adminOverride: false` — those that only the parties themselves may do (fill, sign, submit, review).
 */
export function registerPolicy<R>(action: string, rule: Rule<R>, options: { adminOverride?: boolean } = {}): void {
  if (rules.has(action)) throw new Error(`policy for ${action} registered twice`);
  rules.set(action, { rule: rule as Rule<never>, adminOverride: options.adminOverride ?? true });
}

export function can<R>(actor: Actor, action: string, resource: R): boolean {
  const entry = rules.get(action);
  if (!entry) throw new Error(`no policy registered for ${action}`); // a route without a policy is a bug, not a "no"
  return (entry.adminOverride && hasRole(actor, 'platform_admin')) || (entry.rule as Rule<R>)(actor, resource);
}

export const registeredActions = (): string[] => [...rules.keys()];

/** The organisation itself or one below it. */
export const isWithin = (actor: Actor, org: OrganisationResource) =>
  org.id === actor.organisationId || org.ancestorIds.includes(actor.organisationId);

/** Strictly below the actor's organisation. */
const isBelow = (actor: Actor, org: OrganisationResource) => org.ancestorIds.includes(actor.organisationId);

export { ROLES_BY_KIND } from '@shenbao/contracts';

/** How far an actor sees organisations: authorities their subtree, everyone else their own organisation. */
export type OrganisationReach = 'all' | 'subtree' | 'own';
export function organisationReach(actor: Actor): OrganisationReach {
  if (hasRole(actor, 'platform_admin')) return 'all';
  if (hasRole(actor, 'program_officer', 'recommender_reviewer')) return 'subtree';
  return 'own';
}

registerPolicy<PolicyResources['organisation']>('organisation.read', (actor, org) =>
  organisationReach(actor) === 'subtree' ? isWithin(actor, org) : org.id === actor.organisationId,
);
// A 主管部门 creates and maintains organisations below it (cities, applicants); only platform admins touch the rest.
registerPolicy<PolicyResources['organisation']>('organisation.create', (actor, parent) => hasRole(actor, 'program_officer') && isWithin(actor, parent));
registerPolicy<PolicyResources['organisation']>('organisation.update', (actor, org) => hasRole(actor, 'program_officer') && isBelow(actor, org));

registerPolicy<PolicyResources['organisation']>('user.read', (actor, org) =>
  (hasRole(actor, 'program_officer') && isWithin(actor, org)) ||
  (hasRole(actor, 'applicant_admin', 'recommender_reviewer') && org.id === actor.organisationId),
);
/** 单位管理员 manages its own organisation's people; a 主管部门 its own and its subtree's. */
registerPolicy<{ organisation: OrganisationResource; grantRoles: Role[] }>('user.manage', (actor, { organisation, grantRoles }) => {
  if (grantRoles.includes('platform_admin')) return false;
  if (hasRole(actor, 'program_officer') && isWithin(actor, organisation)) return true;
  return hasRole(actor, 'applicant_admin') && organisation.id === actor.organisationId && grantRoles.every((r) => r.startsWith('applicant_'));
});

registerPolicy<null>('audit.read', (actor) => hasRole(actor, 'program_officer'));
registerPolicy<null>('audit.verify', () => false);
/** Any signed-in user acts on its own session. */
registerPolicy<null>('session.self', () => true);
