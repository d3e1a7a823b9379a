import type { Answer } from '../../../../../shared';
import { submitResponse } from '../../../api/surveys';

/**
 * What POST /api/surveys/:id/responses answers (functions/src/features/surveys/routes/surveys.ts):
 * a message and the questions whose texts the content check refused, when there are any.
 */
// until the API contract types submitResponse
export interface SubmitAnswer {
  ok: true;
  message?: string;
  refusedTexts?: string[];
}

export const submitAnswers = async (surveyId: string, schoolId: string, answers: Record<string, Answer>): Promise<SubmitAnswer> =>
  (await submitResponse(surveyId, schoolId, answers)) as SubmitAnswer;
