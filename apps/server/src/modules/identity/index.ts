export { can, registerPolicy, registeredActions, ROLES_BY_KIND } from './policy.ts';
export {
  actorForSessionToken,
  requireActor,
  describeActors,
  organisationSubtreeIds,
  organisationFacts,
  organisationResource,
  findIssuerOrganisation,
  resolveRecommender,
  organisationNames,
  usersOf,
  displayNames,
  LOGIN_MAX_FAILURES,
} from './service.ts';
export { isWithin, type OrganisationResource } from './policy.ts';
export { hashPassword } from './passwords.ts';
export { identityRoutes } from './routes.ts';
export * as identityStore from './store.ts';
export { ensureDivisions } from './divisions.ts';
