import { z } from 'zod';
import { ResponseBodySchema, SurveyDefinitionSchema, type SurveyDefinition } from '../../../../../shared';
import { catalogParam, idParam } from '../../../http/path-params';
import { route, type StaffRole } from '../../../http/route';
import type { Services } from '../../../services';
import { TextRefSchema } from '../survey-moderation';
import { audienceReferences, audienceTarget } from './survey-scope';

const CreateSurveyBodySchema = z.object({
  definition: SurveyDefinitionSchema,
  minN: z.number().int().min(1).max(1000).optional(),
  shards: z.number().int().min(1).max(32).optional(),
});
const TextRefBodySchema = z.object({ ref: TextRefSchema });

export const surveyParams = { id: idParam(/^sv-[a-z0-9]{1,32}$/, '未找到该问卷') };
export const MANAGERS: StaffRole[] = ['group_admin', 'district_admin'];

/** The survey a route acts on, read once (404 if there is none). */
export const loadSurvey = (services: Services, { params }: { params: { id: string } }) => services.surveys.get(params.id);
/** A loaded survey is managed by whoever manages its audience. */
export const surveyTarget = ({ subject }: { subject: { definition: Pick<SurveyDefinition, 'audience'> } }) =>
  audienceTarget(subject.definition.audience);

export const surveyRoutes = [
  route({
    method: 'GET',
    path: '/api/me/surveys',
    access: { kind: 'user' },
    handler: async (c, { user, services }) => c.json(await services.surveyListings.forParent(user)),
  }),
  route({
    method: 'GET',
    path: '/api/admin/districts/:id/surveys',
    params: { id: catalogParam('district') },
    // The district's whole list is the district admins'; group admins reach their group's surveys by id.
    access: { kind: 'roles', roles: ['district_admin'] },
    target: ({ params }) => ({ type: 'district', id: params.id }),
    handler: async (c, { params, services }) => c.json(await services.surveyListings.ofDistrict(params.id)),
  }),
  route({
    method: 'GET',
    path: '/api/admin/groups/:id/surveys',
    params: { id: catalogParam('group') },
    access: { kind: 'roles', roles: MANAGERS },
    target: ({ params }) => ({ type: 'group', id: params.id }),
    handler: async (c, { params, services }) => c.json(await services.surveyListings.ofGroup(params.id)),
  }),
  route({
    method: 'POST',
    path: '/api/admin/surveys',
    body: CreateSurveyBodySchema,
    access: { kind: 'roles', roles: MANAGERS },
    target: ({ body }) => audienceTarget(body.definition.audience),
    references: ({ body }) => audienceReferences(body.definition.audience),
    handler: async (c, { body, user, services }) => {
      const survey = await services.surveys.create(body.definition, user.userKey, body);
      return c.json({ id: survey.id, minN: survey.minN, shards: survey.shards }, 201);
    },
  }),
  route({
    method: 'GET',
    path: '/api/surveys/:id',
    params: surveyParams,
    load: loadSurvey,
    access: { kind: 'public' },
    handler: (c, { subject, services }) => c.json(services.surveys.view(subject)),
  }),
  route({
    method: 'POST',
    path: '/api/surveys/:id/responses',
    params: surveyParams,
    body: ResponseBodySchema,
    // The survey, the answer's school and the caller's session, binding and marker in one read
    // (AP125); 404 if there is no survey. The token is the service's (SurveyService.respond).
    load: (services, { params, body }, caller) => services.surveys.getForAnswer(params.id, body.schoolId, caller!),
    loadsSession: true,
    access: { kind: 'user' },
    rateBucket: 'service',
    handler: async (c, { subject, body, user, services }) => {
      const { refusedTexts } = await services.surveys.respond(user, subject, body);
      return c.json(
        refusedTexts.length === 0
          ? { ok: true }
          : { ok: true, refusedTexts, message: '您的选择已提交；部分文字内容未通过安全检查，未被保存' },
        201,
      );
    },
  }),
  route({
    method: 'GET',
    path: '/api/surveys/:id/answered',
    params: surveyParams,
    // No load: the marker alone answers (an unknown survey was simply never answered).
    access: { kind: 'user' },
    handler: async (c, { params, user, services }) => c.json({ answered: await services.surveys.hasAnswered(user, params.id) }),
  }),
  route({
    method: 'GET',
    path: '/api/admin/surveys/:id/results',
    params: surveyParams,
    load: loadSurvey,
    access: { kind: 'roles', roles: MANAGERS },
    target: surveyTarget,
    handler: async (c, { subject, services }) => c.json(await services.surveyReporting.results(subject)),
  }),
  route({
    method: 'GET',
    path: '/api/admin/surveys/:id/export',
    params: surveyParams,
    load: loadSurvey,
    access: { kind: 'roles', roles: MANAGERS },
    target: surveyTarget,
    handler: async (c, { subject, services }) => {
      const file = await services.surveyReporting.export(subject);
      return c.body(new Uint8Array(file.content), 200, {
        'content-type': file.contentType,
        'content-disposition': `attachment; filename="${file.filename}"`,
      });
    },
  }),
  route({
    method: 'GET',
    path: '/api/admin/surveys/:id/texts',
    params: surveyParams,
    load: loadSurvey,
    access: { kind: 'roles', roles: MANAGERS },
    target: surveyTarget,
    handler: async (c, { subject, services }) => c.json(await services.surveyModeration.texts(subject)),
  }),
  route({
    method: 'POST',
    path: '/api/admin/surveys/:id/texts/approve',
    params: surveyParams,
    body: TextRefBodySchema,
    load: loadSurvey,
    access: { kind: 'roles', roles: MANAGERS },
    target: surveyTarget,
    references: () => [],
    handler: async (c, { subject, body, services }) => c.json(await services.surveyModeration.approve(subject, body.ref)),
  }),
  route({
    method: 'POST',
    path: '/api/admin/surveys/:id/texts/reject',
    params: surveyParams,
    body: TextRefBodySchema,
    load: loadSurvey,
    access: { kind: 'roles', roles: MANAGERS },
    target: surveyTarget,
    // The ref names a text of the loaded survey only (its shard is checked against the survey's).
    references: () => [],
    handler: async (c, { subject, body, services }) => c.json(await services.surveyModeration.reject(subject, body.ref)),
  }),
  route({
    method: 'POST',
    path: '/api/admin/surveys/:id/close',
    params: surveyParams,
    load: loadSurvey,
    access: { kind: 'roles', roles: MANAGERS },
    target: surveyTarget,
    references: () => [],
    handler: async (c, { subject, services }) => {
      const closed = await services.surveys.close(subject);
      // Closing is when the last due snapshot is taken and planned (a write), not a later read.
      await services.surveyReporting.refresh(subject);
      return c.json(closed);
    },
  }),
];
