import { z } from 'zod';
import { lazySchema } from '../lazy-schema';

/**
 * Indicator systems as data: dimensions → indicators, each weighted; weights within a
 * dimension, and dimensions within a system, sum to 100. An indicator's score comes from
 * surveys (社会认可) or is entered by an admin with evidence.
 */
const Weight = lazySchema(() => z.number({ message: '权重须为数字' }).gt(0, '权重须大于 0').max(100, '权重不能超过 100'));
const Key = lazySchema(() => z.string().regex(/^[a-z0-9-]{1,40}$/));

/** Sums of decimal weights (e.g. 6 × 16.67) are compared with this tolerance. */
export const WEIGHT_TOLERANCE = 0.011;
const sumsTo100 = (weights: number[]) => Math.abs(weights.reduce((a, b) => a + b, 0) - 100) <= WEIGHT_TOLERANCE;

const SurveyIds = lazySchema(() => z.array(z.string().min(1)).max(20));

/**
 * The schemas of a system, for a given rule on the surveys of survey-fed indicators: a complete
 * system names them; a draft (what a round is created from) may leave them to the round.
 */
function indicatorSystemSchemas<S extends z.ZodRawShape>(surveys: S) {
  const source = z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('survey'),
      ...surveys,
      /** Question dimension tags to use (教育质量 …); empty means every scored likert question. */
      dimensions: z.array(z.string().min(1).max(20)).max(20).default([]),
      measure: z.enum(['index', 'satisfaction']),
    }),
    z.object({ kind: z.literal('manual') }),
  ]);
  const indicator = z.object({
    id: Key,
    name: z.string().trim().min(1).max(40),
    weight: Weight,
    source,
  });
  const dimension = z
    .object({
      id: Key,
      name: z.string().trim().min(1).max(30),
      weight: Weight,
      indicators: z.array(indicator).min(1, '每个维度至少需要一个指标').max(30),
    })
    .refine((d) => sumsTo100(d.indicators.map((i) => i.weight)), { message: '维度内指标权重之和须为 100', path: ['indicators'] });
  const system = z
    .object({
      name: z.string().trim().min(1).max(40),
      dimensions: z.array(dimension).min(1).max(12),
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
  return { source, indicator, dimension, system };
}

// The complete system's four schemas, built together on the first read of any of them.
const complete = lazySchema(() => indicatorSystemSchemas({ surveyIds: SurveyIds.min(1, '问卷类指标须选择所用问卷') }));

export const IndicatorSourceSchema = lazySchema(() => complete.source);
export type IndicatorSource = z.infer<typeof IndicatorSourceSchema>;

export const IndicatorSchema = lazySchema(() => complete.indicator);
export type Indicator = z.infer<typeof IndicatorSchema>;

export const DimensionSchema = lazySchema(() => complete.dimension);
export type Dimension = z.infer<typeof DimensionSchema>;

export const IndicatorSystemSchema = lazySchema(() => complete.system);
export type IndicatorSystem = z.infer<typeof IndicatorSystemSchema>;

/**
 * What a round is created from: a system whose survey-fed indicators may leave `surveyIds`
 * empty, to be given the round's own surveys.
 */
export const IndicatorSystemDraftSchema = lazySchema(() => indicatorSystemSchemas({ surveyIds: SurveyIds }).system);
export type IndicatorSystemDraft = z.infer<typeof IndicatorSystemDraftSchema>;

/** A manual score: 0–100 with the evidence and who entered it. */
export const ManualScoreSchema = lazySchema(() =>
  z.object({
    score: z.number({ message: '分数须为数字' }).min(0, '分数须在 0–100 之间').max(100, '分数须在 0–100 之间'),
    evidence: z.string().trim().min(1, '请填写依据').max(500, '依据不超过 500 字'),
    enteredBy: z.string().trim().min(1, '请填写录入人').max(30, '录入人不超过 30 字'),
  }),
);
export type ManualScore = z.infer<typeof ManualScoreSchema>;

/**
 * What a district shows the public of a locked round, part by part: the group's total and
 * flags, its dimensions, its member schools' totals, and its rank in the district.
 */
export const RoundPublicationSchema = lazySchema(() =>
  z.object({
    published: z.boolean(),
    show: z.object({ total: z.boolean(), dimensions: z.boolean(), schools: z.boolean(), ranking: z.boolean() }),
  }),
);
export type RoundPublication = z.infer<typeof RoundPublicationSchema>;

/**
 * POST /api/admin/districts/:id/indicator-systems: a district's indicator system kept under a
 * name for later rounds (survey-fed indicators keep no surveys: each round names its own).
 * Saving under a name in use is refused unless `replace`.
 */
export const SaveIndicatorSystemBodySchema = lazySchema(() =>
  z.object({
    name: z.string().trim().min(1, '请填写名称').max(40, '名称不超过 40 字'),
    /** Survey-fed indicators without their surveys (a `surveyIds` sent is dropped): a saved system names no place. */
    system: indicatorSystemSchemas({}).system,
    replace: z.boolean().default(false),
  }),
);
export type SaveIndicatorSystemBody = z.infer<typeof SaveIndicatorSystemBodySchema>;
