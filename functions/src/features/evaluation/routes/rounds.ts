import type { Context } from 'hono';
import { z } from 'zod';
import { EVALUATION_TEMPLATES, IdSchema, IndicatorSystemSchema, ManualScoreSchema, RoundPublicationSchema } from '../../../../../shared';
import { ApiError, ConflictError, NotFoundError, ValidationError } from '../../../errors';
import type { AppEnv } from '../../../http/app-env';
import { jsonBody, type RouteSpec } from '../../../http/route-spec';
import { parseOr } from '../../../http/validate';
import { roundReport } from '../evaluation-report';
import { newestFirst, roundSummary } from '../evaluation-views';
import { newId } from '../../identity/domain/invite-codes';
import { roundDistrict, roundOf } from './round-params';
import { pathTarget } from '../../../http/path-targets';
import { bodyOnce } from '../../../http/request-once';

const CreateRoundBodySchema = z.object({
  districtId: IdSchema,
  name: z.string().trim().min(1).max(40),
  templateId: z.enum(['jinan-shizhong', 'haidian']).optional(),
  system: z.unknown().optional(),
  /** Fills the survey-fed indicators of a template. */
  surveyIds: z.array(z.string().min(1)).max(20).default([]),
  previousRoundId: z.string().min(1).nullable().default(null),
});
const ScoreBodySchema = ManualScoreSchema.extend({ schoolId: IdSchema, dimensionId: z.string().min(1), indicatorId: z.string().min(1) });

const createBody = (c: Context<AppEnv>) => bodyOnce(c, CreateRoundBodySchema);
const deps = (c: Context<AppEnv>) => c.get('infra');

/** Evaluation rounds: the district's (district admins), with manual scores and locking. */
export const evaluationRoutes: RouteSpec[] = [
  {
    method: 'GET',
    path: '/api/admin/districts/:id/rounds',
    access: { kind: 'roles', roles: ['district_admin'], target: pathTarget('district') },
    handler: async (c) => {
      const rounds = await deps(c).evaluations.listRoundsOfDistrict(c.req.param('id')!);
      return c.json({ items: rounds.sort(newestFirst).map(roundSummary) });
    },
  },
  {
    method: 'POST',
    path: '/api/admin/rounds',
    access: { kind: 'roles', roles: ['district_admin'], target: async (c) => ({ type: 'district', id: (await createBody(c)).districtId }) },
    handler: async (c) => {
      const body = await createBody(c);
      const template = EVALUATION_TEMPLATES.find((t) => t.id === body.templateId);
      const draft = structuredClone(template ?? body.system) as {
        dimensions?: Array<{ indicators: Array<{ source: { kind: string; surveyIds?: string[] } }> }>;
      };
      for (const i of draft?.dimensions?.flatMap((d) => d.indicators) ?? [])
        if (i.source.kind === 'survey' && !i.source.surveyIds?.length) i.source.surveyIds = body.surveyIds;
      const system = parseOr(
        IndicatorSystemSchema,
        draft,
        (issues) => new ValidationError('指标体系不完整：权重须为 100，每个维度至少一个指标', issues, 'INVALID_SYSTEM'),
      );
      const id = newId('rd');
      await deps(c).evaluations.putRound({
        kind: 'round',
        id,
        districtId: body.districtId,
        name: body.name,
        system,
        previousRoundId: body.previousRoundId,
        status: 'open',
        createdAt: deps(c).now().toISOString(),
      });
      return c.json({ id }, 201);
    },
  },
  {
    method: 'GET',
    path: '/api/admin/rounds/:id/report',
    access: { kind: 'roles', roles: ['district_admin'], target: roundDistrict },
    handler: async (c) => {
      const round = await roundOf(c);
      // A locked round answers the very text stored when it was locked.
      if (round.lockedReport) return c.body(round.lockedReport, 200, { 'content-type': 'application/json; charset=utf-8' });
      return c.json(await roundReport(deps(c), round));
    },
  },
  {
    method: 'PUT',
    path: '/api/admin/rounds/:id/scores',
    access: { kind: 'roles', roles: ['district_admin'], target: roundDistrict },
    handler: async (c) => {
      const round = await roundOf(c);
      const body = parseOr(ScoreBodySchema, await jsonBody(c));
      const indicator = round.system.dimensions.find((d) => d.id === body.dimensionId)?.indicators.find((i) => i.id === body.indicatorId);
      if (!indicator || indicator.source.kind !== 'manual')
        throw new ApiError(400, 'NOT_MANUAL_INDICATOR', '该指标不存在或不是人工评分指标');
      const school = await deps(c).catalog.getSchoolWithCampuses(body.schoolId);
      if (!school || school.school.districtId !== round.districtId) throw new NotFoundError('该学校不在本区');
      const stored = await deps(c).evaluations.putManualScore(round.id, {
        kind: 'manual-score',
        ...body,
        enteredAt: deps(c).now().toISOString(),
      });
      if (!stored) throw new ConflictError('ROUND_LOCKED', '该轮次已锁定，分数不能再修改');
      return c.json({ ok: true });
    },
  },
  {
    method: 'POST',
    path: '/api/admin/rounds/:id/lock',
    access: { kind: 'roles', roles: ['district_admin'], target: roundDistrict },
    handler: async (c) => {
      const round = await roundOf(c);
      const report = JSON.stringify(await roundReport(deps(c), round));
      if (!(await deps(c).evaluations.lockRound(round.id, report, c.get('user')!.userKey, deps(c).now().toISOString()))) {
        throw new ConflictError('ROUND_LOCKED', '该轮次已锁定');
      }
      return c.json({ id: round.id, locked: true });
    },
  },
  {
    method: 'PUT',
    path: '/api/admin/rounds/:id/publication',
    access: { kind: 'roles', roles: ['district_admin'], target: roundDistrict },
    handler: async (c) => {
      const round = await roundOf(c);
      const body = parseOr(RoundPublicationSchema, await jsonBody(c));
      const stored = await deps(c).evaluations.setPublication(round.id, {
        ...body,
        by: c.get('user')!.userKey,
        at: deps(c).now().toISOString(),
      });
      // Only frozen numbers go public: an open round could still change under its readers.
      if (!stored) throw new ConflictError('ROUND_NOT_LOCKED', '请先锁定该轮次，再发布');
      return c.json({ id: round.id, ...body });
    },
  },
];
