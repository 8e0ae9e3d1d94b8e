import { InputNumber, Radio, Space } from 'antd';
import { useI18n } from '../../app/i18n/i18n-provider.tsx';
import type { FieldOfType } from '../form-model.ts';

interface YesNoInputProps {
  value: unknown;
  onChange: (value: boolean | undefined) => void;
  testId?: string;
}

/** 是/否. */
export function YesNoInput({ value, onChange, testId }: YesNoInputProps) {
  const { t } = useI18n();
  return (
    <Radio.Group value={typeof value === 'boolean' ? value : undefined} onChange={(e) => onChange(e.target.value as boolean)} data-testid={testId}>
      <Radio value={true} data-testid={testId ? `${testId}-yes` : undefined}>
        {t('form.yes')}
      </Radio>
      <Radio value={false} data-testid={testId ? `${testId}-no` : undefined}>
        {t('form.no')}
      </Radio>
    </Radio.Group>
  );
}

type YesNoYear = { value: true; year?: number } | { value: false };

interface YesNoYearInputProps {
  field: FieldOfType<'yesNoYear'>;
  value: unknown;
  onChange: (value: YesNoYear | undefined) => void;
  onBlur?: () => void;
  testId?: string;
  status?: 'error' | 'warning';
}

/** 是/否 + 年份 (the achievement flags): { value: true, year } or { value: false }. */
export function YesNoYearInput({ field, value, onChange, onBlur, testId, status }: YesNoYearInputProps) {
  const { t } = useI18n();
  const answer = typeof value === 'object' && value !== null ? (value as { value?: unknown; year?: unknown }) : {};
  const yes = answer.value === true;
  const year = typeof answer.year === 'number' ? answer.year : null;
  return (
    <Space wrap>
      <Radio.Group
        value={typeof answer.value === 'boolean' ? answer.value : undefined}
        onChange={(e) => onChange(e.target.value === true ? { value: true, ...(year !== null ? { year } : {}) } : { value: false })}
        data-testid={testId}
      >
        <Radio value={true} data-testid={testId ? `${testId}-yes` : undefined}>
          {t('form.yes')}
        </Radio>
        <Radio value={false} data-testid={testId ? `${testId}-no` : undefined}>
          {t('form.no')}
        </Radio>
      </Radio.Group>
      {yes && (
        <InputNumber<number>
          value={year}
          min={1949}
          max={2100}
          precision={0}
          status={status}
          placeholder={field.yearLabel ?? t('form.year')}
          addonBefore={field.yearLabel ?? t('form.year')}
          onChange={(next) => onChange({ value: true, ...(typeof next === 'number' ? { year: next } : {}) })}
          onBlur={onBlur}
          style={{ width: 200 }}
          data-testid={testId ? `${testId}-year` : undefined}
        />
      )}
    </Space>
  );
}
