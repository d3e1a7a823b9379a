import type { SurveyDefinition } from '../../../../shared';
import { createCore } from '../../../src/core';
import { createSeededTable, type TestTable } from '../../../../tests/support/dynamo';
import { satisfactionAnswers, templateSurvey } from '../../../../tests/support/surveys';
import { TestClient } from '../../../../tests/support/api-client';
import { testConfig } from '../../../../tests/support/test-config';

/** 我的问卷 (GET /api/me/surveys): what a parent sees, and what it costs, on DynamoDB Local. */
describe('我的问卷', () => {
  let table: TestTable;
  let core: ReturnType<typeof createCore>;
  const HOUR = 3600_000;

  beforeAll(async () => {
    table = await createSeededTable('mysurveys');
    core = createCore(testConfig(table.tableName, 'local', { AUTH_DEV_LOGIN: '1', RATE_WRITES_CAPACITY: '100000' }));
  });
  afterAll(() => table.drop());

  /** A titled survey opening `opensIn` hours from now (negative: already open), for a week after. */
  const survey = (title: string, audience: Partial<SurveyDefinition['audience']> & { districtId: string }, opensIn: number) => {
    const opensAt = new Date(Date.now() + opensIn * HOUR).toISOString();
    const closesAt = new Date(Date.now() + (opensIn + 7 * 24) * HOUR).toISOString();
    return core.services.surveys.create({ ...templateSurvey(audience, { opensAt, closesAt }), title }, 'test');
  };
  const parentBoundTo = async (name: string, schoolIds: string[]) => {
    const parent = new TestClient(core.app);
    await parent.devLogin({ role: 'parent', schoolId: name });
    for (const schoolId of schoolIds) expect((await parent.call('POST', '/api/me/schools', { schoolId })).status).toBe(200);
    return parent;
  };

  it('lists the parent surveys holding a bound school, across districts, latest opening first, with whether I answered', async () => {
    // Prepare: bound to 经纬小学 (济南, 经五) and 青岛滨海学校 (青岛, 青大·滨海).
    const parent = await parentBoundTo('lists', ['jn-jingwei-ps', 'qd-binhai']);
    const jingwu = await survey('经五集团问卷', { districtId: 'jinan-shizhong', groupIds: ['jn-jingwu'] }, -3);
    const jinan = await survey('市中区问卷', { districtId: 'jinan-shizhong' }, -1);
    const later = await survey('下周的经五问卷', { districtId: 'jinan-shizhong', groupIds: ['jn-jingwu'] }, 24);
    const qingdao = await survey('市北区问卷', { districtId: 'qingdao-shibei' }, -2);
    await survey('纬二集团问卷', { districtId: 'jinan-shizhong', groupIds: ['jn-weier'] }, -1);
    await survey('教师问卷', { districtId: 'jinan-shizhong', respondents: ['teacher'] }, -1);
    await survey('乌海问卷', { districtId: 'wuhai-haibowan' }, -1);
    const answer = await parent.call('POST', `/api/surveys/${qingdao.id}/responses`, {
      schoolId: 'qd-binhai',
      answers: satisfactionAnswers(),
    });
    expect(answer.status).toBe(201);
    // Act
    const listed = await parent.call('GET', '/api/me/surveys');
    // Assess
    const item = (s: typeof jingwu, status: string, schoolIds: string[], answered: boolean) => ({
      id: s.id,
      title: s.definition.title,
      opensAt: s.definition.opensAt,
      closesAt: s.definition.closesAt,
      status,
      schoolIds,
      answered,
    });
    expect(listed).toMatchObject({ status: 200 });
    expect(listed.body).toEqual({
      items: [
        item(later, 'scheduled', ['jn-jingwei-ps'], false),
        item(jinan, 'open', ['jn-jingwei-ps'], false),
        item(qingdao, 'open', ['qd-binhai'], true),
        item(jingwu, 'open', ['jn-jingwei-ps'], false),
      ],
    });
  });

  it('names every bound school a survey holds, and nothing for a parent with no school', async () => {
    // Prepare
    const both = await parentBoundTo('both', ['jn-jingbalu-ps', 'jn-weierlu-ps']);
    const none = await parentBoundTo('none', []);
    const district = await survey('两校都在的问卷', { districtId: 'jinan-shizhong' }, -1);
    // Act
    const listed = await both.call('GET', '/api/me/surveys');
    const empty = await none.call('GET', '/api/me/surveys');
    // Assess
    expect(listed.body.items.find((i: { id: string }) => i.id === district.id).schoolIds).toEqual(['jn-jingbalu-ps', 'jn-weierlu-ps']);
    expect(empty.body).toEqual({ items: [] });
  });

  it('reads as much of the table for 2 surveys as for 12: no request per survey', async () => {
    // Prepare
    const parent = await parentBoundTo('cost', ['jn-jingbalu-ps', 'qd-binhai']);
    const send = jest.spyOn(core.db, 'send');
    const requestsFor = async () => {
      send.mockClear();
      expect((await parent.call('GET', '/api/me/surveys')).status).toBe(200);
      return send.mock.calls.map(([command]) => command.constructor.name).sort();
    };
    const before = await parent.call('GET', '/api/me/surveys');
    const few = await requestsFor();
    // Act
    for (let i = 0; i < 10; i++) await survey(`加测问卷 ${i}`, { districtId: 'jinan-shizhong', groupIds: ['jn-jingwu'] }, -1);
    const many = await requestsFor();
    const after = await parent.call('GET', '/api/me/surveys');
    send.mockRestore();
    // Assess: ten more surveys are listed, at the same cost, with the answered markers in one batch.
    expect(after.body.items).toHaveLength(before.body.items.length + 10);
    expect(many).toEqual(few);
    expect(many.filter((name) => name === 'BatchGetCommand')).toHaveLength(1);
  });
});
