import { createCore } from '../../../src/core';
import { createLogger } from '../../../src/log/logger';
import { SurveyRepository } from '../../../src/features/surveys/survey-repository';
import type { ResponseItem } from '../../../src/features/surveys/survey-items';
import { SurveyService } from '../../../src/features/surveys/survey-service';
import { createSeededTable, type TestTable } from '../../../../tests/support/dynamo';
import { startFakeWeChat, type FakeWeChat } from '../../../../tests/support/fake-wechat';
import { satisfactionAnswers, templateSurvey } from '../../../../tests/support/surveys';
import { TestClient } from '../../../../tests/support/api-client';
import { testConfig } from '../../../../tests/support/test-config';

/**
 * 文字审核: an admin approves or rejects each held text. A rejected text is never published and
 * cannot be approved later; rejecting twice changes nothing; the results publish approved texts only.
 */
describe('moderating held texts', () => {
  let table: TestTable;
  let wechat: FakeWeChat;
  let core: ReturnType<typeof createCore>;
  let moderator: TestClient;

  beforeAll(async () => {
    table = await createSeededTable('textmod');
    wechat = await startFakeWeChat();
    for (const text of ['待审一：食堂饭菜可以更清淡', '待审二：放学时校门口太拥堵', '待审三：希望多组织家长开放日'])
      wechat.setMsgSecCheckResult(text, 'review');
    core = createCore(testConfig(table.tableName, 'local', { WECHAT_API_BASE: wechat.url }), { logger: createLogger(undefined, 'silent') });
    const login = await new TestClient(core.app).call('POST', '/api/auth/wechat', { code: wechat.issueCode('oModeratorB000000000000001') });
    await core.infra.users.putGrant(login.body.me.userId, {
      kind: 'grant',
      role: 'group_admin',
      scopeType: 'group',
      scopeId: 'jn-jingwu',
      scopeName: '经五教育集团',
      grantedAt: '2026-11-23T00:00:00Z',
      grantedVia: 'test',
    });
    moderator = new TestClient(core.app, login.body.token);
  });
  afterAll(async () => {
    await wechat.close();
    await table.drop();
  });

  /** A 经五 survey with minN 5. */
  const groupSurvey = () =>
    new SurveyService(core.infra).create(templateSurvey({ districtId: 'jinan-shizhong', groupIds: ['jn-jingwu'] }), 'test', { minN: 5 });

  /** Parent number `i` (of run `tag`) of 经八路小学 answers, with a text for q7 unless it is empty. */
  async function answerAs(surveyId: string, tag: string, i: number, text: string) {
    const login = await new TestClient(core.app).call('POST', '/api/auth/wechat', {
      code: wechat.issueCode(`oMod${tag}${String(i).padStart(22 - tag.length, '0')}`),
    });
    const parent = new TestClient(core.app, login.body.token);
    await parent.call('POST', '/api/me/schools', { schoolId: 'jn-jingbalu-ps' });
    const answers = { ...satisfactionAnswers(4), ...(text ? { q7: { text } } : {}) };
    expect((await parent.call('POST', `/api/surveys/${surveyId}/responses`, { schoolId: 'jn-jingbalu-ps', answers })).status).toBe(201);
  }

  /** A 经五 survey (minN 5) that six parents of 经八路小学 answer, three of them with a text WeChat holds. */
  async function answeredSurvey(tag: string) {
    const survey = await groupSurvey();
    const texts = ['待审一：食堂饭菜可以更清淡', '待审二：放学时校门口太拥堵', '待审三：希望多组织家长开放日', '', '', ''];
    for (const [i, text] of texts.entries()) await answerAs(survey.id, tag, i, text);
    const listed = await moderator.call('GET', `/api/admin/surveys/${survey.id}/texts`);
    const refOf = (text: string) => (listed.body.items as Array<{ ref: string; text: string }>).find((t) => t.text === text)!.ref;
    return { id: survey.id, refOf };
  }

  it('approves one text and rejects another; the results publish the approved one only', async () => {
    // Prepare
    const survey = await answeredSurvey('A');
    const approveRef = survey.refOf('待审一：食堂饭菜可以更清淡');
    const rejectRef = survey.refOf('待审二：放学时校门口太拥堵');

    // Act
    const approved = await moderator.call('POST', `/api/admin/surveys/${survey.id}/texts/approve`, { ref: approveRef });
    const rejected = await moderator.call('POST', `/api/admin/surveys/${survey.id}/texts/reject`, { ref: rejectRef });
    const results = await moderator.call('GET', `/api/admin/surveys/${survey.id}/results`);
    const listed = await moderator.call('GET', `/api/admin/surveys/${survey.id}/texts`);

    // Assess
    expect(approved).toMatchObject({ status: 200, body: { ok: true } });
    expect(rejected).toMatchObject({ status: 200, body: { ok: true } });
    expect(results.status).toBe(200);
    expect(results.body.texts).toEqual({ q7: { suppressed: false, items: ['待审一：食堂饭菜可以更清淡'] } });
    expect((listed.body.items as Array<{ text: string; status: string }>).map((t) => `${t.text}=${t.status}`).sort()).toEqual([
      '待审一：食堂饭菜可以更清淡=visible',
      '待审三：希望多组织家长开放日=held',
      '待审二：放学时校门口太拥堵=rejected',
    ]);
    // Still no school or date beside a text.
    expect(Object.keys(listed.body.items[0]).sort()).toEqual(['questionId', 'ref', 'status', 'text']);
  });

  it('keeps a rejection final: rejecting again is a no-op, approving it later is refused', async () => {
    // Prepare
    const survey = await answeredSurvey('B');
    const ref = survey.refOf('待审三：希望多组织家长开放日');
    await moderator.call('POST', `/api/admin/surveys/${survey.id}/texts/reject`, { ref });

    // Act
    const again = await moderator.call('POST', `/api/admin/surveys/${survey.id}/texts/reject`, { ref });
    const approveLater = await moderator.call('POST', `/api/admin/surveys/${survey.id}/texts/approve`, { ref });
    const results = await moderator.call('GET', `/api/admin/surveys/${survey.id}/results`);
    const listed = await moderator.call('GET', `/api/admin/surveys/${survey.id}/texts`);

    // Assess: one rejected text, never counted twice, never published.
    expect(again).toMatchObject({ status: 200, body: { ok: true } });
    expect(approveLater).toMatchObject({ status: 409, body: { error: { code: 'TEXT_NOT_HELD' } } });
    expect(results.body.texts.q7).toEqual({ suppressed: false, items: [] });
    expect((listed.body.items as Array<{ status: string }>).filter((t) => t.status === 'rejected')).toHaveLength(1);
    expect(listed.body.items).toHaveLength(3);
  });

  it('refuses to reject a text already published, and names the field of a malformed ref', async () => {
    // Prepare
    const survey = await answeredSurvey('C');
    const ref = survey.refOf('待审一：食堂饭菜可以更清淡');
    await moderator.call('POST', `/api/admin/surveys/${survey.id}/texts/approve`, { ref });

    // Act
    const rejectPublished = await moderator.call('POST', `/api/admin/surveys/${survey.id}/texts/reject`, { ref });
    const malformed = await moderator.call('POST', `/api/admin/surveys/${survey.id}/texts/reject`, { ref: 'not-a-ref' });

    // Assess
    expect(rejectPublished).toMatchObject({ status: 409, body: { error: { code: 'TEXT_NOT_HELD' } } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.details).toEqual([{ path: 'ref', message: '引用格式不正确' }]);
  });

  it('publishes a text only with the snapshot that counts its response, and keeps it when later answers arrive', async () => {
    // Prepare: six answers (one with a text WeChat passes) are published together as the first snapshot.
    const survey = await groupSurvey();
    for (const [i, text] of ['第一批：食堂饭菜很好', '', '', '', '', ''].entries()) await answerAs(survey.id, 'D', i, text);
    const first = await moderator.call('GET', `/api/admin/surveys/${survey.id}/results`);

    // Act: a seventh parent answers with a text; then four more, which make the next snapshot due (≥ minN new).
    await answerAs(survey.id, 'D', 6, '第二批：校门口太拥堵');
    const afterOne = await moderator.call('GET', `/api/admin/surveys/${survey.id}/results`);
    for (const i of [7, 8, 9, 10]) await answerAs(survey.id, 'D', i, '');
    const afterFive = await moderator.call('GET', `/api/admin/surveys/${survey.id}/results`);

    // Assess: the seventh text waits for the snapshot that counts it; the first one never goes.
    expect([first.body.snapshot.responses, afterOne.body.snapshot.responses, afterFive.body.snapshot.responses]).toEqual([6, 6, 11]);
    expect(first.body.texts.q7).toEqual({ suppressed: false, items: ['第一批：食堂饭菜很好'] });
    expect(afterOne.body.texts.q7).toEqual({ suppressed: false, items: ['第一批：食堂饭菜很好'] });
    expect(afterFive.body.texts.q7).toEqual({ suppressed: false, items: ['第一批：食堂饭菜很好', '第二批：校门口太拥堵'] });
  });

  /** One response of 经八路小学 to survey `surveyId`, stored as id `responseId` in `shard` with these texts. */
  async function storedResponse(surveyId: string, responseId: string, shard: number, texts: ResponseItem['texts']) {
    const surveys = new SurveyRepository(table.db, table.tableName);
    const response: ResponseItem = {
      kind: 'response',
      surveyId,
      schoolId: 'jn-jingbalu-ps',
      date: '2026-11-23',
      answers: { q1: ['4'] },
      texts,
      straightLined: false,
    };
    await surveys.submit({ marker: `m-${responseId}`, response, responseId, shard, counters: [] });
    return surveys;
  }

  it('AP126 records the snapshot that released a response’s texts once, and creates no response, on DynamoDB Local', async () => {
    // Prepare
    const surveys = await storedResponse('sv-a126', 'r126', 1, [{ questionId: 'q7', text: '建议', status: 'visible' }]);

    // Act
    await surveys.releaseTexts('sv-a126', [{ shard: 1, responseId: 'r126' }], 3);
    await surveys.releaseTexts(
      'sv-a126',
      [
        { shard: 1, responseId: 'r126' },
        { shard: 0, responseId: 'r-absent' },
      ],
      5,
    );

    // Assess
    const stored = await surveys.listResponsesWithRefs('sv-a126', 4);
    expect(stored.map((r) => [r.responseId, r.textsReleasedIn])).toEqual([['r126', 3]]);
  });

  it('AP115 rejects a held text once and for good, on DynamoDB Local', async () => {
    // Prepare
    const surveys = await storedResponse('sv-a115', 'r115', 2, [
      { questionId: 'q7', text: '建议一', status: 'held' },
      { questionId: 'q7', text: '建议二', status: 'visible' },
    ]);

    // Act
    const first = await surveys.rejectText('sv-a115', 2, 'r115', 0);
    const second = await surveys.rejectText('sv-a115', 2, 'r115', 0);
    const approve = await surveys.approveText('sv-a115', 2, 'r115', 0);
    const visible = await surveys.rejectText('sv-a115', 2, 'r115', 1);
    const absent = await surveys.rejectText('sv-a115', 2, 'r115', 5);

    // Assess
    expect([first, second, approve, visible, absent]).toEqual([true, true, false, false, false]);
    expect((await surveys.listResponsesWithRefs('sv-a115', 4))[0].texts.map((t) => t.status)).toEqual(['rejected', 'visible']);
  });
});
