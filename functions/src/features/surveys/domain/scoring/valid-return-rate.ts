import { LOW_RESPONSE_RATE } from './response-rate';

/**
 * Return rate on valid returns: responses with at least one scored answer (a response of only
 * 不了解 is not a return), over the school's 在校家庭数.
 *  - above 100 %: the enrolment is wrong (在校家庭数有误), so no rate is shown;
 *  - a group or district: over the schools that have an enrolment, with the coverage (how many
 *    of its schools, and their returns), never null because one school lacks it.
 */
export type ReturnRate =
  | { status: 'ok'; valid: number; families: number; rate: number; low: boolean }
  | { status: 'no-enrollment'; valid: number }
  | { status: 'enrollment-wrong'; valid: number; families: number; label: '在校家庭数有误' };

export function validReturnRate(valid: number, families: number | null): ReturnRate {
  if (families === null || families <= 0) return { status: 'no-enrollment', valid };
  if (valid > families) return { status: 'enrollment-wrong', valid, families, label: '在校家庭数有误' };
  const rate = valid / families;
  return { status: 'ok', valid, families, rate, low: rate < LOW_RESPONSE_RATE };
}

export interface AggregateReturnRate {
  rate: ReturnRate | null;
  /** Schools whose enrolment is entered and plausible, of all the unit's schools. */
  coveredSchools: number;
  schools: number;
  /** Schools left out, and why. */
  excluded: Array<{ schoolId: string; reason: 'no-enrollment' | 'enrollment-wrong' }>;
}

/** A unit's rate over its schools that have a usable enrolment:  Σ valid / Σ families over those. */
export function aggregateReturnRate(schools: Array<{ schoolId: string; valid: number; families: number | null }>): AggregateReturnRate {
  const perSchool = schools.map((s) => ({ s, rate: validReturnRate(s.valid, s.families) }));
  const usable = perSchool.filter((p) => p.rate.status === 'ok');
  const excluded = perSchool
    .filter((p) => p.rate.status !== 'ok')
    .map((p) => ({ schoolId: p.s.schoolId, reason: p.rate.status as 'no-enrollment' | 'enrollment-wrong' }));
  const valid = usable.reduce((a, p) => a + p.s.valid, 0);
  const families = usable.reduce((a, p) => a + p.s.families!, 0);
  return {
    rate: usable.length === 0 ? null : validReturnRate(valid, families),
    coveredSchools: usable.length,
    schools: schools.length,
    excluded,
  };
}
