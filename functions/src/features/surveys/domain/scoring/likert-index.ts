import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import type { LikertSummary } from '../../../../../../shared';

/**
 * counts[v − 1] = how many chose value v, where 1 is the least and k the most favourable.
 *   mean   = Σ v·c_v / n
 *   index  = (mean − 1) / (k − 1) × 100
 *   s²     = Σ c_v·(v − mean)² / (n − 1)
 *   CI     = mean ± t(0.975, n − 1) · s / √n, mapped to the index scale like the mean
 * Worked example in docs/scoring.md.
 */
export function likertIndex(counts: number[]): LikertSummary {
  const k = counts.length;
  const n = counts.reduce((sum, c) => sum + c, 0);
  if (n === 0) return { n, mean: null, index: null, ci95: null };
  const mean = counts.reduce((sum, c, i) => sum + c * (i + 1), 0) / n;
  const toIndex = (m: number) => ((m - 1) / (k - 1)) * 100;
  const index = toIndex(mean);
  if (n < 2) return { n, mean, index, ci95: null };
  const variance = counts.reduce((sum, c, i) => sum + c * (i + 1 - mean) ** 2, 0) / (n - 1);
  const half = tQuantile(0.975, n - 1) * Math.sqrt(variance / n);
  const clamp = (x: number) => Math.min(100, Math.max(0, x));
  return { n, mean, index, ci95: [clamp(toIndex(mean - half)), clamp(toIndex(mean + half))] };
}
