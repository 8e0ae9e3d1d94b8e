import type { ExportJob } from '@shenbao/contracts';
import { Table, Typography } from 'antd';
import { useEffect } from 'react';
import { useRequest } from '../../../api/use-request.ts';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { ErrorView } from '../../../ui/status-views.tsx';
import { isActive, listExports } from '../api.ts';
import { ExportProgress } from './export-progress.tsx';
import { ExportStatusTag } from './export-status-tag.tsx';

/** 我的导出任务: newest first, optionally of one call; refreshed every two seconds while one of them runs. */
export function ExportJobsTable({ callId, refreshKey = 0 }: { callId?: string; refreshKey?: number }) {
  const { t } = useI18n();
  const jobs = useRequest((signal) => listExports(signal), [refreshKey]);
  const items = (jobs.data?.items ?? []).filter((j) => !callId || j.callId === callId);
  const running = items.some(isActive);
  const { reload } = jobs;
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(reload, 2000);
    return () => clearInterval(timer);
  }, [running, reload]);

  if (jobs.error !== undefined && !jobs.data) return <ErrorView error={jobs.error} onRetry={jobs.reload} />;
  return (
    <Table<ExportJob>
      rowKey="id"
      size="middle"
      loading={jobs.loading && !jobs.data}
      dataSource={items}
      pagination={items.length > 10 ? { pageSize: 10 } : false}
      locale={{ emptyText: t('export.mine.empty') }}
      data-testid="export-jobs"
      columns={[
        ...(callId
          ? []
          : [
              {
                title: t('export.col.call'),
                key: 'call',
                render: (_: unknown, job: ExportJob) => <Typography.Text>{job.callTitle}</Typography.Text>,
              },
            ]),
        { title: t('export.col.scope'), dataIndex: 'scopeLabel', key: 'scope', width: 180 },
        { title: t('export.col.created'), key: 'created', width: 170, render: (_: unknown, job: ExportJob) => formatDateTime(job.createdAt) },
        { title: '', key: 'status', width: 90, render: (_: unknown, job: ExportJob) => <ExportStatusTag status={job.status} /> },
        {
          title: t('export.col.progress'),
          key: 'progress',
          width: 380,
          render: (_: unknown, job: ExportJob) => <ExportProgress job={job} compact onChange={() => reload()} />,
        },
      ]}
    />
  );
}
