/**
 * 分数标准化: per-application statistics of the experts' totals and a normalized score that corrects for lenient
 * and harsh experts by standardising each expert's scores across the whole call.
 *
 *   z = (x − mean_e) / sd_e                         for an expert e with ≥ 2 scores and sd_e > 0
 *   z = (x − mean_e) / grandSd  (0 if grandSd = 0)  for an expert with a single score or all scores equal
 *   normalized = grandMean + grandSd × mean(z over the application's reviews)
 *
 * All standard deviations are population ones (divide by n). Returned figures are rounded to 2 decimals; the
 * computation uses full precision. An application is divergent (flagged for discussion) when its spread
 * max − min exceeds divergenceThreshold × (scaleMax − scaleMin). Pure computation: no database, no I/O.
 */

export interface ReviewScore {
  applicationId: string;
  expertId: string;
  total: number;
}

export interface ApplicationScoreSummary {
  applicationId: string;
  count: number;
  mean: number;
  median: number;
  spread: number; // max − min
  stdDev: number;
  /** null while the call has fewer than two scores (nothing to standardise against). */
  normalized: number | null;
  divergent: boolean;
}

export interface ExpertScoreSummary {
  expertId: string;
  count: number;
  mean: number;
  stdDev: number;
}

export interface ScoreSummary {
  applications: ApplicationScoreSummary[];
  experts: ExpertScoreSummary[];
  grandMean: number;
  grandStdDev: number;
}

export const NORMALISATION_METHOD_ZH =
  '标准分按专家逐人校正宽严尺度：先算出每位专家在本批次全部评分的平均分和标准差（总体标准差，除以评分份数），' +
  '把该专家的每个评分换算为 z 分 =（评分 − 该专家平均分）÷ 该专家标准差；' +
  '一位专家只评了一份或所评分数全部相同时，改用全体评分的标准差作除数（全体评分也全部相同时 z 分记为 0）。' +
  '每项申报的标准分 = 全体评分平均分 + 全体评分标准差 × 该申报各评分 z 分的平均值，保留两位小数。' +
  '这样打分普遍偏高或偏低的专家不会抬高或压低其所评申报，标准分与原始平均分并列显示，供比较参考。' +
  '同一申报最高分与最低分之差超过评分满分区间的设定比例时，标记为“分歧较大”，提请专家组讨论。';

/** Half up at 2 decimals, without binary artefacts (1.005 → 1.01) and without −0. */
const round2 = (x: number) => Math.round(Number((x * 100).toPrecision(12))) / 100 || 0;

function meanOf(xs: number[]): number {
  return xs.reduce((s, x) => s + x, 0) / xs.length;
}

/** Population standard deviation. */
function sdOf(xs: number[], mean = meanOf(xs)): number {
  return Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length);
}

function medianOf(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Applications and experts come back in the order of their first score in `scores`. */
export function summariseScores(scores: ReviewScore[], opts: { scaleMin: number; scaleMax: number; divergenceThreshold: number }): ScoreSummary {
  const range = opts.scaleMax - opts.scaleMin;
  if (!(range > 0)) throw new Error(`评分区间无效：最低 ${opts.scaleMin}，最高 ${opts.scaleMax}`);
  const valid = scores.filter((s) => Number.isFinite(s.total));
  if (valid.length === 0) return { applications: [], experts: [], grandMean: 0, grandStdDev: 0 };

  const all = valid.map((s) => s.total);
  const grandMean = meanOf(all);
  const grandSd = sdOf(all, grandMean);

  const byExpert = new Map<string, number[]>();
  for (const s of valid) {
    const list = byExpert.get(s.expertId);
    if (list) list.push(s.total);
    else byExpert.set(s.expertId, [s.total]);
  }
  const expertStats = new Map<string, { mean: number; sd: number; count: number }>();
  for (const [id, xs] of byExpert) {
    const mean = meanOf(xs);
    expertStats.set(id, { mean, sd: sdOf(xs, mean), count: xs.length });
  }
  const zOf = (s: ReviewScore) => {
    const e = expertStats.get(s.expertId)!;
    if (e.count >= 2 && e.sd > 0) return (s.total - e.mean) / e.sd;
    return grandSd > 0 ? (s.total - e.mean) / grandSd : 0;
  };

  const byApplication = new Map<string, ReviewScore[]>();
  for (const s of valid) {
    const list = byApplication.get(s.applicationId);
    if (list) list.push(s);
    else byApplication.set(s.applicationId, [s]);
  }
  const applications: ApplicationScoreSummary[] = [...byApplication].map(([applicationId, list]) => {
    const xs = list.map((s) => s.total);
    const mean = meanOf(xs);
    const spread = Math.max(...xs) - Math.min(...xs);
    return {
      applicationId,
      count: xs.length,
      mean: round2(mean),
      median: round2(medianOf(xs)),
      spread: round2(spread),
      stdDev: round2(sdOf(xs, mean)),
      normalized: all.length < 2 ? null : round2(grandMean + grandSd * meanOf(list.map(zOf))),
      divergent: spread / range > opts.divergenceThreshold,
    };
  });
  return {
    applications,
    experts: [...expertStats].map(([expertId, e]) => ({ expertId, count: e.count, mean: round2(e.mean), stdDev: round2(e.sd) })),
    grandMean: round2(grandMean),
    grandStdDev: round2(grandSd),
  };
}
