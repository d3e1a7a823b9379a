import Taro from '@tarojs/taro';
import { loginWithWechat } from '../api/identity';
import { setReloginHandler } from '../api/request';
import { clearSession, readSession, saveSession } from '../api/session-store';

/** In cloud mode WeChat tells the server who calls: there is no session to keep. */
export const usesCloud = () => Boolean(process.env.TARO_APP_CLOUD_ENV);
export const isH5 = () => process.env.TARO_ENV === 'h5';

/** wx.login → our session. Silent: no prompt, no private API (no privacy consent needed). */
export async function silentLogin(): Promise<boolean> {
  if (usesCloud() || isH5()) return false;
  const { code } = await Taro.login();
  if (!code) return false;
  saveSession(await loginWithWechat(code));
  return true;
}

/** Called once at launch: log in if there is no live session, and on any later 401. */
export function startSessionKeeping(): void {
  if (usesCloud() || isH5()) return;
  setReloginHandler(async () => {
    clearSession();
    return silentLogin();
  });
  if (!readSession()) void silentLogin().catch(() => undefined);
}

/** Is someone known to the server? (cloud: always; HTTP: a live token) */
export const hasIdentity = () => usesCloud() || readSession() !== null;
