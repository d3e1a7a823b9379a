import { createCore } from '../../../src/core';
import { createLogger } from '../../../src/log/logger';
import { TestClient } from '../../../../tests/support/api-client';
import { createSeededTable, type TestTable } from '../../../../tests/support/dynamo';
import { testConfig } from '../../../../tests/support/test-config';

/**
 * A public route sees its caller only when it declares `readsCaller` (http/route.ts, Access):
 * the others answer a signed-in client exactly as an anonymous one, without reading its session
 * (AP124), which saves one request per public read from a signed-in client.
 */
describe('public routes and the caller', () => {
  let table: TestTable;
  let core: ReturnType<typeof createCore>;
  let sent: string[] = [];

  beforeAll(async () => {
    table = await createSeededTable('public-caller');
    core = createCore(testConfig(table.tableName, 'local', { AUTH_DEV_LOGIN: '1' }), { logger: createLogger(undefined, 'silent') });
    // Every repository shares the core's one client: its middleware sees each request the core sends.
    core.db.middlewareStack.add((next, context) => (args) => (sent.push(String(context.commandName)), next(args)), { step: 'initialize' });
  });
  afterAll(() => table.drop());

  /** The requests to DynamoDB one call sends, and its answer. */
  async function requestsOf(client: TestClient, path: string) {
    sent = [];
    const answer = await client.call('GET', path);
    return { status: answer.status, body: answer.body, requests: sent };
  }

  it.each(['/api/districts', '/api/groups/jn-jingwu', '/api/schools?q=经八路', '/api/groups/jn-jingwu/evaluation'])(
    'answers %s to a signed-in parent as to anyone, with the same requests (no session read)',
    async (path) => {
      // Prepare: the catalogue view loaded once, so both calls below find it.
      const anyone = new TestClient(core.app);
      const parent = new TestClient(core.app);
      await parent.devLogin({ role: 'parent', schoolId: 'public-caller' });
      await anyone.call('GET', path);

      // Act
      const anonymous = await requestsOf(anyone, path);
      const signedIn = await requestsOf(parent, path);

      // Assess
      expect(signedIn).toEqual(anonymous);
    },
  );

  it('reads the session of a signed-in reader of group news, which marks what they have read', async () => {
    // Prepare
    const anyone = new TestClient(core.app);
    const parent = new TestClient(core.app);
    await parent.devLogin({ role: 'parent', schoolId: 'public-caller-news' });
    await anyone.call('GET', '/api/groups/jn-jingwu/news');

    // Act
    const anonymous = await requestsOf(anyone, '/api/groups/jn-jingwu/news');
    const signedIn = await requestsOf(parent, '/api/groups/jn-jingwu/news');

    // Assess: one more Query (AP124) before the list, and the answer is the reader's (private).
    expect(signedIn.status).toBe(200);
    expect(signedIn.requests[0]).toBe('QueryCommand');
    expect(signedIn.requests.length).toBeGreaterThan(anonymous.requests.length);
  });
});
