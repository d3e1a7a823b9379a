import { createCore } from '../../../src/core';
import { createSeededTable, type TestTable } from '../../../../tests/support/dynamo';
import { testConfig } from '../../../../tests/support/test-config';
import { TestClient } from '../../../../tests/support/api-client';

describe('我的: bindings, logout and deleting my data', () => {
  let table: TestTable;
  let core: ReturnType<typeof createCore>;

  beforeAll(async () => {
    table = await createSeededTable('me');
    core = createCore(testConfig(table.tableName, 'local', { AUTH_DEV_LOGIN: '1' }));
  });
  afterAll(() => table.drop());

  it('has no dev login on a local server started without AUTH_DEV_LOGIN=1', async () => {
    const plain = createCore(testConfig(table.tableName, 'local'));
    const answer = await new TestClient(plain.app).call('POST', '/api/auth/dev', { role: 'district_admin', districtId: 'jinan-shizhong' });
    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe('NOT_FOUND');
  });

  it('asks for a login without a token, and for a new one with a bad token', async () => {
    expect((await new TestClient(core.app).call('GET', '/api/me')).body.error.code).toBe('UNAUTHENTICATED');
    const forged = await new TestClient(core.app, 'eyJhbGciOiJIUzI1NiJ9.e30.invalid').call('GET', '/api/me');
    expect(forged).toMatchObject({ status: 401, body: { error: { code: 'INVALID_SESSION' } } });
  });

  it('binds and unbinds 我的学校, keeping only the school', async () => {
    // Prepare
    const parent = new TestClient(core.app);
    await parent.devLogin({ role: 'parent', schoolId: 'binder' });
    // Act
    const bound = await parent.call('POST', '/api/me/schools', { schoolId: 'jn-jingbalu-ps' });
    const twice = await parent.call('POST', '/api/me/schools', { schoolId: 'jn-jingbalu-ps' });
    const unknown = await parent.call('POST', '/api/me/schools', { schoolId: 'no-such-school' });
    const unbound = await parent.call('DELETE', '/api/me/schools/jn-jingbalu-ps');
    const notBound = await parent.call('DELETE', '/api/me/schools/jn-jingbalu-ps');
    // Assess
    expect(bound.body.schools).toEqual([
      { schoolId: 'jn-jingbalu-ps', name: '济南市经八路小学', districtId: 'jinan-shizhong', boundAt: expect.any(String) },
    ]);
    expect(twice.body.schools).toHaveLength(1);
    expect(unknown.status).toBe(404);
    expect(unbound.body.schools).toEqual([]);
    expect(notBound.status).toBe(404);
  });

  it('ends the session on logout', async () => {
    const user = new TestClient(core.app);
    await user.devLogin('parent');
    expect((await user.call('POST', '/api/auth/logout')).status).toBe(200);
    expect((await user.call('GET', '/api/me')).body.error.code).toBe('INVALID_SESSION');
  });

  it('deletes everything tied to me, says what, and frees my teacher record', async () => {
    // Prepare: a teacher who also bound a school and holds two sessions.
    const teacher = new TestClient(core.app);
    const session = await teacher.devLogin('teacher');
    const otherDevice = new TestClient(core.app);
    await otherDevice.devLogin('teacher');
    await teacher.call('POST', '/api/me/schools', { schoolId: 'jn-jingwei-ps' });
    const teacherId = session.me.teacher!.teacherId;
    // Act
    const report = await teacher.call('DELETE', '/api/me');
    // Assess: nothing else of a teacher's (no news reads); rate buckets are kept (rate-limit.test.ts).
    expect(report.body).toEqual({ deleted: { roles: 1, schools: 1, teacherBindings: 1, sessions: 2, other: 0 } });
    expect((await teacher.call('GET', '/api/me')).status).toBe(401);
    expect((await otherDevice.call('GET', '/api/me')).status).toBe(401);
    expect((await core.infra.staff.getTeacher(teacherId))?.boundUserKey).toBeUndefined();
    const fresh = new TestClient(core.app);
    expect((await fresh.devLogin('teacher')).me.roles.map((r) => r.role)).toEqual(['parent', 'teacher']);
  });
});
