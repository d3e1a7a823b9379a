/**
 * Published evaluation scores are exact decimals at this precision: computed exactly (as
 * fractions) from their inputs, rounded once, half-up (a tie goes up: 73.25 → 73.3), and
 * ranked on the rounded value, so two groups shown at 73.3 share a rank. See docs/scoring.md.
 */
export const SCORE_PLACES = 1;
export const SCORE_ROUNDING = 'half-up' as const;

/** Why a unit has no total: it is listed as 数据不完整 with what is missing, and never ranked. */
export type MissingPart = { kind: 'indicator' | 'dimension'; id: string } | { kind: 'school-score' | 'enrollment'; schoolId: string };
