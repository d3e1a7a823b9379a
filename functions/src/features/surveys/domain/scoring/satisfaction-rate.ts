import type { RateWithInterval } from '../../../../../../shared';

/** z for a two-sided 95% interval. */
const Z95 = 1.959963984540054;

/**
 * Satisfaction rate: the share of counted answers (不了解 excluded) in the top boxes the survey
 * names (e.g. 满意 + 比较满意 + 基本满意), with a Wilson score interval, which stays inside 0–1
 * and behaves at small n and at p = 0 or 1 where the normal interval does not:
 *   p = x / n
 *   centre = (p + z²/2n) / (1 + z²/n)
 *   half   = z · √(p(1 − p)/n + z²/4n²) / (1 + z²/n)
 */
export function wilsonRate(satisfied: number, n: number): RateWithInterval {
  if (n === 0) return { n, rate: null, ci95: null };
  const p = satisfied / n;
  const z2 = Z95 * Z95;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (Z95 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  return { n, rate: p, ci95: [Math.max(0, centre - half), Math.min(1, centre + half)] };
}

/**
 * counts[v − 1] as in likertIndex; the top `topBoxes` values (k, k − 1, …) count as satisfied.
 */
export function satisfactionRate(counts: number[], topBoxes: number): RateWithInterval {
  const n = counts.reduce((sum, c) => sum + c, 0);
  const satisfied = counts.slice(counts.length - topBoxes).reduce((sum, c) => sum + c, 0);
  return wilsonRate(satisfied, n);
}
