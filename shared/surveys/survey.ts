import { z } from 'zod';
import { IdSchema } from '../common';
import { TEXT_ANSWER_MAX } from '../limits';

/**
 * Survey definitions. Scored questions carry a dimension tag (教育质量, 师德师风 …) so results
 * can feed the 社会认可 dimension of a group's evaluation. Once a survey opens its questions
 * are frozen: a new version is a new survey.
 */
export const QuestionIdSchema = z.string().regex(/^q[0-9]{1,3}$/, '题目编号格式为 q1、q2…');
export const OptionIdSchema = z.string().regex(/^[a-z0-9]{1,12}$/);

const QuestionBase = z.object({
  id: QuestionIdSchema,
  title: z.string().trim().min(1).max(200),
  required: z.boolean().default(true),
});

const Dimension = z.string().trim().min(1).max(20);

/**
 * Likert: options from the most favourable to the least; the most favourable scores k, the
 * least 1. 3, 5 or 7 points, and 4 for the common 家长满意度 form (满意/比较满意/基本满意/不满意,
 * plus 不了解). 不了解 is offered optionally and never counts in any score.
 */
export const LikertQuestionSchema = QuestionBase.extend({
  type: z.literal('likert'),
  dimension: Dimension,
  labels: z.array(z.string().trim().min(1).max(12)).refine((l) => [3, 4, 5, 7].includes(l.length), '量表需为 3、4、5 或 7 级'),
  allowUnknown: z.boolean().default(true),
  /** How many of the top options count as 满意 for the satisfaction rate (e.g. 3 of 满意/比较满意/基本满意/不满意). */
  satisfiedTopBoxes: z.number().int().min(1),
}).refine((q) => q.satisfiedTopBoxes < q.labels.length, { message: '满意档数须少于选项数', path: ['satisfiedTopBoxes'] });

const Option = z.object({ id: OptionIdSchema, label: z.string().trim().min(1).max(60) });

export const SingleChoiceQuestionSchema = QuestionBase.extend({
  type: z.literal('single'),
  options: z.array(Option).min(2).max(20),
});

export const MultipleChoiceQuestionSchema = QuestionBase.extend({
  type: z.literal('multiple'),
  options: z.array(Option).min(2).max(20),
  min: z.number().int().min(0).default(0),
  max: z.number().int().min(1),
}).refine((q) => q.min <= q.max && q.max <= q.options.length, { message: '最少/最多选择数不合理', path: ['max'] });

export const NpsQuestionSchema = QuestionBase.extend({
  type: z.literal('nps'),
  dimension: Dimension.optional(),
});

export const TextQuestionSchema = QuestionBase.extend({
  type: z.literal('text'),
  required: z.boolean().default(false),
});

export const QuestionSchema = z.union([
  LikertQuestionSchema,
  SingleChoiceQuestionSchema,
  MultipleChoiceQuestionSchema,
  NpsQuestionSchema,
  TextQuestionSchema,
]);
export type Question = z.infer<typeof QuestionSchema>;
export type LikertQuestion = z.infer<typeof LikertQuestionSchema>;

/**
 * A response is stored in one DynamoDB transaction (at most 100 items): the voter marker, the
 * response, the school's response and straight-lining counters, and one counter per chosen
 * option. So a survey may count at most 96 options per response.
 */
export const MAX_COUNTERS_PER_RESPONSE = 96;
export function countersPerResponse(questions: Question[]): number {
  return questions.reduce((sum, q) => sum + (q.type === 'multiple' ? q.max : q.type === 'text' ? 0 : 1), 0);
}

export const SurveyAudienceSchema = z.object({
  districtId: IdSchema,
  /** Empty: every group of the district. */
  groupIds: z.array(IdSchema).default([]),
  /** Empty: every school of those groups (or of the district). */
  schoolIds: z.array(IdSchema).default([]),
  respondents: z
    .array(z.enum(['parent', 'teacher']))
    .min(1)
    .default(['parent']),
});

export const SurveyDefinitionSchema = z
  .object({
    title: z.string().trim().min(1).max(60),
    description: z.string().trim().max(1000).default(''),
    audience: SurveyAudienceSchema,
    opensAt: z.string().datetime(),
    closesAt: z.string().datetime(),
    anonymous: z.boolean().default(true),
    questions: z.array(QuestionSchema).min(1).max(100),
  })
  .refine((s) => s.closesAt > s.opensAt, { message: '截止时间须晚于开始时间', path: ['closesAt'] })
  .refine((s) => new Set(s.questions.map((q) => q.id)).size === s.questions.length, { message: '题目编号不能重复', path: ['questions'] })
  .refine((s) => countersPerResponse(s.questions) <= MAX_COUNTERS_PER_RESPONSE, {
    message: '题目过多：一份答卷最多计入 96 个统计项（多选题按最多可选数计）',
    path: ['questions'],
  });
export type SurveyDefinition = z.infer<typeof SurveyDefinitionSchema>;

/** One answer per question id: a likert value (1..k) or 'unknown', option ids, 0–10, or text. */
export const AnswerSchema = z.union([
  z.object({ likert: z.number().int().min(1).max(7) }),
  z.object({ unknown: z.literal(true) }),
  z.object({ choice: OptionIdSchema }),
  z.object({ choices: z.array(OptionIdSchema).max(20) }),
  z.object({ nps: z.number().int().min(0).max(10) }),
  z.object({ text: z.string().max(TEXT_ANSWER_MAX * 2) }),
]);
export type Answer = z.infer<typeof AnswerSchema>;

export const ResponseBodySchema = z.object({
  schoolId: IdSchema,
  answers: z.record(QuestionIdSchema, AnswerSchema),
});
export type ResponseBody = z.infer<typeof ResponseBodySchema>;
