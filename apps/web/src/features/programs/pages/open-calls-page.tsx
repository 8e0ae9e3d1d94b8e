import { Card, Empty, Skeleton, Typography } from 'antd';
import { useRequest } from '../../../api/use-request.ts';
import { useAuth } from '../../../app/auth/auth-provider.tsx';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { useServerClockOffset } from '../../../ui/server-clock.ts';
import { ErrorView } from '../../../ui/status-views.tsx';
import { listCalls } from '../api.ts';
import { OpenCallCard } from '../components/open-call-card.tsx';

/** 申报通知 (public): the calls now taking applications, each with its self-check and 开始申报. */
export function OpenCallsPage() {
  const { t } = useI18n();
  const { me } = useAuth();
  const { data, error, loading, reload } = useRequest((signal) => listCalls(signal), []);
  const serverTime = data?.items[0]?.serverTime;
  const offsetMs = useServerClockOffset(serverTime);
  const open = (data?.items ?? []).filter((c) => c.application.phase === 'open' || c.application.phase === 'extension');

  return (
    <div data-testid="open-calls">
      <Card style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="open-calls-title">
          {t('openCalls.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {t('openCalls.intro')}
          {serverTime && ` ${t('stages.serverTime', { time: formatDateTime(serverTime) })}`}
        </Typography.Paragraph>
      </Card>
      {error !== undefined ? (
        <ErrorView error={error} onRetry={reload} />
      ) : loading && !data ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : open.length === 0 ? (
        <Card>
          <Empty description={t('openCalls.none')} />
        </Card>
      ) : (
        open.map((call) => <OpenCallCard key={call.id} call={call} me={me} offsetMs={offsetMs} />)
      )}
    </div>
  );
}
