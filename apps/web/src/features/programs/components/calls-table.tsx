import type { CallSummary } from '@shenbao/contracts';
import { Table, Tooltip, Typography } from 'antd';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { Mono } from '../../../ui/mono.tsx';
import { CurrentStageTag, NextDeadline } from './call-stage-cells.tsx';

interface CallsTableProps {
  items: CallSummary[];
  loading: boolean;
  /** Server time minus browser time, for the countdowns. */
  offsetMs: number;
  onOpen: (call: CallSummary) => void;
}

export function CallsTable({ items, loading, offsetMs, onOpen }: CallsTableProps) {
  const { t } = useI18n();
  return (
    <Table<CallSummary>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={items}
      pagination={false}
      scroll={{ x: 1120 }}
      locale={{ emptyText: t('calls.empty') }}
      onRow={(call) => ({ onClick: () => onOpen(call), style: { cursor: 'pointer' } })}
      data-testid="calls-table"
      columns={[
        {
          title: t('calls.titleCol'),
          dataIndex: 'title',
          render: (_v, call) => (
            <>
              <Typography.Link>{call.title}</Typography.Link>
              {call.shortTitle && (
                <div>
                  <Typography.Text type="secondary">{call.shortTitle}</Typography.Text>
                </div>
              )}
            </>
          ),
        },
        { title: t('calls.documentNumber'), dataIndex: 'documentNumber', width: 215, render: (_v, call) => call.documentNumber ?? t('common.empty') },
        { title: t('calls.issuer'), dataIndex: 'issuerName', width: 165 },
        { title: t('calls.year'), dataIndex: 'year', width: 64, align: 'center' },
        { title: t('calls.currentStage'), dataIndex: 'currentStage', width: 120, render: (_v, call) => <CurrentStageTag call={call} /> },
        { title: t('calls.nextDeadline'), dataIndex: 'nextDeadline', width: 220, render: (_v, call) => <NextDeadline call={call} offsetMs={offsetMs} /> },
        {
          title: t('calls.version'),
          dataIndex: 'version',
          width: 80,
          render: (_v, call) => (
            <Tooltip title={<Mono>{call.hash}</Mono>}>
              <span>{t('calls.versionValue', { n: call.version })}</span>
            </Tooltip>
          ),
        },
      ]}
    />
  );
}
