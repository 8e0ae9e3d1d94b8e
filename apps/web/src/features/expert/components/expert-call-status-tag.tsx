import type { ExpertCall } from '@shenbao/contracts';
import { Tag } from 'antd';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';

/** 评审准备中 / 评审进行中 / 评审已结束, as the expert sees the call. */
export function ExpertCallStatusTag({ status }: { status: ExpertCall['status'] }) {
  const { t } = useI18n();
  const color = status === 'scoring' ? 'processing' : status === 'closed' ? 'success' : 'default';
  return (
    <Tag color={color} data-testid="expert-call-status" data-status={status}>
      {t(status === 'scoring' ? 'sel.status.scoring' : status === 'closed' ? 'sel.status.closed' : 'sel.status.setup')}
    </Tag>
  );
}
