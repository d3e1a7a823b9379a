import type { InviteTarget, Role, ScopeType } from '../../../../shared';

/** Stored shapes (keys omitted). No openid anywhere: users are keyed by their pseudonym. */
export type GrantItem = {
  kind: 'grant';
  role: Role;
  scopeType: ScopeType;
  scopeId: string;
  scopeName: string;
  grantedAt: string;
  /** 'cli', 'invite:<id>' or 'dev-login'. */
  grantedVia: string;
};
export type SchoolBindingItem = { kind: 'school-binding'; schoolId: string; name: string; districtId: string; boundAt: string };
export type TeacherBindingItem = {
  kind: 'teacher-binding';
  teacherId: string;
  name: string;
  schoolId: string;
  schoolName: string;
  boundAt: string;
};
export type SessionItem = {
  kind: 'session';
  sessionId: string;
  createdAt: string;
  expiresAt: number;
  /**
   * WeChat logins only, and only for the session's 2 hours (TTL): content security
   * (msgSecCheck v2) must name the user who wrote a text. Deleted on logout and DELETE /api/me.
   */
  openid?: string;
};
export type UserItem = GrantItem | SchoolBindingItem | TeacherBindingItem | SessionItem;

export type TeacherItem = {
  kind: 'teacher';
  id: string;
  name: string;
  schoolId: string;
  subject?: string;
  /** The pseudonymous user bound through an invite, if any. */
  boundUserKey?: string;
  createdAt: string;
};

export type InviteStatus = 'active' | 'used' | 'revoked';
export type InviteItem = {
  kind: 'invite';
  id: string;
  target: InviteTarget;
  status: InviteStatus;
  /** ISO time; compared as a string, which orders correctly for ISO UTC timestamps. */
  expiresAt: string;
  createdAt: string;
  createdBy: string;
};
