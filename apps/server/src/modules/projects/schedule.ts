/** 项目期 and the quarterly report schedule (季度末上报), in calendar dates of Asia/Shanghai. */

export interface Period {
  from: string; // YYYY-MM
  to: string; // YYYY-MM
}

export interface QuarterSlot {
  year: number;
  quarter: number; // 1..4
  /** The quarter's last day. */
  quarterEnd: string;
  /** quarterEnd + the pack's days. */
  dueOn: string;
  /** The first day of the quarter's last month: from then the report may be filed (季度末). */
  opensOn: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/** Today's (or a moment's) date in China. */
export function shanghaiDate(at: Date): string {
  return iso(new Date(at.getTime() + 8 * 3_600_000));
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return iso(d);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** A yearMonthRange answer { from: "YYYY-MM", to: "YYYY-MM" } that makes sense, else null. */
export function asPeriod(value: unknown): Period | null {
  if (!value || typeof value !== 'object') return null;
  const { from, to } = value as { from?: unknown; to?: unknown };
  const ok = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(v);
  return ok(from) && ok(to) && from <= to ? { from, to } : null;
}

export const periodStart = (p: Period) => `${p.from}-01`;
export function periodEnd(p: Period): string {
  const [y, m] = p.to.split('-').map(Number) as [number, number];
  return iso(new Date(Date.UTC(y, m, 0)));
}

function quarterOf(date: string): { year: number; quarter: number } {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return { year: y, quarter: Math.floor((m - 1) / 3) + 1 };
}

function slot(year: number, quarter: number, dueDays: number): QuarterSlot {
  const quarterEnd = iso(new Date(Date.UTC(year, quarter * 3, 0)));
  return { year, quarter, quarterEnd, dueOn: addDays(quarterEnd, dueDays), opensOn: `${year}-${pad(quarter * 3)}-01` };
}

/**
 * The reports due: one per quarter end from the quarter the project was selected in (or the period starts in, if
 * later) to the quarter the project period ends in.
 */
export function quarterSchedule(period: Period, selectedOn: string, dueDaysAfterQuarterEnd: number): QuarterSlot[] {
  const start = quarterOf(periodStart(period) > selectedOn ? periodStart(period) : selectedOn);
  const end = quarterOf(periodEnd(period));
  const slots: QuarterSlot[] = [];
  for (let y = start.year, q = start.quarter; y < end.year || (y === end.year && q <= end.quarter); q === 4 ? ((q = 1), y++) : q++) {
    slots.push(slot(y, q, dueDaysAfterQuarterEnd));
  }
  return slots;
}

const QUARTER_NAMES = ['一', '二', '三', '四'];
export const quarterLabel = (year: number, quarter: number) => `${year}年第${QUARTER_NAMES[quarter - 1]}季度`;

export type SlotState = 'upcoming' | 'open' | 'submitted' | 'late' | 'missing';

/** Where one report stands today. */
export function slotState(s: QuarterSlot, today: string, report: { late: boolean } | null): SlotState {
  if (report) return report.late ? 'late' : 'submitted';
  if (today > s.dueOn) return 'missing';
  return today >= s.opensOn ? 'open' : 'upcoming';
}

/** Share of the project period elapsed by `today` (0..1). */
export function elapsedShare(period: Period, today: string): number {
  const total = daysBetween(periodStart(period), periodEnd(period)) + 1;
  const done = daysBetween(periodStart(period), today) + 1;
  return Math.min(1, Math.max(0, done / total));
}
