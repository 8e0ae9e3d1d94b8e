import { FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import { Button, Space, Tooltip } from 'antd';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { documentUrl } from '../api.ts';

/** 下载PDF / 下载Word: the application as the official document, where it can be read. */
export function DocumentDownloads({ applicationId, size }: { applicationId: string; size?: 'small' | 'middle' }) {
  const { t } = useI18n();
  return (
    <Tooltip title={t('doc.draftHint')}>
      <Space.Compact>
        <Button size={size} icon={<FilePdfOutlined />} href={documentUrl(applicationId, 'pdf')} data-testid="download-pdf">
          {t('doc.pdf')}
        </Button>
        <Button size={size} icon={<FileWordOutlined />} href={documentUrl(applicationId, 'docx')} data-testid="download-docx">
          {t('doc.docx')}
        </Button>
      </Space.Compact>
    </Tooltip>
  );
}
