import { createCore } from '../../../src/core';
import { RESPONSES_COUNTER } from '../../../src/features/surveys/survey-items';
import { boundParent } from './bound-parent';
import { SurveyService } from '../../../src/features/surveys/survey-service';
import { createSeededTable, type TestTable } from '../../../../tests/support/dynamo';
import { satisfactionAnswers, templateSurvey } from '../../../../tests/support/surveys';
import { TestClient } from '../../../../tests/support/api-client';
import { testConfig } from '../../../../tests/support/test-config';

/** One anonymous response per person per survey, counted exactly, on DynamoDB Local. */
describe('answering a survey', () => {
  let table: TestTable;
  let core: ReturnType<typeof createCore>;
  let surveys: SurveyService;

  beforeAll(async () => {
    table = await createSeededTable('answering');
    core = createCore(testConfig(table.tableName, 'local', { AUTH_DEV_LOGIN: '1', RATE_WRITES_CAPACITY: '100000' }));
    surveys = new SurveyService(core.infra);
  });
  afterAll(() => table.drop());

  const jingwuSurvey = (times = {}) =>
    surveys.create(templateSurvey({ districtId: 'jinan-shizhong', groupIds: ['jn-jingwu'] }, times), 'test');
  const JINGWU = ['jn-jingwulu-ps', 'jn-jingwei-ps', 'jn-jingbalu-ps'];
  const parentNo = (i: number, schoolId = 'jn-jingwei-ps') => boundParent(core, `user-${i}`, schoolId);

  it('takes one response, refuses the second with ALREADY_ANSWERED, and stores nothing that identifies the parent', async () => {
    // Prepare
    const survey = await jingwuSurvey();
    const parent = new TestClient(core.app);
    const session = await parent.devLogin('parent');
    await parent.call('POST', '/api/me/schools', { schoolId: 'jn-jingbalu-ps' });
    const body = { schoolId: 'jn-jingbalu-ps', answers: { ...satisfactionAnswers(4), q7: { text: '希望多开展集团内交流' } } };
    // Act
    const first = await parent.call('POST', `/api/surveys/${survey.id}/responses`, body);
    const second = await parent.call('POST', `/api/surveys/${survey.id}/responses`, { ...body, answers: satisfactionAnswers(1) });
    const answered = await parent.call('GET', `/api/surveys/${survey.id}/answered`);
    // Assess
    expect(first.status).toBe(201);
    expect(second).toMatchObject({ status: 409, body: { error: { code: 'ALREADY_ANSWERED' } } });
    expect(answered.body).toEqual({ answered: true });
    const stored = await core.infra.surveys.listResponses(survey.id, survey.shards);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ schoolId: 'jn-jingbalu-ps', answers: { q1: ['4'] }, texts: [{ questionId: 'q7', status: 'held' }] });
    expect(stored[0].date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(JSON.stringify(stored[0])).not.toContain(session.me.userId);
    expect(Object.keys(stored[0]).sort()).toEqual(['answers', 'date', 'kind', 'schoolId', 'straightLined', 'surveyId', 'texts']);
  });

  it('counts exactly one of 100 simultaneous submissions by one person', async () => {
    // Prepare
    const survey = await jingwuSurvey();
    const same = await parentNo(0);
    // Act
    const outcomes = await Promise.allSettled(
      Array.from({ length: 100 }, () => surveys.submit(same, survey.id, { schoolId: 'jn-jingwei-ps', answers: satisfactionAnswers(3) })),
    );
    // Assess
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    // Every other one is told it was already answered (a failure shows which codes came instead).
    const codes = outcomes.flatMap((o) => (o.status === 'rejected' ? [String(o.reason.code ?? o.reason.name)] : []));
    expect(codes).toHaveLength(99);
    expect([...new Set(codes)]).toEqual(['ALREADY_ANSWERED']);
    const counters = await core.infra.surveys.readCounters(survey.id, survey.shards);
    expect(counters.get('jn-jingwei-ps')?.get(RESPONSES_COUNTER)).toBe(1);
    expect(counters.get('jn-jingwei-ps')?.get('q1#3')).toBe(1);
    expect(await core.infra.surveys.listResponses(survey.id, survey.shards)).toHaveLength(1);
  });

  it('keeps the sharded counters equal to a recount of 1,000 stored responses', async () => {
    // Prepare: 1,000 different parents at three schools, answers spread over the options.
    const survey = await jingwuSurvey();
    const schools = JINGWU;
    const jobs = Array.from(
      { length: 1000 },
      (_, i) => async () =>
        surveys.submit(await parentNo(1000 + i, schools[i % 3]), survey.id, {
          schoolId: schools[i % 3],
          answers: {
            q1: { likert: 1 + (i % 4) },
            q2: i % 7 === 0 ? { unknown: true } : { likert: 1 + ((i * 3) % 4) },
            q3: { likert: 4 },
            q4: { likert: 2 },
            q5: { likert: 1 + (i % 2) },
            q6: { nps: i % 11 },
          },
        }),
    );
    // Act: 16 at a time.
    for (let start = 0; start < jobs.length; start += 16) await Promise.all(jobs.slice(start, start + 16).map((job) => job()));
    // Assess
    const counters = await core.infra.surveys.readCounters(survey.id, survey.shards);
    const responses = await core.infra.surveys.listResponses(survey.id, survey.shards);
    const recount = new Map<string, number>();
    for (const r of responses) {
      const add = (name: string) => recount.set(`${r.schoolId}#${name}`, (recount.get(`${r.schoolId}#${name}`) ?? 0) + 1);
      add(RESPONSES_COUNTER);
      if (r.straightLined) add('_straight');
      // A valid return: at least one answer that is not 不了解.
      if (Object.values(r.answers).some((options) => options.some((o) => o !== 'unknown'))) add('_scored');
      for (const [q, options] of Object.entries(r.answers)) for (const o of options) add(`${q}#${o}`);
    }
    const flat = new Map([...counters].flatMap(([school, names]) => [...names].map(([name, n]) => [`${school}#${name}`, n] as const)));
    expect(responses).toHaveLength(1000);
    expect(flat).toEqual(recount);
    expect(schools.map((s) => counters.get(s)?.get(RESPONSES_COUNTER))).toEqual([334, 333, 333]);
  }, 120_000);

  it('refuses surveys not yet open or closed, schools outside the audience, and incomplete answers', async () => {
    // Prepare
    const future = await jingwuSurvey({
      opensAt: new Date(Date.now() + 86_400_000).toISOString(),
      closesAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
    });
    const past = await jingwuSurvey({
      opensAt: new Date(Date.now() - 2 * 86_400_000).toISOString(),
      closesAt: new Date(Date.now() - 86_400_000).toISOString(),
    });
    const open = await jingwuSurvey();
    const parent = new TestClient(core.app);
    await parent.devLogin({ role: 'parent', schoolId: 'refused' });
    await parent.call('POST', '/api/me/schools', { schoolId: 'jn-jingbalu-ps' });
    await parent.call('POST', '/api/me/schools', { schoolId: 'jn-yuying-ms' });
    const post = (id: string, body: object) => parent.call('POST', `/api/surveys/${id}/responses`, body);
    // Act
    const notYet = await post(future.id, { schoolId: 'jn-jingbalu-ps', answers: satisfactionAnswers() });
    const closed = await post(past.id, { schoolId: 'jn-jingbalu-ps', answers: satisfactionAnswers() });
    const outside = await post(open.id, { schoolId: 'jn-yuying-ms', answers: satisfactionAnswers() });
    const incomplete = await post(open.id, { schoolId: 'jn-jingbalu-ps', answers: { q1: { likert: 5 }, q2: { likert: 4 } } });
    const malformed = await post(open.id, { schoolId: 'jn-jingbalu-ps', answers: { q1: { likert: 9 } } });
    const unbound = await post(open.id, { schoolId: 'jn-jingwei-ps', answers: satisfactionAnswers() });
    const after = await post(open.id, { schoolId: 'jn-jingbalu-ps', answers: satisfactionAnswers() });
    // Assess
    expect(notYet).toMatchObject({ status: 409, body: { error: { code: 'SURVEY_NOT_OPEN' } } });
    expect(closed).toMatchObject({ status: 409, body: { error: { code: 'SURVEY_CLOSED' } } });
    expect(outside).toMatchObject({ status: 403, body: { error: { code: 'NOT_IN_AUDIENCE' } } });
    expect(incomplete).toMatchObject({ status: 400, body: { error: { code: 'INVALID_RESPONSE' } } });
    expect(incomplete.body.error.details).toEqual([
      { questionId: 'q1', message: '请选择一个选项' },
      { questionId: 'q3', message: '此题为必答题' },
      { questionId: 'q4', message: '此题为必答题' },
      { questionId: 'q5', message: '此题为必答题' },
    ]);
    expect(malformed).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED' } } });
    expect(unbound).toMatchObject({ status: 403, body: { error: { code: 'SCHOOL_NOT_BOUND' } } });
    expect(unbound.body.error.message).toContain('绑定');
    expect(after.status).toBe(201);
  });

  it('decides the audience for the school an answer names, on district and school surveys too', async () => {
    // Prepare
    const district = await surveys.create(templateSurvey({ districtId: 'jinan-shizhong' }), 'test');
    const listed = await surveys.create(templateSurvey({ districtId: 'jinan-shizhong', schoolIds: ['jn-yuying-ms'] }), 'test');
    const parent = new TestClient(core.app);
    await parent.devLogin({ role: 'parent', schoolId: 'one-school' });
    for (const schoolId of ['jn-jingbalu-ps', 'jn-yuying-ms', 'wh-no1-ps']) await parent.call('POST', '/api/me/schools', { schoolId });
    const post = (id: string, schoolId: string) =>
      parent.call('POST', `/api/surveys/${id}/responses`, { schoolId, answers: satisfactionAnswers() });
    // Act
    const otherDistrict = await post(district.id, 'wh-no1-ps');
    const unknownSchool = await post(district.id, 'jn-no-such-school');
    const notListed = await post(listed.id, 'jn-jingbalu-ps');
    const unknownSurvey = await post('sv-nosuchsurvey', 'jn-jingbalu-ps');
    const inDistrict = await post(district.id, 'jn-jingbalu-ps');
    const isListed = await post(listed.id, 'jn-yuying-ms');
    // Assess
    for (const refused of [otherDistrict, unknownSchool, notListed]) {
      expect(refused).toMatchObject({ status: 403, body: { error: { code: 'NOT_IN_AUDIENCE' } } });
    }
    expect(unknownSurvey.status).toBe(404);
    expect([inDistrict.status, isListed.status]).toEqual([201, 201]);
  });

  it('lists 我的问卷 for the schools I bound, with whether I answered', async () => {
    // Prepare
    const survey = await jingwuSurvey();
    const parent = new TestClient(core.app);
    await parent.devLogin({ role: 'parent', schoolId: 'mine' });
    const before = await parent.call('GET', '/api/me/surveys');
    await parent.call('POST', '/api/me/schools', { schoolId: 'jn-jingwei-ps' });
    // Act
    const listed = await parent.call('GET', '/api/me/surveys');
    await parent.call('POST', `/api/surveys/${survey.id}/responses`, { schoolId: 'jn-jingwei-ps', answers: satisfactionAnswers() });
    const after = await parent.call('GET', '/api/me/surveys');
    // Assess
    expect(before.body.items).toEqual([]);
    const mine = listed.body.items.find((i: { id: string }) => i.id === survey.id);
    expect(mine).toMatchObject({ title: '家长满意度调查', status: 'open', schoolIds: ['jn-jingwei-ps'], answered: false });
    expect(after.body.items.find((i: { id: string }) => i.id === survey.id).answered).toBe(true);
  });

  it('lets an admin end a survey early, after which answers are refused', async () => {
    // Prepare
    const survey = await jingwuSurvey();
    const admin = new TestClient(core.app);
    await admin.devLogin('group_admin');
    // Act
    const closed = await admin.call('POST', `/api/admin/surveys/${survey.id}/close`);
    const twice = await admin.call('POST', `/api/admin/surveys/${survey.id}/close`);
    const late = surveys.submit(await parentNo(99_999, 'jn-jingbalu-ps'), survey.id, {
      schoolId: 'jn-jingbalu-ps',
      answers: satisfactionAnswers(),
    });
    // Assess
    expect(closed.status).toBe(200);
    expect(twice).toMatchObject({ status: 409, body: { error: { code: 'SURVEY_NOT_OPEN' } } });
    await expect(late).rejects.toMatchObject({ code: 'SURVEY_CLOSED' });
    expect((await core.infra.surveys.getSurvey(survey.id))?.definition.questions).toEqual(survey.definition.questions);
  });
});
