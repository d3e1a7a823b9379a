import { DRAFT_ID_PATTERN, draftOwnerOf, SurveyDraftContentSchema, SurveyDraftUpdateSchema } from '../../../../../shared';
import { catalogParam, idParam } from '../../../http/path-params';
import { route, type Reference } from '../../../http/route';
import { loadSurvey, MANAGERS, surveyParams, surveyTarget } from './surveys';

const draftParams = { id: idParam(DRAFT_ID_PATTERN, '未找到该草稿') };
/** A draft id names its owner (shared/surveys/survey-draft.ts): access is decided before the draft is read. */
const draftTarget = ({ params }: { params: { id: string } }) => draftOwnerOf(params.id)!;
/** Every group and school a draft's audience names is in the caller's scope, as for a survey. */
const draftReferences = ({ body }: { body: { audience: { groupIds: string[]; schoolIds: string[] } } }): Reference[] => [
  ...body.audience.groupIds.map((id, i) => ({ path: `audience.groupIds.${i}`, target: { type: 'group' as const, id } })),
  ...body.audience.schoolIds.map((id, i) => ({ path: `audience.schoolIds.${i}`, target: { type: 'school' as const, id } })),
];

/** 草稿箱 of the survey builder: drafts of a district or a group, saved, published, copied from a survey. */
export const surveyDraftRoutes = [
  route({
    method: 'GET',
    path: '/api/admin/districts/:id/survey-drafts',
    params: { id: catalogParam('district') },
    access: { kind: 'roles', roles: ['district_admin'] },
    target: ({ params }) => ({ type: 'district', id: params.id }),
    handler: async (c, { params, services }) => c.json(await services.surveyDrafts.list({ type: 'district', id: params.id })),
  }),
  route({
    method: 'POST',
    path: '/api/admin/districts/:id/survey-drafts',
    params: { id: catalogParam('district') },
    body: SurveyDraftContentSchema,
    access: { kind: 'roles', roles: ['district_admin'] },
    target: ({ params }) => ({ type: 'district', id: params.id }),
    references: draftReferences,
    handler: async (c, { params, body, user, services }) =>
      c.json(await services.surveyDrafts.create({ type: 'district', id: params.id }, body, user.userKey), 201),
  }),
  route({
    method: 'GET',
    path: '/api/admin/groups/:id/survey-drafts',
    params: { id: catalogParam('group') },
    access: { kind: 'roles', roles: MANAGERS },
    target: ({ params }) => ({ type: 'group', id: params.id }),
    handler: async (c, { params, services }) => c.json(await services.surveyDrafts.list({ type: 'group', id: params.id })),
  }),
  route({
    method: 'POST',
    path: '/api/admin/groups/:id/survey-drafts',
    params: { id: catalogParam('group') },
    body: SurveyDraftContentSchema,
    access: { kind: 'roles', roles: MANAGERS },
    target: ({ params }) => ({ type: 'group', id: params.id }),
    references: draftReferences,
    handler: async (c, { params, body, user, services }) =>
      c.json(await services.surveyDrafts.create({ type: 'group', id: params.id }, body, user.userKey), 201),
  }),
  route({
    method: 'GET',
    path: '/api/admin/survey-drafts/:id',
    params: draftParams,
    access: { kind: 'roles', roles: MANAGERS },
    target: draftTarget,
    handler: async (c, { params, services }) => c.json(await services.surveyDrafts.get(params.id)),
  }),
  route({
    method: 'PUT',
    path: '/api/admin/survey-drafts/:id',
    params: draftParams,
    body: SurveyDraftUpdateSchema,
    access: { kind: 'roles', roles: MANAGERS },
    target: draftTarget,
    references: draftReferences,
    handler: async (c, { params, body, user, services }) => c.json(await services.surveyDrafts.update(params.id, body, user.userKey)),
  }),
  route({
    method: 'DELETE',
    path: '/api/admin/survey-drafts/:id',
    params: draftParams,
    access: { kind: 'roles', roles: MANAGERS },
    target: draftTarget,
    references: () => [],
    handler: async (c, { params, services }) => (await services.surveyDrafts.remove(params.id), c.json({ ok: true as const })),
  }),
  route({
    method: 'POST',
    path: '/api/admin/survey-drafts/:id/publish',
    params: draftParams,
    access: { kind: 'roles', roles: MANAGERS },
    target: draftTarget,
    // The audience's places were checked against the caller's scope when saved (draftReferences).
    references: () => [],
    handler: async (c, { params, user, services }) => c.json(await services.surveyDrafts.publish(params.id, user.userKey), 201),
  }),
  route({
    method: 'POST',
    path: '/api/admin/surveys/:id/copy-to-draft',
    params: surveyParams,
    load: loadSurvey,
    access: { kind: 'roles', roles: MANAGERS },
    target: surveyTarget,
    references: () => [],
    handler: async (c, { subject, user, services }) => c.json(await services.surveyDrafts.copyOf(subject, user.userKey), 201),
  }),
];
