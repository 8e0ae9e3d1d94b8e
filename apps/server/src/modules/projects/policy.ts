import { hasRole, type Actor } from '../../platform/context.ts';
import { registerPolicy } from '../identity/index.ts';

/** What a policy decision about one project needs to know about the actor's relation to it. */
export interface ProjectResource {
  applicantOrganisationId: string;
  /** The actor's organisation is the project's recommender or sits above the applicant (辖区). */
  inJurisdiction: boolean;
  /** The actor's organisation issued the call, or sits above the issuer (主管部门). */
  ownsCall: boolean;
  /** The actor sits on an acceptance panel of the project (验收专家组). */
  onPanel: boolean;
}

const applicantOf = (actor: Actor, p: ProjectResource, ...roles: Parameters<typeof hasRole>[1][]) => actor.organisationId === p.applicantOrganisationId && hasRole(actor, ...roles);
const reviewer = (actor: Actor, p: ProjectResource) => hasRole(actor, 'recommender_reviewer') && p.inJurisdiction;
const owner = (actor: Actor, p: ProjectResource) => hasRole(actor, 'program_officer') && p.ownsCall;
const PARTIES_ONLY = { adminOverride: false };

registerPolicy<ProjectResource>(
  'project.read',
  (actor, p) => applicantOf(actor, p, 'applicant_admin', 'applicant_filler') || reviewer(actor, p) || owner(actor, p) || (hasRole(actor, 'expert') && p.onPanel),
);
/** 实施方案, 验收申请: the applicant admin speaks for its organisation. */
registerPolicy<ProjectResource>('project.apply', (actor, p) => applicantOf(actor, p, 'applicant_admin'), PARTIES_ONLY);
/** 投资台账, 季度报告: the applicant's admin and fillers keep them. */
registerPolicy<ProjectResource>('project.fill', (actor, p) => applicantOf(actor, p, 'applicant_admin', 'applicant_filler'), PARTIES_ONLY);
registerPolicy<ProjectResource>('project.upload', (actor, p) => applicantOf(actor, p, 'applicant_admin', 'applicant_filler') || owner(actor, p), PARTIES_ONLY);
/** 签署实施协议: the applicant admin for the applicant, a program officer for the owner. */
registerPolicy<ProjectResource>('project.sign', (actor, p) => applicantOf(actor, p, 'applicant_admin') || owner(actor, p), PARTIES_ONLY);
/** 初验 by the recommender of the jurisdiction. */
registerPolicy<ProjectResource>('project.pre_accept', (actor, p) => reviewer(actor, p), PARTIES_ONLY);
/** The owner's acts: approve the plan, prepare the agreement, form the panel, decide acceptance, sanction. */
registerPolicy<ProjectResource>('project.own', (actor, p) => owner(actor, p), PARTIES_ONLY);
registerPolicy<ProjectResource>('project.expert', (actor, p) => hasRole(actor, 'expert') && p.onPanel, PARTIES_ONLY);
/** 拨付: the owner records the subsidy; the city (recommender) may record its matching funds. */
registerPolicy<ProjectResource>('project.pay', (actor, p) => owner(actor, p) || reviewer(actor, p), PARTIES_ONLY);
/** Lists of late reports: recommenders and owners, each scoped in SQL. */
registerPolicy<null>('project.supervise', (actor) => hasRole(actor, 'recommender_reviewer', 'program_officer'));
registerPolicy<null>('subsidy.read', (actor) => hasRole(actor, 'program_officer'));
/** 禁止申报 records: anyone signed in sees those that concern them (scoped in the service). */
registerPolicy<null>('ban.read', () => true);
