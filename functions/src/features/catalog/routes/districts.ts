import { catalogParam } from '../../../http/path-params';
import { route } from '../../../http/route';
import { CATALOG_MAX_AGE_SECONDS, publicJson } from '../../../http/public-cache';

export const districtRoutes = [
  route({
    method: 'GET',
    path: '/api/districts',
    access: { kind: 'public' },
    handler: async (c, { services }) => publicJson(c, await services.catalog.districts(), { maxAge: CATALOG_MAX_AGE_SECONDS }),
  }),
  route({
    method: 'GET',
    path: '/api/districts/:id/groups',
    params: { id: catalogParam('district') },
    access: { kind: 'public' },
    handler: async (c, { params, services }) =>
      publicJson(c, await services.catalog.groupsOfDistrict(params.id), { maxAge: CATALOG_MAX_AGE_SECONDS }),
  }),
];
