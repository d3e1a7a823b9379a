import { createCore } from '../../../src/core';
import { createSeededTable, type TestTable } from '../../../../tests/support/dynamo';
import { testConfig } from '../../../../tests/support/test-config';
import { TestClient } from '../../../../tests/support/api-client';

/** Write routes take a token from the caller's bucket in DynamoDB; reads never do. */
describe('per-user rate limit on writes', () => {
  let table: TestTable;
  let core: ReturnType<typeof createCore>;
  let clock = new Date('2026-11-23T08:00:00Z');

  beforeAll(async () => {
    table = await createSeededTable('rate');
    core = createCore(
      testConfig(table.tableName, 'local', {
        AUTH_DEV_LOGIN: '1',
        RATE_WRITES_CAPACITY: '3',
        RATE_WRITES_PER_SECOND: '0.5',
        RATE_INVITES_CAPACITY: '2',
        RATE_INVITES_PER_SECOND: '0.01',
      }),
      { now: () => clock },
    );
  });
  afterAll(() => table.drop());

  it('answers 429 with Retry-After once the bucket is empty, and lets writes through again after refill', async () => {
    // Prepare
    const user = new TestClient(core.app);
    await user.devLogin('parent');
    const bind = () => user.call('POST', '/api/me/schools', { schoolId: 'jn-jingbalu-ps' });
    // Act
    const first = [await bind(), await bind(), await bind()];
    const limited = await bind();
    const reads = await Promise.all([1, 2, 3, 4, 5].map(() => user.call('GET', '/api/me')));
    clock = new Date(clock.getTime() + 2000);
    const afterRefill = await bind();
    // Assess
    expect(first.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('RATE_LIMITED');
    expect(limited.headers.get('retry-after')).toBe('2');
    expect(reads.every((r) => r.status === 200)).toBe(true);
    expect(afterRefill.status).toBe(200);
  });

  it('keeps one bucket per user and a smaller one for invite codes', async () => {
    // Prepare
    const guesser = new TestClient(core.app);
    await guesser.devLogin({ role: 'parent', schoolId: 'guesser' });
    const other = new TestClient(core.app);
    await other.devLogin({ role: 'parent', schoolId: 'bystander' });
    // Act
    const guesses = [];
    for (const code of ['AAAAA22222', 'AAAAA22223', 'AAAAA22224']) guesses.push(await guesser.call('POST', '/api/me/invite', { code }));
    const bystander = await other.call('POST', '/api/me/invite', { code: 'AAAAA22225' });
    // Assess
    expect(guesses.map((r) => r.status)).toEqual([404, 404, 429]);
    expect(Number(guesses[2].headers.get('retry-after'))).toBeGreaterThan(60);
    expect(bystander.status).toBe(404);
  });

  it('counts concurrent writes exactly: no token is spent twice', async () => {
    // Prepare
    const user = new TestClient(core.app);
    await user.devLogin({ role: 'parent', schoolId: 'concurrent' });
    // Act
    const answers = await Promise.all([1, 2, 3, 4, 5, 6].map(() => user.call('POST', '/api/me/schools', { schoolId: 'jn-jingwei-ps' })));
    // Assess: 3 tokens, 6 requests at the same instant (frozen clock): never more than 3 pass.
    const passed = answers.filter((r) => r.status === 200).length;
    expect(passed).toBeGreaterThanOrEqual(1);
    expect(passed).toBeLessThanOrEqual(3);
    expect(answers.filter((r) => r.status === 429)).toHaveLength(6 - passed);
  });
});
