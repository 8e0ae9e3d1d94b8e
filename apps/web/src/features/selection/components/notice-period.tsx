import { Tag, Typography } from 'antd';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { formatDateTime, splitDuration } from '../../../ui/format.ts';
import { useServerClockOffset, useServerNow } from '../../../ui/server-clock.ts';

/** The state of a 公示 period by the server's clock: 未开始 / 公示中 (time left) / 公示期已结束. */
export function noticePhase(startsAt: string | null, endsAt: string | null, now: number): 'none' | 'pending' | 'open' | 'ended' {
  if (!startsAt || !endsAt) return 'none';
  if (now < Date.parse(startsAt)) return 'pending';
  return now < Date.parse(endsAt) ? 'open' : 'ended';
}

/** 公示期 with the server's times and a live countdown; `serverNow` is the server's clock when the data was read. */
export function NoticePeriod({ startsAt, endsAt, serverNow }: { startsAt: string | null; endsAt: string | null; serverNow: string }) {
  const { t } = useI18n();
  const now = useServerNow(useServerClockOffset(serverNow));
  const phase = noticePhase(startsAt, endsAt, now);
  if (phase === 'none') return null;
  const left = endsAt ? splitDuration(Date.parse(endsAt) - now) : null;
  return (
    <span data-testid="notice-period" data-phase={phase}>
      <Typography.Text>{t('notices.range', { from: formatDateTime(startsAt), to: formatDateTime(endsAt) })}</Typography.Text>{' '}
      {phase === 'open' && left && (
        <Tag color="processing" data-testid="notice-countdown">
          {t('notices.remaining', { days: left.days, time: left.time })}
        </Tag>
      )}
      {phase === 'pending' && <Tag>{t('notices.notStarted')}</Tag>}
      {phase === 'ended' && <Tag color="default">{t('notices.ended')}</Tag>}
    </span>
  );
}
