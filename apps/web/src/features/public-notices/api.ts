import type { ObjectionBody, ObjectionReceipt, PublicNotice, PublicNoticeList } from '@shenbao/contracts';
import type { Static } from 'typebox';
import { apiGet, apiPost } from '../../api/client.ts';

// 公示公告: public pages, no sign-in. A 401 here must not send the visitor to the login page.

export type PublicNoticeListBody = Static<typeof PublicNoticeList>;
export type PublicNoticeSummary = PublicNoticeListBody['items'][number];
export type ObjectionReceiptBody = Static<typeof ObjectionReceipt>;

const PUBLIC = { handleUnauthorized: false } as const;

export function listNotices(signal?: AbortSignal): Promise<PublicNoticeListBody> {
  return apiGet<PublicNoticeListBody>('/api/public/notices', undefined, { ...PUBLIC, signal });
}

/** A notice with the database's time of the answer, so the period is counted by the clock that decides it. */
export async function getNotice(id: string, signal?: AbortSignal): Promise<{ notice: PublicNotice; serverTime: string | undefined }> {
  const notice = await apiGet<PublicNotice>(`/api/public/notices/${encodeURIComponent(id)}`, undefined, { ...PUBLIC, signal });
  return { notice, serverTime: notice.now };
}

/** 提出异议 during the notice period; evidence files travel as base64 (at most 3, PDF/JPG/PNG). */
export function lodgeObjection(id: string, body: ObjectionBody): Promise<ObjectionReceiptBody> {
  return apiPost<ObjectionReceiptBody>(`/api/public/notices/${encodeURIComponent(id)}/objections`, body, PUBLIC);
}
