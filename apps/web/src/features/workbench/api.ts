import type { Health } from '@shenbao/contracts';
import { apiGet } from '../../api/client.ts';

export function fetchHealth(signal?: AbortSignal): Promise<Health> {
  return apiGet<Health>('/api/health', undefined, { signal });
}
