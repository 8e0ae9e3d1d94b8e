import { ROLES_BY_KIND, type Me, type OrganisationKind, type Role } from '@shenbao/contracts';

// Which roles the invite form offers: the contracts' table of roles per organisation kind, narrowed to what
// `me` may grant. The server decides (`user.manage`); this only spares users a refusal.

/** Roles `me` may grant in an organisation of `kind`. */
export function grantableRoles(me: Me, kind: OrganisationKind): Role[] {
  const roles = me.user.roles;
  const byKind = ROLES_BY_KIND[kind];
  if (roles.includes('platform_admin')) return byKind;
  if (roles.includes('program_officer')) return byKind.filter((r) => r !== 'platform_admin');
  return byKind.filter((r) => r.startsWith('applicant_'));
}

/** Whether `me` may see the user list of organisation `organisationId` (server policy `user.read`). */
export function canReadUsers(me: Me, organisationId: string): boolean {
  const roles = me.user.roles;
  if (roles.includes('platform_admin') || roles.includes('program_officer')) return true;
  return organisationId === me.organisation.id && (roles.includes('applicant_admin') || roles.includes('recommender_reviewer'));
}

/** Whether `me` may invite and remove users there (server policy `user.manage`). */
export function canManageUsers(me: Me, organisationId: string): boolean {
  const roles = me.user.roles;
  if (roles.includes('platform_admin') || roles.includes('program_officer')) return true;
  return organisationId === me.organisation.id && roles.includes('applicant_admin');
}

/** Whether `me` may edit the organisation (server policy `organisation.update`: officers below their own). */
export function canEditOrganisation(me: Me, organisationId: string): boolean {
  const roles = me.user.roles;
  if (roles.includes('platform_admin')) return true;
  return roles.includes('program_officer') && organisationId !== me.organisation.id;
}
