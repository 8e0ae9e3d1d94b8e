import { Tag } from 'antd';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { noticePhase } from '../../selection/components/notice-period.tsx';

/** 公示中 / 公示期已结束 / 已公布, by the server's clock. */
export function NoticeKindTag({ kind, startsAt, endsAt, now }: { kind: 'public_notice' | 'published'; startsAt: string | null; endsAt: string | null; now: number }) {
  const { t } = useI18n();
  if (kind === 'published') {
    return (
      <Tag color="success" data-testid="notice-kind" data-kind="published">
        {t('notices.kindPublished')}
      </Tag>
    );
  }
  const phase = noticePhase(startsAt, endsAt, now);
  return (
    <Tag color={phase === 'open' ? 'processing' : 'default'} data-testid="notice-kind" data-kind="public_notice">
      {t(phase === 'open' ? 'notices.kindOpen' : phase === 'pending' ? 'notices.notStarted' : 'notices.ended')}
    </Tag>
  );
}
