import { createHash } from 'node:crypto';
import type { DistrictItem, GroupItem, MembershipItem, SchoolItem } from '../catalog-items';

/**
 * What a preview was made on: a digest of the district's version and of every group's and
 * school's id and version and every membership period. An apply that names the basis of its
 * preview is refused (409 CONFLICT 请刷新后重试) when anything an admin can edit has changed
 * since, so an import never silently undoes an edit made between its preview and its apply
 * (docs/catalogue.md "Import and export").
 */
export function catalogBasis(catalog: {
  district: Pick<DistrictItem, 'version'>;
  schools: Array<Pick<SchoolItem, 'id' | 'version'>>;
  groups: Array<Pick<GroupItem, 'id' | 'version'>>;
  periods: Array<Pick<MembershipItem, 'groupId' | 'schoolId' | 'role' | 'fromTerm' | 'untilTerm'>>;
}): string {
  const lines = [
    `district:${catalog.district.version ?? 0}`,
    ...catalog.schools.map((s) => `school:${s.id}:${s.version ?? 0}`),
    ...catalog.groups.map((g) => `group:${g.id}:${g.version ?? 0}`),
    ...catalog.periods.map((p) => `period:${p.groupId}:${p.schoolId}:${p.role}:${p.fromTerm ?? ''}:${p.untilTerm ?? ''}`),
  ].sort();
  return createHash('sha256').update(lines.join('\n')).digest('base64url').slice(0, 22);
}
