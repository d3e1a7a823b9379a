import { createCore } from '../../../src/core';
import { createLogger } from '../../../src/log/logger';
import { SurveyService } from '../../../src/features/surveys/survey-service';
import { createSeededTable, type TestTable } from '../../../../tests/support/dynamo';
import { startFakeWeChat, type FakeWeChat } from '../../../../tests/support/fake-wechat';
import { satisfactionAnswers, templateSurvey } from '../../../../tests/support/surveys';
import { TestClient } from '../../../../tests/support/api-client';
import { testConfig } from '../../../../tests/support/test-config';

/** Survey texts pass WeChat content security (fake server) before anyone can see them. */
describe('text answers and content security', () => {
  let table: TestTable;
  let wechat: FakeWeChat;
  let core: ReturnType<typeof createCore>;

  beforeAll(async () => {
    table = await createSeededTable('textsec');
    wechat = await startFakeWeChat();
    wechat.setMsgSecCheckResult('可疑', 'review');
    wechat.setMsgSecCheckResult('违规', 'risky');
    core = createCore(testConfig(table.tableName, 'local', { WECHAT_API_BASE: wechat.url }), { logger: createLogger(undefined, 'silent') });
  });
  afterAll(async () => {
    await wechat.close();
    await table.drop();
  });

  async function parentAnswers(openid: string, text: string) {
    const survey = await new SurveyService(core.infra).create(
      templateSurvey({ districtId: 'jinan-shizhong', groupIds: ['jn-jingwu'] }),
      'test',
    );
    const login = await new TestClient(core.app).call('POST', '/api/auth/wechat', { code: wechat.issueCode(openid) });
    const parent = new TestClient(core.app, login.body.token);
    await parent.call('POST', '/api/me/schools', { schoolId: 'jn-jingbalu-ps' });
    const answer = await parent.call('POST', `/api/surveys/${survey.id}/responses`, {
      schoolId: 'jn-jingbalu-ps',
      answers: { ...satisfactionAnswers(4), q7: { text } },
    });
    const stored = await core.infra.surveys.listResponses(survey.id, survey.shards);
    const counters = await core.infra.surveys.readCounters(survey.id, survey.shards);
    return { answer, stored, counters };
  }

  it('shows a text that passes', async () => {
    const { answer, stored } = await parentAnswers('oTextPass000000000000000001', '老师们辛苦了');
    expect(answer).toMatchObject({ status: 201, body: { ok: true } });
    expect(stored[0].texts).toEqual([{ questionId: 'q7', text: '老师们辛苦了', status: 'visible' }]);
  });

  it('holds a text WeChat wants reviewed, and counts the numbers', async () => {
    const { stored, counters } = await parentAnswers('oTextReview0000000000000001', '有点可疑的内容');
    expect(stored[0].texts[0].status).toBe('held');
    expect(counters.get('jn-jingbalu-ps')?.get('_responses')).toBe(1);
  });

  it('refuses a risky text with a clear message, keeping the numeric answers', async () => {
    const { answer, stored, counters } = await parentAnswers('oTextRisky00000000000000001', '违规内容');
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({ ok: true, refusedTexts: ['q7'], message: '您的选择已提交；部分文字内容未通过安全检查，未被保存' });
    expect(stored[0].texts).toEqual([]);
    expect(counters.get('jn-jingbalu-ps')?.get('q1#4')).toBe(1);
    // WeChat was asked with the writer's openid, which the response itself never holds.
    expect(
      wechat.calls.some((c) => c.path === '/wxa/msg_sec_check' && (c.body as { openid?: string }).openid === 'oTextRisky00000000000000001'),
    ).toBe(true);
    expect(JSON.stringify(stored)).not.toContain('oTextRisky');
  });

  it('lets an admin in scope see texts without school or date, and approve a held one once', async () => {
    // Prepare
    const { stored } = await parentAnswers('oTextModerate00000000000001', '可疑但其实无害');
    const surveyId = stored[0].surveyId;
    const grantee = await new TestClient(core.app).call('POST', '/api/auth/wechat', {
      code: wechat.issueCode('oModerator0000000000000001'),
    });
    await core.infra.users.putGrant(grantee.body.me.userId, {
      kind: 'grant',
      role: 'group_admin',
      scopeType: 'group',
      scopeId: 'jn-jingwu',
      scopeName: '经五教育集团',
      grantedAt: '2026-11-23T00:00:00Z',
      grantedVia: 'test',
    });
    const moderator = new TestClient(core.app, grantee.body.token);
    // Act
    const listed = await moderator.call('GET', `/api/admin/surveys/${surveyId}/texts`);
    const ref = listed.body.items[0].ref;
    const approved = await moderator.call('POST', `/api/admin/surveys/${surveyId}/texts/approve`, { ref });
    const again = await moderator.call('POST', `/api/admin/surveys/${surveyId}/texts/approve`, { ref });
    const after = await moderator.call('GET', `/api/admin/surveys/${surveyId}/texts`);
    // Assess
    expect(listed.body.items).toEqual([{ ref: expect.any(String), questionId: 'q7', text: '可疑但其实无害', status: 'held' }]);
    expect(approved.status).toBe(200);
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'TEXT_NOT_HELD' } } });
    expect(after.body.items[0].status).toBe('visible');
  });
});
