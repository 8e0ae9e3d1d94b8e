import type { Objection } from '@shenbao/contracts';
import { Button, Space, Table, Tag, Typography } from 'antd';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { formatDateTime } from '../../../ui/format.ts';

const STATUS_COLORS: Record<Objection['status'], string> = { open: 'warning', upheld: 'error', dismissed: 'default' };

/** 异议 lodged during the 公示, each with its handling. */
export function ObjectionsTable({ objections, onResolve }: { objections: readonly Objection[]; onResolve: (objection: Objection) => void }) {
  const { t } = useI18n();
  const statusLabel = (status: Objection['status']) => t(status === 'open' ? 'sel.objections.open' : status === 'upheld' ? 'sel.objections.upheld' : 'sel.objections.dismissed');
  return (
    <Table<Objection>
      rowKey="id"
      size="small"
      dataSource={[...objections]}
      pagination={false}
      scroll={{ x: 1100 }}
      locale={{ emptyText: t('sel.objections.empty') }}
      data-testid="objections-table"
      columns={[
        { title: t('sel.objections.lodgedAt'), key: 'at', width: 160, render: (_v, o) => formatDateTime(o.lodgedAt) },
        {
          title: t('sel.objections.lodger'),
          key: 'who',
          width: 180,
          render: (_v, o) => (
            <>
              <div>{o.name}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {o.phone}
                {o.email ? ` · ${o.email}` : ''}
              </Typography.Text>
            </>
          ),
        },
        { title: t('applications.projectName'), key: 'project', width: 200, render: (_v, o) => o.projectName ?? t('sel.objections.wholeList') },
        { title: t('sel.objections.content'), key: 'content', width: 260, render: (_v, o) => <div style={{ whiteSpace: 'pre-wrap' }}>{o.content}</div> },
        {
          title: t('sel.objections.evidence'),
          key: 'evidence',
          width: 160,
          render: (_v, o) =>
            o.evidence.length === 0 ? (
              t('common.empty')
            ) : (
              <Space direction="vertical" size={0}>
                {o.evidence.map((e) => (
                  <Typography.Link key={e.sha256} style={{ fontSize: 12 }} title={e.sha256} href={`/api/selection/objections/${o.id}/evidence/${e.sha256}`} target="_blank" rel="noreferrer">
                    {e.name}（{Math.max(1, Math.round(e.size / 1024))} KB）
                  </Typography.Link>
                ))}
              </Space>
            ),
        },
        {
          title: t('sel.objections.status'),
          key: 'status',
          width: 200,
          render: (_v, o) => (
            <>
              <Tag color={STATUS_COLORS[o.status]} data-testid="objection-state" data-state={o.status}>
                {statusLabel(o.status)}
              </Tag>
              {o.outcome && (
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {o.outcome}（{formatDateTime(o.handledAt)}）
                  </Typography.Text>
                </div>
              )}
            </>
          ),
        },
        {
          title: t('sel.col.actions'),
          key: 'actions',
          width: 80,
          render: (_v, o) =>
            o.status === 'open' ? (
              <Button size="small" type="link" onClick={() => onResolve(o)} data-testid={`objection-resolve-${o.id}`}>
                {t('sel.objections.resolve')}
              </Button>
            ) : null,
        },
      ]}
    />
  );
}
