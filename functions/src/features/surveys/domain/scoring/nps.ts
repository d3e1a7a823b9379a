import type { NpsSummary } from '../../../../../../shared';

/**
 * Net Promoter Score from counts[s] = answers with score s (0–10):
 *   promoters 9–10, passives 7–8, detractors 0–6;  NPS = (promoters − detractors) / n × 100
 */
export function netPromoterScore(counts: number[]): NpsSummary {
  const sum = (from: number, to: number) => counts.slice(from, to + 1).reduce((s, c) => s + c, 0);
  const promoters = sum(9, 10);
  const passives = sum(7, 8);
  const detractors = sum(0, 6);
  const n = promoters + passives + detractors;
  return { n, promoters, passives, detractors, nps: n === 0 ? null : ((promoters - detractors) / n) * 100 };
}
