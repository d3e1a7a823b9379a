import ExcelJS from 'exceljs';
import { createCore } from '../../../src/core';
import { boundParent } from './bound-parent';
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

  const answer = async (schoolId: string, count: number, value = 4, text?: string) => {
    for (let i = 0; i < count; i++)
      await surveys.submit(await boundParent(core, `r-${next++}`, schoolId), surveyId, {
        schoolId,
        answers: { ...satisfactionAnswers(value), ...(text ? { q7: { text: `${text}${i + 1}` } } : {}) },
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

  it('publishes a school only once it has minN responses, and names the snapshot shown', async () => {
    // Prepare: 经五路 5, 经八路 5, 经纬 2 (minN 5).
    await answer('jn-jingwulu-ps', 5);
    await answer('jn-jingbalu-ps', 5, 3);
    await answer('jn-jingwei-ps', 2, 1);
    // Act
    const body = await results();
    // Assess: 经纬's 2 answers wait for 3 more; the snapshot holds 10, and the audit passed with nothing determined.
    expect(body.snapshot).toMatchObject({ version: 1, responses: 10 });
    expect(Date.parse(body.snapshot.takenAt)).not.toBeNaN();
    expect(body.audit).toMatchObject({ passed: true, determined: 0 });
    expect(unit(body, 'jn-jingwu').responses).toMatchObject({ suppressed: false, n: 10 });
    expect(unit(body, 'jn-jingwei-ps').responses).toEqual({ suppressed: true, label: '样本不足' });
    expect(JSON.stringify(body)).not.toMatch(/"n":2\b/);
    // Group q1: 5 × 满意(4), 5 × 比较满意(3) → index (5·3 + 5·2) / (10·3) = 83.33; strict 认可 (满意 + 比较满意) 10/10.
    const q1 = unit(body, 'jn-jingwu').questions.q1;
    expect(q1.index.index).toBeCloseTo(83.333, 2);
    expect(q1.satisfaction.rate).toBe(1);
    expect(body.recognition).toMatchObject({ definition: 'strict-top-two' });
    expect(body.recognition.source).toContain('教督〔2017〕6号');
  });

  it('shows every school once each reaches minN, with valid return rates and their coverage', async () => {
    // Prepare: 经纬 reaches 5 (3 more), 经五路 has 10 families.
    await answer('jn-jingwei-ps', 3, 1);
    const enrolled = await admin.call('PUT', '/api/admin/schools/jn-jingwulu-ps/enrollment', { families: 10 });
    // Act
    const body = await results();
    // Assess
    expect(enrolled.status).toBe(200);
    expect(body.snapshot.version).toBe(2);
    expect(['jn-jingbalu-ps', 'jn-jingwei-ps', 'jn-jingwulu-ps'].map((id) => unit(body, id).responses.n)).toEqual([5, 5, 5]);
    expect(unit(body, 'jn-jingwulu-ps').responses.rate).toEqual({
      status: 'ok',
      valid: 5,
      enrolledFamilies: 10,
      rate: 0.5,
      low: true,
      label: null,
      coverage: { coveredSchools: 1, schools: 1 },
    });
    expect(unit(body, 'jn-jingwei-ps').responses.straightLinedShare).toBe(1);
    // The group's rate is over the one school with an enrolment, and says so.
    expect(unit(body, 'jn-jingwu').responses.rate).toMatchObject({ rate: 0.5, coverage: { coveredSchools: 1, schools: 3 } });
  });

  it('shows 在校家庭数有误 instead of a rate above 100 %', async () => {
    // Prepare: 经八路 has 5 valid returns but only 4 families entered.
    await admin.call('PUT', '/api/admin/schools/jn-jingbalu-ps/enrollment', { families: 4 });
    // Act
    const body = await results();
    // Assess
    expect(unit(body, 'jn-jingbalu-ps').responses.rate).toMatchObject({ status: 'enrollment-wrong', rate: null, label: '在校家庭数有误' });
  });

  it("lists the district's surveys (AP25) and keeps results from a group admin of another group", async () => {
    expect((await core.infra.surveys.listSurveysOfDistrict('jinan-shizhong')).map((s) => s.id)).toContain(surveyId);
    const other = new TestClient(core.app);
    await other.devLogin({ role: 'group_admin', groupIds: ['jn-weier'] });
    expect((await other.call('GET', `/api/admin/surveys/${surveyId}/results`)).status).toBe(403);
  });

  it('exports XLSX: the summary with 样本不足, responses without identifiers for shown schools only, and the published texts', async () => {
    // Prepare: a fresh survey where 经纬 stays small (2) and the others reach minN.
    const created = await admin.call('POST', '/api/admin/surveys', {
      definition: templateSurvey({ districtId: 'jinan-shizhong', groupIds: ['jn-jingwu'] }),
      minN: 5,
    });
    surveyId = created.body.id;
    await answer('jn-jingwulu-ps', 6);
    await answer('jn-jingbalu-ps', 7, 4, '建议');
    await answer('jn-jingwei-ps', 2, 4, '经纬家长');
    // These parents have no WeChat openid, so their texts wait in 文字审核: approve every one.
    const held = (await admin.call('GET', `/api/admin/surveys/${surveyId}/texts`)).body.items as Array<{ ref: string }>;
    for (const { ref } of held)
      expect((await admin.call('POST', `/api/admin/surveys/${surveyId}/texts/approve`, { ref })).status).toBe(200);
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
    // 经纬's 2 wait for minN; 经五路 is hidden as its complement (a group over one hidden school would give it away).
    expect(summary).toContainEqual(['集团', '经五教育集团', 13]);
    expect(summary).toContainEqual(['学校', '济南市经纬小学', '样本不足']);
    const sheet = book.getWorksheet('答卷')!.getSheetValues().filter(Boolean) as unknown[][];
    const rows = sheet.slice(1);
    expect(sheet[0].slice(1, 3)).toEqual(['学校', 'q1']);
    expect(JSON.stringify(sheet)).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    const schools = rows.map((r) => r[1]);
    expect(schools.filter((s) => s === 'jn-jingwei-ps')).toHaveLength(0);
    // Only 经八路, shown on every cell, exports its 7 answer sheets, with no day.
    expect(schools).toEqual(Array(7).fill('jn-jingbalu-ps'));
    expect(JSON.stringify(rows)).not.toMatch(/r-\d+|user|openid/);
    // The texts as the results publish them: 经八路's, counted in the snapshot; 经纬's 2 wait with its numbers.
    const texts = (book.getWorksheet('文字意见')!.getSheetValues().filter(Boolean) as unknown[][]).map((r) => r.slice(1));
    const published = (await results()).texts.q7.items as string[];
    expect(published).toEqual(['建议1', '建议2', '建议3', '建议4', '建议5', '建议6', '建议7']);
    expect(texts).toEqual([['编号', '题目', '文字意见'], ...published.map((text) => ['q7', expect.any(String), text])]);
  });
});
