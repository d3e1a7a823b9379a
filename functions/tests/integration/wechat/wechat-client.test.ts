import { ApiError } from '../../../src/errors';
import { WeChatClient, type WeChatClientDeps } from '../../../src/wechat/wechat-client';
import { startFakeWeChat, type FakeWeChat } from '../../../../tests/support/fake-wechat';

const APP_ID = 'wx-client-test-app';
const APP_SECRET = 'client-test-app-secret';

/** The real client over real HTTP against the fake WeChat server (tests/support/fake-wechat.ts). */
describe('WeChatClient', () => {
  let wechat: FakeWeChat;

  beforeAll(async () => {
    wechat = await startFakeWeChat({ appId: APP_ID, appSecret: APP_SECRET, slowMs: 1000 });
  });
  afterAll(() => wechat.close());
  // A test that fails half-way must not leave expired-token answers queued for the next one.
  afterEach(() => wechat.setTokenExpired(0));

  /** A client with its own clock and log; options override the working configuration. */
  function makeClient(
    options: { appId?: string; appSecret?: string; apiBase?: string; timeoutMs?: number; fetch?: WeChatClientDeps['fetch'] } = {},
  ) {
    const clock = { now: 1_700_000_000_000 };
    const warnings: Array<{ obj: object; msg: string }> = [];
    const client = new WeChatClient(
      {
        appId: options.appId ?? APP_ID,
        appSecret: options.appSecret ?? APP_SECRET,
        apiBase: options.apiBase ?? wechat.url,
        timeoutMs: options.timeoutMs ?? 2000,
      },
      { now: () => clock.now, fetch: options.fetch, logger: { warn: (obj, msg) => warnings.push({ obj, msg }) } },
    );
    return { client, clock, warnings };
  }

  async function failure(promise: Promise<unknown>): Promise<ApiError> {
    const error = await promise.then(
      () => new Error('expected a failure, got an answer'),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }

  /** Everything a caller could show or log about an error. */
  const everythingAbout = (error: ApiError) =>
    JSON.stringify({ message: error.message, details: error.details, headers: error.headers, stack: error.stack });

  const callsTo = (path: string) => wechat.calls.filter((call) => call.path === path);

  describe('code2Session', () => {
    it('returns the openid and unionid of a valid code, and nothing of the session_key WeChat sent with them', async () => {
      // Prepare: record what WeChat really answered, to show the session_key was there to leak.
      const rawAnswers: string[] = [];
      const recordingFetch: typeof fetch = async (input, init) => {
        const response = await fetch(input, init);
        rawAnswers.push(await response.clone().text());
        return response;
      };
      const { client } = makeClient({ fetch: recordingFetch });
      const code = wechat.issueCode('oClientValid001', { unionid: 'uClientValid001' });

      // Act
      const result = await client.code2Session(code);

      // Assess
      expect(result).toEqual({ openid: 'oClientValid001', unionid: 'uClientValid001' });
      expect(rawAnswers.join()).toContain('"session_key":"SESSION_KEY_');
      expect(JSON.stringify(result)).not.toMatch(/session|SESSION_KEY/);
    });

    it('sends the appid, secret, code and grant type as WeChat expects', async () => {
      // Prepare
      const { client } = makeClient();
      const code = wechat.issueCode('oClientQuery001');

      // Act
      await client.code2Session(code);

      // Assess
      expect(callsTo('/sns/jscode2session').at(-1)!.query).toEqual({
        appid: APP_ID,
        secret: APP_SECRET,
        js_code: code,
        grant_type: 'authorization_code',
      });
    });

    it('leaves unionid out when WeChat sends none', async () => {
      // Prepare
      const { client } = makeClient();

      // Act
      const result = await client.code2Session(wechat.issueCode('oClientNoUnion1'));

      // Assess
      expect(result).toEqual({ openid: 'oClientNoUnion1' });
      expect(Object.keys(result)).toEqual(['openid']);
    });

    it.each([
      ['code-40029', 400, 'INVALID_CODE'],
      ['code-45011', 429, 'WECHAT_RATE_LIMITED'],
      ['code-40226', 403, 'HIGH_RISK_USER'],
      ['code-busy', 503, 'WECHAT_UNAVAILABLE'],
      ['code-malformed', 503, 'WECHAT_UNAVAILABLE'],
      ['code-html', 503, 'WECHAT_UNAVAILABLE'],
      ['code-no-openid', 503, 'WECHAT_UNAVAILABLE'],
    ])('turns %s into %i %s with a Chinese message that leaks neither the code nor the credentials', async (code, status, errorCode) => {
      // Prepare
      const { client } = makeClient();

      // Act
      const error = await failure(client.code2Session(code));

      // Assess
      expect([error.status, error.code]).toEqual([status, errorCode]);
      expect(error.message).toMatch(/\p{Script=Han}/u);
      for (const secret of [code, APP_ID, APP_SECRET, 'SESSION_KEY']) expect(everythingAbout(error)).not.toContain(secret);
    });

    it('tells a rate-limited caller to retry after 60 seconds', async () => {
      // Prepare
      const { client } = makeClient();

      // Act
      const error = await failure(client.code2Session('code-45011'));

      // Assess
      expect(error.headers).toEqual({ 'Retry-After': '60' });
    });

    it('gives up on a slow answer after timeoutMs, well before WeChat would answer', async () => {
      // Prepare: the fake answers code-slow after 1000 ms.
      const { client, warnings } = makeClient({ timeoutMs: 200 });
      const started = Date.now();

      // Act
      const error = await failure(client.code2Session('code-slow'));
      const elapsed = Date.now() - started;

      // Assess
      expect([error.status, error.code]).toEqual([503, 'WECHAT_UNAVAILABLE']);
      expect(elapsed).toBeGreaterThanOrEqual(150);
      expect(elapsed).toBeLessThan(800);
      expect(warnings.map((w) => w.msg)).toEqual(['wechat unavailable: timed out']);
    });

    it('reports WeChat as unavailable when nothing answers at its address', async () => {
      // Prepare: a server that has just been closed leaves a free port behind.
      const gone = await startFakeWeChat();
      await gone.close();
      const { client, warnings } = makeClient({ apiBase: gone.url });

      // Act
      const error = await failure(client.code2Session(wechat.issueCode('oClientNoServer')));

      // Assess
      expect([error.status, error.code]).toEqual([503, 'WECHAT_UNAVAILABLE']);
      expect(warnings.map((w) => w.msg)).toEqual(['wechat unavailable: network error']);
    });

    it('refuses a code the second time it is used (40163)', async () => {
      // Prepare
      const { client } = makeClient();
      const code = wechat.issueCode('oClientTwice001');
      await client.code2Session(code);

      // Act
      const error = await failure(client.code2Session(code));

      // Assess
      expect([error.status, error.code]).toEqual([400, 'INVALID_CODE']);
    });

    it.each([
      ['secret', { appSecret: 'wrong-app-secret' }, 40125],
      ['appid', { appId: 'wx-wrong-app' }, 40013],
    ])('reports a wrong %s as 502 WECHAT_ERROR with only the errcode as detail', async (_what, override, errcode) => {
      // Prepare
      const { client } = makeClient(override);

      // Act
      const error = await failure(client.code2Session(wechat.issueCode('oClientWrongCfg')));

      // Assess
      expect([error.status, error.code, error.details]).toEqual([502, 'WECHAT_ERROR', { errcode }]);
      for (const secret of ['wrong-app-secret', 'wx-wrong-app', APP_SECRET]) expect(everythingAbout(error)).not.toContain(secret);
    });
  });

  describe('logging', () => {
    it('logs the endpoint and errcode only: no code, openid, secret, token or query string', async () => {
      // Prepare
      const { client, warnings } = makeClient();
      const { client: misconfigured, warnings: misconfiguredWarnings } = makeClient({ appSecret: 'wrong-app-secret' });
      wechat.setTokenExpired(2);

      // Act: a failure of every kind the client logs.
      for (const code of ['code-40029', 'code-busy', 'code-malformed', 'code-html', 'code-no-openid'])
        await client.code2Session(code).catch(() => undefined);
      await misconfigured.code2Session(wechat.issueCode('oClientLogged01')).catch(() => undefined);
      await misconfigured.getAccessToken().catch(() => undefined);
      await client.msgSecCheck({ openid: 'oClientLogged02', content: '日志', scene: 2 }).catch(() => undefined);

      // Assess
      const all = [...warnings, ...misconfiguredWarnings];
      expect(all.length).toBeGreaterThanOrEqual(9);
      for (const { obj } of all) expect(Object.keys(obj).every((key) => key === 'errcode' || key === 'endpoint')).toBe(true);
      const logged = JSON.stringify(all);
      for (const secret of ['code-', 'oClient', APP_ID, APP_SECRET, 'wrong-app-secret', 'ACCESS_TOKEN', 'session_key', '?', '127.0.0.1']) {
        expect(logged).not.toContain(secret);
      }
      expect(all).toContainEqual({ obj: { errcode: 40029, endpoint: '/sns/jscode2session' }, msg: 'wechat answered with an error' });
    });
  });

  describe('the access token', () => {
    it('is fetched from stable_token once and then served from memory', async () => {
      // Prepare
      const { client } = makeClient();
      const before = callsTo('/cgi-bin/stable_token').length;

      // Act
      const first = await client.getAccessToken();
      const second = await client.getAccessToken();

      // Assess
      expect(second).toBe(first);
      expect(first).toMatch(/^ACCESS_TOKEN_\d+$/);
      const requests = callsTo('/cgi-bin/stable_token').slice(before);
      expect(requests.map((r) => r.body)).toEqual([
        { grant_type: 'client_credential', appid: APP_ID, secret: APP_SECRET, force_refresh: false },
      ]);
    });

    it('is fetched once for ten concurrent callers', async () => {
      // Prepare
      const { client } = makeClient();
      const before = wechat.tokenRequests();

      // Act
      const tokens = await Promise.all(Array.from({ length: 10 }, () => client.getAccessToken()));

      // Assess
      expect(new Set(tokens).size).toBe(1);
      expect(wechat.tokenRequests() - before).toBe(1);
    });

    it('is refreshed five minutes before it expires, not earlier', async () => {
      // Prepare: the fake's tokens live 7200 s.
      const { client, clock } = makeClient();
      const first = await client.getAccessToken();
      const before = wechat.tokenRequests();

      // Act
      clock.now += (7200 - 300) * 1000 - 1;
      const justBefore = await client.getAccessToken();
      clock.now += 1;
      const refreshed = await client.getAccessToken();

      // Assess
      expect(justBefore).toBe(first);
      expect(refreshed).not.toBe(first);
      expect(wechat.tokenRequests() - before).toBe(1);
    });

    it('is not cached when stable_token refuses the credentials', async () => {
      // Prepare
      const { client } = makeClient({ appSecret: 'wrong-app-secret' });
      const before = callsTo('/cgi-bin/stable_token').length;

      // Act
      const first = await failure(client.getAccessToken());
      const second = await failure(client.getAccessToken());

      // Assess
      expect([first.code, first.details, second.code]).toEqual(['WECHAT_ERROR', { errcode: 40125 }, 'WECHAT_ERROR']);
      expect(callsTo('/cgi-bin/stable_token').length - before).toBe(2);
    });
  });

  describe('msgSecCheck', () => {
    it('answers pass, review or risky as WeChat judges the content, sending a v2 request', async () => {
      // Prepare
      wechat.setMsgSecCheckResult('需复核', 'review');
      wechat.setMsgSecCheckResult('违规', 'risky');
      const { client } = makeClient();
      const check = (content: string) => client.msgSecCheck({ openid: 'oClientSec00001', content, scene: 2 });

      // Act
      const results = [await check('老师们很负责'), await check('这条需复核'), await check('违规内容')];

      // Assess
      expect(results).toEqual([
        { suggest: 'pass', label: 100 },
        { suggest: 'review', label: 20001 },
        { suggest: 'risky', label: 20006 },
      ]);
      expect(callsTo('/wxa/msg_sec_check').at(-1)!.body).toEqual({ version: 2, openid: 'oClientSec00001', scene: 2, content: '违规内容' });
    });

    it('refreshes a rejected token (40001) and retries once', async () => {
      // Prepare
      const { client, warnings } = makeClient();
      const stale = await client.getAccessToken();
      const tokensBefore = wechat.tokenRequests();
      const checksBefore = callsTo('/wxa/msg_sec_check').length;
      wechat.setTokenExpired();

      // Act
      const result = await client.msgSecCheck({ openid: 'oClientRetry001', content: '你好', scene: 2 });

      // Assess
      expect(result.suggest).toBe('pass');
      expect(wechat.tokenRequests() - tokensBefore).toBe(1);
      const checks = callsTo('/wxa/msg_sec_check').slice(checksBefore);
      expect(checks.map((c) => c.query.access_token)).toEqual([stale, await client.getAccessToken()]);
      expect(checks[1].query.access_token).not.toBe(stale);
      expect(warnings.map((w) => w.obj)).toEqual([{ errcode: 40001, endpoint: '/wxa/msg_sec_check' }]);
    });

    it('gives up with 502 WECHAT_ERROR when the fresh token is rejected too, instead of retrying forever', async () => {
      // Prepare
      const { client } = makeClient();
      await client.getAccessToken();
      const tokensBefore = wechat.tokenRequests();
      const checksBefore = callsTo('/wxa/msg_sec_check').length;
      wechat.setTokenExpired(5);

      // Act
      const error = await failure(client.msgSecCheck({ openid: 'oClientRetry002', content: '你好', scene: 2 }));

      // Assess
      expect([error.status, error.code, error.details]).toEqual([502, 'WECHAT_ERROR', { errcode: 40001 }]);
      expect(callsTo('/wxa/msg_sec_check').length - checksBefore).toBe(2);
      expect(wechat.tokenRequests() - tokensBefore).toBe(1);
    });
  });
});
