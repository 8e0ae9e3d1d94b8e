// Dates are shown in Beijing time whatever the browser's zone: deadlines and audit times are official.

const TIME_ZONE = 'Asia/Shanghai';

const partsFormatter = new Intl.DateTimeFormat('en-US', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

interface DateParts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
}

function partsOf(iso: string): DateParts | null {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  const parts: Record<string, string> = {};
  for (const part of partsFormatter.formatToParts(date)) parts[part.type] = part.value;
  return {
    year: parts.year ?? '',
    month: parts.month ?? '',
    day: parts.day ?? '',
    hour: parts.hour ?? '',
    minute: parts.minute ?? '',
    second: parts.second ?? '',
  };
}

/** YYYY-MM-DD HH:mm:ss in Asia/Shanghai; '—' for null. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const p = partsOf(iso);
  if (!p) return iso;
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

/** YYYY年MM月DD日 in Asia/Shanghai; '—' for null. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const p = partsOf(iso);
  if (!p) return iso;
  return `${p.year}年${p.month}月${p.day}日`;
}

/** YYYY年MM月DD日 HH:mm in Asia/Shanghai (official deadlines); '—' for null. */
export function formatDateMinute(iso: string | null | undefined): string {
  if (!iso) return '—';
  const p = partsOf(iso);
  if (!p) return iso;
  return `${p.year}年${p.month}月${p.day}日 ${p.hour}:${p.minute}`;
}

/** A calendar date as written ('2023-05-04' → 2023年05月04日): no time zone is involved. */
export function formatCalendarDate(date: string | null | undefined): string {
  if (!date) return '—';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return match ? `${match[1]}年${match[2]}月${match[3]}日` : formatDate(date);
}

/** A duration as H:mm:ss with whole days split off, for countdowns. */
export function splitDuration(ms: number): { days: number; time: string } {
  const total = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return { days, time: `${pad(hours)}:${pad(minutes)}:${pad(seconds)}` };
}
