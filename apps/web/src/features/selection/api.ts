import type {
  ApproveBody,
  AssignResult,
  CandidateList,
  ConflictBody,
  ConflictList,
  DefenceOverview,
  DefenceSessionBody,
  ManualAssignmentBody,
  NoticeBody,
  Ok,
  PanelResultBody,
  PolicyCheckBody,
  ProposeBody,
  PublishBody,
  RemindResult,
  ResolveObjectionBody,
  ReviewOverview,
  ReviewSettings,
  SelectionView,
  ShortlistBody,
} from '@shenbao/contracts';
import type { Static } from 'typebox';
import { apiGet, apiPost, apiPut } from '../../api/client.ts';

// The program owner's selection (遴选评审): policy check, experts and conflicts, assignment and scores, defence,
// decision, public notice and publication. Bodies and answers are the contracts of packages/contracts/src/selection.ts.

type OkBody = Static<typeof Ok>;
export type ConflictListBody = Static<typeof ConflictList>;
export type RemindResultBody = Static<typeof RemindResult>;

const callPath = (callId: string) => `/api/selection/calls/${encodeURIComponent(callId)}`;
const id = (value: string) => encodeURIComponent(value);

// 政策性审查

export function getCandidates(callId: string, signal?: AbortSignal): Promise<CandidateList> {
  return apiGet<CandidateList>(`${callPath(callId)}/candidates`, undefined, { signal });
}

/** 准予进入评审 / 不予通过, always with a reason (visible to the applicant and the recommender when rejected). */
export function policyCheck(applicationId: string, body: PolicyCheckBody): Promise<OkBody> {
  return apiPost<OkBody>(`/api/selection/applications/${id(applicationId)}/policy-check`, body);
}

// 专家评审

export function getReview(callId: string, signal?: AbortSignal): Promise<ReviewOverview> {
  return apiGet<ReviewOverview>(`${callPath(callId)}/review`, undefined, { signal });
}

export function saveReviewSettings(callId: string, body: ReviewSettings): Promise<ReviewOverview> {
  return apiPut<ReviewOverview>(`${callPath(callId)}/review/settings`, body);
}

export function getConflicts(callId: string, signal?: AbortSignal): Promise<ConflictListBody> {
  return apiGet<ConflictListBody>(`${callPath(callId)}/conflicts`, undefined, { signal });
}

/** 指定回避 (pinned) or 解除回避 (lifted), with the reason kept in the audit log. */
export function recordConflict(callId: string, body: ConflictBody): Promise<OkBody> {
  return apiPost<OkBody>(`${callPath(callId)}/conflicts`, body);
}

/** 一键分配; an infeasible assignment answers 422 with the reason in the message and fields. */
export function assignExperts(callId: string): Promise<AssignResult> {
  return apiPost<AssignResult>(`${callPath(callId)}/assign`);
}

export function addAssignment(callId: string, body: Static<typeof ManualAssignmentBody>): Promise<OkBody> {
  return apiPost<OkBody>(`${callPath(callId)}/assignments`, body);
}

export function removeAssignment(assignmentId: string, reason: string): Promise<OkBody> {
  return apiPost<OkBody>(`/api/selection/assignments/${id(assignmentId)}/remove`, { reason });
}

export function remindExperts(callId: string): Promise<RemindResultBody> {
  return apiPost<RemindResultBody>(`${callPath(callId)}/remind`);
}

export function closeReview(callId: string): Promise<ReviewOverview> {
  return apiPost<ReviewOverview>(`${callPath(callId)}/review/close`);
}

// 现场答辩

export function getDefence(callId: string, signal?: AbortSignal): Promise<DefenceOverview> {
  return apiGet<DefenceOverview>(`${callPath(callId)}/defence`, undefined, { signal });
}

export function saveShortlist(callId: string, body: Static<typeof ShortlistBody>): Promise<DefenceOverview> {
  return apiPut<DefenceOverview>(`${callPath(callId)}/defence/shortlist`, body);
}

export function createDefenceSession(callId: string, body: DefenceSessionBody): Promise<DefenceOverview> {
  return apiPost<DefenceOverview>(`${callPath(callId)}/defence/sessions`, body);
}

export function savePanelResult(sessionId: string, applicationId: string, body: PanelResultBody): Promise<DefenceOverview> {
  return apiPut<DefenceOverview>(`/api/selection/defence/sessions/${id(sessionId)}/slots/${id(applicationId)}`, body);
}

// 审定、公示、公布

export function getDecision(callId: string, signal?: AbortSignal): Promise<SelectionView> {
  return apiGet<SelectionView>(`${callPath(callId)}/decision`, undefined, { signal });
}

/** The whole proposed list against the version seen (409 when someone else changed it first). */
export function proposeSelection(callId: string, body: ProposeBody): Promise<SelectionView> {
  return apiPut<SelectionView>(`${callPath(callId)}/decision`, body);
}

export function approveSelection(callId: string, body: Static<typeof ApproveBody>): Promise<SelectionView> {
  return apiPost<SelectionView>(`${callPath(callId)}/decision/approve`, body);
}

export function publishNotice(callId: string, body: Static<typeof NoticeBody>): Promise<SelectionView> {
  return apiPost<SelectionView>(`${callPath(callId)}/decision/notice`, body);
}

export function resolveObjection(objectionId: string, body: ResolveObjectionBody): Promise<SelectionView> {
  return apiPost<SelectionView>(`/api/selection/objections/${id(objectionId)}/resolve`, body);
}

export function publishList(callId: string, body: Static<typeof PublishBody>): Promise<SelectionView> {
  return apiPost<SelectionView>(`${callPath(callId)}/decision/publish`, body);
}

/** 入选名单 downloads (plain links: the browser saves them under the server's file name). */
export function selectionListUrl(callId: string, format: 'xlsx' | 'pdf'): string {
  return `${callPath(callId)}/decision/list.${format}`;
}
