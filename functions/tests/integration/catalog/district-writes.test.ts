import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { District } from '../../../../shared';
import { keys } from '../../../src/db/keys';
import { DistrictWrites } from '../../../src/features/catalog/district-writes';
import { catalogItems } from '../../../src/features/catalog/seed/seed-items';
import { createSeededTable, type TestTable } from '../../../../tests/support/dynamo';

/** AP72 of docs/data-model.md on DynamoDB Local, beside the seed data. */
describe('DistrictWrites on DynamoDB Local', () => {
  let table: TestTable;
  let writes: DistrictWrites;
  const lixia: District = { id: 'cn-370102', name: '历下区', city: '济南市', province: '山东省', divisionCode: '370102' };

  beforeAll(async () => {
    table = await createSeededTable('district-writes');
    writes = new DistrictWrites(table.db, table.tableName);
  });
  afterAll(() => table.drop());

  it('AP72 creates a district with the keys the seed loader writes, and AP1/AP2 read it', async () => {
    // Act
    const created = await writes.putDistrict(lixia);
    // Assess
    expect(created).toBe(true);
    const { Item } = await table.db.send(new GetCommand({ TableName: table.tableName, Key: keys.district(lixia.id) }));
    const [seeded] = catalogItems({ districts: [lixia], groups: [], schools: [], memberships: [] });
    expect(Item).toEqual(seeded);
    expect((await table.catalog.listDistricts()).map((d) => d.id)).toContain('cn-370102');
    expect(await table.catalog.getDistrict('cn-370102')).toEqual({ kind: 'district', ...lixia });
  });

  it('AP72 refuses a second district with the same id and keeps the first', async () => {
    // Prepare
    const again = { ...lixia, name: '改名区' };
    // Act
    const created = await writes.putDistrict(again);
    // Assess
    expect(created).toBe(false);
    expect(await table.catalog.getDistrict('cn-370102')).toMatchObject({ name: '历下区' });
  });

  it('AP72 does not overwrite a seeded district either', async () => {
    // Act
    const created = await writes.putDistrict({ id: 'jinan-shizhong', name: 'x', city: 'y', province: 'z' });
    // Assess
    expect(created).toBe(false);
    expect(await table.catalog.getDistrict('jinan-shizhong')).toMatchObject({ name: '市中区', city: '济南市' });
  });
});
