import Taro from '@tarojs/taro';
import type { ApiResponse } from '../../../shared';
import { ApiError, NETWORK_ERROR_MESSAGE } from './api-error';
import { callEndpoint } from './endpoint';
import { readSession } from './session-store';

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
 * and answers a PNG, saved here as a temporary file the poster's canvas draws.
 */
export async function downloadSurveyQrCode(surveyId: string, schoolId: string): Promise<string> {
  const token = readSession()?.token;
  const base = (process.env.TARO_APP_API_BASE || '/api').replace(/\/+$/, '');
  const path = `/admin/surveys/${encodeURIComponent(surveyId)}/schools/${encodeURIComponent(schoolId)}/qrcode`;
  const res = await Taro.downloadFile({ url: `${base}${path}`, header: token ? { Authorization: `Bearer ${token}` } : {} }).catch(() => {
    throw new ApiError('NETWORK', NETWORK_ERROR_MESSAGE, 0);
  });
  if (res.statusCode !== 200) throw new ApiError(`HTTP_${res.statusCode}`, QR_FAILED, res.statusCode);
  return res.tempFilePath;
}
