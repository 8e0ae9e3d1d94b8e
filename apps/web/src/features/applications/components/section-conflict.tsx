import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Space } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';

interface SectionConflictProps {
  /** The server's edit_conflict message (who saved when). */
  conflict: string | null;
  error: string | null;
  onRefresh: () => Promise<void>;
  onRetry: () => void;
  testId: string;
}

/** At the top of a section that could not be saved: someone else's newer save, or a failure to retry. */
export function SectionConflict({ conflict, error, onRefresh, onRetry, testId }: SectionConflictProps) {
  const { t } = useI18n();
  const [refreshing, setRefreshing] = useState(false);
  if (conflict) {
    return (
      <Alert
        type="error"
        showIcon
        style={{ marginBottom: 16 }}
        message={conflict}
        data-testid={testId}
        action={
          <Button
            size="small"
            icon={<ReloadOutlined />}
            loading={refreshing}
            onClick={() => {
              setRefreshing(true);
              void onRefresh().finally(() => setRefreshing(false));
            }}
            data-testid={`${testId}-refresh`}
          >
            {t('save.refreshSection')}
          </Button>
        }
      />
    );
  }
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      message={<Space>{t('save.sectionFailed', { error: error ?? '' })}</Space>}
      data-testid={testId}
      action={
        <Button size="small" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      }
    />
  );
}
