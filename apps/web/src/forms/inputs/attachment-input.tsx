import { DeleteOutlined, PaperClipOutlined, PauseOutlined, CaretRightOutlined, CloseOutlined, UploadOutlined } from '@ant-design/icons';
import type { FileRef } from '@shenbao/contracts';
import { Alert, Button, List, Popconfirm, Progress, Space, Tooltip, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../app/i18n/i18n-provider.tsx';
import type { FieldOfType } from '../form-model.ts';
import { unfinishedUploads, useTusUpload, type TusUpload } from '../use-tus-upload.ts';
import { formatDuration, formatFileSize } from '../value-format.ts';

interface AttachmentListProps {
  files: FileRef[];
  compact?: boolean;
  fileUrl?: (fileId: string) => string;
  onRemove?: (fileId: string) => void;
  testId: string;
}

/** The files of a slot: name (a download link), size, duration of videos, the start of the SHA-256. */
export function AttachmentList({ files, fileUrl, onRemove, testId, compact }: AttachmentListProps) {
  const { t } = useI18n();
  if (files.length === 0) return null;
  return (
    <List
      size="small"
      bordered={!compact}
      split={!compact}
      dataSource={files}
      style={{ marginBottom: 8 }}
      data-testid={`${testId}-files`}
      renderItem={(file) => (
        <List.Item
          data-testid={`${testId}-file`}
          actions={
            onRemove
              ? [
                  <Popconfirm
                    key="remove"
                    title={t('upload.removeConfirm', { name: file.name })}
                    okText={t('common.ok')}
                    cancelText={t('common.cancel')}
                    onConfirm={() => onRemove(file.fileId)}
                  >
                    <Button type="text" danger size="small" icon={<DeleteOutlined />} data-testid={`${testId}-remove`}>
                      {t('upload.remove')}
                    </Button>
                  </Popconfirm>,
                ]
              : []
          }
        >
          <Space wrap size={[12, 0]}>
            <PaperClipOutlined />
            {fileUrl ? <a href={fileUrl(file.fileId)}>{file.name}</a> : <span>{file.name}</span>}
            <Typography.Text type="secondary">{formatFileSize(file.size)}</Typography.Text>
            {file.durationSeconds !== undefined && (
              <Typography.Text type="secondary" data-testid={`${testId}-duration`}>
                {t('upload.duration', { duration: formatDuration(file.durationSeconds) })}
              </Typography.Text>
            )}
            {file.sha256 && !compact && (
              <Tooltip title={`SHA-256 ${file.sha256}`}>
                <Typography.Text type="secondary" style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace', fontSize: 12 }}>
                  {file.sha256.slice(0, 12)}…
                </Typography.Text>
              </Tooltip>
            )}
          </Space>
        </List.Item>
      )}
    />
  );
}

function UploadProgress({ upload, testId }: { upload: TusUpload; testId: string }) {
  const { t } = useI18n();
  const { state, pause, resume, cancel } = upload;
  if (state.status === 'idle' || state.status === 'done' || state.status === 'rejected') return null;
  const percent = state.bytesTotal > 0 ? Math.floor((state.bytesSent / state.bytesTotal) * 100) : 0;
  const statusText: Record<typeof state.status, string> = {
    uploading: t(state.resumed ? 'upload.resuming' : 'upload.uploading'),
    paused: t('upload.paused'),
    processing: t('upload.processing'),
    interrupted: state.error ?? t('upload.interrupted'),
  };
  return (
    <div style={{ marginBottom: 8 }} data-testid={`${testId}-progress`} data-status={state.status}>
      <Space wrap>
        <Typography.Text>{state.fileName}</Typography.Text>
        <Typography.Text type={state.status === 'interrupted' ? 'warning' : 'secondary'}>{statusText[state.status]}</Typography.Text>
      </Space>
      <Space style={{ width: '100%' }} align="center">
        <Progress
          percent={percent}
          status={state.status === 'interrupted' ? 'exception' : state.status === 'processing' || state.status === 'uploading' ? 'active' : 'normal'}
          style={{ width: 360, margin: 0 }}
        />
        {state.status === 'uploading' && (
          <Button size="small" icon={<PauseOutlined />} onClick={pause} data-testid={`${testId}-pause`}>
            {t('upload.pause')}
          </Button>
        )}
        {(state.status === 'paused' || state.status === 'interrupted') && (
          <Button size="small" icon={<CaretRightOutlined />} onClick={resume} data-testid={`${testId}-resume`}>
            {t('upload.resume')}
          </Button>
        )}
        {state.status !== 'processing' && (
          <Button size="small" type="text" icon={<CloseOutlined />} onClick={cancel} data-testid={`${testId}-cancel`}>
            {t('upload.cancel')}
          </Button>
        )}
      </Space>
    </div>
  );
}

interface AttachmentInputProps {
  /** The attachment field, or the attachment column of a table. */
  field: FieldOfType<'attachment'>;
  /** Where the upload goes: the field id, or "<table>.<column>" for a table cell. */
  slotId: string;
  applicationId: string;
  files: FileRef[];
  fileUrl: (fileId: string) => string;
  onUploaded: (fileId: string | null, file: File) => void;
  onRemove: (fileId: string) => void;
  testId: string;
  /** Inside a table cell: a small button. */
  compact?: boolean;
}

/** 附件: upload (resumable, with progress, pause and resume), list and remove the files of one slot. */
export function AttachmentInput({ field, slotId, applicationId, files, fileUrl, onUploaded, onRemove, testId, compact }: AttachmentInputProps) {
  const { t } = useI18n();
  const upload = useTusUpload(applicationId, slotId, onUploaded, {
    network: t('upload.network'),
    failed: t('upload.failed'),
  });
  const [unfinished, setUnfinished] = useState<string[]>([]);
  const [localError, setLocalError] = useState<string | null>(null);
  const busy = upload.state.status === 'uploading' || upload.state.status === 'processing' || upload.state.status === 'paused';
  const full = field.maxCount !== undefined && files.length >= field.maxCount;

  useEffect(() => {
    let live = true;
    void unfinishedUploads(applicationId, slotId).then((list) => {
      if (live) setUnfinished(list.map((u) => u.metadata.filename ?? '').filter(Boolean));
    });
    return () => {
      live = false;
    };
  }, [applicationId, slotId, upload.state.status]);

  const choose = (file: File) => {
    setLocalError(null);
    const ext = (/\.[^.]+$/.exec(file.name)?.[0] ?? '').toLowerCase();
    if (!field.accept.includes(ext)) {
      setLocalError(t('upload.wrongType', { label: field.label, list: field.accept.join('、') }));
      return;
    }
    if (file.size > field.maxSizeMB * 1024 * 1024) {
      setLocalError(t('upload.tooLarge', { label: field.label, n: field.maxSizeMB }));
      return;
    }
    void upload.start(file);
  };

  const error = localError ?? (upload.state.status === 'rejected' ? upload.state.error : null);
  return (
    <div data-testid={testId}>
      <AttachmentList files={files} fileUrl={fileUrl} onRemove={onRemove} testId={testId} compact={compact} />
      <UploadProgress upload={upload} testId={testId} />
      {error && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => {
            setLocalError(null);
            upload.reset();
          }}
          message={error}
          style={{ marginBottom: 8 }}
          data-testid={`${testId}-error`}
        />
      )}
      {!busy && unfinished.length > 0 && upload.state.status !== 'interrupted' && (
        <Alert type="info" showIcon message={t('upload.unfinished', { names: unfinished.join('、') })} style={{ marginBottom: 8 }} data-testid={`${testId}-unfinished`} />
      )}
      {!full && (
        <Upload
          accept={field.accept.join(',')}
          showUploadList={false}
          multiple={false}
          disabled={busy}
          beforeUpload={(file) => {
            choose(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} size={compact ? 'small' : 'middle'} disabled={busy} data-testid={`${testId}-choose`}>
            {t(files.length > 0 ? 'upload.chooseMore' : 'upload.choose')}
          </Button>
        </Upload>
      )}
    </div>
  );
}
