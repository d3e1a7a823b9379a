import ExcelJS from 'exceljs';
import { CATALOG_IMPORT_FILE_BASE64_MAX, type CatalogImportPreview } from '../../../../shared';
import { createCore } from '../../../src/core';
import { DistrictWrites } from '../../../src/features/catalog/district-writes';
import { createLogger } from '../../../src/log/logger';
import { TestClient } from '../../../../tests/support/api-client';
import {
  catalogCsv,
  catalogImportBody,
  newSchoolRow,
  syntheticCatalogRows,
  type CatalogRowCells,
} from '../../../../tests/support/catalog-import';
import { createSeededTable, type TestTable } from '../../../../tests/support/dynamo';
import { testConfig } from '../../../../tests/support/test-config';

/** The catalogue import and export through the HTTP API on DynamoDB Local (docs/catalogue.md "Import and export"). */
describe('catalogue import and export', () => {
  let table: TestTable;
  let core: ReturnType<typeof createCore>;
  let districts: DistrictWrites;
  let count = 0;

  beforeAll(async () => {
    table = await createSeededTable('catimport');
    core = createCore(testConfig(table.tableName, 'local', { AUTH_DEV_LOGIN: '1', RATE_WRITES_CAPACITY: '1000' }), {
      logger: createLogger(undefined, 'silent'),
      // 2026-1 is today's term, 2026-2 the next.
      now: () => new Date('2026-11-23T02:00:00Z'),
    });
    districts = new DistrictWrites(table.db, table.tableName);
  });
  afterAll(() => table.drop());

  /** A new, empty district and its admin: every test starts from a district of its own. */
  async function newDistrict(): Promise<{ id: string; admin: TestClient }> {
    const id = `cn-99${String(++count).padStart(4, '0')}`;
    await districts.putDistrict({ id, name: `测试${count}区`, city: '测试市', province: '山东省' });
    const admin = new TestClient(core.app);
    await admin.devLogin({ role: 'district_admin', districtId: id });
    return { id, admin };
  }
  const upload = async (admin: TestClient, districtId: string, body: ReturnType<typeof catalogImportBody>) => {
    const answer = await admin.call<CatalogImportPreview>('POST', `/api/admin/districts/${districtId}/catalog/import`, body);
    expect(answer.status).toBe(200);
    return answer.body;
  };
  const exported = async (admin: TestClient, districtId: string, query = 'format=xlsx') => {
    const res = await core.app.request(`/api/admin/districts/${districtId}/catalog/export?${query}`, {
      headers: { authorization: `Bearer ${admin.token}` },
    });
    expect(res.status).toBe(200);
    return Buffer.from(await res.arrayBuffer());
  };
  const stored = async (districtId: string) => {
    const [schools, groups, periods] = await Promise.all([
      core.infra.catalog.listSchoolsOfDistrict(districtId),
      core.infra.catalog.listGroupsOfDistrict(districtId),
      core.infra.catalog.allPeriodsOfDistrict(districtId),
    ]);
    return { schools, groups, periods };
  };
  /** Two groups and six schools with addresses, coordinates and enrolment, as the e2e imports them. */
  const east = { groupName: '东城教育集团', groupType: '1+X' };
  const west = { stage: '初中', groupName: '西城教育集团', groupType: '联盟型' };
  const twoGroups: CatalogRowCells[] = [
    newSchoolRow('东城小学', { ...east, address: '东城路 1 号', lat: '36.65', lng: '117.01', families: '800', campuses: '本部、南校区' }),
    newSchoolRow('东城二小', { ...east, role: '成员校', families: '500' }),
    newSchoolRow('东城三小', { ...east, role: '成员校', phone: '0531-86012345' }),
    newSchoolRow('西城中学', { ...west, partners: '山东青大教育集团' }),
    newSchoolRow('西城二中', { ...west, role: '联盟校', students: '900' }),
    newSchoolRow('西城三中', { ...west, role: '成员校', aliases: '三中' }),
  ];

  it('previews a file without writing anything', async () => {
    // Prepare
    const { id, admin } = await newDistrict();
    // Act
    const preview = await upload(admin, id, catalogImportBody(catalogCsv(twoGroups)));
    // Assess
    expect(preview).toEqual({
      applied: false,
      basis: expect.any(String),
      rows: 6,
      errors: [],
      changes: {
        groupsAdded: ['东城教育集团', '西城教育集团'],
        groupsChanged: [],
        schoolsAdded: ['东城小学', '东城二小', '东城三小', '西城中学', '西城二中', '西城三中'],
        schoolsChanged: [],
        moves: expect.arrayContaining(['东城二小：无集团 → 东城教育集团（成员校）']),
        enrollmentsSet: 2,
      },
    });
    expect(await stored(id)).toEqual({ schools: [], groups: [], periods: [] });
  });

  it('AP90: applies a file as batch writes: groups, schools, campuses, memberships from the term, enrolment', async () => {
    // Prepare
    const { id, admin } = await newDistrict();
    // Act
    const applied = await upload(admin, id, catalogImportBody(catalogCsv(twoGroups), { apply: true }));
    // Assess
    expect(applied).toMatchObject({ applied: true, errors: [] });
    const { schools, groups, periods } = await stored(id);
    expect(schools.map((s) => s.name).sort()).toEqual(['东城三小', '东城二小', '东城小学', '西城三中', '西城二中', '西城中学'].sort());
    const dongcheng = schools.find((s) => s.name === '东城小学')!;
    expect(dongcheng).toMatchObject({ address: '东城路 1 号', location: { lat: 36.65, lng: 117.01 }, stage: '小学' });
    expect((await core.infra.catalog.getSchoolWithCampuses(dongcheng.id))!.campuses.map((c) => c.name).sort()).toEqual(['南校区', '本部']);
    const east = groups.find((g) => g.name === '东城教育集团')!;
    expect(east).toMatchObject({ groupType: '1+X', leadSchoolId: dongcheng.id });
    expect(groups.find((g) => g.name === '西城教育集团')).toMatchObject({ partners: ['山东青大教育集团'], groupType: '联盟型' });
    expect(periods).toHaveLength(6);
    expect(periods.every((p) => p.fromTerm === '2026-1' && p.untilTerm === undefined)).toBe(true);
    // The search index follows: a parent finds the new school at once.
    const hits = await core.app.request(`/api/schools?q=${encodeURIComponent('东城二小')}&district=${id}`);
    expect(((await hits.json()) as { items: Array<{ name: string; groups: Array<{ name: string }> }> }).items[0]).toMatchObject({
      name: '东城二小',
      groups: [{ name: '东城教育集团' }],
    });
  });

  it('answers every bad cell of an error file by row and column, and writes nothing even with apply', async () => {
    // Prepare
    const { id, admin } = await newDistrict();
    const rows = [
      ...twoGroups,
      newSchoolRow('北城小学', { stage: '幼儿园', lat: '10', lng: '10', ...east }),
      { name: '南城小学', stage: '小学', groupType: '东城型' },
      newSchoolRow('中城小学', east),
    ];
    // Act
    const answer = await upload(admin, id, catalogImportBody(catalogCsv(rows), { apply: true }));
    // Assess
    expect(answer.applied).toBe(false);
    expect(answer.errors).toEqual([
      { row: 8, column: '学段', message: '学段须为：小学/初中/中学/九年一贯制/高中/完全中学/十二年一贯制' },
      { row: 8, column: '经度', message: '经度不在中国境内' },
      { row: 9, column: '所属集团', message: '请填写所属集团（不属于集团的学校，集团各列留空）' },
      { row: 10, column: '集团角色', message: '“东城教育集团”只能有一所牵头校（已在第 2 行）' },
    ]);
    expect(await stored(id)).toEqual({ schools: [], groups: [], periods: [] });
  });

  it('reads a GBK CSV, a UTF-8 CSV with a BOM and an XLSX alike', async () => {
    // Prepare: GBK as Excel in China saves "CSV (逗号分隔)": the header and 海淀GBK小学, 小学.
    const { id, admin } = await newDistrict();
    const gbk = Buffer.from(
      '0afQo7HgusUs0afQo8P7s8Ys0ae2ziyx8MP7LLXY1rcszrO2yCy+rbbILLXnu7AsvPK96SzRp8n6yv0s1NrQo7zSzaXK/Sy8r83FseC6xSzL+cr0vK/NxSy8r83FwODQzSy8r83FvcfJqyy5ss2st6LG8Cy6z9f3taXOuyzQo8f4DQosuqO17UdCS9Ch0acs0KHRpywsLCwsLCwsLCwsLCwsLA0K',
      'base64',
    );
    const template = new ExcelJS.Workbook();
    await template.xlsx.load((await templateFile('xlsx')) as never);
    template.worksheets[0].spliceRows(2, 1, ['', 'XLSX小学', '初中', '', '', 36.6, 117.1]);
    const xlsx = Buffer.from(await template.xlsx.writeBuffer());
    // Act
    const answers = [
      await upload(admin, id, catalogImportBody(gbk)),
      await upload(admin, id, catalogImportBody(catalogCsv([{ name: 'BOM小学', stage: '小学' }]))),
      await upload(admin, id, catalogImportBody(xlsx, { format: 'xlsx' })),
    ];
    // Assess
    expect(answers.map((a) => [a.errors, a.changes.schoolsAdded])).toEqual([
      [[], ['海淀GBK小学']],
      [[], ['BOM小学']],
      [[], ['XLSX小学']],
    ]);
  });

  it('AP91: exports the whole district (every id filled in), and importing the export back changes nothing', async () => {
    // Prepare: the seed's 济南市中区, where schools lead two groups at once, plus enrolment and campuses.
    const jinan = new TestClient(core.app);
    await jinan.devLogin({ role: 'district_admin', districtId: 'jinan-shizhong' });
    expect((await jinan.call('PUT', '/api/admin/schools/jn-jingbalu-ps/enrollment', { families: 640 })).status).toBe(200);
    // Act
    const file = await exported(jinan, 'jinan-shizhong');
    const again = await upload(jinan, 'jinan-shizhong', catalogImportBody(file, { format: 'xlsx', apply: true }));
    // Assess
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file as never);
    const sheet = book.worksheets[0];
    expect(sheet.getRow(1).getCell(1).text).toBe('学校编号');
    const rows = sheet.getSheetValues().slice(2) as unknown[][];
    expect(rows).toContainEqual(
      expect.arrayContaining([
        'jn-jingbalu-ps',
        '济南市经八路小学',
        '小学',
        '经八路小学',
        '640',
        'jn-jingwu',
        '经五教育集团',
        '1+X',
        '成员校',
        '否',
      ]),
    );
    expect(rows.filter((r) => r[1] === 'jn-yuying-ms').map((r) => r[13])).toEqual(['育英教育集团', '育英教育集团联盟学校']);
    expect(again).toEqual({
      applied: true,
      basis: expect.any(String),
      rows: sheet.actualRowCount - 1,
      errors: [],
      changes: { groupsAdded: [], groupsChanged: [], schoolsAdded: [], schoolsChanged: [], moves: [], enrollmentsSet: 0 },
    });
  });

  it('AP93: a re-import that renames a group and moves a school from the next term does exactly that', async () => {
    // Prepare
    const { id, admin } = await newDistrict();
    await upload(admin, id, catalogImportBody(catalogCsv(twoGroups), { apply: true }));
    const csv = (await exported(admin, id, 'format=csv')).toString('utf8');
    const edited = csv
      .replaceAll('东城教育集团', '东城实验教育集团')
      .split('\r\n')
      .map((line) =>
        line.includes(',西城三中,')
          ? line.replace(/,grp-[a-z0-9]+,西城教育集团,联盟型,成员校,否,山东青大教育集团,/, ',,东城实验教育集团,,成员校,,,')
          : line,
      )
      .join('\r\n');
    // Act
    const preview = await upload(admin, id, catalogImportBody(Buffer.from(edited, 'utf8'), { fromTerm: '2026-2' }));
    const applied = await upload(admin, id, catalogImportBody(Buffer.from(edited, 'utf8'), { fromTerm: '2026-2', apply: true }));
    // Assess
    expect(preview.changes).toEqual({
      groupsAdded: [],
      groupsChanged: ['东城教育集团 → 东城实验教育集团'],
      schoolsAdded: [],
      schoolsChanged: [],
      moves: ['西城三中：西城教育集团（成员校） → 东城实验教育集团（成员校）'],
      enrollmentsSet: 0,
    });
    expect(applied).toMatchObject({ applied: true, changes: preview.changes });
    const { schools, groups, periods } = await stored(id);
    const east = groups.find((g) => g.name === '东城实验教育集团')!;
    expect(east.version).toBe(1);
    const sanzhong = schools.find((s) => s.name === '西城三中')!;
    const mine = periods.filter((p) => p.schoolId === sanzhong.id).map((p) => [p.groupName, p.fromTerm, p.untilTerm]);
    expect(mine.sort()).toEqual([
      ['东城实验教育集团', '2026-2', undefined],
      ['西城教育集团', '2026-1', '2026-2'],
    ]);
    expect(periods.filter((p) => p.groupId === east.id).every((p) => p.groupName === '东城实验教育集团')).toBe(true);
    expect(groups).toHaveLength(2);
  });

  it('does not undo an edit made between the preview and the apply: 409 CONFLICT 请刷新后重试, nothing written', async () => {
    // Prepare: a district, and a file that renames 东城小学; another admin then edits its phone.
    const { id, admin } = await newDistrict();
    await upload(admin, id, catalogImportBody(catalogCsv(twoGroups), { apply: true }));
    const csv = (await exported(admin, id, 'format=csv')).toString('utf8').replace(',东城小学,', ',东城实验小学,');
    const file = Buffer.from(csv, 'utf8');
    const preview = await upload(admin, id, catalogImportBody(file));
    const before = (await stored(id)).schools.find((s) => s.name === '东城小学')!;
    const other = new TestClient(core.app);
    await other.devLogin({ role: 'district_admin', districtId: id });
    const edit = await other.call('PUT', `/api/admin/schools/${before.id}`, {
      version: before.version ?? 0,
      name: before.name,
      stage: before.stage,
      aliases: before.aliases,
      address: before.address,
      location: before.location,
      phone: '0531-86099999',
    });
    expect(edit.status).toBe(200);
    // Act
    const stale = await admin.call('POST', `/api/admin/districts/${id}/catalog/import`, {
      ...catalogImportBody(file, { apply: true }),
      basis: preview.basis,
    });
    const fresh = await upload(admin, id, catalogImportBody(file));
    // Assess
    expect(stale.status).toBe(409);
    expect(stale.body).toEqual({ error: expect.objectContaining({ code: 'CONFLICT', message: '请刷新后重试' }) });
    const after = (await stored(id)).schools.find((s) => s.id === before.id)!;
    expect(after).toMatchObject({ name: '东城小学', phone: '0531-86099999', version: (before.version ?? 0) + 1 });
    expect(fresh.basis).not.toBe(preview.basis);
    expect(fresh.changes.schoolsChanged).toEqual(['东城实验小学']);
  });

  it('AP92: 在校家庭数 set by the import shows in GET /api/admin/districts/:id/enrollments', async () => {
    // Prepare
    const { id, admin } = await newDistrict();
    // Act
    await upload(admin, id, catalogImportBody(catalogCsv(twoGroups), { apply: true }));
    const list = await admin.call('GET', `/api/admin/districts/${id}/enrollments`);
    // Assess
    const families = Object.fromEntries(list.body.items.map((e: { name: string; families: number | null }) => [e.name, e.families]));
    expect(families).toMatchObject({ 东城小学: 800, 东城二小: 500, 东城三小: null });
  });

  it('AP94: matches campuses by name: a kept one keeps its id, a new one is added, a missing one removed', async () => {
    // Prepare
    const { id, admin } = await newDistrict();
    await upload(admin, id, catalogImportBody(catalogCsv(twoGroups), { apply: true }));
    const school = (await stored(id)).schools.find((s) => s.name === '东城小学')!;
    const before = (await core.infra.catalog.getSchoolWithCampuses(school.id))!.campuses;
    const rows = twoGroups.map((r) => (r.name === '东城小学' ? { ...r, campuses: '本部、北校区' } : r));
    // Act
    const answer = await upload(admin, id, catalogImportBody(catalogCsv(rows), { apply: true }));
    // Assess
    expect(answer.changes.schoolsChanged).toEqual(['东城小学']);
    const after = (await core.infra.catalog.getSchoolWithCampuses(school.id))!;
    expect(after.campuses.map((c) => c.name).sort()).toEqual(['北校区', '本部']);
    expect(after.campuses.find((c) => c.name === '本部')!.id).toBe(before.find((c) => c.name === '本部')!.id);
    expect(after.school.version).toBe(1);
  });

  it('AP95: re-sending the same file after an apply failed half-way completes it, and a third time writes nothing', async () => {
    // Prepare: the first apply loses its connection after half of its items.
    const { id, admin } = await newDistrict();
    const writes = core.infra.catalogImportWrites;
    const write = writes.write.bind(writes);
    const spy = jest.spyOn(writes, 'write').mockImplementationOnce(async (puts) => {
      await write(puts.slice(0, Math.floor(puts.length / 2)), []);
      throw new Error('connection reset');
    });
    const body = catalogImportBody(catalogCsv(twoGroups), { apply: true });
    expect((await admin.call('POST', `/api/admin/districts/${id}/catalog/import`, body)).status).toBe(500);
    spy.mockRestore();
    // Act
    const second = await upload(admin, id, body);
    const third = await upload(admin, id, body);
    // Assess
    expect(second.applied).toBe(true);
    const { schools, groups, periods } = await stored(id);
    expect([schools.length, groups.length, periods.length]).toEqual([6, 2, 6]);
    expect(third.changes).toEqual({
      groupsAdded: [],
      groupsChanged: [],
      schoolsAdded: [],
      schoolsChanged: [],
      moves: [],
      enrollmentsSet: 0,
    });
  });

  it('refuses a group admin (403) and serves the template to anyone', async () => {
    // Prepare
    const groupAdmin = new TestClient(core.app);
    await groupAdmin.devLogin({ role: 'group_admin', groupIds: ['jn-jingwu'] });
    // Act
    const answer = await groupAdmin.call(
      'POST',
      '/api/admin/districts/jinan-shizhong/catalog/import',
      catalogImportBody(catalogCsv(twoGroups)),
    );
    const csv = (await templateFile('csv')).toString('utf8');
    // Assess
    expect(answer.status).toBe(403);
    expect(csv.startsWith('\uFEFF学校编号,学校名称*,学段*,别名')).toBe(true);
  });

  it('imports 5,000 schools in one request, under the Lambda payload limit', async () => {
    // Prepare: 1,000 groups of five, every school with an address, coordinates, phone and enrolment.
    const { id, admin } = await newDistrict();
    const rows = syntheticCatalogRows(5000);
    const body = catalogImportBody(catalogCsv(rows), { apply: true });
    const bytes = Buffer.byteLength(JSON.stringify(body));
    // Act
    const started = performance.now();
    const answer = await upload(admin, id, body);
    const seconds = (performance.now() - started) / 1000;
    // Assess
    console.log(`catalogue import, 5,000 schools: ${(bytes / 1e6).toFixed(2)} MB request, ${seconds.toFixed(1)} s`);
    expect(bytes).toBeLessThan(6 * 1024 * 1024);
    expect(body.file.length).toBeLessThan(CATALOG_IMPORT_FILE_BASE64_MAX);
    expect(answer).toMatchObject({ applied: true, rows: 5000, errors: [] });
    expect(answer.changes.schoolsAdded).toHaveLength(5000);
    const { schools, periods } = await stored(id);
    expect(new Set(schools.map((s) => s.name))).toEqual(new Set(rows.map((r) => r.name)));
    expect(periods).toHaveLength(5000);
  }, 180_000);

  async function templateFile(format: 'xlsx' | 'csv'): Promise<Buffer> {
    const res = await core.app.request(`/api/catalog/template?format=${format}`);
    expect(res.status).toBe(200);
    return Buffer.from(await res.arrayBuffer());
  }
});
