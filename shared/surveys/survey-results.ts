import type { RecognitionDefinition } from './recognition';

/**
 * GET /api/admin/surveys/:id/results: per school, group and district, from the published snapshot,
 * every cell the audited suppression plan hides shown as 样本不足 (docs/scoring.md). Types only;
 * the server computes them in features/surveys.
 */

export interface LikertSummary {
  /** Answers that count (不了解 excluded). */
  n: number;
  mean: number | null;
  /** 0–100. */
  index: number | null;
  /**
   * 95 % interval of the index: the bounded-mean (Wilson) interval, which stays honest at the
   * bounds (ten 满意 give [72.25, 100], never [100, 100]); null when n = 0.
   */
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

/**
 * Return rate on valid returns (responses with at least one scored answer) over 在校家庭数.
 * A group or the district is reported over the schools that have a usable enrolment and are
 * themselves shown, with the coverage; above 100 % the enrolment is wrong and no rate is given.
 */
export interface ResponseRate {
  /** 'ok': a rate; 'no-enrollment': no school with a usable enrolment; 'enrollment-wrong': 在校家庭数有误. */
  status: 'ok' | 'no-enrollment' | 'enrollment-wrong';
  /** Valid returns the rate counts (over the covered schools). */
  valid: number;
  /** 在校家庭数 of the covered schools; null when none. */
  enrolledFamilies: number | null;
  rate: number | null;
  low: boolean | null;
  /** '在校家庭数有误' when the rate would exceed 100 %. */
  label: '在校家庭数有误' | null;
  /** Schools the rate is over, of the unit's schools. */
  coverage: { coveredSchools: number; schools: number };
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
      /** How many of the top options the survey's 认可 rule counts (the satisfaction rate's numerator). */
      recognisedBoxes: number;
      meetsThreshold: boolean | null;
    }
  | { type: 'nps'; distribution: Record<string, number>; nps: NpsSummary }
  | { type: 'single'; n: number; distribution: Record<string, number> }
  /** n = respondents who answered the question (not ticks); distribution counts ticks per option. */
  | { type: 'multiple'; n: number; distribution: Record<string, number> };

/** A figure, or 样本不足 where it could identify a respondent. */
export type Cell<T> = { suppressed: true; label: '样本不足' } | ({ suppressed: false } & T);

export interface UnitResult {
  level: 'school' | 'group' | 'district';
  id: string;
  name: string;
  responses: Cell<{ n: number; rate: ResponseRate; straightLinedShare: number | null }>;
  questions: Record<string, Cell<QuestionResult>>;
}

/** Which published snapshot the results are read from (docs/scoring.md, Snapshots). */
export interface SnapshotInfo {
  /** 0 before any school had minN responses; +1 at each refresh. */
  version: number;
  /** When this snapshot was taken (ISO); null for version 0. */
  takenAt: string | null;
  /** Responses the snapshot holds over the district; null when the district's count is 样本不足. */
  responses: number | null;
}

/** Which options count as 认可, and where that rule comes from. */
export interface RecognitionInfo {
  definition: RecognitionDefinition;
  label: string;
  source: string;
}

/** What the disclosure audit checked before these results were published. */
export interface PublicationAudit {
  passed: true;
  shownCells: number;
  hiddenCells: number;
  /** Hidden cells with 1 ≤ n < minN: the ones protected. */
  sensitiveCells: number;
  /** Targets the audit could compute from the shown cells: always 0 when published. */
  determined: number;
}

/**
 * A text question's published answers: the visible ones (passed WeChat's check, or approved by an
 * admin), over the whole survey, never per school, sorted by their text (not by arrival), with no
 * school or date. Hidden (样本不足) while the district's response count is.
 */
export type TextAnswers = Cell<{ items: string[] }>;

export interface SurveyResults {
  surveyId: string;
  title: string;
  minN: number;
  /** null only when computed without a publication (the server's unit tests of the formulas); the API and evaluation always name one. */
  snapshot: SnapshotInfo | null;
  recognition: RecognitionInfo;
  /** null only in that view without a publication: the API refuses (AUDIT_FAILED) rather than publish unaudited. */
  audit: PublicationAudit | null;
  units: UnitResult[];
  /** Per text question: its published answers (TextAnswers). */
  texts: Record<string, TextAnswers>;
}
