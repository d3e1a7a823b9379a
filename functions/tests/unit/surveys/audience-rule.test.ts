import { audienceIssues, type DistrictPlaces } from '../../../src/features/surveys/audience-rule';

/** The audience rule on a hand-made district: groups a and b, school x in a, y in b, z in none. */
describe('audience rule', () => {
  const district: DistrictPlaces = {
    groupIds: new Set(['a', 'b']),
    schoolIds: new Set(['x', 'y', 'z']),
    memberships: [
      { groupId: 'a', schoolId: 'x' },
      { groupId: 'b', schoolId: 'y' },
    ],
  };
  const audience = (groupIds: string[], schoolIds: string[]) => ({
    districtId: 'd',
    groupIds,
    schoolIds,
    respondents: ['parent' as const],
  });
  const paths = (groupIds: string[], schoolIds: string[]) => audienceIssues(audience(groupIds, schoolIds), district).map((i) => i.path);

  it('accepts places inside each other, and a district-wide list of any of its schools', () => {
    expect(paths([], [])).toEqual([]);
    expect(paths(['a', 'b'], ['x', 'y'])).toEqual([]);
    expect(paths([], ['z', 'x'])).toEqual([]);
  });

  it('names each group outside the district, each school outside it and each school outside the groups', () => {
    expect(paths(['a', 'elsewhere'], [])).toEqual(['definition.audience.groupIds.1']);
    expect(paths([], ['x', 'far'])).toEqual(['definition.audience.schoolIds.1']);
    expect(paths(['a'], ['x', 'y', 'z'])).toEqual(['definition.audience.schoolIds.1', 'definition.audience.schoolIds.2']);
    expect(audienceIssues(audience(['a'], ['far']), district)).toEqual([
      { path: 'definition.audience.schoolIds.0', message: '学校 far 不属于区县 d' },
    ]);
  });
});
