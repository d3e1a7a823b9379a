import Taro from '@tarojs/taro';
import { getMe } from '../../src/api/identity';
import { request, setReloginHandler } from '../../src/api/request';
import { clearSession, readSession, saveSession } from '../../src/api/session-store';
import { clearStorage } from '../support/taro-shim';

const httpAnswer = (statusCode: number, data: unknown) => ({ statusCode, data, header: {}, cookies: [], errMsg: 'request:ok' });
const later = () => new Date(Date.now() + 3600_000).toISOString();
const me = { userId: 'u', roles: [{ role: 'parent', scope: null }], schools: [], teacher: null };

describe('the session in the request module', () => {
  beforeEach(() => {
    clearStorage();
    process.env.TARO_APP_API_BASE = '/api';
    process.env.TARO_APP_CLOUD_ENV = '';
  });
  afterEach(() => {
    jest.restoreAllMocks();
    setReloginHandler(async () => false);
  });

  test('sends the stored token as a Bearer header, and none without a session', async () => {
    // Prepare
    const http = jest.spyOn(Taro, 'request').mockResolvedValue(httpAnswer(200, me) as never);
    // Act
    await getMe();
    saveSession({ token: 'tok-1', expiresAt: later() });
    await getMe();
    // Assess
    expect(http.mock.calls[0][0]).toMatchObject({ header: {} });
    expect(http.mock.calls[1][0]).toMatchObject({ header: { Authorization: 'Bearer tok-1' } });
  });

  test('forgets an expired session', () => {
    saveSession({ token: 'old', expiresAt: new Date(Date.now() - 1000).toISOString() });
    expect(readSession()).toBeNull();
  });

  test('on a 401 logs in again once and retries the call once', async () => {
    // Prepare
    saveSession({ token: 'stale', expiresAt: later() });
    const relogin = jest.fn(async () => {
      saveSession({ token: 'fresh', expiresAt: later() });
      return true;
    });
    setReloginHandler(relogin);
    const http = jest
      .spyOn(Taro, 'request')
      .mockResolvedValueOnce(httpAnswer(401, { error: { code: 'INVALID_SESSION', message: '登录已失效，请重新登录' } }) as never)
      .mockResolvedValueOnce(httpAnswer(200, me) as never);
    // Act
    const answer = await getMe();
    // Assess
    expect(answer).toEqual(me);
    expect(relogin).toHaveBeenCalledTimes(1);
    expect(http.mock.calls[1][0]).toMatchObject({ header: { Authorization: 'Bearer fresh' } });
  });

  test('shares one re-login between concurrent 401s, and gives up after one retry', async () => {
    // Prepare
    let release: (ok: boolean) => void = () => undefined;
    const relogin = jest.fn(() => new Promise<boolean>((resolve) => (release = resolve)));
    setReloginHandler(relogin);
    const unauthorized = httpAnswer(401, { error: { code: 'UNAUTHENTICATED', message: '请先登录' } });
    jest.spyOn(Taro, 'request').mockResolvedValue(unauthorized as never);
    // Act
    const calls = [getMe(), getMe(), getMe()].map((p) => p.catch((e: { code: string }) => e.code));
    await new Promise((r) => setTimeout(r, 0));
    release(true);
    const codes = await Promise.all(calls);
    // Assess
    expect(relogin).toHaveBeenCalledTimes(1);
    expect(codes).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED']);
  });

  test('never re-logs in for the login calls themselves', async () => {
    const relogin = jest.fn(async () => true);
    setReloginHandler(relogin);
    jest.spyOn(Taro, 'request').mockResolvedValue(httpAnswer(401, { error: { code: 'UNAUTHENTICATED', message: '请先登录' } }) as never);
    await expect(request({ method: 'POST', path: '/auth/logout' })).rejects.toMatchObject({ status: 401 });
    expect(relogin).not.toHaveBeenCalled();
    clearSession();
  });

  test('in cloud mode sends no token: WeChat says who calls', async () => {
    // Prepare
    process.env.TARO_APP_CLOUD_ENV = 'env-1';
    saveSession({ token: 'tok', expiresAt: later() });
    const callFunction = jest.fn(async () => ({ result: { status: 200, body: me } }));
    (globalThis as { wx?: unknown }).wx = { cloud: { callFunction } };
    // Act
    await getMe();
    // Assess
    expect(JSON.stringify(callFunction.mock.calls)).not.toContain('tok');
    delete (globalThis as { wx?: unknown }).wx;
  });
});
