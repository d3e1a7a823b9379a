import { SurveyRepository } from '../../../src/features/surveys/survey-repository';
import type { ResponseItem, SurveyItem } from '../../../src/features/surveys/survey-items';
import { keys } from '../../../src/db/keys';
import { createTestTable, type TestTable } from '../../../../tests/support/dynamo';
import { templateSurvey } from '../../../../tests/support/surveys';

/** One test per access pattern AP23-AP32 and AP123 of docs/data-model.md, on DynamoDB Local. */
describe('survey repository on DynamoDB Local', () => {
  let table: TestTable;
  let surveys: SurveyRepository;
  const survey = (id: string, districtId = 'jinan-shizhong'): SurveyItem => ({
    kind: 'survey',
    id,
    definition: templateSurvey({ districtId }),
    districtId,
    shards: 4,
    minN: 10,
    createdAt: '2026-11-23T00:00:00Z',
    createdBy: 'admin',
  });
  const AT = '2026-11-20T00:00:00.000Z';
  const response = (surveyId: string, schoolId = 'jn-jingbalu-ps'): ResponseItem => ({
    kind: 'response',
    surveyId,
    schoolId,
    date: '2026-11-23',
    answers: { q1: ['4'] },
    texts: [],
    straightLined: false,
  });

  beforeAll(async () => {
    table = await createTestTable('surveys');
    surveys = new SurveyRepository(table.db, table.tableName);
  });
  afterAll(() => table.drop());

  it('AP23 creates a survey once', async () => {
    await surveys.putSurvey(survey('sv-a23'));
    await expect(surveys.putSurvey(survey('sv-a23'))).rejects.toThrow();
  });

  it('AP24 reads a survey, and null for an unknown id', async () => {
    await surveys.putSurvey(survey('sv-a24'));
    expect(await surveys.getSurvey('sv-a24')).toMatchObject({ id: 'sv-a24', shards: 4 });
    expect(await surveys.getSurvey('sv-none')).toBeNull();
  });

  it('AP25 lists the surveys of one district', async () => {
    await surveys.putSurvey(survey('sv-a25', 'wuhai-haibowan'));
    expect((await surveys.listSurveysOfDistrict('wuhai-haibowan')).map((s) => s.id)).toEqual(['sv-a25']);
  });

  it('AP26 stores a response with its counters once per marker', async () => {
    const args = { marker: 'm26', response: response('sv-a26'), responseId: 'r1', shard: 2, counters: ['_responses', 'q1#4'] };
    expect(await surveys.submit(args)).toBe(true);
    expect(await surveys.submit({ ...args, responseId: 'r2', shard: 3 })).toBe(false);
    expect(await surveys.listResponses('sv-a26', 4)).toHaveLength(1);
  });

  it('AP27 knows whether a marker voted', async () => {
    await surveys.submit({ marker: 'm27', response: response('sv-a27'), responseId: 'r', shard: 0, counters: ['_responses'] });
    expect(await surveys.hasVoted('m27')).toBe(true);
    expect(await surveys.hasVoted('m27-other')).toBe(false);
  });

  it('AP27 tells which of many markers voted, one BatchGetItem per 100 markers', async () => {
    // Prepare: 3 of 150 markers voted; one voted marker is asked twice.
    for (const marker of ['m27b-7', 'm27b-99', 'm27b-140'])
      await surveys.submit({ marker, response: response('sv-a27b'), responseId: marker, shard: 0, counters: ['_responses'] });
    const asked = [...Array.from({ length: 150 }, (_, i) => `m27b-${i}`), 'm27b-99'];
    const send = jest.spyOn(table.db, 'send');
    // Act
    const voted = await surveys.votedAmong(asked);
    // Assess
    expect([...voted].sort()).toEqual(['m27b-140', 'm27b-7', 'm27b-99']);
    expect(send.mock.calls.map(([command]) => command.constructor.name)).toEqual(['BatchGetCommand', 'BatchGetCommand']);
    send.mockRestore();
    expect(await surveys.votedAmong([])).toEqual(new Set());
  });

  it('AP28 sums counters over the shards', async () => {
    for (const [i, shard] of [0, 1, 1, 3].entries()) {
      await surveys.submit({
        marker: `m28-${i}`,
        response: response('sv-a28'),
        responseId: `r${i}`,
        shard,
        counters: ['_responses', 'q1#4'],
      });
    }
    const counters = await surveys.readCounters('sv-a28', 4);
    expect(Object.fromEntries(counters.get('jn-jingbalu-ps')!)).toEqual({ _responses: 4, 'q1#4': 4 });
  });

  it('AP29 reads every response from every shard', async () => {
    for (const shard of [0, 1, 2, 3])
      await surveys.submit({ marker: `m29-${shard}`, response: response('sv-a29'), responseId: `r${shard}`, shard, counters: [] });
    expect(await surveys.listResponses('sv-a29', 4)).toHaveLength(4);
  });

  it('AP30 keeps the enrolled families of a school', async () => {
    expect(await surveys.getEnrollment('jn-jiuqu-ps')).toBeNull();
    await surveys.putEnrollment('jn-jiuqu-ps', 420, '2026-11-23T00:00:00Z');
    expect(await surveys.getEnrollment('jn-jiuqu-ps')).toBe(420);
  });

  it('AP31 makes a held text visible, once', async () => {
    const held: ResponseItem = { ...response('sv-a31'), texts: [{ questionId: 'q7', text: '建议', status: 'held' }] };
    await surveys.submit({ marker: 'm31', response: held, responseId: 'r31', shard: 1, counters: [] });
    expect(await surveys.approveText('sv-a31', 1, 'r31', 0)).toBe(true);
    expect(await surveys.approveText('sv-a31', 1, 'r31', 0)).toBe(false);
    expect((await surveys.listResponsesWithRefs('sv-a31', 4))[0]).toMatchObject({
      shard: 1,
      responseId: 'r31',
      texts: [{ status: 'visible' }],
    });
  });

  it('AP32 closes an open survey now, and not one already closed', async () => {
    await surveys.putSurvey(survey('sv-a32'));
    const now = new Date().toISOString();
    expect(await surveys.closeSurvey('sv-a32', now)).toBe(true);
    expect(await surveys.closeSurvey('sv-a32', new Date(Date.now() + 1000).toISOString())).toBe(false);
    expect((await surveys.getSurvey('sv-a32'))?.definition.closesAt).toBe(now);
  });

  it('AP125 reads what an answer is checked against in one request, null or false for what is missing', async () => {
    // Prepare
    await surveys.putSurvey(survey('sv-a125'));
    await table.catalog.putItems([
      { ...keys.school('s-a125'), kind: 'school', id: 's-a125', districtId: 'jinan-shizhong', archivedAt: AT },
      { ...keys.session('u-a125', 'sess-1'), kind: 'session', sessionId: 'sess-1', createdAt: AT, expiresAt: 4_000_000_000 },
      {
        ...keys.schoolBinding('u-a125', 's-a125'),
        kind: 'school-binding',
        schoolId: 's-a125',
        name: '甲校',
        districtId: 'jinan-shizhong',
        boundAt: AT,
      },
      { ...keys.vote('m-a125'), kind: 'vote' },
      { ...keys.catalogSnapshot(), kind: 'catalog-snapshot', name: 'catalog-a125.v4.bin', publishedAt: 1234, schools: 1 },
    ]);
    const wanted = { surveyId: 'sv-a125', schoolId: 's-a125', userKey: 'u-a125', sessionId: 'sess-1', marker: 'm-a125' };
    // Act
    const all = await surveys.readForAnswer(wanted);
    const none = await surveys.readForAnswer({
      surveyId: 'sv-none',
      schoolId: 's-none',
      userKey: 'u-none',
      sessionId: 'x',
      marker: 'm-none',
    });
    const noSession = await surveys.readForAnswer({ ...wanted, sessionId: null });
    // Assess
    expect(all.survey).toMatchObject({ id: 'sv-a125', shards: 4 });
    expect(all.school).toEqual({ kind: 'school', id: 's-a125', districtId: 'jinan-shizhong', archivedAt: AT });
    expect(all.session).toEqual({ kind: 'session', sessionId: 'sess-1', createdAt: AT, expiresAt: 4_000_000_000 });
    expect(all.binding).toEqual({ kind: 'school-binding', schoolId: 's-a125', name: '甲校', districtId: 'jinan-shizhong', boundAt: AT });
    expect(all.answered).toBe(true);
    expect(all.catalogVersion).toBe('catalog-a125.v4.bin@1234');
    expect(none).toEqual({ survey: null, school: null, session: null, binding: null, answered: false, catalogVersion: all.catalogVersion });
    expect(noSession).toEqual({ ...all, session: null });
  });
});
