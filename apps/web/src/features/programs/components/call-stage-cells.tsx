import type { CallSummary } from '@shenbao/contracts';
import { Space, Tag, Typography } from 'antd';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { formatDateMinute } from '../../../ui/format.ts';
import { DeadlineCountdown } from './deadline-countdown.tsx';

/** 当前阶段 as the server's clock says. */
export function CurrentStageTag({ call }: { call: CallSummary }) {
  const { t } = useI18n();
  if (!call.currentStage) return <Typography.Text type="secondary">{t('calls.noStage')}</Typography.Text>;
  return <Tag color="processing">{call.currentStage.label}</Tag>;
}

/** 下一截止时间: the time in Beijing time, the stage that closes then, and the countdown. */
export function NextDeadline({ call, offsetMs }: { call: CallSummary; offsetMs: number }) {
  const { t } = useI18n();
  const next = call.nextDeadline;
  if (!next) return <Typography.Text type="secondary">{t('calls.noDeadline')}</Typography.Text>;
  return (
    <Space direction="vertical" size={0}>
      <span style={{ whiteSpace: 'nowrap' }}>{formatDateMinute(next.closes)}</span>
      <Typography.Text type="secondary">{next.stage}</Typography.Text>
      <DeadlineCountdown closes={next.closes} offsetMs={offsetMs} />
    </Space>
  );
}
