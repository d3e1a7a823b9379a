import type { ApiResponse } from '../../../../../shared';
import { submitResponse } from '../../../api/surveys';

/** What a submission answers: a message, and the questions whose texts the content check refused. */
export type SubmitAnswer = ApiResponse<'POST /api/surveys/:id/responses'>;

export const submitAnswers = submitResponse;
