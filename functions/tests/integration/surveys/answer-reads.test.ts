import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { termOf } from '../../../../shared';
import { createCore } from '../../../src/core';
import { keys } from '../../../src/db/keys';
import { createLogger } from '../../../src/log/logger';
import { TestClient } from '../../../../tests/support/api-client';
import { createSeededTable, type TestTable } from '../../../../tests/support/dynamo';
import { satisfactionAnswers, templateSurvey } from '../../../../tests/support/surveys';
import { testConfig } from '../../../../tests/support/test-config';

/**
 * POST /api/surveys/{id}/responses reads once before its transaction (AP125): the survey, the
 * school, and the caller's session, binding and marker together, with the school's periods
 * remembered per catalogue version. What each of those reads stood for still holds.
 */
describe('the one read of an answer', () => {
  let table: TestTable;
  let core: ReturnType<typeof createCore>;
  let admin: TestClient;
  let sent: string[] = [];
  let parents = 0;

  beforeAll(async () => {
    table = await createSeededTable('answer-reads');
    // Three write tokens per user, hardly refilled: a token taken shows in what is left.
    core = createCore(
      testConfig(table.tableName, 'local', { AUTH_DEV_LOGIN: '1', RATE_WRITES_CAPACITY: '3', RATE_WRITES_PER_SECOND: '0.001' }),
      {
        logger: createLogger(undefined, 'silent'),
      },
    );
    // Every repository shares the core's one client: its middleware sees each request the core sends.
    core.db.middlewareStack.add((next, context) => (args) => (sent.push(String(context.commandName)), next(args)), { step: 'initialize' });
    admin = new TestClient(core.app);
    await admin.devLogin('district_admin');
  });
  afterAll(() => table.drop());

  const groupSurvey = () => core.services.surveys.create(templateSurvey({ districtId: 'jinan-shizhong', groupIds: ['jn-jingwu'] }), 'test');
  /** A parent signed in and bound to `schoolId` (one write token spent). */
  async function parentOf(schoolId: string) {
    const client = new TestClient(core.app);
    const session = await client.devLogin({ role: 'parent', schoolId: `answer-reads-${parents++}` });
    expect((await client.call('POST', '/api/me/schools', { schoolId })).status).toBe(200);
    return { client, session };
  }
  const answer = (client: TestClient, surveyId: string, body: object) => client.call('POST', `/api/surveys/${surveyId}/responses`, body);
  /** A new survey of 经五 that one parent of `schoolId` has answered (so its periods are remembered), and a second parent. */
  async function oneAnswered(schoolId: string) {
    const survey = await groupSurvey();
    const first = await parentOf(schoolId);
    const next = await parentOf(schoolId);
    const body = { schoolId, answers: satisfactionAnswers(4) };
    expect((await answer(first.client, survey.id, body)).status).toBe(201);
    return { survey, next, body };
  }
  const tokensLeft = async (userKey: string) =>
    (await table.db.send(new GetCommand({ TableName: table.tableName, Key: keys.rateBucket(userKey, 'writes'), ConsistentRead: true })))
      .Item?.tokens;

  it('sends one BatchGetItem and the transaction for an answer to a school whose periods are remembered, and takes no token', async () => {
    // Prepare
    const { survey, next: second, body } = await oneAnswered('jn-jingwei-ps');
    // Act
    sent = [];
    const answered = await answer(second.client, survey.id, body);
    const requests = sent;
    // Assess
    expect(answered.status).toBe(201);
    expect(requests).toEqual(['BatchGetItemCommand', 'TransactWriteItemsCommand']);
    expect(await tokensLeft(second.session.me.userId)).toBeCloseTo(2, 1);
  });

  it('answers a second answer 409 from that read, before any write', async () => {
    // Prepare
    const survey = await groupSurvey();
    const { client } = await parentOf('jn-jingwei-ps');
    const body = { schoolId: 'jn-jingwei-ps', answers: satisfactionAnswers(2) };
    await answer(client, survey.id, body);
    // Act
    sent = [];
    const again = await answer(client, survey.id, body);
    // Assess
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'ALREADY_ANSWERED' } } });
    expect(sent).toEqual(['BatchGetItemCommand']);
    expect(await core.infra.surveys.listResponses(survey.id, survey.shards)).toHaveLength(1);
  });

  it('refuses the token of an ended session with 401 before anything else the request got wrong, and stores nothing', async () => {
    // Prepare
    const survey = await groupSurvey();
    const { client } = await parentOf('jn-jingwei-ps');
    await client.call('POST', '/api/auth/logout');
    const good = { schoolId: 'jn-jingwei-ps', answers: satisfactionAnswers(5) };
    // Act
    const answers = [
      await answer(client, survey.id, good),
      await answer(client, 'sv-none', good),
      await answer(client, survey.id, { schoolId: 'jn-jingwei-ps', answers: 'not answers' }),
    ];
    // Assess
    expect(answers.map((a) => [a.status, a.body.error?.code])).toEqual([
      [401, 'INVALID_SESSION'],
      [401, 'INVALID_SESSION'],
      [401, 'INVALID_SESSION'],
    ]);
    expect(await core.infra.surveys.listResponses(survey.id, survey.shards)).toHaveLength(0);
  });

  it('takes a token for an answer with texts to screen, and answers 429 once the bucket is empty', async () => {
    // Prepare: the binding took one of three tokens; two more bindings leave none.
    const { client, session } = await parentOf('jn-jingwei-ps');
    await client.call('POST', '/api/me/schools', { schoolId: 'jn-jingwei-ps' });
    const withText = { schoolId: 'jn-jingwei-ps', answers: { ...satisfactionAnswers(3), q7: { text: '希望多开展集团内交流' } } };
    const firstSurvey = await groupSurvey();
    const secondSurvey = await groupSurvey();
    // Act
    const taken = await answer(client, firstSurvey.id, withText);
    const limited = await answer(client, secondSurvey.id, withText);
    // Assess
    expect(taken.status).toBe(201);
    expect(limited).toMatchObject({ status: 429, body: { error: { code: 'RATE_LIMITED' } } });
    expect(await tokensLeft(session.me.userId)).toBeLessThan(1);
    expect(await core.infra.surveys.listResponses(secondSurvey.id, secondSurvey.shards)).toHaveLength(0);
  });

  it('applies a school’s move out of the group to the very next answer, though its periods were remembered', async () => {
    // Prepare
    const { survey, next: after, body } = await oneAnswered('jn-jingbalu-ps');
    const catalog = (await admin.call('GET', '/api/admin/districts/jinan-shizhong/catalog')).body;
    const { version } = catalog.schools.find((s: { id: string }) => s.id === 'jn-jingbalu-ps');
    const moved = await admin.call('POST', '/api/admin/schools/jn-jingbalu-ps/moves', {
      version,
      fromTerm: termOf(new Date()),
      fromGroupId: 'jn-jingwu',
      toGroupId: null,
    });
    // Act
    const refused = await answer(after.client, survey.id, body);
    // Assess
    expect(moved.status).toBe(200);
    expect(refused).toMatchObject({ status: 403, body: { error: { code: 'NOT_IN_AUDIENCE' } } });
  });
});
