import type { ProgramPack } from '@shenbao/contracts';
import { Table, Tag, Typography } from 'antd';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { Mono } from '../../../ui/mono.tsx';
import type { PackIndex } from '../pack-index.ts';

type SummaryTable = ProgramPack['summaryTable'];
type SummaryColumn = SummaryTable['columns'][number];
type SummaryGroup = NonNullable<SummaryTable['groups']>[number];

/** 推荐汇总表: the columns (each an expression over one recommended application) and the groups. */
export function SummaryTableSection({ table, index }: { table: SummaryTable; index: PackIndex }) {
  const { t } = useI18n();
  return (
    <>
      <Typography.Paragraph>
        <Typography.Text strong>{table.title}</Typography.Text>
        <Typography.Text type="secondary">{`　${t('common.labelled', { label: t('review.orderBy'), value: t('review.byPriority') })}`}</Typography.Text>
      </Typography.Paragraph>
      <Table<SummaryColumn>
        rowKey="header"
        size="small"
        pagination={false}
        dataSource={table.columns}
        data-testid="summary-columns"
        columns={[
          { title: t('review.header'), dataIndex: 'header', width: 220 },
          { title: t('review.value'), dataIndex: 'value', render: (_v, c) => <Mono>{c.value}</Mono> },
          { title: t('review.width'), dataIndex: 'width', width: 80, align: 'right', render: (_v, c) => c.width ?? t('common.empty') },
        ]}
      />
      {table.groups && table.groups.length > 0 && (
        <Table<SummaryGroup>
          rowKey="label"
          size="small"
          pagination={false}
          dataSource={table.groups}
          style={{ marginTop: 12 }}
          columns={[
            { title: t('review.group'), dataIndex: 'label', width: 220 },
            {
              title: t('quotas.categories'),
              dataIndex: 'categories',
              render: (_v, g) => g.categories.map((id) => <Tag key={id}>{index.category(id)}</Tag>),
            },
          ]}
        />
      )}
      {table.note && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {table.note}
        </Typography.Paragraph>
      )}
    </>
  );
}
