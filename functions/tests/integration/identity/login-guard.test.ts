import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import type { handler as LambdaHandler } from '../../../src/adapters/lambda';
import { startLocalServer } from '../../../src/adapters/node-server';
import { createCore } from '../../../src/core';
import { createSeededTable, type TestTable } from '../../../../tests/support/dynamo';
import { startFakeWeChat, type FakeWeChat } from '../../../../tests/support/fake-wechat';
import { testConfig, testEnv } from '../../../../tests/support/test-config';

/**
 * POST /api/auth/wechat is public, and each call would cost a call to WeChat: refused outright
 * without a WeChat app, and limited per source address (the address as the runtime saw it).
 */
describe('guarding POST /api/auth/wechat', () => {
  let table: TestTable;
  let wechat: FakeWeChat;
  const clock = new Date('2026-11-23T08:00:00Z');
  // The tests share a table (and so its buckets): each uses addresses of its own.
  const limits = { RATE_LOGINS_CAPACITY: '3', RATE_LOGINS_PER_SECOND: '0.01' };

  beforeAll(async () => {
    table = await createSeededTable('login-guard');
    wechat = await startFakeWeChat();
  });
  afterAll(async () => {
    await wechat.close();
    await table.drop();
  });

  const coreWith = (env: NodeJS.ProcessEnv = {}) =>
    createCore(testConfig(table.tableName, 'local', { WECHAT_API_BASE: wechat.url, ...limits, ...env }), { now: () => clock });
  /** A login with a fresh valid code, as sent from `sourceIp` (the adapters' binding). */
  const login = async (app: ReturnType<typeof coreWith>['app'], sourceIp?: string, openid = 'oGuardedLogin0000000000001') => {
    const res = await app.request(
      '/api/auth/wechat',
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: wechat.issueCode(openid) }) },
      { sourceIp },
    );
    return { status: res.status, headers: res.headers, body: await res.json() };
  };

  it.each([
    ['WECHAT_APP_ID', { WECHAT_APP_ID: '' }],
    ['WECHAT_APP_SECRET', { WECHAT_APP_SECRET: '' }],
  ])('answers 503 WECHAT_NOT_CONFIGURED without %s, and never calls WeChat', async (_name, env) => {
    // Prepare
    const { app } = coreWith(env);
    const callsBefore = wechat.calls.length;
    // Act
    const answer = await login(app, '203.0.113.1');
    // Assess
    expect(answer.status).toBe(503);
    expect(answer.body.error.code).toBe('WECHAT_NOT_CONFIGURED');
    expect(answer.body.error.message).toMatch(/\p{Script=Han}/u);
    expect(wechat.calls.slice(callsBefore)).toEqual([]);
  });

  it('answers 429 with Retry-After after N logins from one address, while another address still logs in', async () => {
    // Prepare
    const { app } = coreWith();
    // Act
    const allowed = [await login(app, '203.0.113.7'), await login(app, '203.0.113.7'), await login(app, '203.0.113.7')];
    const callsBefore = wechat.calls.length;
    const limited = await login(app, '203.0.113.7');
    const callsForLimited = wechat.calls.length - callsBefore;
    const elsewhere = await login(app, '198.51.100.23');
    // Assess
    expect(allowed.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('RATE_LIMITED');
    expect(limited.headers.get('retry-after')).toBe('100');
    expect(callsForLimited).toBe(0);
    expect(elsewhere.status).toBe(200);
  });

  it('counts the addresses of one IPv6 /64 together', async () => {
    // Prepare
    const { app } = coreWith();
    // Act: a fresh address inside the same /64 for each attempt.
    const answers = [];
    for (const host of ['a', 'b', 'c', 'd']) answers.push(await login(app, `2001:db8:42:7::${host}`));
    // Assess
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 429]);
  });

  it('does not limit by address when the runtime gives none', async () => {
    // Prepare
    const { app } = coreWith();
    // Act
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await login(app));
    // Assess
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
  });

  it('stores no address: the bucket is keyed by its HMAC', async () => {
    // Prepare
    const { app } = coreWith();
    // Act
    await login(app, '192.0.2.55');
    const { Items = [] } = await table.db.send(new ScanCommand({ TableName: table.tableName }));
    // Assess
    expect(Items.filter((item) => String(item.pk).endsWith('#logins')).length).toBeGreaterThan(0);
    expect(JSON.stringify(Items)).not.toContain('192.0.2.55');
  });

  describe('through the adapters', () => {
    const lambdaEvent = (sourceIp: string, body: unknown): APIGatewayProxyEventV2 => ({
      version: '2.0',
      routeKey: '$default',
      rawPath: '/api/auth/wechat',
      rawQueryString: '',
      headers: { host: 'api.example.com', 'content-type': 'application/json' },
      requestContext: {
        accountId: '123456789012',
        apiId: 'api',
        domainName: 'api.example.com',
        domainPrefix: 'api',
        http: { method: 'POST', path: '/api/auth/wechat', protocol: 'HTTP/1.1', sourceIp, userAgent: 'login-guard-test' },
        requestId: 'req',
        routeKey: '$default',
        stage: '$default',
        time: '23/Nov/2026:00:00:00 +0000',
        timeEpoch: 0,
      },
      body: JSON.stringify(body),
      isBase64Encoded: false,
    });

    it("limits by API Gateway's sourceIp on Lambda", async () => {
      // Prepare: the Lambda adapter reads its configuration when loaded, as on AWS.
      Object.assign(process.env, testEnv(table.tableName, { WECHAT_API_BASE: wechat.url, RATE_LOGINS_CAPACITY: '1' }));
      jest.resetModules();
      const { handler } = (await import('../../../src/adapters/lambda')) as { handler: typeof LambdaHandler };
      const call = async (sourceIp: string) => {
        const event = lambdaEvent(sourceIp, { code: wechat.issueCode('oLambdaLogin00000000000001') });
        return handler(event as unknown as Parameters<typeof LambdaHandler>[0], {} as Context);
      };
      // Act
      const first = await call('203.0.113.80');
      const second = await call('203.0.113.80');
      const other = await call('203.0.113.81');
      // Assess
      expect([first.statusCode, second.statusCode, other.statusCode]).toEqual([200, 429, 200]);
    });

    it("limits by the socket's address on the local server", async () => {
      // Prepare
      const { app } = coreWith({ RATE_LOGINS_CAPACITY: '1' });
      const server = await startLocalServer({ app, port: 0 });
      const call = () =>
        fetch(`${server.url}/api/auth/wechat`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ code: wechat.issueCode('oLocalLogin000000000000001') }),
        });
      // Act
      const statuses = [(await call()).status, (await call()).status];
      await server.close();
      // Assess
      expect(statuses).toEqual([200, 429]);
    });
  });
});
