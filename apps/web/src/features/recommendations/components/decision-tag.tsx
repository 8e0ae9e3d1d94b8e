import type { InboxItem } from '@shenbao/contracts';
import { Tag, Tooltip } from 'antd';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { formatDateTime } from '../../../ui/format.ts';

/** 审核结论 of this organisation: 审核通过 / 不予推荐 (opinion and time on hover), 退回修改, or 待审核. */
export function DecisionTag({ item }: { item: InboxItem }) {
  const { t } = useI18n();
  const { decision } = item;
  if (!decision) {
    const returned = item.application.status === 'returned';
    return (
      <Tag color={returned ? 'warning' : undefined} data-testid="decision-tag" data-decision={returned ? 'returned' : 'pending'}>
        {t(returned ? 'rec.decision.returned' : 'rec.decision.pending')}
      </Tag>
    );
  }
  const passed = decision.decision === 'passed';
  const tip = `${formatDateTime(decision.decidedAt)}${decision.opinion ? ` · ${decision.opinion}` : ''}`;
  return (
    <Tooltip title={tip}>
      <Tag color={passed ? 'success' : 'error'} data-testid="decision-tag" data-decision={decision.decision}>
        {t(passed ? 'rec.decision.passed' : 'rec.decision.rejected')}
      </Tag>
    </Tooltip>
  );
}
