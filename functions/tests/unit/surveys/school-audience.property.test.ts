import fc from 'fast-check';
import type { SurveyDefinition } from '../../../../shared';
import { periodsNeeded, schoolInAudience } from '../../../src/features/surveys/school-audience';
import { audienceIn, type AudienceOf } from '../../../src/features/surveys/survey-audience';

/**
 * An answer decides the audience for its one school (school-audience.ts) instead of resolving
 * the whole district (audienceIn): over generated catalogues, both must agree on every school.
 * The catalogue has two districts, schools archived before and after the survey was made,
 * schools that moved between groups from term to term, and school, group and district surveys.
 */
const DISTRICTS = ['d1', 'd2'];
const GROUPS = [
  { id: 'g1', districtId: 'd1' },
  { id: 'g2', districtId: 'd1' },
  { id: 'g3', districtId: 'd2' },
];
const SCHOOL_IDS = ['s1', 's2', 's3', 's4', 's5', 's6'];
const TERMS = ['2025-1', '2025-2', '2026-1', '2026-2'];
const MOMENTS = ['2025-10-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z', '2026-10-01T00:00:00.000Z'];

const term = fc.constantFrom(...TERMS);
const school = (id: string) =>
  fc.record(
    { id: fc.constant(id), districtId: fc.constantFrom(...DISTRICTS), archivedAt: fc.constantFrom(...MOMENTS) },
    { requiredKeys: ['id', 'districtId'] },
  );
const catalogue = fc.record({
  // Some ids have no school item at all.
  schools: fc.subarray(SCHOOL_IDS).chain((ids) => fc.tuple(...ids.map(school))),
  periods: fc.array(
    fc.record(
      { group: fc.constantFrom(...GROUPS), schoolId: fc.constantFrom(...SCHOOL_IDS), fromTerm: term, untilTerm: term },
      { requiredKeys: ['group', 'schoolId'] },
    ),
    { maxLength: 12 },
  ),
});
const survey = fc.record({
  districtId: fc.constantFrom(...DISTRICTS),
  groupIds: fc.subarray(GROUPS.map((g) => g.id)),
  schoolIds: fc.subarray(SCHOOL_IDS, { maxLength: 3 }),
  createdAt: fc.constantFrom(...MOMENTS),
  term,
});

function surveyOf(s: { districtId: string; groupIds: string[]; schoolIds: string[]; createdAt: string; term: string }): AudienceOf {
  const audience: SurveyDefinition['audience'] = {
    districtId: s.districtId,
    groupIds: s.groupIds,
    schoolIds: s.schoolIds,
    respondents: ['parent'],
  };
  return { definition: { audience, opensAt: s.createdAt } as SurveyDefinition, term: s.term, createdAt: s.createdAt };
}

describe('the audience of one school', () => {
  it('is what audienceIn says of that school, for every catalogue and survey', () => {
    fc.assert(
      fc.property(catalogue, survey, (generated, drawn) => {
        // Prepare: the catalogue as each rule reads it.
        const schools = generated.schools.map((s) => ({ ...s, name: s.id }));
        const periods = generated.periods.map(({ group, ...p }) => ({
          ...p,
          groupId: group.id,
          groupName: group.id,
          districtId: group.districtId,
        }));
        const target = surveyOf(drawn);
        const district = {
          schools: schools.filter((s) => s.districtId === drawn.districtId),
          memberships: periods.filter((p) => p.districtId === drawn.districtId),
        };
        // Act
        const inDistrict = new Set(audienceIn(district, target).schools.map((s) => s.id));
        const oneByOne = SCHOOL_IDS.filter((id) =>
          schoolInAudience(
            {
              school: schools.find((s) => s.id === id) ?? null,
              periods: periodsNeeded(target) ? periods.filter((p) => p.schoolId === id) : [],
            },
            target,
          ),
        );
        // Assess
        expect(oneByOne).toEqual(SCHOOL_IDS.filter((id) => inDistrict.has(id)));
      }),
      { numRuns: 2000 },
    );
  });

  it('needs membership periods only for a survey of groups that lists no schools', () => {
    // Prepare
    const of = (groupIds: string[], schoolIds: string[]) =>
      surveyOf({ districtId: 'd1', groupIds, schoolIds, createdAt: MOMENTS[0], term: TERMS[0] });
    // Act
    const needs = [of(['g1'], []), of(['g1'], ['s1']), of([], ['s1']), of([], [])].map(periodsNeeded);
    // Assess
    expect(needs).toEqual([true, false, false, false]);
  });
});
