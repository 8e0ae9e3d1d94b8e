import type { Ok } from '@shenbao/contracts';
import type { Static } from 'typebox';
import { apiGet, apiPost } from '../../api/client.ts';

// The contracts do not export the notification list yet (the schema lives in the server's notifications/routes.ts);
// this mirrors it until they do.
export interface NotificationItem {
  id: string;
  type: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationList {
  items: NotificationItem[];
  unread: number;
}

export function listNotifications(signal?: AbortSignal): Promise<NotificationList> {
  return apiGet<NotificationList>('/api/notifications', undefined, { signal });
}

export function markNotificationsRead(ids: string[]): Promise<Static<typeof Ok>> {
  return apiPost<Static<typeof Ok>>('/api/notifications/read', { ids });
}
