import { ApiError } from '../../../src/errors';
import { WeChatClient } from '../../../src/wechat/wechat-client';
import { startFakeWeChat, type FakeWeChat } from '../../../../tests/support/fake-wechat';

/** The real client over real HTTP against the fake WeChat server. */
describe('WeChatClient', () => {
  let wechat: FakeWeChat;
  let clock = 1_000_000;
  const warnings: object[] = [];
  const client = (overrides: Partial<{ appSecret: string; timeoutMs: number }> = {}) =>
    new WeChatClient(
      { appId: 'wx-test-app', appSecret: overrides.appSecret ?? 'test-app-secret', apiBase: wechat.url, timeoutMs: overrides.timeoutMs ?? 1000 },
      { now: () => clock, logger: { warn: (obj) => warnings.push(obj) } },
    );
  const failure = async (promise: Promise<unknown>) => {
    const error = await promise.then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  };

  beforeAll(async () => {
    wechat = await startFakeWeChat({ slowMs: 1000 });
  });
  afterAll(() => wechat.close());

  it('returns the openid and unionid of a valid code, and nothing of the session_key', async () => {
    const result = await client().code2Session(wechat.issueCode('oClient0001', { unionid: 'uClient0001' }));
    expect(result).toEqual({ openid: 'oClient0001', unionid: 'uClient0001' });
    expect(JSON.stringify(result)).not.toMatch(/session|SESSION_KEY/);
  });

  it.each([
    ['code-40029', 400, 'INVALID_CODE'],
    ['code-45011', 429, 'WECHAT_RATE_LIMITED'],
    ['code-40226', 403, 'HIGH_RISK_USER'],
    ['code-busy', 503, 'WECHAT_UNAVAILABLE'],
    ['code-malformed', 503, 'WECHAT_UNAVAILABLE'],
    ['code-html', 503, 'WECHAT_UNAVAILABLE'],
    ['code-no-openid', 503, 'WECHAT_UNAVAILABLE'],
  ])('maps %s to %i %s', async (code, status, errorCode) => {
    const error = await failure(client().code2Session(code));
    expect([error.status, error.code]).toEqual([status, errorCode]);
    expect(error.message).not.toContain(code);
  });

  it('gives up on a slow answer after its timeout', async () => {
    const started = Date.now();
    const error = await failure(client({ timeoutMs: 200 }).code2Session('code-slow'));
    expect(error.code).toBe('WECHAT_UNAVAILABLE');
    expect(Date.now() - started).toBeLessThan(900);
  });

  it('refuses a reused code, and reports a wrong secret as a WeChat error without leaking it', async () => {
    const code = wechat.issueCode('oClient0002');
    await client().code2Session(code);
    expect((await failure(client().code2Session(code))).code).toBe('INVALID_CODE');
    const wrongSecret = await failure(client({ appSecret: 'wrong-secret' }).code2Session(wechat.issueCode('oClient0003')));
    expect([wrongSecret.status, wrongSecret.code, wrongSecret.details]).toEqual([502, 'WECHAT_ERROR', { errcode: 40125 }]);
    expect(JSON.stringify(warnings)).not.toMatch(/wrong-secret|test-app-secret|oClient|code-/);
  });

  it('caches the access token, shares one fetch between concurrent callers, and refreshes it after expiry', async () => {
    // Prepare
    const shared = client();
    const before = wechat.tokenRequests();
    // Act
    const concurrent = await Promise.all(Array.from({ length: 10 }, () => shared.getAccessToken()));
    const cached = await shared.getAccessToken();
    clock += 2 * 3600_000;
    const refreshed = await shared.getAccessToken();
    // Assess
    expect(new Set(concurrent).size).toBe(1);
    expect(cached).toBe(concurrent[0]);
    expect(refreshed).not.toBe(cached);
    expect(wechat.tokenRequests() - before).toBe(2);
  });

  it('checks content with msgSecCheck v2: pass, review and risky', async () => {
    wechat.setMsgSecCheckResult('可疑', 'review');
    wechat.setMsgSecCheckResult('违规', 'risky');
    const shared = client();
    const check = (content: string) => shared.msgSecCheck({ openid: 'oClient0004', content, scene: 2 });
    expect((await check('学校很好')).suggest).toBe('pass');
    expect((await check('有点可疑')).suggest).toBe('review');
    expect((await check('违规内容')).suggest).toBe('risky');
  });

  it('retries once with a new token when WeChat says the token expired, and not forever', async () => {
    // Prepare
    const shared = client();
    await shared.getAccessToken();
    const before = wechat.tokenRequests();
    // Act
    wechat.setTokenExpired(1);
    const once = await shared.msgSecCheck({ openid: 'o', content: '你好', scene: 2 });
    wechat.setTokenExpired(5);
    const twice = await failure(shared.msgSecCheck({ openid: 'o', content: '你好', scene: 2 }));
    // Assess
    expect(once.suggest).toBe('pass');
    expect(twice.code).toBe('WECHAT_ERROR');
    expect(wechat.tokenRequests() - before).toBe(2);
  });
});
