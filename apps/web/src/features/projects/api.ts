import type { AcceptanceExperts,
  AcceptanceApplyBody,
  AcceptanceDecisionBody,
  AcceptanceReviewBody,
  AgreementBody,
  BanList,
  DecisionOpinionBody,
  FILE_PURPOSES,
  Ledger,
  LedgerItem,
  LedgerItemBody,
  Ok,
  OverdueReports,
  PanelBody,
  PaymentBody,
  PlanBody,
  PreAcceptanceBody,
  ProjectDetail,
  ProjectFile,
  ProjectList,
  ProjectStatusName,
  ReportBody,
  SanctionBody,
  SignBody,
  SubsidyPlan,
  SubsidySummary,
} from '@shenbao/contracts';
import type { Static } from 'typebox';
import { ApiError, apiDelete, apiGet, apiPost, apiPut, getCsrfToken } from '../../api/client.ts';

// 项目管理 (#7): a selected project from its implementation plan to the last subsidy payment. Bodies and answers are
// the contracts of packages/contracts/src/projects.ts; every amount comes from the server (万元, two decimals).

type OkBody = Static<typeof Ok>;
export type FilePurpose = (typeof FILE_PURPOSES)[number];

const projectPath = (id: string) => `/api/projects/${encodeURIComponent(id)}`;

export function listProjects(filter: { callId?: string; status?: ProjectStatusName; risk?: boolean }, signal?: AbortSignal): Promise<ProjectList> {
  return apiGet<ProjectList>('/api/projects', { callId: filter.callId, status: filter.status, risk: filter.risk ? true : undefined }, { signal });
}

export function getProject(id: string, signal?: AbortSignal): Promise<ProjectDetail> {
  return apiGet<ProjectDetail>(projectPath(id), undefined, { signal });
}

/** 逾期报送与逾期未报: the recommender's jurisdiction, or all of the owner's calls. */
/** 验收专家候选: the experts the owner may choose, each with the reason it must stay out (null when free). */
export function getPanelCandidates(id: string, signal?: AbortSignal): Promise<AcceptanceExperts> {
  return apiGet<AcceptanceExperts>(`${projectPath(id)}/acceptance/experts`, undefined, { signal });
}

export function getOverdueReports(callId: string | undefined, signal?: AbortSignal): Promise<OverdueReports> {
  return apiGet<OverdueReports>('/api/project-reports/overdue', { callId }, { signal });
}

export function fileUrl(projectId: string, fileId: string): string {
  return `${projectPath(projectId)}/files/${encodeURIComponent(fileId)}`;
}

const CONTENT_TYPES: Record<string, string> = { '.pdf': 'application/pdf', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png' };

/** A scan or document as the raw body; the server checks the content against the extension and hashes it. */
export async function uploadProjectFile(projectId: string, purpose: FilePurpose, file: File): Promise<ProjectFile> {
  const ext = (/\.[^.]+$/.exec(file.name)?.[0] ?? '').toLowerCase();
  const query = new URLSearchParams({ purpose, name: file.name });
  const headers: Record<string, string> = { accept: 'application/json', 'content-type': CONTENT_TYPES[ext] ?? 'application/octet-stream' };
  const csrf = getCsrfToken();
  if (csrf) headers['x-csrf-token'] = csrf;
  let response: Response;
  try {
    response = await fetch(`${projectPath(projectId)}/files?${query.toString()}`, { method: 'POST', headers, body: file, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network_error', '无法连接服务器，请检查网络后重试');
  }
  const payload = (await response.json().catch(() => null)) as unknown;
  if (response.ok) return payload as ProjectFile;
  const error = (payload as { error?: { code?: string; message?: string; fields?: { path: string; message: string }[] } } | null)?.error;
  throw new ApiError(response.status, error?.code ?? 'http_error', error?.message ?? `服务器返回错误（HTTP ${response.status}）`, error?.fields ?? []);
}

// 实施方案与实施协议

export function submitPlan(id: string, body: PlanBody): Promise<OkBody> {
  return apiPost<OkBody>(`${projectPath(id)}/plan`, body);
}

export function decidePlan(id: string, body: DecisionOpinionBody): Promise<OkBody> {
  return apiPost<OkBody>(`${projectPath(id)}/plan/decision`, body);
}

export function prepareAgreement(id: string, body: AgreementBody): Promise<OkBody> {
  return apiPut<OkBody>(`${projectPath(id)}/agreement`, body);
}

export function signAgreement(id: string, body: SignBody): Promise<OkBody> {
  return apiPost<OkBody>(`${projectPath(id)}/agreement/sign`, body);
}

// 季度进展报告

export function submitReport(id: string, body: ReportBody): Promise<OkBody> {
  return apiPost<OkBody>(`${projectPath(id)}/reports`, body);
}

// 投资台账

export function getLedger(id: string, signal?: AbortSignal): Promise<Ledger> {
  return apiGet<Ledger>(`${projectPath(id)}/ledger`, undefined, { signal });
}

export function addLedgerItem(id: string, body: LedgerItemBody): Promise<LedgerItem> {
  return apiPost<LedgerItem>(`${projectPath(id)}/ledger`, body);
}

export function updateLedgerItem(id: string, itemId: string, body: LedgerItemBody): Promise<LedgerItem> {
  return apiPut<LedgerItem>(`${projectPath(id)}/ledger/${encodeURIComponent(itemId)}`, body);
}

export function deleteLedgerItem(id: string, itemId: string): Promise<OkBody> {
  return apiDelete<OkBody>(`${projectPath(id)}/ledger/${encodeURIComponent(itemId)}`);
}

// 验收

export function applyForAcceptance(id: string, body: AcceptanceApplyBody): Promise<OkBody> {
  return apiPost<OkBody>(`${projectPath(id)}/acceptance`, body);
}

export function preReview(id: string, body: PreAcceptanceBody): Promise<OkBody> {
  return apiPost<OkBody>(`${projectPath(id)}/acceptance/pre-review`, body);
}

export function formPanel(id: string, body: PanelBody): Promise<OkBody> {
  return apiPut<OkBody>(`${projectPath(id)}/acceptance/panel`, body);
}

export function reviewAcceptance(id: string, body: AcceptanceReviewBody): Promise<OkBody> {
  return apiPost<OkBody>(`${projectPath(id)}/acceptance/review`, body);
}

export function decideAcceptance(id: string, body: AcceptanceDecisionBody): Promise<OkBody> {
  return apiPost<OkBody>(`${projectPath(id)}/acceptance/decision`, body);
}

// 资金、称号与处理

export function recordPayment(id: string, body: PaymentBody): Promise<SubsidyPlan> {
  return apiPost<SubsidyPlan>(`${projectPath(id)}/payments`, body);
}

export function getSubsidySummary(query: { callId?: string; year?: number }, signal?: AbortSignal): Promise<SubsidySummary> {
  return apiGet<SubsidySummary>('/api/subsidies/summary', query, { signal });
}

export function sanction(id: string, body: SanctionBody): Promise<OkBody> {
  return apiPost<OkBody>(`${projectPath(id)}/sanctions`, body);
}

export function listBans(signal?: AbortSignal): Promise<BanList> {
  return apiGet<BanList>('/api/bans', undefined, { signal });
}
