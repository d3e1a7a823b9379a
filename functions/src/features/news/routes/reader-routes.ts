import { NewsPageQuerySchema, NewsSubscribeSchema } from '../../../../../shared';
import { catalogParam } from '../../../http/path-params';
import { route } from '../../../http/route';
import { publicJson } from '../../../http/public-cache';
import { newsParam } from './news-params';

/** What readers see: a group's list, 我的动态, an item, and 订阅本集团动态. */
export const readerRoutes = [
  route({
    method: 'GET',
    path: '/api/groups/:id/news',
    params: { id: catalogParam('group') },
    query: NewsPageQuerySchema,
    load: (services, { params }) => services.newsReading.group(params.id),
    // Signed in, the list marks what the caller has read (已读).
    access: { kind: 'public', readsCaller: true },
    handler: async (c, { query, subject, user, services }) =>
      publicJson(c, await services.newsReading.groupPage(subject, query, user), {
        maxAge: 30,
        personal: Boolean(user),
      }),
  }),
  route({
    method: 'GET',
    path: '/api/me/news',
    query: NewsPageQuerySchema,
    access: { kind: 'user' },
    handler: async (c, { query, user, services }) => c.json(await services.newsReading.feed(user, query)),
  }),
  route({
    method: 'GET',
    path: '/api/news/:id',
    params: { id: newsParam },
    load: (services, { params }) => services.newsReading.visible(params.id),
    // Opening an item marks it read for a signed-in caller.
    access: { kind: 'public', readsCaller: true },
    handler: async (c, { subject, user, services }) => c.json(await services.newsReading.open(subject, user)),
  }),
  route({
    method: 'POST',
    path: '/api/news/subscriptions',
    body: NewsSubscribeSchema,
    access: { kind: 'user' },
    handler: async (c, { body, user, services }) => c.json(await services.newsSubscriptions.subscribe(user, body.groupId), 201),
  }),
];
