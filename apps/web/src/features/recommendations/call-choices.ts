import type { ApplicationSummary, CallSummary, Me } from '@shenbao/contracts';

export interface CallChoices {
  /** Calls this organisation has applications in (or, for an officer, issued), in the server's order. */
  related: CallSummary[];
  others: CallSummary[];
  /** Applications per call that reached this organisation. */
  counts: ReadonlyMap<string, number>;
}

/**
 * Which calls to offer first: those whose applications reached the organisation (GET /api/applications is already
 * scoped by the server: a recommender's jurisdiction, an officer's own calls) and, for an officer, the calls its
 * organisation issued. The rest stay choosable (a province's own round starts from its cities' issued sets).
 */
export function callChoices(calls: readonly CallSummary[], applications: readonly ApplicationSummary[], me: Me): CallChoices {
  const counts = new Map<string, number>();
  for (const application of applications) counts.set(application.callId, (counts.get(application.callId) ?? 0) + 1);
  const isRelated = (call: CallSummary) => counts.has(call.id) || call.issuerOrganisationId === me.organisation.id;
  return { related: calls.filter(isRelated), others: calls.filter((call) => !isRelated(call)), counts };
}
