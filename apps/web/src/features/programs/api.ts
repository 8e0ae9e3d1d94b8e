import type {
  CallDetail,
  CallList,
  CallListInfo,
  CallListRows,
  CheckAnswersBody,
  CheckAnswersResult,
  PackForm,
  ProgramPack,
} from '@shenbao/contracts';
import { apiGet, apiPost, apiPutFile } from '../../api/client.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A call with its pack: the contract leaves `program` and `forms` open; they are the pack as the server loaded it. */
export type CallPack = Omit<CallDetail, 'program' | 'forms'> & { program: ProgramPack; forms: PackForm[] };

const callPath = (id: string) => `/api/calls/${encodeURIComponent(id)}`;
const listPath = (callId: string, listId: string) => `${callPath(callId)}/lists/${encodeURIComponent(listId)}`;

// 申报通知

export function listCalls(signal?: AbortSignal): Promise<CallList> {
  return apiGet<CallList>('/api/calls', undefined, { signal });
}

export async function getCall(id: string, signal?: AbortSignal): Promise<CallPack> {
  // The server validated the pack against ProgramPack / PackForm when it loaded it.
  return (await apiGet<CallDetail>(callPath(id), undefined, { signal })) as CallPack;
}

export function checkAnswers(callId: string, formId: string, body: CheckAnswersBody): Promise<CheckAnswersResult> {
  return apiPost<CheckAnswersResult>(`${callPath(callId)}/forms/${encodeURIComponent(formId)}/check`, body);
}

// 导入名单

export function getCallList(callId: string, listId: string, signal?: AbortSignal): Promise<CallListRows> {
  return apiGet<CallListRows>(listPath(callId, listId), undefined, { signal });
}

/** The Excel template (a plain link: the browser downloads it with the server's file name). */
export function callListTemplateUrl(callId: string, listId: string): string {
  return `${listPath(callId, listId)}/template`;
}

/** Replaces the list with the rows of an .xlsx file (the issuing department's officers only). */
export function importCallList(callId: string, listId: string, file: File): Promise<CallListInfo> {
  return apiPutFile<CallListInfo>(listPath(callId, listId), file, XLSX);
}
