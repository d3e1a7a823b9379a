import { catalogParam } from '../../../http/path-params';
import { route } from '../../../http/route';
import { publicJson } from '../../../http/public-cache';
import { loadRound, roundDistrict, roundParam } from './round-params';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Reading rounds: a group's page (its admins and the district's), the XLSX, and the public view. */
export const evaluationReportRoutes = [
  route({
    method: 'GET',
    path: '/api/admin/groups/:id/rounds',
    params: { id: catalogParam('group') },
    access: { kind: 'roles', roles: ['group_admin', 'district_admin'] },
    target: ({ params }) => ({ type: 'group', id: params.id }),
    handler: async (c, { params, services }) => c.json(await services.evaluationReports.lockedRoundsOfGroup(params.id)),
  }),
  route({
    method: 'GET',
    path: '/api/admin/rounds/:id/groups/:groupId',
    params: { id: roundParam, groupId: catalogParam('group') },
    load: (services, { params }) => services.evaluation.round(params.id),
    access: { kind: 'roles', roles: ['group_admin', 'district_admin'] },
    target: ({ params }) => ({ type: 'group', id: params.groupId }),
    handler: async (c, { params, subject, user, services }) =>
      c.json(await services.evaluationReports.groupPage(subject, params.groupId, user)),
  }),
  route({
    method: 'GET',
    path: '/api/admin/rounds/:id/export',
    params: { id: roundParam },
    load: loadRound,
    access: { kind: 'roles', roles: ['district_admin'] },
    target: roundDistrict,
    handler: async (c, { subject, services }) => {
      const { filename, file } = await services.evaluationReports.workbook(subject);
      return c.body(new Uint8Array(file), 200, { 'content-type': XLSX, 'content-disposition': `attachment; filename="${filename}"` });
    },
  }),
  route({
    method: 'GET',
    path: '/api/groups/:id/evaluation',
    params: { id: catalogParam('group') },
    access: { kind: 'public' },
    handler: async (c, { params, services }) => publicJson(c, await services.evaluationReports.publicEvaluation(params.id), { maxAge: 60 }),
  }),
];
