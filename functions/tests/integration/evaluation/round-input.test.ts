import { createCore } from '../../../src/core';
import { ROUND_SURVEYS_MAX } from '../../../src/features/evaluation/evaluation-service';
import { userKeyFor } from '../../../src/features/identity/domain/pseudonym';
import { SurveyService } from '../../../src/features/surveys/survey-service';
import { TestClient } from '../../../../tests/support/api-client';
import { createSeededTable, type TestTable } from '../../../../tests/support/dynamo';
import { templateSurvey } from '../../../../tests/support/surveys';
import { testConfig } from '../../../../tests/support/test-config';

/** A 10,000-deep array, written as text: the body a hostile client would send. */
const DEEP = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;

/**
 * Indicator systems that are not one, each with the field the answer must name. The walks
 * that once ran before validation (template filling, cloning) threw on every one of them.
 */
const BAD_SYSTEMS: Array<{ label: string; system: string; field: string }> = [
  { label: 'dimensions that are a string', system: '{"dimensions":"x"}', field: 'system.dimensions' },
  { label: 'a null dimension', system: '{"name":"体系","dimensions":[null]}', field: 'system.dimensions.0' },
  {
    label: 'indicators that are a string',
    system: '{"name":"体系","dimensions":[{"indicators":"x"}]}',
    field: 'system.dimensions.0.indicators',
  },
  { label: 'a null indicator', system: '{"name":"体系","dimensions":[{"indicators":[null]}]}', field: 'system.dimensions.0.indicators.0' },
  {
    label: 'an empty indicator',
    system: '{"name":"体系","dimensions":[{"indicators":[{}]}]}',
    field: 'system.dimensions.0.indicators.0',
  },
  {
    label: 'a __proto__ key instead of the dimensions',
    system: '{"name":"体系","__proto__":{"dimensions":[{"indicators":[{"source":{"kind":"survey"}}]}]}}',
    field: 'system.dimensions',
  },
  {
    label: 'a __proto__ indicator source',
    system: '{"name":"体系","dimensions":[{"indicators":[{"__proto__":{}}]}]}',
    field: 'system.dimensions.0.indicators.0',
  },
  { label: 'a system that is an array', system: '[null]', field: 'system' },
  { label: '10,000-deep dimensions', system: `{"name":"体系","dimensions":${DEEP}}`, field: 'system.dimensions.0' },
];

/** Creating a round: what the body may name (same district only) and what it must be (no 5xx for any input). */
describe('evaluation round input', () => {
  let table: TestTable;
  let core: ReturnType<typeof createCore>;
  let admin: TestClient;
  let ownSurvey: string;
  let foreignSurvey: string;
  let foreignRound: string;

  beforeAll(async () => {
    table = await createSeededTable('round-input');
    const config = testConfig(table.tableName, 'local', { AUTH_DEV_LOGIN: '1', RATE_WRITES_CAPACITY: '100000' });
    core = createCore(config);
    admin = new TestClient(core.app);
    await admin.devLogin('district_admin');
    const surveys = new SurveyService(core.infra);
    ownSurvey = (await surveys.create(templateSurvey({ districtId: 'jinan-shizhong' }), 'test')).id;
    foreignSurvey = (await surveys.create(templateSurvey({ districtId: 'qingdao-shibei' }), 'test')).id;
    const qingdao = new TestClient(core.app);
    await qingdao.devLogin({ role: 'district_admin', districtId: 'qingdao-shibei' });
    foreignRound = (await qingdao.call('POST', '/api/admin/rounds', jinanTemplateRound('qingdao-shibei', [foreignSurvey]))).body.id;
  });
  afterAll(() => table.drop());

  const jinanTemplateRound = (districtId: string, surveyIds: string[], extra: object = {}) => ({
    districtId,
    name: '引用检查',
    templateId: 'jinan-shizhong',
    surveyIds,
    ...extra,
  });
  const postRaw = (text: string) =>
    core.app.request('/api/admin/rounds', {
      method: 'POST',
      headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json' },
      body: text,
    });

  describe('a malformed indicator system', () => {
    it.each(BAD_SYSTEMS)('is a 400 INVALID_SYSTEM naming the field: $label', async ({ system, field }) => {
      // Act
      const res = await postRaw(`{"districtId":"jinan-shizhong","name":"坏体系","system":${system}}`);
      const body = await res.json();
      // Assess
      expect(res.status).toBe(400);
      expect(body.error.code).toBe('INVALID_SYSTEM');
      expect(body.error.message).toMatch(/^指标体系不完整：/);
      expect(body.error.message).toContain(field);
      expect(body.error.details.some(({ path }: { path: string }) => path === field || path.startsWith(`${field}.`))).toBe(true);
    });

    it("names the weights' rule when the weights do not sum to 100", async () => {
      // Prepare: one dimension of weight 90.
      const system = {
        name: '体系',
        dimensions: [
          { id: 'd', name: '维度', weight: 90, indicators: [{ id: 'i', name: '指标', weight: 100, source: { kind: 'manual' } }] },
        ],
      };
      // Act
      const answer = await admin.call('POST', '/api/admin/rounds', { districtId: 'jinan-shizhong', name: '权重', system });
      // Assess
      expect(answer.status).toBe(400);
      expect(answer.body.error.message).toBe('指标体系不完整：system.dimensions（各维度权重之和须为 100）');
    });

    it('names the survey-fed indicator left without surveys when the round names none', async () => {
      // Act: the 济南 template's 社会认可 takes the round's surveys, and there are none.
      const answer = await admin.call('POST', '/api/admin/rounds', jinanTemplateRound('jinan-shizhong', []));
      // Assess
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe('INVALID_SYSTEM');
      expect(answer.body.error.message).toContain('system.dimensions.3.indicators.0.source.surveyIds');
    });
  });

  describe("a district admin's references", () => {
    it('creates a round from surveys and a previous round of its own district', async () => {
      // Prepare
      const previous = await admin.call('POST', '/api/admin/rounds', jinanTemplateRound('jinan-shizhong', [ownSurvey]));
      // Act
      const answer = await admin.call(
        'POST',
        '/api/admin/rounds',
        jinanTemplateRound('jinan-shizhong', [ownSurvey], { previousRoundId: previous.body.id }),
      );
      // Assess
      expect(previous.status).toBe(201);
      expect(answer.status).toBe(201);
    });

    it.each([
      ['of another district', () => foreignSurvey],
      ['unknown', () => 'sv-nosuchsurvey'],
      ['malformed', () => 'x'.repeat(3000)],
    ])('refuses a survey %s: 400 SURVEY_NOT_IN_DISTRICT', async (_, surveyId) => {
      // Act
      const answer = await admin.call('POST', '/api/admin/rounds', jinanTemplateRound('jinan-shizhong', [ownSurvey, surveyId()]));
      // Assess
      expect(answer.status).toBe(400);
      expect(answer.body.error).toMatchObject({ code: 'SURVEY_NOT_IN_DISTRICT', details: [{ path: 'surveyIds.1' }] });
    });

    it(`refuses more than ${ROUND_SURVEYS_MAX} distinct surveys in one round: 400 TOO_MANY_SURVEYS`, async () => {
      // Prepare: the round's 20 surveys, and a 21st named by an indicator of its system.
      const ids = (n: number) => Array.from({ length: n }, (_, k) => `sv-many${k}`);
      const system = (indicatorSurveys: string[]) => ({
        name: '体系',
        dimensions: [
          {
            id: 'd',
            name: '维度',
            weight: 100,
            indicators: [{ id: 's', name: '问卷', weight: 100, source: { kind: 'survey', surveyIds: indicatorSurveys, measure: 'index' } }],
          },
        ],
      });
      const body = (indicatorSurveys: string[]) => ({
        districtId: 'jinan-shizhong',
        name: '问卷过多',
        system: system(indicatorSurveys),
        surveyIds: ids(20),
      });
      // Act
      const tooMany = await admin.call('POST', '/api/admin/rounds', body(['sv-many20']));
      const atTheCap = await admin.call('POST', '/api/admin/rounds', body(['sv-many19']));
      // Assess: at the cap the ids are looked up (and are unknown here).
      expect(tooMany).toMatchObject({ status: 400, body: { error: { code: 'TOO_MANY_SURVEYS' } } });
      expect(atTheCap).toMatchObject({ status: 400, body: { error: { code: 'SURVEY_NOT_IN_DISTRICT' } } });
    });

    it("refuses another district's survey named inside the indicator system", async () => {
      // Prepare: a manual indicator and one fed by a 青岛 survey.
      const system = {
        name: '体系',
        dimensions: [
          {
            id: 'd',
            name: '维度',
            weight: 100,
            indicators: [
              { id: 'm', name: '人工', weight: 50, source: { kind: 'manual' } },
              { id: 's', name: '问卷', weight: 50, source: { kind: 'survey', surveyIds: [foreignSurvey], measure: 'satisfaction' } },
            ],
          },
        ],
      };
      // Act
      const answer = await admin.call('POST', '/api/admin/rounds', {
        districtId: 'jinan-shizhong',
        name: '体系内问卷',
        system,
        surveyIds: [ownSurvey],
      });
      // Assess
      expect(answer.status).toBe(400);
      expect(answer.body.error).toMatchObject({
        code: 'SURVEY_NOT_IN_DISTRICT',
        details: [{ path: 'system.dimensions.0.indicators.1.source.surveyIds.0' }],
      });
    });

    it.each([
      ['of another district', () => foreignRound],
      ['unknown', () => 'rd-nosuchround'],
      ['malformed', () => 'x'.repeat(3000)],
    ])('refuses a previous round %s: 400 PREVIOUS_ROUND_NOT_IN_DISTRICT', async (_, roundId) => {
      // Act
      const answer = await admin.call(
        'POST',
        '/api/admin/rounds',
        jinanTemplateRound('jinan-shizhong', [ownSurvey], { previousRoundId: roundId() }),
      );
      // Assess
      expect(answer.status).toBe(400);
      expect(answer.body.error).toMatchObject({ code: 'PREVIOUS_ROUND_NOT_IN_DISTRICT', details: [{ path: 'previousRoundId' }] });
    });

    it("refuses a score for a school outside the admin's scope: 403 FORBIDDEN_REFERENCE on schoolId", async () => {
      // Prepare
      const round = await admin.call('POST', '/api/admin/rounds', jinanTemplateRound('jinan-shizhong', [ownSurvey]));
      // Act
      const answer = await admin.call('PUT', `/api/admin/rounds/${round.body.id}/scores`, {
        schoolId: 'qd-binhai',
        dimensionId: 'school',
        indicatorId: 'overall',
        score: 80,
        evidence: '督导报告',
        enteredBy: '王主任',
      });
      // Assess
      expect(answer.status).toBe(403);
      expect(answer.body.error).toMatchObject({ code: 'FORBIDDEN_REFERENCE', details: [{ path: 'schoolId' }] });
    });
  });

  describe('an admin of two districts', () => {
    let both: TestClient;
    beforeAll(async () => {
      // Prepare: the 市中区 demo admin is also given 市北区 (as the bootstrap CLI would grant it).
      both = new TestClient(core.app);
      await both.devLogin({ role: 'district_admin', districtId: 'jinan-shizhong' });
      const userKey = userKeyFor('dev:district_admin:jinan-shizhong', core.infra.config.auth.pseudonymSecret);
      await core.infra.users.putGrant(userKey, {
        kind: 'grant',
        role: 'district_admin',
        scopeType: 'district',
        scopeId: 'qingdao-shibei',
        scopeName: '市北区',
        grantedAt: '2026-11-23T00:00:00Z',
        grantedVia: 'cli',
      });
    });

    it("still cannot feed a round from the other district's survey", async () => {
      // Act
      const answer = await both.call('POST', '/api/admin/rounds', jinanTemplateRound('jinan-shizhong', [foreignSurvey]));
      // Assess
      expect(answer).toMatchObject({ status: 400, body: { error: { code: 'SURVEY_NOT_IN_DISTRICT' } } });
    });

    it("still cannot score the other district's school in this district's round (404)", async () => {
      // Prepare
      const round = await both.call('POST', '/api/admin/rounds', jinanTemplateRound('jinan-shizhong', [ownSurvey]));
      // Act
      const answer = await both.call('PUT', `/api/admin/rounds/${round.body.id}/scores`, {
        schoolId: 'qd-binhai',
        dimensionId: 'school',
        indicatorId: 'overall',
        score: 80,
        evidence: '督导报告',
        enteredBy: '王主任',
      });
      // Assess
      expect(answer).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND', message: '该学校不在本区' } } });
    });
  });
});
