import { createCore } from '../../../src/core';
import { catalogItem } from '../../../src/features/catalog/catalog-item-builders';
import { publishCatalog } from '../../../src/features/catalog/catalog-snapshots';
import { createLogger } from '../../../src/log/logger';
import { TestClient } from '../../../../tests/support/api-client';
import { createTestTable, type TestTable } from '../../../../tests/support/dynamo';
import { testConfig } from '../../../../tests/support/test-config';

/** 附近的学校 answers from the published catalogue's geohash cells, nearest first, and never keeps the position it was asked for. */
describe('nearby schools', () => {
  let table: TestTable;
  let client: TestClient;
  const logged: string[] = [];
  const district = { id: 'near-town', name: '附近区', city: '济南市', province: '山东省' };
  const base = { districtId: district.id, stage: '小学' as const, aliases: [] };
  // 泉城广场 (GCJ-02), and schools 0.4, 1.6, 9 and 45 km from it.
  const here = { lat: 36.6612, lng: 117.0213 };

  beforeAll(async () => {
    table = await createTestTable('nearby');
    const logger = createLogger({ write: (line: string) => logged.push(line) } as never, 'info');
    const core = createCore(testConfig(table.tableName), { logger });
    client = new TestClient(core.app);
    await table.catalog.putItems([
      catalogItem.district(district),
      catalogItem.school({ ...base, id: 'nb-square', name: '泉城广场小学', location: { lat: 36.6648, lng: 117.0213 } }, district),
      catalogItem.school({ ...base, id: 'nb-lake', name: '大明湖小学', location: { lat: 36.6752, lng: 117.0255 } }, district),
      catalogItem.school({ ...base, id: 'nb-east', name: '东郊小学', location: { lat: 36.6612, lng: 117.1218 } }, district),
      catalogItem.school({ ...base, id: 'nb-far', name: '远郊小学', location: { lat: 37.0662, lng: 117.0213 } }, district),
      catalogItem.school({ ...base, id: 'nb-nowhere', name: '无坐标小学' }, district),
      catalogItem.school(
        { ...base, id: 'nb-closed', name: '停办小学', location: { lat: 36.6613, lng: 117.0214 }, archivedAt: '2026-09-01T00:00:00Z' },
        district,
      ),
    ]);
    await publishCatalog(core.infra.catalog);
  });
  afterAll(() => table.drop());

  const nearby = (query: string) => client.call('GET', `/api/schools/nearby?${query}`);

  it('AP99: lists the schools within 30 km nearest first with their distance in metres, from the snapshot’s geohash cells', async () => {
    // Act
    const { status, body } = await nearby(`lat=${here.lat}&lng=${here.lng}`);
    // Assess: no archived school, none without coordinates, none 45 km away.
    expect(status).toBe(200);
    expect(body.items.map((s: { id: string }) => s.id)).toEqual(['nb-square', 'nb-lake', 'nb-east']);
    const [square, lake, east] = body.items;
    expect(square).toMatchObject({ name: '泉城广场小学', districtId: district.id, stage: '小学', groups: [] });
    expect(square.distance).toBeGreaterThan(350);
    expect(square.distance).toBeLessThan(450);
    expect(lake.distance).toBeGreaterThan(1_500);
    expect(lake.distance).toBeLessThan(1_700);
    expect(east.distance).toBeGreaterThan(8_900);
    expect(east.distance).toBeLessThan(9_100);
  });

  it('answers only as many schools as asked for', async () => {
    // Act
    const { status, body } = await nearby(`lat=${here.lat}&lng=${here.lng}&limit=1`);
    // Assess
    expect(status).toBe(200);
    expect(body.items.map((s: { id: string }) => s.id)).toEqual(['nb-square']);
  });

  it('answers an empty list, not an error, where no school is near', async () => {
    // Act: 乌鲁木齐.
    const { status, body } = await nearby('lat=43.8256&lng=87.6168');
    // Assess
    expect(status).toBe(200);
    expect(body).toEqual({ items: [] });
  });

  it('refuses a position outside China or missing with 400 in Chinese', async () => {
    // Act
    const outside = await nearby('lat=51.5&lng=-0.12');
    const missing = await nearby('lat=36.66');
    const words = await nearby('lat=abc&lng=117');
    // Assess
    for (const answer of [outside, missing, words]) {
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ error: { code: 'VALIDATION_FAILED', message: '位置参数不正确' } });
    }
  });

  it('is not cached by a CDN and logs the route, never the position', async () => {
    // Prepare
    logged.length = 0;
    // Act
    const answer = await nearby(`lat=${here.lat}&lng=${here.lng}`);
    // Assess
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control') ?? '').not.toContain('public');
    expect(logged.join('\n')).toContain('/api/schools/nearby');
    expect(logged.join('\n')).not.toContain(String(here.lat));
    expect(logged.join('\n')).not.toContain(String(here.lng));
  });
});
