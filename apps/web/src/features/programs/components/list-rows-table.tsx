import type { CallListInfo } from '@shenbao/contracts';
import { Table } from 'antd';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';

interface RowItem {
  key: number;
  values: Record<string, string>;
}

/** The imported rows, columns as the pack names them. */
export function ListRowsTable({ list, rows, loading }: { list: CallListInfo; rows: Record<string, string>[]; loading: boolean }) {
  const { t } = useI18n();
  const items: RowItem[] = rows.map((values, i) => ({ key: i + 1, values }));
  return (
    <Table<RowItem>
      size="small"
      loading={loading}
      dataSource={items}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false, showTotal: (n) => t('common.total', { total: n }) }}
      scroll={{ x: 800 }}
      locale={{ emptyText: t('lists.notImported') }}
      data-testid="list-rows"
      columns={[
        { title: '#', dataIndex: 'key', width: 60, align: 'right' },
        ...list.columns.map((column) => ({
          title: column.label,
          key: column.id,
          render: (_v: unknown, item: RowItem) => item.values[column.id] ?? '',
        })),
      ]}
    />
  );
}
