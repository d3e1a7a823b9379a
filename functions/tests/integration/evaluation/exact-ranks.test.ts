import { createCore } from '../../../src/core';
import { bundledScore } from '../../../src/features/evaluation/domain/bundled-score';
import { competitionRanks } from '../../../src/features/evaluation/domain/rank-change';
import { weightedScore } from '../../../src/features/evaluation/domain/weighted-score';
import { SurveyService } from '../../../src/features/surveys/survey-service';
import { boundParent } from '../surveys/bound-parent';
import { createSeededTable, type TestTable } from '../../../../tests/support/dynamo';
import { TestClient } from '../../../../tests/support/api-client';
import { satisfactionAnswers, templateSurvey } from '../../../../tests/support/surveys';
import { testConfig } from '../../../../tests/support/test-config';

/** Issue 11 §5–7 through the API: exact published scores, shared ranks, and incomplete data never ranked. */
describe('exact scores and ranks', () => {
  let table: TestTable;
  let core: ReturnType<typeof createCore>;
  let jinan: TestClient;
  let wuhai: TestClient;
  let anonymous: TestClient;

  beforeAll(async () => {
    table = await createSeededTable('eval-exact');
    core = createCore(testConfig(table.tableName, 'local', { AUTH_DEV_LOGIN: '1', RATE_WRITES_CAPACITY: '100000' }));
    jinan = new TestClient(core.app);
    await jinan.devLogin('district_admin');
    wuhai = new TestClient(core.app);
    await wuhai.devLogin({ role: 'district_admin', districtId: 'wuhai-haibowan' });
    anonymous = new TestClient(core.app);
  });
  afterAll(() => table.drop());

  // 海勃湾区: three groups of one school each, so every group can be complete.
  const TWO_PARTS = {
    name: '两维度',
    dimensions: [
      { id: 'a', name: '办学过程', weight: 10, indicators: [{ id: 'i', name: '过程', weight: 100, source: { kind: 'manual' } }] },
      { id: 'b', name: '办学成效', weight: 90, indicators: [{ id: 'i', name: '成效', weight: 100, source: { kind: 'manual' } }] },
    ],
  };
  const SCORES: Record<string, [number, number]> = { 'wh-no1-ps': [63.4, 74.4], 'wh-no2-ms': [73.3, 73.3], 'wh-no5-ps': [80, 80] };

  it('ranks two groups at 73.3 together, where floats made one 73.30000000000001 and ranked it above', async () => {
    // Prepare: the float rule on these inputs, to show the test can fail on it.
    const float = Object.fromEntries(
      Object.entries(SCORES).map(([id, [a, b]]) => [
        id,
        bundledScore([
          {
            schoolId: id,
            enrollment: 500,
            score: weightedScore([
              { weight: 10, score: a },
              { weight: 90, score: b },
            ]).score,
          },
        ]).score,
      ]),
    );
    expect(float['wh-no1-ps']).toBe(73.30000000000001);
    expect(competitionRanks(new Map(Object.entries(float))).get('wh-no1-ps')).toBe(2);
    expect(competitionRanks(new Map(Object.entries(float))).get('wh-no2-ms')).toBe(3);
    const round = (await wuhai.call('POST', '/api/admin/rounds', { districtId: 'wuhai-haibowan', name: '精确', system: TWO_PARTS })).body
      .id;
    for (const [schoolId, [a, b]] of Object.entries(SCORES)) {
      await wuhai.call('PUT', `/api/admin/schools/${schoolId}/enrollment`, { families: 500 });
      for (const [dimensionId, score] of [
        ['a', a],
        ['b', b],
      ] as const)
        expect(
          (
            await wuhai.call('PUT', `/api/admin/rounds/${round}/scores`, {
              schoolId,
              dimensionId,
              indicatorId: 'i',
              score,
              evidence: '材料',
              enteredBy: '李',
            })
          ).status,
        ).toBe(200);
    }
    // Act
    const report = (await wuhai.call('GET', `/api/admin/rounds/${round}/report`)).body;
    const lock = await wuhai.call('POST', `/api/admin/rounds/${round}/lock`);
    const publication = await wuhai.call('PUT', `/api/admin/rounds/${round}/publication`, {
      published: true,
      show: { total: true, dimensions: false, schools: false, ranking: true },
    });
    const page = await anonymous.call('GET', '/api/groups/wh-no1/evaluation');
    // Assess
    const group = (id: string) => report.groups.find((g: { id: string }) => g.id === id);
    expect([group('wh-no5').rank, group('wh-no1').rank, group('wh-no2').rank]).toEqual([1, 2, 2]);
    expect(group('wh-no1').total.score).toBe(73.3);
    expect(JSON.stringify(report)).not.toContain('73.30000000000001');
    expect(report.coverage).toMatchObject({ complete: true, groups: { ranked: 3, total: 3, incomplete: [] } });
    // Complete data: locked without confirmation, and the ranking may go public.
    expect(lock).toMatchObject({ status: 200, body: { coverage: { complete: true } } });
    expect(publication.status).toBe(200);
    expect(page.body.evaluation.ranking).toMatchObject({ rank: 2, of: 3, unranked: 0 });
  });

  /** 经五: a survey per state of the answers, and a round of the 济南 template over each. */
  async function roundOver(answers: Record<string, number[]>, name: string) {
    const surveys = new SurveyService(core.infra);
    const surveyId = (
      await surveys.create(templateSurvey({ districtId: 'jinan-shizhong', groupIds: ['jn-jingwu', 'jn-yuying'] }), 'test', { minN: 5 })
    ).id;
    for (const [schoolId, values] of Object.entries(answers))
      for (const [k, v] of values.entries())
        await surveys.submit(await boundParent(core, `p-${name}-${schoolId}-${k}`, schoolId), surveyId, {
          schoolId,
          answers: satisfactionAnswers(v),
        });
    const round = (
      await jinan.call('POST', '/api/admin/rounds', {
        districtId: 'jinan-shizhong',
        name,
        templateId: 'jinan-shizhong',
        surveyIds: [surveyId],
      })
    ).body.id;
    for (const schoolId of Object.keys(answers)) {
      await jinan.call('PUT', `/api/admin/schools/${schoolId}/enrollment`, { families: 200 });
      for (const dimensionId of ['school', 'teacher', 'student', 'potential'])
        await jinan.call('PUT', `/api/admin/rounds/${round}/scores`, {
          schoolId,
          dimensionId,
          indicatorId: 'overall',
          score: 80,
          evidence: '材料',
          enteredBy: '王',
        });
    }
    return (await jinan.call('GET', `/api/admin/rounds/${round}/report`)).body;
  }

  it('five parents switching 满意 → 不满意 never raise the school, its group or their ranks; a neighbour keeps its score or shows none', async () => {
    // Prepare: 育英 is complete too, so 经五 has a group to be ranked against.
    const before = {
      'jn-jingwulu-ps': [4, 4, 4, 4, 4, 4, 4, 4, 4, 4],
      'jn-jingwei-ps': [4, 4, 3, 3, 2, 2, 1, 4, 3, 2],
      'jn-jingbalu-ps': [4, 3, 4, 2, 4, 3],
      'jn-yuying-ms': [4, 3, 3, 3, 2, 4],
      'jn-yuxiu-ms': [3, 3, 3, 2, 4, 1],
    };
    const after = { ...before, 'jn-jingwulu-ps': [1, 1, 1, 1, 1, 4, 4, 4, 4, 4] };
    // Act
    const one = await roundOver(before, '前');
    const two = await roundOver(after, '后');
    // Assess
    const school = (r: typeof one, id: string) => r.schools.find((s: { id: string }) => s.id === id);
    const group = (r: typeof one, id: string) => r.groups.find((g: { id: string }) => g.id === id);
    const notRaised = (a: number | null, b: number | null) => b === null || (a !== null && b <= a);
    const rankNotBetter = (a: number | null, b: number | null) => b === null || (a !== null && b >= a);
    expect(school(one, 'jn-jingwulu-ps').total.score).not.toBeNull();
    expect(notRaised(school(one, 'jn-jingwulu-ps').total.score, school(two, 'jn-jingwulu-ps').total.score)).toBe(true);
    expect(school(two, 'jn-jingwulu-ps').total.score).toBeLessThan(school(one, 'jn-jingwulu-ps').total.score);
    expect(rankNotBetter(school(one, 'jn-jingwulu-ps').rank, school(two, 'jn-jingwulu-ps').rank)).toBe(true);
    expect(notRaised(group(one, 'jn-jingwu').total.score, group(two, 'jn-jingwu').total.score)).toBe(true);
    expect(rankNotBetter(group(one, 'jn-jingwu').rank, group(two, 'jn-jingwu').rank)).toBe(true);
    for (const neighbour of ['jn-jingwei-ps', 'jn-jingbalu-ps', 'jn-yuying-ms']) {
      const [a, b] = [school(one, neighbour).total.score, school(two, neighbour).total.score];
      expect(a === null || b === null || a === b).toBe(true);
    }
    // A unit without a score is listed, never ranked.
    for (const r of [one, two])
      for (const g of r.groups as Array<{ total: { score: number | null }; rank: number | null }>)
        expect(g.rank === null).toBe(g.total.score === null);
  });
});
