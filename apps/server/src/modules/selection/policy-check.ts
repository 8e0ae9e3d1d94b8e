import type { Candidate, CandidateList, PolicyCheckBody } from '@shenbao/contracts';
import { APPLICATION_STATUS_LABELS } from '@shenbao/contracts';
import type { Db, DbOrTx } from '../../platform/database.ts';
import type { RequestContext } from '../../platform/context.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { recordEvent } from '../audit/index.ts';
import { displayNames, organisationNames } from '../identity/index.ts';
import { applicationRows, recordReviewOutcome, ruleFindings, type ApplicationRow } from '../applications/index.ts';
import { notifyOrganisation } from '../notifications/index.ts';
import { directionLabel, loadManagedCall, type CallRecord } from './access.ts';
import * as store from './store.ts';

/**
 * What reaches the owner: items of issued recommendations of the final round. Where a channel runs through an upper
 * round (004: cities → province), a city's recommendation goes to the province, not to the owner.
 */
export async function finalRecommended(db: DbOrTx, call: CallRecord) {
  const items = await store.issuedRecommendationItems(db, call.id);
  return items.filter((item) => {
    const channel = call.program.channels.find((c) => c.id === item.channelId);
    if (!channel) return false;
    return channel.recommenderKinds.length === 1 || item.recommenderKind === channel.via;
  });
}

/** 政策性审查: every recommended application with channel, rank, a fresh run of all pack rules and the decision so far. */
export async function candidates(db: Db, ctx: RequestContext, callId: string): Promise<CandidateList> {
  const { call } = await loadManagedCall(db, ctx, callId);
  const items = await finalRecommended(db, call);
  const rows = new Map((await applicationRows(db, items.map((i) => i.applicationId))).map((r) => [r.id, r]));
  const checks = new Map((await store.policyChecksOf(db, callId)).map((c) => [c.applicationId, c]));
  const names = await organisationNames(db, [...rows.values()].map((r) => r.applicantOrganisationId));
  const deciders = await displayNames(db, [...checks.values()].map((c) => c.decidedBy));
  const out: Candidate[] = [];
  for (const item of items) {
    const row = rows.get(item.applicationId);
    if (!row) continue;
    const check = checks.get(row.id);
    out.push({
      applicationId: row.id,
      number: row.number,
      projectName: row.projectName,
      applicantName: names.get(row.applicantOrganisationId) ?? '',
      applicantOrganisationId: row.applicantOrganisationId,
      directionLabel: directionLabel(call.program, row.directionId),
      formTitle: call.forms.find((f) => f.id === row.formId)?.title ?? row.formId,
      channelId: item.channelId,
      channelLabel: call.program.channels.find((c) => c.id === item.channelId)?.label ?? item.channelId,
      recommenderName: item.recommenderName,
      rank: item.rank,
      status: row.status,
      statusLabel: APPLICATION_STATUS_LABELS[row.status],
      findings: await ruleFindings(db, row),
      policyCheck: check ? { decision: check.decision, reason: check.reason, decidedAt: check.decidedAt.toISOString(), decidedBy: deciders.get(check.decidedBy) ?? '' } : null,
    });
  }
  return { callId, callTitle: call.title, items: out };
}

/** 准予进入评审 or 不予通过 with a reason, seen by the applicant and the recommender. */
export async function decidePolicyCheck(db: Db, ctx: RequestContext, applicationId: string, body: PolicyCheckBody): Promise<void> {
  const [row] = await applicationRows(db, [applicationId]);
  if (!row) throw notFound('申报');
  const { call, actor } = await loadManagedCall(db, ctx, row.callId);
  const item = (await finalRecommended(db, call)).find((i) => i.applicationId === applicationId);
  if (!item) throw notFound('申报');
  const findings = await ruleFindings(db, row);
  await db.transaction(async (tx) => {
    await store.lockCall(tx, 'review', call.id);
    const review = await store.findReview(tx, call.id);
    const started = (await store.assignmentsOfCall(tx, call.id)).some((a) => a.applicationId === applicationId && a.submittedAt);
    if (review?.status === 'closed' || started) throw conflict('专家已开始评审该申报，不能再改变政策性审查结论');
    if ((await store.findSelection(tx, call.id))?.status === 'published') throw conflict('入选名单已公布，不能再改变政策性审查结论');
    await store.upsertPolicyCheck(tx, { applicationId, callId: call.id, decision: body.decision, reason: body.reason, findings, decidedBy: actor.userId });
    const admitted = body.decision === 'admitted';
    await recordReviewOutcome(tx, ctx, applicationId, admitted ? 'admitted' : 'excluded', ['recommended', 'admitted', 'excluded'], {
      type: admitted ? 'policy_admitted' : 'policy_rejected',
      opinion: body.reason,
      notify: {
        title: admitted ? '申报通过政策性审查，进入专家评审' : '申报未通过政策性审查',
        body: `${row.projectName ?? row.number ?? ''}：${body.reason}`,
      },
    });
    if (!admitted) await dropOpenAssignments(tx, call.id, applicationId);
    await notifyRecommender(tx, row, admitted, body.reason);
    await recordEvent(tx, ctx, { action: `selection.policy_check.${body.decision}`, resourceType: 'application', resourceId: applicationId, details: { callId: call.id, reason: body.reason, findings: findings.length } });
  });
}

async function dropOpenAssignments(tx: DbOrTx, callId: string, applicationId: string) {
  for (const a of await store.assignmentsOfCall(tx, callId)) if (a.applicationId === applicationId && !a.submittedAt) await store.deleteAssignment(tx, a.id);
}

async function notifyRecommender(tx: DbOrTx, row: ApplicationRow, admitted: boolean, reason: string) {
  if (!row.recommenderOrganisationId) return;
  await notifyOrganisation(tx, {
    organisationId: row.recommenderOrganisationId,
    type: admitted ? 'selection.policy_admitted' : 'selection.policy_rejected',
    title: admitted ? '推荐的申报通过政策性审查' : '推荐的申报未通过政策性审查',
    body: `${row.number ?? ''} ${row.projectName ?? ''}：${reason}`,
    link: `/applications/${row.id}`,
    data: { applicationId: row.id },
  });
}
