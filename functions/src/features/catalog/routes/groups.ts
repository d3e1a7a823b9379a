import { catalogParam } from '../../../http/path-params';
import { route } from '../../../http/route';
import { CATALOG_MAX_AGE_SECONDS, publicJson } from '../../../http/public-cache';

export const groupRoutes = [
  route({
    method: 'GET',
    path: '/api/groups/:id',
    params: { id: catalogParam('group') },
    access: { kind: 'public' },
    handler: async (c, { params, services }) => publicJson(c, await services.catalog.group(params.id), { maxAge: CATALOG_MAX_AGE_SECONDS }),
  }),
];
