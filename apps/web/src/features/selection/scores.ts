// Scores as the officer reads them: two decimals, '—' where there is none yet.

export function formatScore(value: number | null | undefined): string {
  return value === null || value === undefined || Number.isNaN(value) ? '—' : value.toFixed(2);
}

/** Descending by score, unscored last, then by number so the order is stable. */
export function byScoreDesc<T extends { score: number | null; number: string | null }>(a: T, b: T): number {
  if (a.score === null && b.score !== null) return 1;
  if (b.score === null && a.score !== null) return -1;
  if (a.score !== null && b.score !== null && a.score !== b.score) return b.score - a.score;
  return (a.number ?? '').localeCompare(b.number ?? '');
}
