/**
 * GET /api/admin/surveys/:id/results: per school, group and district, every cell below minN shown
 * as 样本不足 (docs/scoring.md). Types only; the server computes them in features/surveys.
 */

export interface LikertSummary {
  /** Answers that count (不了解 excluded). */
  n: number;
  mean: number | null;
  /** 0–100. */
  index: number | null;
  /** 95% t-interval of the index, clamped to 0–100; null below two answers. */
  ci95: [number, number] | null;
}

export interface NpsSummary {
  n: number;
  promoters: number;
  passives: number;
  detractors: number;
  /** −100 … 100; null when n = 0. */
  nps: number | null;
}

export interface ResponseRate {
  responses: number;
  /** Admin-entered per school; null when not entered. */
  enrolledFamilies: number | null;
  rate: number | null;
  low: boolean | null;
}

export interface RateWithInterval {
  n: number;
  rate: number | null;
  /** 95% Wilson score interval; null when n = 0. */
  ci95: [number, number] | null;
}

export type QuestionResult =
  | {
      type: 'likert';
      n: number;
      unknown: number;
      distribution: Record<string, number>;
      index: LikertSummary;
      satisfaction: RateWithInterval;
      meetsThreshold: boolean | null;
    }
  | { type: 'nps'; distribution: Record<string, number>; nps: NpsSummary }
  | { type: 'single' | 'multiple'; n: number; distribution: Record<string, number> };

/** A figure, or 样本不足 where it could identify a respondent. */
export type Cell<T> = { suppressed: true; label: '样本不足' } | ({ suppressed: false } & T);

export interface UnitResult {
  level: 'school' | 'group' | 'district';
  id: string;
  name: string;
  responses: Cell<{ n: number; rate: ResponseRate; straightLinedShare: number | null }>;
  questions: Record<string, Cell<QuestionResult>>;
}

export interface SurveyResults {
  surveyId: string;
  title: string;
  minN: number;
  units: UnitResult[];
}
