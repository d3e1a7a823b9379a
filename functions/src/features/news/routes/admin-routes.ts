import {
  NEWS_REQUEST_BYTES_MAX,
  NewsDraftSchema,
  NewsImageUploadRequestSchema,
  NewsPageQuerySchema,
  NewsPublishSchema,
  NewsUpdateSchema,
} from '../../../../../shared';
import { catalogParam } from '../../../http/path-params';
import { route } from '../../../http/route';
import { ADMINS, groupOfItem, loadedGroup, newsParam } from './news-params';

/** A news body is refused by size before it is parsed: a megabyte of Markdown never reaches the parser. */
const bounded = <S>(schema: S) => ({
  schema,
  maxBytes: NEWS_REQUEST_BYTES_MAX,
  tooLarge: `内容过大，请控制在 ${NEWS_REQUEST_BYTES_MAX / 1024} KB 以内`,
});

/**
 * The schoolIds a draft names are checked by the service against the group's own members
 * (400), which is narrower than the caller's scope: no reference check could add to it.
 */
const memberSchoolsOnly = () => [];

const roles = { kind: 'roles', roles: ADMINS } as const;

/** 集团动态 management: group admins for their group, district admins for the district's groups. */
export const adminRoutes = [
  route({
    method: 'GET',
    path: '/api/admin/groups/:id/news',
    params: { id: catalogParam('group') },
    query: NewsPageQuerySchema,
    load: (services, { params }) => services.newsAdmin.group(params.id),
    access: roles,
    target: loadedGroup,
    handler: async (c, { query, subject, services }) => c.json(await services.newsAdmin.list(subject, query)),
  }),
  route({
    method: 'POST',
    path: '/api/admin/groups/:id/news',
    params: { id: catalogParam('group') },
    body: bounded(NewsDraftSchema),
    load: (services, { params }) => services.newsAdmin.group(params.id),
    access: roles,
    target: loadedGroup,
    references: memberSchoolsOnly,
    handler: async (c, { body, subject, user, services }) => c.json(await services.newsAdmin.create(subject, body, user), 201),
  }),
  route({
    method: 'GET',
    path: '/api/admin/news/:id',
    params: { id: newsParam },
    load: (services, { params }) => services.newsAdmin.open(params.id),
    access: roles,
    target: groupOfItem,
    handler: async (c, { subject, services }) => c.json(await services.newsAdmin.detail(subject)),
  }),
  route({
    method: 'PUT',
    path: '/api/admin/news/:id',
    params: { id: newsParam },
    body: bounded(NewsUpdateSchema),
    load: (services, { params }) => services.newsAdmin.open(params.id),
    access: roles,
    target: groupOfItem,
    references: memberSchoolsOnly,
    handler: async (c, { body, subject, user, services }) => c.json(await services.newsAdmin.update(subject, body, user)),
  }),
  route({
    method: 'POST',
    path: '/api/admin/news/:id/publish',
    params: { id: newsParam },
    body: NewsPublishSchema,
    load: (services, { params }) => services.newsAdmin.open(params.id),
    access: roles,
    target: groupOfItem,
    references: () => [],
    handler: async (c, { body, subject, user, services }) => c.json(await services.newsAdmin.publish(subject, body.publishAt, user)),
  }),
  route({
    method: 'POST',
    path: '/api/admin/news/:id/unpublish',
    params: { id: newsParam },
    load: (services, { params }) => services.newsAdmin.open(params.id),
    access: roles,
    target: groupOfItem,
    references: () => [],
    handler: async (c, { subject, user, services }) => c.json(await services.newsAdmin.unpublish(subject, user)),
  }),
  route({
    method: 'POST',
    path: '/api/admin/news-images',
    body: NewsImageUploadRequestSchema,
    access: roles,
    // The group the body names is the target itself.
    target: ({ body }) => ({ type: 'group', id: body.groupId }),
    references: () => [],
    handler: async (c, { body, services }) => c.json(await services.newsUploads.grant(body), 201),
  }),
];
