import { EVALUATION_TEMPLATES } from '../../../../shared';
import { createCore } from '../../../src/core';
import { createSeededTable, type TestTable } from '../../../../tests/support/dynamo';
import { JINGWU_SCHOOLS as JINGWU, MANUAL_DIMENSIONS, prepareJingwuEvaluation } from '../../../../tests/support/evaluation';
import { TestClient } from '../../../../tests/support/api-client';
import { testConfig } from '../../../../tests/support/test-config';

/** A round from the 济南 template: survey-fed 社会认可, manual scores, bundled group score, locking. */
describe('evaluation rounds', () => {
  let table: TestTable;
  let core: ReturnType<typeof createCore>;
  let admin: TestClient;
  let newRound: Awaited<ReturnType<typeof prepareJingwuEvaluation>>['newRound'];
  let score: Awaited<ReturnType<typeof prepareJingwuEvaluation>>['score'];
  let surveyId: string;

  beforeAll(async () => {
    table = await createSeededTable('rounds');
    core = createCore(testConfig(table.tableName, 'local', { AUTH_DEV_LOGIN: '1', RATE_WRITES_CAPACITY: '100000' }));
    admin = new TestClient(core.app);
    await admin.devLogin('district_admin');
    ({ newRound, score, surveyId } = await prepareJingwuEvaluation(core, admin));
  });
  afterAll(() => table.drop());

  const report = async (roundId: string) => (await admin.call('GET', `/api/admin/rounds/${roundId}/report`)).body;

  it('refuses an indicator system that does not validate (海淀 without its indicators)', async () => {
    const answer = await admin.call('POST', '/api/admin/rounds', { districtId: 'jinan-shizhong', name: '海淀式', templateId: 'haidian' });
    expect(answer).toMatchObject({ status: 400, body: { error: { code: 'INVALID_SYSTEM' } } });
  });

  it("accepts 海淀 once admins add its indicators, survey-fed ones getting the round's surveys", async () => {
    // Prepare: two indicators per dimension, 70 manual / 30 from the satisfaction rate.
    const haidian = EVALUATION_TEMPLATES.find((t) => t.id === 'haidian')!;
    const system = {
      name: haidian.name,
      dimensions: haidian.dimensions.map((d) => ({
        ...d,
        indicators: [
          { id: 'i1', name: `${d.name}·过程`, weight: 70, source: { kind: 'manual' } },
          {
            id: 'i2',
            name: `${d.name}·满意度`,
            weight: 30,
            source: { kind: 'survey', surveyIds: [], dimensions: [], measure: 'satisfaction' },
          },
        ],
      })),
    };
    // Act
    const created = await admin.call('POST', '/api/admin/rounds', {
      districtId: 'jinan-shizhong',
      name: '海淀式',
      system,
      surveyIds: [surveyId],
    });
    const body = await report(created.body.id);
    // Assess: 经五路 has only survey answers (all 满意): every dimension lacks its manual part, so
    // it is 数据不完整 naming that indicator (never 100 re-weighted over the 30 present).
    expect(created.status).toBe(201);
    expect(body.system.dimensions[0].indicators[1].source.surveyIds).toEqual([surveyId]);
    const school = body.schools.find((s: { id: string }) => s.id === 'jn-jingwulu-ps');
    expect(school.indicators['governance/i2'].score).toBe(100);
    expect(school.dimensions.governance).toEqual({ score: null, complete: false, missing: [{ kind: 'indicator', id: 'governance/i1' }] });
  });

  it('feeds 社会认可 from the survey, shows missing manual scores as missing, and bundles by enrolment', async () => {
    // Prepare
    const roundId = await newRound('2026–2027 学年第一学期');
    for (const schoolId of JINGWU) for (const d of MANUAL_DIMENSIONS) expect((await score(roundId, schoolId, d, 80)).status).toBe(200);
    // Act
    const body = await report(roundId);
    // Assess: 社会认可 = the satisfaction rate (top three boxes): 100 at 经五路, 0 at 经纬, 4 of 5 = 80 at 经八路.
    const school = (id: string) => body.schools.find((s: { id: string }) => s.id === id);
    expect(school('jn-jingwulu-ps').indicators['recognition/satisfaction']).toMatchObject({
      source: 'survey',
      score: 100,
      meetsRecognitionBar: true,
    });
    expect(school('jn-jingwei-ps').indicators['recognition/satisfaction']).toMatchObject({ score: 0, meetsRecognitionBar: false });
    expect(school('jn-jingbalu-ps').indicators['recognition/satisfaction'].score).toBe(80);
    // Totals: 4 × 20 % at 80 plus 20 % 社会认可.
    expect(school('jn-jingwulu-ps').total).toEqual({ score: 84, complete: true, missing: [] });
    expect(school('jn-jingwei-ps').total.score).toBe(64);
    // A school outside the survey and without manual scores: nothing is invented.
    expect(school('jn-yuying-ms').total).toMatchObject({ score: null, complete: false });
    expect(school('jn-yuying-ms').total.missing).toHaveLength(5);
    expect(school('jn-yuying-ms').indicators['school/overall']).toEqual({ score: null, source: 'manual' });
    // Group: (600·84 + 300·64 + 100·80) / 1000 = 77.6
    const jingwu = body.groups.find((g: { id: string }) => g.id === 'jn-jingwu');
    expect(jingwu.total.score).toBe(77.6);
    expect(jingwu.total.complete).toBe(true);
    expect(jingwu.flags).toEqual({ incomplete: false, recognitionBelowBar: true });
    expect(jingwu.rank).toBe(1);
    // The other groups have unscored members: listed as 数据不完整, not ranked.
    const yuying = body.groups.find((g: { id: string }) => g.id === 'jn-yuying');
    expect(yuying).toMatchObject({ rank: null, total: { score: null, complete: false } });
    expect(yuying.total.missing).toEqual(expect.arrayContaining([{ kind: 'school-score', schoolId: 'jn-yuying-ms' }]));
    expect(body.coverage.groups).toMatchObject({ ranked: 1, total: body.groups.length });
    expect(body.coverage.groups.incomplete).toHaveLength(body.groups.length - 1);
  });

  it('locks a round: the same bytes on every read, scores frozen; the next round shows 增值', async () => {
    // Prepare
    const first = await newRound('第一学期');
    for (const schoolId of JINGWU) for (const d of MANUAL_DIMENSIONS) await score(first, schoolId, d, 70);
    // Act
    const refused = await admin.call('POST', `/api/admin/rounds/${first}/lock`);
    const lock = await admin.call('POST', `/api/admin/rounds/${first}/lock`, { confirmIncomplete: true });
    const readA = await core.app.request(`/api/admin/rounds/${first}/report`, { headers: { authorization: `Bearer ${admin.token}` } });
    const readB = await core.app.request(`/api/admin/rounds/${first}/report`, { headers: { authorization: `Bearer ${admin.token}` } });
    const late = await score(first, 'jn-jingwulu-ps', 'school', 99);
    const second = await newRound('第二学期', first);
    for (const schoolId of JINGWU) for (const d of MANUAL_DIMENSIONS) await score(second, schoolId, d, 90);
    const next = await report(second);
    // Assess
    // Other groups lack data: locking answers the coverage and needs the confirmation.
    expect(refused).toMatchObject({ status: 400, body: { error: { code: 'COVERAGE_INCOMPLETE', details: { complete: false } } } });
    expect(refused.body.error.details.groups.incomplete.map((g: { id: string }) => g.id)).toContain('jn-yuying');
    expect(lock.status).toBe(200);
    expect(lock.body).toMatchObject({ locked: true, coverage: { complete: false, groups: { ranked: 1 } } });
    expect(await readA.text()).toBe(await readB.text());
    expect(late).toMatchObject({ status: 409, body: { error: { code: 'ROUND_LOCKED' } } });
    const jingwu = next.groups.find((g: { id: string }) => g.id === 'jn-jingwu');
    // 4 × 20 % rose by 20 points → every school total +16 → the group +16.
    expect(jingwu.delta).toBe(16);
    expect(jingwu.rankChange).toBe(0);
    expect((await admin.call('POST', `/api/admin/rounds/${first}/lock`)).status).toBe(409);
  });
});
