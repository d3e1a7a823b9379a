import type { AdminGroup, AdminMembership, AdminSchool } from '../../../../shared';

/** In force in `term`: from `fromTerm` (absent: always) up to, not including, `untilTerm`. */
export const inForce = (m: AdminMembership, term: string) =>
  (m.fromTerm === null || m.fromTerm <= term) && (m.untilTerm === null || term < m.untilTerm);

export const membersOf = (memberships: AdminMembership[], groupId: string, term: string) =>
  memberships.filter((m) => m.groupId === groupId && inForce(m, term));

export const groupsOfSchool = (memberships: AdminMembership[], schoolId: string, term: string) =>
  memberships.filter((m) => m.schoolId === schoolId && inForce(m, term));

/** The lead school's name, or 共同发起 for a partnership of equals. */
export function leadLabel(group: AdminGroup, schools: AdminSchool[]): string {
  if (group.leadSchoolId === null) return '共同发起';
  return `牵头校：${schools.find((s) => s.id === group.leadSchoolId)?.name ?? group.leadSchoolId}`;
}

/** Whole names first, then by pinyin order. */
export const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name, 'zh-CN');
