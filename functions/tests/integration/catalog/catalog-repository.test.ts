import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { loadSeed } from '../../../src/features/catalog/seed/load-seed';
import { gzipSync } from 'node:zlib';
import { loadCatalog, loadSnapshot } from '../../../src/features/catalog/catalog-snapshots';
import { createSeededTable, createTestTable, type TestTable } from '../../../../tests/support/dynamo';

/** The seed's memberships carry no term (in force since before the records): any term reads them. */
const SEED_TERM = '2026-1';

/** One test per access pattern of docs/data-model.md, on DynamoDB Local with the seed data. */
describe('CatalogRepository on DynamoDB Local', () => {
  let table: TestTable;

  beforeAll(async () => {
    table = await createSeededTable('catalog');
  });
  afterAll(() => table.drop());

  it('AP1 lists every district', async () => {
    const districts = await table.catalog.listDistricts();
    expect(districts.map((d) => d.id).sort()).toEqual(['beijing-haidian', 'jinan-shizhong', 'qingdao-shibei', 'wuhai-haibowan']);
    expect(districts[0]).not.toHaveProperty('pk');
  });

  it('AP2 gets one district, and null for an unknown id', async () => {
    expect(await table.catalog.getDistrict('wuhai-haibowan')).toMatchObject({ name: '海勃湾区', city: '乌海市' });
    expect(await table.catalog.getDistrict('nowhere')).toBeNull();
  });

  it('AP3 lists the groups of a district and nothing else from its partition', async () => {
    const groups = await table.catalog.listGroupsOfDistrict('jinan-shizhong');
    expect(groups).toHaveLength(11);
    expect(new Set(groups.map((g) => g.kind))).toEqual(new Set(['group']));
  });

  it('AP4 reads a group with its memberships in one query', async () => {
    const found = await table.catalog.getGroupWithMembers('jn-jingwu', SEED_TERM);
    expect(found?.group).toMatchObject({ name: '经五教育集团', groupType: '1+X', leadSchoolId: 'jn-jingwulu-ps' });
    expect(found?.members.map((m) => [m.schoolName, m.role]).sort()).toEqual([
      ['济南市经五路小学', 'lead'],
      ['济南市经八路小学', 'member'],
      ['济南市经纬小学', 'member'],
    ]);
    expect(await table.catalog.getGroupWithMembers('no-such-group', SEED_TERM)).toBeNull();
  });

  it('AP5 reads a school with its campuses in one query', async () => {
    const found = await table.catalog.getSchoolWithCampuses('wh-no5-ps');
    expect(found?.school).toMatchObject({ name: '海勃湾区五小', stage: '小学' });
    expect(found?.campuses.map((c) => c.name)).toEqual(['龙游湾校区']);
    expect(await table.catalog.getSchoolWithCampuses('no-such-school')).toBeNull();
  });

  it('AP6 lists the groups a school belongs to, with its role in each', async () => {
    const memberships = await table.catalog.listGroupsOfSchool('jn-yuying-ms', SEED_TERM);
    expect(memberships.map((m) => [m.groupName, m.role]).sort()).toEqual([
      ['育英教育集团', 'lead'],
      ['育英教育集团联盟学校', 'lead'],
    ]);
  });

  it('AP7 lists the schools of a district', async () => {
    const schools = await table.catalog.listSchoolsOfDistrict('qingdao-shibei');
    expect(schools).toHaveLength(13);
    expect(schools.every((s) => s.kind === 'school' && s.districtId === 'qingdao-shibei')).toBe(true);
  });

  it('AP8 lists every membership of a district', async () => {
    const memberships = await table.catalog.listMembershipsOfDistrict('wuhai-haibowan', SEED_TERM);
    expect(memberships.map((m) => m.groupId).sort()).toEqual(['wh-no1', 'wh-no2', 'wh-no5']);
  });

  it('AP9 counts groups and schools of a district without reading them', async () => {
    expect(await table.catalog.countDistrict('jinan-shizhong')).toEqual({ groups: 11, schools: 24 });
    expect(await table.catalog.countDistrict('beijing-haidian')).toEqual({ groups: 0, schools: 5 });
  });

  it('AP10 writes the catalog idempotently: a second load adds nothing', async () => {
    // Prepare
    // The catalogue's items, not the snapshot version the load also (re)writes (AP71).
    const countItems = async () =>
      (
        await table.db.send(
          new ScanCommand({
            TableName: table.tableName,
            Select: 'COUNT',
            FilterExpression: '#kind <> :version',
            ExpressionAttributeNames: { '#kind': 'kind' },
            ExpressionAttributeValues: { ':version': 'catalog-snapshot' },
          }),
        )
      ).Count;
    const before = await countItems();
    const progress: number[] = [];
    // Act
    const written = await loadSeed(table.catalog, (done) => progress.push(done));
    // Assess
    expect(await countItems()).toBe(before);
    expect(written).toBe(before);
    expect(progress[progress.length - 1]).toBe(written);
  });

  it('AP70 reads the current snapshot version, which the seed load published, and its object holds the catalogue', async () => {
    // Act
    const version = await table.catalog.getSnapshotVersion();
    const view = version && (await loadSnapshot(table.catalog, version));
    // Assess
    expect(version).toMatchObject({ schools: 45, name: expect.stringMatching(/^catalog-\d+-[0-9a-f]{8}\.v4\.bin$/) });
    expect(view?.index.size).toBe(45);
    expect(view?.districts.find((d) => d.id === 'jinan-shizhong')).toMatchObject({ groupCount: 11, schoolCount: 24 });
  });

  it('AP70 finds no version on a table nothing was published for', async () => {
    // Prepare
    const fresh = await createTestTable('fresh');
    try {
      // Act / Assess
      expect(await fresh.catalog.getSnapshotVersion()).toBeNull();
    } finally {
      await fresh.drop();
    }
  });

  it('AP70 + AP71: a current object of an older format is read from the table once and published again in this format', async () => {
    // Prepare: what a deploy that changes the format finds, a format-3 object as the current version.
    const upgrade = await createSeededTable('catalog-upgrade');
    try {
      const seeded = (await upgrade.catalog.getSnapshotVersion())!;
      const old = { name: `catalog-${seeded.publishedAt + 1}-0000beef.bin.gz`, publishedAt: seeded.publishedAt + 1, schools: 45 };
      await upgrade.catalog.snapshots.write(old.name, gzipSync(Buffer.from('format 3 bytes')));
      await upgrade.catalog.putSnapshotVersion(old);
      const tableReads = jest.spyOn(upgrade.catalog, 'listDistricts');

      // Act: the first container after the deploy, then the next one.
      const first = await loadCatalog(upgrade.catalog, undefined, () => seeded.publishedAt + 2);
      const readsByFirst = tableReads.mock.calls.length;
      const next = await loadCatalog(upgrade.catalog);

      // Assess
      expect(readsByFirst).toBe(1);
      expect(first.view.index.size).toBe(45);
      expect(first.version).toMatchObject({ publishedAt: seeded.publishedAt + 2, name: expect.stringMatching(/\.v4\.bin$/) });
      expect(await upgrade.catalog.getSnapshotVersion()).toEqual(first.version);
      expect(tableReads.mock.calls.length).toBe(readsByFirst);
      expect(next.version).toEqual(first.version);
      expect(next.view.districts).toEqual(first.view.districts);
    } finally {
      await upgrade.drop();
    }
  });

  it('AP71 makes a version current only if it is later than the current one', async () => {
    // Prepare
    const current = (await table.catalog.getSnapshotVersion())!;
    const older = { name: 'catalog-older.bin.gz', publishedAt: current.publishedAt - 1, schools: 1 };
    const newer = { name: 'catalog-newer.bin.gz', publishedAt: current.publishedAt + 1, schools: 2 };
    // Act
    const olderWritten = await table.catalog.putSnapshotVersion(older);
    const newerWritten = await table.catalog.putSnapshotVersion(newer);
    // Assess
    expect([olderWritten, newerWritten]).toEqual([false, true]);
    expect(await table.catalog.getSnapshotVersion()).toEqual(newer);
  });
});
