import { Checkbox, Input, Radio, Select, Space } from 'antd';
import { useI18n } from '../../app/i18n/i18n-provider.tsx';
import { isOtherAnswer, optionLabel, optionValue, type FieldOfType } from '../form-model.ts';

/** The radio/checkbox value that stands for 其他（请注明）; never an option of a pack (ids are lower-case words). */
const OTHER = '__other__';

interface ChoiceProps<T> {
  value: unknown;
  onChange: (value: T | undefined) => void;
  onBlur?: () => void;
  testId?: string;
  status?: 'error' | 'warning';
}

/** Few short options read best as radios; long lists or long labels as a dropdown. */
export function prefersRadios(field: FieldOfType<'choice'>): boolean {
  return field.options.length <= 6 && field.options.every((o) => optionLabel(o).length <= 40);
}

function OtherText({ value, onChange, onBlur, testId }: { value: string; onChange: (text: string) => void; onBlur?: () => void; testId?: string }) {
  const { t } = useI18n();
  return (
    <Input
      value={value}
      placeholder={t('form.otherPlaceholder')}
      onChange={(e) => onChange(e.target.value)}
      onBlur={onBlur}
      style={{ maxWidth: 360 }}
      data-testid={testId ? `${testId}-other` : undefined}
    />
  );
}

/** 单选: an option's value, or { other } when the pack allows 其他（请注明）. */
export function ChoiceInput({ field, value, onChange, onBlur, testId, status }: ChoiceProps<string | { other: string }> & { field: FieldOfType<'choice'> }) {
  const { t } = useI18n();
  const other = isOtherAnswer(value);
  const selected = other ? OTHER : typeof value === 'string' ? value : undefined;
  const options = [
    ...field.options.map((o) => ({ value: optionValue(o), label: optionLabel(o) })),
    ...(field.other ? [{ value: OTHER, label: t('form.other') }] : []),
  ];
  const pick = (next: string | undefined) => {
    if (next === undefined) onChange(undefined);
    else onChange(next === OTHER ? { other: other ? value.other : '' } : next);
  };
  const control = prefersRadios(field) ? (
    <Radio.Group value={selected} onChange={(e) => pick(e.target.value as string)} data-testid={testId}>
      <Space direction={options.some((o) => o.label.length > 12) ? 'vertical' : 'horizontal'} wrap>
        {options.map((o) => (
          <Radio key={o.value} value={o.value}>
            {o.label}
          </Radio>
        ))}
      </Space>
    </Radio.Group>
  ) : (
    <Select<string>
      value={selected}
      options={options}
      status={status}
      allowClear
      showSearch
      optionFilterProp="label"
      placeholder={t('form.choose')}
      style={{ width: '100%' }}
      onChange={(next) => pick(next)}
      onBlur={onBlur}
      data-testid={testId}
    />
  );
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {control}
      {other && <OtherText value={value.other} onChange={(text) => onChange({ other: text })} onBlur={onBlur} testId={testId} />}
    </Space>
  );
}

type MultiItem = string | { other: string };

/** 多选: an array of values, with at most one { other }. */
export function MultiChoiceInput({ field, value, onChange, onBlur, testId }: ChoiceProps<MultiItem[]> & { field: FieldOfType<'multiChoice'> }) {
  const { t } = useI18n();
  const items: MultiItem[] = Array.isArray(value) ? value.filter((v): v is MultiItem => typeof v === 'string' || isOtherAnswer(v)) : [];
  const otherItem = items.find(isOtherAnswer);
  const checked = [...items.filter((v): v is string => typeof v === 'string'), ...(otherItem ? [OTHER] : [])];
  const options = [
    ...field.options.map((o) => ({ value: optionValue(o), label: optionLabel(o) })),
    ...(field.other ? [{ value: OTHER, label: t('form.other') }] : []),
  ];
  const change = (next: MultiItem[]) => onChange(next.length > 0 ? next : undefined);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Checkbox.Group
        value={checked}
        options={options}
        onChange={(values) => {
          const plain = values.filter((v): v is string => typeof v === 'string' && v !== OTHER);
          // Keep the options' order, whatever order they were ticked in.
          const ordered = options.map((o) => o.value).filter((v) => plain.includes(v));
          change([...ordered, ...(values.includes(OTHER) ? [{ other: otherItem?.other ?? '' }] : [])]);
        }}
        data-testid={testId}
      />
      {otherItem && (
        <OtherText
          value={otherItem.other}
          onChange={(text) => change([...items.filter((v) => !isOtherAnswer(v)), { other: text }])}
          onBlur={onBlur}
          testId={testId}
        />
      )}
    </Space>
  );
}
