import type { FileRef, PackField, ProgramPack } from '@shenbao/contracts';
import { directionPath, isOtherAnswer, optionLabel, optionValue, type ScalarField } from './form-model.ts';

// Answers as text, the way the printed form shows them: read-only views, the preview and the version diff.

const EMPTY = '—';

/** Amounts with separators (1,210.50); whole numbers — years, counts — as written on a form (2026, 420). */
export function formatNumber(value: number, decimals: number): string {
  return value.toLocaleString('zh-CN', { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: decimals > 0 });
}

export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** 330 → 5分30秒. */
export function formatDuration(seconds: number): string {
  const whole = Math.round(seconds);
  const minutes = Math.floor(whole / 60);
  const rest = whole % 60;
  if (minutes === 0) return `${rest}秒`;
  return rest === 0 ? `${minutes}分钟` : `${minutes}分${rest}秒`;
}

export function isFileRef(value: unknown): value is FileRef {
  return typeof value === 'object' && value !== null && 'fileId' in value && 'name' in value;
}

export function fileList(value: unknown): FileRef[] {
  return Array.isArray(value) ? value.filter(isFileRef) : [];
}

function choiceText(field: Extract<PackField, { type: 'choice' | 'multiChoice' }>, value: unknown): string {
  if (isOtherAnswer(value)) return `其他：${value.other}`;
  const option = field.options.find((o) => optionValue(o) === value);
  return option ? optionLabel(option) : String(value);
}

export function computedText(field: Extract<PackField, { type: 'computed' }>, value: unknown): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return value === null || value === undefined ? EMPTY : String(value);
  const decimals = field.decimals ?? (field.format === 'integer' ? 0 : 2);
  const unit = field.unit ?? (field.format === 'money' ? '万元' : field.format === 'percent' ? '%' : '');
  return `${formatNumber(value, decimals)}${unit ? ` ${unit}` : ''}`;
}

/** One answer as a line of text; tables as "n 行" (the preview prints them as tables). */
export function answerText(field: PackField | ScalarField, value: unknown, program: ProgramPack): string {
  if (value === undefined || value === null || value === '') return EMPTY;
  switch (field.type) {
    case 'text':
      return String(value);
    case 'integer':
      return typeof value === 'number' ? `${value}${field.unit ? ` ${field.unit}` : ''}` : String(value);
    case 'decimal':
      return typeof value === 'number' ? `${formatNumber(value, field.decimals ?? 2)}${field.unit ? ` ${field.unit}` : ''}` : String(value);
    case 'money':
      return typeof value === 'number' ? `${formatNumber(value, 2)} 万元` : String(value);
    case 'date':
      return String(value);
    case 'yearMonthRange': {
      const range = value as { from?: string; to?: string };
      return `${range.from ?? '?'} 至 ${range.to ?? '?'}`;
    }
    case 'choice':
      return choiceText(field, value);
    case 'multiChoice':
      return Array.isArray(value) && value.length > 0 ? value.map((item) => choiceText(field, item)).join('、') : EMPTY;
    case 'yesNo':
      return value === true ? '是' : value === false ? '否' : String(value);
    case 'yesNoYear': {
      const answer = value as { value?: boolean; year?: number };
      if (answer.value === true) return `是（${field.yearLabel ?? '年份'}：${answer.year ?? '?'}）`;
      return answer.value === false ? '否' : EMPTY;
    }
    case 'direction': {
      const path = directionPath(program.categories, String(value));
      return path ? path.map((n) => n.label).join(' / ') : String(value);
    }
    case 'computed':
      return computedText(field, value);
    case 'attachment': {
      const files = fileList(value);
      return files.length > 0 ? files.map((f) => f.name).join('、') : EMPTY;
    }
    case 'table':
      return Array.isArray(value) ? `${value.length} ${field.rowLabel ?? '行'}` : EMPTY;
  }
}

/** A value of the version diff, whose field is known only by its path's label. */
export function looseText(value: unknown): string {
  if (value === undefined || value === null || value === '') return EMPTY;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    const files = fileList(value);
    if (files.length === value.length && files.length > 0) return files.map((f) => f.name).join('、');
    return value.map(looseText).join('、');
  }
  if (isOtherAnswer(value)) return `其他：${value.other}`;
  return JSON.stringify(value);
}
