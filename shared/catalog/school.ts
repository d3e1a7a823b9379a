import { z } from 'zod';
import { IdSchema } from '../common';
import { GroupTypeSchema, MemberRoleSchema, StageSchema } from './group';
import { SEARCH_LIMIT_DEFAULT, SEARCH_LIMIT_MAX, SEARCH_QUERY_MAX } from '../limits';
import { lazySchema } from '../lazy-schema';

/**
 * A point in GCJ-02, the coordinate system of WeChat's maps (wx.getLocation type 'gcj02',
 * wx.openLocation): the bounds are China's, so a WGS-84 pair swapped by mistake is refused.
 */
export const Gcj02PointSchema = lazySchema(() =>
  z.object({
    lat: z.number({ error: '纬度须为数字' }).min(3.8, '纬度不在中国境内').max(53.6, '纬度不在中国境内'),
    lng: z.number({ error: '经度须为数字' }).min(73.5, '经度不在中国境内').max(135.1, '经度不在中国境内'),
  }),
);
export type Gcj02Point = z.infer<typeof Gcj02PointSchema>;

export const SCHOOL_INTRO_MAX = 500;
export const SCHOOL_STUDENTS_MAX = 100_000;

/** What a district tells parents about a school beyond its name (all optional). */
export const SchoolProfileSchema = lazySchema(() =>
  z.object({
    address: z.string().trim().min(1).max(100, '地址不超过 100 个字').optional(),
    location: Gcj02PointSchema.optional(),
    phone: z
      .string()
      .trim()
      .regex(/^[0-9][0-9\- ]{6,19}$/, '电话格式不正确，如 0531-86012345')
      .optional(),
    intro: z.string().trim().min(1).max(SCHOOL_INTRO_MAX, `简介不超过 ${SCHOOL_INTRO_MAX} 个字`).optional(),
    /** 学生数, as the district reports it (在校家庭数, the response-rate base, is kept apart: AP30). */
    students: z.number({ error: '学生数须为整数' }).int('学生数须为整数').min(0).max(SCHOOL_STUDENTS_MAX).optional(),
  }),
);
export type SchoolProfile = z.infer<typeof SchoolProfileSchema>;

export const CampusSchema = lazySchema(() =>
  z.object({
    id: IdSchema,
    name: z.string().min(1),
    address: z.string().trim().min(1).max(100).optional(),
  }),
);
export type Campus = z.infer<typeof CampusSchema>;

export const SchoolSchema = lazySchema(() =>
  z
    .object({
      id: IdSchema,
      name: z.string().min(1),
      districtId: IdSchema,
      stage: StageSchema,
      /** Other names the documents use for the school (六十八中, 海区五小); searched too. */
      aliases: z.array(z.string()).default([]),
      campuses: z.array(CampusSchema).default([]),
    })
    .extend(SchoolProfileSchema.shape),
);
export type School = z.infer<typeof SchoolSchema>;

export const SchoolGroupRefSchema = lazySchema(() =>
  z.object({
    id: IdSchema,
    name: z.string(),
    type: GroupTypeSchema,
    role: MemberRoleSchema,
  }),
);
export type SchoolGroupRef = z.infer<typeof SchoolGroupRefSchema>;

export const SchoolHitSchema = lazySchema(() =>
  z.object({
    id: IdSchema,
    name: z.string(),
    districtId: IdSchema,
    stage: StageSchema,
    groups: z.array(SchoolGroupRefSchema),
  }),
);
export type SchoolHit = z.infer<typeof SchoolHitSchema>;

export const SchoolSearchResultSchema = lazySchema(() =>
  z.object({
    items: z.array(SchoolHitSchema),
    nextCursor: z.string().nullable(),
  }),
);
export type SchoolSearchResult = z.infer<typeof SchoolSearchResultSchema>;

export const SchoolDetailSchema = lazySchema(() =>
  SchoolHitSchema.extend({
    aliases: z.array(z.string()),
    campuses: z.array(CampusSchema),
  }).extend(SchoolProfileSchema.omit({ students: true }).shape),
);
export type SchoolDetail = z.infer<typeof SchoolDetailSchema>;

/** Query string of GET /api/schools, validated once at the edge. */
export const SchoolSearchQuerySchema = lazySchema(() =>
  z.object({
    q: z.string().trim().min(1).max(SEARCH_QUERY_MAX).optional(),
    district: IdSchema.optional(),
    limit: z.coerce.number().int().min(1).max(SEARCH_LIMIT_MAX).default(SEARCH_LIMIT_DEFAULT),
    cursor: z.string().min(1).max(512).optional(),
  }),
);
export type SchoolSearchQuery = z.infer<typeof SchoolSearchQuerySchema>;
