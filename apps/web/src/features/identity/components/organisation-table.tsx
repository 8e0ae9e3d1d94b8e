import type { Organisation } from '@shenbao/contracts';
import { Table, Typography } from 'antd';
import type { TablePaginationConfig } from 'antd';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';

interface OrganisationTableProps {
  items: Organisation[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  onPageChange: (page: number, pageSize: number) => void;
  onOpen: (organisation: Organisation) => void;
}

export function OrganisationTable({ items, total, page, pageSize, loading, onPageChange, onOpen }: OrganisationTableProps) {
  const { t, labels } = useI18n();
  const pagination: TablePaginationConfig = {
    current: page,
    pageSize,
    total,
    showSizeChanger: true,
    showTotal: (n) => t('common.total', { total: n }),
    onChange: onPageChange,
  };
  return (
    <Table<Organisation>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={items}
      pagination={pagination}
      scroll={{ x: 960 }}
      onRow={(record) => ({ onClick: () => onOpen(record), style: { cursor: 'pointer' } })}
      data-testid="organisation-table"
      columns={[
        {
          title: t('org.name'),
          dataIndex: 'name',
          render: (name: string) => <Typography.Link>{name}</Typography.Link>,
        },
        { title: t('org.kind'), dataIndex: 'kind', width: 150, render: (_v, o) => labels.kind(o.kind) },
        {
          title: t('org.divisionCode'),
          dataIndex: 'divisionCode',
          width: 170,
          render: (_v, o) => (o.divisionName ? `${o.divisionCode} ${o.divisionName}` : o.divisionCode),
        },
        {
          title: t('org.regionClass'),
          dataIndex: 'regionClass',
          width: 90,
          render: (_v, o) => (o.regionClass ? labels.region(o.regionClass) : t('common.empty')),
        },
        {
          title: t('org.creditCode'),
          dataIndex: 'creditCode',
          width: 200,
          render: (_v, o) => (o.creditCode ? <code>{o.creditCode}</code> : t('common.empty')),
        },
        { title: t('org.userCount'), dataIndex: 'userCount', width: 90, align: 'right' },
      ]}
    />
  );
}
