import type {
  ApplicationDetail,
  ApplicationList,
  AssignFillersBody,
  CheckResult,
  CreateApplicationBody,
  Ok,
  SaveSectionBody,
  SaveSectionResult,
  SnapshotVerification,
  SubmitBody,
  SubmitResult,
  VersionDiff,
  WithdrawBody,
} from '@shenbao/contracts';
import type { Static } from 'typebox';
import { apiGet, apiPost, apiPut } from '../../api/client.ts';

export type CheckResultBody = Static<typeof CheckResult>;
export type Verification = Static<typeof SnapshotVerification>;
type OkBody = Static<typeof Ok>;

const appPath = (id: string) => `/api/applications/${encodeURIComponent(id)}`;

// 我的申报

export function listApplications(signal?: AbortSignal): Promise<ApplicationList> {
  return apiGet<ApplicationList>('/api/applications', undefined, { signal });
}

export function getApplication(id: string, signal?: AbortSignal): Promise<ApplicationDetail> {
  return apiGet<ApplicationDetail>(appPath(id), undefined, { signal });
}

/** 开始申报: a draft for a call, form and direction (the applicant admin only). */
export function createApplication(body: CreateApplicationBody): Promise<ApplicationDetail> {
  return apiPost<ApplicationDetail>('/api/applications', body);
}

// 填报

/** One section's answers under optimistic versioning: a stale baseVersion gets 409 edit_conflict. */
export function saveSection(id: string, sectionId: string, body: SaveSectionBody): Promise<SaveSectionResult> {
  return apiPut<SaveSectionResult>(`${appPath(id)}/sections/${encodeURIComponent(sectionId)}`, body);
}

export function assignFillers(id: string, fillerIds: Static<typeof AssignFillersBody>['fillerIds']): Promise<OkBody> {
  return apiPut<OkBody>(`${appPath(id)}/fillers`, { fillerIds });
}

export function checkApplication(id: string): Promise<CheckResultBody> {
  return apiPost<CheckResultBody>(`${appPath(id)}/check`);
}

// 提交与撤回

export function submitApplication(id: string, body: SubmitBody): Promise<SubmitResult> {
  return apiPost<SubmitResult>(`${appPath(id)}/submit`, body);
}

export function withdrawApplication(id: string, reason: Static<typeof WithdrawBody>['reason']): Promise<OkBody> {
  return apiPost<OkBody>(`${appPath(id)}/withdraw`, { reason });
}

// 版本

export function verifySubmission(id: string, seq: number): Promise<Verification> {
  return apiGet<Verification>(`${appPath(id)}/submissions/${seq}/verify`);
}

export function diffSubmissions(id: string, from: number, to: number, signal?: AbortSignal): Promise<VersionDiff> {
  return apiGet<VersionDiff>(`${appPath(id)}/diff`, { from, to }, { signal });
}

/** A plain link: the browser downloads the file under its own name. */
export function fileUrl(applicationId: string, fileId: string): string {
  return `${appPath(applicationId)}/files/${encodeURIComponent(fileId)}`;
}
