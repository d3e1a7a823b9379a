import Taro from '@tarojs/taro';
import { loginWithWechat } from '../api/identity';
import { setReloginHandler } from '../api/request';
import { clearSession, readSession, saveSession } from '../api/session-store';

/** In cloud mode WeChat tells the server who calls: there is no session to keep. */
export const usesCloud = () => Boolean(process.env.TARO_APP_CLOUD_ENV);
export const isH5 = () => process.env.TARO_ENV === 'h5';

let loginInFlight: Promise<boolean> | null = null;

/**
 * wx.login → our session. Silent: no prompt, no private API (no privacy consent needed).
 * One at a time: the launch login and a 401's re-login never run twice in parallel.
 */
export function silentLogin(): Promise<boolean> {
  if (usesCloud() || isH5()) return Promise.resolve(false);
  loginInFlight ??= (async () => {
    const { code } = await Taro.login();
    if (!code) return false;
    saveSession(await loginWithWechat(code));
    return true;
  })().finally(() => {
    loginInFlight = null;
  });
  return loginInFlight;
}

/**
 * Called once at launch: log in if there is no live session, and on any later 401. The H5
 * demo has no wx.login: a 401 there forgets the token, so the pages ask for a demo role.
 */
export function startSessionKeeping(): void {
  if (usesCloud()) return;
  if (isH5()) {
    setReloginHandler(async () => {
      clearSession();
      return false;
    });
    return;
  }
  // The old token stays until a new one replaces it (no "logged out" flicker); a failed
  // login forgets it, so pages show 尚未登录 instead of failing call after call.
  setReloginHandler(async () => {
    const ok = await silentLogin().catch(() => false);
    if (!ok) clearSession();
    return ok;
  });
  if (!readSession()) void silentLogin().catch(() => undefined);
}

/** Is someone known to the server? (cloud: always; HTTP: a live token) */
export const hasIdentity = () => usesCloud() || readSession() !== null;
