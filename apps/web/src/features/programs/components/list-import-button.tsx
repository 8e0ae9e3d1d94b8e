import { UploadOutlined } from '@ant-design/icons';
import type { CallListInfo } from '@shenbao/contracts';
import { Alert, App, Button, Upload } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../../api/client.ts';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { importCallList } from '../api.ts';

export interface ImportError {
  message: string;
  details: string[];
}

function toImportError(cause: unknown): ImportError {
  if (!isApiError(cause)) return { message: cause instanceof Error ? cause.message : String(cause), details: [] };
  const details = [...new Set(cause.fields.map((f) => f.message))].filter((m) => m !== cause.message);
  return { message: cause.message, details };
}

/** Sends an .xlsx to the server (which checks the columns and may refuse); the last failure is kept to show. */
export function useListImport(callId: string, listId: string, onImported: (info: CallListInfo) => void) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [importing, setImporting] = useState(false);
  const [error, setError] = useState<ImportError | null>(null);
  const run = async (file: File) => {
    setImporting(true);
    setError(null);
    try {
      const info = await importCallList(callId, listId, file);
      message.success(t('lists.imported', { label: info.label, n: info.rowCount }));
      onImported(info);
    } catch (cause) {
      setError(toImportError(cause));
    } finally {
      setImporting(false);
    }
  };
  return { importing, error, run, clearError: () => setError(null) };
}

/** 导入 Excel: pick a file; nothing is uploaded by antd itself (beforeUpload returns false), we PUT it. */
export function ListImportButton({ importing, onFile }: { importing: boolean; onFile: (file: File) => void }) {
  const { t } = useI18n();
  return (
    <span data-testid="list-import">
      <Upload
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        showUploadList={false}
        maxCount={1}
        beforeUpload={(file) => {
          onFile(file);
          return false;
        }}
      >
        <Button type="primary" icon={<UploadOutlined />} loading={importing}>
          {t('lists.import')}
        </Button>
      </Upload>
    </span>
  );
}

export function ImportErrorAlert({ error, onClose }: { error: ImportError; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Alert
      type="error"
      showIcon
      closable
      onClose={onClose}
      style={{ marginBottom: 16 }}
      message={t('common.labelled', { label: t('lists.importFailed'), value: error.message })}
      description={error.details.length > 0 ? error.details.map((d) => <div key={d}>{d}</div>) : undefined}
      data-testid="list-import-error"
    />
  );
}
