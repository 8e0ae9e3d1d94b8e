import type { InboxItem } from '@shenbao/contracts';
import { Space, Tag, Tooltip } from 'antd';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';

// A condition is a sentence (004: 在绿色低碳、安全生产、国际合作、军民融合等方面有显著成效的项目): it wraps inside its
// column instead of widening it, which would squeeze the project name to a character a line.
const FLAG_STYLE = { whiteSpace: 'normal' } as const;

/** 同等条件下优先: the notice's priority conditions the application meets. */
export function PriorityTags({ flags }: { flags: readonly string[] }) {
  if (flags.length === 0) return null;
  return (
    <Space size={[0, 4]} wrap>
      {flags.map((flag) => (
        <Tag key={flag} color="blue" style={FLAG_STYLE} data-testid="priority-flag">
          {flag}
        </Tag>
      ))}
    </Space>
  );
}

/** Messages shown on hover; a sparse application can raise dozens, the review page lists them all. */
const TIP_LINES = 8;

/** 提示: rule warnings (count, messages on hover), 疑似重复, priority flags. */
export function HintTags({ item }: { item: InboxItem }) {
  const { t } = useI18n();
  const empty = item.warnings.length === 0 && item.duplicates.length === 0 && item.priorityFlags.length === 0;
  if (empty) return <span style={{ color: 'rgba(0,0,0,0.25)' }}>{t('common.empty')}</span>;
  return (
    <Space size={[0, 4]} wrap>
      {item.warnings.length > 0 && (
        <Tooltip
          title={
            item.warnings
              .slice(0, TIP_LINES)
              .map((w) => w.message)
              .join('；') + (item.warnings.length > TIP_LINES ? '……' : '')
          }
        >
          <Tag color="warning" data-testid="warning-count">
            {t('rec.inbox.warningCount', { n: item.warnings.length })}
          </Tag>
        </Tooltip>
      )}
      {item.duplicates.length > 0 && (
        <Tooltip title={item.duplicates.join('；')}>
          <Tag color="error" data-testid="duplicate-badge">
            {t('rec.inbox.duplicate')}
          </Tag>
        </Tooltip>
      )}
      <PriorityTags flags={item.priorityFlags} />
    </Space>
  );
}
