import { Writable } from 'node:stream';
import { createCore } from '../../../src/core';
import { createLogger } from '../../../src/log/logger';
import { createSeededTable, type TestTable } from '../../../../tests/support/dynamo';
import { startFakeWeChat, type FakeWeChat } from '../../../../tests/support/fake-wechat';
import { testConfig } from '../../../../tests/support/test-config';
import { TestClient } from '../../../../tests/support/api-client';

/**
 * POST /api/auth/wechat with the real WeChat client over HTTP against a fake WeChat server;
 * then a full flow whose every log line is captured and searched for personal data.
 */
describe('WeChat login', () => {
  let table: TestTable;
  let wechat: FakeWeChat;
  let core: ReturnType<typeof createCore>;
  const logLines: string[] = [];

  beforeAll(async () => {
    table = await createSeededTable('wxlogin');
    wechat = await startFakeWeChat({ appId: 'wx-test-app', appSecret: 'test-app-secret', slowMs: 1500 });
    const sink = new Writable({
      write(chunk, _encoding, done) {
        logLines.push(String(chunk));
        done();
      },
    });
    core = createCore(testConfig(table.tableName, 'local', { WECHAT_API_BASE: wechat.url, WECHAT_TIMEOUT_MS: '500' }), {
      logger: createLogger(sink, 'info'),
    });
  });
  afterAll(async () => {
    await wechat.close();
    await table.drop();
  });

  const login = (code: string) => new TestClient(core.app).call('POST', '/api/auth/wechat', { code });

  it('turns a valid code into a session for a pseudonymous user, without session_key or openid', async () => {
    // Prepare
    const code = wechat.issueCode('oParentOpenId000000000000001');
    // Act
    const answer = await login(code);
    const me = await new TestClient(core.app, answer.body.token).call('GET', '/api/me');
    // Assess
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      token: expect.any(String),
      expiresAt: expect.any(String),
      me: { roles: [{ role: 'parent', scope: null }] },
    });
    const text = JSON.stringify(answer.body);
    expect(text).not.toContain('oParentOpenId000000000000001');
    expect(text).not.toMatch(/session_?key/i);
    expect(me.body.userId).toBe(answer.body.me.userId);
  });

  it('gives the same user on a later login with a new code', async () => {
    const first = await login(wechat.issueCode('oSameUser0000000000000000001'));
    const second = await login(wechat.issueCode('oSameUser0000000000000000001'));
    expect(second.body.me.userId).toBe(first.body.me.userId);
    expect(second.body.token).not.toBe(first.body.token);
  });

  it.each([
    ['code-40029', 400, 'INVALID_CODE'],
    ['code-45011', 429, 'WECHAT_RATE_LIMITED'],
    ['code-40226', 403, 'HIGH_RISK_USER'],
    ['code-busy', 503, 'WECHAT_UNAVAILABLE'],
    ['code-slow', 503, 'WECHAT_UNAVAILABLE'],
    ['code-malformed', 503, 'WECHAT_UNAVAILABLE'],
  ])('maps WeChat answer %s to %i %s', async (code, status, errorCode) => {
    const answer = await login(code);
    expect(answer.status).toBe(status);
    expect(answer.body.error.code).toBe(errorCode);
    expect(answer.body.error.message).toMatch(/\p{Script=Han}/u);
  });

  it('refuses a code used twice and an empty code', async () => {
    const code = wechat.issueCode('oTwice000000000000000000001');
    expect((await login(code)).status).toBe(200);
    expect((await login(code)).body.error.code).toBe('INVALID_CODE');
    expect((await login('')).status).toBe(400);
  });

  it('writes no openid, code, token or session_key to the logs during a whole flow', async () => {
    // Prepare
    logLines.length = 0;
    const openid = 'oLogScanOpenId0000000000001';
    const code = wechat.issueCode(openid);
    // Act: login, read, bind, a failing call, logout; plus an error path with its own code.
    const session = await login(code);
    const user = new TestClient(core.app, session.body.token);
    await user.call('GET', '/api/me');
    await user.call('POST', '/api/me/schools', { schoolId: 'jn-jingbalu-ps' });
    await user.call('POST', '/api/me/invite', { code: 'ZZZZZ-ZZZZZ' });
    await login('code-40029');
    await user.call('POST', '/api/auth/logout');
    // Assess
    const logs = logLines.join('');
    expect(logLines.length).toBeGreaterThanOrEqual(6);
    for (const secret of [
      openid,
      code,
      session.body.token,
      session.body.me.userId,
      'ZZZZZ',
      'session_key',
      'test-app-secret',
      'code-40029',
    ]) {
      expect(logs).not.toContain(secret);
    }
    expect(logs).toContain('"route":"/api/me"');
  });
});
