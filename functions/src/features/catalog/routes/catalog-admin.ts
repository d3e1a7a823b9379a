import { z } from 'zod';
import {
  ArchiveBodySchema,
  CampusesBodySchema,
  GroupCreateBodySchema,
  GroupTypesBodySchema,
  GroupUpdateBodySchema,
  SchoolCreateBodySchema,
  SchoolMoveBodySchema,
  SchoolUpdateBodySchema,
} from '../../../../../shared';
import { ValidationError } from '../../../errors';
import { catalogParam } from '../../../http/path-params';
import { route, type InvalidInput, type Reference, type Route } from '../../../http/route';
import { lazySchema } from '../../../../../shared/lazy-schema';

const WRITERS = ['district_admin'] as const;
const READERS = ['group_admin', 'district_admin'] as const;

/** The first field's own Chinese words are the message; every field is in details. */
const firstField: InvalidInput = (issues) => new ValidationError(issues[0]?.message ?? '请求参数不正确', issues);
const body = <T>(schema: z.ZodType<T>) => ({ schema, invalid: firstField });

/** DELETE names the version it was made on in the query (a DELETE has no body). */
const VersionQuerySchema = lazySchema(() =>
  z.object({
    version: z.coerce.number({ error: '缺少版本号，请刷新后重试' }).int('缺少版本号，请刷新后重试').min(0, '缺少版本号，请刷新后重试'),
  }),
);

const school = (path: string, id: string): Reference => ({ path, target: { type: 'school', id } });
const group = (path: string, id: string): Reference => ({ path, target: { type: 'group', id } });

/** The catalogue admin (issue 14): district admins write their district; group admins read their group. */
export const catalogAdminRoutes: Route[] = [
  route({
    method: 'GET',
    path: '/api/admin/districts/:id/catalog',
    params: { id: catalogParam('district') },
    access: { kind: 'roles', roles: WRITERS },
    target: ({ params }) => ({ type: 'district', id: params.id }),
    handler: async (c, { params, services }) => c.json(await services.catalogAdmin.districtCatalog(params.id)),
  }),
  route({
    method: 'GET',
    path: '/api/admin/groups/:id/catalog',
    params: { id: catalogParam('group') },
    access: { kind: 'roles', roles: READERS },
    target: ({ params }) => ({ type: 'group', id: params.id }),
    handler: async (c, { params, services }) => c.json(await services.catalogAdmin.groupCatalog(params.id)),
  }),
  route({
    method: 'PUT',
    path: '/api/admin/districts/:id/group-types',
    params: { id: catalogParam('district') },
    body: body(GroupTypesBodySchema),
    access: { kind: 'roles', roles: WRITERS },
    target: ({ params }) => ({ type: 'district', id: params.id }),
    references: () => [],
    handler: async (c, { params, body, services }) => c.json(await services.catalogAdmin.setGroupTypes(params.id, body)),
  }),
  route({
    method: 'POST',
    path: '/api/admin/districts/:id/schools',
    params: { id: catalogParam('district') },
    body: body(SchoolCreateBodySchema),
    access: { kind: 'roles', roles: WRITERS },
    target: ({ params }) => ({ type: 'district', id: params.id }),
    references: () => [],
    handler: async (c, { params, body, services }) => c.json(await services.catalogAdmin.createSchool(params.id, body), 201),
  }),
  route({
    method: 'PUT',
    path: '/api/admin/schools/:id',
    params: { id: catalogParam('school') },
    body: body(SchoolUpdateBodySchema),
    access: { kind: 'roles', roles: WRITERS },
    target: ({ params }) => ({ type: 'school', id: params.id }),
    references: () => [],
    handler: async (c, { params, body, services }) => c.json(await services.catalogAdmin.updateSchool(params.id, body)),
  }),
  route({
    method: 'PUT',
    path: '/api/admin/schools/:id/campuses',
    params: { id: catalogParam('school') },
    body: body(CampusesBodySchema),
    access: { kind: 'roles', roles: WRITERS },
    target: ({ params }) => ({ type: 'school', id: params.id }),
    references: () => [],
    handler: async (c, { params, body, services }) => c.json(await services.catalogAdmin.setCampuses(params.id, body)),
  }),
  route({
    method: 'POST',
    path: '/api/admin/schools/:id/archive',
    params: { id: catalogParam('school') },
    body: body(ArchiveBodySchema),
    access: { kind: 'roles', roles: WRITERS },
    target: ({ params }) => ({ type: 'school', id: params.id }),
    references: () => [],
    handler: async (c, { params, body, services }) => c.json(await services.catalogAdmin.archiveSchool(params.id, body.version)),
  }),
  route({
    method: 'DELETE',
    path: '/api/admin/schools/:id',
    params: { id: catalogParam('school') },
    query: { schema: VersionQuerySchema, invalid: firstField },
    access: { kind: 'roles', roles: WRITERS },
    target: ({ params }) => ({ type: 'school', id: params.id }),
    references: () => [],
    handler: async (c, { params, query, services }) => {
      await services.catalogAdmin.deleteSchool(params.id, query.version);
      return c.json({ ok: true as const });
    },
  }),
  route({
    method: 'POST',
    path: '/api/admin/schools/:id/moves',
    params: { id: catalogParam('school') },
    body: body(SchoolMoveBodySchema),
    access: { kind: 'roles', roles: WRITERS },
    target: ({ params }) => ({ type: 'school', id: params.id }),
    references: ({ body }) => [
      ...(body.fromGroupId === null ? [] : [group('fromGroupId', body.fromGroupId)]),
      ...(body.toGroupId === null ? [] : [group('toGroupId', body.toGroupId)]),
    ],
    handler: async (c, { params, body, services }) => c.json(await services.catalogAdmin.moveSchool(params.id, body)),
  }),
  route({
    method: 'POST',
    path: '/api/admin/districts/:id/groups',
    params: { id: catalogParam('district') },
    body: body(GroupCreateBodySchema),
    access: { kind: 'roles', roles: WRITERS },
    target: ({ params }) => ({ type: 'district', id: params.id }),
    references: ({ body }) => [
      ...(body.leadSchoolId === null ? [] : [school('leadSchoolId', body.leadSchoolId)]),
      ...body.members.map((m, i) => school(`members.${i}.schoolId`, m.schoolId)),
    ],
    handler: async (c, { params, body, services }) => c.json(await services.catalogAdmin.createGroup(params.id, body), 201),
  }),
  route({
    method: 'PUT',
    path: '/api/admin/groups/:id',
    params: { id: catalogParam('group') },
    body: body(GroupUpdateBodySchema),
    access: { kind: 'roles', roles: WRITERS },
    target: ({ params }) => ({ type: 'group', id: params.id }),
    references: ({ body }) => (body.leadSchoolId === null ? [] : [school('leadSchoolId', body.leadSchoolId)]),
    handler: async (c, { params, body, services }) => c.json(await services.catalogAdmin.updateGroup(params.id, body)),
  }),
  route({
    method: 'POST',
    path: '/api/admin/groups/:id/archive',
    params: { id: catalogParam('group') },
    body: body(ArchiveBodySchema),
    access: { kind: 'roles', roles: WRITERS },
    target: ({ params }) => ({ type: 'group', id: params.id }),
    references: () => [],
    handler: async (c, { params, body, services }) => c.json(await services.catalogAdmin.archiveGroup(params.id, body.version)),
  }),
  route({
    method: 'DELETE',
    path: '/api/admin/groups/:id',
    params: { id: catalogParam('group') },
    query: { schema: VersionQuerySchema, invalid: firstField },
    access: { kind: 'roles', roles: WRITERS },
    target: ({ params }) => ({ type: 'group', id: params.id }),
    references: () => [],
    handler: async (c, { params, query, services }) => {
      await services.catalogAdmin.deleteGroup(params.id, query.version);
      return c.json({ ok: true as const });
    },
  }),
];
