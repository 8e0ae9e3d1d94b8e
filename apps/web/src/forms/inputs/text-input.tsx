import { countChars } from '@shenbao/rules';
import { Input } from 'antd';
import type { FieldOfType } from '../form-model.ts';

interface TextInputProps {
  field: FieldOfType<'text'>;
  value: unknown;
  onChange: (value: string | undefined) => void;
  onBlur?: () => void;
  testId?: string;
  status?: 'error' | 'warning';
}

/** 文本: the counter counts as the engine does (code points, line breaks not counted) and turns red past the limit. */
export function TextInput({ field, value, onChange, onBlur, testId, status }: TextInputProps) {
  const text = typeof value === 'string' ? value : '';
  const count = field.maxLength !== undefined ? { show: true, max: field.maxLength, strategy: countChars } : undefined;
  const change = (next: string) => onChange(next === '' ? undefined : next);
  if (field.multiline) {
    return (
      <Input.TextArea
        value={text}
        autoSize={{ minRows: 3, maxRows: 14 }}
        count={count}
        status={status}
        onChange={(e) => change(e.target.value)}
        onBlur={onBlur}
        data-testid={testId}
      />
    );
  }
  return (
    <Input
      value={text}
      count={count}
      status={status}
      inputMode={field.format === 'mobile-cn' ? 'tel' : field.format === 'email' ? 'email' : undefined}
      onChange={(e) => change(e.target.value)}
      onBlur={onBlur}
      data-testid={testId}
    />
  );
}
