import { createCore } from '../../../src/core';
import { createLogger } from '../../../src/log/logger';
import { TestClient } from '../../../../tests/support/api-client';
import { createSeededTable, type TestTable } from '../../../../tests/support/dynamo';
import { exampleRow, importBody, PLACE_META, type Row } from '../../../../tests/support/rotation';
import { testConfig } from '../../../../tests/support/test-config';

/** Compliance per school, group and district from eligible counts and published batches (docs/rotation.md). */
describe('rotation compliance', () => {
  let table: TestTable;
  let core: ReturnType<typeof createCore>;
  let admin: TestClient;
  const meta = PLACE_META['own-district'];
  const rows = (n: number, from: string, backbone: number, prefix: string): Row[] =>
    Array.from({ length: n }, (_, i) =>
      exampleRow({
        teacherName: `${prefix}${i + 1}`,
        fromSchool: from,
        backboneLevel: i < backbone ? '区级' : '无',
        toSchool: '济南育英中学',
      }),
    );
  const batch = async (list: Row[], overrides = {}, publish = true) => {
    const created = await admin.call('POST', '/api/admin/rotation/batches/import', importBody({ ...meta, ...overrides }, list));
    expect(created.status).toBe(201);
    if (publish) expect((await admin.call('POST', `/api/admin/rotation/batches/${created.body.batch.id}/publish`)).status).toBe(200);
    return created.body.batch.id as string;
  };
  const report = async () => (await admin.call('GET', '/api/admin/districts/jinan-shizhong/rotation/compliance?schoolYear=2026-2027')).body;
  const unit = (body: { units: Array<{ id: string }> }, id: string) => body.units.find((u) => u.id === id);

  beforeAll(async () => {
    table = await createSeededTable('rotcompliance');
    core = createCore(testConfig(table.tableName, 'local', { AUTH_DEV_LOGIN: '1', RATE_WRITES_CAPACITY: '1000' }), {
      logger: createLogger(undefined, 'silent'),
      now: () => new Date('2026-11-23T02:00:00Z'),
    });
    admin = new TestClient(core.app);
    await admin.devLogin('district_admin');
    for (const [school, eligible] of [
      ['jn-jingbalu-ps', 84],
      ['jn-jingwei-ps', 40],
      ['jn-jingwulu-ps', 20],
    ] as const) {
      expect(
        (await admin.call('PUT', `/api/admin/schools/${school}/eligible-teachers`, { schoolYear: '2026-2027', eligible })).status,
      ).toBe(200);
    }
    await batch([...rows(6, '济南市经八路小学', 1, '八'), ...rows(3, '济南市经纬小学', 3, '纬')]);
    // Not counted: a draft, a withdrawn batch, another school year.
    await batch(rows(5, '济南市经八路小学', 5, '草稿'), {}, false);
    const withdrawn = await batch(rows(5, '济南市经八路小学', 5, '撤回'));
    await admin.call('POST', `/api/admin/rotation/batches/${withdrawn}/withdraw`);
    await batch(rows(5, '济南市经八路小学', 5, '下学年'), { schoolYear: '2027-2028' });
  });
  afterAll(() => table.drop());

  it('matches worked example 1 for a school: 84 eligible, 6 rotating, 1 骨干 → 还需 3 名, 骨干还需 1 名', async () => {
    expect(unit(await report(), 'jn-jingbalu-ps')).toMatchObject({
      level: 'school',
      eligible: 84,
      rotating: 6,
      backbone: 1,
      rotatingRequired: 9,
      rotatingShortfall: 3,
      rotatingShortfallText: '还需 3 名',
      backboneRequired: 2,
      backboneShortfall: 1,
      backboneShortfallText: '还需 1 名',
      flagged: true,
    });
  });

  it("sums a group's member schools, and leaves a total without eligible counts unflagged (待填写) with no share", async () => {
    const body = await report();
    expect(unit(body, 'jn-jingwu')).toMatchObject({
      level: 'group',
      eligible: 144,
      rotating: 9,
      backbone: 4,
      rotatingRequired: 15,
      rotatingShortfall: 6,
      backboneShortfall: 0,
      flagged: true,
    });
    expect(unit(body, 'jinan-shizhong')).toMatchObject({
      level: 'district',
      eligible: null,
      rotatingShare: null,
      rotatingShortfall: null,
      rotating: 9,
      flagged: false,
    });
    expect(body.thresholds).toEqual({ rotatingPct: 10, backbonePct: 20 });
  });

  it("applies the district's own thresholds (15 % / 30 %)", async () => {
    // Prepare
    const before = unit(await report(), 'jn-jingwei-ps');
    // Act
    await admin.call('PUT', '/api/admin/districts/jinan-shizhong/rotation/settings', { rotatingPct: 15, backbonePct: 30 });
    const after = unit(await report(), 'jn-jingwei-ps');
    // Assess: 40 eligible, 3 rotating, all 骨干.
    expect(before).toMatchObject({ rotatingRequired: 4, rotatingShortfallText: '还需 1 名', backboneShortfall: 0 });
    expect(after).toMatchObject({ rotatingRequired: 6, rotatingShortfallText: '还需 3 名', backboneShortfall: 0 });
  });

  it('asks for a school year, and refuses a bad eligible count', async () => {
    expect(await admin.call('GET', '/api/admin/districts/jinan-shizhong/rotation/compliance')).toMatchObject({
      status: 400,
      body: { error: { message: '请指定学年，如 2026-2027' } },
    });
    expect(
      (await admin.call('PUT', '/api/admin/schools/jn-jingbalu-ps/eligible-teachers', { schoolYear: '2026-2028', eligible: -1 })).status,
    ).toBe(400);
  });
});
