import { hasRole } from '../../platform/context.ts';
import { registerPolicy } from '../identity/index.ts';

/** What a policy decision about one application needs to know. */
export interface ApplicationResource {
  applicantOrganisationId: string;
  recommenderOrganisationId: string | null;
  fillerIds: string[];
  /** Whether the actor's organisation issued the call (or sits above the issuer). */
  actorOwnsCall: boolean;
  /** Whether the actor's organisation sits above the recommender (the province's round over its cities). */
  actorAboveRecommender: boolean;
  status: string;
}

const isApplicantAdmin = (actor: Parameters<Parameters<typeof registerPolicy>[1]>[0], app: ApplicationResource) =>
  hasRole(actor, 'applicant_admin') && actor.organisationId === app.applicantOrganisationId;

const PARTIES_ONLY = { adminOverride: false };

registerPolicy<null>('application.create', (actor) => hasRole(actor, 'applicant_admin'), PARTIES_ONLY);
registerPolicy<ApplicationResource>('application.read', (actor, app) => {
  if (isApplicantAdmin(actor, app)) return true;
  if (hasRole(actor, 'applicant_filler') && actor.organisationId === app.applicantOrganisationId && app.fillerIds.includes(actor.userId)) return true;
  if (app.status === 'draft') return false; // authorities see an application only once it is submitted
  if (hasRole(actor, 'recommender_reviewer') && actor.organisationId === app.recommenderOrganisationId) return true;
  if (hasRole(actor, 'recommender_reviewer') && app.actorAboveRecommender && app.status === 'recommended') return true;
  return hasRole(actor, 'program_officer') && app.actorOwnsCall;
});
/** 填报: the applicant admin, and the fillers it assigned. */
registerPolicy<ApplicationResource>('application.edit', (actor, app) =>
  isApplicantAdmin(actor, app) || (hasRole(actor, 'applicant_filler') && actor.organisationId === app.applicantOrganisationId && app.fillerIds.includes(actor.userId)),
  PARTIES_ONLY,
);
/** 提交 and 撤回 need the applicant admin: it accepts the commitment (承诺) for the organisation. */
registerPolicy<ApplicationResource>('application.submit', (actor, app) => isApplicantAdmin(actor, app), PARTIES_ONLY);
registerPolicy<ApplicationResource>('application.manage', (actor, app) => isApplicantAdmin(actor, app), PARTIES_ONLY);
/** 退回修改 by the recommender the application was sent to. */
registerPolicy<ApplicationResource>('application.review', (actor, app) => hasRole(actor, 'recommender_reviewer') && actor.organisationId === app.recommenderOrganisationId, PARTIES_ONLY);
