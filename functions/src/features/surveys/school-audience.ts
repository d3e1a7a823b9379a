import type { TermId } from '../../../../shared';
import { inAudience, type AudienceOf } from './survey-audience';

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
 * audienceIn's rule (inAudience) for the one school an answer names: the school must exist and
 * be of the survey's district, and only its own periods of that district count (as the
 * district's membership index holds them).
 */
export function schoolInAudience(place: SchoolPlace, survey: AudienceOf): boolean {
  const { school } = place;
  const { districtId } = survey.definition.audience;
  if (!school || school.districtId !== districtId) return false;
  return inAudience(
    school,
    place.periods.filter((p) => p.schoolId === school.id && p.districtId === districtId),
    survey,
  );
}
