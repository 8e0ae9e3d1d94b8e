import type { DeclareConflictBody, ExpertAssignmentDetail, ExpertAssignmentList, ExpertCallList, Ok, ScoreBody, StatementBody } from '@shenbao/contracts';
import type { Static } from 'typebox';
import { apiGet, apiPost, apiPut } from '../../api/client.ts';

// The expert's side of 专家评审: only its own assignments, and nothing before the statement is signed.

type OkBody = Static<typeof Ok>;
export type ExpertCallListBody = Static<typeof ExpertCallList>;
export type ExpertAssignmentListBody = Static<typeof ExpertAssignmentList>;
export type StatementPhase = Static<typeof StatementBody>['phase'];

const callPath = (callId: string) => `/api/expert/calls/${encodeURIComponent(callId)}`;
const assignmentPath = (id: string) => `/api/expert/assignments/${encodeURIComponent(id)}`;

export function listExpertCalls(signal?: AbortSignal): Promise<ExpertCallListBody> {
  return apiGet<ExpertCallListBody>('/api/expert/calls', undefined, { signal });
}

/** 保密及无利益冲突承诺: 'before' opens the assignments, 'after' closes the expert's part of the review. */
export function signStatement(callId: string, phase: StatementPhase): Promise<OkBody> {
  return apiPost<OkBody>(`${callPath(callId)}/statement`, { phase, accepted: true });
}

export function listAssignments(callId: string, signal?: AbortSignal): Promise<ExpertAssignmentListBody> {
  return apiGet<ExpertAssignmentListBody>(`${callPath(callId)}/assignments`, undefined, { signal });
}

export function getAssignment(id: string, signal?: AbortSignal): Promise<ExpertAssignmentDetail> {
  return apiGet<ExpertAssignmentDetail>(assignmentPath(id), undefined, { signal });
}

/** 暂存 (submit=false) or 提交 (submit=true); field errors come back as /scores/<criterion>, /comments/<criterion>. */
export function saveScores(id: string, body: ScoreBody): Promise<ExpertAssignmentDetail> {
  return apiPut<ExpertAssignmentDetail>(`${assignmentPath(id)}/scores`, body);
}

/** 申明回避: the expert declares a conflict with this applicant and leaves the assignment. */
export function declareConflict(id: string, body: Static<typeof DeclareConflictBody>): Promise<OkBody> {
  return apiPost<OkBody>(`${assignmentPath(id)}/conflict`, body);
}

/** An attachment of an assigned application, while the review is open (a plain link). */
export function assignmentFileUrl(assignmentId: string, fileId: string): string {
  return `${assignmentPath(assignmentId)}/files/${encodeURIComponent(fileId)}`;
}

/** The printed application (申报书 PDF) of an assigned application, while the review is open. */
export function assignmentDocumentUrl(assignmentId: string): string {
  return `${assignmentPath(assignmentId)}/document.pdf`;
}
