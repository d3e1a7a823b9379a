import { catalogItem } from '../catalog-item-builders';
import type { SeedData } from './seed-data';

/** Turns seed data into table items (with their keys), in a deterministic order. */
export function catalogItems(data: SeedData): Array<Record<string, unknown>> {
  const schoolById = new Map(data.schools.map((s) => [s.id, s]));
  const districtById = new Map(data.districts.map((d) => [d.id, d]));
  const groupById = new Map(data.groups.map((g) => [g.id, { ...g, groupType: g.type }]));

  const districts = data.districts.map((d) => catalogItem.district(d));
  const groups = data.groups.map(({ type, ...g }) => catalogItem.group({ ...g, groupType: type }));
  const schools = data.schools.map(({ campuses: _campuses, ...s }) => {
    const district = districtById.get(s.districtId);
    if (!district) throw new Error(`school ${s.id} names an unknown district`);
    return catalogItem.school(s, district);
  });
  const campuses = data.schools.flatMap((s) => s.campuses.map((c) => catalogItem.campus({ schoolId: s.id, ...c })));
  const memberships = data.memberships.map((m) => {
    const school = schoolById.get(m.schoolId);
    const group = groupById.get(m.groupId);
    if (!school || !group) throw new Error(`membership ${m.groupId}/${m.schoolId} names an unknown group or school`);
    return catalogItem.membership(group, school, m.role);
  });
  return [...districts, ...groups, ...schools, ...campuses, ...memberships];
}
