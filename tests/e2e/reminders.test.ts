import path from 'node:path';
import type { Page } from 'playwright-core';
import { startFakeWeChat, type FakeWeChat } from '../support/fake-wechat';
import { h5Api, openH5, SHOTS, signInAs, type H5Session } from '../support/h5-session';
import { importBody, PLACE_META, PLACE_ROWS } from '../support/rotation';
import { satisfactionAnswers, templateSurvey } from '../support/surveys';

/**
 * 提醒未答家长 and 我的异议 in the H5 app, with the fake WeChat server behind the API: two parents
 * (WeChat logins) consent on 我的问卷, one answers, the group admin sends the reminders and only
 * the other is messaged; a teacher files an objection and finds it 待处理 on 我的异议.
 */
jest.setTimeout(180_000);

const TEMPLATE = 'tmpl-remind-e2e';
const SCHOOL = 'jn-jingbalu-ps';

describe('reminders and objection receipts in the H5 app', () => {
  let wechat: FakeWeChat;
  let h5: H5Session;
  let page: Page;
  let api: ReturnType<typeof h5Api>['api'];
  let surveyId: string;

  const wechatLogin = async (openid: string) => {
    const session = (await api('POST', '/auth/wechat', { code: wechat.issueCode(openid) })).body as { token: string; expiresAt: string };
    expect((await api('POST', '/me/schools', { schoolId: SCHOOL }, session.token)).status).toBe(200);
    return session;
  };
  const devLogin = async (body: object) => (await api('POST', '/auth/dev', body)).body as { token: string; expiresAt: string };
  const consentOnMySurveys = async (session: { token: string; expiresAt: string }) => {
    await signInAs(h5, session);
    await page.goto(`${h5.url}/#/packages/survey/list/index`);
    await page.locator(`#reminder-consent-${surveyId}`).click();
    await page.locator(`#reminder-consent-${surveyId}`, { hasText: '已订阅提醒' }).waitFor();
  };

  beforeAll(async () => {
    wechat = await startFakeWeChat();
    h5 = await openH5({ env: { WECHAT_API_BASE: wechat.url, WECHAT_REMINDER_TEMPLATE_ID: TEMPLATE } });
    page = h5.page;
    api = h5Api(h5).api;
    const admin = await devLogin({ role: 'group_admin', groupIds: ['jn-jingwu'] });
    const created = await api(
      'POST',
      '/admin/surveys',
      { definition: { ...templateSurvey({ districtId: 'jinan-shizhong', groupIds: ['jn-jingwu'] }), title: '提醒测试问卷' } },
      admin.token,
    );
    expect(created.status).toBe(201);
    surveyId = created.body.id;
  });
  afterAll(async () => {
    await h5?.close();
    await wechat?.close();
  });

  test('two parents consent, one answers, and 提醒未答家长 reaches only the other', async () => {
    // Prepare
    const waiting = await wechatLogin('oE2eRemindWaiting000000001');
    const answering = await wechatLogin('oE2eRemindAnswering0000001');
    await consentOnMySurveys(waiting);
    await consentOnMySurveys(answering);
    const answered = await api(
      'POST',
      `/surveys/${surveyId}/responses`,
      { schoolId: SCHOOL, answers: satisfactionAnswers() },
      answering.token,
    );
    expect(answered.status).toBe(201);
    await signInAs(h5, await devLogin({ role: 'group_admin', groupIds: ['jn-jingwu'] }));
    await page.locator('#nav-survey-results').click();

    // Act
    await page.locator(`#send-reminders-${surveyId}`).click();
    await page.locator('.taro__modal .taro-model__confirm').click();

    // Assess
    await page.locator(`#reminder-report-${surveyId}`, { hasText: '已提醒 1 人，1 人已作答未提醒' }).waitFor();
    expect(wechat.sentMessages.map((m) => [m.touser, m.template_id, m.page])).toEqual([
      ['oE2eRemindWaiting000000001', TEMPLATE, `packages/survey/answer/index?id=${surveyId}`],
    ]);
    await page.screenshot({ path: path.join(SHOTS, 'reminders-admin.png'), fullPage: true, animations: 'disabled' });
  });

  test('a teacher files an objection and sees it 待处理 on 我的异议', async () => {
    // Prepare: a batch whose 公示期 starts today (China time).
    const districtAdmin = await devLogin({ role: 'district_admin', districtId: 'jinan-shizhong' });
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const imported = await api(
      'POST',
      '/admin/rotation/batches/import',
      importBody({ ...PLACE_META['own-group'], noticeStart: today }, PLACE_ROWS['own-group'](2)),
      districtAdmin.token,
    );
    const batchId = imported.body.batch.id as string;
    expect((await api('POST', `/admin/rotation/batches/${batchId}/publish`, undefined, districtAdmin.token)).status).toBe(200);
    await signInAs(h5, await devLogin({ role: 'teacher', schoolId: SCHOOL }));

    // Act
    await page.goto(`${h5.url}/#/packages/rotation/objection/index?batch=${batchId}`);
    await page.locator('#objection-text textarea').fill('名单中有一位教师本学期借调外校');
    await page.locator('#objection-submit').click();
    await page.locator('#objection-open-mine').click();

    // Assess
    await page.locator('.my-objection__status', { hasText: '待处理' }).waitFor();
    await page.locator('.my-objection__text', { hasText: '名单中有一位教师本学期借调外校' }).waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'my-objections.png'), fullPage: true, animations: 'disabled' });
  });
});
