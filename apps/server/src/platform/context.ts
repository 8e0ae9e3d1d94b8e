import type { OrganisationKind, Role } from '@shenbao/contracts';

/** Who is acting: the signed-in user with the organisation facts every policy decision needs. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  roles: Role[];
  organisationId: string;
  organisationKind: OrganisationKind;
  /** Ancestors of the actor's organisation, root first. */
  organisationAncestorIds: string[];
  sessionTokenHash: string;
}

/** What a use case needs to know about the request it serves: the actor and the ids the audit log keeps. */
export interface RequestContext {
  actor: Actor | null;
  requestId: string;
  ip: string | null;
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return actor.roles.some((r) => roles.includes(r));
}
