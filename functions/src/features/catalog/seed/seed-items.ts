import { keys } from '../../../db/keys';
import { searchKeys } from '../domain/search/search-document';
import type { SeedData } from './seed-data';

/** Turns seed data into table items (with their keys), in a deterministic order. */
export function catalogItems(data: SeedData): Array<Record<string, unknown>> {
  const schoolById = new Map(data.schools.map((s) => [s.id, s]));
  const districtById = new Map(data.districts.map((d) => [d.id, d]));
  const groupById = new Map(data.groups.map((g) => [g.id, g]));

  const districts = data.districts.map((d) => ({ ...keys.district(d.id), ...keys.districtIndex(d.id), kind: 'district', ...d }));
  const groups = data.groups.map(({ type, ...g }) => ({
    ...keys.group(g.id),
    ...keys.groupInDistrict(g.districtId, g.id),
    kind: 'group',
    groupType: type,
    ...g,
  }));
  const schools = data.schools.map(({ campuses: _campuses, ...s }) => {
    const district = districtById.get(s.districtId);
    if (!district) throw new Error(`school ${s.id} names an unknown district`);
    // Search keys are computed once, here, when the school is written (SchoolItem.search).
    return { ...keys.school(s.id), ...keys.schoolInDistrict(s.districtId, s.id), kind: 'school', ...s, search: searchKeys(s, district) };
  });
  const campuses = data.schools.flatMap((s) =>
    s.campuses.map((c) => ({ ...keys.campus(s.id, c.id), kind: 'campus', schoolId: s.id, ...c })),
  );
  const memberships = data.memberships.map((m) => {
    const school = schoolById.get(m.schoolId);
    const group = groupById.get(m.groupId);
    if (!school || !group) throw new Error(`membership ${m.groupId}/${m.schoolId} names an unknown group or school`);
    return {
      ...keys.membership(group.id, school.id, group.districtId),
      kind: 'membership',
      groupId: group.id,
      groupName: group.name,
      groupType: group.type,
      schoolId: school.id,
      schoolName: school.name,
      stage: school.stage,
      role: m.role,
      districtId: group.districtId,
    };
  });
  return [...districts, ...groups, ...schools, ...campuses, ...memberships];
}
