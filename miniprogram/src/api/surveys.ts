import type { Answer, ApiResponse, SurveyDefinition, SurveyDraftContent, SurveySettings } from '../../../shared';
import { callEndpoint } from './endpoint';

/** One typed function per survey endpoint; every answer's type is the API contract's (shared/api). */

export function listMySurveys(): Promise<ApiResponse<'GET /api/me/surveys'>> {
  return callEndpoint('GET /api/me/surveys');
}

export function getSurvey(id: string): Promise<ApiResponse<'GET /api/surveys/:id'>> {
  return callEndpoint('GET /api/surveys/:id', { params: { id } });
}

/** When WeChat refused some free texts, the answer names them (`refusedTexts`) and says so (`message`). */
export function submitResponse(
  id: string,
  schoolId: string,
  answers: Record<string, Answer>,
): Promise<ApiResponse<'POST /api/surveys/:id/responses'>> {
  return callEndpoint('POST /api/surveys/:id/responses', { params: { id }, body: { schoolId, answers } });
}

export function listDistrictSurveys(districtId: string): Promise<ApiResponse<'GET /api/admin/districts/:id/surveys'>> {
  return callEndpoint('GET /api/admin/districts/:id/surveys', { params: { id: districtId } });
}

export function getResults(id: string): Promise<ApiResponse<'GET /api/admin/surveys/:id/results'>> {
  return callEndpoint('GET /api/admin/surveys/:id/results', { params: { id } });
}

export function createSurvey(definition: SurveyDefinition, minN?: number): Promise<ApiResponse<'POST /api/admin/surveys'>> {
  return callEndpoint('POST /api/admin/surveys', { body: { definition, ...(minN ? { minN } : {}) } });
}

export function closeSurvey(id: string): Promise<ApiResponse<'POST /api/admin/surveys/:id/close'>> {
  return callEndpoint('POST /api/admin/surveys/:id/close', { params: { id } });
}

export function listGroupSurveys(groupId: string): Promise<ApiResponse<'GET /api/admin/groups/:id/surveys'>> {
  return callEndpoint('GET /api/admin/groups/:id/surveys', { params: { id: groupId } });
}

export function getSurveySettings(districtId: string): Promise<ApiResponse<'GET /api/admin/districts/:id/survey-settings'>> {
  return callEndpoint('GET /api/admin/districts/:id/survey-settings', { params: { id: districtId } });
}

export function putSurveySettings(
  districtId: string,
  settings: SurveySettings,
): Promise<ApiResponse<'PUT /api/admin/districts/:id/survey-settings'>> {
  return callEndpoint('PUT /api/admin/districts/:id/survey-settings', { params: { id: districtId }, body: settings });
}

export function listDistrictEnrollments(districtId: string): Promise<ApiResponse<'GET /api/admin/districts/:id/enrollments'>> {
  return callEndpoint('GET /api/admin/districts/:id/enrollments', { params: { id: districtId } });
}

export function listGroupEnrollments(groupId: string): Promise<ApiResponse<'GET /api/admin/groups/:id/enrollments'>> {
  return callEndpoint('GET /api/admin/groups/:id/enrollments', { params: { id: groupId } });
}

export function putEnrollment(schoolId: string, families: number): Promise<ApiResponse<'PUT /api/admin/schools/:id/enrollment'>> {
  return callEndpoint('PUT /api/admin/schools/:id/enrollment', { params: { id: schoolId }, body: { families } });
}

/** 提醒未答家长: this user's one-time consent to one reminder of an open survey. */
export function consentToReminder(id: string): Promise<ApiResponse<'POST /api/surveys/:id/reminder-consents'>> {
  return callEndpoint('POST /api/surveys/:id/reminder-consents', { params: { id } });
}

/** 提醒未答家长 (admins): messages every consenting parent who has not answered, once. */
export function sendReminders(id: string): Promise<ApiResponse<'POST /api/admin/surveys/:id/reminders'>> {
  return callEndpoint('POST /api/admin/surveys/:id/reminders', { params: { id } });
}

// Survey builder drafts (草稿箱, issue 16).

/** Where a draft lives: a district admin's drafts are the district's, a group admin's their group's. */
export type DraftPlace = { type: 'district' | 'group'; id: string };

export function listSurveyDrafts(place: DraftPlace): Promise<ApiResponse<'GET /api/admin/districts/:id/survey-drafts'>> {
  return place.type === 'district'
    ? callEndpoint('GET /api/admin/districts/:id/survey-drafts', { params: { id: place.id } })
    : callEndpoint('GET /api/admin/groups/:id/survey-drafts', { params: { id: place.id } });
}

export function createSurveyDraft(
  place: DraftPlace,
  content: SurveyDraftContent,
): Promise<ApiResponse<'POST /api/admin/districts/:id/survey-drafts'>> {
  return place.type === 'district'
    ? callEndpoint('POST /api/admin/districts/:id/survey-drafts', { params: { id: place.id }, body: content })
    : callEndpoint('POST /api/admin/groups/:id/survey-drafts', { params: { id: place.id }, body: content });
}

export function getSurveyDraft(id: string): Promise<ApiResponse<'GET /api/admin/survey-drafts/:id'>> {
  return callEndpoint('GET /api/admin/survey-drafts/:id', { params: { id } });
}

export function saveSurveyDraft(
  id: string,
  content: SurveyDraftContent,
  version: number,
): Promise<ApiResponse<'PUT /api/admin/survey-drafts/:id'>> {
  return callEndpoint('PUT /api/admin/survey-drafts/:id', { params: { id }, body: { ...content, version } });
}

export function deleteSurveyDraft(id: string): Promise<ApiResponse<'DELETE /api/admin/survey-drafts/:id'>> {
  return callEndpoint('DELETE /api/admin/survey-drafts/:id', { params: { id } });
}

export function publishSurveyDraft(id: string): Promise<ApiResponse<'POST /api/admin/survey-drafts/:id/publish'>> {
  return callEndpoint('POST /api/admin/survey-drafts/:id/publish', { params: { id } });
}

/** 复制为新问卷: a past survey's questions in a new draft. */
export function copySurveyToDraft(surveyId: string): Promise<ApiResponse<'POST /api/admin/surveys/:id/copy-to-draft'>> {
  return callEndpoint('POST /api/admin/surveys/:id/copy-to-draft', { params: { id: surveyId } });
}

/** 文字审核: every free text of a survey with its status, without school or date. */
export function listSurveyTexts(id: string): Promise<ApiResponse<'GET /api/admin/surveys/:id/texts'>> {
  return callEndpoint('GET /api/admin/surveys/:id/texts', { params: { id } });
}

/** 文字审核: publish one held text. */
export function approveSurveyText(id: string, ref: string): Promise<ApiResponse<'POST /api/admin/surveys/:id/texts/approve'>> {
  return callEndpoint('POST /api/admin/surveys/:id/texts/approve', { params: { id }, body: { ref } });
}

/** 文字审核: reject one held text for good (never published, never approvable later). */
export function rejectSurveyText(id: string, ref: string): Promise<ApiResponse<'POST /api/admin/surveys/:id/texts/reject'>> {
  return callEndpoint('POST /api/admin/surveys/:id/texts/reject', { params: { id }, body: { ref } });
}
