import type { Me, OrganisationKind, Role } from '@shenbao/contracts';

// Which roles the invite form offers. The server decides (identity policy `ROLES_BY_KIND` and
// `user.manage`); this copy only spares users a refusal. TODO: import it once the contracts export it.
const ROLES_BY_KIND: Record<OrganisationKind, Role[]> = {
  ministry: ['program_officer', 'recommender_reviewer', 'platform_admin'],
  provincial_department: ['program_officer', 'recommender_reviewer'],
  communications_administration: ['recommender_reviewer', 'program_officer'],
  city_bureau: ['recommender_reviewer', 'program_officer'],
  sub_provincial_city: ['recommender_reviewer', 'program_officer'],
  central_enterprise: ['applicant_admin', 'applicant_filler', 'recommender_reviewer'],
  enterprise: ['applicant_admin', 'applicant_filler'],
  university: ['applicant_admin', 'applicant_filler'],
  park_operator: ['applicant_admin', 'applicant_filler'],
  expert_pool: ['expert'],
};

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
