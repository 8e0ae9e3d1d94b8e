import { describe, expect, it } from 'vitest';
import { NORMALISATION_METHOD_ZH, summariseScores, type ReviewScore } from './normalization.ts';

const score = (applicationId: string, expertId: string, total: number): ReviewScore => ({ applicationId, expertId, total });
const scale = { scaleMin: 0, scaleMax: 100, divergenceThreshold: 0.25 };

describe('分数标准化', () => {
  it('gives the hand-computed values', () => {
    // E1 (lenient): A1 90, A2 80 → mean 85, population sd √((5² + 5²)/2) = 5  → z(A1) = +1, z(A2) = −1
    // E2 (harsh):   A1 70, A2 50 → mean 60, population sd √((10² + 10²)/2) = 10 → z(A1) = +1, z(A2) = −1
    // E3 (one score): A3 60      → mean 60; a single score is divided by the grand sd: (60 − 60)/14.14 = 0
    // All five scores 90, 80, 70, 50, 60: grand mean 350/5 = 70;
    //   grand sd = √((20² + 10² + 0² + 20² + 10²)/5) = √(1000/5) = √200 = 14.1421356…
    // normalized A1 = 70 + 14.1421356 × mean(+1, +1) = 84.1421356 → 84.14
    // normalized A2 = 70 + 14.1421356 × mean(−1, −1) = 55.8578644 → 55.86
    // normalized A3 = 70 + 14.1421356 × 0 = 70.00  (its only expert's scale is unknown, so it sits at the call mean)
    // Raw: A1 [90, 70] mean 80, median 80, spread 20, sd 10; 20/100 = 0.20 ≤ 0.25 → not divergent
    //      A2 [80, 50] mean 65, median 65, spread 30, sd 15; 30/100 = 0.30 > 0.25 → divergent
    //      A3 [60]     mean 60, median 60, spread 0,  sd 0
    const summary = summariseScores([score('A1', 'E1', 90), score('A2', 'E1', 80), score('A1', 'E2', 70), score('A2', 'E2', 50), score('A3', 'E3', 60)], scale);
    expect(summary.grandMean).toBe(70);
    expect(summary.grandStdDev).toBe(14.14);
    expect(summary.experts).toEqual([
      { expertId: 'E1', count: 2, mean: 85, stdDev: 5 },
      { expertId: 'E2', count: 2, mean: 60, stdDev: 10 },
      { expertId: 'E3', count: 1, mean: 60, stdDev: 0 },
    ]);
    expect(summary.applications).toEqual([
      { applicationId: 'A1', count: 2, mean: 80, median: 80, spread: 20, stdDev: 10, normalized: 84.14, divergent: false },
      { applicationId: 'A2', count: 2, mean: 65, median: 65, spread: 30, stdDev: 15, normalized: 55.86, divergent: true },
      { applicationId: 'A3', count: 1, mean: 60, median: 60, spread: 0, stdDev: 0, normalized: 70, divergent: false },
    ]);
  });

  it('undoes a lenient and a harsh expert: the same ranks from each expert give the same normalized score', () => {
    // E1 is lenient (95, 85, 95), E2 harsh (65, 55, 65): the same pattern 30 points lower. Each expert's best score
    // gets the same z (+0.71) and its worst the same z (−1.41), so C1 (95 from E1 only) and C2 (65 from E2 only)
    // end up equal, while B1 stays above B2.
    const summary = summariseScores(
      [score('B1', 'E1', 95), score('B2', 'E1', 85), score('B1', 'E2', 65), score('B2', 'E2', 55), score('C1', 'E1', 95), score('C2', 'E2', 65)],
      scale,
    );
    const of = (id: string) => summary.applications.find((a) => a.applicationId === id)!;
    // Raw means differ by 30 (E1 is 30 points more lenient); normalized scores are equal.
    expect(of('C1').mean - of('C2').mean).toBe(30);
    expect(of('C1').normalized).toBe(of('C2').normalized);
    expect(of('B1').normalized! > of('B2').normalized!).toBe(true);
  });

  it('median of odd and even counts; spread exactly at the threshold is not divergent', () => {
    const summary = summariseScores([score('A', 'E1', 70), score('A', 'E2', 95), score('A', 'E3', 80), score('B', 'E1', 60), score('B', 'E2', 85), score('B', 'E3', 72), score('B', 'E4', 66)], scale);
    const [a, b] = summary.applications;
    expect(a).toMatchObject({ count: 3, median: 80, spread: 25, divergent: false }); // 25/100 = 0.25, not above
    expect(b).toMatchObject({ count: 4, median: 69, spread: 25 }); // (66 + 72) / 2
  });

  it('all scores equal: z = 0, normalized = the mean; a single score in the call: no normalized score', () => {
    const equal = summariseScores([score('A', 'E1', 80), score('B', 'E2', 80)], scale);
    expect(equal.grandStdDev).toBe(0);
    expect(equal.applications.map((a) => a.normalized)).toEqual([80, 80]);
    expect(summariseScores([score('A', 'E1', 77)], scale).applications[0]).toMatchObject({ mean: 77, normalized: null });
    expect(summariseScores([], scale)).toEqual({ applications: [], experts: [], grandMean: 0, grandStdDev: 0 });
  });

  it('rounds half up at two decimals and refuses an empty scale', () => {
    const summary = summariseScores([score('A', 'E1', 1.005), score('A', 'E2', 1.005)], { scaleMin: 0, scaleMax: 10, divergenceThreshold: 0.2 });
    expect(summary.applications[0]!.mean).toBe(1.01);
    expect(() => summariseScores([], { scaleMin: 100, scaleMax: 100, divergenceThreshold: 0.2 })).toThrow('评分区间无效');
  });

  it('explains the method on screen in Chinese, including the population sd and the fallback', () => {
    expect(NORMALISATION_METHOD_ZH).toContain('总体标准差');
    expect(NORMALISATION_METHOD_ZH).toContain('只评了一份或所评分数全部相同时');
    expect(NORMALISATION_METHOD_ZH).toContain('分歧较大');
  });
});
