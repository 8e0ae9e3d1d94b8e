export { can, registerPolicy, registeredActions, ROLES_BY_KIND } from './policy.ts';
export { actorForSessionToken, requireActor, describeActors, organisationSubtreeIds, LOGIN_MAX_FAILURES } from './service.ts';
export { hashPassword } from './passwords.ts';
export { identityRoutes } from './routes.ts';
export * as identityStore from './store.ts';
export { ensureDivisions } from './divisions.ts';
