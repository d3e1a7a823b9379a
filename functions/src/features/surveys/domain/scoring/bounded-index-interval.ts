/** z for a two-sided 95% interval. */
const Z95 = 1.959963984540054;

/**
 * A 95 % interval for the likert index that stays honest at the bounds. The index is a bounded
 * mean: each answer is y = (v − 1)/(k − 1) in [0, 1] and index = 100·ȳ. A variable in [0, 1]
 * with mean μ has variance at most μ(1 − μ), the Bernoulli case, so the Wilson score interval
 * for ȳ over n answers (the set of μ with |ȳ − μ| ≤ z·√(μ(1 − μ)/n)) is never narrower than the
 * data justify — and, unlike the t-interval, it does not collapse to [100, 100] when all n
 * answers are the top box: at n = 10 it is [72.25, 100].
 *   centre = (ȳ + z²/2n) / (1 + z²/n),  half = z·√(ȳ(1 − ȳ)/n + z²/4n²) / (1 + z²/n)
 */
export function boundedIndexInterval(counts: number[]): { n: number; index: number | null; ci95: [number, number] | null } {
  const k = counts.length;
  const n = counts.reduce((a, b) => a + b, 0);
  if (n === 0) return { n, index: null, ci95: null };
  const steps = counts.reduce((s, c, i) => s + c * i, 0);
  const mean = steps / (n * (k - 1));
  const z2 = Z95 * Z95;
  const denominator = 1 + z2 / n;
  const centre = (mean + z2 / (2 * n)) / denominator;
  const half = (Z95 * Math.sqrt((mean * (1 - mean)) / n + z2 / (4 * n * n))) / denominator;
  // At ȳ = 0 (or 1) the Wilson bound is exactly 0 (or 1); say so rather than 0.99999999.
  const lower = steps === 0 ? 0 : Math.max(0, centre - half) * 100;
  const upper = steps === n * (k - 1) ? 100 : Math.min(1, centre + half) * 100;
  return { n, index: (steps * 100) / (n * (k - 1)), ci95: [lower, upper] };
}
