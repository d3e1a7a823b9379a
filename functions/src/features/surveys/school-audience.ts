import { inForce, type TermId } from '../../../../shared';
import { surveyTerm, type AudienceOf } from './survey-audience';

/**
 * What deciding whether ONE school is in a survey's audience needs of the catalogue: the school
 * item (null if there is none) and, for a survey of groups, that school's membership periods.
 * An answer names one school, so it reads these instead of the whole district (audienceIn).
 */
export interface SchoolPlace {
  school: { id: string; districtId: string; archivedAt?: string } | null;
  /** Every period of the school, in force or not; read only when periodsNeeded(survey). */
  periods: ReadonlyArray<{ groupId: string; schoolId: string; districtId: string; fromTerm?: TermId; untilTerm?: TermId }>;
}

/** Only a survey of groups that lists no schools decides by membership. */
export const periodsNeeded = (survey: AudienceOf): boolean =>
  survey.definition.audience.schoolIds.length === 0 && survey.definition.audience.groupIds.length > 0;

/**
 * The rule of audienceIn for one school, with the same answer: the school is of the survey's
 * district and was not archived before the survey was made; then it is listed, else a member
 * in the survey's term of a listed group (a period of that district, as the district's
 * membership index holds), else the survey is the whole district's.
 */
export function schoolInAudience(place: SchoolPlace, survey: AudienceOf): boolean {
  const { audience } = survey.definition;
  const { school } = place;
  if (!school || school.districtId !== audience.districtId) return false;
  if (school.archivedAt !== undefined && school.archivedAt <= survey.createdAt) return false;
  if (audience.schoolIds.length > 0) return audience.schoolIds.includes(school.id);
  if (audience.groupIds.length === 0) return true;
  const term = surveyTerm(survey);
  return place.periods.some(
    (p) => p.schoolId === school.id && p.districtId === audience.districtId && audience.groupIds.includes(p.groupId) && inForce(p, term),
  );
}
