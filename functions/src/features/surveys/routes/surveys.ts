import type { Context } from 'hono';
import { z } from 'zod';
import { ResponseBodySchema, SurveyDefinitionSchema } from '../../../../../shared';
import { ConflictError, NotFoundError } from '../../../errors';
import type { AppEnv } from '../../../http/app-env';
import { jsonBody, type RouteSpec, type ScopeTarget } from '../../../http/route-spec';
import { parseOr } from '../../../http/validate';
import { resolveAudience } from '../survey-audience';
import { surveyResults } from '../survey-results';
import { surveyWorkbook } from '../survey-export';
import { SurveyService } from '../survey-service';
import type { SurveyItem } from '../survey-items';
import { idParamOf, pathTarget } from '../../../http/path-targets';
import { bodyOnce, once } from '../../../http/request-once';

const CreateSurveyBodySchema = z.object({
  definition: SurveyDefinitionSchema,
  minN: z.number().int().min(1).max(1000).optional(),
  shards: z.number().int().min(1).max(32).optional(),
});
const EnrollmentBodySchema = z.object({ families: z.number().int().min(0).max(100_000) });
const TextRefBodySchema = z.object({ ref: z.string().regex(/^[0-9]{1,2}\.[0-9a-f-]{36}\.[0-9]{1,2}$/, '引用格式不正确') });

const service = (c: Context<AppEnv>) => new SurveyService(c.get('infra'));
const surveyIdParam = idParamOf(/^sv-[a-z0-9]{1,32}$/, '未找到该问卷');

const createBody = (c: Context<AppEnv>) => bodyOnce(c, CreateSurveyBodySchema);
/** The survey a route acts on: loaded by its access target, then reused by the handler. */
const surveyOf = (c: Context<AppEnv>) => once(c, 'survey', () => service(c).get(surveyIdParam(c)));

/** A survey for one group is that group's admins' to manage; anything wider, the district's. */
const audienceTarget = (audience: { districtId: string; groupIds: string[] }): ScopeTarget =>
  audience.groupIds.length === 1 ? { type: 'group', id: audience.groupIds[0] } : { type: 'district', id: audience.districtId };

const surveyTarget = async (c: Context<AppEnv>): Promise<ScopeTarget> => audienceTarget((await surveyOf(c)).definition.audience);

const status = (opensAt: string, closesAt: string, now: string) => (now < opensAt ? 'scheduled' : now >= closesAt ? 'closed' : 'open');

async function resultsOf(c: Context<AppEnv>) {
  const { catalog, surveys } = c.get('infra');
  const survey = await surveyOf(c);
  const [audience, counters, district] = await Promise.all([
    resolveAudience(catalog, survey.definition.audience),
    surveys.readCounters(survey.id, survey.shards),
    catalog.getDistrict(survey.districtId),
  ]);
  const enrollment = new Map(await Promise.all(audience.schools.map(async (s) => [s.id, await surveys.getEnrollment(s.id)] as const)));
  return {
    survey,
    results: surveyResults(survey, audience, counters, enrollment, district ? `${district.city}${district.name}` : survey.districtId),
  };
}

/** A survey as lists show it. */
const summary = (survey: SurveyItem, now: string) => ({
  id: survey.id,
  title: survey.definition.title,
  opensAt: survey.definition.opensAt,
  closesAt: survey.definition.closesAt,
  status: status(survey.definition.opensAt, survey.definition.closesAt, now),
});

export const surveyRoutes: RouteSpec[] = [
  {
    method: 'GET',
    path: '/api/me/surveys',
    access: { kind: 'user' },
    handler: async (c) => {
      const services = c.get('infra');
      const user = c.get('user')!;
      const now = services.now().toISOString();
      const bound = (await user.allItems()).filter((i) => i.kind === 'school-binding') as Array<{ schoolId: string; districtId: string }>;
      const items = [];
      for (const districtId of new Set(bound.map((b) => b.districtId))) {
        for (const survey of await services.surveys.listSurveysOfDistrict(districtId)) {
          const audience = await resolveAudience(services.catalog, survey.definition.audience);
          const schools = bound.filter((b) => audience.schools.some((s) => s.id === b.schoolId)).map((b) => b.schoolId);
          if (schools.length === 0 || !survey.definition.audience.respondents.includes('parent')) continue;
          items.push({ ...summary(survey, now), schoolIds: schools, answered: await service(c).hasAnswered(user, survey.id) });
        }
      }
      return c.json({ items: items.sort((a, b) => b.opensAt.localeCompare(a.opensAt)) });
    },
  },
  {
    method: 'GET',
    path: '/api/admin/districts/:id/surveys',
    // The district's whole list is the district admins'; group admins reach their group's surveys by id.
    access: { kind: 'roles', roles: ['district_admin'], target: pathTarget('district') },
    handler: async (c) => {
      const { surveys, now } = c.get('infra');
      const list = await surveys.listSurveysOfDistrict(c.req.param('id')!);
      return c.json({ items: list.map((s) => summary(s, now().toISOString())).sort((a, b) => b.opensAt.localeCompare(a.opensAt)) });
    },
  },
  {
    method: 'GET',
    path: '/api/admin/groups/:id/surveys',
    access: { kind: 'roles', roles: ['group_admin', 'district_admin'], target: pathTarget('group') },
    handler: async (c) => {
      const { surveys, catalog, now } = c.get('infra');
      const groupId = c.req.param('id')!;
      const group = await catalog.getGroupWithMembers(groupId);
      const list = group ? await surveys.listSurveysOfDistrict(group.group.districtId) : [];
      // A group's surveys are those made for that group alone (the ones its admins manage).
      const mine = list.filter((s) => s.definition.audience.groupIds.length === 1 && s.definition.audience.groupIds[0] === groupId);
      return c.json({ items: mine.map((s) => summary(s, now().toISOString())).sort((a, b) => b.opensAt.localeCompare(a.opensAt)) });
    },
  },
  {
    method: 'POST',
    path: '/api/admin/surveys',
    access: {
      kind: 'roles',
      roles: ['group_admin', 'district_admin'],
      target: async (c) => audienceTarget((await createBody(c)).definition.audience),
    },
    handler: async (c) => {
      const body = await createBody(c);
      const survey = await service(c).create(body.definition, c.get('user')!.userKey, body);
      return c.json({ id: survey.id, minN: survey.minN, shards: survey.shards }, 201);
    },
  },
  {
    method: 'GET',
    path: '/api/surveys/:id',
    access: { kind: 'public' },
    handler: async (c) => {
      const survey = await surveyOf(c);
      const { opensAt, closesAt } = survey.definition;
      return c.json({
        id: survey.id,
        definition: survey.definition,
        status: status(opensAt, closesAt, c.get('infra').now().toISOString()),
      });
    },
  },
  {
    method: 'POST',
    path: '/api/surveys/:id/responses',
    access: { kind: 'user' },
    handler: async (c) => {
      const body = parseOr(ResponseBodySchema, await jsonBody(c));
      const { refusedTexts } = await service(c).submit(c.get('user')!, surveyIdParam(c), body);
      return c.json(
        refusedTexts.length === 0
          ? { ok: true }
          : { ok: true, refusedTexts, message: '您的选择已提交；部分文字内容未通过安全检查，未被保存' },
        201,
      );
    },
  },
  {
    method: 'GET',
    path: '/api/surveys/:id/answered',
    access: { kind: 'user' },
    handler: async (c) => c.json({ answered: await service(c).hasAnswered(c.get('user')!, surveyIdParam(c)) }),
  },
  {
    method: 'GET',
    path: '/api/admin/surveys/:id/results',
    access: { kind: 'roles', roles: ['group_admin', 'district_admin'], target: surveyTarget },
    handler: async (c) => c.json((await resultsOf(c)).results),
  },
  {
    method: 'GET',
    path: '/api/admin/surveys/:id/export',
    access: { kind: 'roles', roles: ['group_admin', 'district_admin'], target: surveyTarget },
    handler: async (c) => {
      const { survey, results } = await resultsOf(c);
      const responses = await c.get('infra').surveys.listResponses(survey.id, survey.shards);
      const file = await surveyWorkbook(survey.definition, results, responses);
      return c.body(new Uint8Array(file), 200, {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename="${survey.id}.xlsx"`,
      });
    },
  },
  {
    method: 'GET',
    path: '/api/admin/surveys/:id/texts',
    access: { kind: 'roles', roles: ['group_admin', 'district_admin'], target: surveyTarget },
    handler: async (c) => {
      const survey = await surveyOf(c);
      const responses = await c.get('infra').surveys.listResponsesWithRefs(survey.id, survey.shards);
      // Text and status only: no school or date beside a free text, which could name its writer.
      const items = responses.flatMap((r) =>
        r.texts.map((t, i) => ({ ref: `${r.shard}.${r.responseId}.${i}`, questionId: t.questionId, text: t.text, status: t.status })),
      );
      return c.json({ items: items.sort((a, b) => a.ref.localeCompare(b.ref)) });
    },
  },
  {
    method: 'POST',
    path: '/api/admin/surveys/:id/texts/approve',
    access: { kind: 'roles', roles: ['group_admin', 'district_admin'], target: surveyTarget },
    handler: async (c) => {
      const { ref } = parseOr(TextRefBodySchema, await jsonBody(c));
      const [shard, responseId, index] = ref.split('.');
      const survey = await surveyOf(c);
      if (Number(shard) >= survey.shards) throw new NotFoundError('未找到该条文字');
      if (!(await c.get('infra').surveys.approveText(survey.id, Number(shard), responseId, Number(index)))) {
        throw new ConflictError('TEXT_NOT_HELD', '该条文字不在待审核状态');
      }
      return c.json({ ok: true });
    },
  },
  {
    method: 'POST',
    path: '/api/admin/surveys/:id/close',
    access: { kind: 'roles', roles: ['group_admin', 'district_admin'], target: surveyTarget },
    handler: async (c) => {
      const survey = await surveyOf(c);
      const now = c.get('infra').now().toISOString();
      if (!(await c.get('infra').surveys.closeSurvey(survey.id, now))) throw new ConflictError('SURVEY_NOT_OPEN', '只能结束进行中的问卷');
      return c.json({ id: survey.id, closesAt: now });
    },
  },
  {
    method: 'PUT',
    path: '/api/admin/schools/:id/enrollment',
    access: { kind: 'roles', roles: ['group_admin', 'district_admin'], target: pathTarget('school') },
    handler: async (c) => {
      const { families } = parseOr(EnrollmentBodySchema, await jsonBody(c));
      await c.get('infra').surveys.putEnrollment(c.req.param('id')!, families, c.get('infra').now().toISOString());
      return c.json({ schoolId: c.req.param('id'), families });
    },
  },
];
