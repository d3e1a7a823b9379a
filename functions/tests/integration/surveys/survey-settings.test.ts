import { createCore } from '../../../src/core';
import { boundParent } from './bound-parent';
import { SurveyService } from '../../../src/features/surveys/survey-service';
import { createSeededTable, type TestTable } from '../../../../tests/support/dynamo';
import { satisfactionAnswers, templateSurvey } from '../../../../tests/support/surveys';
import { TestClient } from '../../../../tests/support/api-client';
import { testConfig } from '../../../../tests/support/test-config';

const JINGWU = ['jn-jingwulu-ps', 'jn-jingwei-ps', 'jn-jingbalu-ps'];
const SETTINGS = '/api/admin/districts/jinan-shizhong/survey-settings';

/** Which options count as 认可 is the district's setting: new surveys take it, made surveys keep theirs. */
describe('a district survey settings', () => {
  let table: TestTable;
  let core: ReturnType<typeof createCore>;
  let admin: TestClient;
  let next = 0;

  beforeAll(async () => {
    table = await createSeededTable('survey-settings');
    core = createCore(testConfig(table.tableName, 'local', { AUTH_DEV_LOGIN: '1' }));
    admin = new TestClient(core.app);
    await admin.devLogin('district_admin');
  });
  afterAll(() => table.drop());

  const makeSurvey = async () => {
    const created = await admin.call('POST', '/api/admin/surveys', {
      definition: templateSurvey({ districtId: 'jinan-shizhong', groupIds: ['jn-jingwu'] }),
      minN: 5,
    });
    expect(created.status).toBe(201);
    return created.body.id as string;
  };
  /** Five parents per 经五 school, each answering every question with `value` (2 = 基本满意 of four). */
  const answerAll = async (surveyIds: string[], value: number) => {
    const surveys = new SurveyService(core.infra);
    for (const schoolId of JINGWU)
      for (let i = 0; i < 5; i++) {
        const parent = await boundParent(core, `settings-${next++}`, schoolId);
        for (const id of surveyIds) await surveys.submit(parent, id, { schoolId, answers: satisfactionAnswers(value) });
      }
  };
  const groupResults = async (surveyId: string) => {
    const body = (await admin.call('GET', `/api/admin/surveys/${surveyId}/results`)).body;
    return { recognition: body.recognition, q1: body.units.find((u: { id: string }) => u.id === 'jn-jingwu').questions.q1 };
  };

  it('AP53 reads nothing for a district that never chose, then what was stored', async () => {
    // Act
    const before = await core.infra.surveys.getSettings('qingdao-shibei');
    await core.infra.surveys.putSettings({
      kind: 'survey-settings',
      districtId: 'qingdao-shibei',
      recognition: 'as-authored',
      updatedAt: '2026-12-02T00:00:00.000Z',
      updatedBy: 'someone',
    });
    const after = await core.infra.surveys.getSettings('qingdao-shibei');
    // Assess
    expect(before).toBeNull();
    expect(after).toEqual({
      kind: 'survey-settings',
      districtId: 'qingdao-shibei',
      recognition: 'as-authored',
      updatedAt: '2026-12-02T00:00:00.000Z',
      updatedBy: 'someone',
    });
  });

  it('reads the cited default until a district admin chooses', async () => {
    // Act
    const answer = await admin.call('GET', SETTINGS);
    // Assess
    expect(answer).toMatchObject({ status: 200, body: { recognition: 'strict-top-two', updatedAt: null, updatedBy: null } });
  });

  it('gives new surveys the chosen definition and leaves a survey already made as it was', async () => {
    // Prepare: one survey under the default, then the district turns to the lenient reading.
    const before = await makeSurvey();
    const put = await admin.call('PUT', SETTINGS, { recognition: 'lenient-top-three' });
    const after = await makeSurvey();
    // Act: fifteen parents answer 基本满意 to both.
    await answerAll([before, after], 2);
    const [old, current] = await Promise.all([groupResults(before), groupResults(after)]);
    const read = await admin.call('GET', SETTINGS);
    // Assess: 基本满意 is 认可 only on the survey made after the change.
    expect(put.status).toBe(200);
    expect(read.body).toMatchObject({ recognition: 'lenient-top-three', updatedBy: expect.any(String) });
    expect(Date.parse(read.body.updatedAt)).not.toBeNaN();
    expect(old.recognition).toMatchObject({ definition: 'strict-top-two' });
    expect(old.q1.satisfaction).toMatchObject({ rate: 0 });
    expect(current.recognition).toMatchObject({ definition: 'lenient-top-three', label: expect.stringContaining('基本满意') });
    expect(current.recognition.source).toContain('区县设置');
    expect(current.q1.satisfaction).toMatchObject({ rate: 1 });
  });

  it('refuses an unknown definition with the field named, and keeps the stored one', async () => {
    // Act
    const answer = await admin.call('PUT', SETTINGS, { recognition: 'top-four' });
    const read = await admin.call('GET', SETTINGS);
    // Assess
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body.error)).toContain('请选择认可口径');
    expect(JSON.stringify(answer.body.error)).toContain('recognition');
    expect(read.body.recognition).toBe('lenient-top-three');
  });

  it('is the district admins’ alone: a group admin and another district’s admin are refused', async () => {
    // Prepare
    const group = new TestClient(core.app);
    await group.devLogin('group_admin');
    const qingdao = new TestClient(core.app);
    await qingdao.devLogin({ role: 'district_admin', districtId: 'qingdao-shibei' });
    // Act
    const answers = await Promise.all([
      group.call('GET', SETTINGS),
      group.call('PUT', SETTINGS, { recognition: 'strict-top-two' }),
      qingdao.call('PUT', SETTINGS, { recognition: 'strict-top-two' }),
      admin.call('GET', '/api/admin/districts/no-such-district/survey-settings'),
    ]);
    const read = await admin.call('GET', SETTINGS);
    // Assess
    expect(answers.map((a) => a.status)).toEqual([403, 403, 403, 404]);
    expect(read.body.recognition).toBe('lenient-top-three');
  });
});
