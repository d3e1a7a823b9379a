import { createCore } from '../../../src/core';
import { createLogger } from '../../../src/log/logger';
import { voterMarker } from '../../../src/features/surveys/voter-marker';
import { createSeededTable, type TestTable } from '../../../../tests/support/dynamo';
import { TestClient } from '../../../../tests/support/api-client';
import { startFakeWeChat, type FakeWeChat } from '../../../../tests/support/fake-wechat';
import { satisfactionAnswers, templateSurvey } from '../../../../tests/support/surveys';
import { TEST_SECRETS, testConfig } from '../../../../tests/support/test-config';

const TEMPLATE = 'tmpl-remind-0001';
const SCHOOL = 'jn-jingbalu-ps';

/** 提醒未答家长 against DynamoDB Local and the fake WeChat server: each consent is used once. */
describe('survey reminders', () => {
  let table: TestTable;
  let wechat: FakeWeChat;
  let core: ReturnType<typeof createCore>;
  let admin: TestClient;
  let logged: string[];

  async function wechatParent(openid: string) {
    const login = await new TestClient(core.app).call('POST', '/api/auth/wechat', { code: wechat.issueCode(openid) });
    const parent = new TestClient(core.app, login.body.token);
    expect((await parent.call('POST', '/api/me/schools', { schoolId: SCHOOL })).status).toBe(200);
    return Object.assign(parent, { userKey: login.body.me.userId as string });
  }
  const openSurvey = async () =>
    (await core.services.surveys.create(templateSurvey({ districtId: 'jinan-shizhong', groupIds: ['jn-jingwu'] }), 'test')).id;
  const consent = (client: TestClient, surveyId: string) => client.call('POST', `/api/surveys/${surveyId}/reminder-consents`);
  const remind = (surveyId: string) => admin.call('POST', `/api/admin/surveys/${surveyId}/reminders`);
  const answer = (client: TestClient, surveyId: string) =>
    client.call('POST', `/api/surveys/${surveyId}/responses`, { schoolId: SCHOOL, answers: satisfactionAnswers() });
  const sentTo = (openid: string) => wechat.sentMessages.filter((m) => m.touser === openid);

  beforeAll(async () => {
    table = await createSeededTable('reminders');
    wechat = await startFakeWeChat();
    logged = [];
    const logger = createLogger({ write: (line: string) => logged.push(line) } as never, 'info');
    const config = testConfig(table.tableName, 'local', {
      AUTH_DEV_LOGIN: '1',
      RATE_WRITES_CAPACITY: '100000',
      WECHAT_API_BASE: wechat.url,
      WECHAT_REMINDER_TEMPLATE_ID: TEMPLATE,
    });
    core = createCore(config, { logger });
    admin = new TestClient(core.app);
    await admin.devLogin('group_admin');
  });
  afterAll(async () => {
    await wechat.close();
    await table.drop();
  });

  it('AP100: stores one consent per parent and survey, with the openid, the template and no answer', async () => {
    // Prepare
    const parent = await wechatParent('oRemindStore000000000000001');
    const surveyId = await openSurvey();

    // Act
    const first = await consent(parent, surveyId);
    const again = await consent(parent, surveyId);

    // Assess
    expect(first).toMatchObject({ status: 201, body: { surveyId, consented: true } });
    expect(again.status).toBe(201);
    expect(await core.infra.reminders.listConsents(surveyId)).toEqual([
      {
        kind: 'reminder-consent',
        surveyId,
        userKey: parent.userKey,
        openid: 'oRemindStore000000000000001',
        templateId: TEMPLATE,
        createdAt: expect.any(String),
      },
    ]);
  });

  it('AP101: lists only the consents of the survey asked for', async () => {
    // Prepare
    const parent = await wechatParent('oRemindList0000000000000001');
    const [one, other] = [await openSurvey(), await openSurvey()];
    await consent(parent, one);
    await consent(parent, other);

    // Act
    const listed = await core.infra.reminders.listConsents(one);

    // Assess
    expect(listed.map((c) => c.surveyId)).toEqual([one]);
  });

  it('AP102: a consent is taken once: the second take of the same consent finds nothing', async () => {
    // Prepare
    const parent = await wechatParent('oRemindTake0000000000000001');
    const surveyId = await openSurvey();
    await consent(parent, surveyId);

    // Act
    const taken = await Promise.all([1, 2].map(() => core.infra.reminders.takeConsent({ userKey: parent.userKey, surveyId })));

    // Assess
    expect(taken.sort()).toEqual([false, true]);
    expect(await core.infra.reminders.listConsents(surveyId)).toEqual([]);
  });

  it('reminds only the consenting parent who has not answered (by the voter marker), once', async () => {
    // Prepare
    const waiting = await wechatParent('oRemindWaiting0000000000001');
    const answered = await wechatParent('oRemindAnswered000000000001');
    await wechatParent('oRemindNoConsent00000000001');
    const surveyId = await openSurvey();
    await consent(waiting, surveyId);
    await consent(answered, surveyId);
    expect((await answer(answered, surveyId)).status).toBe(201);
    logged.length = 0;

    // Act
    const first = await remind(surveyId);
    const second = await remind(surveyId);

    // Assess
    expect(first).toMatchObject({ status: 200, body: { sent: 1, skipped: 1, refused: 0, failed: 0 } });
    expect(second).toMatchObject({ status: 200, body: { sent: 0, skipped: 0, refused: 0, failed: 0 } });
    expect(sentTo('oRemindWaiting0000000000001')).toEqual([
      {
        touser: 'oRemindWaiting0000000000001',
        template_id: TEMPLATE,
        page: `packages/survey/answer/index?id=${surveyId}`,
        data: { thing1: { value: expect.any(String) }, time2: { value: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/) } },
        miniprogram_state: 'formal',
        lang: 'zh_CN',
      },
    ]);
    expect(sentTo('oRemindAnswered000000000001')).toEqual([]);
    expect(sentTo('oRemindNoConsent00000000001')).toEqual([]);
    // The sender decided from the marker the submit wrote: it exists for the answered parent only.
    const marker = (userKey: string) => voterMarker(TEST_SECRETS.PSEUDONYM_SECRET, surveyId, userKey);
    expect(await core.infra.surveys.hasVoted(marker(answered.userKey))).toBe(true);
    expect(await core.infra.surveys.hasVoted(marker(waiting.userKey))).toBe(false);
    expect(logged.join('\n')).not.toMatch(/oRemind|userKey/);
  });

  it('counts a refusal (43101) and uses the consent up', async () => {
    // Prepare
    const parent = await wechatParent('oRemindRefused0000000000001');
    const surveyId = await openSurvey();
    await consent(parent, surveyId);
    wechat.refuseSubscribeMessages('oRemindRefused0000000000001');

    // Act
    const sent = await remind(surveyId);

    // Assess
    expect(sent).toMatchObject({ status: 200, body: { sent: 0, skipped: 0, refused: 1, failed: 0 } });
    expect(await core.infra.reminders.listConsents(surveyId)).toEqual([]);
  });

  it('refreshes an expired access token (40001) once and delivers on the retry', async () => {
    // Prepare
    const parent = await wechatParent('oRemindExpired0000000000001');
    const surveyId = await openSurvey();
    await consent(parent, surveyId);
    const tokensBefore = wechat.tokenRequests();
    wechat.setTokenExpired(1);

    // Act
    const sent = await remind(surveyId);

    // Assess
    expect(sent).toMatchObject({ status: 200, body: { sent: 1, failed: 0 } });
    expect(sentTo('oRemindExpired0000000000001')).toHaveLength(1);
    expect(wechat.tokenRequests()).toBe(tokensBefore + 1);
  });

  it('counts a failure when the token is rejected twice, and goes on with the others', async () => {
    // Prepare
    const first = await wechatParent('oRemindFailA000000000000001');
    const second = await wechatParent('oRemindFailB000000000000001');
    const surveyId = await openSurvey();
    await consent(first, surveyId);
    await consent(second, surveyId);
    wechat.setTokenExpired(2);

    // Act
    const sent = await remind(surveyId);

    // Assess
    expect(sent).toMatchObject({ status: 200, body: { sent: 1, failed: 1 } });
  });

  it('refuses a consent from a demo login (no openid), after answering, and for a closed survey', async () => {
    // Prepare
    const demo = new TestClient(core.app);
    await demo.devLogin('parent');
    const parent = await wechatParent('oRemindRefusals000000000001');
    const surveyId = await openSurvey();
    await answer(parent, surveyId);
    const closed = await core.services.surveys.create(
      templateSurvey(
        { districtId: 'jinan-shizhong', groupIds: ['jn-jingwu'] },
        { opensAt: '2026-01-01T00:00:00Z', closesAt: '2026-02-01T00:00:00Z' },
      ),
      'test',
    );

    // Act
    const noOpenid = await consent(demo, surveyId);
    const afterAnswer = await consent(parent, surveyId);
    const late = await consent(parent, closed.id);
    const sendLate = await remind(closed.id);

    // Assess
    expect(noOpenid).toMatchObject({ status: 400, body: { error: { code: 'SUBSCRIBE_NEEDS_WECHAT' } } });
    expect(afterAnswer).toMatchObject({ status: 409, body: { error: { code: 'ALREADY_ANSWERED' } } });
    expect(late).toMatchObject({ status: 409, body: { error: { code: 'SURVEY_NOT_OPEN' } } });
    expect(sendLate).toMatchObject({ status: 409, body: { error: { code: 'SURVEY_NOT_OPEN', message: '只能提醒进行中的问卷' } } });
  });

  it("keeps a district-wide survey's reminders for district admins, and removes consents with the parent's data", async () => {
    // Prepare
    const districtWide = (await core.services.surveys.create(templateSurvey({ districtId: 'jinan-shizhong' }), 'test')).id;
    const parent = await wechatParent('oRemindDelete00000000000001');
    await consent(parent, districtWide);

    // Act
    const byGroupAdmin = await remind(districtWide);
    const deleted = await parent.call('DELETE', '/api/me');

    // Assess
    expect(byGroupAdmin.status).toBe(403);
    expect(deleted.status).toBe(200);
    expect(await core.infra.reminders.listConsents(districtWide)).toEqual([]);
  });
});
