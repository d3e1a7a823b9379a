import { BUILTIN_GROUP_TYPES } from '../../../../shared';
import { validateCatalogRows, type CatalogRow } from '../../../src/features/catalog/import/import-rows';
import { planImport, type CurrentCatalog } from '../../../src/features/catalog/import/import-plan';
import type { GroupItem, MembershipItem, SchoolItem } from '../../../src/features/catalog/catalog-items';

const EMPTY: CatalogRow['cells'] = {
  schoolId: '',
  name: '',
  stage: '',
  aliases: '',
  address: '',
  lat: '',
  lng: '',
  phone: '',
  intro: '',
  students: '',
  families: '',
  groupId: '',
  groupName: '',
  groupType: '',
  role: '',
  jointly: '',
  partners: '',
  campuses: '',
};
const rowsOf = (...cells: Array<Partial<CatalogRow['cells']>>): CatalogRow[] =>
  cells.map((c, i) => ({ row: i + 2, cells: { ...EMPTY, ...c } }));
const lead = (name: string, group: string, more: Partial<CatalogRow['cells']> = {}) => ({
  name,
  stage: '小学',
  groupName: group,
  groupType: '融合型',
  role: '牵头校',
  ...more,
});
const context = {
  schools: [{ id: 'jn-a', name: '甲小学' }],
  groups: [{ id: 'g-old', name: '旧集团' }],
  groupTypes: [...BUILTIN_GROUP_TYPES, '区本型'],
};

describe('validateCatalogRows', () => {
  it('reads a school, its group, lists split on 、 and coordinates, matching stored names', () => {
    // Prepare
    const rows = rowsOf(
      lead('甲小学', '旧集团', {
        aliases: '甲小、甲校',
        lat: '36.65',
        lng: '117.0',
        students: '1,200',
        families: '1100',
        campuses: '本部、南校区',
      }),
      { name: '乙小学', stage: '小学', groupName: '旧集团', role: '成员校' },
    );
    // Act
    const { schools, groups, issues } = validateCatalogRows(rows, context);
    // Assess
    expect(issues).toEqual([]);
    expect(schools[0]).toMatchObject({
      id: 'jn-a',
      fields: { name: '甲小学', stage: '小学', aliases: ['甲小', '甲校'], location: { lat: 36.65, lng: 117 }, students: 1200 },
      families: 1100,
      campuses: ['本部', '南校区'],
      memberships: [{ groupKey: 'g-old', role: 'lead', row: 2 }],
    });
    expect(schools[1]).toMatchObject({ id: null, key: 'new:乙小学', memberships: [{ groupKey: 'g-old', role: 'member' }] });
    expect(groups).toEqual([
      { key: 'g-old', id: 'g-old', row: 2, name: '旧集团', type: '融合型', partners: [], jointly: false, leadSchoolKey: 'jn-a' },
    ]);
  });

  it('reports every bad cell by row and column, in the sheet’s words', () => {
    // Prepare
    const rows = rowsOf(
      { name: '丙小学', stage: '幼儿园', lat: '40.0', lng: '200', groupName: '新集团', groupType: '未知型', role: '校长' },
      { name: '', stage: '', schoolId: 'nope', families: '-3', phone: 'abc' },
    );
    // Act
    const { issues } = validateCatalogRows(rows, context);
    // Assess
    expect(issues).toEqual([
      { row: 2, column: '学段', message: '学段须为：小学/初中/中学/九年一贯制/高中/完全中学/十二年一贯制' },
      { row: 2, column: '经度', message: '经度不在中国境内' },
      { row: 2, column: '集团角色', message: '请填写集团角色（牵头校/成员校/联盟校）' },
      { row: 2, column: '集团类型', message: `集团类型须为本区的类型之一：${[...BUILTIN_GROUP_TYPES, '区本型'].join('、')}` },
      { row: 3, column: '学校编号', message: '本区没有编号为“nope”的学校（新学校请留空）' },
      { row: 3, column: '学校名称', message: '请填写学校名称' },
      { row: 3, column: '学段', message: '请选择学段（小学/初中/中学/九年一贯制/高中/完全中学/十二年一贯制）' },
      { row: 3, column: '电话', message: '电话格式不正确，如 0531-86012345' },
      { row: 3, column: '在校家庭数', message: '在校家庭数须为 0 到 100000 的整数' },
    ]);
  });

  it('refuses duplicates inside the file and a group without exactly one lead school unless 共同发起', () => {
    // Prepare
    const rows = rowsOf(
      lead('丁小学', '二校集团'),
      lead('戊小学', '二校集团'),
      { name: '己小学', stage: '小学', groupName: '无首集团', groupType: '联盟型', role: '成员校' },
      { name: '庚小学', stage: '小学', groupName: '平等联盟', groupType: '联盟型', role: '联盟校', jointly: '是' },
      { name: '辛小学', stage: '小学', groupName: '平等联盟', role: '联盟校' },
      { name: '辛小学', stage: '小学', groupName: '平等联盟', role: '联盟校' },
      { name: '丁小学', stage: '初中' },
    );
    // Act
    const { issues } = validateCatalogRows(rows, context);
    // Assess
    expect(issues).toEqual([
      { row: 3, column: '集团角色', message: '“二校集团”只能有一所牵头校（已在第 2 行）' },
      { row: 4, column: '集团角色', message: '“无首集团”须有一所牵头校（共同发起的集团请在“共同发起”填“是”）' },
      { row: 7, column: '所属集团', message: '与第 6 行重复：同一学校在同一集团只能出现一次' },
      { row: 8, column: '学段', message: '与第 2 行（同一学校）的“学段”不一致' },
    ]);
  });

  it('asks for a type for a new group and one name per group', () => {
    // Prepare
    const rows = rowsOf(
      lead('壬小学', '新集团', { groupType: '' }),
      lead('癸小学', '旧集团', { groupId: 'g-old', groupName: '改名集团' }),
      {
        name: '子小学',
        stage: '小学',
        groupId: 'g-old',
        groupName: '旧集团',
        role: '成员校',
      },
    );
    // Act
    const { issues } = validateCatalogRows(rows, context);
    // Assess
    expect(issues).toEqual([
      { row: 2, column: '集团类型', message: '新集团“新集团”请填写集团类型' },
      { row: 4, column: '所属集团', message: '与第 3 行（同一集团编号）的集团名称不一致' },
    ]);
  });
});

describe('planImport', () => {
  const district = { kind: 'district' as const, id: 'd', name: '某区', city: '某市', province: '某省' };
  const school = (id: string, name: string): SchoolItem => ({ kind: 'school', id, name, districtId: 'd', stage: '小学', aliases: [] });
  const group = (id: string, name: string, leadSchoolId: string): GroupItem => ({
    kind: 'group',
    id,
    name,
    groupType: '融合型',
    districtId: 'd',
    leadSchoolId,
    partners: [],
    source: 'test',
  });
  const period = (groupId: string, schoolId: string, role: MembershipItem['role'], name: string): MembershipItem => ({
    kind: 'membership',
    groupId,
    groupName: name,
    groupType: '融合型',
    schoolId,
    schoolName: schoolId === 'a' ? '甲小学' : '乙小学',
    stage: '小学',
    role,
    districtId: 'd',
  });
  const current: CurrentCatalog = {
    district,
    schools: [school('a', '甲小学'), school('b', '乙小学')],
    groups: [group('g1', '一集团', 'a'), group('g2', '二集团', 'b')],
    periods: [period('g1', 'a', 'lead', '一集团'), period('g2', 'b', 'lead', '二集团')],
    campuses: new Map(),
    families: new Map(),
  };
  const options = { fromTerm: '2026-2', earliest: '2026-1', at: '2026-12-01T00:00:00.000Z', newId: (p: string) => `${p}-new` };
  const ctx = { schools: current.schools, groups: current.groups, groupTypes: [...BUILTIN_GROUP_TYPES] };

  it('finds nothing to write when the file states the catalogue as it is', () => {
    // Prepare
    const desired = validateCatalogRows(
      rowsOf(
        {
          schoolId: 'a',
          name: '甲小学',
          stage: '小学',
          groupId: 'g1',
          groupName: '一集团',
          groupType: '融合型',
          role: '牵头校',
          jointly: '否',
        },
        {
          schoolId: 'b',
          name: '乙小学',
          stage: '小学',
          groupId: 'g2',
          groupName: '二集团',
          groupType: '融合型',
          role: '牵头校',
          jointly: '否',
        },
      ),
      ctx,
    );
    // Act
    const plan = planImport(desired, current, options);
    // Assess
    expect(plan).toEqual({
      changes: { groupsAdded: [], groupsChanged: [], schoolsAdded: [], schoolsChanged: [], moves: [], enrollmentsSet: 0 },
      issues: [],
      guarded: [],
      puts: [],
      deletes: [],
    });
  });

  it('renames a group on every copy and moves a school from the term given, keeping the earlier period', () => {
    // Prepare: 乙小学 joins 一集团 (renamed 新一集团) as a member from 2026-2; 二集团 is left to its lead.
    const desired = validateCatalogRows(
      rowsOf(
        { schoolId: 'a', name: '甲小学', stage: '小学', groupId: 'g1', groupName: '新一集团', role: '牵头校' },
        { schoolId: 'b', name: '乙小学', stage: '小学', groupId: 'g1', groupName: '新一集团', role: '成员校' },
      ),
      ctx,
    );
    // Act
    const plan = planImport(desired, current, options);
    // Assess
    expect(plan.issues).toEqual([]);
    expect(plan.changes).toMatchObject({ groupsChanged: ['一集团 → 新一集团'], moves: ['乙小学：二集团（牵头校） → 新一集团（成员校）'] });
    // The renamed group exists: it is written on the version read (0), carrying version 1.
    expect(plan.guarded).toEqual([
      { item: expect.objectContaining({ kind: 'group', id: 'g1', name: '新一集团', version: 1 }), version: 0 },
    ]);
    expect(plan.puts).toContainEqual(expect.objectContaining({ kind: 'membership', groupId: 'g1', schoolId: 'a', groupName: '新一集团' }));
    expect(plan.puts).toContainEqual(expect.objectContaining({ kind: 'membership', groupId: 'g2', schoolId: 'b', untilTerm: '2026-2' }));
    expect(plan.puts).toContainEqual(
      expect.objectContaining({
        kind: 'membership',
        groupId: 'g1',
        schoolId: 'b',
        role: 'member',
        fromTerm: '2026-2',
        groupName: '新一集团',
      }),
    );
    expect(plan.deletes).toEqual([]);
  });

  it('answers a change dated in a past term as an error on the row', () => {
    // Prepare
    const desired = validateCatalogRows(rowsOf({ schoolId: 'b', name: '乙小学', stage: '小学' }), ctx);
    // Act
    const plan = planImport(desired, current, { ...options, fromTerm: '2025-2' });
    // Assess
    expect(plan.issues).toEqual([
      { row: 2, column: '所属集团', message: '二集团：调整只能从本学期或以后的学期起生效，已过去学期的分组保持不变' },
    ]);
  });
});
