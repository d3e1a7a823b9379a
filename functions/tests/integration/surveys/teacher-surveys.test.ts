import { createCore } from '../../../src/core';
import { createSeededTable, type TestTable } from '../../../../tests/support/dynamo';
import { templateSurvey } from '../../../../tests/support/surveys';
import { TestClient } from '../../../../tests/support/api-client';
import { testConfig } from '../../../../tests/support/test-config';

/** Teacher surveys (respondents 教师): built by an admin, listed in a teacher's 我的问卷, answered for their school. */
describe('teacher surveys in 我的问卷', () => {
  let table: TestTable;
  let core: ReturnType<typeof createCore>;

  beforeAll(async () => {
    table = await createSeededTable('teachersurveys');
    core = createCore(testConfig(table.tableName, 'local', { AUTH_DEV_LOGIN: '1', RATE_WRITES_CAPACITY: '100000' }));
  });
  afterAll(() => table.drop());

  it("lists a teacher survey for the teacher's own school, not parent surveys, and takes the teacher's answer", async () => {
    // Prepare
    const admin = new TestClient(core.app);
    await admin.devLogin('group_admin');
    const audience = { districtId: 'jinan-shizhong', groupIds: ['jn-jingwu'] };
    const forTeachers = await admin.call('POST', '/api/admin/surveys', {
      definition: { ...templateSurvey({ ...audience, respondents: ['teacher'] }, {}, 'teacher-group-5'), title: '教师工作满意度' },
    });
    await admin.call('POST', '/api/admin/surveys', { definition: { ...templateSurvey(audience), title: '家长满意度' } });
    const teacher = new TestClient(core.app);
    await teacher.devLogin({ role: 'teacher', schoolId: 'jn-jingbalu-ps' });
    const parent = new TestClient(core.app);
    await parent.devLogin({ role: 'parent', schoolId: 'teacher-surveys-parent' });
    await parent.call('POST', '/api/me/schools', { schoolId: 'jn-jingbalu-ps' });

    // Act
    const teacherList = await teacher.call('GET', '/api/me/surveys');
    const parentList = await parent.call('GET', '/api/me/surveys');
    const answered = await teacher.call('POST', `/api/surveys/${forTeachers.body.id}/responses`, {
      schoolId: 'jn-jingbalu-ps',
      answers: { q1: { likert: 4 }, q2: { likert: 3 }, q3: { likert: 4 }, q4: { likert: 2 }, q5: { text: '希望多组织跨校听课' } },
    });
    const afterwards = await teacher.call('GET', '/api/me/surveys');

    // Assess
    expect(forTeachers.status).toBe(201);
    expect(teacherList.body.items.map((s: { title: string; schoolIds: string[] }) => [s.title, s.schoolIds])).toEqual([
      ['教师工作满意度', ['jn-jingbalu-ps']],
    ]);
    expect(parentList.body.items.map((s: { title: string }) => s.title)).toEqual(['家长满意度']);
    expect(answered.status).toBe(201);
    expect(afterwards.body.items[0]).toMatchObject({ id: forTeachers.body.id, answered: true });
  });
});
