import { createCore } from '../../../src/core';
import { userKeyFor } from '../../../src/features/identity/domain/pseudonym';
import { RequestUser } from '../../../src/features/identity/request-user';
import { createSeededTable, type TestTable } from '../../../../tests/support/dynamo';
import { testConfig } from '../../../../tests/support/test-config';
import { TestClient } from '../../../../tests/support/api-client';

/** services.sessions.identify: what http/identify asks for every /api request. */
describe('who is calling', () => {
  let table: TestTable;
  let core: ReturnType<typeof createCore>;

  beforeAll(async () => {
    table = await createSeededTable('identify');
    core = createCore(testConfig(table.tableName, 'local', { AUTH_DEV_LOGIN: '1' }));
  });
  afterAll(() => table.drop());

  it('knows the holder of a live session token, with its session', async () => {
    // Prepare
    const client = new TestClient(core.app);
    const session = await client.devLogin('parent');
    // Act
    const caller = await core.services.sessions.identify({ authorization: `Bearer ${session.token}` });
    // Assess
    expect(caller).toBeInstanceOf(RequestUser);
    expect((caller as RequestUser).userKey).toBe(session.me.userId);
    expect((caller as RequestUser).sessionId).toEqual(expect.any(String));
    expect(await (caller as RequestUser).live()).toBe(true);
  });

  it("trusts the cloud adapter's openid as is, and keeps it for content security", async () => {
    const caller = await core.services.sessions.identify({ wxOpenId: 'oCloudCaller000000000000001', authorization: 'Bearer junk' });
    expect(caller).toBeInstanceOf(RequestUser);
    expect((caller as RequestUser).userKey).toBe(userKeyFor('oCloudCaller000000000000001', core.infra.config.auth.pseudonymSecret));
    expect((caller as RequestUser).openid).toBe('oCloudCaller000000000000001');
  });

  it('knows nobody when nothing is sent', async () => {
    expect(await core.services.sessions.identify({})).toBeNull();
  });

  it('rejects a forged token and another scheme, and finds the session of a genuine token ended', async () => {
    // Prepare
    const client = new TestClient(core.app);
    const session = await client.devLogin('parent');
    await client.call('POST', '/api/auth/logout');
    // Act
    const answers = await Promise.all(
      ['Bearer eyJhbGciOiJIUzI1NiJ9.e30.invalid', `Basic ${session.token}`].map((authorization) =>
        core.services.sessions.identify({ authorization }),
      ),
    );
    const ended = await core.services.sessions.identify({ authorization: `Bearer ${session.token}` });
    const me = await client.call('GET', '/api/me');
    // Assess
    expect(answers).toEqual(['rejected', 'rejected']);
    expect(ended).toBeInstanceOf(RequestUser);
    expect(await (ended as RequestUser).live()).toBe(false);
    expect(me).toMatchObject({ status: 401, body: { error: { code: 'INVALID_SESSION' } } });
  });
});
