import type { QuotaStatus } from '@shenbao/contracts';
import { Alert, Card, Progress, Space, Tag, Typography } from 'antd';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';

function QuotaRow({ quota }: { quota: QuotaStatus }) {
  const { t } = useI18n();
  const percent = quota.limit > 0 ? Math.min(100, Math.round((quota.used / quota.limit) * 100)) : 100;
  return (
    <div data-testid={`quota-${quota.id}`} data-exceeded={quota.exceeded}>
      <div style={{ display: 'flex', gap: 8, alignItems: 'baseline' }}>
        <Typography.Text style={{ flex: 1 }}>{quota.label}</Typography.Text>
        {quota.scope === 'call' && <Tag>{t('rec.quota.callScope')}</Tag>}
        <Typography.Text strong type={quota.exceeded ? 'danger' : undefined} data-testid={`quota-${quota.id}-usage`}>
          {t('rec.quota.usage', { used: quota.used, limit: quota.limit })}
        </Typography.Text>
      </div>
      <Progress percent={percent} status={quota.exceeded ? 'exception' : 'normal'} showInfo={false} strokeColor={quota.exceeded ? '#ff4d4f' : undefined} />
    </div>
  );
}

/** 推荐限额: each quota of the notice that binds this recommendation, with how much of it the ranking uses. */
export function QuotaPanel({ quotas }: { quotas: QuotaStatus[] }) {
  const { t } = useI18n();
  const exceeded = quotas.filter((q) => q.exceeded);
  return (
    <Card size="small" title={t('rec.quota.title')} data-testid="quota-panel">
      {quotas.length === 0 ? (
        <Typography.Text type="secondary" data-testid="quota-none">
          {t('rec.quota.none')}
        </Typography.Text>
      ) : (
        <Space direction="vertical" style={{ width: '100%' }} size={8}>
          {quotas.map((quota) => (
            <QuotaRow key={quota.id} quota={quota} />
          ))}
        </Space>
      )}
      {exceeded.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          data-testid="quota-exceeded"
          message={t('rec.quota.exceeded')}
          description={exceeded.map((q) => t('rec.quota.exceededItem', { label: q.label, used: q.used, limit: q.limit })).join('；')}
        />
      )}
    </Card>
  );
}
