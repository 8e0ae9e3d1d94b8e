import { Card, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useRequest } from '../../../api/use-request.ts';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { useServerClockOffset } from '../../../ui/server-clock.ts';
import { ErrorView } from '../../../ui/status-views.tsx';
import { listCalls } from '../api.ts';
import { CallsTable } from '../components/calls-table.tsx';

/** 申报通知: every call on the platform, with its stage and next deadline by the server's clock. */
export function CallListPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { data, error, loading, reload } = useRequest((signal) => listCalls(signal), []);
  const offsetMs = useServerClockOffset(data?.items[0]?.serverTime);

  return (
    <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{t('calls.title')}</Typography.Title>}>
      <Typography.Paragraph type="secondary">{t('calls.intro')}</Typography.Paragraph>
      {error !== undefined ? (
        <ErrorView error={error} onRetry={reload} />
      ) : (
        <CallsTable items={data?.items ?? []} loading={loading} offsetMs={offsetMs} onOpen={(call) => navigate(`/calls/${call.id}`)} />
      )}
    </Card>
  );
}
