import { Typography } from 'antd';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { splitDuration } from '../../../ui/format.ts';
import { useServerNow } from '../../../ui/server-clock.ts';

const DAY = 86_400_000;

/** Time left until `closes`, by the server's clock (`offsetMs` from the answer's serverTime). */
export function DeadlineCountdown({ closes, offsetMs }: { closes: string; offsetMs: number }) {
  const { t } = useI18n();
  const now = useServerNow(offsetMs);
  const left = Date.parse(closes) - now;
  if (left <= 0) {
    return (
      <Typography.Text type="secondary" data-testid="deadline-countdown">
        {t('calls.closed')}
      </Typography.Text>
    );
  }
  const { days, time } = splitDuration(left);
  return (
    <Typography.Text type={left < DAY ? 'danger' : left < 7 * DAY ? 'warning' : undefined} data-testid="deadline-countdown">
      {days > 0 ? t('calls.remainingDays', { days, time }) : t('calls.remaining', { time })}
    </Typography.Text>
  );
}
