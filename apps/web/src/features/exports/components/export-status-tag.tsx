import type { ExportJob } from '@shenbao/contracts';
import { Tag } from 'antd';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';

const COLORS: Record<ExportJob['status'], string> = { queued: 'default', running: 'processing', done: 'success', failed: 'error', cancelled: 'warning' };

export function ExportStatusTag({ status }: { status: ExportJob['status'] }) {
  const { t } = useI18n();
  return (
    <Tag color={COLORS[status]} data-testid="export-status">
      {t(`export.status.${status}`)}
    </Tag>
  );
}
