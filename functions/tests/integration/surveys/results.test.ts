import ExcelJS from 'exceljs';
import { createCore } from '../../../src/core';
import { RequestUser } from '../../../src/features/identity/request-user';
import { SurveyService } from '../../../src/features/surveys/survey-service';
import { createSeededTable, type TestTable } from '../../../../tests/support/dynamo';
import { satisfactionAnswers, templateSurvey } from '../../../../tests/support/surveys';
import { TestClient } from '../../../../tests/support/api-client';
import { testConfig } from '../../../../tests/support/test-config';

/** Results for admins: small cells show 样本不足 (with complementary suppression) until minN. */
describe('survey results', () => {
  let table: TestTable;
  let core: ReturnType<typeof createCore>;
  let surveys: SurveyService;
  let admin: TestClient;
  let surveyId: string;
  let next = 0;

  beforeAll(async () => {
    table = await createSeededTable('results');
    core = createCore(testConfig(table.tableName, 'local', { AUTH_DEV_LOGIN: '1' }));
    surveys = new SurveyService(core.infra);
    admin = new TestClient(core.app);
    await admin.devLogin('district_admin');
    const created = await admin.call('POST', '/api/admin/surveys', {
      definition: templateSurvey({ districtId: 'jinan-shizhong', groupIds: ['jn-jingwu'] }),
      minN: 5,
    });
    expect(created.status).toBe(201);
    surveyId = created.body.id;
  });
  afterAll(() => table.drop());

  const answer = async (schoolId: string, count: number, value = 4) => {
    for (let i = 0; i < count; i++)
      await surveys.submit(new RequestUser(`r-${next++}`, null, core.infra.users), surveyId, {
        schoolId,
        answers: satisfactionAnswers(value),
      });
  };
  const results = async () => (await admin.call('GET', `/api/admin/surveys/${surveyId}/results`)).body;
  const unit = (body: any, id: string) => body.units.find((u: { id: string }) => u.id === id);

  it('shows 样本不足 everywhere before anyone answered', async () => {
    const body = await results();
    expect(body.minN).toBe(5);
    expect(body.units.map((u: { level: string; id: string }) => `${u.level}:${u.id}`)).toEqual([
      'district:jinan-shizhong',
      'group:jn-jingwu',
      'school:jn-jingbalu-ps',
      'school:jn-jingwei-ps',
      'school:jn-jingwulu-ps',
    ]);
    expect(body.units.every((u: any) => u.responses.suppressed && u.questions.q1.suppressed)).toBe(true);
  });

  it('hides a small school and, complementarily, a second one, while showing the group', async () => {
    // Prepare: 经五路 5, 经八路 5, 经纬 2 (minN 5).
    await answer('jn-jingwulu-ps', 5);
    await answer('jn-jingbalu-ps', 5, 3);
    await answer('jn-jingwei-ps', 2, 1);
    // Act
    const body = await results();
    // Assess: 经纬 is small; 经八路 (tied smallest shown, first by id) is hidden so 12 − 5 cannot reveal 经纬.
    expect(unit(body, 'jn-jingwu').responses).toMatchObject({ suppressed: false, n: 12 });
    expect(unit(body, 'jn-jingwei-ps').responses).toEqual({ suppressed: true, label: '样本不足' });
    expect(unit(body, 'jn-jingbalu-ps').responses).toEqual({ suppressed: true, label: '样本不足' });
    expect(unit(body, 'jn-jingwulu-ps').questions.q1).toMatchObject({
      suppressed: false,
      type: 'likert',
      n: 5,
      index: { index: 100 },
      satisfaction: { rate: 1 },
      meetsThreshold: true,
    });
    // Group q1: 5 × 满意(4), 5 × 比较满意(3), 2 × 不满意(1) → mean (20 + 15 + 2) / 12 = 3.0833 → index 69.44; satisfied 10/12.
    const q1 = unit(body, 'jn-jingwu').questions.q1;
    expect(q1.index.index).toBeCloseTo(69.444, 2);
    expect(q1.satisfaction.rate).toBeCloseTo(10 / 12, 10);
    expect(q1.meetsThreshold).toBe(false);
    expect(JSON.stringify(unit(body, 'jn-jingwei-ps'))).not.toMatch(/"n":2/);
  });

  it('shows every school once each reaches minN, with response rates from enrolment', async () => {
    // Prepare
    await answer('jn-jingwei-ps', 3, 1);
    const enrolled = await admin.call('PUT', '/api/admin/schools/jn-jingwulu-ps/enrollment', { families: 10 });
    // Act
    const body = await results();
    // Assess
    expect(enrolled.status).toBe(200);
    expect(['jn-jingbalu-ps', 'jn-jingwei-ps', 'jn-jingwulu-ps'].map((id) => unit(body, id).responses.n)).toEqual([5, 5, 5]);
    expect(unit(body, 'jn-jingwulu-ps').responses.rate).toEqual({ responses: 5, enrolledFamilies: 10, rate: 0.5, low: true });
    expect(unit(body, 'jn-jingwei-ps').responses.straightLinedShare).toBe(1);
    expect(unit(body, 'jn-jingwu').responses.rate.rate).toBeNull();
  });

  it("lists the district's surveys (AP25) and keeps results from a group admin of another group", async () => {
    expect((await core.infra.surveys.listSurveysOfDistrict('jinan-shizhong')).map((s) => s.id)).toContain(surveyId);
    const other = new TestClient(core.app);
    await other.devLogin({ role: 'group_admin', groupIds: ['jn-weier'] });
    expect((await other.call('GET', `/api/admin/surveys/${surveyId}/results`)).status).toBe(403);
  });

  it('exports XLSX: the summary with 样本不足, and responses without identifiers for shown schools only', async () => {
    // Prepare: a fresh survey where 经纬 stays small (2) and the others reach minN.
    const created = await admin.call('POST', '/api/admin/surveys', {
      definition: templateSurvey({ districtId: 'jinan-shizhong', groupIds: ['jn-jingwu'] }),
      minN: 5,
    });
    surveyId = created.body.id;
    await answer('jn-jingwulu-ps', 6);
    await answer('jn-jingbalu-ps', 7);
    await answer('jn-jingwei-ps', 2);
    // Act
    const res = await core.app.request(`/api/admin/surveys/${surveyId}/export`, { headers: { authorization: `Bearer ${admin.token}` } });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    // Assess
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const summary = book
      .getWorksheet('汇总')!
      .getSheetValues()
      .filter(Boolean)
      .map((row) => (row as unknown[]).slice(1, 4));
    expect(summary).toContainEqual(['集团', '经五教育集团', 15]);
    expect(summary).toContainEqual(['学校', '济南市经纬小学', '样本不足']);
    const rows = book.getWorksheet('答卷')!.getSheetValues().filter(Boolean).slice(1) as unknown[][];
    const schools = rows.map((r) => r[1]);
    expect(schools.filter((s) => s === 'jn-jingwei-ps')).toHaveLength(0);
    // 经纬 (2) is small, so 经五路 (6) is hidden with it: only 经八路's 7 responses may leave.
    expect(schools).toEqual(Array(7).fill('jn-jingbalu-ps'));
    expect(JSON.stringify(rows)).not.toMatch(/r-\d+|user|openid/);
  });
});
