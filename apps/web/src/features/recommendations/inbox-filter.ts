import type { ApplicationStatus, InboxItem } from '@shenbao/contracts';

// 待审申报 filters, applied in the browser (the inbox of one call is small and already scoped by the server).

/** 审核结论: none yet (待审核), returned and waiting for the applicant (退回修改), or this organisation's decision. */
export type DecisionFilter = 'pending' | 'returned' | 'passed' | 'rejected';

export interface InboxFilter {
  category?: string;
  direction?: string;
  status?: ApplicationStatus;
  decision?: DecisionFilter;
  keyword: string;
  /** 有规则提示: the pack's rules still raise warnings on the submitted answers. */
  withWarnings: boolean;
  /** 疑似重复: a similar project of the same applicant is in another recommendation of the call. */
  duplicates: boolean;
}

export const EMPTY_FILTER: InboxFilter = { keyword: '', withWarnings: false, duplicates: false };

/** '模式应用类 / 工业互联网新模式应用 / 智能化制造' → '智能化制造'. */
export function directionLeaf(label: string | null): string | null {
  if (!label) return null;
  return label.split(' / ').pop() ?? label;
}

export function decisionOf(item: InboxItem): DecisionFilter {
  if (item.decision) return item.decision.decision;
  return item.application.status === 'returned' ? 'returned' : 'pending';
}

export function matchesFilter(item: InboxItem, filter: InboxFilter): boolean {
  const a = item.application;
  if (filter.category && item.categoryLabel !== filter.category) return false;
  if (filter.direction && directionLeaf(a.directionLabel) !== filter.direction) return false;
  if (filter.status && a.status !== filter.status) return false;
  if (filter.decision && decisionOf(item) !== filter.decision) return false;
  if (filter.withWarnings && item.warnings.length === 0) return false;
  if (filter.duplicates && item.duplicates.length === 0) return false;
  const keyword = filter.keyword.trim();
  if (keyword && ![a.projectName, a.number, a.applicantName].some((text) => text?.includes(keyword))) return false;
  return true;
}

/** The distinct values present, for the filter selects (in first-seen order). */
export function distinct<T>(values: readonly (T | null | undefined)[]): T[] {
  return [...new Set(values.filter((v): v is T => v !== null && v !== undefined))];
}
