import type { SurveyDefinition } from './survey';

/** What the survey endpoints answer, besides the results (survey-results.ts). Types only. */

/** ISO times compare as strings: scheduled before opensAt, open until (not including) closesAt. */
export type SurveyStatus = 'scheduled' | 'open' | 'closed';

/** A survey as lists show it. */
export interface SurveySummary {
  id: string;
  title: string;
  opensAt: string;
  closesAt: string;
  status: SurveyStatus;
}

/** A survey in 我的问卷: the caller's bound schools it is for, and whether they answered. */
export interface MySurvey extends SurveySummary {
  schoolIds: string[];
  answered: boolean;
}

/** A survey as respondents see it: its definition and whether it is open now. */
export interface SurveyView {
  id: string;
  definition: SurveyDefinition;
  status: SurveyStatus;
}

export interface SurveyCreated {
  id: string;
  minN: number;
  shards: number;
}

/**
 * A stored response. When WeChat refused some free texts, they were dropped (the choices still
 * count): `refusedTexts` names their questions and `message` says so to the respondent.
 */
export type ResponseReceipt = { ok: true } | { ok: true; refusedTexts: string[]; message: string };

export interface SurveyAnswered {
  answered: boolean;
}

export interface SurveyClosed {
  id: string;
  closesAt: string;
}

/**
 * A free text as moderators see it; `ref` is `<shard>.<responseId>.<index>`. visible: passed
 * WeChat's check or approved, and published; held: waits for an admin; rejected: an admin
 * refused it, never published and never approvable again.
 */
export interface TextForReview {
  ref: string;
  questionId: string;
  text: string;
  status: 'visible' | 'held' | 'rejected';
}

/** A school's enrolled families, which response rates divide by. */
export interface EnrollmentSet {
  schoolId: string;
  families: number;
  /** ISO time the value was stored. */
  updatedAt: string;
}

/** 在校家庭数 of each school an admin manages; `null` where nobody has entered it yet. */
export interface EnrollmentRow {
  schoolId: string;
  name: string;
  families: number | null;
  updatedAt: string | null;
}

/** An admin's schools with their enrolments, by Chinese name. */
export interface EnrollmentList {
  items: EnrollmentRow[];
}
