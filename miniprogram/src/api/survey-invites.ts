import type { ApiResponse } from '../../../shared';
import { downloadApiFile } from './api-file';
import { callEndpoint } from './endpoint';

/** A survey's link for one school: title, deadline, the mini-program path, the H5 hash and the `scene`. */
export function getSurveyInvite(
  surveyId: string,
  schoolId: string,
): Promise<ApiResponse<'GET /api/admin/surveys/:id/schools/:schoolId/invite'>> {
  return callEndpoint('GET /api/admin/surveys/:id/schools/:schoolId/invite', { params: { id: surveyId, schoolId } });
}

/** Which survey and school a scanned mini-program code's `scene` names. */
export function resolveScene(code: string): Promise<ApiResponse<'GET /api/scenes/:code'>> {
  return callEndpoint('GET /api/scenes/:code', { params: { code } });
}

const QR_FAILED = '小程序码生成失败，请稍后重试';

/**
 * The mini-program code of a survey's link (weapp): the server asks WeChat (wxacode.getUnlimited)
 * and answers a PNG, saved here as a local file the poster's canvas draws (HTTPS or cloud mode).
 */
export function downloadSurveyQrCode(surveyId: string, schoolId: string): Promise<string> {
  const path = `/admin/surveys/${encodeURIComponent(surveyId)}/schools/${encodeURIComponent(schoolId)}/qrcode`;
  return downloadApiFile(path, `survey-code-${surveyId}-${schoolId}.png`, QR_FAILED);
}
