import type { z } from 'zod';
import {
  assignmentRuleIssues,
  BACKBONE_LEVELS,
  BackboneLevelSchema,
  MonthSchema,
  ROTATION_COLUMNS,
  ROTATION_TYPES,
  RotationTypeSchema,
  SubjectSchema,
  TeacherNameSchema,
  type ImportIssue,
  type RotationAssignment,
  type RotationColumnKey,
} from '../../../../shared';
import type { RawRow } from './rotation-file';

export type SchoolRef = { id: string; name: string };
const HEADER = Object.fromEntries(ROTATION_COLUMNS.map((c) => [c.key, c.header])) as Record<RotationColumnKey, string>;

/** Excel's day serial (days since 1899-12-30): what a date typed into a text-formatted cell comes back as. */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
/** 2026-9, 2026/09, 2026.09, 2026年9月 and Excel date serials are all how a month arrives. */
const normalizeMonth = (text: string) => {
  if (/^\d{5}(\.\d+)?$/.test(text)) return new Date(EXCEL_EPOCH + Math.floor(Number(text)) * 86_400_000).toISOString().slice(0, 7);
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$/.exec(text);
  return m ? `${m[1]}-${m[2].padStart(2, '0')}` : text;
};
const YES_NO: Record<string, boolean> = { 是: true, 否: false };

/** The schools of a group batch's group: every school its rows name must be one of them. */
export type GroupSchools = { name: string; schoolIds: ReadonlySet<string> };

/**
 * Every row checked, every problem reported with its row, column and a Chinese message; the
 * caller writes nothing unless `issues` is empty. Schools are looked up among the batch's
 * district's (`schoolsByName`), so a district batch cannot name another district's school; a
 * group batch must also stay inside its group (`group`).
 */
export function validateRows(
  rows: RawRow[],
  schoolsByName: ReadonlyMap<string, SchoolRef>,
  group: GroupSchools | null,
): { assignments: RotationAssignment[]; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const assignments: RotationAssignment[] = [];
  const seen = new Map<string, number>();

  for (const { row, cells } of rows) {
    const before = issues.length;
    const fail = (key: RotationColumnKey, message: string) => issues.push({ row, column: HEADER[key], message });
    const check = <T extends z.ZodTypeAny>(
      key: RotationColumnKey,
      schema: T,
      value: unknown,
      empty: string,
      invalid?: string,
    ): z.infer<T> | undefined => {
      if (value === '') return void fail(key, empty);
      const parsed = schema.safeParse(value);
      if (!parsed.success) return void fail(key, invalid ?? parsed.error.issues[0].message);
      return parsed.data;
    };
    const school = (key: 'fromSchool' | 'toSchool') => {
      if (cells[key] === '') return void fail(key, '请填写学校名称');
      const found = schoolsByName.get(cells[key]);
      if (!found) fail(key, `本区没有名为“${cells[key]}”的学校`);
      else if (group && !group.schoolIds.has(found.id)) fail(key, `“${cells[key]}”不在${group.name}内：集团批次只能在本集团的学校之间交流`);
      return found;
    };

    const teacherName = check('teacherName', TeacherNameSchema, cells.teacherName, '请填写教师姓名');
    const subject = check('subject', SubjectSchema, cells.subject, '请填写学科');
    const from = school('fromSchool');
    const to = school('toSchool');
    const type = check('type', RotationTypeSchema, cells.type, '请填写交流类型', `交流类型须为：${ROTATION_TYPES.join('、')}`);
    const startMonth = check('startMonth', MonthSchema, normalizeMonth(cells.startMonth), '请填写开始月份');
    const endMonth = check('endMonth', MonthSchema, normalizeMonth(cells.endMonth), '请填写结束月份');
    const backboneLevel = check(
      'backboneLevel',
      BackboneLevelSchema,
      cells.backboneLevel || '无',
      '',
      `骨干级别须为：${BACKBONE_LEVELS.join('、')}`,
    );
    const transferPersonnel = YES_NO[cells.transferPersonnel];
    if (transferPersonnel === undefined) fail('transferPersonnel', '是否调动人事关系须填“是”或“否”');

    if (from && to && startMonth && endMonth) {
      for (const issue of assignmentRuleIssues({ fromSchoolId: from.id, toSchoolId: to.id, startMonth, endMonth })) {
        fail(issue.field === 'toSchoolId' ? 'toSchool' : 'endMonth', issue.message);
      }
    }
    if (teacherName && from) {
      const key = `${from.id}#${teacherName}`;
      const first = seen.get(key);
      if (first !== undefined) fail('teacherName', `与第 ${first} 行重复：同一学校的同名教师在一个批次中只能出现一次`);
      else seen.set(key, row);
    }
    if (issues.length > before) continue;
    assignments.push({
      id: `a${String(assignments.length + 1).padStart(5, '0')}`,
      teacherName: teacherName!,
      subject: subject!,
      fromSchoolId: from!.id,
      fromSchoolName: from!.name,
      toSchoolId: to!.id,
      toSchoolName: to!.name,
      type: type!,
      startMonth: startMonth!,
      endMonth: endMonth!,
      backboneLevel: backboneLevel!,
      transferPersonnel,
    });
  }
  return { assignments, issues };
}
