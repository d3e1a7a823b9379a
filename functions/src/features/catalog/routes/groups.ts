import { catalogParam } from '../../../http/path-params';
import { route } from '../../../http/route';

export const groupRoutes = [
  route({
    method: 'GET',
    path: '/api/groups/:id',
    params: { id: catalogParam('group') },
    access: { kind: 'public' },
    handler: async (c, { params, services }) => c.json(await services.catalog.group(params.id)),
  }),
];
