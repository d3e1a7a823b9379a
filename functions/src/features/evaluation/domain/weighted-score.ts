export interface WeightedPart {
  weight: number;
  /** 0–100, or null when missing (数据不足 or not entered). */
  score: number | null;
}

export interface WeightedScore {
  /** null when no part has a score. */
  score: number | null;
  /** false when any part is missing: the score then covers only `coveredWeight` of 100. */
  complete: boolean;
  coveredWeight: number;
}

/**
 * A dimension from its indicators, or a total from its dimensions:
 *   score = Σ wᵢ·sᵢ / Σ wᵢ   over the parts that have a score
 * Missing parts are never zero: they are left out, the result is marked incomplete, and the
 * weight it rests on is reported, so a reader sees "82.5 (incomplete, 80 of 100)".
 */
export function weightedScore(parts: WeightedPart[]): WeightedScore {
  const present = parts.filter((p): p is { weight: number; score: number } => p.score !== null);
  const coveredWeight = present.reduce((sum, p) => sum + p.weight, 0);
  const totalWeight = parts.reduce((sum, p) => sum + p.weight, 0);
  if (present.length === 0 || coveredWeight === 0) return { score: null, complete: parts.length === 0, coveredWeight: 0 };
  const score = present.reduce((sum, p) => sum + p.weight * p.score, 0) / coveredWeight;
  return { score, complete: present.length === parts.length, coveredWeight: (coveredWeight / totalWeight) * 100 };
}
