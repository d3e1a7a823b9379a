import { loadCatalog } from '../../functions/src/features/catalog/catalog-snapshots';
import { DistrictWrites } from '../../functions/src/features/catalog/district-writes';
import { loadDivisions } from '../../functions/src/features/catalog/domain/divisions';
import { userKeyFor } from '../../functions/src/features/identity/domain/pseudonym';
import { UserRepository } from '../../functions/src/features/identity/user-repository';
import { CatalogImportService } from '../../functions/src/features/catalog/import/catalog-import-service';
import { CatalogWrites } from '../../functions/src/features/catalog/admin/catalog-writes';
import { CatalogImportWrites } from '../../functions/src/features/catalog/import/catalog-import-writes';
import { SurveyRepository } from '../../functions/src/features/surveys/survey-repository';
import { runAdminCommand } from '../../scripts/lib/admin-commands';
import { catalogCsv, newSchoolRow } from '../support/catalog-import';
import { createSeededTable, type TestTable } from '../support/dynamo';

/** npm run admin -- grant|revoke|list|district add|catalog import: bootstrapping districts, their first admin and catalogue. */
describe('admin CLI', () => {
  let table: TestTable;
  let users: UserRepository;
  const printed: string[] = [];
  const SECRET = 'cli-test-pseudonym-secret-0123456789abcdef';
  const files = new Map<string, Buffer>();
  const now = () => new Date('2026-11-23T08:00:00Z');
  const run = (...args: string[]) =>
    runAdminCommand(args, {
      users,
      catalog: table.catalog,
      districts: new DistrictWrites(table.db, table.tableName),
      catalogImport: () =>
        new CatalogImportService({
          catalog: table.catalog,
          surveys: new SurveyRepository(table.db, table.tableName),
          catalogImportWrites: new CatalogImportWrites(table.db, table.tableName),
          catalogWrites: new CatalogWrites(table.db, table.tableName),
          now,
        }),
      readFile: (path) => files.get(path)!,
      divisions: loadDivisions,
      pseudonymSecret: SECRET,
      now,
      print: (l) => printed.push(l),
    });

  beforeAll(async () => {
    table = await createSeededTable('cli');
    users = new UserRepository(table.db, table.tableName);
  });
  afterAll(() => table.drop());
  beforeEach(() => {
    printed.length = 0;
  });

  it('grants a district admin to the pseudonym of an openid, and never prints the openid', async () => {
    // Act
    const code = await run('grant', 'oFirstAdmin000000000000001', 'district_admin', 'jinan-shizhong');
    await run('list');
    // Assess
    expect(code).toBe(0);
    const items = await users.listItems(userKeyFor('oFirstAdmin000000000000001', SECRET));
    expect(items).toEqual([
      expect.objectContaining({
        kind: 'grant',
        role: 'district_admin',
        scopeId: 'jinan-shizhong',
        scopeName: '济南市市中区',
        grantedVia: 'cli',
      }),
    ]);
    expect(printed.join('\n')).toContain('district_admin  district:jinan-shizhong (济南市市中区)');
    expect(printed.join('\n')).not.toContain('oFirstAdmin');
  });

  it('revokes a grant, and says when there was none', async () => {
    await run('grant', 'oGroupAdmin000000000000001', 'group_admin', 'jn-jingwu');
    expect(await run('revoke', 'oGroupAdmin000000000000001', 'group_admin', 'jn-jingwu')).toBe(0);
    expect(await run('revoke', 'oGroupAdmin000000000000001', 'group_admin', 'jn-jingwu')).toBe(1);
    expect(printed).toContain('no such grant');
  });

  it('refuses unknown scopes, roles it does not grant, and bad usage', async () => {
    expect(await run('grant', 'o1', 'district_admin', 'atlantis')).toBe(1);
    expect(await run('grant', 'o1', 'teacher', 'jn-jingbalu-ps')).toBe(2);
    expect(await run('frobnicate')).toBe(2);
    expect(printed.join('\n')).toContain('usage:');
  });

  it('adds a district from its GB/T 2260 code, listed by AP1, and grants its first admin', async () => {
    // Act
    const code = await run('district', 'add', '370102', 'oLixiaAdmin000000000000001');
    // Assess
    expect(code).toBe(0);
    const listed = await table.catalog.listDistricts();
    expect(listed.find((d) => d.id === 'cn-370102')).toEqual({
      kind: 'district',
      id: 'cn-370102',
      name: '历下区',
      city: '济南市',
      province: '山东省',
      divisionCode: '370102',
    });
    expect(await users.listItems(userKeyFor('oLixiaAdmin000000000000001', SECRET))).toEqual([
      expect.objectContaining({ role: 'district_admin', scopeType: 'district', scopeId: 'cn-370102', scopeName: '济南市历下区' }),
    ]);
    // GET /api/districts serves the published view: the district is in it, with no groups yet.
    const { view } = await loadCatalog(table.catalog);
    expect(view.districts.find((d) => d.id === 'cn-370102')).toMatchObject({ name: '历下区', groupCount: 0, schoolCount: 0 });
    expect(printed).toContain('created district cn-370102: 山东省 济南市 历下区 (370102)');
    expect(printed.join('\n')).toContain('granted district_admin for 济南市历下区');
    expect(printed.join('\n')).not.toContain('oLixiaAdmin');
  });

  it('publishes the catalogue snapshot again on request, in the current format, and makes it current', async () => {
    // Prepare
    const before = (await table.catalog.getSnapshotVersion())!;
    // Act
    const code = await run('catalog', 'publish');
    // Assess
    const after = (await table.catalog.getSnapshotVersion())!;
    expect(code).toBe(0);
    expect(after.name).not.toBe(before.name);
    expect(after.name).toMatch(/\.v4\.bin$/);
    expect(after.publishedAt).toBeGreaterThanOrEqual(before.publishedAt);
    expect(printed).toEqual([`published catalogue snapshot ${after.name} (${after.schools} schools)`]);
    expect((await loadCatalog(table.catalog)).view.index.size).toBe(after.schools);
  });

  it('adds a municipal district without an admin: its city is the municipality', async () => {
    // Act
    const code = await run('district', 'add', '110105');
    // Assess
    expect(code).toBe(0);
    expect(await table.catalog.getDistrict('cn-110105')).toMatchObject({ name: '朝阳区', city: '北京市', province: '北京市' });
    expect(await users.listAllGrants()).not.toContainEqual(expect.objectContaining({ scopeId: 'cn-110105' }));
  });

  it('refuses a district that already exists, by id or as a seeded county, and grants nothing', async () => {
    // Prepare
    await run('district', 'add', '370202');
    printed.length = 0;
    // Act
    const again = await run('district', 'add', '370202', 'oLateAdmin0000000000000001');
    const seeded = await run('district', 'add', '370103', 'oLateAdmin0000000000000001');
    // Assess
    expect(again).toBe(1);
    expect(seeded).toBe(1);
    expect(printed).toEqual([
      'district already exists for 370202 青岛市市南区: cn-370202',
      'district already exists for 370103 济南市市中区: jinan-shizhong',
    ]);
    expect(await table.catalog.getDistrict('cn-370103')).toBeNull();
    expect(await users.listItems(userKeyFor('oLateAdmin0000000000000001', SECRET))).toEqual([]);
  });

  it('refuses unknown and non-county codes, and bad district usage', async () => {
    // Act
    const codes = [
      await run('district', 'add', '370199'),
      await run('district', 'add', '370000'),
      await run('district', 'add', '370100'),
      await run('district', 'add', 'jinan'),
      await run('district', 'add'),
      await run('district', 'remove', '370103'),
    ];
    // Assess
    expect(codes).toEqual([1, 1, 1, 1, 2, 2]);
    expect(printed.slice(0, 4)).toEqual([
      'unknown division code: 370199 (not in the GB/T 2260 dataset)',
      '370000 is not a county-level division code: it is the province 山东省',
      '370100 is not a county-level division code: it is the city 济南市',
      'jinan is not a county-level division code: a division code is 6 digits',
    ]);
    expect(printed[4]).toContain('district add <divisionCode>');
    expect((await table.catalog.listDistricts()).map((d) => d.id)).not.toContain('cn-370199');
  });

  it('previews a catalogue file, then applies it with progress, and says what is wrong with a bad one', async () => {
    // Prepare: 海淀's five seeded schools are in no group; the file adds a group of two new schools.
    files.set(
      'haidian.csv',
      catalogCsv([
        newSchoolRow('海淀实验小学', { families: '900' }),
        newSchoolRow('海淀二小', { groupName: '海淀实验小学教育集团', role: '成员校' }),
      ]),
    );
    files.set('bad.csv', catalogCsv([{ name: '海淀三小', stage: '大学' }]));
    // Act
    const preview = await run('catalog', 'import', 'beijing-haidian', 'haidian.csv', '--from-term', '2026-1');
    const previewed = printed.splice(0);
    const applied = await run('catalog', 'import', 'beijing-haidian', 'haidian.csv', '--from-term', '2026-1', '--apply');
    const appliedLines = printed.splice(0);
    const bad = await run('catalog', 'import', 'beijing-haidian', 'bad.csv', '--from-term', '2026-1', '--apply');
    const usage = await run('catalog', 'import', 'beijing-haidian', 'haidian.csv');
    // Assess
    expect(preview).toBe(0);
    expect(previewed).toEqual(expect.arrayContaining(['2 rows read', 'schools added: 2', '  海淀实验小学', '在校家庭数 set: 1']));
    expect(previewed).toContain('preview only: run again with --apply to write it');
    expect((await table.catalog.listGroupsOfDistrict('beijing-haidian')).map((g) => g.name)).toEqual(['海淀实验小学教育集团']);
    expect(applied).toBe(0);
    expect(appliedLines.some((l) => /^written \d+\/\d+$/.test(l))).toBe(true);
    expect(appliedLines).toContain('applied; catalogue published');
    expect(bad).toBe(1);
    expect(printed).toContain('  第 2 行「学段」：学段须为：小学/初中/中学/九年一贯制/高中/完全中学/十二年一贯制');
    expect(usage).toBe(2);
  });
});
