import { z } from 'zod';

/**
 * Indicator systems as data: dimensions → indicators, each weighted; weights within a
 * dimension, and dimensions within a system, sum to 100. An indicator's score comes from
 * surveys (社会认可) or is entered by an admin with evidence.
 */
const Weight = z.number().gt(0).max(100);
const Key = z.string().regex(/^[a-z0-9-]{1,40}$/);

/** Sums of decimal weights (e.g. 6 × 16.67) are compared with this tolerance. */
export const WEIGHT_TOLERANCE = 0.011;
const sumsTo100 = (weights: number[]) => Math.abs(weights.reduce((a, b) => a + b, 0) - 100) <= WEIGHT_TOLERANCE;

export const IndicatorSourceSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('survey'),
    surveyIds: z.array(z.string().min(1)).min(1).max(20),
    /** Question dimension tags to use (教育质量 …); empty means every scored likert question. */
    dimensions: z.array(z.string().min(1).max(20)).max(20).default([]),
    measure: z.enum(['index', 'satisfaction']),
  }),
  z.object({ kind: z.literal('manual') }),
]);
export type IndicatorSource = z.infer<typeof IndicatorSourceSchema>;

export const IndicatorSchema = z.object({
  id: Key,
  name: z.string().trim().min(1).max(40),
  weight: Weight,
  source: IndicatorSourceSchema,
});
export type Indicator = z.infer<typeof IndicatorSchema>;

export const DimensionSchema = z
  .object({
    id: Key,
    name: z.string().trim().min(1).max(30),
    weight: Weight,
    indicators: z.array(IndicatorSchema).min(1, '每个维度至少需要一个指标').max(30),
  })
  .refine((d) => sumsTo100(d.indicators.map((i) => i.weight)), { message: '维度内指标权重之和须为 100', path: ['indicators'] });
export type Dimension = z.infer<typeof DimensionSchema>;

export const IndicatorSystemSchema = z
  .object({
    name: z.string().trim().min(1).max(40),
    dimensions: z.array(DimensionSchema).min(1).max(12),
  })
  .refine((s) => sumsTo100(s.dimensions.map((d) => d.weight)), { message: '各维度权重之和须为 100', path: ['dimensions'] })
  .refine(
    (s) =>
      new Set(s.dimensions.flatMap((d) => [d.id, ...d.indicators.map((i) => `${d.id}/${i.id}`)])).size ===
      s.dimensions.reduce((n, d) => n + 1 + d.indicators.length, 0),
    {
      message: '维度或指标编号重复',
      path: ['dimensions'],
    },
  );
export type IndicatorSystem = z.infer<typeof IndicatorSystemSchema>;

/** A manual score: 0–100 with the evidence and who entered it. */
export const ManualScoreSchema = z.object({
  score: z.number().min(0).max(100),
  evidence: z.string().trim().min(1, '请填写依据').max(500),
  enteredBy: z.string().trim().min(1).max(30),
});
export type ManualScore = z.infer<typeof ManualScoreSchema>;

/**
 * What a district shows the public of a locked round, part by part: the group's total and
 * flags, its dimensions, its member schools' totals, and its rank in the district.
 */
export const RoundPublicationSchema = z.object({
  published: z.boolean(),
  show: z.object({ total: z.boolean(), dimensions: z.boolean(), schools: z.boolean(), ranking: z.boolean() }),
});
export type RoundPublication = z.infer<typeof RoundPublicationSchema>;
