import type {
  ApplicationList,
  Inbox,
  IssueBody,
  Ok,
  RankingBody,
  Recommendation,
  RecommendationList,
  ReopenBody,
  ReturnBody,
  ReviewBody,
} from '@shenbao/contracts';
import type { Static } from 'typebox';
import { apiGet, apiPost, apiPut } from '../../api/client.ts';

type OkBody = Static<typeof Ok>;
export type RecommendationListBody = Static<typeof RecommendationList>;
export type ReopenReason = Static<typeof ReopenBody>['reason'];

const appPath = (id: string) => `/api/applications/${encodeURIComponent(id)}`;
const recPath = (id: string) => `/api/recommendations/${encodeURIComponent(id)}`;

// 待审申报 and decisions

/** The applications a call brought to this organisation (every call, for choosing one). */
export function listReviewApplications(signal?: AbortSignal): Promise<ApplicationList> {
  return apiGet<ApplicationList>('/api/applications', undefined, { signal });
}

export function getInbox(callId: string, signal?: AbortSignal): Promise<Inbox> {
  return apiGet<Inbox>('/api/review/inbox', { callId }, { signal });
}

/** 审核通过 (every checklist item true) or 不予推荐 (an opinion required). */
export function reviewApplication(id: string, body: ReviewBody): Promise<OkBody> {
  return apiPost<OkBody>(`${appPath(id)}/review`, body);
}

/** 退回修改: the opinion pinned to fields ('/fieldId'), with an optional revision deadline. */
export function returnApplication(id: string, body: ReturnBody): Promise<OkBody> {
  return apiPost<OkBody>(`${appPath(id)}/return`, body);
}

// 推荐

/** A reviewer's recommendation per channel (created on first read); the call's officer: every issued one. */
export function listRecommendations(callId: string, signal?: AbortSignal): Promise<RecommendationListBody> {
  return apiGet<RecommendationListBody>('/api/recommendations', { callId }, { signal });
}

export function getRecommendation(id: string, signal?: AbortSignal): Promise<Recommendation> {
  return apiGet<Recommendation>(recPath(id), undefined, { signal });
}

/** The whole order against the version seen: 409 edit_conflict when someone else reordered first. */
export function saveRanking(id: string, body: RankingBody): Promise<Recommendation> {
  return apiPut<Recommendation>(`${recPath(id)}/ranking`, body);
}

/** 出具推荐意见: signed; 422 quota_exceeded, 409 duplicate_recommendation / deadline_passed / edit_conflict. */
export function issueRecommendation(id: string, body: IssueBody): Promise<Recommendation> {
  return apiPost<Recommendation>(`${recPath(id)}/issue`, body);
}

/** 同意重新开启 (the call's program officer), with the reason kept in the audit log. */
export function reopenRecommendation(id: string, reason: ReopenReason): Promise<Recommendation> {
  return apiPost<Recommendation>(`${recPath(id)}/reopen`, { reason });
}

/** 推荐汇总表 as Excel or PDF (a plain link: the browser downloads it under the server's file name). */
export function summaryUrl(id: string, format: 'xlsx' | 'pdf' = 'xlsx'): string {
  return `${recPath(id)}/summary.${format}`;
}
