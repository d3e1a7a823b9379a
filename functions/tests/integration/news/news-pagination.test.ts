import { randomBytes } from 'node:crypto';
import { createCore } from '../../../src/core';
import { createLogger } from '../../../src/log/logger';
import type { NewsItem } from '../../../src/features/news/news-items';
import { createSeededTable, type TestTable } from '../../../../tests/support/dynamo';
import { TestClient } from '../../../../tests/support/api-client';
import { testConfig } from '../../../../tests/support/test-config';

/** Keyset pages of a group and of 我的动态 while other items are being published. */
describe('news pagination under concurrent inserts', () => {
  let table: TestTable;
  let core: ReturnType<typeof createCore>;
  let reader: TestClient;
  const original = new Set<string>();
  const inserted = new Set<string>();
  let minute = 0;

  /** Straight into the table: the pages under test are the API's, the writes only their background. */
  async function insert(groupId: string, publishAt: string, pinned = false): Promise<string> {
    const id = `nw-${randomBytes(8).toString('hex')}`;
    const item: NewsItem = {
      kind: 'news',
      id,
      groupId,
      districtId: 'jinan-shizhong',
      schoolIds: [],
      title: id,
      summary: '',
      body: '',
      nodes: [],
      coverImage: null,
      images: [],
      authorName: '办公室',
      status: 'published',
      publishAt,
      pinned,
      version: 1,
      readCount: 0,
      createdAt: publishAt,
      updatedAt: publishAt,
    };
    await core.infra.news.create(item, {
      kind: 'news-edit',
      newsId: id,
      version: 1,
      at: publishAt,
      byName: '办公室',
      byRole: '集团管理员',
      action: 'create',
      changed: [],
      before: {},
    });
    return id;
  }
  const nextTime = () => new Date(Date.UTC(2026, 10, 1) + ++minute * 60_000).toISOString();

  beforeAll(async () => {
    table = await createSeededTable('news-pages');
    core = createCore(testConfig(table.tableName, 'local', { AUTH_DEV_LOGIN: '1', RATE_WRITES_CAPACITY: '100000' }), {
      logger: createLogger(undefined, 'silent'),
    });
    // Prepare: 40 items in 经五 (3 pinned) and 20 in 育英, publication times interleaved; a parent bound to a school of each.
    for (let i = 0; i < 60; i++) original.add(await insert(i % 3 === 2 ? 'jn-yuying' : 'jn-jingwu', nextTime(), i % 20 === 0));
    reader = new TestClient(core.app);
    await reader.devLogin('parent');
    for (const schoolId of ['jn-jingbalu-ps', 'jn-yuxiu-ms']) await reader.call('POST', '/api/me/schools', { schoolId });
  });
  afterAll(() => table.drop());

  /** Pages to the end while `writer` publishes; returns every id in page order. */
  async function pageThrough(path: string, limit: number): Promise<{ ids: string[]; pages: number; times: Array<[boolean, string]> }> {
    const ids: string[] = [];
    const times: Array<[boolean, string]> = [];
    let cursor: string | null = null;
    let pages = 0;
    let writing = true;
    const writer = (async () => {
      // Publishing now: newer than everything already listed.
      while (writing)
        inserted.add(
          await insert(minute % 2 ? 'jn-jingwu' : 'jn-yuying', new Date(Date.UTC(2026, 10, 23) + ++minute * 1000).toISOString()),
        );
    })();
    do {
      const page: {
        status: number;
        body: { items: Array<{ id: string; pinned: boolean; publishAt: string }>; nextCursor: string | null };
      } = await reader.call('GET', `${path}?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      for (const item of page.body.items) {
        ids.push(item.id);
        times.push([item.pinned, item.publishAt]);
      }
      cursor = page.body.nextCursor;
      pages++;
      // Another write lands between every two pages.
      await insert('jn-jingwu', new Date(Date.UTC(2026, 10, 23) + ++minute * 1000).toISOString()).then((id) => inserted.add(id));
    } while (cursor);
    writing = false;
    await writer;
    return { ids, pages, times };
  }

  it('我的动态 lists every item of both groups exactly once, pinned first, then newest first', async () => {
    // Act
    const { ids, pages, times } = await pageThrough('/api/me/news', 7);

    // Assess: no duplicates, no gaps; anything extra was published during the walk.
    expect(new Set(ids).size).toBe(ids.length);
    expect([...original].filter((id) => !ids.includes(id))).toEqual([]);
    expect(ids.filter((id) => !original.has(id)).every((id) => inserted.has(id))).toBe(true);
    expect(pages).toBeGreaterThanOrEqual(9);
    const order = times.map(([pinned, at]) => `${pinned ? 1 : 0}#${at}`);
    expect(order).toEqual([...order].sort().reverse());
    expect(times.slice(0, 3).every(([pinned]) => pinned)).toBe(true);
  });

  it('a group list does the same for its own items', async () => {
    // Act
    const { ids } = await pageThrough('/api/groups/jn-yuying/news', 6);

    // Assess
    const mine = [...original].filter((_, i) => i % 3 === 2);
    expect(new Set(ids).size).toBe(ids.length);
    expect(mine.filter((id) => !ids.includes(id))).toEqual([]);
  });
});
