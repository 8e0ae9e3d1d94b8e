import { hasRole } from '../../platform/context.ts';
import { isWithin, registerPolicy, type OrganisationResource } from '../identity/index.ts';

/** Imported lists: the issuing 主管部门 (or one above it) maintains them; authorities may read them. */
registerPolicy<OrganisationResource | null>('call.list.import', (actor, issuer) => hasRole(actor, 'program_officer') && issuer !== null && isWithin(actor, issuer));
registerPolicy<null>('call.list.read', (actor) => hasRole(actor, 'program_officer', 'recommender_reviewer'));
/** Anyone signed in may check answers against a call's rules (the applicant's own organisation is $org). */
registerPolicy<null>('call.check', () => true);
registerPolicy<OrganisationResource | null>('call.schedule', (actor, issuer) => hasRole(actor, 'program_officer') && issuer !== null && isWithin(actor, issuer));
