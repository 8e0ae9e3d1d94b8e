import type { VerifyDocumentQuery, VerifyDocumentResult } from '@shenbao/contracts';
import { apiGet } from '../../api/client.ts';

/** 申报书 as PDF or Word (a plain link: the browser downloads it under the server's file name). */
export function documentUrl(applicationId: string, format: 'pdf' | 'docx'): string {
  return `/api/applications/${encodeURIComponent(applicationId)}/document.${format}`;
}

/** 申报材料核验: public, answers only whether the number and hash belong to a submitted snapshot. */
export function verifyDocument(query: VerifyDocumentQuery, signal?: AbortSignal): Promise<VerifyDocumentResult> {
  return apiGet<VerifyDocumentResult>('/api/verify', { number: query.number, sha256: query.sha256 }, { signal, handleUnauthorized: false });
}
