import type { ProgramPack } from '@shenbao/contracts';
import { Typography } from 'antd';
import type { ScalarField } from '../form-model.ts';
import { computedText } from '../value-format.ts';
import { ChoiceInput, MultiChoiceInput } from './choice-inputs.tsx';
import { DateInput, MonthRangeInput } from './date-inputs.tsx';
import { DirectionInput } from './direction-input.tsx';
import { NumberInput } from './number-input.tsx';
import { TextInput } from './text-input.tsx';
import { YesNoInput, YesNoYearInput } from './yes-no-inputs.tsx';

export interface ScalarInputProps {
  program: ProgramPack;
  field: Exclude<ScalarField, { type: 'attachment' }>;
  value: unknown;
  onChange: (value: unknown) => void;
  onBlur?: () => void;
  testId?: string;
  status?: 'error' | 'warning';
  /** Inside a table cell: no unit addon. */
  compact?: boolean;
}

/** The input for one scalar field type (attachments have their own slot, tables their own grid). */
export function ScalarInput({ program, field, value, onChange, onBlur, testId, status, compact }: ScalarInputProps) {
  const common = { value, onBlur, testId, status };
  switch (field.type) {
    case 'text':
      return <TextInput field={field} {...common} onChange={onChange} />;
    case 'integer':
    case 'decimal':
    case 'money':
      return <NumberInput field={field} {...common} onChange={onChange} compact={compact} />;
    case 'date':
      return <DateInput field={field} {...common} onChange={onChange} />;
    case 'yearMonthRange':
      return <MonthRangeInput {...common} onChange={onChange} />;
    case 'choice':
      return <ChoiceInput field={field} {...common} onChange={onChange} />;
    case 'multiChoice':
      return <MultiChoiceInput field={field} {...common} onChange={onChange} />;
    case 'yesNo':
      return <YesNoInput value={value} onChange={onChange} testId={testId} />;
    case 'yesNoYear':
      return <YesNoYearInput field={field} {...common} onChange={onChange} />;
    case 'direction':
      return <DirectionInput program={program} field={field} {...common} onChange={onChange} />;
    case 'computed':
      return (
        <Typography.Text strong data-testid={testId}>
          {computedText(field, value)}
        </Typography.Text>
      );
  }
}
