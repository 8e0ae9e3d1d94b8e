import { DownloadOutlined, StopOutlined } from '@ant-design/icons';
import type { ExportJob } from '@shenbao/contracts';
import { App, Button, Popconfirm, Progress, Space, Typography } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../../api/client.ts';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { cancelExport, downloadUrl, isActive } from '../api.ts';
import { formatBytes, percentOf } from '../format.ts';

/** One job: the progress bar (done / total applications), 取消 while it runs, 下载 when it is done, the reason when it failed. */
export function ExportProgress({ job, onChange, compact = false }: { job: ExportJob; onChange: (job: ExportJob) => void; compact?: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [cancelling, setCancelling] = useState(false);
  const status = job.status === 'done' ? 'success' : job.status === 'failed' ? 'exception' : job.status === 'cancelled' ? 'normal' : 'active';
  const cancelAsked = job.cancelRequestedAt !== null && isActive(job);

  const cancel = async () => {
    setCancelling(true);
    try {
      onChange(await cancelExport(job.id));
    } catch (error) {
      message.error(isApiError(error) ? error.message : String(error));
    } finally {
      setCancelling(false);
    }
  };

  let caption: string;
  if (job.status === 'queued') caption = t('export.queued');
  else if (job.status === 'done') caption = job.downloadable ? t('export.finished', { total: job.total, size: formatBytes(job.fileSize) }) : t('export.expired');
  else if (job.status === 'failed') caption = t('export.failed', { error: job.error ?? '' });
  else if (job.status === 'cancelled') caption = t('export.cancelled');
  else caption = cancelAsked ? t('export.cancelling') : t('export.progress', { done: job.done, total: job.total });

  return (
    <Space direction="vertical" size={4} style={{ width: '100%' }} data-testid={`export-job-${job.id}`}>
      <Progress percent={percentOf(job)} status={status} size={compact ? 'small' : 'default'} data-testid="export-progress" />
      <Space wrap size={8} style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text type={job.status === 'failed' ? 'danger' : 'secondary'} data-testid="export-caption">
          {caption}
        </Typography.Text>
        <Space size={8}>
          {isActive(job) && !cancelAsked && (
            <Popconfirm title={t('export.cancelConfirm')} onConfirm={() => void cancel()} okText={t('common.ok')} cancelText={t('common.cancel')}>
              <Button size="small" danger icon={<StopOutlined />} loading={cancelling} data-testid="export-cancel">
                {t('export.cancel')}
              </Button>
            </Popconfirm>
          )}
          {job.downloadable && (
            <Button size="small" type="primary" icon={<DownloadOutlined />} href={downloadUrl(job.id)} data-testid="export-download">
              {t('export.download')}
            </Button>
          )}
        </Space>
      </Space>
      {job.downloadable && job.sha256 && !compact && (
        <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-all' }}>
          {t('export.sha256', { sha: job.sha256 })}
        </Typography.Text>
      )}
    </Space>
  );
}
