import { CreateInviteBodySchema, CreateTeacherBodySchema } from '../../../../../shared';
import { catalogParam, idParam } from '../../../http/path-params';
import { route } from '../../../http/route';
import { inviteScope } from '../scope-target';

const STAFF_ADMINS = ['group_admin', 'district_admin'] as const;

export const adminRoutes = [
  route({
    method: 'POST',
    path: '/api/admin/teachers',
    body: CreateTeacherBodySchema,
    access: { kind: 'roles', roles: STAFF_ADMINS },
    target: ({ body }) => ({ type: 'school', id: body.schoolId }),
    references: ({ body }) => [{ path: 'schoolId', target: { type: 'school', id: body.schoolId } }],
    handler: async (c, { body, services }) => c.json(await services.staff.createTeacher(body), 201),
  }),
  route({
    method: 'GET',
    path: '/api/admin/schools/:id/teachers',
    params: { id: catalogParam('school') },
    access: { kind: 'roles', roles: STAFF_ADMINS },
    target: ({ params }) => ({ type: 'school', id: params.id }),
    handler: async (c, { params, services }) => c.json({ items: await services.staff.listTeachers(params.id) }),
  }),
  route({
    method: 'POST',
    path: '/api/admin/invites',
    body: CreateInviteBodySchema,
    access: { kind: 'roles', roles: STAFF_ADMINS },
    target: ({ body }) => inviteScope(body.target),
    references: ({ body }) =>
      body.target.role === 'group_admin' ? [{ path: 'target.groupId', target: { type: 'group', id: body.target.groupId } }] : [],
    handler: async (c, { body, user, services }) => c.json(await services.staff.createInvite(body, user.userKey), 201),
  }),
  route({
    method: 'DELETE',
    path: '/api/admin/invites/:id',
    params: { id: idParam(/^[A-Za-z0-9_-]{1,64}$/, '未找到该邀请码') },
    load: (services, { params }) => services.staff.invite(params.id),
    access: { kind: 'roles', roles: STAFF_ADMINS },
    target: ({ subject }) => inviteScope(subject.target),
    references: () => [],
    handler: async (c, { subject, services }) => c.json(await services.staff.revokeInvite(subject)),
  }),
];
