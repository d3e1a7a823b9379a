import { createCore } from '../../../src/core';
import { createSeededTable, type TestTable } from '../../../../tests/support/dynamo';
import { TestClient } from '../../../../tests/support/api-client';
import { testConfig } from '../../../../tests/support/test-config';

/** 在校家庭数: stored per school, read back for many schools at once and listed per district or group. */
describe('school enrolments', () => {
  let table: TestTable;
  let core: ReturnType<typeof createCore>;
  let district: TestClient;
  let group: TestClient;

  beforeAll(async () => {
    table = await createSeededTable('enrollment');
    core = createCore(testConfig(table.tableName, 'local', { AUTH_DEV_LOGIN: '1' }));
    district = new TestClient(core.app);
    group = new TestClient(core.app);
    await district.devLogin('district_admin');
    await group.devLogin('group_admin');
  });
  afterAll(() => table.drop());

  it('AP54 reads the enrolments of more schools than one BatchGetItem takes, leaving out those never entered', async () => {
    // Prepare: 150 schools (two requests), every third one entered
    const ids = Array.from({ length: 150 }, (_, i) => `ap54-school-${i}`);
    for (const [i, id] of ids.entries())
      if (i % 3 === 0) await core.infra.surveys.putEnrollment(id, i + 1, `2026-12-02T00:00:${String(i % 60).padStart(2, '0')}.000Z`);
    // Act
    const found = await core.infra.surveys.enrollmentsOf([...ids, ids[0]]);
    // Assess
    expect(found.size).toBe(50);
    expect(found.get('ap54-school-0')).toEqual({ families: 1, updatedAt: '2026-12-02T00:00:00.000Z' });
    expect(found.get('ap54-school-147')).toEqual({ families: 148, updatedAt: '2026-12-02T00:00:27.000Z' });
    expect(found.has('ap54-school-1')).toBe(false);
  });

  it('AP54 answers an empty map for no schools', async () => {
    // Act
    const found = await core.infra.surveys.enrollmentsOf([]);
    // Assess
    expect(found.size).toBe(0);
  });

  it('lists the district schools by Chinese name, with what was entered and when', async () => {
    // Prepare
    const put = await district.call('PUT', '/api/admin/schools/jn-jingwulu-ps/enrollment', { families: 600 });
    // Act
    const { status, body } = await district.call('GET', '/api/admin/districts/jinan-shizhong/enrollments');
    // Assess
    expect(put.status).toBe(200);
    expect(put.body).toEqual({ schoolId: 'jn-jingwulu-ps', families: 600, updatedAt: expect.any(String) });
    expect(status).toBe(200);
    const names = body.items.map((i: { name: string }) => i.name);
    expect(names).toEqual([...names].sort((a: string, b: string) => a.localeCompare(b, 'zh-CN')));
    expect(body.items.find((i: { schoolId: string }) => i.schoolId === 'jn-jingwulu-ps')).toEqual({
      schoolId: 'jn-jingwulu-ps',
      name: '济南市经五路小学',
      families: 600,
      updatedAt: put.body.updatedAt,
    });
    expect(body.items.find((i: { schoolId: string }) => i.schoolId === 'jn-yuying-ms')).toMatchObject({ families: null, updatedAt: null });
  });

  it('lists a group admin the schools of their group only', async () => {
    // Act
    const { status, body } = await group.call('GET', '/api/admin/groups/jn-jingwu/enrollments');
    const other = await group.call('GET', '/api/admin/groups/jn-yuying/enrollments');
    // Assess
    expect(status).toBe(200);
    expect(body.items.map((i: { schoolId: string }) => i.schoolId).sort()).toEqual(['jn-jingbalu-ps', 'jn-jingwei-ps', 'jn-jingwulu-ps']);
    expect(other.status).toBe(403);
  });

  it.each([-1, 200_000, 2.5, '600', null])('refuses %p families with the field named in Chinese', async (families) => {
    // Act
    const { status, body } = await district.call('PUT', '/api/admin/schools/jn-jingwei-ps/enrollment', { families });
    // Assess
    expect(status).toBe(400);
    expect(body.error.message).toBe('在校家庭数须为 0 到 100000 的整数');
    expect(body.error.details).toEqual([{ path: 'families', message: '在校家庭数须为 0 到 100000 的整数' }]);
  });
});
