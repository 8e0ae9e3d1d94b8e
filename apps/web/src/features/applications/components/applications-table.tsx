import type { ApplicationSummary } from '@shenbao/contracts';
import { Table, Typography } from 'antd';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { formatDateMinute, formatDateTime } from '../../../ui/format.ts';
import { Mono } from '../../../ui/mono.tsx';
import { StatusTag } from './status-tag.tsx';

interface ApplicationsTableProps {
  items: ApplicationSummary[];
  loading: boolean;
  onOpen: (application: ApplicationSummary) => void;
}

/** 我的申报: one row per application, newest first as the server orders them. */
export function ApplicationsTable({ items, loading, onOpen }: ApplicationsTableProps) {
  const { t } = useI18n();
  return (
    <Table<ApplicationSummary>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={items}
      pagination={items.length > 20 ? { pageSize: 20, showTotal: (total) => t('common.total', { total }) } : false}
      scroll={{ x: 1100 }}
      locale={{ emptyText: t('applications.empty') }}
      onRow={(application) => ({ onClick: () => onOpen(application), style: { cursor: 'pointer' } })}
      data-testid="applications-table"
      columns={[
        {
          title: t('applications.number'),
          dataIndex: 'number',
          width: 130,
          render: (_v, a) => (a.number ? <Mono>{a.number}</Mono> : <Typography.Text type="secondary">{t('applications.noNumber')}</Typography.Text>),
        },
        {
          title: t('applications.projectName'),
          dataIndex: 'projectName',
          render: (_v, a) => (
            <>
              <Typography.Link data-testid="application-project">{a.projectName ?? t('applications.untitled')}</Typography.Link>
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {a.directionLabel?.split(' / ').pop() ?? a.formTitle}
                </Typography.Text>
              </div>
            </>
          ),
        },
        { title: t('applications.call'), dataIndex: 'callTitle', width: 200, ellipsis: { showTitle: true } },
        { title: t('applications.status'), dataIndex: 'status', width: 180, render: (_v, a) => <StatusTag application={a} /> },
        { title: t('applications.stage'), dataIndex: 'stage', width: 110, render: (_v, a) => a.stage ?? t('common.empty') },
        {
          title: t('applications.deadline'),
          dataIndex: 'deadline',
          width: 160,
          render: (_v, a) => (a.deadline ? formatDateMinute(a.deadline) : t('common.empty')),
        },
        { title: t('applications.updatedAt'), dataIndex: 'updatedAt', width: 160, render: (_v, a) => formatDateTime(a.updatedAt) },
      ]}
    />
  );
}
