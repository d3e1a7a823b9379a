import type { Context } from 'hono';
import { CreateInviteBodySchema, CreateTeacherBodySchema } from '../../../../../shared';
import type { AppEnv } from '../../../http/app-env';
import type { RouteSpec, ScopeTarget } from '../../../http/route-spec';
import { StaffService } from '../staff-service';
import { catalogId, idParamOf, pathTarget } from '../../../http/path-targets';
import { bodyOnce } from '../../../http/request-once';

const staff = (c: Context<AppEnv>) => new StaffService(c.get('infra'));

// The body names the target: parsed while resolving the scope, kept for the handler.
const teacherBody = (c: Context<AppEnv>) => bodyOnce(c, CreateTeacherBodySchema);
const inviteBody = (c: Context<AppEnv>) => bodyOnce(c, CreateInviteBodySchema);
const inviteIdParam = idParamOf(/^[A-Za-z0-9_-]{1,64}$/, '未找到该邀请码');

/** A teacher invite is managed by whoever manages the teacher's school; a group-admin invite by the district. */
const inviteTarget = async (c: Context<AppEnv>): Promise<ScopeTarget> => {
  const { target } = await inviteBody(c);
  return target.role === 'teacher' ? { type: 'teacher', id: target.teacherId } : { type: 'district-of-group', id: target.groupId };
};

export const adminRoutes: RouteSpec[] = [
  {
    method: 'POST',
    path: '/api/admin/teachers',
    access: {
      kind: 'roles',
      roles: ['group_admin', 'district_admin'],
      target: async (c) => ({ type: 'school', id: (await teacherBody(c)).schoolId }),
    },
    handler: async (c) => c.json(await staff(c).createTeacher(await teacherBody(c)), 201),
  },
  {
    method: 'GET',
    path: '/api/admin/schools/:id/teachers',
    access: { kind: 'roles', roles: ['group_admin', 'district_admin'], target: pathTarget('school') },
    handler: async (c) => c.json({ items: await staff(c).listTeachers(catalogId(c, 'school')) }),
  },
  {
    method: 'POST',
    path: '/api/admin/invites',
    access: { kind: 'roles', roles: ['group_admin', 'district_admin'], target: inviteTarget },
    handler: async (c) => c.json(await staff(c).createInvite(await inviteBody(c), c.get('user')!.userKey), 201),
  },
  {
    method: 'DELETE',
    path: '/api/admin/invites/:id',
    access: { kind: 'roles', roles: ['group_admin', 'district_admin'], target: (c) => ({ type: 'invite', id: inviteIdParam(c) }) },
    handler: async (c) => c.json(await staff(c).revokeInvite(inviteIdParam(c))),
  },
];
