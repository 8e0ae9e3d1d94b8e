import type { SelectionItem } from '@shenbao/contracts';
import { Table, Typography } from 'antd';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { Mono } from '../../../ui/mono.tsx';
import { formatScore } from '../scores.ts';
import { DirectionCell } from './direction-cell.tsx';

/** 入选名单 as approved: in its order, with the outcome and the score it was chosen on. */
export function SelectionListTable({ items, showOutcome }: { items: readonly SelectionItem[]; showOutcome: boolean }) {
  const { t } = useI18n();
  return (
    <Table<SelectionItem>
      rowKey="applicationId"
      size="middle"
      dataSource={[...items].sort((a, b) => a.rank - b.rank)}
      pagination={false}
      scroll={{ x: 1030 }}
      data-testid="selection-list"
      columns={[
        { title: t('sel.col.seq'), dataIndex: 'rank', width: 60, align: 'center' },
        { title: t('applications.number'), key: 'number', width: 130, render: (_v, i) => <Mono>{i.number ?? t('common.empty')}</Mono> },
        { title: t('applications.projectName'), key: 'project', width: 240, render: (_v, i) => <span data-testid="selection-project">{i.projectName ?? t('applications.untitled')}</span> },
        { title: t('sel.col.enterprise'), dataIndex: 'applicantName', width: 180 },
        { title: t('sel.col.recommender'), key: 'recommender', width: 160, render: (_v, i) => i.recommenderName ?? t('common.empty') },
        { title: t('sel.col.direction'), key: 'direction', width: 130, render: (_v, i) => <DirectionCell label={i.directionLabel} /> },
        ...(showOutcome ? [{ title: t('sel.decision.outcome'), key: 'outcome', width: 220, render: (_v: unknown, i: SelectionItem) => i.outcomeLabel ?? t('common.empty') }] : []),
        { title: t('sel.decision.score'), key: 'score', width: 80, align: 'right', render: (_v, i) => <Typography.Text strong>{formatScore(i.score)}</Typography.Text> },
      ]}
    />
  );
}
