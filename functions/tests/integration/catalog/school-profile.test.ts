import { createCore } from '../../../src/core';
import { catalogItem } from '../../../src/features/catalog/catalog-item-builders';
import { RequestUser } from '../../../src/features/identity/request-user';
import { createLogger } from '../../../src/log/logger';
import { TestClient } from '../../../../tests/support/api-client';
import { createTestTable, type TestTable } from '../../../../tests/support/dynamo';
import { testConfig } from '../../../../tests/support/test-config';

/** The public school page tells parents what the district entered about a school, and nothing of an archived one. */
describe('public school profile', () => {
  let table: TestTable;
  let core: ReturnType<typeof createCore>;
  let client: TestClient;
  const district = { id: 'profile-town', name: '简介区', city: '测试市', province: '测试省' };
  const base = { districtId: district.id, stage: '小学' as const, aliases: [] };

  beforeAll(async () => {
    table = await createTestTable('profile');
    core = createCore(testConfig(table.tableName), { logger: createLogger(undefined, 'silent') });
    client = new TestClient(core.app);
    await table.catalog.putItems([
      catalogItem.district(district),
      catalogItem.school(
        {
          ...base,
          id: 'pf-full',
          name: '简介小学',
          address: '测试市简介路 1 号',
          location: { lat: 36.65, lng: 117.0 },
          phone: '0531-86012345',
          intro: '一所有简介的学校。',
          students: 1200,
        },
        district,
      ),
      catalogItem.campus({ schoolId: 'pf-full', id: 'pf-full-east', name: '东校区', address: '简介路 9 号' }),
      catalogItem.campus({ schoolId: 'pf-full', id: 'pf-full-west', name: '西校区' }),
      catalogItem.school({ ...base, id: 'pf-bare', name: '无简介小学' }, district),
      catalogItem.school({ ...base, id: 'pf-archived', name: '已停用小学', archivedAt: '2026-09-01T00:00:00Z' }, district),
    ]);
  });
  afterAll(() => table.drop());

  it('shows the address, coordinates, phone and introduction, and campuses with their address, but not 学生数', async () => {
    // Act
    const { status, body } = await client.call('GET', '/api/schools/pf-full');
    // Assess
    expect(status).toBe(200);
    expect(body).toMatchObject({
      address: '测试市简介路 1 号',
      location: { lat: 36.65, lng: 117.0 },
      phone: '0531-86012345',
      intro: '一所有简介的学校。',
    });
    expect(body).not.toHaveProperty('students');
    expect(body.campuses).toEqual([
      { id: 'pf-full-east', name: '东校区', address: '简介路 9 号' },
      { id: 'pf-full-west', name: '西校区' },
    ]);
  });

  it('leaves out what the district did not enter', async () => {
    // Act
    const { body } = await client.call('GET', '/api/schools/pf-bare');
    // Assess
    for (const field of ['address', 'location', 'phone', 'intro']) expect(body).not.toHaveProperty(field);
  });

  it('answers 404 for an archived school’s page, and a parent cannot bind it', async () => {
    // Act
    const page = await client.call('GET', '/api/schools/pf-archived');
    const binding = core.services.me.bindSchool(new RequestUser('profile-parent', core.infra.users), 'pf-archived');
    // Assess
    expect(page.status).toBe(404);
    await expect(binding).rejects.toMatchObject({ status: 404, message: '未找到该学校' });
  });
});
