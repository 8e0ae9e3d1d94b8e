import type { ExportCreateBody, ExportJob, ExportJobList } from '@shenbao/contracts';
import { apiGet, apiPost } from '../../api/client.ts';

const jobPath = (id: string) => `/api/exports/${encodeURIComponent(id)}`;

/** 批量导出: queue a ZIP of the call (or of one recommender); 201 with the queued job. */
export function createExport(body: ExportCreateBody): Promise<ExportJob> {
  return apiPost<ExportJob>('/api/exports', body);
}

export function getExport(id: string, signal?: AbortSignal): Promise<ExportJob> {
  return apiGet<ExportJob>(jobPath(id), undefined, { signal });
}

/** 我的导出: this user's jobs, newest first. */
export function listExports(signal?: AbortSignal): Promise<ExportJobList> {
  return apiGet<ExportJobList>('/api/exports', undefined, { signal });
}

export function cancelExport(id: string): Promise<ExportJob> {
  return apiPost<ExportJob>(`${jobPath(id)}/cancel`);
}

/** A plain link: the browser streams the ZIP to disk under the server's file name. */
export function downloadUrl(id: string): string {
  return `${jobPath(id)}/download`;
}

export const isActive = (job: Pick<ExportJob, 'status'>) => job.status === 'queued' || job.status === 'running';
