import Taro from '@tarojs/taro';
import { getMe } from '../../src/api/identity';
import { request, setReloginHandler } from '../../src/api/request';
import { clearSession, readSession, saveSession } from '../../src/api/session-store';
import { startSessionKeeping } from '../../src/auth/login';
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
    delete process.env.TARO_ENV;
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

  describe('with the app’s own login (startSessionKeeping)', () => {
    type Options = { url: string; method?: string; header?: Record<string, string> };
    /** A server: wx.login codes buy tokens; /me wants the newest token. */
    function fakeServer() {
      let issued = 0;
      const http = jest.spyOn(Taro, 'request').mockImplementation((async (options: Options) => {
        if (options.url.endsWith('/auth/wechat')) {
          issued += 1;
          return httpAnswer(200, { token: `fresh-${issued}`, expiresAt: later(), me });
        }
        const fresh = options.header?.Authorization === `Bearer fresh-${issued}`;
        return fresh ? httpAnswer(200, me) : httpAnswer(401, { error: { code: 'INVALID_SESSION', message: '登录已失效，请重新登录' } });
      }) as never);
      const login = jest.spyOn(Taro, 'login').mockResolvedValue({ code: 'wx-code', errMsg: 'login:ok' } as never);
      const calls = (path: string) => http.mock.calls.filter(([o]) => (o as Options).url.endsWith(path));
      return { http, login, calls };
    }
    const flush = () => new Promise((r) => setTimeout(r, 0));

    test('logs in silently at launch when there is no session, and not when there is one', async () => {
      const server = fakeServer();
      startSessionKeeping();
      await flush();
      expect(server.login).toHaveBeenCalledTimes(1);
      expect(server.calls('/auth/wechat')[0][0]).toMatchObject({ method: 'POST', data: { code: 'wx-code' } });
      expect(readSession()?.token).toBe('fresh-1');
      startSessionKeeping();
      await flush();
      expect(server.login).toHaveBeenCalledTimes(1);
    });

    test('a 401 runs wx.login → POST /auth/wechat once and retries with the new token, for concurrent calls too', async () => {
      // Prepare
      saveSession({ token: 'stale', expiresAt: later() });
      const server = fakeServer();
      startSessionKeeping();
      // Act
      const answers = await Promise.all([getMe(), getMe(), getMe()]);
      // Assess
      expect(answers).toEqual([me, me, me]);
      expect(server.login).toHaveBeenCalledTimes(1);
      expect(server.calls('/auth/wechat')).toHaveLength(1);
      expect(server.calls('/me')).toHaveLength(6);
      expect(
        server
          .calls('/me')
          .slice(3)
          .map(([o]) => (o as Options).header),
      ).toEqual(Array(3).fill({ Authorization: 'Bearer fresh-1' }));
    });

    test('a failed re-login forgets the dead token and reports the 401', async () => {
      saveSession({ token: 'stale', expiresAt: later() });
      const server = fakeServer();
      server.login.mockRejectedValue({ errMsg: 'login:fail' });
      startSessionKeeping();
      await expect(getMe()).rejects.toMatchObject({ status: 401, message: '登录已失效，请重新登录' });
      expect(readSession()).toBeNull();
      expect(server.calls('/me')).toHaveLength(1);
    });

    test('in the H5 demo a 401 means “pick a demo role”: the token is forgotten and nothing logs in', async () => {
      process.env.TARO_ENV = 'h5';
      saveSession({ token: 'stale', expiresAt: later() });
      const server = fakeServer();
      startSessionKeeping();
      await expect(getMe()).rejects.toMatchObject({ status: 401 });
      expect(server.login).not.toHaveBeenCalled();
      expect(server.calls('/me')).toHaveLength(1);
      expect(readSession()).toBeNull();
    });
  });
});
