import { catalogParam } from '../../../http/path-params';
import { route } from '../../../http/route';

export const districtRoutes = [
  route({
    method: 'GET',
    path: '/api/districts',
    access: { kind: 'public' },
    handler: async (c, { services }) => c.json(await services.catalog.districts()),
  }),
  route({
    method: 'GET',
    path: '/api/districts/:id/groups',
    params: { id: catalogParam('district') },
    access: { kind: 'public' },
    handler: async (c, { params, services }) => c.json(await services.catalog.groupsOfDistrict(params.id)),
  }),
];
