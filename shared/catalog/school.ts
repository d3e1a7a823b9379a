import { z } from 'zod';
import { IdSchema } from '../common';
import { GroupTypeSchema, MemberRoleSchema, StageSchema } from './group';
import { SEARCH_LIMIT_DEFAULT, SEARCH_LIMIT_MAX, SEARCH_QUERY_MAX } from '../limits';

export const CampusSchema = z.object({
  id: IdSchema,
  name: z.string().min(1),
});
export type Campus = z.infer<typeof CampusSchema>;

export const SchoolSchema = z.object({
  id: IdSchema,
  name: z.string().min(1),
  districtId: IdSchema,
  stage: StageSchema,
  /** Other names the documents use for the school (六十八中, 海区五小); searched too. */
  aliases: z.array(z.string()).default([]),
  campuses: z.array(CampusSchema).default([]),
});
export type School = z.infer<typeof SchoolSchema>;

export const SchoolGroupRefSchema = z.object({
  id: IdSchema,
  name: z.string(),
  type: GroupTypeSchema,
  role: MemberRoleSchema,
});
export type SchoolGroupRef = z.infer<typeof SchoolGroupRefSchema>;

export const SchoolHitSchema = z.object({
  id: IdSchema,
  name: z.string(),
  districtId: IdSchema,
  stage: StageSchema,
  groups: z.array(SchoolGroupRefSchema),
});
export type SchoolHit = z.infer<typeof SchoolHitSchema>;

export const SchoolSearchResultSchema = z.object({
  items: z.array(SchoolHitSchema),
  nextCursor: z.string().nullable(),
});
export type SchoolSearchResult = z.infer<typeof SchoolSearchResultSchema>;

export const SchoolDetailSchema = SchoolHitSchema.extend({
  aliases: z.array(z.string()),
  campuses: z.array(CampusSchema),
});
export type SchoolDetail = z.infer<typeof SchoolDetailSchema>;

/** Query string of GET /api/schools, validated once at the edge. */
export const SchoolSearchQuerySchema = z.object({
  q: z.string().trim().min(1).max(SEARCH_QUERY_MAX).optional(),
  district: IdSchema.optional(),
  limit: z.coerce.number().int().min(1).max(SEARCH_LIMIT_MAX).default(SEARCH_LIMIT_DEFAULT),
  cursor: z.string().min(1).max(512).optional(),
});
export type SchoolSearchQuery = z.infer<typeof SchoolSearchQuerySchema>;
