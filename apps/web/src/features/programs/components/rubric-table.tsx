import type { ProgramPack } from '@shenbao/contracts';
import { Table, Typography } from 'antd';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';

type Rubric = NonNullable<ProgramPack['rubric']>;
type Criterion = Rubric['criteria'][number];

/** 评分细则: the scale and the criteria experts score. */
export function RubricTable({ rubric }: { rubric: Rubric }) {
  const { t } = useI18n();
  const empty = <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>;
  return (
    <>
      <Typography.Paragraph>{t('review.scale', { min: rubric.scale.min, max: rubric.scale.max })}</Typography.Paragraph>
      <Table<Criterion>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={rubric.criteria}
        data-testid="rubric-table"
        columns={[
          { title: t('review.criterion'), dataIndex: 'label', width: 220 },
          { title: t('review.description'), dataIndex: 'description', render: (_v, c) => c.description ?? empty },
          { title: t('review.weight'), dataIndex: 'weight', width: 80, align: 'right', render: (_v, c) => c.weight ?? empty },
          {
            title: t('review.commentRequired'),
            dataIndex: 'commentRequired',
            width: 100,
            align: 'center',
            render: (_v, c) => t(c.commentRequired ? 'call.yes' : 'call.no'),
          },
        ]}
      />
      {rubric.note && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {rubric.note}
        </Typography.Paragraph>
      )}
    </>
  );
}
