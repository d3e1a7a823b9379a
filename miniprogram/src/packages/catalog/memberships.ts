import type { AdminGroup, AdminMembership, AdminSchool } from '../../../../shared';
import { isPartnership } from '../../components/tag/group-types';

/** In force in `term`: from `fromTerm` (absent: always) up to, not including, `untilTerm`. */
export const inForce = (m: AdminMembership, term: string) =>
  (m.fromTerm === null || m.fromTerm <= term) && (m.untilTerm === null || term < m.untilTerm);

export const membersOf = (memberships: AdminMembership[], groupId: string, term: string) =>
  memberships.filter((m) => m.groupId === groupId && inForce(m, term));

export const groupsOfSchool = (memberships: AdminMembership[], schoolId: string, term: string) =>
  memberships.filter((m) => m.schoolId === schoolId && inForce(m, term));

/**
 * The lead school's name, 共同发起 for an alliance of equals, and for a 跨学段合作式 group its
 * 合作双方 (no school leads one, whatever was stored as its lead).
 */
export function leadLabel(group: AdminGroup, schools: AdminSchool[], memberships: AdminMembership[] = [], term?: string): string {
  if (isPartnership(group.type)) {
    const names = (term ? membersOf(memberships, group.id, term) : memberships.filter((m) => m.groupId === group.id)).map(
      (m) => m.schoolName || (schools.find((s) => s.id === m.schoolId)?.name ?? m.schoolId),
    );
    return names.length ? `合作双方：${names.join('、')}` : '合作双方';
  }
  if (group.leadSchoolId === null) return '共同发起';
  return `牵头校：${schools.find((s) => s.id === group.leadSchoolId)?.name ?? group.leadSchoolId}`;
}

/** Whole names first, then by pinyin order. */
export const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name, 'zh-CN');
