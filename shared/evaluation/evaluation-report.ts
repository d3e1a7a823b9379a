import type { IndicatorSystem, RoundPublication } from './indicator-system';

/**
 * What the evaluation API answers (functions/src/features/evaluation/), shared so the
 * pages read exactly what the server writes. Scores are 0–100 and unrounded: rounding is for
 * display only, so an export and a page never disagree on which school is ahead.
 */

/** A dimension or total from weighted parts; `coveredWeight` of 100 when incomplete. */
export interface WeightedScoreView {
  score: number | null;
  complete: boolean;
  coveredWeight: number;
}

/** A group's enrolment-weighted (捆绑) score; `missing` names the schools left out. */
export interface BundledScoreView {
  score: number | null;
  complete: boolean;
  missing: string[];
}

export interface IndicatorResult {
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

export interface RoundReport {
  roundId: string;
  name: string;
  districtId: string;
  system: IndicatorSystem;
  schools: SchoolReport[];
  groups: GroupReport[];
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
  schools: SchoolReport[];
}

/** What the public sees of a group: only the parts its district published. */
export interface PublicGroupEvaluation {
  round: { id: string; name: string; lockedAt: string | null };
  dimensions: Array<{ id: string; name: string; weight: number }>;
  total?: { score: number | null; complete: boolean; flags: GroupFlags };
  dimensionScores?: Record<string, { score: number | null; complete: boolean }>;
  schools?: Array<{ id: string; name: string; score: number | null; complete: boolean }>;
  ranking?: { rank: number | null; of: number; rankChange: number | null; delta: number | null };
}
