import type { AuditList, AuditQuery, AuditVerification } from '@shenbao/contracts';
import { apiGet } from '../../api/client.ts';

export function listAuditEvents(query: AuditQuery, signal?: AbortSignal): Promise<AuditList> {
  return apiGet<AuditList>('/api/audit', { ...query }, { signal });
}

export function verifyAuditChain(): Promise<AuditVerification> {
  return apiGet<AuditVerification>('/api/audit/verify');
}
