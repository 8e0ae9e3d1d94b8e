import { Card, Space, Typography } from 'antd';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { ExportJobsTable } from '../components/export-jobs-table.tsx';

/** /exports (批量导出): every export job of this user with its progress, 取消 and 下载. */
export function ExportsPage() {
  const { t } = useI18n();
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="exports-title">
          {t('export.mine')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('export.mine.intro')}</Typography.Paragraph>
        <ExportJobsTable />
      </Card>
    </Space>
  );
}
