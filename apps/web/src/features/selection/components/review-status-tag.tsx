import type { ReviewOverview } from '@shenbao/contracts';
import { Tag } from 'antd';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import type { MessageKey } from '../../../app/i18n/messages.ts';

const LABELS: Record<ReviewOverview['status'], { key: MessageKey; color: string }> = {
  setup: { key: 'sel.status.setup', color: 'default' },
  scoring: { key: 'sel.status.scoring', color: 'processing' },
  closed: { key: 'sel.status.closed', color: 'success' },
};

/** 评审准备中 / 专家评分中 / 评审已结束. */
export function ReviewStatusTag({ status }: { status: ReviewOverview['status'] }) {
  const { t } = useI18n();
  const label = LABELS[status];
  return (
    <Tag color={label.color} data-testid="review-status" data-status={status}>
      {t(label.key)}
    </Tag>
  );
}
