import type { NpsSummary } from '../../../../../../shared';

/**
 * Net Promoter Score from counts[s] = answers with score s (0–10):
 *   promoters 9–10, passives 7–8, detractors 0–6;  NPS = (promoters − detractors) / n × 100
 * published at 0.1, rounded once, half away from zero, on integers (npsAtTenths): 1 promoter of
 * 3 is 33.3, 2 of 3 is 66.7, −1 of 8 is −12.5, never 33.33333333333333.
 */
export function netPromoterScore(counts: number[]): NpsSummary {
  const sum = (from: number, to: number) => counts.slice(from, to + 1).reduce((s, c) => s + c, 0);
  const promoters = sum(9, 10);
  const passives = sum(7, 8);
  const detractors = sum(0, 6);
  const n = promoters + passives + detractors;
  return { n, promoters, passives, detractors, nps: n === 0 ? null : npsAtTenths(promoters - detractors, n) };
}

/**
 * (difference / n × 100) at 0.1, exactly: tenths = ⌊(|d|·1000·2 + n) / (2n)⌋ with the sign of d
 * (half away from zero, so −12.25 and 12.25 are mirror images: −12.3 and 12.3). Every operand is
 * an integer far below 2⁵³, so the one division that makes a decimal is the final / 10.
 */
export function npsAtTenths(difference: number, n: number): number {
  const magnitude = Math.floor((Math.abs(difference) * 2000 + n) / (2 * n));
  return (difference < 0 ? -magnitude : magnitude) / 10;
}
