import { UnlockOutlined } from '@ant-design/icons';
import type { Recommendation } from '@shenbao/contracts';
import { Button, Card, Descriptions, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { directionLeaf } from '../inbox-filter.ts';
import { RecommendationStatusTag } from './recommendation-status-tag.tsx';
import { ReopenModal } from './reopen-modal.tsx';
import { SummaryDownload } from './summary-download.tsx';

type Item = Recommendation['items'][number];

const HASH_STYLE = { fontFamily: 'ui-monospace, Menlo, Consolas, monospace', fontSize: 12, wordBreak: 'break-all' } as const;

interface IssuedRecommendationCardProps {
  recommendation: Recommendation;
  /** The call's program officer may consent to reopening. */
  canReopen: boolean;
  onReopened: (reopened: Recommendation) => void;
}

/** One recommender's issued set as the issuing department receives it: signature, projects in rank order, Excel. */
export function IssuedRecommendationCard({ recommendation: rec, canReopen, onReopened }: IssuedRecommendationCardProps) {
  const { t } = useI18n();
  const [reopenOpen, setReopenOpen] = useState(false);
  const testId = `issued-${rec.recommenderOrganisationId}-${rec.channelId}`;
  return (
    <Card
      size="small"
      style={{ height: '100%' }}
      data-testid={testId}
      data-recommendation-id={rec.id}
      title={
        <Space wrap>
          <span data-testid="issued-recommender">{rec.recommenderName}</span>
          <RecommendationStatusTag status={rec.status} />
        </Space>
      }
      extra={<Typography.Text type="secondary">{t('rec.ranking.count', { n: rec.items.length })}</Typography.Text>}
    >
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'at', label: t('rec.issued.at'), children: <span data-testid="issued-at">{formatDateTime(rec.issuedAt)}</span> },
          { key: 'signer', label: t('rec.issue.signer'), children: <span data-testid="issued-signer">{rec.signerName ?? t('common.empty')}</span> },
          {
            key: 'opinion',
            label: t('rec.issue.opinion'),
            children: (
              <Typography.Paragraph ellipsis={{ rows: 3, expandable: true }} style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid="issued-opinion">
                {rec.opinion ?? t('common.empty')}
              </Typography.Paragraph>
            ),
          },
        ]}
      />
      {/* The hash on a line of its own: 64 characters do not share a narrow card with a label. */}
      <div style={{ margin: '4px 0 12px' }}>
        <Typography.Text type="secondary">{t('rec.issued.sha256')}</Typography.Text>
        <div>
          {rec.sha256 ? (
            <Typography.Text copyable={{ text: rec.sha256 }} style={HASH_STYLE} data-testid="issued-sha256">
              {rec.sha256}
            </Typography.Text>
          ) : (
            t('common.empty')
          )}
        </div>
      </div>
      <Table<Item>
        rowKey={(item) => item.application.id}
        size="small"
        pagination={false}
        dataSource={rec.items}
        style={{ marginBottom: 12 }}
        data-testid={`${testId}-items`}
        columns={[
          { title: t('rec.ranking.rank'), dataIndex: 'rank', width: 88, align: 'center' },
          {
            title: t('applications.projectName'),
            key: 'project',
            render: (_v, item) => (
              <>
                <div data-testid="issued-project">{item.application.projectName ?? t('applications.untitled')}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {item.application.applicantName}
                  {item.application.directionLabel ? ` · ${directionLeaf(item.application.directionLabel) ?? ''}` : ''}
                </Typography.Text>
              </>
            ),
          },
        ]}
      />
      <Space wrap>
        <SummaryDownload recommendationId={rec.id} testId={`${testId}-summary`} />
        {canReopen && rec.status === 'issued' && (
          <Button icon={<UnlockOutlined />} onClick={() => setReopenOpen(true)} data-testid={`${testId}-reopen`}>
            {t('rec.reopen.open')}
          </Button>
        )}
      </Space>
      <ReopenModal
        open={reopenOpen}
        recommendation={rec}
        onClose={() => setReopenOpen(false)}
        onReopened={(reopened) => {
          setReopenOpen(false);
          onReopened(reopened);
        }}
      />
    </Card>
  );
}
