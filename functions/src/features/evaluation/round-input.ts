import { z } from 'zod';
import { IdSchema, IndicatorSystemDraftSchema, ManualScoreSchema, TermIdSchema } from '../../../../shared';
import { lazySchema } from '../../../../shared/lazy-schema';
import { ValidationError } from '../../errors';
import { InvalidSystemError, type FieldIssue } from './evaluation-errors';

/**
 * POST /api/admin/rounds. `system` is validated as an indicator system (a draft: survey-fed
 * indicators may leave their surveys to `surveyIds`) before anything walks it.
 */
export const CreateRoundBodySchema = lazySchema(() =>
  z.object({
    districtId: IdSchema,
    name: z.string().trim().min(1).max(40),
    templateId: z.enum(['jinan-shizhong', 'haidian']).optional(),
    system: IndicatorSystemDraftSchema.optional(),
    /** Fills the survey-fed indicators of a template (or of a system that names none). */
    surveyIds: z.array(z.string().min(1)).max(20).default([]),
    previousRoundId: z.string().min(1).nullable().default(null),
    /** The term whose groups the round scores (2026-1); absent: the current term. */
    term: TermIdSchema.optional(),
  }),
);
export type CreateRoundBody = z.infer<typeof CreateRoundBodySchema>;

const inSystem = (issue: FieldIssue) => issue.path === 'system' || issue.path.startsWith('system.');

/** A body whose only faults are inside `system` is an INVALID_SYSTEM naming them; any other fault, the usual 400. */
export const invalidRoundBody = (issues: FieldIssue[]): Error =>
  issues.every(inSystem) ? new InvalidSystemError(issues) : new ValidationError('请求参数不正确', issues);

/** PUT /api/admin/rounds/:id/scores */
export const ScoreBodySchema = lazySchema(() =>
  ManualScoreSchema.extend({
    schoolId: IdSchema,
    dimensionId: z.string().min(1),
    indicatorId: z.string().min(1),
  }),
);
export type ScoreBody = z.infer<typeof ScoreBodySchema>;

/** POST /api/admin/rounds/:id/lock: locking a round with data missing must be confirmed. */
export const LockBodySchema = lazySchema(() => z.object({ confirmIncomplete: z.boolean().default(false) }));
export type LockBody = z.infer<typeof LockBodySchema>;
