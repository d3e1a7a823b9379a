import { SurveySettingsSchema } from '../../../../../shared';
import { catalogParam } from '../../../http/path-params';
import { route } from '../../../http/route';

const districtParams = { id: catalogParam('district') };

/** A district's survey settings (which options count as 认可): its district admins read and set them. */
export const surveySettingsRoutes = [
  route({
    method: 'GET',
    path: '/api/admin/districts/:id/survey-settings',
    params: districtParams,
    access: { kind: 'roles', roles: ['district_admin'] },
    target: ({ params }) => ({ type: 'district', id: params.id }),
    handler: async (c, { params, services }) => c.json(await services.surveySettings.get(params.id)),
  }),
  route({
    method: 'PUT',
    path: '/api/admin/districts/:id/survey-settings',
    params: districtParams,
    body: SurveySettingsSchema,
    access: { kind: 'roles', roles: ['district_admin'] },
    target: ({ params }) => ({ type: 'district', id: params.id }),
    // The district is the path's; the body names no place.
    references: () => [],
    handler: async (c, { params, body, user, services }) => c.json(await services.surveySettings.put(params.id, body, user.userKey)),
  }),
];
