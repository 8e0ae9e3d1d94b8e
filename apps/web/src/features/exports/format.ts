/** 12.3 MB: the size of a finished ZIP. */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return '—';
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 2 : 1)} ${units[unit]}`;
}

/** Whole percent of the applications written; 100 only when the job is done (the summary and manifest come last). */
export function percentOf(job: { status: string; done: number; total: number }): number {
  if (job.status === 'done') return 100;
  if (job.total <= 0) return 0;
  return Math.min(99, Math.floor((job.done / job.total) * 100));
}
