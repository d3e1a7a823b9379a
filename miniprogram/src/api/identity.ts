import type { ApiResponse, DevLoginBody } from '../../../shared';
import { callEndpoint } from './endpoint';

/** One typed function per identity endpoint; every answer's type is the API contract's (shared/api). */

export function loginWithWechat(code: string): Promise<ApiResponse<'POST /api/auth/wechat'>> {
  return callEndpoint('POST /api/auth/wechat', { body: { code } });
}

/** Local demo server only (npm start); the H5 role switcher uses it. */
export function devLogin(body: DevLoginBody): Promise<ApiResponse<'POST /api/auth/dev'>> {
  return callEndpoint('POST /api/auth/dev', { body });
}

export function logout(): Promise<ApiResponse<'POST /api/auth/logout'>> {
  return callEndpoint('POST /api/auth/logout');
}

export function getMe(): Promise<ApiResponse<'GET /api/me'>> {
  return callEndpoint('GET /api/me');
}

export function deleteMe(): Promise<ApiResponse<'DELETE /api/me'>> {
  return callEndpoint('DELETE /api/me');
}

export function bindSchool(schoolId: string): Promise<ApiResponse<'POST /api/me/schools'>> {
  return callEndpoint('POST /api/me/schools', { body: { schoolId } });
}

export function unbindSchool(schoolId: string): Promise<ApiResponse<'DELETE /api/me/schools/:schoolId'>> {
  return callEndpoint('DELETE /api/me/schools/:schoolId', { params: { schoolId } });
}

export function redeemInvite(code: string): Promise<ApiResponse<'POST /api/me/invite'>> {
  return callEndpoint('POST /api/me/invite', { body: { code } });
}
