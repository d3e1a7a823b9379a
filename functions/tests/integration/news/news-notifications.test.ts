import { createCore } from '../../../src/core';
import { createLogger } from '../../../src/log/logger';
import { WeChatClient } from '../../../src/wechat/wechat-client';
import { createSeededTable, type TestTable } from '../../../../tests/support/dynamo';
import { TestClient } from '../../../../tests/support/api-client';
import { startFakeWeChat, type FakeWeChat } from '../../../../tests/support/fake-wechat';
import { draft } from '../../../../tests/support/news';
import { testConfig } from '../../../../tests/support/test-config';

const TEMPLATE = 'tmpl-news-0001';

/** 订阅本集团动态 against the fake WeChat server: consents are used once each. */
describe('news notifications', () => {
  let table: TestTable;
  let wechat: FakeWeChat;
  let core: ReturnType<typeof createCore>;
  let admin: TestClient;

  async function wechatUser(openid: string) {
    const login = await new TestClient(core.app).call('POST', '/api/auth/wechat', { code: wechat.issueCode(openid) });
    return new TestClient(core.app, login.body.token);
  }
  async function publish(title: string) {
    const created = await admin.call('POST', '/api/admin/groups/jn-jingwu/news', draft(title));
    return admin.call('POST', `/api/admin/news/${created.body.id}/publish`, {});
  }
  const sentTo = (openid: string) => wechat.sentMessages.filter((m) => m.touser === openid);

  beforeAll(async () => {
    table = await createSeededTable('news-notify');
    wechat = await startFakeWeChat();
    const config = testConfig(table.tableName, 'local', {
      AUTH_DEV_LOGIN: '1',
      RATE_WRITES_CAPACITY: '100000',
      WECHAT_API_BASE: wechat.url,
      WECHAT_NEWS_TEMPLATE_ID: TEMPLATE,
    });
    core = createCore(config, { logger: createLogger(undefined, 'silent') });
    admin = new TestClient(core.app);
    await admin.devLogin('group_admin');
  });
  afterAll(async () => {
    await wechat.close();
    await table.drop();
  });

  it('sends one message per consent, and a used consent is never used again', async () => {
    // Prepare
    const parent = await wechatUser('oNotifyParent000000000000001');
    const subscribed = await parent.call('POST', '/api/news/subscriptions', { groupId: 'jn-jingwu' });

    // Act
    const first = await publish('第一条动态：集团运动会');
    const second = await publish('第二条动态');

    // Assess
    expect(subscribed).toMatchObject({ status: 201, body: { pending: 1 } });
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(sentTo('oNotifyParent000000000000001')).toEqual([
      {
        touser: 'oNotifyParent000000000000001',
        template_id: TEMPLATE,
        page: `packages/news/detail/index?id=${first.body.id}`,
        data: {
          thing1: { value: '第一条动态：集团运动会' },
          thing2: { value: '经五教育集团' },
          time3: { value: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/) },
        },
        miniprogram_state: 'formal',
        lang: 'zh_CN',
      },
    ]);
  });

  it('publishes anyway when WeChat says the user refused (43101), and the consent is gone', async () => {
    // Prepare
    const parent = await wechatUser('oNotifyRefused00000000000001');
    await parent.call('POST', '/api/news/subscriptions', { groupId: 'jn-jingwu' });
    wechat.refuseSubscribeMessages('oNotifyRefused00000000000001');

    // Act
    const published = await publish('拒收测试');

    // Assess
    expect(published.status).toBe(200);
    expect(sentTo('oNotifyRefused00000000000001')).toEqual([]);
    expect(await core.infra.news.takeSubscriptions('jn-jingwu')).toEqual([]);
  });

  it('refreshes an expired access token (40001) and delivers on the retry', async () => {
    // Prepare
    const parent = await wechatUser('oNotifyExpired00000000000001');
    await parent.call('POST', '/api/news/subscriptions', { groupId: 'jn-jingwu' });
    const tokensBefore = wechat.tokenRequests();
    wechat.setTokenExpired(1);

    // Act
    await publish('令牌过期测试');

    // Assess
    expect(sentTo('oNotifyExpired00000000000001')).toHaveLength(1);
    expect(wechat.tokenRequests()).toBe(tokensBefore + 1);
  });

  it('needs a WeChat login to subscribe (there is no openid to deliver to otherwise)', async () => {
    const demo = new TestClient(core.app);
    await demo.devLogin('parent');
    expect(await demo.call('POST', '/api/news/subscriptions', { groupId: 'jn-jingwu' })).toMatchObject({
      status: 400,
      body: { error: { code: 'SUBSCRIBE_NEEDS_WECHAT' } },
    });
  });

  it('screens what a WeChat-login admin publishes, and edits to a published item, with content security', async () => {
    // Prepare: an admin who logged in through WeChat (so there is an openid to check with).
    wechat.setMsgSecCheckResult('违规', 'risky');
    const login = await new TestClient(core.app).call('POST', '/api/auth/wechat', { code: wechat.issueCode('oNewsEditor000000000000001') });
    await core.infra.users.putGrant(login.body.me.userId, {
      kind: 'grant',
      role: 'group_admin',
      scopeType: 'group',
      scopeId: 'jn-jingwu',
      scopeName: '经五教育集团',
      grantedAt: '2026-11-23T00:00:00Z',
      grantedVia: 'test',
    });
    const editor = new TestClient(core.app, login.body.token);
    const risky = await editor.call('POST', '/api/admin/groups/jn-jingwu/news', draft('违规标题'));
    const clean = await editor.call('POST', '/api/admin/groups/jn-jingwu/news', draft('正常标题'));

    // Act
    const refused = await editor.call('POST', `/api/admin/news/${risky.body.id}/publish`, {});
    const published = await editor.call('POST', `/api/admin/news/${clean.body.id}/publish`, {});
    const riskyEdit = await editor.call('PUT', `/api/admin/news/${clean.body.id}`, {
      ...draft('改成违规内容'),
      version: published.body.version,
    });

    // Assess
    expect(refused).toMatchObject({
      status: 400,
      body: { error: { code: 'NEWS_CONTENT_REFUSED', message: '内容未通过安全检查，请修改后再发布' } },
    });
    expect(published.status).toBe(200);
    expect(riskyEdit.status).toBe(400);
    expect((await new TestClient(core.app).call('GET', `/api/news/${clean.body.id}`)).body.title).toBe('正常标题');
    expect((await new TestClient(core.app).call('GET', `/api/news/${risky.body.id}`)).status).toBe(404);
  });

  describe('WeChatClient.sendSubscribeMessage', () => {
    const message = (openid: string) => ({
      openid,
      templateId: TEMPLATE,
      page: 'packages/news/detail/index?id=x',
      data: { thing1: { value: '标题' } },
    });
    const client = () => new WeChatClient({ appId: 'wx-test-app', appSecret: 'test-app-secret', apiBase: wechat.url, timeoutMs: 2000 });

    it('answers sent, refused (43101), and sent after one token refresh (40001)', async () => {
      const wx = client();
      wechat.refuseSubscribeMessages('oClientRefused');
      expect(await wx.sendSubscribeMessage(message('oClientOk'))).toBe('sent');
      expect(await wx.sendSubscribeMessage(message('oClientRefused'))).toBe('refused');
      wechat.setTokenExpired(1);
      expect(await wx.sendSubscribeMessage(message('oClientRetry'))).toBe('sent');
    });

    it('gives up with 502 after a second rejected token instead of looping', async () => {
      wechat.setTokenExpired(2);
      await expect(client().sendSubscribeMessage(message('oClientLoop'))).rejects.toMatchObject({ status: 502, code: 'WECHAT_ERROR' });
    });
  });
});
