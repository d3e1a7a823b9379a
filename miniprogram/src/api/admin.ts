import type { ApiResponse, CreateInviteBody, CreateTeacherBody } from '../../../shared';
import { callEndpoint } from './endpoint';

/** Admin endpoints (group and district admins, within their scope). */

export function createTeacher(body: CreateTeacherBody): Promise<ApiResponse<'POST /api/admin/teachers'>> {
  return callEndpoint('POST /api/admin/teachers', { body });
}

export function listTeachers(schoolId: string): Promise<ApiResponse<'GET /api/admin/schools/:id/teachers'>> {
  return callEndpoint('GET /api/admin/schools/:id/teachers', { params: { id: schoolId } });
}

export function createInvite(
  body: Pick<CreateInviteBody, 'target'> & { validHours?: number },
): Promise<ApiResponse<'POST /api/admin/invites'>> {
  return callEndpoint('POST /api/admin/invites', { body });
}

export function revokeInvite(inviteId: string): Promise<ApiResponse<'DELETE /api/admin/invites/:id'>> {
  return callEndpoint('DELETE /api/admin/invites/:id', { params: { id: inviteId } });
}
