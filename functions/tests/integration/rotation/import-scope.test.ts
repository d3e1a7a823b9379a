import { createCore } from '../../../src/core';
import { createLogger } from '../../../src/log/logger';
import { TestClient } from '../../../../tests/support/api-client';
import { createSeededTable, type TestTable } from '../../../../tests/support/dynamo';
import { exampleRow, importBody, PLACE_META, PLACE_ROWS, type Row } from '../../../../tests/support/rotation';
import { testConfig } from '../../../../tests/support/test-config';

/**
 * The schools a batch's rows name must lie where the batch does: in its group for a group batch,
 * in its district for a district batch (docs/rotation.md, "Which schools a batch may name").
 * Seed data: 经五 (jn-jingwu) = 经五路 (lead), 经纬, 经八路; 育英 and 实验 are other groups of 市中区.
 */
describe('rotation import: the schools a batch may name', () => {
  let table: TestTable;
  let core: ReturnType<typeof createCore>;
  let groupAdmin: TestClient;
  let districtAdmin: TestClient;
  const groupMeta = PLACE_META['own-group'];
  const otherGroups = (teacherName: string): Row =>
    exampleRow({ teacherName, fromSchool: '济南育英中学', toSchool: '济南实验初级中学', type: '定期交流' });
  const batchesOfDistrict = async () => (await core.infra.rotation.listBatchesOfDistrict('jinan-shizhong')).length;
  const importAs = (client: TestClient, meta: typeof groupMeta, rows: Row[]) =>
    client.call('POST', '/api/admin/rotation/batches/import', importBody(meta, rows));

  beforeAll(async () => {
    table = await createSeededTable('rotscope');
    core = createCore(testConfig(table.tableName, 'local', { AUTH_DEV_LOGIN: '1', RATE_WRITES_CAPACITY: '1000' }), {
      logger: createLogger(undefined, 'silent'),
      now: () => new Date('2026-11-23T02:00:00Z'),
    });
    groupAdmin = new TestClient(core.app);
    await groupAdmin.devLogin('group_admin');
    districtAdmin = new TestClient(core.app);
    await districtAdmin.devLogin('district_admin');
  });
  afterAll(() => table.drop());

  it("refuses a group admin's batch whose rows move teachers between two schools of other groups, writing nothing", async () => {
    // Prepare
    const before = await batchesOfDistrict();
    // Act
    const answer = await importAs(groupAdmin, groupMeta, [otherGroups('越界教师')]);
    // Assess: both cells are reported, in the import's own report, and no batch exists to publish.
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({
      code: 'IMPORT_INVALID',
      message: '导入未完成：1 行有错误，请修改后重新上传（本次未导入任何数据）',
    });
    expect(answer.body.error.details.issues).toEqual([
      { row: 2, column: '原学校', message: '“济南育英中学”不在经五教育集团内：集团批次只能在本集团的学校之间交流' },
      { row: 2, column: '交流学校', message: '“济南实验初级中学”不在经五教育集团内：集团批次只能在本集团的学校之间交流' },
    ]);
    expect(await batchesOfDistrict()).toBe(before);
    const publicList = await new TestClient(core.app).call('GET', '/api/rotation/batches?groupId=jn-jingwu');
    expect(publicList.body.items).toEqual([]);
  });

  it('refuses a group batch with one row leaving the group among good rows, naming only that cell', async () => {
    // Prepare: 经八路 is in the group, 育英 is not.
    const rows = [...PLACE_ROWS['own-group'](2), exampleRow({ teacherName: '出组教师', toSchool: '育英中学' })];
    // Act
    const answer = await importAs(groupAdmin, groupMeta, rows);
    // Assess
    expect(answer.status).toBe(400);
    expect(answer.body.error.details.issues).toEqual([
      { row: 4, column: '交流学校', message: '“育英中学”不在经五教育集团内：集团批次只能在本集团的学校之间交流' },
    ]);
  });

  it('holds the rule for the batch, not the caller: a district admin and an admin of both groups are refused too', async () => {
    // Prepare
    const ofBothGroups = new TestClient(core.app);
    await ofBothGroups.devLogin({ role: 'group_admin', groupIds: ['jn-jingwu', 'jn-yuying'] });
    const rows = [exampleRow({ teacherName: '跨组教师', toSchool: '济南育英中学' })];
    // Act
    const byDistrictAdmin = await importAs(districtAdmin, groupMeta, rows);
    const byAdminOfBoth = await importAs(ofBothGroups, groupMeta, rows);
    // Assess
    for (const answer of [byDistrictAdmin, byAdminOfBoth]) {
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe('IMPORT_INVALID');
      expect(answer.body.error.details.issues).toEqual([
        { row: 2, column: '交流学校', message: '“济南育英中学”不在经五教育集团内：集团批次只能在本集团的学校之间交流' },
      ]);
    }
  });

  it("refuses a district batch naming a school of another district, by name or by that school's alias", async () => {
    // Act: 青岛启元学校 and 市北中学 (an alias of 青岛市北中学) are schools of 青岛市北区.
    const answer = await importAs(districtAdmin, PLACE_META['own-district'], [
      exampleRow({ teacherName: '外区教师', fromSchool: '青岛启元学校' }),
      exampleRow({ teacherName: '外区教师二', toSchool: '市北中学' }),
    ]);
    // Assess
    expect(answer.status).toBe(400);
    expect(answer.body.error.details.issues).toEqual([
      { row: 2, column: '原学校', message: '本区没有名为“青岛启元学校”的学校' },
      { row: 3, column: '交流学校', message: '本区没有名为“市北中学”的学校' },
    ]);
  });

  it("still imports a group admin's batch inside the group, which publishes and shows in public", async () => {
    // Act
    const imported = await importAs(groupAdmin, groupMeta, PLACE_ROWS['own-group'](2));
    const published = await groupAdmin.call('POST', `/api/admin/rotation/batches/${imported.body.batch?.id}/publish`);
    const shown = await new TestClient(core.app).call('GET', `/api/rotation/batches/${imported.body.batch?.id}`);
    // Assess
    expect(imported.status).toBe(201);
    expect(imported.body.batch).toMatchObject({ groupId: 'jn-jingwu', assignmentCount: 2, status: 'draft' });
    expect(published.body.batch.status).toBe('publicizing');
    expect(shown.status).toBe(200);
    expect(shown.body.assignments.map((a: { toSchoolId: string }) => a.toSchoolId)).toEqual(['jn-jingwei-ps', 'jn-jingwei-ps']);
  });

  it("counts a group's alliance schools as the group's, as access scopes do", async () => {
    // Prepare: 育英联盟 = 育英中学 (lead) + 第六十八中学 (alliance school).
    const meta = { ...groupMeta, groupId: 'jn-yuying-alliance', title: '育英联盟交流轮岗' };
    // Act
    const answer = await importAs(districtAdmin, meta, [
      exampleRow({ teacherName: '联盟教师', fromSchool: '济南育英中学', toSchool: '六十八中', type: '定期交流' }),
    ]);
    // Assess
    expect(answer.status).toBe(201);
    expect(answer.body.batch.groupId).toBe('jn-yuying-alliance');
  });
});
