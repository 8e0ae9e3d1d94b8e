import type { AuditEvent } from '@shenbao/contracts';
import { Table, Tooltip, Typography } from 'antd';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { JsonView } from '../../../ui/json-view.tsx';
import { actionLabel, resourceTypeLabel } from '../action-labels.ts';

interface AuditTableProps {
  items: AuditEvent[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  onPageChange: (page: number, pageSize: number) => void;
}

const MONO = { fontFamily: 'monospace', fontSize: 12 } as const;

export function AuditTable({ items, total, page, pageSize, loading, onPageChange }: AuditTableProps) {
  const { t, locale } = useI18n();
  return (
    <Table<AuditEvent>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={items}
      scroll={{ x: 1100 }}
      data-testid="audit-table"
      pagination={{
        current: page,
        pageSize,
        total,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100, 200],
        showTotal: (n) => t('common.total', { total: n }),
        onChange: onPageChange,
      }}
      expandable={{
        expandedRowRender: (event) => <JsonView value={event.details} />,
        rowExpandable: (event) => Object.keys(event.details).length > 0,
      }}
      columns={[
        { title: t('audit.time'), dataIndex: 'at', width: 165, render: (_v, e) => formatDateTime(e.at) },
        { title: t('audit.actor'), dataIndex: 'actorUsername', width: 120, render: (_v, e) => e.actorUsername ?? t('audit.system') },
        { title: t('audit.organisation'), dataIndex: 'actorOrganisationName', width: 170, ellipsis: true, render: (_v, e) => e.actorOrganisationName ?? t('common.empty') },
        {
          title: t('audit.action'),
          dataIndex: 'action',
          width: 160,
          render: (_v, e) => {
            const label = actionLabel(e.action, locale);
            return (
              <>
                {label && <div>{label}</div>}
                <Typography.Text type="secondary" style={MONO}>
                  {e.action}
                </Typography.Text>
              </>
            );
          },
        },
        {
          title: t('audit.resource'),
          dataIndex: 'resourceType',
          width: 170,
          render: (_v, e) => (
            <>
              <div>{resourceTypeLabel(e.resourceType, locale) ?? e.resourceType}</div>
              {e.resourceId && (
                <Typography.Text type="secondary" style={MONO} copyable={{ text: e.resourceId }}>
                  {e.resourceId.length > 13 ? `${e.resourceId.slice(0, 13)}…` : e.resourceId}
                </Typography.Text>
              )}
            </>
          ),
        },
        {
          title: t('audit.requestId'),
          dataIndex: 'requestId',
          width: 130,
          ellipsis: true,
          render: (_v, e) => (e.requestId ? <span style={MONO}>{e.requestId}</span> : t('common.empty')),
        },
        {
          title: t('audit.hash'),
          dataIndex: 'hash',
          width: 120,
          render: (_v, e) => (
            <Tooltip title={<span style={MONO}>{e.hash}</span>}>
              <span style={MONO}>{e.hash.slice(0, 12)}</span>
            </Tooltip>
          ),
        },
      ]}
    />
  );
}
