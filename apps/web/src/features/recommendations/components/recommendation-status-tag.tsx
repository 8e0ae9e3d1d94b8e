import type { Recommendation } from '@shenbao/contracts';
import { Tag } from 'antd';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';

/** 排序中 (draft) or 已出具 (issued, frozen). */
export function RecommendationStatusTag({ status }: { status: Recommendation['status'] }) {
  const { t } = useI18n();
  return (
    <Tag color={status === 'issued' ? 'success' : 'processing'} data-testid="recommendation-status" data-status={status}>
      {t(status === 'issued' ? 'rec.status.issued' : 'rec.status.draft')}
    </Tag>
  );
}
