import type { DeletionReport, DevLoginBody, Me, Session } from '../../../shared';
import { request } from './request';

/** One typed function per identity endpoint (shapes: shared/identity/identity.ts). */

export function loginWithWechat(code: string): Promise<Session> {
  return request({ method: 'POST', path: '/auth/wechat', body: { code } });
}

/** Local demo server only (npm start); the H5 role switcher uses it. */
export function devLogin(body: DevLoginBody): Promise<Session> {
  return request({ method: 'POST', path: '/auth/dev', body });
}

export function logout(): Promise<{ ok: true }> {
  return request({ method: 'POST', path: '/auth/logout' });
}

export function getMe(): Promise<Me> {
  return request({ path: '/me' });
}

export function deleteMe(): Promise<DeletionReport> {
  return request({ method: 'DELETE', path: '/me' });
}

export function bindSchool(schoolId: string): Promise<Me> {
  return request({ method: 'POST', path: '/me/schools', body: { schoolId } });
}

export function unbindSchool(schoolId: string): Promise<Me> {
  return request({ method: 'DELETE', path: `/me/schools/${encodeURIComponent(schoolId)}` });
}

export function redeemInvite(code: string): Promise<Me> {
  return request({ method: 'POST', path: '/me/invite', body: { code } });
}
