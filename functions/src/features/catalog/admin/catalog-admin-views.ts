import type { AdminGroup, AdminMembership, AdminSchool } from '../../../../../shared';
import type { CampusItem, GroupItem, MembershipItem, SchoolItem } from '../catalog-items';
import { byChineseName } from '../domain/ordering';

/** The admin's view of stored items: every optional field present, null when not set. */
export function adminSchool(school: SchoolItem, campuses: CampusItem[], families: number | null): AdminSchool {
  return {
    id: school.id,
    districtId: school.districtId,
    name: school.name,
    stage: school.stage,
    aliases: school.aliases ?? [],
    address: school.address ?? null,
    location: school.location ?? null,
    phone: school.phone ?? null,
    intro: school.intro ?? null,
    students: school.students ?? null,
    families,
    campuses: campuses.map((c) => ({ id: c.id, name: c.name, address: c.address ?? null })).sort(byChineseName),
    version: school.version ?? 0,
    archivedAt: school.archivedAt ?? null,
  };
}

export function adminGroup(group: GroupItem): AdminGroup {
  return {
    id: group.id,
    districtId: group.districtId,
    name: group.name,
    type: group.groupType,
    leadSchoolId: group.leadSchoolId,
    partners: group.partners ?? [],
    version: group.version ?? 0,
    archivedAt: group.archivedAt ?? null,
  };
}

/** Periods by group, school, then start (undated first): the history reads in order. */
export function adminMemberships(periods: MembershipItem[]): AdminMembership[] {
  return periods
    .map((p) => ({
      groupId: p.groupId,
      groupName: p.groupName,
      schoolId: p.schoolId,
      schoolName: p.schoolName,
      role: p.role,
      fromTerm: p.fromTerm ?? null,
      untilTerm: p.untilTerm ?? null,
    }))
    .sort(
      (a, b) =>
        a.groupId.localeCompare(b.groupId) || a.schoolId.localeCompare(b.schoolId) || (a.fromTerm ?? '').localeCompare(b.fromTerm ?? ''),
    );
}
