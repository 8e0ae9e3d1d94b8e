import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import type { FieldOfType } from '../form-model.ts';

interface DateInputProps {
  field: FieldOfType<'date'>;
  value: unknown;
  onChange: (value: string | undefined) => void;
  onBlur?: () => void;
  testId?: string;
  status?: 'error' | 'warning';
}

const DATE = 'YYYY-MM-DD';
const MONTH = 'YYYY-MM';

function parse(value: unknown, format: string): Dayjs | null {
  if (typeof value !== 'string') return null;
  const day = dayjs(value, format);
  return day.isValid() ? day : null;
}

/** 日期: stored as 'YYYY-MM-DD' (a calendar date, no time zone). */
export function DateInput({ field, value, onChange, onBlur, testId, status }: DateInputProps) {
  const day = useMemo(() => parse(value, DATE), [value]);
  return (
    <DatePicker
      value={day}
      format={DATE}
      status={status}
      style={{ width: '100%' }}
      disabledDate={(day) => (field.min !== undefined && day.format(DATE) < field.min) || (field.max !== undefined && day.format(DATE) > field.max)}
      onChange={(day) => onChange(day ? day.format(DATE) : undefined)}
      onBlur={onBlur}
      data-testid={testId}
    />
  );
}

interface MonthRangeInputProps {
  value: unknown;
  onChange: (value: { from: string; to: string } | undefined) => void;
  onBlur?: () => void;
  testId?: string;
  status?: 'error' | 'warning';
}

type MonthPair = [Dayjs | null, Dayjs | null];

/** 年月区间: { from: 'YYYY-MM', to: 'YYYY-MM' }; the answer changes once both ends are chosen. */
export function MonthRangeInput({ value, onChange, onBlur, testId, status }: MonthRangeInputProps) {
  const range = typeof value === 'object' && value !== null ? (value as { from?: unknown; to?: unknown }) : {};
  const { from, to } = range;
  // A stable pair: the picker drops a half-chosen range whenever its controlled value changes identity.
  const saved = useMemo<MonthPair>(() => [parse(from, MONTH), parse(to, MONTH)], [from, to]);
  return (
    <DatePicker.RangePicker
      picker="month"
      format={MONTH}
      status={status}
      style={{ width: '100%' }}
      value={saved}
      onChange={(days) => {
        const [start, end] = days ?? [null, null];
        onChange(start && end ? { from: start.format(MONTH), to: end.format(MONTH) } : undefined);
      }}
      onBlur={onBlur}
      data-testid={testId}
    />
  );
}
