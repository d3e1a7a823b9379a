import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { createCore } from '../../../src/core';
import { createSeededTable, type TestTable } from '../../../../tests/support/dynamo';
import { startFakeWeChat, type FakeWeChat } from '../../../../tests/support/fake-wechat';
import { testConfig } from '../../../../tests/support/test-config';
import { TestClient } from '../../../../tests/support/api-client';

/**
 * DELETE /api/me followed by a new login is the same pseudonym again (HMAC of the same openid),
 * so it must find the same rate buckets: deleting one's data is no way to a fresh limit.
 */
describe('rate limits across DELETE /api/me and a new login', () => {
  let table: TestTable;
  let wechat: FakeWeChat;
  let core: ReturnType<typeof createCore>;
  // Frozen: no bucket refills during the test, so every token counts.
  const clock = new Date('2026-11-23T08:00:00Z');

  beforeAll(async () => {
    table = await createSeededTable('limits-deletion');
    wechat = await startFakeWeChat();
    core = createCore(
      testConfig(table.tableName, 'local', {
        WECHAT_API_BASE: wechat.url,
        RATE_WRITES_CAPACITY: '4',
        RATE_WRITES_PER_SECOND: '0.5',
        RATE_INVITES_CAPACITY: '2',
        RATE_INVITES_PER_SECOND: '0.01',
      }),
      { now: () => clock },
    );
  });
  afterAll(async () => {
    await wechat.close();
    await table.drop();
  });

  async function loginAs(openid: string): Promise<TestClient> {
    const answer = await new TestClient(core.app).call('POST', '/api/auth/wechat', { code: wechat.issueCode(openid) });
    expect(answer.status).toBe(200);
    return new TestClient(core.app, answer.body.token);
  }
  const checkInvite = (user: TestClient) => user.call('POST', '/api/me/invite', { code: 'AAAAA-22222' });

  it('keeps an exhausted invite bucket empty after DELETE /api/me and a new login with the same openid', async () => {
    // Prepare: both invite checks of the bucket spent, the third refused.
    const openid = 'oInviteGuesser00000000000001';
    const before = await loginAs(openid);
    const spent = [await checkInvite(before), await checkInvite(before), await checkInvite(before)];
    // Act
    const deleted = await before.call('DELETE', '/api/me');
    const after = await loginAs(openid);
    const next = await checkInvite(after);
    // Assess
    expect(spent.map((r) => r.status)).toEqual([404, 404, 429]);
    expect(deleted.status).toBe(200);
    expect(next.status).toBe(429);
    expect(next.body.error.code).toBe('RATE_LIMITED');
    expect(Number(next.headers.get('retry-after'))).toBeGreaterThan(60);
  });

  it('keeps an exhausted write bucket empty after DELETE /api/me and a new login with the same openid', async () => {
    // Prepare: three writes, then DELETE /api/me takes the fourth and last token.
    const openid = 'oBusyWriter0000000000000001';
    const before = await loginAs(openid);
    const writes = [];
    for (let i = 0; i < 3; i++) writes.push(await before.call('POST', '/api/me/schools', { schoolId: 'jn-jingbalu-ps' }));
    const deleted = await before.call('DELETE', '/api/me');
    // Act
    const after = await loginAs(openid);
    const me = await after.call('GET', '/api/me');
    const next = await after.call('POST', '/api/me/schools', { schoolId: 'jn-jingbalu-ps' });
    // Assess
    expect(writes.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(deleted.status).toBe(200);
    expect(me.body.schools).toEqual([]);
    expect(next.status).toBe(429);
    expect(next.body.error.code).toBe('RATE_LIMITED');
  });

  it('stores the kept buckets under the pseudonym only, with a TTL', async () => {
    // Prepare
    const openid = 'oBucketOwner000000000000001';
    const user = await loginAs(openid);
    const { userId } = (await user.call('GET', '/api/me')).body;
    await user.call('POST', '/api/me/schools', { schoolId: 'jn-jingwei-ps' });
    // Act
    await user.call('DELETE', '/api/me');
    const { Items = [] } = await table.db.send(new ScanCommand({ TableName: table.tableName }));
    // Assess: the bucket outlives the deletion, and nothing in it names the WeChat user.
    const buckets = Items.filter((item) => item.kind === 'rate-bucket' && String(item.pk).includes(userId));
    expect(buckets).toHaveLength(1);
    expect(buckets[0].expiresAt).toBeGreaterThan(clock.getTime() / 1000);
    expect(JSON.stringify(buckets)).not.toContain(openid);
    expect(Items.filter((item) => String(item.pk) === `USER#${userId}`)).toEqual([]);
  });
});
