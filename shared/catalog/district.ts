import { z } from 'zod';
import { IdSchema } from '../common';
import { lazySchema } from '../lazy-schema';

/**
 * Figures a district has published about itself (e.g. 海淀: 36 groups, 140+ sites) that are
 * not backed by group/school records here. Kept apart so nobody mistakes them for counts.
 */
export const DistrictReportedFactsSchema = lazySchema(() =>
  z.object({
    groups: z.number().int().nonnegative().optional(),
    sites: z.number().int().nonnegative().optional(),
    memberSchools: z.number().int().nonnegative().optional(),
    students: z.number().int().nonnegative().optional(),
    /** true when the source says "余"/"+" (at least this many). */
    atLeast: z.boolean(),
    source: z.string(),
    /** Who published the figures, for "据…公开资料" (e.g. 区教委). */
    publisher: z.string().optional(),
    /** Where and when, for the 来源 line (e.g. 海淀区教委，2022 年 7 月（海淀教育微信公众号）). */
    citation: z.string().optional(),
  }),
);

export const DistrictSchema = lazySchema(() =>
  z.object({
    id: IdSchema,
    name: z.string().min(1),
    city: z.string().min(1),
    province: z.string().min(1),
    /** The GB/T 2260 administrative-division code (济南市市中区 = 370103); absent on items written before it. */
    divisionCode: z
      .string()
      .regex(/^\d{6}$/, '行政区划代码为 6 位数字')
      .optional(),
    reported: DistrictReportedFactsSchema.optional(),
    /** The district's own group types, offered beside the built-in ones (BUILTIN_GROUP_TYPES). */
    groupTypes: z.array(z.string()).optional(),
  }),
);
export type District = z.infer<typeof DistrictSchema>;

export const DistrictSummarySchema = lazySchema(() =>
  DistrictSchema.pick({ id: true, name: true, city: true, province: true }).extend({
    groupCount: z.number().int().nonnegative(),
    schoolCount: z.number().int().nonnegative(),
    reported: DistrictReportedFactsSchema.optional(),
  }),
);
export type DistrictSummary = z.infer<typeof DistrictSummarySchema>;

export const DistrictListSchema = lazySchema(() => z.object({ items: z.array(DistrictSummarySchema) }));
export type DistrictList = z.infer<typeof DistrictListSchema>;
