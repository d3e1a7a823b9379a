import { z } from 'zod';
import {
  CATALOG_COLUMNS,
  Gcj02PointSchema,
  MEMBER_ROLE_LABELS,
  MemberRoleSchema,
  SchoolFieldsSchema,
  StageSchema,
  type CatalogColumnKey,
  type CatalogImportIssue,
  type Gcj02Point,
  type MemberRole,
  type SchoolFields,
} from '../../../../../shared';
import type { NamedRow } from '../../../spreadsheet/read-table';

export type CatalogRow = NamedRow<CatalogColumnKey>;

/** What a file is checked against: the district's schools and groups as stored, and its group types. */
export interface ImportContext {
  schools: ReadonlyArray<{ id: string; name: string }>;
  groups: ReadonlyArray<{ id: string; name: string }>;
  /** Built-in types and the district's own. */
  groupTypes: readonly string[];
}

/** A school as the file states it. `id` null: a new school. */
export interface DesiredSchool {
  key: string;
  id: string | null;
  row: number;
  fields: SchoolFields;
  campuses: string[];
  /** 在校家庭数; absent: left as it is. */
  families?: number;
  memberships: Array<{ groupKey: string; role: MemberRole; row: number }>;
}

/** A group as the file states it. `id` null: a new group. `type` absent: kept as stored. */
export interface DesiredGroup {
  key: string;
  id: string | null;
  row: number;
  name: string;
  type?: string;
  partners: string[];
  jointly: boolean;
  leadSchoolKey: string | null;
}

const HEADER = Object.fromEntries(CATALOG_COLUMNS.map((c) => [c.key, c.header])) as Record<CatalogColumnKey, string>;
const SCHOOL_COLUMNS = ['stage', 'aliases', 'address', 'lat', 'lng', 'phone', 'intro', 'students', 'families', 'campuses'] as const;
const ROLE_BY_LABEL = new Map(Object.entries(MEMBER_ROLE_LABELS).map(([role, label]) => [label, MemberRoleSchema.parse(role)]));
const STAGES = StageSchema.options.join('/');
const YES_NO: Record<string, boolean> = { 是: true, 否: false, '': false };
const MAX_FAMILIES = 100_000;

/** 、 as the template says; a full-width comma or semicolon is what people also type. */
export const splitList = (text: string): string[] =>
  text
    .split(/[、，,;；]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
const ListOf = (max: number, most: number, what: string) =>
  z.array(z.string().max(max, `每个${what}不超过 ${max} 个字`)).max(most, `${what}最多 ${most} 个`);
const CampusesSchema = ListOf(40, 20, '校区');
const PartnersSchema = ListOf(60, 10, '合作单位');
const GroupNameSchema = z.string().max(40, '集团名称不超过 40 个字');
/** A whole number as a spreadsheet gives it: 1200, "1,200" and 1200.0 are the same. */
const wholeNumber = (text: string): number | null => {
  const n = Number(text.replace(/,/g, ''));
  return Number.isInteger(n) ? n : null;
};

/**
 * Every row checked, every problem reported with its row, column and a Chinese message; the
 * caller writes nothing unless `issues` is empty. Pure: the district's state comes in as
 * `context`. Schools are matched by 学校编号, else by name (so re-sending a file whose new
 * schools were already written matches them, not duplicates them); groups by 集团编号, else
 * by name within the district, else they are new.
 */
export function validateCatalogRows(
  rows: CatalogRow[],
  context: ImportContext,
): { schools: DesiredSchool[]; groups: DesiredGroup[]; issues: CatalogImportIssue[] } {
  const issues: CatalogImportIssue[] = [];
  const schoolById = new Map(context.schools.map((s) => [s.id, s]));
  const schoolByName = new Map(context.schools.map((s) => [s.name, s]));
  const groupById = new Map(context.groups.map((g) => [g.id, g]));
  const groupByName = new Map(context.groups.map((g) => [g.name, g]));
  const types = new Set(context.groupTypes);
  const schools = new Map<string, DesiredSchool & { cells: Record<CatalogColumnKey, string> }>();
  const groups = new Map<
    string,
    DesiredGroup & { cells: Partial<Record<'groupType' | 'jointly' | 'partners', { text: string; row: number }>> }
  >();
  const schoolNamed = new Map<string, { row: number }>();
  const leads = new Map<string, number[]>();
  // A renamed group's new name, from the rows that give its 集团编号: rows naming it without the id join it too.
  const renamed = new Map<string, string>();
  for (const { cells } of rows)
    if (groupById.has(cells.groupId) && !renamed.has(cells.groupName)) renamed.set(cells.groupName, cells.groupId);

  for (const { row, cells } of rows) {
    const before = issues.length;
    const fail = (key: CatalogColumnKey, message: string) => issues.push({ row, column: HEADER[key], message });

    // ── the school ──
    let schoolId: string | null = null;
    if (cells.schoolId !== '') {
      if (schoolById.has(cells.schoolId)) schoolId = cells.schoolId;
      else fail('schoolId', `本区没有编号为“${cells.schoolId}”的学校（新学校请留空）`);
    }
    const fields = schoolFields(cells, fail);
    if (schoolId === null && fields) schoolId = schoolByName.get(fields.name)?.id ?? null;
    const campuses = CampusesSchema.safeParse(splitList(cells.campuses));
    if (!campuses.success) fail('campuses', campuses.error.issues[0].message);
    let families: number | undefined;
    if (cells.families !== '') {
      const n = wholeNumber(cells.families);
      if (n === null || n < 0 || n > MAX_FAMILIES) fail('families', `在校家庭数须为 0 到 ${MAX_FAMILIES} 的整数`);
      else families = n;
    }

    // ── its group ──
    let groupKey: string | null = null;
    let role: MemberRole | undefined;
    const groupName = GroupNameSchema.safeParse(cells.groupName);
    if (!groupName.success) fail('groupName', groupName.error.issues[0].message);
    if (cells.groupId !== '' && !groupById.has(cells.groupId)) fail('groupId', `本区没有编号为“${cells.groupId}”的集团（新集团请留空）`);
    else if (cells.groupName === '') {
      const stray = (['groupId', 'groupType', 'role', 'partners'] as const).find(
        (key) => cells[key] !== '' || (key === 'role' && cells.jointly === '是'),
      );
      if (stray) fail('groupName', '请填写所属集团（不属于集团的学校，集团各列留空）');
    } else {
      groupKey = cells.groupId || renamed.get(cells.groupName) || groupByName.get(cells.groupName)?.id || `new:${cells.groupName}`;
      role = ROLE_BY_LABEL.get(cells.role);
      if (!role) fail('role', `请填写集团角色（${[...ROLE_BY_LABEL.keys()].join('/')}）`);
      if (cells.groupType !== '' && !types.has(cells.groupType)) {
        fail('groupType', `集团类型须为本区的类型之一：${[...types].join('、')}`);
      }
      if (!(cells.jointly in YES_NO)) fail('jointly', '共同发起须填“是”或“否”（或留空）');
      const partners = PartnersSchema.safeParse(splitList(cells.partners));
      if (!partners.success) fail('partners', partners.error.issues[0].message);
    }
    if (issues.length > before || !fields) continue;

    // ── the same school on several rows (one per group): its columns must agree ──
    const key = schoolId ?? `new:${fields.name}`;
    let school = schools.get(key);
    if (school) {
      const differs = (['name', ...SCHOOL_COLUMNS] as const).find((k) => school!.cells[k] !== cells[k]);
      if (differs) fail(differs, `与第 ${school.row} 行（同一学校）的“${HEADER[differs]}”不一致`);
    } else {
      const sameName = schoolNamed.get(fields.name);
      if (sameName) fail('name', `与第 ${sameName.row} 行的学校同名：一区之内学校名称不能重复`);
      school = { key, id: schoolId, row, fields, campuses: campuses.data!, families, memberships: [], cells };
      schools.set(key, school);
      schoolNamed.set(fields.name, school);
    }
    if (issues.length > before || groupKey === null) continue;
    const again = school.memberships.find((m) => m.groupKey === groupKey);
    if (again) {
      fail('groupName', `与第 ${again.row} 行重复：同一学校在同一集团只能出现一次`);
      continue;
    }
    school.memberships.push({ groupKey, role: role!, row });

    // ── the group: its own columns may be given on any of its rows, and must agree ──
    let group = groups.get(groupKey);
    if (!group) {
      group = {
        key: groupKey,
        id: groupKey.startsWith('new:') ? null : groupKey,
        row,
        name: cells.groupName,
        partners: [],
        jointly: false,
        leadSchoolKey: null,
        cells: {},
      };
      groups.set(groupKey, group);
    } else if (group.name !== cells.groupName) {
      fail('groupName', `与第 ${group.row} 行（同一集团编号）的集团名称不一致`);
    }
    for (const column of ['groupType', 'jointly', 'partners'] as const) {
      if (cells[column] === '') continue;
      const stated = group.cells[column];
      if (stated && stated.text !== cells[column]) fail(column, `与第 ${stated.row} 行（同一集团）的“${HEADER[column]}”不一致`);
      else group.cells[column] = { text: cells[column], row };
    }
    if (role === 'lead') leads.set(groupKey, [...(leads.get(groupKey) ?? []), row]);
    if (role === 'lead') group.leadSchoolKey = key;
  }

  // ── per group: a new group needs a type; one lead school unless 共同发起 ──
  const names = new Map<string, DesiredGroup>();
  for (const group of groups.values()) {
    const fail = (row: number, key: CatalogColumnKey, message: string) => issues.push({ row, column: HEADER[key], message });
    group.type = group.cells.groupType?.text;
    group.jointly = group.cells.jointly?.text === '是';
    group.partners = group.cells.partners ? splitList(group.cells.partners.text) : [];
    if (group.id === null && group.type === undefined) fail(group.row, 'groupType', `新集团“${group.name}”请填写集团类型`);
    const leadRows = leads.get(group.key) ?? [];
    if (group.jointly && leadRows.length > 0) fail(leadRows[0], 'role', `“${group.name}”为共同发起，不设牵头校`);
    if (!group.jointly && leadRows.length === 0) {
      fail(group.row, 'role', `“${group.name}”须有一所牵头校（共同发起的集团请在“共同发起”填“是”）`);
    }
    if (leadRows.length > 1) fail(leadRows[1], 'role', `“${group.name}”只能有一所牵头校（已在第 ${leadRows[0]} 行）`);
    const sameName = names.get(group.name);
    if (sameName) fail(group.row, 'groupName', `与第 ${sameName.row} 行的集团同名：一区之内集团名称不能重复`);
    names.set(group.name, group);
    const holder = groupByName.get(group.name);
    if (holder && holder.id !== group.key && !groups.has(holder.id)) {
      fail(group.row, 'groupName', `本区已有名为“${group.name}”的集团（编号 ${holder.id}）`);
    }
  }
  const strip = <T extends { cells: unknown }>({ cells: _cells, ...rest }: T) => rest;
  return {
    schools: [...schools.values()].map(strip),
    groups: [...groups.values()].map(strip),
    issues: issues.sort((a, b) => a.row - b.row),
  };
}

/** The school's own columns, each checked with the admin form's rules (SchoolFieldsSchema). */
function schoolFields(
  cells: Record<CatalogColumnKey, string>,
  fail: (key: CatalogColumnKey, message: string) => void,
): SchoolFields | null {
  let ok = true;
  const bad = (key: CatalogColumnKey, message: string) => {
    ok = false;
    fail(key, message);
  };
  if (cells.name === '') bad('name', '请填写学校名称');
  if (cells.stage === '') bad('stage', `请选择学段（${STAGES}）`);
  else if (!StageSchema.safeParse(cells.stage).success) bad('stage', `学段须为：${STAGES}`);
  let location: Gcj02Point | undefined;
  if ((cells.lat === '') !== (cells.lng === '')) bad(cells.lat === '' ? 'lat' : 'lng', '纬度与经度须同时填写（GCJ-02）');
  else if (cells.lat !== '') {
    const point = Gcj02PointSchema.safeParse({ lat: Number(cells.lat), lng: Number(cells.lng) });
    if (point.success) location = point.data;
    for (const issue of point.success ? [] : point.error.issues) bad(issue.path[0] === 'lat' ? 'lat' : 'lng', issue.message);
  }
  let students: number | undefined;
  if (cells.students !== '') {
    const n = wholeNumber(cells.students);
    if (n === null) bad('students', '学生数须为整数');
    else students = n;
  }
  const candidate = {
    name: cells.name,
    stage: cells.stage,
    aliases: splitList(cells.aliases),
    ...(cells.address === '' ? {} : { address: cells.address }),
    ...(location ? { location } : {}),
    ...(cells.phone === '' ? {} : { phone: cells.phone }),
    ...(cells.intro === '' ? {} : { intro: cells.intro }),
    ...(students === undefined ? {} : { students }),
  };
  const parsed = SchoolFieldsSchema.safeParse(candidate);
  if (!parsed.success) {
    const column: Record<string, CatalogColumnKey> = {
      name: 'name',
      aliases: 'aliases',
      address: 'address',
      phone: 'phone',
      intro: 'intro',
      students: 'students',
    };
    for (const issue of parsed.error.issues) {
      const key = column[String(issue.path[0])];
      // Stage, location and an empty name were reported above in the sheet's own words.
      if (key && !(key === 'name' && cells.name === ''))
        bad(key, key === 'aliases' && issue.path.length > 1 ? '每个别名不超过 40 个字' : issue.message);
    }
  }
  return ok && parsed.success ? parsed.data : null;
}
