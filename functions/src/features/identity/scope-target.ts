import type { InviteTarget } from '../../../../shared';

/** What a route protects: the entity it acts on, resolved to a placement by the scope resolver. */
export type ScopeTarget =
  | { type: 'district'; id: string }
  | { type: 'group'; id: string }
  /**
   * A group, or an item of one, that the route's load has just read, with the district the
   * stored item records: placed as that group without reading it again. Built only from stored
   * items, never from ids in the request.
   */
  | { type: 'loaded-group'; groupId: string; districtId: string }
  /** The group's district only: for what group admins must not manage (e.g. group-admin invites). */
  | { type: 'district-of-group'; id: string }
  | { type: 'school'; id: string }
  | { type: 'teacher'; id: string };

/**
 * Who manages an invite: a teacher invite whoever manages the teacher's school; a group-admin
 * invite the group's district only (no group scope reaches it).
 */
export const inviteScope = (target: InviteTarget): ScopeTarget =>
  target.role === 'teacher' ? { type: 'teacher', id: target.teacherId } : { type: 'district-of-group', id: target.groupId };
