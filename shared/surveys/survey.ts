import { z } from 'zod';
import { IdSchema } from '../common';
import { TEXT_ANSWER_MAX } from '../limits';
import { countersPerResponse, MAX_COUNTERS_PER_RESPONSE } from './survey-draft';
import { lazySchema } from '../lazy-schema';

export { countersPerResponse, MAX_COUNTERS_PER_RESPONSE };

/**
 * Survey definitions. Scored questions carry a dimension tag (教育质量, 师德师风 …) so results
 * can feed the 社会认可 dimension of a group's evaluation. Once a survey opens its questions
 * are frozen: a new version is a new survey.
 */
export const QuestionIdSchema = lazySchema(() => z.string().regex(/^q[0-9]{1,3}$/, '题目编号格式为 q1、q2…'));
export const OptionIdSchema = lazySchema(() => z.string().regex(/^[a-z0-9]{1,12}$/));

const QuestionBase = lazySchema(() =>
  z.object({
    id: QuestionIdSchema,
    title: z.string().trim().min(1, '请填写题目').max(200, '题目最多 200 字'),
    required: z.boolean().default(true),
  }),
);

const Dimension = lazySchema(() => z.string().trim().min(1, '请填写维度').max(20, '维度最多 20 字'));

/**
 * Likert: options from the most favourable to the least; the most favourable scores k, the
 * least 1. 3, 5 or 7 points, and 4 for the common 家长满意度 form (满意/比较满意/基本满意/不满意,
 * plus 不了解). 不了解 is offered optionally and never counts in any score.
 */
export const LikertQuestionSchema = lazySchema(() =>
  QuestionBase.extend({
    type: z.literal('likert'),
    dimension: Dimension,
    labels: z
      .array(z.string().trim().min(1, '请填写选项文字').max(12, '选项最多 12 字'))
      .refine((l) => [3, 4, 5, 7].includes(l.length), '量表需为 3、4、5 或 7 级'),
    allowUnknown: z.boolean().default(true),
    /** How many of the top options count as 满意 for the satisfaction rate (e.g. 3 of 满意/比较满意/基本满意/不满意). */
    satisfiedTopBoxes: z.number('请填写满意档数').int().min(1, '满意档数至少为 1'),
  }).refine((q) => q.satisfiedTopBoxes < q.labels.length, { message: '满意档数须少于选项数', path: ['satisfiedTopBoxes'] }),
);

const Option = lazySchema(() =>
  z.object({ id: OptionIdSchema, label: z.string().trim().min(1, '请填写选项内容').max(60, '选项最多 60 字') }),
);

export const SingleChoiceQuestionSchema = lazySchema(() =>
  QuestionBase.extend({
    type: z.literal('single'),
    options: z.array(Option).min(2, '至少需要 2 个选项').max(20, '最多 20 个选项'),
  }),
);

export const MultipleChoiceQuestionSchema = lazySchema(() =>
  QuestionBase.extend({
    type: z.literal('multiple'),
    options: z.array(Option).min(2, '至少需要 2 个选项').max(20, '最多 20 个选项'),
    min: z.number().int().min(0, '最少选择数不能为负').default(0),
    max: z.number('请填写最多可选数').int().min(1, '最多可选数至少为 1'),
  }).refine((q) => q.min <= q.max && q.max <= q.options.length, { message: '最少/最多选择数不合理', path: ['max'] }),
);

export const NpsQuestionSchema = lazySchema(() =>
  QuestionBase.extend({
    type: z.literal('nps'),
    dimension: Dimension.optional(),
  }),
);

export const TextQuestionSchema = lazySchema(() =>
  QuestionBase.extend({
    type: z.literal('text'),
    required: z.boolean().default(false),
  }),
);

/** By type, so that a problem is reported at its field (questions.2.title), not as a failed union. */
export const QuestionSchema = lazySchema(() =>
  z.discriminatedUnion('type', [
    LikertQuestionSchema,
    SingleChoiceQuestionSchema,
    MultipleChoiceQuestionSchema,
    NpsQuestionSchema,
    TextQuestionSchema,
  ]),
);
export type Question = z.infer<typeof QuestionSchema>;
export type LikertQuestion = z.infer<typeof LikertQuestionSchema>;

export const SurveyAudienceSchema = lazySchema(() =>
  z.object({
    districtId: IdSchema,
    /** Empty: every group of the district. */
    groupIds: z.array(IdSchema).default([]),
    /** Empty: every school of those groups (or of the district). */
    schoolIds: z.array(IdSchema).default([]),
    respondents: z
      .array(z.enum(['parent', 'teacher']))
      .min(1, '请选择填写人')
      .default(['parent']),
  }),
);

export const SurveyDefinitionSchema = lazySchema(() =>
  z
    .object({
      title: z.string().trim().min(1, '请填写问卷标题').max(60, '标题最多 60 字'),
      description: z.string().trim().max(1000, '说明最多 1000 字').default(''),
      audience: SurveyAudienceSchema,
      opensAt: z.string('请选择开始时间').datetime('请选择开始时间'),
      closesAt: z.string('请选择截止时间').datetime('请选择截止时间'),
      anonymous: z.boolean().default(true),
      questions: z.array(QuestionSchema).min(1, '请至少添加 1 道题').max(100, '最多 100 道题'),
    })
    .refine((s) => s.closesAt > s.opensAt, { message: '截止时间须晚于开始时间', path: ['closesAt'] })
    .refine((s) => new Set(s.questions.map((q) => q.id)).size === s.questions.length, { message: '题目编号不能重复', path: ['questions'] })
    .check((ctx) => {
      // Said with the count, so the admin knows how far over the survey is (survey-draft.ts).
      const count = countersPerResponse(ctx.value.questions);
      if (count > MAX_COUNTERS_PER_RESPONSE)
        ctx.issues.push({
          code: 'custom',
          input: ctx.value.questions,
          path: ['questions'],
          message: `题目过多：一份答卷最多计入 ${MAX_COUNTERS_PER_RESPONSE} 个统计项（多选题按最多可选数计），本问卷 ${count} 个`,
        });
    }),
);
export type SurveyDefinition = z.infer<typeof SurveyDefinitionSchema>;

/** One answer per question id: a likert value (1..k) or 'unknown', option ids, 0–10, or text. */
export const AnswerSchema = lazySchema(() =>
  z.union([
    z.object({ likert: z.number().int().min(1).max(7) }),
    z.object({ unknown: z.literal(true) }),
    z.object({ choice: OptionIdSchema }),
    z.object({ choices: z.array(OptionIdSchema).max(20) }),
    z.object({ nps: z.number().int().min(0).max(10) }),
    z.object({ text: z.string().max(TEXT_ANSWER_MAX * 2) }),
  ]),
);
export type Answer = z.infer<typeof AnswerSchema>;

export const ResponseBodySchema = lazySchema(() =>
  z.object({
    schoolId: IdSchema,
    answers: z.record(QuestionIdSchema, AnswerSchema),
  }),
);
export type ResponseBody = z.infer<typeof ResponseBodySchema>;

/**
 * A draft as the builder saves it (草稿箱): checked loosely, since a draft may be incomplete
 * (no title yet, a question without options), but bounded, so nothing oversized is stored.
 * Publishing checks it fully with SurveyDefinitionSchema.
 */
const DraftQuestionSchema = lazySchema(() =>
  z.object({
    id: QuestionIdSchema,
    type: z.enum(['likert', 'single', 'multiple', 'nps', 'text']),
    title: z.string().max(200, '题目最多 200 字'),
    required: z.boolean().optional(),
    dimension: z.string().max(20, '维度最多 20 字').optional(),
    labels: z.array(z.string().max(12, '选项最多 12 字')).max(7, '量表最多 7 级').optional(),
    allowUnknown: z.boolean().optional(),
    satisfiedTopBoxes: z.number().int().min(0).max(7).optional(),
    options: z
      .array(z.object({ id: OptionIdSchema, label: z.string().max(60, '选项最多 60 字') }))
      .max(20, '最多 20 个选项')
      .optional(),
    min: z.number().int().min(0).max(20).optional(),
    max: z.number().int().min(0).max(20).optional(),
  }),
);

export const SurveyDraftContentSchema = lazySchema(() =>
  z.object({
    title: z.string().max(60, '标题最多 60 字').default(''),
    description: z.string().max(1000, '说明最多 1000 字').default(''),
    opensAt: z.string().datetime('时间格式不正确').nullable().default(null),
    closesAt: z.string().datetime('时间格式不正确').nullable().default(null),
    audience: z
      .object({
        groupIds: z.array(IdSchema).max(100).default([]),
        schoolIds: z.array(IdSchema).max(500).default([]),
        respondents: z
          .array(z.enum(['parent', 'teacher']))
          .max(2)
          .default(['parent']),
      })
      .default({ groupIds: [], schoolIds: [], respondents: ['parent'] }),
    questions: z
      .array(DraftQuestionSchema)
      .max(100, '最多 100 道题')
      .default([])
      .refine((qs) => new Set(qs.map((q) => q.id)).size === qs.length, '题目编号不能重复'),
    questionsIssued: z.number().int().min(0).max(999).default(0),
  }),
);

/** Saving a draft again names the version it was read at (409 if someone saved since). */
export const SurveyDraftUpdateSchema = lazySchema(() => SurveyDraftContentSchema.extend({ version: z.number().int().min(1) }));
