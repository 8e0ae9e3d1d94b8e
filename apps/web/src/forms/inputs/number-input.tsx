import { InputNumber } from 'antd';
import type { FieldOfType } from '../form-model.ts';

type NumberField = FieldOfType<'integer'> | FieldOfType<'decimal'> | FieldOfType<'money'>;

interface NumberInputProps {
  field: NumberField;
  value: unknown;
  onChange: (value: number | undefined) => void;
  onBlur?: () => void;
  testId?: string;
  status?: 'error' | 'warning';
  compact?: boolean;
}

function precisionOf(field: NumberField): number {
  if (field.type === 'integer') return 0;
  if (field.type === 'money') return 2;
  return field.decimals ?? 2;
}

function unitOf(field: NumberField): string | undefined {
  return field.type === 'money' ? '万元' : field.unit;
}

/** 整数、小数、金额（万元，两位小数）. */
export function NumberInput({ field, value, onChange, onBlur, testId, status, compact }: NumberInputProps) {
  const unit = unitOf(field);
  const min = field.min ?? (field.type === 'money' ? 0 : undefined);
  return (
    <InputNumber<number>
      value={typeof value === 'number' ? value : null}
      precision={precisionOf(field)}
      min={min}
      max={field.max}
      status={status}
      addonAfter={unit && !compact ? unit : undefined}
      style={{ width: '100%' }}
      keyboard
      onChange={(next) => onChange(typeof next === 'number' && Number.isFinite(next) ? next : undefined)}
      onBlur={onBlur}
      data-testid={testId}
    />
  );
}
