import type { SurveyDefinition } from '../../../../shared';
import { audienceIn, inAudience, type AudienceOf } from '../../../src/features/surveys/survey-audience';

/** audienceIn and an answer's one-school check share inAudience; this pins the rule itself. */
const MADE = '2026-03-01T00:00:00.000Z';

function survey(groupIds: string[], schoolIds: string[]): AudienceOf {
  const audience: SurveyDefinition['audience'] = { districtId: 'd1', groupIds, schoolIds, respondents: ['parent'] };
  return { definition: { audience, opensAt: MADE } as SurveyDefinition, term: '2026-1', createdAt: MADE };
}

const district = {
  schools: [
    { id: 'open', name: '开放小学' },
    { id: 'archived-before', name: '早撤小学', archivedAt: '2026-02-01T00:00:00.000Z' },
    { id: 'archived-after', name: '晚撤小学', archivedAt: '2026-04-01T00:00:00.000Z' },
    { id: 'moved-in', name: '新入小学' },
  ],
  memberships: [
    { groupId: 'g1', groupName: '一集团', schoolId: 'open' },
    { groupId: 'g1', groupName: '一集团', schoolId: 'archived-after' },
    // In g1 only from the next term: not a member in the survey's term.
    { groupId: 'g1', groupName: '一集团', schoolId: 'moved-in', fromTerm: '2026-2' as const },
    { groupId: 'g2', groupName: '二集团', schoolId: 'moved-in' },
  ],
};

describe('who a survey is for (inAudience, audienceIn)', () => {
  it('leaves out a school archived before the survey was made, and keeps one archived later', () => {
    // Prepare
    const whole = survey([], []);
    // Act
    const ids = audienceIn(district, whole).schools.map((s) => s.id);
    // Assess
    expect(ids).toEqual(['open', 'archived-after', 'moved-in']);
    expect(inAudience(district.schools[1], [], whole)).toBe(false);
  });

  it('takes only the listed schools when a survey lists them, whatever their groups', () => {
    // Act
    const ids = audienceIn(district, survey(['g1'], ['moved-in'])).schools.map((s) => s.id);
    // Assess
    expect(ids).toEqual(['moved-in']);
  });

  it('takes a group’s members of the survey’s term, and reports each school under that group', () => {
    // Act
    const audience = audienceIn(district, survey(['g1'], []));
    // Assess
    expect(audience.schools.map((s) => [s.id, s.groupIds])).toEqual([
      ['open', ['g1']],
      ['archived-after', ['g1']],
    ]);
    expect(audience.groups).toEqual([{ id: 'g1', name: '一集团', schoolIds: ['open', 'archived-after'] }]);
  });

  it('counts a school’s own period only when it is in force in the survey’s term', () => {
    // Prepare: the periods an answer reads for its school, in force or not.
    const periods = district.memberships.filter((m) => m.schoolId === 'moved-in');
    // Act
    const inG1 = inAudience({ id: 'moved-in' }, periods, survey(['g1'], []));
    const inG2 = inAudience({ id: 'moved-in' }, periods, survey(['g2'], []));
    // Assess
    expect([inG1, inG2]).toEqual([false, true]);
  });
});
