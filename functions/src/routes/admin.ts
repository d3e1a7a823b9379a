import type { Context } from 'hono';
import { CreateInviteBodySchema, CreateTeacherBodySchema, IdSchema } from '../../../shared';
import { NotFoundError } from '../errors';
import type { AppEnv } from '../http/app-env';
import { jsonBody, type RouteSpec, type ScopeTarget } from '../http/route-spec';
import { parseOr } from '../http/validate';
import { StaffService } from '../services/staff-service';

const staff = (c: Context<AppEnv>) => new StaffService(c.get('services'));

/**
 * The body is parsed while resolving the scope (the target is in it) and kept for the
 * handler, so it is read and validated once.
 */
async function parsedBody<T>(c: Context<AppEnv>, parse: (raw: unknown) => T): Promise<T> {
  const cached = c.get('parsedBody') as T | undefined;
  if (cached !== undefined) return cached;
  const parsed = parse(await jsonBody(c));
  c.set('parsedBody', parsed);
  return parsed;
}

const teacherBody = (c: Context<AppEnv>) => parsedBody(c, (raw) => parseOr(CreateTeacherBodySchema, raw));
const inviteBody = (c: Context<AppEnv>) => parsedBody(c, (raw) => parseOr(CreateInviteBodySchema, raw));
const idParam = (c: Context<AppEnv>, name: string) => parseOr(IdSchema, c.req.param(name), () => new NotFoundError());
const inviteIdParam = (c: Context<AppEnv>) => {
  const id = c.req.param('id') ?? '';
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) throw new NotFoundError('未找到该邀请码');
  return id;
};

/** A teacher invite is managed by whoever manages the teacher's school; a group-admin invite by the district. */
const inviteTarget = async (c: Context<AppEnv>): Promise<ScopeTarget> => {
  const { target } = await inviteBody(c);
  return target.role === 'teacher' ? { type: 'teacher', id: target.teacherId } : { type: 'district-of-group', id: target.groupId };
};

export const adminRoutes: RouteSpec[] = [
  {
    method: 'POST',
    path: '/api/admin/teachers',
    access: { kind: 'roles', roles: ['group_admin', 'district_admin'], target: async (c) => ({ type: 'school', id: (await teacherBody(c)).schoolId }) },
    handler: async (c) => c.json(await staff(c).createTeacher(await teacherBody(c)), 201),
  },
  {
    method: 'GET',
    path: '/api/admin/schools/:id/teachers',
    access: { kind: 'roles', roles: ['group_admin', 'district_admin'], target: (c) => ({ type: 'school', id: idParam(c, 'id') }) },
    handler: async (c) => c.json({ items: await staff(c).listTeachers(idParam(c, 'id')) }),
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
