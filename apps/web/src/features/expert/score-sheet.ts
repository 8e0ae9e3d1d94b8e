import type { ExpertAssignmentDetail } from '@shenbao/contracts';

export type Rubric = NonNullable<ExpertAssignmentDetail['rubric']>;

export interface SheetValues {
  scores: Record<string, number | null | undefined>;
  comments: Record<string, string | undefined>;
  opinion: string;
}

/** The weighted total as the server computes it on submission: Σ wᵢ·sᵢ / Σ wᵢ, two decimals; null until every score is in. */
export function weightedTotal(rubric: Rubric, scores: SheetValues['scores']): number | null {
  const weights = rubric.criteria.reduce((sum, c) => sum + c.weight, 0);
  if (weights <= 0) return null;
  let total = 0;
  for (const c of rubric.criteria) {
    const score = scores[c.id];
    if (score === null || score === undefined || Number.isNaN(score)) return null;
    total += c.weight * score;
  }
  return Math.round((total / weights) * 100) / 100;
}

/** Each criterion's share of the total, in per cent (weights need not add up to 1 or 100). */
export function weightShare(rubric: Rubric, weight: number): number {
  const weights = rubric.criteria.reduce((sum, c) => sum + c.weight, 0);
  return weights > 0 ? Math.round((weight / weights) * 1000) / 10 : 0;
}

/** The body of 暂存/提交: blank scores are left out (a draft may be incomplete), comments trimmed. */
export function sheetBody(values: SheetValues, submit: boolean) {
  const scores: Record<string, number> = {};
  for (const [id, score] of Object.entries(values.scores ?? {})) if (typeof score === 'number' && !Number.isNaN(score)) scores[id] = score;
  const comments: Record<string, string> = {};
  for (const [id, comment] of Object.entries(values.comments ?? {})) if (comment && comment.trim()) comments[id] = comment.trim();
  return { scores, comments, opinion: (values.opinion ?? '').trim(), submit };
}

/** A server field path (/scores/innovation, /comments/innovation, /opinion) as the form's field name. */
export function fieldNameOf(path: string): (string | number)[] | null {
  const segments = path.split('/').filter(Boolean);
  const at = segments.findIndex((s) => s === 'scores' || s === 'comments' || s === 'opinion');
  if (at < 0) return null;
  return segments[at] === 'opinion' ? ['opinion'] : segments.slice(at, at + 2);
}
