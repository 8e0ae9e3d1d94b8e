import type { Recommendation } from '@shenbao/contracts';
import { Descriptions, Typography } from 'antd';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { formatDateTime } from '../../../ui/format.ts';

/** 已出具: who signed, when (the database's time), the SHA-256 over the recommended snapshots, and the opinion. */
export function IssuedInfo({ recommendation }: { recommendation: Recommendation }) {
  const { t } = useI18n();
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, md: 2 }}
      style={{ marginBottom: 16 }}
      data-testid="issued-info"
      items={[
        { key: 'signer', label: t('rec.issue.signer'), children: <span data-testid="issued-signer">{recommendation.signerName ?? t('common.empty')}</span> },
        { key: 'at', label: t('rec.issued.at'), children: <span data-testid="issued-at">{formatDateTime(recommendation.issuedAt)}</span> },
        {
          key: 'sha',
          label: t('rec.issued.sha256'),
          span: 'filled',
          children: recommendation.sha256 ? (
            <Typography.Text copyable={{ text: recommendation.sha256 }} style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace', fontSize: 12, wordBreak: 'break-all' }} data-testid="issued-sha256">
              {recommendation.sha256}
            </Typography.Text>
          ) : (
            t('common.empty')
          ),
        },
        {
          key: 'opinion',
          label: t('rec.issue.opinion'),
          span: 'filled',
          children: (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid="issued-opinion">
              {recommendation.opinion ?? t('common.empty')}
            </Typography.Paragraph>
          ),
        },
      ]}
    />
  );
}
