import { inForce, termOf, type TermId } from '../../../../shared';
import type { CatalogRepository } from '../catalog/catalog-repository';
import type { SurveyItem } from './survey-items';

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

/** What resolving an audience needs of its district: its schools and every membership period. */
export interface DistrictMembers {
  schools: Array<{ id: string; name: string; archivedAt?: string }>;
  /** All periods, in force or not: each survey keeps those of its own term (audienceIn). */
  memberships: Array<{ groupId: string; groupName: string; schoolId: string; fromTerm?: TermId; untilTerm?: TermId }>;
}

/** What an audience is resolved for: the survey's audience, its term and when it was made. */
export type AudienceOf = Pick<SurveyItem, 'definition' | 'term' | 'createdAt'>;

/**
 * The term whose membership a survey's audience and results use: stored when the survey is made
 * (the term it opens in); surveys made before terms were kept derive it from their opening.
 */
export const surveyTerm = (survey: Pick<SurveyItem, 'definition' | 'term'>): TermId => survey.term ?? termOf(survey.definition.opensAt);

/** A district's schools and membership periods, read once (two queries) for any number of surveys in it. */
export async function readDistrictMembers(catalog: CatalogRepository, districtId: string): Promise<DistrictMembers> {
  const [schools, memberships] = await Promise.all([catalog.listSchoolsOfDistrict(districtId), catalog.allPeriodsOfDistrict(districtId)]);
  return { schools, memberships };
}

/**
 * The schools a survey is for: the listed schools, else the members of the listed groups in the
 * survey's term, else every school of the district; and the groups whose totals are reported,
 * with their members of that term. A school that moves later stays under the group it was in,
 * and a school archived before the survey was made is not in it (one archived later still is).
 */
export function audienceIn(district: DistrictMembers, survey: AudienceOf): Audience {
  const { audience } = survey.definition;
  const term = surveyTerm(survey);
  const schools = district.schools.filter((s) => s.archivedAt === undefined || s.archivedAt > survey.createdAt);
  const memberships = district.memberships.filter((m) => inForce(m, term));
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
export async function resolveAudience(catalog: CatalogRepository, survey: AudienceOf): Promise<Audience> {
  return audienceIn(await readDistrictMembers(catalog, survey.definition.audience.districtId), survey);
}
