import type { InboxItem } from '@shenbao/contracts';
import { Table, Typography } from 'antd';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { Mono } from '../../../ui/mono.tsx';
import { StatusTag } from '../../applications/components/status-tag.tsx';
import { directionLeaf } from '../inbox-filter.ts';
import { DecisionTag } from './decision-tag.tsx';
import { HintTags } from './hint-tags.tsx';

interface InboxTableProps {
  items: InboxItem[];
  loading: boolean;
  onOpen: (item: InboxItem) => void;
  /** 推荐单位 under each applicant: in the province round the projects come from the cities' issued recommendations. */
  showRecommender?: boolean;
}

/** 待审申报: one row per application of the jurisdiction; a row opens the review page. */
export function InboxTable({ items, loading, onOpen, showRecommender = false }: InboxTableProps) {
  const { t } = useI18n();
  return (
    <Table<InboxItem>
      rowKey={(item) => item.application.id}
      size="middle"
      loading={loading}
      dataSource={items}
      pagination={items.length > 20 ? { pageSize: 20, showTotal: (total) => t('common.total', { total }) } : false}
      scroll={{ x: 1100 }}
      locale={{ emptyText: t('rec.inbox.empty') }}
      onRow={(item) => ({ onClick: () => onOpen(item), style: { cursor: 'pointer' } })}
      data-testid="inbox-table"
      columns={[
        {
          title: t('applications.number'),
          key: 'number',
          width: 132,
          render: (_v, item) => <Mono>{item.application.number ?? t('common.empty')}</Mono>,
        },
        {
          title: t('applications.projectName'),
          key: 'projectName',
          render: (_v, item) => (
            <Typography.Link data-testid={`inbox-open-${item.application.id}`}>{item.application.projectName ?? t('applications.untitled')}</Typography.Link>
          ),
        },
        {
          title: t('applications.applicant'),
          key: 'applicant',
          width: 200,
          render: (_v, item) => (
            <>
              <div>{item.application.applicantName}</div>
              {showRecommender && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="inbox-recommender">
                  {t('common.labelled', { label: t('applications.recommender'), value: item.application.recommenderName ?? t('common.empty') })}
                </Typography.Text>
              )}
            </>
          ),
        },
        {
          title: t('rec.inbox.categoryDirection'),
          key: 'direction',
          width: 150,
          render: (_v, item) => (
            <>
              <div>{item.categoryLabel ?? t('common.empty')}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {directionLeaf(item.application.directionLabel) ?? item.application.formTitle}
              </Typography.Text>
            </>
          ),
        },
        { title: t('applications.status'), key: 'status', width: 170, render: (_v, item) => <StatusTag application={item.application} /> },
        { title: t('rec.inbox.decision'), key: 'decision', width: 96, render: (_v, item) => <DecisionTag item={item} /> },
        { title: t('rec.inbox.hints'), key: 'hints', width: 200, render: (_v, item) => <HintTags item={item} /> },
      ]}
    />
  );
}
