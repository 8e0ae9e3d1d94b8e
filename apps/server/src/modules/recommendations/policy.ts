import { hasRole } from '../../platform/context.ts';
import { registerPolicy } from '../identity/index.ts';

/** 推荐单位审核人 acts for its own organisation only; the call's owner consents to a reopening. */
registerPolicy<{ recommenderOrganisationId: string }>(
  'recommendation.act',
  (actor, r) => hasRole(actor, 'recommender_reviewer') && actor.organisationId === r.recommenderOrganisationId,
  { adminOverride: false },
);
registerPolicy<{ ownsCall: boolean }>('recommendation.reopen', (actor, r) => hasRole(actor, 'program_officer') && r.ownsCall, { adminOverride: false });
registerPolicy<{ recommenderOrganisationId: string; ownsCall: boolean }>(
  'recommendation.read',
  (actor, r) => (hasRole(actor, 'recommender_reviewer') && actor.organisationId === r.recommenderOrganisationId) || (hasRole(actor, 'program_officer') && r.ownsCall),
);
