import { PaperClipOutlined } from '@ant-design/icons';
import { Card, Table, Tooltip, Typography } from 'antd';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { formatDuration, formatFileSize } from '../../../forms/value-format.ts';
import { Mono } from '../../../ui/mono.tsx';
import { fileUrl } from '../../applications/api.ts';
import type { AttachedFile } from '../attachments.ts';

/** 附件材料: every file of the application with a download link, its size and SHA-256. */
export function AttachmentsCard({ applicationId, files }: { applicationId: string; files: AttachedFile[] }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('rec.attachments.title')} style={{ marginBottom: 16 }} data-testid="review-attachments">
      <Table<AttachedFile>
        rowKey={(f) => `${f.slot}:${f.file.fileId}`}
        size="small"
        pagination={false}
        dataSource={files}
        locale={{ emptyText: t('rec.attachments.none') }}
        scroll={{ x: 720 }}
        columns={[
          { title: t('rec.attachments.slot'), dataIndex: 'slot', width: 220 },
          {
            title: t('rec.attachments.file'),
            key: 'file',
            render: (_v, f) => (
              <span>
                <PaperClipOutlined style={{ marginInlineEnd: 6 }} />
                <a href={fileUrl(applicationId, f.file.fileId)} data-testid="attachment-download">
                  {f.file.name}
                </a>
                {f.file.durationSeconds !== undefined && (
                  <Typography.Text type="secondary">{`（${t('upload.duration', { duration: formatDuration(f.file.durationSeconds) })}）`}</Typography.Text>
                )}
              </span>
            ),
          },
          { title: t('rec.attachments.size'), key: 'size', width: 100, render: (_v, f) => formatFileSize(f.file.size) },
          {
            title: 'SHA-256',
            key: 'sha',
            width: 140,
            render: (_v, f) => (
              <Tooltip title={<Mono>{f.file.sha256}</Mono>}>
                <Mono>{`${f.file.sha256.slice(0, 12)}…`}</Mono>
              </Tooltip>
            ),
          },
        ]}
      />
    </Card>
  );
}
