import type { CreateInviteBody, CreateTeacherBody, Invite, Teacher } from '../../../shared';
import { request } from './request';

/** Admin endpoints (group and district admins, within their scope). */

export function createTeacher(body: CreateTeacherBody): Promise<Teacher> {
  return request({ method: 'POST', path: '/admin/teachers', body });
}

export function listTeachers(schoolId: string): Promise<{ items: Teacher[] }> {
  return request({ path: `/admin/schools/${encodeURIComponent(schoolId)}/teachers` });
}

export function createInvite(body: Pick<CreateInviteBody, 'target'> & { validHours?: number }): Promise<Invite> {
  return request({ method: 'POST', path: '/admin/invites', body });
}

export function revokeInvite(inviteId: string): Promise<Invite> {
  return request({ method: 'DELETE', path: `/admin/invites/${encodeURIComponent(inviteId)}` });
}
