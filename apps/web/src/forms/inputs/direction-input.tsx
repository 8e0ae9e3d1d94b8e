import type { ProgramPack } from '@shenbao/contracts';
import { Cascader } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../../app/i18n/i18n-provider.tsx';
import { directionOptions, directionPath, type FieldOfType } from '../form-model.ts';

interface DirectionInputProps {
  program: ProgramPack;
  field: FieldOfType<'direction'>;
  value: unknown;
  onChange: (value: string | undefined) => void;
  onBlur?: () => void;
  testId?: string;
  status?: 'error' | 'warning';
}

/** 申报方向: a leaf of the call's category tree, limited to the field's branches. */
export function DirectionInput({ program, field, value, onChange, onBlur, testId, status }: DirectionInputProps) {
  const { t } = useI18n();
  const options = useMemo(() => directionOptions(program.categories, field.categories), [program, field]);
  const path = typeof value === 'string' ? (directionPath(program.categories, value)?.map((n) => n.id) ?? []) : [];
  return (
    <Cascader
      options={options}
      value={path}
      status={status}
      placeholder={t('form.chooseDirection')}
      showSearch={{ filter: (input, nodes) => nodes.some((n) => String(n.label).includes(input)) }}
      displayRender={(labels) => labels.join(' / ')}
      style={{ width: '100%' }}
      onChange={(next) => onChange(Array.isArray(next) && next.length > 0 ? String(next[next.length - 1]) : undefined)}
      onBlur={onBlur}
      data-testid={testId}
    />
  );
}
