import type { IndicatorSystem, RoundPublication } from './indicator-system';
import type { MissingPart } from './score-precision';

/**
 * What the evaluation API answers (functions/src/features/evaluation/), shared so the
 * pages read exactly what the server writes. Scores are 0–100, computed exactly and published
 * at SCORE_PLACES (one decimal, half-up): every reader, export and rank sees the same value.
 * A score with a part missing is not computed from the parts present: it is null (数据不完整)
 * and names what is missing (docs/scoring.md).
 */

/** A dimension, total or group score. `complete` is `score !== null`; `missing` is empty then. */
export interface ScoreView {
  score: number | null;
  complete: boolean;
  missing: MissingPart[];
}

/** A school's dimension or total, from weighted parts (indicators, dimensions). */
export type WeightedScoreView = ScoreView;

/** A group's enrolment-weighted (捆绑) score; `missing` names the schools without a score or an enrolment. */
export type BundledScoreView = ScoreView;

export interface IndicatorResult {
  /** Manual: as entered; survey-fed: published at one decimal; null when missing (未录入 / 数据不足). */
  score: number | null;
  source: 'survey' | 'manual';
  /** 社会认可度 ≥ 85 % (survey satisfaction indicators only). */
  meetsRecognitionBar?: boolean | null;
  evidence?: string;
  enteredBy?: string;
}

/** Rank in the district and 增值 against the previous round. */
export interface RankChange {
  rank: number | null;
  previousScore: number | null;
  delta: number | null;
  /** previous rank − rank: positive means moved up. */
  rankChange: number | null;
}

export interface SchoolReport extends RankChange {
  id: string;
  name: string;
  /** Keyed `dimensionId/indicatorId`. */
  indicators: Record<string, IndicatorResult>;
  dimensions: Record<string, WeightedScoreView>;
  total: WeightedScoreView;
}

export interface GroupFlags {
  incomplete: boolean;
  /** A member school's 社会认可度 is below 85 %. */
  recognitionBelowBar: boolean;
}

export interface GroupReport extends RankChange {
  id: string;
  name: string;
  schoolIds: string[];
  dimensions: Record<string, BundledScoreView>;
  total: BundledScoreView;
  flags: GroupFlags;
}

/** A unit listed as 数据不完整 instead of ranked, with what it lacks. */
export interface IncompleteUnit {
  id: string;
  name: string;
  missing: MissingPart[];
}

/** Who is ranked: units with a complete score only. */
export interface RankingCoverage {
  /** Units ranked: the denominator of 第 n 名. */
  ranked: number;
  /** All units of the district. */
  total: number;
  incomplete: IncompleteUnit[];
}

/** What is missing where: answered with the report, by locking, and in its refusal. */
export interface RoundCoverage {
  /** Every school and every group has a score. */
  complete: boolean;
  schools: RankingCoverage;
  groups: RankingCoverage;
}

export interface RoundReport {
  roundId: string;
  name: string;
  districtId: string;
  system: IndicatorSystem;
  schools: SchoolReport[];
  groups: GroupReport[];
  coverage: RoundCoverage;
}

export interface RoundSummary {
  id: string;
  name: string;
  districtId: string;
  status: 'open' | 'locked';
  createdAt: string;
  lockedAt: string | null;
  previousRoundId: string | null;
  publication: RoundPublication | null;
}

/**
 * GET /api/admin/rounds/:id/report: the report, then where the round stands (its status and
 * publication, which change after a report is frozen), so the round page needs no second call.
 */
export interface RoundReportAnswer extends RoundReport {
  round: RoundSummary;
}

/** One group's page of a round, for its admins and the district's. */
export interface GroupReportView {
  round: RoundSummary;
  system: IndicatorSystem;
  group: GroupReport;
  /** Groups ranked in the district (the denominator of 第 n 名). */
  groupCount: number;
  /** Groups of the district listed as 数据不完整 instead of ranked. */
  unrankedGroups: number;
  schools: SchoolReport[];
}

/** What the public sees of a group: only the parts its district published. */
export interface PublicGroupEvaluation {
  round: { id: string; name: string; lockedAt: string | null };
  dimensions: Array<{ id: string; name: string; weight: number }>;
  total?: { score: number | null; complete: boolean; flags: GroupFlags };
  dimensionScores?: Record<string, { score: number | null; complete: boolean }>;
  schools?: Array<{ id: string; name: string; score: number | null; complete: boolean }>;
  /** `of` groups ranked; `unranked` more are 数据不完整 (publishing a ranking needs them all complete). */
  ranking?: { rank: number | null; of: number; unranked: number; rankChange: number | null; delta: number | null };
}
