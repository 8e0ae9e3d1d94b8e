import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { useRequest } from '../../../api/use-request.ts';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { ErrorView } from '../../../ui/status-views.tsx';
import { listApplications } from '../api.ts';
import { ApplicationsTable } from '../components/applications-table.tsx';

/** 我的申报: the organisation's applications (a filler sees those assigned to it; the server scopes the list). */
export function MyApplicationsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { data, error, loading, reload } = useRequest((signal) => listApplications(signal), []);
  return (
    <Card
      title={<Typography.Title level={4} style={{ margin: 0 }}>{t('applications.title')}</Typography.Title>}
      extra={
        <Link to="/open-calls">
          <Button type="primary" icon={<PlusOutlined />} data-testid="applications-new">
            {t('applications.new')}
          </Button>
        </Link>
      }
    >
      {error !== undefined ? (
        <ErrorView error={error} onRetry={reload} />
      ) : (
        <ApplicationsTable items={data?.items ?? []} loading={loading} onOpen={(a) => navigate(`/applications/${a.id}`)} />
      )}
    </Card>
  );
}
