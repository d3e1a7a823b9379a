import type { CloudCallResult } from '../../../../shared';
import { TEST_SECRETS, testEnv } from '../../../../tests/support/test-config';
import { createSeededTable, type TestTable } from '../../../../tests/support/dynamo';
import { signSessionToken } from '../../../src/features/identity/session-token';

/**
 * The WeChat cloud function checks its whole event before it builds a Request from it: any
 * event that is not a request the API knows answers 400 BAD_CLOUD_CALL instead of throwing
 * (a throw is a failed callFunction the mini-program cannot tell from a network error).
 */
describe('the cloud function’s event', () => {
  let table: TestTable;
  let main: (event: unknown) => Promise<CloudCallResult>;

  beforeAll(async () => {
    table = await createSeededTable('cloudevent');
    // The adapter reads its configuration when loaded, as on its platform; getWXContext reads the env on each call.
    Object.assign(process.env, testEnv(table.tableName), { WX_CONTEXT_KEYS: 'WX_OPENID', WX_OPENID: 'o-cloud-event' });
    ({ main } = await import('../../../src/adapters/cloud'));
  });
  afterAll(() => table.drop());

  const BAD_CALL = { status: 400, body: { error: { code: 'BAD_CLOUD_CALL', message: '云函数调用参数不正确' } } };

  it.each([
    ['a method the API does not know', { method: 'TRACE', path: '/api/districts' }],
    ['a method with spaces', { method: 'G E T', path: '/api/districts' }],
    ['a lower-case method', { method: 'get', path: '/api/districts' }],
    ['a method that is not text', { method: ['GET'], path: '/api/districts' }],
    ['a path outside the API', { method: 'GET', path: '/districts' }],
    ['a path naming another host', { method: 'GET', path: '//evil.example/api/districts' }],
    ['a path with a query in it', { method: 'GET', path: '/api/schools?q=经' }],
    ['a path with a backslash', { method: 'GET', path: '/api\\..\\districts' }],
    ['a path with a line break', { method: 'GET', path: '/api/districts\r\nx-injected: 1' }],
    ['a query value that is an object', { method: 'GET', path: '/api/schools', query: { q: { $ne: 1 } } }],
    ['a query with an empty name', { method: 'GET', path: '/api/schools', query: { '': 'x' } }],
    ['a header name with a space', { method: 'GET', path: '/api/districts', headers: { 'x bad': '1' } }],
    ['a header value with a line break', { method: 'GET', path: '/api/districts', headers: { 'x-a': 'a\r\nx-b: 2' } }],
    ['a header value outside Latin-1', { method: 'GET', path: '/api/districts', headers: { 'accept-language': '中文' } }],
    ['headers that are not a record', { method: 'GET', path: '/api/districts', headers: 'accept: */*' }],
    ['a body that cannot be JSON', { method: 'POST', path: '/api/me/schools', body: { n: BigInt(1) } }],
    ['no event at all', undefined],
    ['an event that is a string', 'GET /api/districts'],
  ])('answers %s with 400 BAD_CLOUD_CALL', async (_label, event) => {
    // Act
    const answer = await main(event);

    // Assess
    expect(answer).toEqual(BAD_CALL);
  });

  it('still answers a well-formed call, ignoring the userInfo WeChat adds', async () => {
    // Act
    const answer = await main({ method: 'GET', path: '/api/districts', userInfo: { appId: 'wx', openId: 'o-forged' }, extra: 1 });

    // Assess
    expect(answer.status).toBe(200);
    expect((answer.body as { items: unknown[] }).items.length).toBeGreaterThan(0);
  });

  it('forwards valid headers: a session token reaches the identity check where WeChat supplies no openid', async () => {
    // Prepare: a called-from-console invocation has no OPENID; a session token then identifies the caller.
    process.env.WX_OPENID = '';
    const expiresAt = new Date(Date.now() + 3600_000);
    const forged = await signSessionToken({ userKey: 'u-nobody', sessionId: 'no-such-session' }, TEST_SECRETS.SESSION_SECRET, expiresAt);

    // Act
    const anonymous = await main({ method: 'GET', path: '/api/me' });
    const withToken = await main({ method: 'GET', path: '/api/me', headers: { authorization: `Bearer ${forged}` } });
    process.env.WX_OPENID = 'o-cloud-event';

    // Assess: the header reached identify (a token for no session is refused as such, not as "anonymous").
    expect(anonymous).toMatchObject({ status: 401, body: { error: { code: 'UNAUTHENTICATED' } } });
    expect(withToken).toMatchObject({ status: 401, body: { error: { code: 'INVALID_SESSION' } } });
  });
});
