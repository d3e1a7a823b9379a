import { NewsRepository } from '../../../src/features/news/news-repository';
import type { NewsEditItem, NewsItem } from '../../../src/features/news/news-items';
import { createTestTable, type TestTable } from '../../../../tests/support/dynamo';

/** One test per access pattern AP40-AP51 of docs/data-model.md, on DynamoDB Local. */
describe('news repository on DynamoDB Local', () => {
  let table: TestTable;
  let news: NewsRepository;
  let seq = 0;
  const id = () => `nw-${(++seq).toString(16).padStart(16, '0')}`;
  const NOW = '2026-11-23T08:00:00.000Z';

  const item = (overrides: Partial<NewsItem> = {}): NewsItem => ({
    kind: 'news',
    id: id(),
    groupId: 'g-news',
    districtId: 'd',
    schoolIds: [],
    title: '标题',
    summary: '',
    body: '',
    nodes: [],
    coverImage: null,
    images: [],
    authorName: '办公室',
    status: 'published',
    publishAt: '2026-11-20T00:00:00.000Z',
    pinned: false,
    version: 1,
    readCount: 0,
    createdAt: NOW,
    updatedAt: NOW,
    ...overrides,
  });
  const edit = (of: NewsItem, action: NewsEditItem['action'] = 'create'): NewsEditItem => ({
    kind: 'news-edit',
    newsId: of.id,
    version: of.version,
    at: of.updatedAt,
    byName: '办公室',
    byRole: '集团管理员',
    action,
    changed: ['title'],
    before: {},
  });
  const put = async (overrides: Partial<NewsItem> = {}) => {
    const created = item(overrides);
    await news.create(created, edit(created));
    return created;
  };

  beforeAll(async () => {
    table = await createTestTable('news');
    news = new NewsRepository(table.db, table.tableName);
  });
  afterAll(() => table.drop());

  it('AP40 creates an item with its first history entry, once', async () => {
    const created = await put();
    await expect(news.create(created, edit(created))).rejects.toThrow();
    expect(await news.history(created.id)).toHaveLength(1);
  });

  it('AP41 reads an item, and null for an unknown id', async () => {
    const created = await put({ title: '读取' });
    expect(await news.get(created.id)).toMatchObject({ id: created.id, title: '读取' });
    expect(await news.get('nw-ffffffffffffffff')).toBeNull();
  });

  it('AP42 saves only from the current version, leaving the read count alone', async () => {
    // Prepare
    const created = await put();
    await news.recordRead('reader-42', created.id, NOW);
    const next = { ...created, title: '新标题', version: 2, updatedAt: '2026-11-23T09:00:00.000Z' };

    // Act
    const first = await news.save(next, edit(next, 'edit'));
    const stale = await news.save({ ...next, title: '过期的修改' }, { ...edit(next, 'edit'), version: 3 });

    // Assess
    expect([first, stale]).toEqual([true, false]);
    expect(await news.get(created.id)).toMatchObject({ title: '新标题', version: 2, readCount: 1 });
  });

  it('AP43 pages a group newest first, pinned on top, hiding drafts, unpublished and not-yet-due items', async () => {
    // Prepare
    const g = 'g-43';
    const old = await put({ groupId: g, publishAt: '2026-11-01T00:00:00.000Z' });
    const recent = await put({ groupId: g, publishAt: '2026-11-22T00:00:00.000Z' });
    const pinned = await put({ groupId: g, publishAt: '2026-10-01T00:00:00.000Z', pinned: true });
    await put({ groupId: g, status: 'draft', publishAt: null });
    await put({ groupId: g, status: 'unpublished', publishAt: '2026-11-21T00:00:00.000Z' });
    await put({ groupId: g, publishAt: '2026-12-01T00:00:00.000Z' });

    // Act
    const first = await news.feedPage(g, null, 2, NOW);
    const second = await news.feedPage(g, first.items.at(-1)!.sortKey, 2, NOW);

    // Assess
    expect(first.items.map((i) => i.item.id)).toEqual([pinned.id, recent.id]);
    expect(first.more).toBe(true);
    expect(second.items.map((i) => i.item.id)).toEqual([old.id]);
    expect(second.more).toBe(false);
    // Read time decides: a month later the scheduled one is at the top.
    expect((await news.feedPage(g, null, 10, '2026-12-02T00:00:00.000Z')).items).toHaveLength(4);
  });

  it('AP44 pages per group with one cursor shape, so a feed can merge groups', async () => {
    await put({ groupId: 'g-44a', publishAt: '2026-11-02T00:00:00.000Z' });
    await put({ groupId: 'g-44b', publishAt: '2026-11-03T00:00:00.000Z' });
    const [a, b] = await Promise.all([news.feedPage('g-44a', null, 5, NOW), news.feedPage('g-44b', null, 5, NOW)]);
    expect(
      [...a.items, ...b.items]
        .map((i) => i.sortKey)
        .sort()
        .reverse()[0],
    ).toMatch(/^0#2026-11-03/);
  });

  it('AP45 lists every status for admins, most recently changed first', async () => {
    const draft = await put({ groupId: 'g-45', status: 'draft', publishAt: null, updatedAt: '2026-11-23T10:00:00.000Z' });
    const published = await put({ groupId: 'g-45', updatedAt: '2026-11-23T09:00:00.000Z' });
    const page = await news.adminPage('g-45', null, 1);
    expect(page.items.map((i) => i.item.id)).toEqual([draft.id]);
    expect((await news.adminPage('g-45', page.items[0].sortKey, 5)).items.map((i) => i.item.id)).toEqual([published.id]);
  });

  it('AP46 keeps the history in version order', async () => {
    const created = await put();
    for (const version of [2, 3]) {
      const next = { ...created, version, updatedAt: `2026-11-23T1${version}:00:00.000Z` };
      expect(await news.save(next, edit(next, 'edit'))).toBe(true);
    }
    expect((await news.history(created.id)).map((e) => [e.version, e.action])).toEqual([
      [1, 'create'],
      [2, 'edit'],
      [3, 'edit'],
    ]);
  });

  it('AP47 counts a reader once, however often and however concurrently they open it', async () => {
    // Prepare
    const created = await put();

    // Act: 50 opens by one reader at once, then 3 other readers.
    const firsts = await Promise.all(Array.from({ length: 50 }, () => news.recordRead('reader-47', created.id, NOW)));
    for (const reader of ['a', 'b', 'c']) await news.recordRead(reader, created.id, NOW);

    // Assess
    expect(firsts.filter(Boolean)).toHaveLength(1);
    expect((await news.get(created.id))!.readCount).toBe(4);
  });

  it('AP48 tells which items of a page the reader opened', async () => {
    const [a, b] = [await put(), await put()];
    await news.recordRead('reader-48', a.id, NOW);
    expect(await news.readSet('reader-48', [a.id, b.id])).toEqual(new Set([a.id]));
  });

  it('AP49 keeps one-time consents per user and group', async () => {
    for (const n of [1, 2]) {
      await news.putSubscription({
        kind: 'news-subscription',
        id: `s49-${n}`,
        groupId: 'g-49',
        userKey: 'u49',
        openid: 'o49',
        templateId: 't',
        createdAt: NOW,
      });
    }
    expect(await news.countSubscriptions('u49', 'g-49')).toBe(2);
    expect(await news.countSubscriptions('u49', 'g-other')).toBe(0);
  });

  it('AP50 consumes each consent once, one per user per publication, even with two senders at once', async () => {
    // Prepare: u1 has two consents, u2 one.
    const sub = (n: string, userKey: string, at: string) =>
      news.putSubscription({
        kind: 'news-subscription',
        id: `s50-${n}`,
        groupId: 'g-50',
        userKey,
        openid: `o-${userKey}`,
        templateId: 't',
        createdAt: at,
      });
    await sub('a', 'u1', '2026-11-23T01:00:00.000Z');
    await sub('b', 'u1', '2026-11-23T02:00:00.000Z');
    await sub('c', 'u2', '2026-11-23T03:00:00.000Z');

    // Act
    const [x, y] = await Promise.all([news.takeSubscriptions('g-50'), news.takeSubscriptions('g-50')]);
    const third = await news.takeSubscriptions('g-50');

    // Assess: three consents used, none twice.
    const used = [...x, ...y, ...third].map((s) => s.id).sort();
    expect(used).toEqual(['s50-a', 's50-b', 's50-c']);
    expect(await news.takeSubscriptions('g-50')).toEqual([]);
  });

  it('AP51 deletes a user’s read markers and consents', async () => {
    const created = await put();
    await news.recordRead('u51', created.id, NOW);
    await news.putSubscription({
      kind: 'news-subscription',
      id: 's51',
      groupId: 'g-51',
      userKey: 'u51',
      openid: 'o',
      templateId: 't',
      createdAt: NOW,
    });
    expect(await news.deleteUserData('u51')).toBe(2);
    expect(await news.readSet('u51', [created.id])).toEqual(new Set());
    expect(await news.countSubscriptions('u51', 'g-51')).toBe(0);
  });
});
