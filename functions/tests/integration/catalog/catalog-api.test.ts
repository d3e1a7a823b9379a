import { createCore } from '../../../src/core';
import { testConfig } from '../../../../tests/support/test-config';
import { createSeededTable, type TestTable } from '../../../../tests/support/dynamo';
import type { SchoolSearchResult } from '../../../../shared';
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../../src/db/keys';

/** The HTTP API end to end on DynamoDB Local, through the core (no adapter). */
describe('catalog API', () => {
  let table: TestTable;
  let app: ReturnType<typeof createCore>['app'];

  beforeAll(async () => {
    table = await createSeededTable('api');
    app = createCore(testConfig(table.tableName)).app;
  });
  afterAll(() => table.drop());

  const get = async (path: string) => {
    const res = await app.request(path);
    return { status: res.status, body: await res.json() };
  };
  const search = async (query: string) => (await get(`/api/schools?${query}`)).body as SchoolSearchResult;

  it('lists the four seed districts with counts, and 海淀 with its reported figures', async () => {
    const { status, body } = await get('/api/districts');
    expect(status).toBe(200);
    const byId = Object.fromEntries(body.items.map((d: { id: string }) => [d.id, d]));
    expect(byId['jinan-shizhong']).toEqual({
      id: 'jinan-shizhong',
      name: '市中区',
      city: '济南市',
      province: '山东省',
      groupCount: 11,
      schoolCount: 24,
    });
    expect(byId['qingdao-shibei']).toMatchObject({ groupCount: 8, schoolCount: 13 });
    // 海淀: the five schools 003 names, in no group; its 36 groups are reported figures only.
    expect(byId['beijing-haidian']).toMatchObject({
      groupCount: 0,
      schoolCount: 5,
      reported: { groups: 36, sites: 140, memberSchools: 100, students: 190000, atLeast: true },
    });
  });

  it('lists the groups of a district with type, lead school and member count', async () => {
    const { body } = await get('/api/districts/jinan-shizhong/groups');
    expect(body.items).toContainEqual({
      id: 'jn-jingwu',
      name: '经五教育集团',
      type: '1+X',
      leadSchoolId: 'jn-jingwulu-ps',
      memberCount: 3,
    });
    expect(body.items).toContainEqual(expect.objectContaining({ id: 'jn-shiyan-alliance', type: '联盟型', memberCount: 2 }));
    expect(body.items).toHaveLength(11);
  });

  it('shows a group with its lead school first and its members', async () => {
    const { status, body } = await get('/api/groups/jn-jingwu');
    expect(status).toBe(200);
    expect(body.leadSchool).toEqual({ id: 'jn-jingwulu-ps', name: '济南市经五路小学' });
    expect(body.members[0]).toEqual({ schoolId: 'jn-jingwulu-ps', name: '济南市经五路小学', role: 'lead', stage: '小学' });
    expect(body.members.map((m: { name: string }) => m.name).sort()).toEqual(
      ['济南市经五路小学', '济南市经八路小学', '济南市经纬小学'].sort(),
    );
  });

  it('shows an alliance of equals with no lead school, and a partner outside the district', async () => {
    expect((await get('/api/groups/qd-alliance-44-guangya')).body).toMatchObject({ leadSchool: null, type: '联盟型' });
    expect((await get('/api/groups/qd-qingda-binhai')).body).toMatchObject({ partners: ['山东青大教育集团'], type: '跨学段合作式' });
  });

  it('shows a school with all its groups and campuses', async () => {
    expect((await get('/api/schools/jn-shiyan-jhs')).body.groups.map((g: { id: string; role: string }) => [g.id, g.role]).sort()).toEqual([
      ['jn-shiyan', 'lead'],
      ['jn-shiyan-alliance', 'lead'],
    ]);
    expect((await get('/api/schools/wh-no5-ps')).body).toMatchObject({
      campuses: [{ id: 'longyouwan', name: '龙游湾校区' }],
      aliases: ['五小', '海区五小'],
    });
  });

  it.each([
    ['经八路', '济南市经八路小学'],
    ['經八路', '济南市经八路小学'],
    ['jingbalu', '济南市经八路小学'],
    ['jbl', '济南市经八路小学'],
    ['海区五小', '海勃湾区五小'],
    ['六十八中', '济南第六十八中学'],
    ['啟元', '青岛启元学校'],
  ])('finds %s → %s first, with its groups', async (q, name) => {
    const result = await search(`q=${encodeURIComponent(q)}`);
    expect(result.items[0].name).toBe(name);
    expect(result.items[0].groups.length).toBeGreaterThan(0);
  });

  it('ranks an exact name (or alias) before a name that starts with it', async () => {
    const names = (await search(`q=${encodeURIComponent('泉景中学')}`)).items.map((s) => s.name);
    expect(names).toEqual(['济南泉景中学', '济南泉景中学小学部']);
  });

  it('pages through a district without duplicates or gaps', async () => {
    // Prepare
    const all = (await search('district=jinan-shizhong&limit=50')).items.map((s) => s.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    // Act
    do {
      const page: SchoolSearchResult = await search(`district=jinan-shizhong&limit=7${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((s) => s.id));
      cursor = page.nextCursor;
    } while (cursor);
    // Assess
    expect(all).toHaveLength(24);
    expect(seen).toEqual(all);
  });

  it.each([
    ['q=', 'BAD_QUERY'],
    ['q=%20%20', 'BAD_QUERY'],
    [`q=${encodeURIComponent('学'.repeat(51))}`, 'BAD_QUERY'],
    ['q=a&limit=0', 'VALIDATION_FAILED'],
    ['q=a&limit=51', 'VALIDATION_FAILED'],
    ['q=a&limit=abc', 'VALIDATION_FAILED'],
    ['q=a&cursor=not-a-cursor', 'BAD_CURSOR'],
  ])('answers bad input %s with 400 %s and a Chinese message', async (query, code) => {
    const { status, body } = await get(`/api/schools?${query}`);
    expect(status).toBe(400);
    expect(body.error.code).toBe(code);
    expect(body.error.message).toMatch(/\p{Script=Han}/u);
  });

  it('accepts a 50-character query', async () => {
    expect((await get(`/api/schools?q=${encodeURIComponent('学'.repeat(50))}`)).status).toBe(200);
  });

  it.each([
    '/api/schools/nope',
    '/api/groups/nope',
    '/api/districts/nope/groups',
    '/api/schools?district=nope',
    '/api/schools/NOT%20AN%20ID',
    '/api/unknown',
    '/',
  ])('answers %s with 404 NOT_FOUND in the error shape', async (path) => {
    const { status, body } = await get(path);
    expect(status).toBe(404);
    expect(body.error.code).toBe('NOT_FOUND');
  });

  it.each([
    '/api/districts',
    '/api/districts/jinan-shizhong/groups',
    '/api/groups/jn-jingwu',
    '/api/schools/jn-jingbalu-ps',
    '/api/schools?q=jbl',
  ])('lets caches keep %s for a minute and revalidate it for no body', async (path) => {
    // Prepare
    const first = await app.request(path);
    const etag = first.headers.get('etag')!;
    // Act
    const again = await app.request(path, { headers: { 'if-none-match': etag } });
    const other = await app.request(path, { headers: { 'if-none-match': 'W/"something-else"' } });
    // Assess
    expect(first.headers.get('cache-control')).toBe('public, max-age=60, stale-while-revalidate=60');
    expect(etag).toMatch(/^W\/".+"$/);
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(other.status).toBe(200);
    expect(await other.json()).toEqual(await first.json());
  });

  it('answers the district list and a search from the published snapshot, and from a full read on a table without one', async () => {
    // Prepare: the same catalogue with its snapshot version removed.
    const bare = await createSeededTable('nosnap');
    await bare.db.send(new DeleteCommand({ TableName: bare.tableName, Key: keys.catalogSnapshot() }));
    const fallback = createCore(testConfig(bare.tableName)).app;
    try {
      // Act
      const [fromSnapshot, fromScan] = await Promise.all([app.request('/api/districts'), fallback.request('/api/districts')]);
      const [hitSnapshot, hitScan] = await Promise.all([app.request('/api/schools?q=47中'), fallback.request('/api/schools?q=47中')]);
      // Assess
      expect(await fromScan.json()).toEqual(await fromSnapshot.json());
      expect(((await hitScan.json()) as SchoolSearchResult).items[0].name).toBe('青岛第四十七中学');
      expect(((await hitSnapshot.json()) as SchoolSearchResult).items[0].name).toBe('青岛第四十七中学');
    } finally {
      await bare.drop();
    }
  });
});
