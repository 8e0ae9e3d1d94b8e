import { UploadOutlined } from '@ant-design/icons';
import type { ProjectFile } from '@shenbao/contracts';
import { Alert, Button, Upload } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { AttachmentList } from '../../../forms/inputs/attachment-input.tsx';
import { fileUrl, uploadProjectFile, type FilePurpose } from '../api.ts';

const DEFAULT_ACCEPT = ['.pdf', '.jpg', '.jpeg', '.png'];
/** What the server takes as project files (it checks each by content). */
export const PROJECT_FILE_EXTENSIONS: readonly string[] = [...DEFAULT_ACCEPT, '.ofd', '.xlsx', '.docx'];

interface UploadButtonProps {
  projectId: string;
  purpose: FilePurpose;
  onUploaded: (file: ProjectFile) => void;
  testId: string;
  label?: string;
  accept?: readonly string[];
  disabled?: boolean;
}

/** 上传: one file as the request body; the server checks its content, hashes it and keeps it for this project. */
export function ProjectUploadButton({ projectId, purpose, onUploaded, testId, label, accept = DEFAULT_ACCEPT, disabled }: UploadButtonProps) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const choose = async (file: File) => {
    setError(null);
    const ext = (/\.[^.]+$/.exec(file.name)?.[0] ?? '').toLowerCase();
    if (!accept.includes(ext)) {
      setError(t('proj.file.wrongType', { list: accept.join('、') }));
      return;
    }
    setBusy(true);
    try {
      onUploaded(await uploadProjectFile(projectId, purpose, file));
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div data-testid={testId}>
      {error && <Alert type="error" showIcon closable onClose={() => setError(null)} message={error} style={{ marginBottom: 8 }} data-testid={`${testId}-error`} />}
      <Upload
        accept={accept.join(',')}
        showUploadList={false}
        multiple={false}
        disabled={busy || disabled}
        beforeUpload={(file) => {
          void choose(file);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={busy} disabled={disabled} data-testid={`${testId}-choose`}>
          {label ?? t('proj.file.upload')}
        </Button>
      </Upload>
    </div>
  );
}

interface FilesFieldProps {
  projectId: string;
  purpose: FilePurpose;
  files: ProjectFile[];
  onChange: (files: ProjectFile[]) => void;
  testId: string;
  label?: string;
  accept?: readonly string[];
  maxCount?: number;
}

/** A list of files with 上传 and 删除 (removing only takes the file out of what is about to be submitted). */
export function ProjectFilesField({ projectId, purpose, files, onChange, testId, label, accept, maxCount }: FilesFieldProps) {
  return (
    <div data-testid={`${testId}-field`}>
      <AttachmentList files={files} fileUrl={(id) => fileUrl(projectId, id)} onRemove={(id) => onChange(files.filter((f) => f.fileId !== id))} testId={testId} />
      {(maxCount === undefined || files.length < maxCount) && (
        <ProjectUploadButton projectId={projectId} purpose={purpose} label={label} accept={accept} testId={`${testId}-upload`} onUploaded={(file) => onChange([...files, file])} />
      )}
    </div>
  );
}

/** Files read-only: download links with the start of their SHA-256. */
export function ProjectFileList({ projectId, files, testId }: { projectId: string; files: ProjectFile[]; testId: string }) {
  return <AttachmentList files={files} fileUrl={(id) => fileUrl(projectId, id)} testId={testId} />;
}
