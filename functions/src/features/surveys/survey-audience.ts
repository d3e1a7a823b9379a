import type { SurveyDefinition } from '../../../../shared';
import type { CatalogRepository } from '../catalog/catalog-repository';

export interface AudienceSchool {
  id: string;
  name: string;
  /** Groups of the audience this school belongs to. */
  groupIds: string[];
}

export interface Audience {
  schools: AudienceSchool[];
  groups: Array<{ id: string; name: string; schoolIds: string[] }>;
}

/** What resolving an audience needs of its district: its schools and its group memberships. */
export interface DistrictMembers {
  schools: Array<{ id: string; name: string }>;
  memberships: Array<{ groupId: string; groupName: string; schoolId: string }>;
}

/** A district's schools and memberships, read once (two queries) for any number of audiences in it. */
export async function readDistrictMembers(catalog: CatalogRepository, districtId: string): Promise<DistrictMembers> {
  const [schools, memberships] = await Promise.all([
    catalog.listSchoolsOfDistrict(districtId),
    catalog.listMembershipsOfDistrict(districtId),
  ]);
  return { schools, memberships };
}

/**
 * The schools a survey is for: the listed schools, else the members of the listed groups,
 * else every school of the district; and the groups whose totals are reported.
 */
export function audienceIn(district: DistrictMembers, audience: SurveyDefinition['audience']): Audience {
  const { schools, memberships } = district;
  const groupFilter = new Set(audience.groupIds);
  const relevant = memberships.filter((m) => groupFilter.size === 0 || groupFilter.has(m.groupId));
  let schoolIds = new Set(audience.schoolIds);
  if (schoolIds.size === 0)
    schoolIds = groupFilter.size === 0 ? new Set(schools.map((s) => s.id)) : new Set(relevant.map((m) => m.schoolId));
  const groups = new Map<string, { id: string; name: string; schoolIds: string[] }>();
  for (const m of relevant) {
    if (!schoolIds.has(m.schoolId)) continue;
    const group = groups.get(m.groupId) ?? { id: m.groupId, name: m.groupName, schoolIds: [] };
    group.schoolIds.push(m.schoolId);
    groups.set(m.groupId, group);
  }
  return {
    schools: schools
      .filter((s) => schoolIds.has(s.id))
      .map((s) => ({ id: s.id, name: s.name, groupIds: [...groups.values()].filter((g) => g.schoolIds.includes(s.id)).map((g) => g.id) })),
    groups: [...groups.values()],
  };
}

/** One survey's audience, read from the catalogue. */
export async function resolveAudience(catalog: CatalogRepository, audience: SurveyDefinition['audience']): Promise<Audience> {
  return audienceIn(await readDistrictMembers(catalog, audience.districtId), audience);
}
