import { createCore } from '../../../src/core';
import { createLogger } from '../../../src/log/logger';
import { createSeededTable, type TestTable } from '../../../../tests/support/dynamo';
import { TestClient } from '../../../../tests/support/api-client';
import { startFakeWeChat, type FakeWeChat } from '../../../../tests/support/fake-wechat';
import { draft, testImageDir } from '../../../../tests/support/news';
import { testConfig } from '../../../../tests/support/test-config';

/** Publishing and reading group news through the API, on DynamoDB Local. */
describe('group news API', () => {
  let table: TestTable;
  let core: ReturnType<typeof createCore>;
  let wechat: FakeWeChat;
  let parents = 0;
  let clock = new Date('2026-11-23T08:00:00.000Z');
  const images = testImageDir();
  const admin = () => {
    const c = new TestClient(core.app);
    return c.devLogin('group_admin').then(() => c);
  };
  /** A distinct parent each time (the demo login is one shared user), through the fake WeChat login. */
  const parent = async () => {
    const login = await new TestClient(core.app).call('POST', '/api/auth/wechat', {
      code: wechat.issueCode(`oNewsParent${String(++parents).padStart(16, '0')}`),
    });
    const c = new TestClient(core.app, login.body.token);
    expect((await c.call('POST', '/api/me/schools', { schoolId: 'jn-jingbalu-ps' })).status).toBe(200);
    return c;
  };
  async function published(by: TestClient, title: string, extra: Record<string, unknown> = {}) {
    const created = await by.call('POST', '/api/admin/groups/jn-jingwu/news', draft(title, extra));
    expect(created.status).toBe(201);
    const done = await by.call('POST', `/api/admin/news/${created.body.id}/publish`, {});
    expect(done.status).toBe(200);
    return done.body;
  }

  beforeAll(async () => {
    table = await createSeededTable('news-api');
    wechat = await startFakeWeChat();
    const config = testConfig(table.tableName, 'local', {
      AUTH_DEV_LOGIN: '1',
      RATE_WRITES_CAPACITY: '100000',
      NEWS_IMAGE_DIR: images.dir,
      WECHAT_API_BASE: wechat.url,
    });
    core = createCore(config, { logger: createLogger(undefined, 'silent'), now: () => clock });
  });
  afterAll(async () => {
    images.drop();
    await wechat.close();
    await table.drop();
  });

  it('keeps a draft from readers until it is published, then shows it sanitized in the group list and 我的动态', async () => {
    // Prepare
    const editor = await admin();
    const reader = await parent();
    const created = await editor.call(
      'POST',
      '/api/admin/groups/jn-jingwu/news',
      draft('教研开放周', { body: '## 安排\n\n<script>alert(1)</script>\n\n**周三**听课<img src=x onerror=alert(2)>' }),
    );

    // Act
    const asDraft = await reader.call('GET', `/api/news/${created.body.id}`);
    await editor.call('POST', `/api/admin/news/${created.body.id}/publish`, {});
    const detail = await reader.call('GET', `/api/news/${created.body.id}`);
    const list = await new TestClient(core.app).call('GET', '/api/groups/jn-jingwu/news');
    const feed = await reader.call('GET', '/api/me/news');

    // Assess
    expect(created.body).toMatchObject({ status: 'draft', version: 1 });
    expect(asDraft).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND', message: '未找到该动态' } } });
    expect(detail.body).toMatchObject({ title: '教研开放周', status: 'published', groupName: '经五教育集团', readCount: 1, read: true });
    expect(JSON.stringify(detail.body.nodes)).not.toMatch(/script|alert/);
    expect(detail.body.nodes[1]).toMatchObject({
      name: 'p',
      children: [{ name: 'strong', children: [{ text: '周三' }] }, { text: '听课' }],
    });
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain(created.body.id);
    expect(list.body.items[0]).not.toHaveProperty('read');
    expect(feed.body.items.find((i: { id: string }) => i.id === created.body.id)).toMatchObject({ read: true, readCount: 1 });
  });

  it('records who changed what and when, and refuses an edit from a stale version', async () => {
    // Prepare
    const editor = await admin();
    const created = await editor.call('POST', '/api/admin/groups/jn-jingwu/news', draft('初稿标题'));

    // Act
    const edited = await editor.call('PUT', `/api/admin/news/${created.body.id}`, { ...draft('改后标题'), version: 1 });
    const stale = await editor.call('PUT', `/api/admin/news/${created.body.id}`, { ...draft('另一个人的修改'), version: 1 });
    await editor.call('POST', `/api/admin/news/${created.body.id}/publish`, {});
    const history = (await editor.call('GET', `/api/admin/news/${created.body.id}`)).body.history;

    // Assess
    expect(edited.body).toMatchObject({ title: '改后标题', version: 2 });
    expect(stale).toMatchObject({ status: 409, body: { error: { code: 'NEWS_EDIT_CONFLICT' } } });
    expect(history.map((h: { action: string }) => h.action)).toEqual(['create', 'edit', 'publish']);
    expect(history[1]).toMatchObject({
      byName: '集团办公室',
      byRole: '集团管理员',
      at: clock.toISOString(),
      before: { title: '初稿标题', summary: '初稿标题摘要' },
    });
    expect(history[1].changed).toEqual(expect.arrayContaining(['title', 'summary']));
    expect(history[2]).toMatchObject({ changed: ['status', 'publishAt'], before: { status: 'draft', publishAt: null } });
  });

  it.each([
    ['a 1 MB body', () => draft('大正文', { body: 'a'.repeat(1024 * 1024) }), 413, 'PAYLOAD_TOO_LARGE'],
    ['a body over 20,000 characters', () => draft('长正文', { body: '字'.repeat(20_001) }), 400, 'VALIDATION_FAILED'],
    ['a 61-character title', () => draft('题'.repeat(61)), 400, 'VALIDATION_FAILED'],
    ['a school outside the group', () => draft('外校', { schoolIds: ['qd-binhai'] }), 400, 'VALIDATION_FAILED'],
    [
      'an image never uploaded',
      () => draft('无图', { coverImage: 'jn-jingwu.0f8c2a4e-1b2c-4d3e-8f9a-0123456789ab.png' }),
      400,
      'IMAGE_INVALID',
    ],
  ])('answers %s with a 4xx, a code and a Chinese message', async (_label, body, status, code) => {
    const answer = await (await admin()).call('POST', '/api/admin/groups/jn-jingwu/news', body());
    expect(answer).toMatchObject({ status, body: { error: { code, message: expect.stringMatching(/[\u4e00-\u9fff]/) } } });
  });

  it('shows a scheduled item at its time, decided when it is read', async () => {
    // Prepare
    const editor = await admin();
    const created = await editor.call('POST', '/api/admin/groups/jn-jingwu/news', draft('下周活动预告'));
    const at = new Date(clock.getTime() + 3600_000).toISOString();

    // Act
    const scheduled = await editor.call('POST', `/api/admin/news/${created.body.id}/publish`, { publishAt: at });
    const before = await new TestClient(core.app).call('GET', `/api/news/${created.body.id}`);
    const listBefore = await new TestClient(core.app).call('GET', '/api/groups/jn-jingwu/news?limit=50');
    clock = new Date(clock.getTime() + 3601_000);
    const after = await new TestClient(core.app).call('GET', `/api/news/${created.body.id}`);
    const listAfter = await new TestClient(core.app).call('GET', '/api/groups/jn-jingwu/news?limit=50');
    const past = await editor.call('POST', `/api/admin/news/${created.body.id}/publish`, { publishAt: '2020-01-01T00:00:00Z' });

    // Assess
    expect(scheduled.body.status).toBe('scheduled');
    expect(before.status).toBe(404);
    expect(listBefore.body.items.map((i: { id: string }) => i.id)).not.toContain(created.body.id);
    expect(after.body).toMatchObject({ status: 'published', publishAt: at });
    expect(listAfter.body.items[0].id).toBe(created.body.id);
    expect(past.status).toBe(409);
  });

  it('puts pinned items on top and hides unpublished ones again', async () => {
    const editor = await admin();
    const pinned = await published(editor, '置顶通知', { pinned: true });
    clock = new Date(clock.getTime() + 1000);
    const later = await published(editor, '更新的动态');
    await editor.call('POST', `/api/admin/news/${later.id}/unpublish`);
    const list = (await new TestClient(core.app).call('GET', '/api/groups/jn-jingwu/news')).body.items;
    expect(list[0].id).toBe(pinned.id);
    expect(list.map((i: { id: string }) => i.id)).not.toContain(later.id);
    expect((await editor.call('POST', `/api/admin/news/${later.id}/unpublish`)).status).toBe(409);
  });

  it('counts a reader once after 50 re-opens and 50 concurrent opens, and marks 已读 only for them', async () => {
    // Prepare
    const item = await published(await admin(), '只计一次');
    const [reader, other] = [await parent(), await parent()];

    // Act
    for (let i = 0; i < 50; i++) await reader.call('GET', `/api/news/${item.id}`);
    const concurrent = await Promise.all(Array.from({ length: 50 }, () => reader.call('GET', `/api/news/${item.id}`)));
    const anonymous = await new TestClient(core.app).call('GET', `/api/news/${item.id}`);
    const readerFeed = await reader.call('GET', '/api/me/news?limit=50');
    const otherFeed = await other.call('GET', '/api/me/news?limit=50');

    // Assess
    expect(concurrent.every((a) => a.status === 200)).toBe(true);
    expect(anonymous.body.readCount).toBe(1);
    expect(readerFeed.body.items.find((i: { id: string }) => i.id === item.id)).toMatchObject({ read: true, readCount: 1 });
    expect(otherFeed.body.items.find((i: { id: string }) => i.id === item.id)).toMatchObject({ read: false });
  });

  it('refuses a malformed cursor with 400', async () => {
    const answer = await new TestClient(core.app).call('GET', '/api/groups/jn-jingwu/news?cursor=bm90LWEta2V5');
    expect(answer).toMatchObject({ status: 400, body: { error: { code: 'BAD_CURSOR' } } });
  });
});
