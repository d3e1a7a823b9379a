import { z } from 'zod';
import { IdSchema } from '../common';
import { ROTATION_TEXT_MAX } from '../limits';
import { lazySchema } from '../lazy-schema';

/**
 * Teacher rotation (交流轮岗). A batch is published as a public notice (公示) before it takes
 * effect. Assignments carry no identity numbers and no phone numbers: the teacher's name, the
 * two schools and the dates are what a 公示 shows, and all the system needs.
 */
export const ROTATION_TYPES = ['定期交流', '集团内交流', '支教', '走教', '跨校区执教', '跟岗学习'] as const;
export const RotationTypeSchema = lazySchema(() => z.enum(ROTATION_TYPES));
export type RotationType = z.infer<typeof RotationTypeSchema>;

export const BACKBONE_LEVELS = ['无', '区级', '市级', '省级'] as const;
export const BackboneLevelSchema = lazySchema(() => z.enum(BACKBONE_LEVELS));
export type BackboneLevel = z.infer<typeof BackboneLevelSchema>;

/** Stored: draft → published → (withdrawn). 公示中 / 已生效 follow from the notice period and today. */
export const BatchStatusSchema = lazySchema(() => z.enum(['draft', 'publicizing', 'effective', 'withdrawn']));
export type BatchStatus = z.infer<typeof BatchStatusSchema>;

export const DateSchema = lazySchema(() => z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '日期格式为 YYYY-MM-DD'));
export const MonthSchema = lazySchema(() => z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式为 YYYY-MM'));
/** 2026-2027: a school year starts in September of its first year. */
export const SchoolYearSchema = lazySchema(() =>
  z
    .string()
    .regex(/^\d{4}-\d{4}$/, '学年格式为 2026-2027')
    .refine((y) => Number(y.slice(5)) === Number(y.slice(0, 4)) + 1, '学年的后一年须比前一年大 1'),
);

/** Whole months from a to b (YYYY-MM). */
export const monthsBetween = (a: string, b: string) =>
  (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + Number(b.slice(5, 7)) - Number(a.slice(5, 7));
export const ROTATION_MIN_MONTHS = 12;
export const ROTATION_MAX_MONTHS = 72;

/** Long digit runs look like an ID card or phone number, which must never be stored. */
const NO_ID_NUMBERS = (s: string) => !/\d{6,}/.test(s);
export const TeacherNameSchema = lazySchema(() =>
  z.string().trim().min(1, '请填写教师姓名').max(20, '教师姓名不超过 20 个字').refine(NO_ID_NUMBERS, '不得填写身份证号或手机号'),
);

export const SubjectSchema = lazySchema(() =>
  z.string().trim().min(1, '请填写学科').max(20, '学科不超过 20 个字').refine(NO_ID_NUMBERS, '不得填写身份证号或手机号'),
);

const AssignmentFields = lazySchema(() =>
  z.object({
    teacherName: TeacherNameSchema,
    subject: SubjectSchema,
    fromSchoolId: IdSchema,
    toSchoolId: IdSchema,
    type: RotationTypeSchema,
    startMonth: MonthSchema,
    endMonth: MonthSchema,
    backboneLevel: BackboneLevelSchema,
    transferPersonnel: z.boolean(),
  }),
);

/** The rules between fields, shared by the JSON body and the import (which names the column). */
export function assignmentRuleIssues(a: {
  fromSchoolId: string;
  toSchoolId: string;
  startMonth: string;
  endMonth: string;
}): Array<{ field: 'toSchoolId' | 'endMonth'; message: string }> {
  const issues: Array<{ field: 'toSchoolId' | 'endMonth'; message: string }> = [];
  if (a.fromSchoolId === a.toSchoolId) issues.push({ field: 'toSchoolId', message: '交流学校不能与原学校相同' });
  // Both months are served: 2026-09 to 2027-08 is one full year (12 months), not 11.
  const served = monthsBetween(a.startMonth, a.endMonth) + 1;
  if (served <= 1) issues.push({ field: 'endMonth', message: '结束月份须晚于开始月份' });
  else if (served < ROTATION_MIN_MONTHS || served > ROTATION_MAX_MONTHS) issues.push({ field: 'endMonth', message: '交流期限须为 1–6 年' });
  return issues;
}

export const RotationAssignmentInputSchema = lazySchema(() =>
  AssignmentFields.superRefine((a, ctx) => {
    for (const issue of assignmentRuleIssues(a)) ctx.addIssue({ code: 'custom', path: [issue.field], message: issue.message });
  }),
);
export type RotationAssignmentInput = z.infer<typeof RotationAssignmentInputSchema>;

export const RotationAssignmentSchema = lazySchema(() =>
  AssignmentFields.extend({
    id: z.string(),
    fromSchoolName: z.string(),
    toSchoolName: z.string(),
  }),
);
export type RotationAssignment = z.infer<typeof RotationAssignmentSchema>;

export const StatusChangeSchema = lazySchema(() =>
  z.object({ status: z.enum(['draft', 'published', 'withdrawn']), by: z.string(), at: z.string() }),
);
/** One step of a batch's history: the stored status it moved to, by whom (a pseudonymous key) and when. */
export type BatchStatusChange = z.infer<typeof StatusChangeSchema>;
/** What is stored; 公示中 and 已生效 are read off a published batch's dates (BatchStatus). */
export type StoredBatchStatus = BatchStatusChange['status'];

export const RotationBatchSchema = lazySchema(() =>
  z.object({
    id: z.string(),
    districtId: IdSchema,
    groupId: IdSchema.nullable(),
    title: z.string(),
    schoolYear: SchoolYearSchema,
    noticeStart: DateSchema,
    noticeEnd: DateSchema,
    status: BatchStatusSchema,
    supersedes: z.string().nullable(),
    supersededBy: z.string().nullable(),
    assignmentCount: z.number().int(),
  }),
);
export type RotationBatch = z.infer<typeof RotationBatchSchema>;

/** What an admin sets on a batch (the import takes the same fields beside the file). */
export const BatchMetaSchema = lazySchema(() =>
  z
    .object({
      districtId: IdSchema,
      groupId: IdSchema.nullable().default(null),
      title: z.string().trim().min(1, '请填写标题').max(60, '标题不超过 60 个字'),
      schoolYear: SchoolYearSchema,
      noticeStart: DateSchema,
      /** Defaults to noticeStart + 5 working days (weekends and the district's holidays skipped). */
      noticeEnd: DateSchema.optional(),
      /** A correction of a published batch names it; publishing this one marks it superseded. */
      supersedes: z
        .string()
        .regex(/^rb-[a-z0-9]{1,32}$/)
        .nullable()
        .default(null),
    })
    .refine((b) => !b.noticeEnd || b.noticeEnd >= b.noticeStart, { message: '公示结束日期不能早于开始日期', path: ['noticeEnd'] }),
);
export type BatchMeta = z.infer<typeof BatchMetaSchema>;

export const ImportFormatSchema = lazySchema(() => z.enum(['xlsx', 'csv']));
/**
 * The longest file an import takes, in base64 characters (about 3.7 MB of spreadsheet, far more
 * than a district's 5,000 rows). It was 8,000,000, which cannot reach the Lambda: a synchronous
 * invocation's whole event is at most 6,291,456 bytes. Same cap and reason as the catalogue
 * import (CATALOG_IMPORT_FILE_BASE64_MAX).
 */
export const IMPORT_FILE_BASE64_MAX = 5_000_000;
export const ImportBodySchema = lazySchema(() =>
  z.object({
    meta: BatchMetaSchema,
    format: ImportFormatSchema,
    /** The file, base64: the WeChat cloud function carries JSON only. */
    file: z.string().min(1, '请上传文件').max(IMPORT_FILE_BASE64_MAX, '文件过大'),
  }),
);
export type ImportBody = z.infer<typeof ImportBodySchema>;

/** One bad cell of an import: row number as the spreadsheet shows it (header = row 1). */
export const ImportIssueSchema = lazySchema(() => z.object({ row: z.number().int(), column: z.string(), message: z.string() }));
export type ImportIssue = z.infer<typeof ImportIssueSchema>;

export const ObjectionBodySchema = lazySchema(() =>
  z.object({
    assignmentId: z
      .string()
      .regex(/^a\d{5}$/)
      .nullable()
      .default(null),
    text: z.string().trim().min(1, '请填写异议内容').max(ROTATION_TEXT_MAX, `异议内容不超过 ${ROTATION_TEXT_MAX} 字`),
  }),
);
export type ObjectionBody = z.infer<typeof ObjectionBodySchema>;

export const ResolutionBodySchema = lazySchema(() =>
  z.object({
    resolution: z.string().trim().min(1, '请填写处理结果').max(ROTATION_TEXT_MAX, `处理结果不超过 ${ROTATION_TEXT_MAX} 字`),
  }),
);

export const EligibleCountBodySchema = lazySchema(() =>
  z.object({ schoolYear: SchoolYearSchema, eligible: z.number().int().min(0).max(100_000) }),
);

export const RotationSettingsSchema = lazySchema(() =>
  z.object({
    /** Share of eligible teachers that must rotate, in percent (national floor 10). */
    rotatingPct: z.number().int().min(1).max(100).default(10),
    /** Share of rotating teachers that must be 骨干, in percent (national floor 20). */
    backbonePct: z.number().int().min(1).max(100).default(20),
    /** Public holidays skipped when counting 公示 working days. */
    holidays: z.array(DateSchema).max(100).default([]),
    /** 调休上班日: weekend dates the State Council makes working days; they count toward 公示期. */
    makeupWorkdays: z.array(DateSchema).max(50).default([]),
  }),
);
export type RotationSettings = z.infer<typeof RotationSettingsSchema>;
