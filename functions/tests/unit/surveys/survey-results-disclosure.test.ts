import type { Answer, Question, QuestionResult, SurveyResults } from '../../../../shared';
import { auditPublication } from '../../../src/features/surveys/domain/disclosure/audit';
import { loadLpEngine, type LpEngine } from '../../../src/features/surveys/domain/disclosure/lp-engine';
import { planSuppression } from '../../../src/features/surveys/domain/disclosure/plan-suppression';
import type { SurveyItem } from '../../../src/features/surveys/survey-items';
import { publishedTexts, surveyResults } from '../../../src/features/surveys/survey-results';
import { attack, breaks } from './disclosure/attacker';
import { countersFrom, tableOf, type Catalogue } from './disclosure/fixtures';

/**
 * What the results publish for NPS and choice questions (promoters, passives, detractors, the
 * distribution per option) is covered by the disclosure audit: a reader who subtracts the shown
 * schools' figures from the district's recovers a small school's answers under a rule that hides
 * only the small school, and recovers nothing from the audited plan.
 */
describe('published NPS and choice figures against subtraction', () => {
  let engine: LpEngine;
  beforeAll(async () => {
    engine = await loadLpEngine();
  });

  const questions: Question[] = [
    { id: 'q1', type: 'nps', title: '您有多大可能向亲友推荐本校', required: true },
    {
      id: 'q2',
      type: 'single',
      title: '孩子每天怎么上学',
      required: true,
      options: [
        { id: 'walk', label: '步行' },
        { id: 'bus', label: '公交' },
        { id: 'car', label: '私家车' },
      ],
    },
  ];
  const catalogue: Catalogue = { districtId: 'd', schoolIds: ['a', 'b', 'c'], groups: [] };
  const survey: SurveyItem = {
    kind: 'survey',
    id: 'sv-nps',
    definition: {
      title: 't',
      description: '',
      audience: { districtId: 'd', groupIds: [], schoolIds: catalogue.schoolIds, respondents: ['parent'] },
      opensAt: '2026-11-01T00:00:00Z',
      closesAt: '2026-12-01T00:00:00Z',
      anonymous: true,
      questions,
    },
    districtId: 'd',
    shards: 1,
    minN: 10,
    createdAt: '2026-11-01T00:00:00Z',
    createdBy: 'test',
  };
  const audience = { schools: catalogue.schoolIds.map((id) => ({ id, name: id, groupIds: [] })), groups: [] };
  const sheet = (nps: number, way: string): Record<string, Answer> => ({ q1: { nps }, q2: { choice: way } });
  const cycle = (n: number, scores: number[], ways: string[]) =>
    Array.from({ length: n }, (_, i) => sheet(scores[i % scores.length], ways[i % ways.length]));
  // a: 3 parents (two promoters, one detractor); b: 20; c: 12. minN 10.
  const sheets = new Map([
    ['a', [sheet(10, 'car'), sheet(10, 'car'), sheet(0, 'walk')]],
    ['b', cycle(20, [0, 5, 7, 9, 10], ['walk', 'bus'])],
    ['c', cycle(12, [0, 8, 10], ['walk', 'bus', 'car'])],
  ]);
  const counts = countersFrom(questions, sheets);
  const table = tableOf(catalogue, questions, counts);
  const publish = (hidden: ReadonlySet<string>, withCounts = counts) =>
    surveyResults(survey, audience, withCounts, new Map(), 'd', {
      hidden,
      snapshot: { version: 1, takenAt: '2026-11-20T00:00:00Z', responses: null },
      audit: { passed: true, shownCells: 0, hiddenCells: hidden.size, sensitiveCells: 0, determined: 0 },
    });
  /** The reader's subtraction: district − every other school, from the published JSON; null if an operand is 样本不足. */
  const subtract = (results: SurveyResults, read: (q: QuestionResult) => number, qid: string, target: string): number | null => {
    const value = (id: string) => {
      const cell = results.units.find((u) => u.id === id)!.questions[qid];
      return cell.suppressed ? null : read(cell);
    };
    const parts = ['d', ...catalogue.schoolIds.filter((s) => s !== target)].map(value);
    if (parts.some((p) => p === null)) return null;
    return parts[0]! - parts.slice(1).reduce((s, p) => s! + p!, 0)!;
  };
  const promoters = (q: QuestionResult) => (q.type === 'nps' ? q.nps.promoters : NaN);
  const detractors = (q: QuestionResult) => (q.type === 'nps' ? q.nps.detractors : NaN);
  const cars = (q: QuestionResult) => (q.type === 'single' ? q.distribution.car : NaN);

  it('publishes promoters, passives, detractors and the score, and each option’s count', () => {
    // Act
    const results = publish(planSuppression(table, 10, engine).hidden);
    const district = results.units.find((u) => u.id === 'd')!;

    // Assess: district = 35 answers; promoters 2 + 8 + 4, passives 4 + 4, detractors 1 + 12 + 4.
    expect(district.questions.q1).toMatchObject({
      suppressed: false,
      type: 'nps',
      nps: { n: 35, promoters: 14, passives: 4 + 4, detractors: 13, nps: 2.9 },
    });
    expect(district.questions.q2).toMatchObject({
      suppressed: false,
      type: 'single',
      n: 35,
      distribution: { walk: 1 + 10 + 4, bus: 10 + 4, car: 2 + 4 },
    });
  });

  it('lets a reader subtract a small school’s promoters when only that school is hidden', () => {
    // Prepare: the rule of one cell at a time, hiding a alone.
    const naive = new Set(['school:a|q1', 'school:a|q2', 'school:a|responses']);

    // Act
    const results = publish(naive);

    // Assess: district − b − c gives a's two promoters, one detractor and two 私家车.
    expect(subtract(results, promoters, 'q1', 'a')).toBe(2);
    expect(subtract(results, detractors, 'q1', 'a')).toBe(1);
    expect(subtract(results, cars, 'q2', 'a')).toBe(2);
    expect(auditPublication(table, naive, 10, engine).findings.map((f) => f.target)).toEqual(
      expect.arrayContaining(['q1:promoters', 'q1:detractors', 'q2#car']),
    );
  });

  it('leaves nothing to subtract from the audited plan, for the audit and an independent attacker', async () => {
    // Prepare
    const plan = planSuppression(table, 10, engine);

    // Act
    const results = publish(plan.hidden);
    const attacks = await attack(table, plan.hidden, 10);

    // Assess: an operand is 样本不足, the integer attacker pins no promoter count, and the audit tried them.
    expect(subtract(results, promoters, 'q1', 'a')).toBeNull();
    expect(subtract(results, cars, 'q2', 'a')).toBeNull();
    expect(attacks.filter((a) => a.target === 'q1:promoters')).not.toHaveLength(0);
    expect(attacks.filter((a) => breaks(a, 10))).toEqual([]);
    expect(auditPublication(table, plan.hidden, 10, engine).passed).toBe(true);
  });

  it('publishes the same page for a table where a’s promoter and its complement’s detractor swap places', () => {
    // Prepare: the plan's other hidden school; move one 10 from a to it and one 0 back.
    const plan = planSuppression(table, 10, engine);
    const complement = ['b', 'c'].find((s) => plan.hidden.has(`school:${s}|q1`))!;
    const swapped = new Map([...counts].map(([s, c]) => [s, new Map(c)]));
    const move = (school: string, counter: string, by: number) =>
      swapped.get(school)!.set(counter, (swapped.get(school)!.get(counter) ?? 0) + by);
    move('a', 'q1#10', -1);
    move('a', 'q1#0', +1);
    move(complement, 'q1#10', +1);
    move(complement, 'q1#0', -1);

    // Act
    const truth = publish(plan.hidden);
    const other = publish(plan.hidden, swapped);

    // Assess: a reader sees the same page whether a has 2 promoters or 1.
    expect(complement).toBeDefined();
    expect(JSON.stringify(other)).toBe(JSON.stringify(truth));
  });
});

describe('published free texts', () => {
  const questions: Question[] = [
    { id: 'q1', type: 'nps', title: 'n', required: true },
    { id: 'q7', type: 'text', title: '意见建议', required: false },
  ];

  it('publishes only visible texts, sorted by their text, never held or rejected ones', () => {
    // Prepare
    const texts = [
      { questionId: 'q7', text: '乙：希望增加体育课', status: 'visible' as const },
      { questionId: 'q7', text: '丙：待审核', status: 'held' as const },
      { questionId: 'q7', text: '丁：已拒绝', status: 'rejected' as const },
      { questionId: 'q7', text: '甲：老师们辛苦了', status: 'visible' as const },
    ];

    // Act
    const published = publishedTexts(questions, texts, true);

    // Assess: the order is the texts', not their arrival.
    expect(published).toEqual({ q7: { suppressed: false, items: ['乙：希望增加体育课', '甲：老师们辛苦了'].sort() } });
  });

  it('shows 样本不足 for every text question while the district’s response count is hidden', () => {
    // Act
    const published = publishedTexts(questions, [{ questionId: 'q7', text: '建议', status: 'visible' }], false);

    // Assess
    expect(published).toEqual({ q7: { suppressed: true, label: '样本不足' } });
  });
});
