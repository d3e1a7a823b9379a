import type { Question } from '../../../../shared';
import { loadLpEngine, type LpEngine } from '../../../src/features/surveys/domain/disclosure/lp-engine';
import { planSuppression } from '../../../src/features/surveys/domain/disclosure/plan-suppression';
import type { SurveyItem } from '../../../src/features/surveys/survey-items';
import { surveyResults } from '../../../src/features/surveys/survey-results';
import { countersFrom, tableOf, type Catalogue } from './disclosure/fixtures';

/** Multiple choice in the published results: n and suppression count respondents, not ticks (issue 11 §4). */
describe('published multiple-choice results', () => {
  let engine: LpEngine;
  beforeAll(async () => {
    engine = await loadLpEngine();
  });

  const activities: Question = {
    id: 'q1',
    type: 'multiple',
    title: '孩子参加过哪些集团活动',
    options: ['a', 'b', 'c', 'd'].map((id) => ({ id, label: id })),
    min: 0,
    max: 4,
    required: true,
  };
  const catalogue: Catalogue = { districtId: 'd', schoolIds: ['s1', 's2'], groups: [] };
  const survey = (minN: number): SurveyItem => ({
    kind: 'survey',
    id: 'sv-mc',
    definition: {
      title: 't',
      description: '',
      audience: { districtId: 'd', groupIds: [], schoolIds: ['s1', 's2'], respondents: ['parent'] },
      opensAt: '2026-11-01T00:00:00Z',
      closesAt: '2026-12-01T00:00:00Z',
      anonymous: true,
      questions: [activities],
    },
    districtId: 'd',
    shards: 1,
    minN,
    createdAt: '2026-11-01T00:00:00Z',
    createdBy: 'test',
  });
  const audience = { schools: ['s1', 's2'].map((id) => ({ id, name: id, groupIds: [] })), groups: [] };
  // s1: 4 respondents ticking 3 options each (12 ticks); s2: 20 respondents ticking one.
  const counts = countersFrom(
    [activities],
    new Map([
      ['s1', Array.from({ length: 4 }, () => ({ q1: { choices: ['a', 'b', 'c'] } }))],
      ['s2', Array.from({ length: 20 }, () => ({ q1: { choices: ['d'] } }))],
    ]),
  );
  const publish = (minN: number) => {
    const plan = planSuppression(tableOf(catalogue, [activities], counts), minN, engine);
    return surveyResults(survey(minN), audience, counts, new Map(), 'd', {
      hidden: plan.hidden,
      snapshot: { version: 1, takenAt: '2026-11-20T00:00:00Z', responses: null },
      audit: { passed: true, shownCells: 0, hiddenCells: plan.hidden.size, sensitiveCells: 0, determined: 0 },
    });
  };
  const cell = (results: ReturnType<typeof publish>, id: string) => results.units.find((u) => u.id === id)!.questions.q1;

  it('hides 4 respondents ticking 3 options each at minN 10 (12 ticks are not 12 people)', () => {
    // Act
    const results = publish(10);
    // Assess
    expect(cell(results, 's1')).toEqual({ suppressed: true, label: '样本不足' });
  });

  it('reports n as the respondents who answered, beside the ticks per option', () => {
    // Act
    const results = publish(2);
    // Assess
    expect(cell(results, 's1')).toMatchObject({ suppressed: false, type: 'multiple', n: 4, distribution: { a: 4, b: 4, c: 4, d: 0 } });
    expect(cell(results, 'd')).toMatchObject({ suppressed: false, n: 24 });
  });
});
