import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { nextTerm, termOf } from '../../../../shared';
import { createCore } from '../../../src/core';
import { keys } from '../../../src/db/keys';
import { endOpenPeriods, membershipChange } from '../../../src/features/catalog/admin/membership-writes';
import { schoolInUse, groupInUse } from '../../../src/features/catalog/admin/catalog-in-use';
import type { CatalogWrites } from '../../../src/features/catalog/admin/catalog-writes';
import { catalogItem } from '../../../src/features/catalog/catalog-item-builders';
import type { GroupItem, SchoolItem } from '../../../src/features/catalog/catalog-items';
import { createLogger } from '../../../src/log/logger';
import { importBody, PLACE_META, PLACE_ROWS } from '../../../../tests/support/rotation';
import { templateSurvey } from '../../../../tests/support/surveys';
import { createSeededTable, type TestTable } from '../../../../tests/support/dynamo';
import { testConfig } from '../../../../tests/support/test-config';

/** AP73-AP84 of docs/data-model.md (the catalogue admin's writes) on DynamoDB Local, beside the seed data. */
describe('CatalogWrites on DynamoDB Local', () => {
  let table: TestTable;
  let core: ReturnType<typeof createCore>;
  let writes: CatalogWrites;
  const current = termOf(new Date());
  const next = nextTerm(current);
  const shizhong = { name: '市中区', city: '济南市', province: '山东省' };

  beforeAll(async () => {
    table = await createSeededTable('catalog-writes');
    core = createCore(testConfig(table.tableName), { logger: createLogger(undefined, 'silent') });
    writes = core.infra.catalogWrites;
  });
  afterAll(() => table.drop());

  const meta = async (key: { pk: string; sk: string }) =>
    (await table.db.send(new GetCommand({ TableName: table.tableName, Key: key, ConsistentRead: true }))).Item;
  const partition = async (pk: string) =>
    (
      await table.db.send(
        new QueryCommand({ TableName: table.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk } }),
      )
    ).Items ?? [];
  const newSchool = (id: string, name: string): SchoolItem & { pk: string; sk: string } =>
    catalogItem.school({ id, districtId: 'jinan-shizhong', name, stage: '小学', aliases: [] }, shizhong);
  const newGroup = (id: string, name: string): GroupItem & { pk: string; sk: string } =>
    catalogItem.group({ id, districtId: 'jinan-shizhong', name, groupType: '联盟型', leadSchoolId: null, partners: [], source: 'test' });

  it('AP73 sets a district’s own group types on its version, and refuses a stale one', async () => {
    // Act
    const first = await writes.setGroupTypes('jinan-shizhong', 0, ['强校带弱校']);
    const stale = await writes.setGroupTypes('jinan-shizhong', 0, ['别的类型']);
    // Assess
    expect([first, stale]).toEqual([true, false]);
    expect(await meta(keys.district('jinan-shizhong'))).toMatchObject({ groupTypes: ['强校带弱校'], version: 1 });
  });

  it('AP74 creates a school with its search keys, never over an existing id', async () => {
    // Prepare
    const school = newSchool('s-ap74aaaaaa', '市中区新建小学');
    // Act
    const created = await writes.createSchool(school);
    const again = await writes.createSchool({ ...school, name: '覆盖' });
    // Assess
    expect([created, again]).toEqual([true, false]);
    const stored = await meta(keys.school(school.id));
    expect(stored).toMatchObject({ name: '市中区新建小学', gsi1pk: 'DISTRICT#jinan-shizhong', gsi1sk: 'SCHOOL#s-ap74aaaaaa' });
    expect(stored?.search).toEqual(school.search);
    expect(stored?.version).toBeUndefined();
  });

  it('AP75 renames a school on every one of its 150 membership periods, and a stale edit changes nothing', async () => {
    // Prepare: more periods than one transaction holds beside the META item.
    const school = newSchool('s-ap75aaaaaa', '改名前小学');
    await writes.createSchool(school);
    const periods = Array.from({ length: 150 }, (_, i) =>
      catalogItem.membership({ id: `g-ap75${i}`, name: `集团${i}`, groupType: '联盟型', districtId: 'jinan-shizhong' }, school, 'member'),
    );
    await table.catalog.putItems(periods);
    const stored = await table.catalog.allPeriodsOfSchool(school.id);
    const renamed = newSchool(school.id, '改名后小学');
    // Act
    const written = await writes.updateSchool(renamed, 0, stored);
    const stale = await writes.updateSchool(newSchool(school.id, '过期的名字'), 0, stored);
    // Assess
    expect([written, stale]).toEqual([true, false]);
    const after = await table.catalog.allPeriodsOfSchool(school.id);
    expect(after).toHaveLength(150);
    expect(new Set(after.map((p) => p.schoolName))).toEqual(new Set(['改名后小学']));
    expect(await meta(keys.school(school.id))).toMatchObject({ name: '改名后小学', version: 1 });
  });

  it('AP76 replaces a school’s campus list on its version', async () => {
    // Prepare
    const school = newSchool('s-ap76aaaaaa', '校区小学');
    await writes.createSchool(school);
    const east = catalogItem.campus({ schoolId: school.id, id: 'c-east', name: '东校区' });
    const west = catalogItem.campus({ schoolId: school.id, id: 'c-west', name: '西校区', address: '经十路 1 号' });
    await writes.setCampuses(school.id, 0, [east], []);
    // Act
    const written = await writes.setCampuses(school.id, 1, [west], ['c-east']);
    const stale = await writes.setCampuses(school.id, 1, [east], []);
    // Assess
    expect([written, stale]).toEqual([true, false]);
    const found = await table.catalog.getSchoolWithCampuses(school.id);
    expect(found?.campuses.map((c) => c.name)).toEqual(['西校区']);
    expect(found?.school.version).toBe(2);
  });

  it('AP77 archives a school and ends its open periods from the current term', async () => {
    // Prepare: one period since before the records, one starting next term.
    const school = newSchool('s-ap77aaaaaa', '归档小学');
    const jingwu = { id: 'jn-jingwu', name: '经五教育集团', groupType: '1+X', districtId: 'jinan-shizhong' };
    const yuying = { id: 'jn-yuying', name: '育英教育集团', groupType: '1+X', districtId: 'jinan-shizhong' };
    await writes.createSchool(school);
    await table.catalog.putItems([
      catalogItem.membership(jingwu, school, 'member'),
      catalogItem.membership(yuying, school, 'member', { fromTerm: next }),
    ]);
    const periods = await table.catalog.allPeriodsOfSchool(school.id);
    // Act
    const written = await writes.archiveSchool(school.id, 0, '2026-12-01T00:00:00.000Z', endOpenPeriods(periods, current));
    // Assess
    expect(written).toBe(true);
    const after = await table.catalog.allPeriodsOfSchool(school.id);
    expect(after.map((p) => [p.groupId, p.fromTerm, p.untilTerm])).toEqual([['jn-jingwu', undefined, current]]);
    expect(await meta(keys.school(school.id))).toMatchObject({ archivedAt: '2026-12-01T00:00:00.000Z', version: 1 });
  });

  it('AP78 deletes a school with its campuses, periods and enrolment item', async () => {
    // Prepare
    const school = newSchool('s-ap78aaaaaa', '删除小学');
    await writes.createSchool(school);
    await writes.setCampuses(school.id, 0, [catalogItem.campus({ schoolId: school.id, id: 'c-one', name: '本部' })], []);
    const group = { id: 'jn-jingwu', name: '经五教育集团', groupType: '1+X', districtId: 'jinan-shizhong' };
    await table.catalog.putItems([catalogItem.membership(group, school, 'member', { fromTerm: current })]);
    await core.infra.surveys.putEnrollment(school.id, 300, '2026-12-01T00:00:00.000Z');
    const periods = await table.catalog.allPeriodsOfSchool(school.id);
    // Act
    const stale = await writes.deleteSchool(school.id, 0, ['c-one'], periods);
    const deleted = await writes.deleteSchool(school.id, 1, ['c-one'], periods);
    // Assess
    expect([stale, deleted]).toEqual([false, true]);
    expect(await partition(`SCHOOL#${school.id}`)).toEqual([]);
    expect(await table.catalog.allPeriodsOfSchool(school.id)).toEqual([]);
  });

  it('AP79 creates a group with its first members dated from a term', async () => {
    // Prepare
    const group = newGroup('g-ap79aaaaaa', '新建集团');
    const school = newSchool('s-ap79aaaaaa', '成员小学');
    await writes.createSchool(school);
    const start = membershipChange(school, [], { fromGroupId: null, to: { group, role: 'lead' }, term: next, earliest: current }).start;
    // Act
    const created = await writes.createGroup(group, start);
    const again = await writes.createGroup(group, []);
    // Assess
    expect([created, again]).toEqual([true, false]);
    const found = await table.catalog.getGroupWithAllPeriods(group.id);
    expect(found?.members).toEqual([expect.objectContaining({ schoolId: school.id, role: 'lead', fromTerm: next, groupName: '新建集团' })]);
  });

  it('AP80 renames a group on every membership period, and a stale edit changes nothing', async () => {
    // Prepare
    const group = newGroup('g-ap80aaaaaa', '改名前集团');
    const schools = ['s-ap80aaaaa1', 's-ap80aaaaa2'].map((id, i) => newSchool(id, `成员${i}`));
    await writes.createGroup(
      group,
      schools.map((s) => catalogItem.membership(group, s, 'member', { fromTerm: current })),
    );
    const periods = await table.catalog.allPeriodsOfGroup(group.id);
    // Act
    const written = await writes.updateGroup({ ...group, name: '改名后集团', groupType: '融合型' }, 0, periods);
    const stale = await writes.updateGroup({ ...group, name: '过期' }, 0, periods);
    // Assess
    expect([written, stale]).toEqual([true, false]);
    const after = await table.catalog.allPeriodsOfGroup(group.id);
    expect(after.map((p) => [p.groupName, p.groupType])).toEqual([
      ['改名后集团', '融合型'],
      ['改名后集团', '融合型'],
    ]);
  });

  it('AP81 archives a group and ends its open periods from the current term', async () => {
    // Prepare
    const group = newGroup('g-ap81aaaaaa', '归档集团');
    const school = newSchool('s-ap81aaaaaa', '归档集团成员');
    await writes.createGroup(group, [catalogItem.membership(group, school, 'member')]);
    const periods = await table.catalog.allPeriodsOfGroup(group.id);
    // Act
    const written = await writes.archiveGroup(group.id, 0, '2026-12-01T00:00:00.000Z', endOpenPeriods(periods, current));
    // Assess
    expect(written).toBe(true);
    const found = await table.catalog.getGroupWithAllPeriods(group.id);
    expect(found?.group).toMatchObject({ archivedAt: '2026-12-01T00:00:00.000Z', version: 1 });
    expect(found?.members.map((p) => p.untilTerm)).toEqual([current]);
  });

  it('AP82 deletes a group with its periods', async () => {
    // Prepare
    const group = newGroup('g-ap82aaaaaa', '删除集团');
    const school = newSchool('s-ap82aaaaaa', '删除集团成员');
    await writes.createGroup(group, [catalogItem.membership(group, school, 'member', { fromTerm: current })]);
    const periods = await table.catalog.allPeriodsOfGroup(group.id);
    // Act
    const deleted = await writes.deleteGroup(group.id, 0, periods);
    // Assess
    expect(deleted).toBe(true);
    expect(await partition(`GROUP#${group.id}`)).toEqual([]);
    expect(await table.catalog.allPeriodsOfSchool(school.id)).toEqual([]);
  });

  it('AP83 moves a school from next term in one transaction on its version, keeping this term’s period', async () => {
    // Prepare: 经八路小学 is in 经五 (undated); it moves to 育英 from next term.
    const school = (await table.catalog.getSchoolWithCampuses('jn-jingbalu-ps'))!.school;
    const yuying = (await table.catalog.getGroupWithAllPeriods('jn-yuying'))!.group;
    const periods = await table.catalog.allPeriodsOfSchool(school.id);
    const plan = membershipChange(school, periods, {
      fromGroupId: 'jn-jingwu',
      to: { group: yuying, role: 'member' },
      term: next,
      earliest: current,
    });
    // Act
    const moved = await writes.moveSchool(school.id, 0, plan);
    const stale = await writes.moveSchool(school.id, 0, plan);
    // Assess
    expect([moved, stale]).toEqual([true, false]);
    const after = await table.catalog.allPeriodsOfSchool(school.id);
    expect(after.map((p) => [p.groupId, p.fromTerm ?? null, p.untilTerm ?? null]).sort()).toEqual([
      ['jn-jingwu', null, next],
      ['jn-yuying', next, null],
    ]);
    expect(await meta(keys.school(school.id))).toMatchObject({ version: 1 });
  });

  it('AP84 finds what still names a school or group: responses, batches, scores, teachers, eligible counts and audiences', async () => {
    // Prepare: a response at 经纬路小学, a batch from 育英中学, a score at 经五路小学, a teacher at 斗沟小学,
    // an eligible-teacher count at 后龙小学 (AP127), a survey for 育英集团.
    const survey = await core.services.surveys.create(templateSurvey({ districtId: 'jinan-shizhong', groupIds: ['jn-yuying'] }), 'test');
    const response = {
      kind: 'response' as const,
      surveyId: survey.id,
      schoolId: 'jn-jingwei-ps',
      date: '2026-11-23',
      answers: {},
      texts: [],
      straightLined: false,
    };
    await core.infra.surveys.submit({ marker: 'ap84', response, responseId: 'r1', shard: 0, counters: ['_responses'] });
    await core.services.rotationBatches.importBatch(importBody(PLACE_META['own-district'], PLACE_ROWS['own-district']()), {
      userKey: 'test',
    });
    await core.infra.evaluations.putRound({
      kind: 'round',
      id: 'rd-ap84',
      districtId: 'jinan-shizhong',
      name: 'AP84',
      // No indicator is read here: AP84 looks at the scores only.
      system: { dimensions: [] } as never,
      previousRoundId: null,
      status: 'open',
      createdAt: '2026-12-01T00:00:00.000Z',
    });
    await core.infra.evaluations.putManualScore('rd-ap84', {
      kind: 'manual-score',
      schoolId: 'jn-jingwulu-ps',
      dimensionId: 'school',
      indicatorId: 'overall',
      score: 80,
      evidence: '督导报告',
      enteredBy: '张老师',
      enteredAt: '2026-12-01T00:00:00.000Z',
    });
    await core.infra.staff.putTeacher({
      kind: 'teacher',
      id: 't-ap84',
      name: '李老师',
      schoolId: 'jn-dougou-ps',
      createdAt: '2026-12-01T00:00:00.000Z',
    });
    await core.infra.rotation.putEligible('jinan-shizhong', {
      kind: 'eligible-teachers',
      schoolId: 'jn-houlong-ps',
      schoolYear: '2026-2027',
      eligible: 12,
      updatedAt: '2026-12-01T00:00:00.000Z',
    });
    const uses = core.infra;
    // Act
    const found = await Promise.all([
      schoolInUse(uses, 'jinan-shizhong', 'jn-jingwei-ps'),
      schoolInUse(uses, 'jinan-shizhong', 'jn-yuying-ms'),
      schoolInUse(uses, 'jinan-shizhong', 'jn-jingwulu-ps'),
      schoolInUse(uses, 'jinan-shizhong', 's-ap74aaaaaa'),
      schoolInUse(uses, 'jinan-shizhong', 'jn-dougou-ps'),
      schoolInUse(uses, 'jinan-shizhong', 'jn-houlong-ps'),
      groupInUse(uses, 'jinan-shizhong', 'jn-yuying'),
      groupInUse(uses, 'jinan-shizhong', 'jn-shiyan-alliance'),
    ]);
    // Assess
    expect(found).toEqual([['有问卷答卷'], ['有轮岗批次'], ['有评估得分'], [], ['有教师名册'], ['有应交流教师数'], ['有问卷使用'], []]);
  });

  it('AP96 puts whole items each on the version read, and writes none of them when one moved on', async () => {
    // Prepare: two schools at version 0; the second is then edited (version 1).
    const a = newSchool('s-putat-a', '版本甲小学');
    const b = newSchool('s-putat-b', '版本乙小学');
    expect(await writes.createSchool(a)).toBe(true);
    expect(await writes.createSchool(b)).toBe(true);
    expect(await writes.putMetasAt([{ item: { ...b, phone: '0531-86011111' }, version: 0 }])).toBe(true);
    // Act: an import read both at version 0 and renames both.
    const stale = await writes.putMetasAt([
      { item: { ...a, name: '版本甲实验小学' }, version: 0 },
      { item: { ...b, name: '版本乙实验小学' }, version: 0 },
    ]);
    const fresh = await writes.putMetasAt([{ item: { ...a, name: '版本甲实验小学' }, version: 0 }]);
    // Assess
    expect(stale).toBe(false);
    expect(fresh).toBe(true);
    expect(await meta(keys.school(a.id))).toMatchObject({ name: '版本甲实验小学', version: 1 });
    expect(await meta(keys.school(b.id))).toMatchObject({ name: '版本乙小学', phone: '0531-86011111', version: 1 });
  });
});
