import { DownloadOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { summaryUrl } from '../api.ts';

/** 下载推荐汇总表 as Excel and as PDF: always there; a draft's table says 草稿 in its header line. */
export function SummaryDownload({ recommendationId, testId }: { recommendationId: string; testId: string }) {
  const { t } = useI18n();
  return (
    <Space size={8} wrap>
      <Button href={summaryUrl(recommendationId)} icon={<DownloadOutlined />} data-testid={testId}>
        {t('rec.summary.download')}
      </Button>
      <Button href={summaryUrl(recommendationId, 'pdf')} icon={<DownloadOutlined />} data-testid={`${testId}-pdf`}>
        {t('rec.summary.downloadPdf')}
      </Button>
    </Space>
  );
}
