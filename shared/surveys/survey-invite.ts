/**
 * A survey's link for one school (GET /api/admin/surveys/:id/schools/:schoolId/invite) and what a
 * mini-program code's `scene` names (GET /api/scenes/:code). Types and zod-free constants only, so
 * the mini-program imports this file by path.
 */

/** The page a survey link opens, in the mini-program's path form (no leading slash). */
export const SURVEY_ANSWER_PAGE = 'packages/survey/answer/index';

/** The page and its query for a survey answered for one school, e.g. packages/survey/answer/index?id=sv-1&school=jn-a. */
export const surveyAnswerPath = (surveyId: string, schoolId: string): string =>
  `${SURVEY_ANSWER_PAGE}?id=${encodeURIComponent(surveyId)}&school=${encodeURIComponent(schoolId)}`;

/** The same link on H5 (hash router): append it to the site's origin and path. */
export const surveyAnswerH5Hash = (surveyId: string, schoolId: string): string => `#/${surveyAnswerPath(surveyId, schoolId)}`;

export interface SurveyInvite {
  surveyId: string;
  title: string;
  /** ISO instant the survey closes (the poster's 截止时间). */
  closesAt: string;
  schoolId: string;
  schoolName: string;
  /** Who answers it: the poster invites 家长 or 教师 by name. */
  respondents: Array<'parent' | 'teacher'>;
  /** Mini-program page with its query (for share cards and links inside WeChat). */
  path: string;
  /** The H5 link's hash part: `#/packages/survey/answer/index?id=…&school=…`. */
  h5Hash: string;
  /** The short code a mini-program code carries (≤ 32 characters); GET /api/scenes/:code resolves it. */
  scene: string;
}

/** A resolved `scene`: which survey, for which school. */
export interface SceneTarget {
  surveyId: string;
  schoolId: string;
}
