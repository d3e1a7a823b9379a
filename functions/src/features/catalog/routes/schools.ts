import { NearbyQuerySchema, SchoolSearchQuerySchema, SEARCH_QUERY_MAX } from '../../../../../shared';
import { BadQueryError, ValidationError } from '../../../errors';
import { catalogParam } from '../../../http/path-params';
import { route } from '../../../http/route';
import { CATALOG_MAX_AGE_SECONDS, publicJson } from '../../../http/public-cache';
import { charLength } from '../domain/search/text-length';
import { lazySchema } from '../../../../../shared/lazy-schema';

/** q is also measured in characters (an ideograph is one), which zod's max() on UTF-16 is not. */
const SearchQuerySchema = lazySchema(() =>
  SchoolSearchQuerySchema.extend({
    q: SchoolSearchQuerySchema.shape.q.refine((q) => q === undefined || charLength(q) <= SEARCH_QUERY_MAX),
  }),
);

export const schoolRoutes = [
  route({
    method: 'GET',
    path: '/api/schools',
    query: {
      schema: SearchQuerySchema,
      invalid: (issues) => (issues.some((i) => i.path === 'q') ? new BadQueryError() : new ValidationError('搜索参数不正确', issues)),
    },
    access: { kind: 'public' },
    handler: async (c, { query, services }) => publicJson(c, await services.catalog.search(query), { maxAge: CATALOG_MAX_AGE_SECONDS }),
  }),
  // Declared before /api/schools/:id, which would otherwise take "nearby" for a school id.
  route({
    method: 'GET',
    path: '/api/schools/nearby',
    query: { schema: NearbyQuerySchema, invalid: (issues) => new ValidationError('位置参数不正确', issues) },
    access: { kind: 'public' },
    // No shared cache: the URL holds the parent's position, which no CDN or proxy should keep.
    handler: async (c, { query, services }) => c.json(await services.catalog.nearby(query)),
  }),
  route({
    method: 'GET',
    path: '/api/schools/:id',
    params: { id: catalogParam('school') },
    access: { kind: 'public' },
    handler: async (c, { params, services }) =>
      publicJson(c, await services.catalog.school(params.id), { maxAge: CATALOG_MAX_AGE_SECONDS }),
  }),
];
