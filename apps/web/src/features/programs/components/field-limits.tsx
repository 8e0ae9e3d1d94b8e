import type { PackField } from '@shenbao/contracts';
import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n, type Translate } from '../../../app/i18n/i18n-provider.tsx';
import { Mono } from '../../../ui/mono.tsx';
import type { PackIndex } from '../pack-index.ts';

type Option = Extract<PackField, { type: 'choice' }>['options'][number];

const optionLabel = (option: Option) => (typeof option === 'string' ? option : option.label);
const SEP = '、';

function range(t: Translate, min: number | string | undefined, max: number | string | undefined): string | null {
  if (min !== undefined && max !== undefined) return t('limit.range', { min, max });
  if (min !== undefined) return t('limit.min', { n: min });
  if (max !== undefined) return t('limit.max', { n: max });
  return null;
}

function countRange(t: Translate, min: number, max: number | undefined): string {
  if (max === min) return t('limit.countExact', { n: min });
  if (max !== undefined) return t('limit.count', { min, max });
  return t('limit.countMin', { n: min });
}

/** The type-specific limits of a field, as short lines of text (expressions in monospace). */
function typeLimits(field: PackField, t: Translate, index: PackIndex): ReactNode[] {
  switch (field.type) {
    case 'text':
      return [
        field.maxLength !== undefined && t('limit.maxLength', { n: field.maxLength }),
        field.minLength !== undefined && t('limit.minLength', { n: field.minLength }),
        field.multiline && t('limit.multiline'),
        field.format && t('limit.format', { format: t(`textFormat.${field.format}`) }),
        field.pattern && (
          <>
            {t('limit.pattern')}
            <Mono>{field.pattern}</Mono>
            {field.patternMessage && `（${field.patternMessage}）`}
          </>
        ),
      ];
    case 'integer':
      return [range(t, field.min, field.max), field.unit && t('limit.unit', { unit: field.unit })];
    case 'decimal':
      return [
        range(t, field.min, field.max),
        t('limit.decimals', { n: field.decimals ?? 2 }),
        field.unit && t('limit.unit', { unit: field.unit }),
      ];
    case 'money':
      return [range(t, field.min, field.max), t('limit.money')];
    case 'date':
      return [range(t, field.min, field.max)];
    case 'yearMonthRange':
      return [t('limit.monthRange')];
    case 'choice':
      return [t('limit.options', { options: field.options.map(optionLabel).join(SEP) }), field.other && t('limit.other')];
    case 'multiChoice': {
      const { minItems: min, maxItems: max } = field;
      return [
        t('limit.options', { options: field.options.map(optionLabel).join(SEP) }),
        field.other && t('limit.other'),
        min !== undefined && max !== undefined
          ? t('limit.items', { min, max })
          : min !== undefined
            ? t('limit.itemsMin', { n: min })
            : max !== undefined && t('limit.itemsMax', { n: max }),
      ];
    }
    case 'yesNo':
      return [];
    case 'yesNoYear':
      return [t('limit.yearLabel', { label: field.yearLabel ?? t('calls.year') })];
    case 'direction':
      return [field.categories && t('limit.categories', { list: field.categories.map(index.category).join(SEP) })];
    case 'table': {
      const unit = field.rowLabel ?? t('limit.rowUnit');
      const { minRows: min, maxRows: max } = field;
      return [
        min !== undefined && max !== undefined
          ? t('limit.rows', { min, max, unit })
          : min !== undefined
            ? t('limit.rowsMin', { n: min, unit })
            : max !== undefined && t('limit.rowsMax', { n: max, unit }),
      ];
    }
    case 'computed':
      return [
        <>
          {t('limit.expression')}
          <Mono>{field.expression}</Mono>
        </>,
        t('limit.computedFormat', { format: t(`computedFormat.${field.format}`) }),
        field.decimals !== undefined && t('limit.decimals', { n: field.decimals }),
        field.unit && t('limit.unit', { unit: field.unit }),
      ];
    case 'attachment':
      return [
        t('limit.accept', { list: field.accept.join(SEP) }),
        t('limit.maxSize', { n: field.maxSizeMB }),
        countRange(t, field.minCount ?? 1, field.maxCount),
        field.video && t('limit.video', { min: field.video.minSeconds, max: field.video.maxSeconds }),
      ];
  }
}

/** 限制 of one field: its type's limits, then when it shows, when it is required, what it is prefilled with. */
export function FieldLimits({ field, index }: { field: PackField; index: PackIndex }) {
  const { t } = useI18n();
  const lines: ReactNode[] = [...typeLimits(field, t, index)];
  if (field.visibleWhen) {
    lines.push(
      <>
        <Typography.Text type="secondary">{t('limit.visibleWhen')}</Typography.Text>
        <Mono>{field.visibleWhen}</Mono>
      </>,
    );
  }
  if (field.requiredWhen) {
    lines.push(
      <>
        <Typography.Text type="secondary">{t('limit.requiredWhen')}</Typography.Text>
        <Mono>{field.requiredWhen}</Mono>
      </>,
    );
  }
  if (field.prefill) {
    lines.push(
      <>
        <Typography.Text type="secondary">{t('limit.prefill')}</Typography.Text>
        <Mono>{field.prefill}</Mono>
      </>,
    );
  }
  const shown = lines.filter((line) => line !== false && line !== null && line !== undefined && line !== '');
  if (shown.length === 0) return <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>;
  return (
    <>
      {shown.map((line, i) => (
        <div key={i} style={{ marginBottom: 2 }}>
          {line}
        </div>
      ))}
    </>
  );
}
