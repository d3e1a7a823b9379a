import { catalogParam, idParam } from '../../../http/path-params';
import { route, type StaffRole } from '../../../http/route';
import { SCENE_CODE_PATTERN } from '../domain/scene-code';
import { surveyParams } from './surveys';

const MANAGERS: StaffRole[] = ['group_admin', 'district_admin'];
const schoolSurveyParams = { ...surveyParams, schoolId: catalogParam('school') };

/**
 * A survey's link and mini-program code per school. The school is the target: its group's
 * admins put up its poster even when the survey spans the district.
 */
export const surveyInviteRoutes = [
  route({
    method: 'GET',
    path: '/api/admin/surveys/:id/schools/:schoolId/invite',
    params: schoolSurveyParams,
    load: (services, { params }) => services.surveys.get(params.id),
    access: { kind: 'roles', roles: MANAGERS },
    target: ({ params }) => ({ type: 'school', id: params.schoolId }),
    handler: async (c, { params, subject, services }) => c.json(await services.surveyInvites.invite(subject, params.schoolId)),
  }),
  route({
    method: 'GET',
    path: '/api/admin/surveys/:id/schools/:schoolId/qrcode',
    params: schoolSurveyParams,
    load: (services, { params }) => services.surveys.get(params.id),
    access: { kind: 'roles', roles: MANAGERS },
    target: ({ params }) => ({ type: 'school', id: params.schoolId }),
    handler: async (c, { params, subject, services }) => {
      const { png } = await services.surveyInvites.qrCode(subject, params.schoolId);
      return c.body(new Uint8Array(png), 200, {
        'content-type': 'image/png',
        'content-disposition': `inline; filename="${subject.id}-${params.schoolId}.png"`,
        // The code never changes for a survey and school; a private cache saves WeChat's daily quota.
        'cache-control': 'private, max-age=86400',
      });
    },
  }),
  route({
    method: 'GET',
    path: '/api/scenes/:code',
    params: { code: idParam(SCENE_CODE_PATTERN, '未找到该问卷链接，请重新扫码') },
    access: { kind: 'public' },
    handler: async (c, { params, services }) => c.json(await services.surveyInvites.resolveScene(params.code)),
  }),
];
