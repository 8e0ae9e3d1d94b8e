import type { OverdueReports } from '@shenbao/contracts';
import { Card, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useRequest } from '../../../api/use-request.ts';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { formatCalendarDate, formatDateTime } from '../../../ui/format.ts';
import { ErrorView } from '../../../ui/status-views.tsx';
import { getOverdueReports } from '../api.ts';
import { ReportStateTag } from '../status.tsx';

type Row = OverdueReports['items'][number];

/** 逾期报送与逾期未报: the recommender's jurisdiction, or all of the owner's calls (scoped by the server). */
export function OverdueReportsCard({ callId }: { callId: string | undefined }) {
  const { t } = useI18n();
  const overdue = useRequest((signal) => getOverdueReports(callId, signal), [callId]);
  if (overdue.error !== undefined) return <ErrorView error={overdue.error} onRetry={overdue.reload} />;
  const items = overdue.data?.items ?? [];
  const missing = items.filter((i) => i.state === 'missing').length;
  return (
    <Card
      title={t('proj.overdue.title')}
      extra={<Typography.Text type="secondary">{t('proj.overdue.counts', { missing, late: items.length - missing })}</Typography.Text>}
      data-testid="overdue-reports"
    >
      <Table<Row>
        rowKey={(r) => `${r.projectId}:${r.year}:${r.quarter}`}
        size="small"
        loading={overdue.loading}
        dataSource={items}
        pagination={items.length > 10 ? { pageSize: 10 } : false}
        scroll={{ x: 1200 }}
        locale={{ emptyText: t('proj.overdue.empty') }}
        columns={[
          { title: t('proj.name'), dataIndex: 'projectName', width: 280, render: (_v, r) => <Link to={`/projects/${r.projectId}?tab=reports`}>{r.projectName}</Link> },
          { title: t('proj.applicant'), dataIndex: 'applicantName', width: 220 },
          { title: t('proj.recommender'), dataIndex: 'recommenderName', width: 160, render: (v: string | null) => v ?? t('common.empty') },
          { title: t('proj.reports.quarter'), dataIndex: 'label', width: 150 },
          { title: t('proj.reports.dueOn'), dataIndex: 'dueOn', width: 150, render: (v: string) => formatCalendarDate(v) },
          { title: t('proj.reports.state'), dataIndex: 'state', width: 110, render: (_v, r) => <ReportStateTag state={r.state} /> },
          { title: t('proj.overdue.days'), dataIndex: 'daysOverdue', width: 100, align: 'right', render: (v: number) => t('proj.overdue.daysN', { n: v }) },
          { title: t('proj.reports.submittedAt'), dataIndex: 'submittedAt', width: 170, render: (v: string | null) => formatDateTime(v) },
        ]}
      />
    </Card>
  );
}
