import type { PackField } from '@shenbao/contracts';
import { Typography } from 'antd';
import { useI18n } from '../app/i18n/i18n-provider.tsx';
import { formatDuration } from './value-format.ts';

/** Under a field: the notice's fill-in note, and for attachments what the slot takes. */
export function FieldLimitsHint({ field, required }: { field: PackField; required: boolean }) {
  const { t } = useI18n();
  const lines: string[] = [];
  if (field.hint) lines.push(field.hint);
  if (field.type === 'attachment') {
    const min = required ? (field.minCount ?? 1) : 0;
    const parts = [t('limit.accept', { list: field.accept.join('、') }), t('limit.maxSize', { n: field.maxSizeMB })];
    if (field.maxCount !== undefined) parts.push(min === field.maxCount ? t('limit.countExact', { n: min }) : t('limit.count', { min, max: field.maxCount }));
    else if (min > 0) parts.push(t('limit.countMin', { n: min }));
    if (field.video) parts.push(t('upload.videoLimit', { min: formatDuration(field.video.minSeconds), max: formatDuration(field.video.maxSeconds) }));
    lines.push(parts.join('；'));
  }
  if (lines.length === 0) return null;
  // Text with a counter: the counter sits at the right end of this line.
  const counter = field.type === 'text' && field.maxLength !== undefined;
  return (
    <div style={counter ? { paddingInlineEnd: 88 } : undefined}>
      {lines.map((line) => (
        <div key={line}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {line}
          </Typography.Text>
        </div>
      ))}
    </div>
  );
}
