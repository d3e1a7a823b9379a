import { createCore } from '../../../src/core';
import { SurveyService } from '../../../src/features/surveys/survey-service';
import { boundParent } from '../surveys/bound-parent';
import { createSeededTable, type TestTable } from '../../../../tests/support/dynamo';
import { TestClient } from '../../../../tests/support/api-client';
import { satisfactionAnswers, templateSurvey } from '../../../../tests/support/surveys';
import { testConfig } from '../../../../tests/support/test-config';

const RECOGNITION = 'recognition/satisfaction';
type PageSchool = { id: string; questions: Record<string, { suppressed: boolean }> };

/** 社会认可 in a round's report is read from the survey's published snapshot, as the results page shows it. */
describe('evaluation over the published survey results', () => {
  let table: TestTable;
  let core: ReturnType<typeof createCore>;
  let admin: TestClient;
  let surveys: SurveyService;
  let next = 0;

  beforeAll(async () => {
    table = await createSeededTable('evalpub');
    core = createCore(testConfig(table.tableName, 'local', { AUTH_DEV_LOGIN: '1', RATE_WRITES_CAPACITY: '100000' }));
    admin = new TestClient(core.app);
    await admin.devLogin('district_admin');
    surveys = new SurveyService(core.infra);
  });
  afterAll(() => table.drop());

  async function surveyAndRound(name: string) {
    const surveyId = (await surveys.create(templateSurvey({ districtId: 'jinan-shizhong', groupIds: ['jn-jingwu'] }), 'test', { minN: 5 }))
      .id;
    const round = await admin.call('POST', '/api/admin/rounds', {
      districtId: 'jinan-shizhong',
      name,
      templateId: 'jinan-shizhong',
      surveyIds: [surveyId],
    });
    expect(round.status).toBe(201);
    return { surveyId, roundId: round.body.id as string };
  }
  const answer = async (surveyId: string, schoolId: string, values: number[]) => {
    for (const v of values)
      await surveys.submit(await boundParent(core, `ep-${next++}`, schoolId), surveyId, { schoolId, answers: satisfactionAnswers(v) });
  };
  const reportSchool = async (roundId: string, schoolId: string) =>
    (await admin.call('GET', `/api/admin/rounds/${roundId}/report`)).body.schools.find((s: { id: string }) => s.id === schoolId);
  const resultsSchool = async (surveyId: string, schoolId: string) =>
    (await admin.call('GET', `/api/admin/surveys/${surveyId}/results`)).body.units.find(
      (u: { level: string; id: string }) => u.level === 'school' && u.id === schoolId,
    );

  it('keeps 社会认可 at the snapshot until minN new answers move it, as the results page does', async () => {
    // Prepare: five 满意 at 经五路 (and five at 经八路, so neither is the group's total) make the first snapshot.
    const { surveyId, roundId } = await surveyAndRound('快照轮次');
    await answer(surveyId, 'jn-jingwulu-ps', [4, 4, 4, 4, 4]);
    await answer(surveyId, 'jn-jingbalu-ps', [4, 4, 4, 4, 4]);
    const firstPage = await resultsSchool(surveyId, 'jn-jingwulu-ps');
    const first = await reportSchool(roundId, 'jn-jingwulu-ps');

    // Act: three 不满意 (fewer than minN new), then two more.
    await answer(surveyId, 'jn-jingwulu-ps', [1, 1, 1]);
    const afterThree = await reportSchool(roundId, 'jn-jingwulu-ps');
    const pageAfterThree = await resultsSchool(surveyId, 'jn-jingwulu-ps');
    await answer(surveyId, 'jn-jingwulu-ps', [1, 1]);
    const afterFive = await reportSchool(roundId, 'jn-jingwulu-ps');

    // Assess: the live counters (5 of 8 = 62.5) are never used; the next snapshot (5 of 10) is.
    expect(firstPage.responses.n).toBe(5);
    expect(first.indicators[RECOGNITION].score).toBe(100);
    expect(afterThree.indicators[RECOGNITION].score).toBe(100);
    expect(pageAfterThree.responses.n).toBe(5);
    expect(afterFive.indicators[RECOGNITION].score).toBe(50);
  });

  it('gives no 社会认可 to a school whose cells the results page hides, and one to every school it shows', async () => {
    // Prepare: 经纬 has two answers (样本不足); 经五路 and 经八路 have enough.
    const { surveyId, roundId } = await surveyAndRound('隐藏轮次');
    await answer(surveyId, 'jn-jingwulu-ps', [4, 4, 4, 4, 4, 4]);
    await answer(surveyId, 'jn-jingbalu-ps', [4, 4, 4, 3, 1]);
    await answer(surveyId, 'jn-jingwei-ps', [4, 1]);

    // Act
    const page = (await admin.call('GET', `/api/admin/surveys/${surveyId}/results`)).body;
    const report = (await admin.call('GET', `/api/admin/rounds/${roundId}/report`)).body;

    // Assess: shown on the page ⇔ scored in the report, school by school.
    const schools: PageSchool[] = page.units.filter((u: { level: string }) => u.level === 'school');
    const shownOnPage = (u: PageSchool) => !u.questions.q1.suppressed;
    const scored = (id: string) => report.schools.find((s: { id: string }) => s.id === id).indicators[RECOGNITION].score !== null;
    expect(schools.map((u) => [u.id, scored(u.id)])).toEqual(schools.map((u) => [u.id, shownOnPage(u)]));
    expect(schools.find((u) => u.id === 'jn-jingwei-ps')!.questions.q1.suppressed).toBe(true);
    expect(schools.some(shownOnPage)).toBe(true);
  });
});
