import { nextTerm, termOf, type AdminSchool, type DistrictCatalog } from '../../../../shared';
import { createCore } from '../../../src/core';
import { createLogger } from '../../../src/log/logger';
import { TestClient } from '../../../../tests/support/api-client';
import { createSeededTable, type TestTable } from '../../../../tests/support/dynamo';
import { satisfactionAnswers, templateSurvey } from '../../../../tests/support/surveys';
import { testConfig } from '../../../../tests/support/test-config';

/** The catalogue admin over HTTP, through the core on DynamoDB Local (issue 14). */
describe('catalogue admin API', () => {
  let table: TestTable;
  let core: ReturnType<typeof createCore>;
  let admin: TestClient;
  let groupAdmin: TestClient;
  const current = termOf(new Date());
  const next = nextTerm(current);

  beforeAll(async () => {
    table = await createSeededTable('catalog-admin');
    core = createCore(testConfig(table.tableName, 'local', { AUTH_DEV_LOGIN: '1', RATE_WRITES_CAPACITY: '100000' }), {
      logger: createLogger(undefined, 'silent'),
    });
    admin = new TestClient(core.app);
    await admin.devLogin('district_admin');
    groupAdmin = new TestClient(core.app);
    await groupAdmin.devLogin('group_admin');
  });
  afterAll(() => table.drop());

  const catalog = async (): Promise<DistrictCatalog> => (await admin.call('GET', '/api/admin/districts/jinan-shizhong/catalog')).body;
  const schoolView = async (id: string) => (await catalog()).schools.find((s) => s.id === id)!;
  /** The PUT body of a school as the admin page would send it back: every field, nulls left out. */
  const bodyOf = (s: AdminSchool, changes: Partial<Record<string, unknown>> = {}) => {
    const { id: _id, districtId: _d, families: _f, campuses: _c, archivedAt: _a, ...fields } = s;
    const present = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null));
    return { ...present, ...changes };
  };
  const createSchool = async (name: string) => {
    const { status, body } = await admin.call('POST', '/api/admin/districts/jinan-shizhong/schools', { name, stage: '小学' });
    expect(status).toBe(201);
    return body.school as AdminSchool;
  };

  it('creates a school with a generated id, and the district catalogue lists it', async () => {
    // Act
    const { status, body } = await admin.call('POST', '/api/admin/districts/jinan-shizhong/schools', {
      name: '市中区阳光小学',
      stage: '小学',
      address: '济南市市中区阳光路 1 号',
      location: { lat: 36.65, lng: 117.0 },
      phone: '0531-86012345',
      students: 800,
    });
    // Assess
    expect(status).toBe(201);
    expect(body.school).toMatchObject({ name: '市中区阳光小学', version: 0, archivedAt: null, families: null, phone: '0531-86012345' });
    expect(body.school.id).toMatch(/^s-[a-z2-7]{10}$/);
    expect(await schoolView(body.school.id)).toEqual(body.school);
  });

  it('edits a school on its version, and answers the new version', async () => {
    // Prepare
    const school = await createSchool('待编辑小学');
    // Act
    const { status, body } = await admin.call(
      'PUT',
      `/api/admin/schools/${school.id}`,
      bodyOf(school, { intro: '一所新学校', aliases: ['编辑小学'] }),
    );
    // Assess
    expect(status).toBe(200);
    expect(body.school).toMatchObject({ intro: '一所新学校', aliases: ['编辑小学'], version: 1 });
    expect(await schoolView(school.id)).toMatchObject({ intro: '一所新学校', version: 1 });
  });

  it('renames a school: its group page, its school page and search show the new name at once', async () => {
    // Prepare
    const school = await schoolView('jn-jingbalu-ps');
    // Act
    const { status } = await admin.call('PUT', '/api/admin/schools/jn-jingbalu-ps', bodyOf(school, { name: '济南市经八路实验小学' }));
    // Assess
    expect(status).toBe(200);
    const group = (await admin.call('GET', '/api/groups/jn-jingwu')).body;
    expect(group.members).toContainEqual(expect.objectContaining({ schoolId: 'jn-jingbalu-ps', name: '济南市经八路实验小学' }));
    expect((await admin.call('GET', '/api/schools/jn-jingbalu-ps')).body.name).toBe('济南市经八路实验小学');
    const found = (await admin.call('GET', `/api/schools?q=${encodeURIComponent('经八路实验')}`)).body;
    expect(found.items.map((s: { id: string }) => s.id)).toEqual(['jn-jingbalu-ps']);
  });

  it('renames a group: its page and every member’s school page show the new name', async () => {
    // Prepare
    const group = (await catalog()).groups.find((g) => g.id === 'jn-shiyan-alliance')!;
    // Act
    const { status, body } = await admin.call('PUT', '/api/admin/groups/jn-shiyan-alliance', {
      name: '实验教育联盟',
      type: group.type,
      leadSchoolId: group.leadSchoolId,
      partners: group.partners,
      version: group.version,
    });
    // Assess
    expect(status).toBe(200);
    expect(body.group).toMatchObject({ name: '实验教育联盟', version: group.version + 1 });
    expect((await admin.call('GET', '/api/groups/jn-shiyan-alliance')).body.name).toBe('实验教育联盟');
    const school = (await admin.call('GET', '/api/schools/jn-no14-ms')).body;
    expect(school.groups).toContainEqual(expect.objectContaining({ id: 'jn-shiyan-alliance', name: '实验教育联盟' }));
  });

  it('lets exactly one of two concurrent edits win; the other gets 409 CONFLICT 请刷新后重试', async () => {
    // Prepare
    const school = await createSchool('并发小学');
    // Act
    const answers = await Promise.all([
      admin.call('PUT', `/api/admin/schools/${school.id}`, bodyOf(school, { phone: '0531-11111111' })),
      admin.call('PUT', `/api/admin/schools/${school.id}`, bodyOf(school, { phone: '0531-22222222' })),
    ]);
    // Assess
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([200, 409]);
    const lost = answers.find((a) => a.status === 409)!;
    expect(lost.body.error).toMatchObject({ code: 'CONFLICT', message: '请刷新后重试' });
    const won = answers.find((a) => a.status === 200)!;
    expect(await schoolView(school.id)).toMatchObject({ phone: won.body.school.phone, version: 1 });
  });

  it('refuses a group type that is neither built in nor the district’s own, on the type field', async () => {
    // Act
    const { status, body } = await admin.call('POST', '/api/admin/districts/jinan-shizhong/groups', {
      name: '类型不明集团',
      type: '未知型',
      leadSchoolId: null,
      fromTerm: next,
    });
    // Assess
    expect(status).toBe(400);
    expect(body.error.details).toEqual([expect.objectContaining({ path: 'type' })]);
    expect(body.error.message).toContain('未知型');
  });

  it('accepts the district’s own group type once it is on the list', async () => {
    // Prepare
    const version = (await catalog()).district.version;
    const types = await admin.call('PUT', '/api/admin/districts/jinan-shizhong/group-types', { version, types: ['强弱结对型'] });
    // Act
    const { status, body } = await admin.call('POST', '/api/admin/districts/jinan-shizhong/groups', {
      name: '结对集团',
      type: '强弱结对型',
      leadSchoolId: null,
      fromTerm: next,
    });
    // Assess
    expect(types.body).toMatchObject({ groupTypes: { own: ['强弱结对型'] }, version: version + 1 });
    expect(status).toBe(201);
    expect(body.group).toMatchObject({ name: '结对集团', type: '强弱结对型', leadSchoolId: null, version: 0 });
  });

  it('archives a school, and admins still read it with its archive time', async () => {
    // Prepare
    const school = await createSchool('归档小学');
    // Act
    const { status, body } = await admin.call('POST', `/api/admin/schools/${school.id}/archive`, { version: 0 });
    // Assess
    expect(status).toBe(200);
    expect(body.school.archivedAt).toEqual(expect.any(String));
    expect(await schoolView(school.id)).toMatchObject({ archivedAt: body.school.archivedAt, version: 1 });
  });

  it('refuses to delete a school that has a survey response, saying why, and suggests archiving', async () => {
    // Prepare: a parent answers a district survey for 经五路小学.
    const survey = await admin.call('POST', '/api/admin/surveys', { definition: templateSurvey({ districtId: 'jinan-shizhong' }) });
    const parent = new TestClient(core.app);
    await parent.devLogin('parent');
    await parent.call('POST', '/api/me/schools', { schoolId: 'jn-jingwulu-ps' });
    const answered = await parent.call('POST', `/api/surveys/${survey.body.id}/responses`, {
      schoolId: 'jn-jingwulu-ps',
      answers: satisfactionAnswers(),
    });
    expect(answered.status).toBeLessThan(300);
    const { version } = await schoolView('jn-jingwulu-ps');
    // Act
    const { status, body } = await admin.call('DELETE', `/api/admin/schools/jn-jingwulu-ps?version=${version}`);
    // Assess
    expect(status).toBe(409);
    expect(body.error.code).toBe('IN_USE');
    expect(body.error.message).toContain('有问卷答卷');
    expect(body.error.message).toContain('请改为归档');
    expect(await schoolView('jn-jingwulu-ps')).toMatchObject({ id: 'jn-jingwulu-ps', version });
  });

  it('deletes a school nothing names', async () => {
    // Prepare
    const school = await createSchool('误建小学');
    // Act
    const { status, body } = await admin.call('DELETE', `/api/admin/schools/${school.id}?version=0`);
    // Assess
    expect(status).toBe(200);
    expect(body).toEqual({ ok: true });
    expect((await catalog()).schools.map((s) => s.id)).not.toContain(school.id);
    expect((await admin.call('GET', `/api/schools/${school.id}`)).status).toBe(404);
  });

  it('moves a school from next term: this term’s group page keeps it, the all-period view shows both periods', async () => {
    // Prepare
    const { version } = await schoolView('jn-jingwei-ps');
    // Act
    const { status, body } = await admin.call('POST', '/api/admin/schools/jn-jingwei-ps/moves', {
      version,
      fromTerm: next,
      fromGroupId: 'jn-jingwu',
      toGroupId: 'jn-yuying',
    });
    // Assess
    expect(status).toBe(200);
    expect(body.school.version).toBe(version + 1);
    const periods = (await catalog()).memberships.filter((m) => m.schoolId === 'jn-jingwei-ps');
    expect(periods.map((m) => [m.groupId, m.fromTerm, m.untilTerm])).toEqual([
      ['jn-jingwu', null, next],
      ['jn-yuying', next, null],
    ]);
    expect(body.memberships).toEqual(periods);
    const jingwu = (await admin.call('GET', '/api/groups/jn-jingwu')).body;
    expect(jingwu.members.map((m: { schoolId: string }) => m.schoolId)).toContain('jn-jingwei-ps');
  });

  it('refuses a move dated in a past term with the plan’s own code and words', async () => {
    // Prepare
    const { version } = await schoolView('jn-yuying-ms');
    // Act
    const { status, body } = await admin.call('POST', '/api/admin/schools/jn-yuying-ms/moves', {
      version,
      fromTerm: '2020-1',
      fromGroupId: 'jn-yuying',
      toGroupId: null,
    });
    // Assess
    expect(status).toBe(409);
    expect(body.error.code).toBe('TERM_IN_PAST');
    expect(body.error.message).toContain('本学期或以后');
  });

  it('refuses to move the lead school out of its group, beside 调出集团, and writes nothing', async () => {
    // Prepare: 经五路小学 leads 经五教育集团 (seed 001)
    const before = await schoolView('jn-jingwulu-ps');
    // Act
    const { status, body } = await admin.call('POST', '/api/admin/schools/jn-jingwulu-ps/moves', {
      version: before.version,
      fromTerm: next,
      fromGroupId: 'jn-jingwu',
      toGroupId: 'jn-yuying',
    });
    // Assess
    expect(status).toBe(400);
    expect(body.error.details).toEqual([{ path: 'fromGroupId', message: expect.stringContaining('请先在集团信息中更换牵头学校') }]);
    expect(body.error.message).toBe(body.error.details[0].message);
    expect((await schoolView('jn-jingwulu-ps')).version).toBe(before.version);
    const periods = (await catalog()).memberships.filter((m) => m.schoolId === 'jn-jingwulu-ps');
    expect(periods.map((m) => [m.groupId, m.untilTerm])).toEqual([['jn-jingwu', null]]);
  });

  it('lets a group admin read their own group’s catalogue, and nothing else', async () => {
    // Act
    const own = await groupAdmin.call('GET', '/api/admin/groups/jn-jingwu/catalog');
    const other = await groupAdmin.call('GET', '/api/admin/groups/jn-yuying/catalog');
    const district = await groupAdmin.call('GET', '/api/admin/districts/jinan-shizhong/catalog');
    // Assess
    expect(own.status).toBe(200);
    expect(own.body.group).toMatchObject({ id: 'jn-jingwu', name: '经五教育集团' });
    expect(own.body.schools.map((s: { id: string }) => s.id)).toEqual(expect.arrayContaining(['jn-jingwulu-ps', 'jn-jingbalu-ps']));
    expect([other.status, district.status]).toEqual([403, 403]);
  });

  it('refuses every write to a group admin, even in their own group', async () => {
    // Prepare
    const writes: Array<[string, string, unknown]> = [
      ['PUT', '/api/admin/districts/jinan-shizhong/group-types', { version: 0, types: [] }],
      ['POST', '/api/admin/districts/jinan-shizhong/schools', { name: '越权小学', stage: '小学' }],
      ['PUT', '/api/admin/schools/jn-jingbalu-ps', { name: '越权', stage: '小学', version: 0 }],
      ['PUT', '/api/admin/schools/jn-jingbalu-ps/campuses', { version: 0, campuses: [] }],
      ['POST', '/api/admin/schools/jn-jingbalu-ps/archive', { version: 0 }],
      ['DELETE', '/api/admin/schools/jn-jingbalu-ps?version=0', undefined],
      ['POST', '/api/admin/schools/jn-jingbalu-ps/moves', { version: 0, fromTerm: next, fromGroupId: 'jn-jingwu', toGroupId: null }],
      ['POST', '/api/admin/districts/jinan-shizhong/groups', { name: '越权集团', type: '联盟型', leadSchoolId: null, fromTerm: next }],
      ['PUT', '/api/admin/groups/jn-jingwu', { name: '越权', type: '1+X', leadSchoolId: null, version: 0 }],
      ['POST', '/api/admin/groups/jn-jingwu/archive', { version: 0 }],
      ['DELETE', '/api/admin/groups/jn-jingwu?version=0', undefined],
    ];
    // Act
    const statuses = await Promise.all(writes.map(([method, path, body]) => groupAdmin.call(method, path, body).then((a) => a.status)));
    // Assess
    expect(statuses).toEqual(writes.map(() => 403));
  });

  it('refuses ids of another district in a body', async () => {
    // Prepare
    const { version } = await schoolView('jn-shiyan-jhs');
    // Act
    const group = await admin.call('POST', '/api/admin/districts/jinan-shizhong/groups', {
      name: '跨区集团',
      type: '联盟型',
      leadSchoolId: 'qd-binhai',
      fromTerm: next,
      members: [{ schoolId: 'qd-binhai', role: 'lead' }],
    });
    const move = await admin.call('POST', '/api/admin/schools/jn-shiyan-jhs/moves', {
      version,
      fromTerm: next,
      fromGroupId: null,
      toGroupId: 'qd-qingda-binhai',
    });
    // Assess
    expect([group.status, move.status]).toEqual([403, 403]);
    expect([group.body.error.code, move.body.error.code]).toEqual(['FORBIDDEN_REFERENCE', 'FORBIDDEN_REFERENCE']);
  });

  it('creates a group with its lead school as a member from a term, and refuses a lead that is not one', async () => {
    // Prepare
    const school = await createSchool('新集团牵头小学');
    // Act
    const refused = await admin.call('POST', '/api/admin/districts/jinan-shizhong/groups', {
      name: '新集团',
      type: '创优型',
      leadSchoolId: school.id,
      fromTerm: next,
      members: [{ schoolId: school.id, role: 'member' }],
    });
    const created = await admin.call('POST', '/api/admin/districts/jinan-shizhong/groups', {
      name: '新集团',
      type: '创优型',
      leadSchoolId: school.id,
      fromTerm: next,
      members: [{ schoolId: school.id, role: 'lead' }],
    });
    // Assess
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toEqual([expect.objectContaining({ path: 'leadSchoolId' })]);
    expect(created.status).toBe(201);
    const page = (await admin.call('GET', `/api/admin/groups/${created.body.group.id}/catalog`)).body;
    expect(page.memberships).toEqual([expect.objectContaining({ schoolId: school.id, role: 'lead', fromTerm: next, untilTerm: null })]);
  });
});
