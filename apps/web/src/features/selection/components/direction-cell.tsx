import { Tooltip, Typography } from 'antd';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';

/** 申报方向 in a narrow column: the leaf direction, its category below, the whole path on hover. */
export function DirectionCell({ label }: { label: string | null }) {
  const { t } = useI18n();
  if (!label) return <>{t('common.empty')}</>;
  const parts = label.split(' / ');
  const leaf = parts.at(-1) ?? label;
  return (
    <Tooltip title={label}>
      <div>{leaf}</div>
      {parts.length > 1 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {parts[0]}
        </Typography.Text>
      )}
    </Tooltip>
  );
}
