import { ArrowDownOutlined, ArrowUpOutlined, HolderOutlined } from '@ant-design/icons';
import type { Recommendation } from '@shenbao/contracts';
import { Button, Space, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useState, type DragEvent } from 'react';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { Mono } from '../../../ui/mono.tsx';
import { directionLeaf } from '../inbox-filter.ts';
import { PriorityTags } from './hint-tags.tsx';

export type RankedItem = Recommendation['items'][number];

interface RankingTableProps {
  items: RankedItem[];
  /** Draft sets are reordered by dragging rows or with 上移/下移; issued ones are read-only. */
  editable: boolean;
  onMove?: (from: number, to: number) => void;
  /** Project names link to the review page (the reviewer) or not (the officer's side-by-side view). */
  linkToReview?: boolean;
  testId: string;
}

// Where a dragged row would land: a line above or below the row under the pointer.
const DROP_STYLE = `
  .ranking-drop-above > td { box-shadow: inset 0 2px 0 #1677ff; }
  .ranking-drop-below > td { box-shadow: inset 0 -2px 0 #1677ff; }
  .ranking-dragging > td { opacity: 0.45; }
`;

/** 推荐排序: rank, project, applicant, direction, priority flags; native drag and drop plus buttons for the keyboard. */
export function RankingTable({ items, editable, onMove, linkToReview, testId }: RankingTableProps) {
  const { t } = useI18n();
  const [dragFrom, setDragFrom] = useState<number | null>(null);
  const [dragOver, setDragOver] = useState<number | null>(null);
  const endDrag = () => {
    setDragFrom(null);
    setDragOver(null);
  };

  const rowProps = (index: number) => {
    if (!editable || !onMove) return {};
    return {
      draggable: true,
      onDragStart: (event: DragEvent<HTMLElement>) => {
        event.dataTransfer.effectAllowed = 'move';
        // Firefox starts a drag only with data set.
        event.dataTransfer.setData('text/plain', String(index));
        setDragFrom(index);
      },
      onDragOver: (event: DragEvent<HTMLElement>) => {
        if (dragFrom === null) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
        if (dragOver !== index) setDragOver(index);
      },
      onDrop: (event: DragEvent<HTMLElement>) => {
        event.preventDefault();
        if (dragFrom !== null && dragFrom !== index) onMove(dragFrom, index);
        endDrag();
      },
      onDragEnd: endDrag,
    };
  };

  const rowClassName = (_item: RankedItem, index: number) => {
    if (dragFrom === null) return '';
    if (index === dragFrom) return 'ranking-dragging';
    if (index !== dragOver) return '';
    return index < dragFrom ? 'ranking-drop-above' : 'ranking-drop-below';
  };

  const columns: TableColumnsType<RankedItem> = [
    ...(editable
      ? [
          {
            key: 'handle',
            width: 40,
            align: 'center' as const,
            render: () => (
              <Tooltip title={t('rec.ranking.dragHint')}>
                <HolderOutlined style={{ cursor: 'grab', color: 'rgba(0,0,0,0.45)' }} data-testid="drag-handle" />
              </Tooltip>
            ),
          },
        ]
      : []),
    {
      title: t('rec.ranking.rank'),
      key: 'rank',
      width: 88,
      align: 'center',
      render: (_v, _item, index) => (
        <Typography.Text strong data-testid="ranking-rank">
          {index + 1}
        </Typography.Text>
      ),
    },
    {
      title: t('applications.projectName'),
      key: 'projectName',
      render: (_v, item) => {
        const name = item.application.projectName ?? t('applications.untitled');
        return (
          <>
            <div data-testid="ranking-project">{linkToReview ? <Link to={`/review/applications/${item.application.id}`}>{name}</Link> : name}</div>
            {item.application.number && <Mono>{item.application.number}</Mono>}
          </>
        );
      },
    },
    { title: t('applications.applicant'), key: 'applicant', width: 200, render: (_v, item) => item.application.applicantName },
    { title: t('applications.direction'), key: 'direction', width: 150, render: (_v, item) => directionLeaf(item.application.directionLabel) ?? t('common.empty') },
    { title: t('rec.ranking.priority'), key: 'priority', width: 200, render: (_v, item) => <PriorityTags flags={item.priorityFlags} /> },
  ];
  if (editable && onMove) {
    columns.push({
      title: t('rec.ranking.move'),
      key: 'move',
      width: 160,
      render: (_v, item, index) => (
        <Space size={4}>
          <Button
            size="small"
            icon={<ArrowUpOutlined />}
            disabled={index === 0}
            onClick={() => onMove(index, index - 1)}
            aria-label={t('rec.ranking.upOf', { name: item.application.projectName ?? '' })}
            data-testid="move-up"
          >
            {t('rec.ranking.up')}
          </Button>
          <Button
            size="small"
            icon={<ArrowDownOutlined />}
            disabled={index === items.length - 1}
            onClick={() => onMove(index, index + 1)}
            aria-label={t('rec.ranking.downOf', { name: item.application.projectName ?? '' })}
            data-testid="move-down"
          >
            {t('rec.ranking.down')}
          </Button>
        </Space>
      ),
    });
  }

  return (
    <>
      <style>{DROP_STYLE}</style>
      <Table<RankedItem>
        rowKey={(item) => item.application.id}
        size="middle"
        dataSource={items}
        pagination={false}
        scroll={{ x: 960 }}
        columns={columns}
        rowClassName={rowClassName}
        onRow={(_item, index) => rowProps(index ?? 0)}
        locale={{ emptyText: t('rec.ranking.empty') }}
        data-testid={testId}
      />
    </>
  );
}
