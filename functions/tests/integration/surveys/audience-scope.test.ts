import type { SurveyDefinition } from '../../../../shared';
import { createCore } from '../../../src/core';
import { createSeededTable, type TestTable } from '../../../../tests/support/dynamo';
import { templateSurvey } from '../../../../tests/support/surveys';
import { TestClient } from '../../../../tests/support/api-client';
import { testConfig } from '../../../../tests/support/test-config';

type Audience = Partial<SurveyDefinition['audience']> & { districtId: string };

/**
 * Issue 12: every district, group and school an audience names lies in the caller's scope
 * (403 FORBIDDEN_REFERENCE) and inside each other (400 AUDIENCE_MISMATCH); nothing is stored otherwise.
 */
describe('the places a survey audience names', () => {
  let table: TestTable;
  let core: ReturnType<typeof createCore>;
  let jingwuAdmin: TestClient;
  let districtAdmin: TestClient;
  /** A group admin of 经五 (济南) and of the 青大·滨海 pair (青岛): both districts' schools are in scope. */
  let twoCityAdmin: TestClient;

  beforeAll(async () => {
    table = await createSeededTable('audscope');
    core = createCore(testConfig(table.tableName, 'local', { AUTH_DEV_LOGIN: '1', RATE_WRITES_CAPACITY: '100000' }));
    jingwuAdmin = new TestClient(core.app);
    await jingwuAdmin.devLogin({ role: 'group_admin', groupIds: ['jn-jingwu'] });
    districtAdmin = new TestClient(core.app);
    await districtAdmin.devLogin({ role: 'district_admin', districtId: 'jinan-shizhong' });
    twoCityAdmin = new TestClient(core.app);
    await twoCityAdmin.devLogin({ role: 'group_admin', groupIds: ['jn-jingwu', 'qd-qingda-binhai'] });
  });
  afterAll(() => table.drop());

  const create = (admin: TestClient, audience: Audience) =>
    admin.call('POST', '/api/admin/surveys', { definition: templateSurvey(audience) });
  const storedIn = async (districtId: string) => (await core.infra.surveys.listSurveysOfDistrict(districtId)).length;
  const refused = (status: number, code: string, path: string) => ({
    status,
    body: { error: { code, details: [expect.objectContaining({ path })] } },
  });

  it('refuses a 经五 admin a survey naming a school of another group, which its parents would then see', async () => {
    // Prepare
    const parent = new TestClient(core.app);
    await parent.devLogin({ role: 'parent', schoolId: 'weierlu-parent' });
    await parent.call('POST', '/api/me/schools', { schoolId: 'jn-weierlu-ps' });
    const before = await storedIn('jinan-shizhong');
    // Act
    const answer = await create(jingwuAdmin, { districtId: 'jinan-shizhong', groupIds: ['jn-jingwu'], schoolIds: ['jn-weierlu-ps'] });
    // Assess
    expect(answer).toMatchObject(refused(403, 'FORBIDDEN_REFERENCE', 'definition.audience.schoolIds.0'));
    expect(await storedIn('jinan-shizhong')).toBe(before);
    expect((await parent.call('GET', '/api/me/surveys')).body).toEqual({ items: [] });
  });

  it('refuses a 经五 admin a survey in 青岛 naming a 青岛 school', async () => {
    // Act
    const answer = await create(jingwuAdmin, { districtId: 'qingdao-shibei', groupIds: ['jn-jingwu'], schoolIds: ['qd-binhai'] });
    // Assess
    expect(answer).toMatchObject(refused(403, 'FORBIDDEN_REFERENCE', 'definition.audience.schoolIds.0'));
    expect(await storedIn('qingdao-shibei')).toBe(0);
  });

  it('refuses a 经五 survey filed under 青岛: the group is not in that district', async () => {
    // Act
    const answer = await create(jingwuAdmin, { districtId: 'qingdao-shibei', groupIds: ['jn-jingwu'] });
    // Assess
    expect(answer).toMatchObject(refused(400, 'AUDIENCE_MISMATCH', 'definition.audience.groupIds.0'));
    expect(answer.body.error.message).toBe('问卷范围不一致：集团 jn-jingwu 不属于区县 qingdao-shibei（definition.audience.groupIds.0）');
    expect(await storedIn('qingdao-shibei')).toBe(0);
  });

  it("refuses a district admin another district's group or school", async () => {
    // Act
    const group = await create(districtAdmin, { districtId: 'jinan-shizhong', groupIds: ['jn-jingwu', 'qd-qingda-binhai'] });
    const school = await create(districtAdmin, { districtId: 'jinan-shizhong', schoolIds: ['qd-binhai'] });
    const district = await create(districtAdmin, { districtId: 'qingdao-shibei', groupIds: ['jn-jingwu', 'jn-weier'] });
    // Assess
    expect(group).toMatchObject(refused(403, 'FORBIDDEN_REFERENCE', 'definition.audience.groupIds.1'));
    expect(school).toMatchObject(refused(403, 'FORBIDDEN_REFERENCE', 'definition.audience.schoolIds.0'));
    // A district-wide target: the pipeline's own 403 (FORBIDDEN), before any reference.
    expect(district).toMatchObject({ status: 403 });
  });

  it('refuses a school outside the listed groups, even to the admin of the whole district', async () => {
    // Prepare
    const before = await storedIn('jinan-shizhong');
    // Act
    const answer = await create(districtAdmin, { districtId: 'jinan-shizhong', groupIds: ['jn-jingwu'], schoolIds: ['jn-weierlu-ps'] });
    // Assess
    expect(answer).toMatchObject(refused(400, 'AUDIENCE_MISMATCH', 'definition.audience.schoolIds.0'));
    expect(answer.body.error.message).toBe('问卷范围不一致：学校 jn-weierlu-ps 不属于所选集团（definition.audience.schoolIds.0）');
    expect(await storedIn('jinan-shizhong')).toBe(before);
  });

  it('refuses a school of another district, even to an admin whose scope holds it', async () => {
    // Act
    const answer = await create(twoCityAdmin, { districtId: 'jinan-shizhong', groupIds: ['jn-jingwu'], schoolIds: ['qd-binhai'] });
    // Assess
    expect(answer).toMatchObject(refused(400, 'AUDIENCE_MISMATCH', 'definition.audience.schoolIds.0'));
    expect(answer.body.error.message).toBe('问卷范围不一致：学校 qd-binhai 不属于区县 jinan-shizhong（definition.audience.schoolIds.0）');
  });

  it('creates surveys whose places are in scope and inside each other', async () => {
    // Act
    const ownSchool = await create(jingwuAdmin, { districtId: 'jinan-shizhong', groupIds: ['jn-jingwu'], schoolIds: ['jn-jingwei-ps'] });
    const twoGroups = await create(districtAdmin, {
      districtId: 'jinan-shizhong',
      groupIds: ['jn-jingwu', 'jn-weier'],
      schoolIds: ['jn-jingbalu-ps', 'jn-weierlu-ps'],
    });
    const wholeDistrict = await create(districtAdmin, { districtId: 'jinan-shizhong', schoolIds: ['jn-yuying-ms'] });
    // Assess
    expect([ownSchool.status, twoGroups.status, wholeDistrict.status]).toEqual([201, 201, 201]);
  });
});
