import { z } from 'zod';
import { IdSchema } from '../common';
import { lazySchema } from '../lazy-schema';

/**
 * Group types as the districts name them. 1+X is 济南市中区's form (名校+潜力学校 / 名校+优质学校);
 * the documents do not say which of the two each group is, so it is not split further.
 */
export const BUILTIN_GROUP_TYPES = ['创优型', '联盟型', '跨学段合作式', '融合型', '1+X'] as const;
/**
 * A group's type: one of the built-in forms or a name from its district's own list (a district
 * setting, checked when a group is written). Stored and shown as the district names it.
 */
export const GroupTypeSchema = lazySchema(() => z.string().trim().min(1, '请选择集团类型').max(20, '集团类型不超过 20 个字'));
export type GroupType = z.infer<typeof GroupTypeSchema>;

export const MemberRoleSchema = lazySchema(() => z.enum(['lead', 'member', 'alliance']));
export type MemberRole = z.infer<typeof MemberRoleSchema>;

/** New stages go at the end: the catalogue snapshot stores a stage as its index here. */
export const StageSchema = lazySchema(() =>
  z.enum(['小学', '初中', '中学', '九年一贯制', '高中', '完全中学', '十二年一贯制'], { error: '请选择学段' }),
);
export type Stage = z.infer<typeof StageSchema>;

export const GroupSchema = lazySchema(() =>
  z.object({
    id: IdSchema,
    name: z.string().min(1),
    type: GroupTypeSchema,
    districtId: IdSchema,
    /** null for alliances whose schools joined as equals (e.g. 青岛 联盟型 pairs). */
    leadSchoolId: IdSchema.nullable(),
    /** Organisations outside the district's school list that take part (e.g. 山东青大教育集团). */
    partners: z.array(z.string()).default([]),
    source: z.string(),
  }),
);
export type Group = z.infer<typeof GroupSchema>;

export const GroupSummarySchema = lazySchema(() =>
  z.object({
    id: IdSchema,
    name: z.string(),
    type: GroupTypeSchema,
    leadSchoolId: IdSchema.nullable(),
    memberCount: z.number().int().nonnegative(),
  }),
);
export type GroupSummary = z.infer<typeof GroupSummarySchema>;
export const GroupListSchema = lazySchema(() => z.object({ items: z.array(GroupSummarySchema) }));
export type GroupList = z.infer<typeof GroupListSchema>;

export const GroupMemberSchema = lazySchema(() =>
  z.object({
    schoolId: IdSchema,
    name: z.string(),
    role: MemberRoleSchema,
    stage: StageSchema,
  }),
);
export type GroupMember = z.infer<typeof GroupMemberSchema>;

export const GroupDetailSchema = lazySchema(() =>
  z.object({
    id: IdSchema,
    name: z.string(),
    type: GroupTypeSchema,
    districtId: IdSchema,
    leadSchool: z.object({ id: IdSchema, name: z.string() }).nullable(),
    partners: z.array(z.string()),
    members: z.array(GroupMemberSchema),
  }),
);
export type GroupDetail = z.infer<typeof GroupDetailSchema>;
