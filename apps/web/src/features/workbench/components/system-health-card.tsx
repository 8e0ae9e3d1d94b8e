import { ReloadOutlined } from '@ant-design/icons';
import type { Health } from '@shenbao/contracts';
import { Alert, Badge, Button, Card, Descriptions, Table, Tag } from 'antd';
import { useRequest } from '../../../api/use-request.ts';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { ErrorView } from '../../../ui/status-views.tsx';
import { fetchHealth } from '../api.ts';

type SystemPackage = Health['systemPackages'][number];

/** For platform admins: database and the Debian packages some features depend on. */
export function SystemHealthCard() {
  const { t } = useI18n();
  const { data, error, loading, reload } = useRequest((signal) => fetchHealth(signal), []);
  const missing = data?.systemPackages.filter((p) => !p.present) ?? [];

  return (
    <Card
      title={t('health.title')}
      loading={loading && !data}
      data-testid="health-card"
      extra={<Button size="small" icon={<ReloadOutlined />} onClick={reload} loading={loading} aria-label={t('common.retry')} />}
    >
      {error !== undefined && !data && <ErrorView error={error} onRetry={reload} />}
      {data && (
        <>
          <Descriptions column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }} size="small" style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('health.overall')}>
              <Badge status={data.status === 'ok' ? 'success' : 'warning'} text={t(data.status === 'ok' ? 'health.ok' : 'health.degraded')} />
            </Descriptions.Item>
            <Descriptions.Item label={t('health.checkedAt')}>{formatDateTime(data.time)}</Descriptions.Item>
            <Descriptions.Item label={t('health.database')}>
              <Badge status={data.database.ok ? 'success' : 'error'} text={t(data.database.ok ? 'health.dbOk' : 'health.dbDown')} />
              <span style={{ margin: '0 8px', color: '#bfbfbf' }}>|</span>
              {t(data.database.embedded ? 'health.embedded' : 'health.external')}
            </Descriptions.Item>
            <Descriptions.Item label={t('health.version')}>{data.database.version ?? t('common.empty')}</Descriptions.Item>
          </Descriptions>
          {missing.length === 0 ? (
            <Alert type="success" showIcon message={t('health.allPresent')} />
          ) : (
            <Alert
              type="warning"
              showIcon
              message={t('health.missing', { n: missing.length })}
              description={
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {missing.map((p) => (
                    <li key={p.name}>
                      <code>{p.name}</code>：{p.feature}
                    </li>
                  ))}
                </ul>
              }
            />
          )}
          <Table<SystemPackage>
            style={{ marginTop: 16 }}
            size="small"
            rowKey="name"
            pagination={false}
            dataSource={data.systemPackages}
            columns={[
              { title: t('health.package'), dataIndex: 'name', render: (name: string) => <code>{name}</code> },
              {
                title: t('health.presence'),
                dataIndex: 'present',
                width: 120,
                render: (present: boolean) =>
                  present ? <Tag color="success">{t('health.present')}</Tag> : <Tag color="error">{t('health.absent')}</Tag>,
              },
              { title: t('health.feature'), dataIndex: 'feature' },
            ]}
          />
        </>
      )}
    </Card>
  );
}
