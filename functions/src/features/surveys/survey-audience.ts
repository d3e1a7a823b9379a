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
 * Whether one school of the survey's district is in its audience: not archived before the survey
 * was made (one archived later still is); then listed, else — for a survey of groups — a member
 * in the survey's term of a listed group (`periods`: the school's own), else the survey is the
 * whole district's. The one rule: audienceIn applies it to every school of a district, an answer
 * to the school it names (school-audience.ts).
 */
export function inAudience(
  school: { id: string; archivedAt?: string },
  periods: ReadonlyArray<{ groupId: string; fromTerm?: TermId; untilTerm?: TermId }>,
  survey: AudienceOf,
): boolean {
  const { audience } = survey.definition;
  if (school.archivedAt !== undefined && school.archivedAt <= survey.createdAt) return false;
  if (audience.schoolIds.length > 0) return audience.schoolIds.includes(school.id);
  if (audience.groupIds.length === 0) return true;
  const term = surveyTerm(survey);
  return periods.some((p) => audience.groupIds.includes(p.groupId) && inForce(p, term));
}

/**
 * The schools a survey is for (inAudience), and the groups whose totals are reported, with their
 * members of the survey's term. A school that moves later stays under the group it was in.
 */
export function audienceIn(district: DistrictMembers, survey: AudienceOf): Audience {
  const groupFilter = new Set(survey.definition.audience.groupIds);
  const inTerm = district.memberships.filter((m) => inForce(m, surveyTerm(survey)));
  const periodsOf = new Map<string, DistrictMembers['memberships']>();
  for (const m of inTerm) periodsOf.set(m.schoolId, [...(periodsOf.get(m.schoolId) ?? []), m]);
  const schools = district.schools.filter((s) => inAudience(s, periodsOf.get(s.id) ?? [], survey));
  const schoolIds = new Set(schools.map((s) => s.id));
  const groups = new Map<string, { id: string; name: string; schoolIds: string[] }>();
  for (const m of inTerm) {
    if (!schoolIds.has(m.schoolId) || (groupFilter.size > 0 && !groupFilter.has(m.groupId))) continue;
    const group = groups.get(m.groupId) ?? { id: m.groupId, name: m.groupName, schoolIds: [] };
    group.schoolIds.push(m.schoolId);
    groups.set(m.groupId, group);
  }
  return {
    schools: schools.map((s) => ({
      id: s.id,
      name: s.name,
      groupIds: [...groups.values()].filter((g) => g.schoolIds.includes(s.id)).map((g) => g.id),
    })),
    groups: [...groups.values()],
  };
}

/** One survey's audience, read from the catalogue. */
export async function resolveAudience(catalog: CatalogRepository, survey: AudienceOf): Promise<Audience> {
  return audienceIn(await readDistrictMembers(catalog, survey.definition.audience.districtId), survey);
}
