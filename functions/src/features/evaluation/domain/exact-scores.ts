import { SCORE_PLACES, type MissingPart } from '../../../../../shared/evaluation/score-precision';
import { divide, fixedDifference, fromDecimal, multiply, rational, roundHalfUp, sum, type Fixed, type Rational } from './exact-decimal';

/**
 * Scores with a monotone missing-data rule: a part that is missing makes the whole 数据不完整
 * (no value) and names what is missing. Nothing is re-weighted over the parts that happen to be
 * present, so a part getting worse — or disappearing behind 样本不足 — can never raise a total,
 * a group or a rank (issue 11 §6, §7).
 */
export interface ExactScore {
  /** null: 数据不完整. */
  value: Rational | null;
  missing: MissingPart[];
}

/**
 * A dimension from its indicators, or a total from its dimensions:
 *   score = Σ wᵢ·sᵢ / Σ wᵢ   over every part; any part missing → no score, that part listed.
 */
export function completeWeightedScore(
  parts: Array<{ id: string; kind: 'indicator' | 'dimension'; weight: number; score: Rational | null }>,
): ExactScore {
  const missing: MissingPart[] = parts.filter((p) => p.score === null).map((p) => ({ kind: p.kind, id: p.id }));
  if (missing.length > 0 || parts.length === 0) return { value: null, missing };
  const weights = parts.map((p) => fromDecimal(p.weight));
  return { value: divide(sum(parts.map((p, i) => multiply(weights[i], p.score!))), sum(weights)), missing };
}

/**
 * 捆绑 score of a group: the enrolment-weighted mean over every member school, lead included:
 *   group = Σ nᵢ·sᵢ / Σ nᵢ ;  a member without a score or without an enrolment → no score.
 */
export function completeBundledScore(members: Array<{ schoolId: string; enrollment: number | null; score: Rational | null }>): ExactScore {
  const missing: MissingPart[] = [
    ...members.filter((m) => m.score === null).map((m) => ({ kind: 'school-score' as const, schoolId: m.schoolId })),
    ...members
      .filter((m) => m.enrollment === null || m.enrollment <= 0)
      .map((m) => ({ kind: 'enrollment' as const, schoolId: m.schoolId })),
  ];
  if (missing.length > 0 || members.length === 0) return { value: null, missing };
  const weights = members.map((m) => rational(m.enrollment!));
  return { value: divide(sum(members.map((m, i) => multiply(weights[i], m.score!))), sum(weights)), missing };
}

/** The published value: rounded once, half-up, at the published precision. */
export function publishScore(score: ExactScore, places = SCORE_PLACES): Fixed | null {
  return score.value === null ? null : roundHalfUp(score.value, places);
}

export interface Ranking {
  /** Competition rank (1, 2, 2, 4) on the published value; null for a unit without one. */
  ranks: Map<string, number | null>;
  /** Units ranked: the denominator of 第 n 名. */
  of: number;
  /** Units listed as 数据不完整 instead. */
  unranked: string[];
  /** A ranking may be published only when every unit is complete. */
  publishable: boolean;
}

/** Ranks on the published value, so values shown equal share a rank; incomplete units are not ranked. */
export function rankPublished(units: Array<{ id: string; published: Fixed | null }>): Ranking {
  const scored = units.filter((u): u is { id: string; published: Fixed } => u.published !== null);
  const ranks = new Map<string, number | null>(units.map((u) => [u.id, null]));
  for (const u of scored) ranks.set(u.id, 1 + scored.filter((o) => o.published.scaled > u.published.scaled).length);
  const unranked = units.filter((u) => u.published === null).map((u) => u.id);
  return { ranks, of: scored.length, unranked, publishable: units.length > 0 && unranked.length === 0 };
}

export interface PublishedChange {
  id: string;
  published: Fixed | null;
  rank: number | null;
  previous: Fixed | null;
  previousRank: number | null;
  /** 增值: published − previous published, exact (what a reader subtracting the two shown values gets). */
  delta: Fixed | null;
  /** previous rank − rank: positive means moved up. */
  rankChange: number | null;
}

/** Change against the previous round, on published values and ranks only. */
export function publishedChanges(
  current: Array<{ id: string; published: Fixed | null }>,
  previous: Array<{ id: string; published: Fixed | null }>,
): PublishedChange[] {
  const now = rankPublished(current).ranks;
  const before = rankPublished(previous).ranks;
  const previousValue = new Map(previous.map((p) => [p.id, p.published]));
  return current.map(({ id, published }) => {
    const prior = previousValue.get(id) ?? null;
    const rank = now.get(id) ?? null;
    const previousRank = before.get(id) ?? null;
    return {
      id,
      published,
      rank,
      previous: prior,
      previousRank,
      delta: published && prior ? fixedDifference(published, prior) : null,
      rankChange: rank !== null && previousRank !== null ? previousRank - rank : null,
    };
  });
}
