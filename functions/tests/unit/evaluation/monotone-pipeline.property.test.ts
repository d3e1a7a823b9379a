import fc from 'fast-check';
import type { Answer, Question } from '../../../../shared';
import { fromDecimal, roundHalfUp, type Fixed } from '../../../src/features/evaluation/domain/exact-decimal';
import {
  completeBundledScore,
  completeWeightedScore,
  publishScore,
  rankPublished,
} from '../../../src/features/evaluation/domain/exact-scores';
import { exactSurveyIndicator } from '../../../src/features/evaluation/domain/exact-survey-indicator';
import { loadLpEngine, type LpEngine } from '../../../src/features/surveys/domain/disclosure/lp-engine';
import { planSuppression } from '../../../src/features/surveys/domain/disclosure/plan-suppression';
import { cellKey } from '../../../src/features/surveys/domain/disclosure/published-table';
import { weightedScore } from '../../../src/features/evaluation/domain/weighted-score';
import { recognisedBoxes } from '../../../src/features/surveys/domain/scoring/recognition';
import { countersFrom, tableOf, type Catalogue } from '../surveys/disclosure/fixtures';

/**
 * Issue 11 §6 from answers to ranks, through the functions the report will use:
 * answers → counters → suppression plan (audited) → 社会认可 (exact) → school total →
 * group (捆绑) → published values → ranks.
 *  (a) more unfavourable answers at one school never raise its score, its groups' scores or
 *      its rank, and never lift one of its groups above a group it is not in — also when
 *      suppression switches on;
 *  (b) a unit whose answers did not change keeps its score, or (hidden to protect another)
 *      shows none: never a different number.
 */
const MIN_N = 5;
const likert = (id: string, dimension: string): Question => ({
  id,
  type: 'likert',
  title: id,
  dimension,
  labels: ['满意', '比较满意', '基本满意', '不满意'],
  allowUnknown: true,
  satisfiedTopBoxes: 3,
  required: true,
});
const QUESTIONS = [likert('q1', '教育质量'), likert('q2', '师德师风')];
const SCHOOLS = ['a', 'b', 'c', 'd', 'e'];
const CATALOGUE: Catalogue = {
  districtId: 'd',
  schoolIds: SCHOOLS,
  groups: [
    { id: 'g1', schoolIds: ['a', 'b', 'c'] },
    { id: 'g2', schoolIds: ['c', 'd', 'e'] },
  ],
};
const ENROLMENT: Record<string, number> = { a: 600, b: 300, c: 450, d: 120, e: 200 };
const MANUAL: Record<string, number> = { a: 82.5, b: 77, c: 90, d: 68.25, e: 74 };

/** Answer values as stored: 1 = 不满意 … 4 = 满意 (the labels run from the most favourable); 0 = 不了解. */
type Sheet = number[];
const toAnswers = (s: Sheet): Record<string, Answer> =>
  Object.fromEntries(QUESTIONS.map((q, i) => [q.id, s[i] === 0 ? { unknown: true } : { likert: s[i] }]));

interface Outcome {
  schools: Map<string, Fixed | null>;
  groups: Map<string, Fixed | null>;
  schoolRanks: ReturnType<typeof rankPublished>;
  groupRanks: ReturnType<typeof rankPublished>;
}

function evaluate(engine: LpEngine, sheets: Sheet[][]): Outcome {
  const counts = countersFrom(QUESTIONS, new Map(SCHOOLS.map((s, i) => [s, sheets[i].map(toAnswers)])));
  const table = tableOf(CATALOGUE, QUESTIONS, counts);
  const plan = planSuppression(table, MIN_N, engine);
  const totals = new Map(
    SCHOOLS.map((s) => {
      const cells = QUESTIONS.map((q) => ({
        dimension: q.type === 'likert' ? q.dimension : '',
        shown: !plan.hidden.has(cellKey(`school:${s}`, q.id)),
        counts: [1, 2, 3, 4].map((v) => counts.get(s)?.get(`${q.id}#${v}`) ?? 0),
        recognisedBoxes: recognisedBoxes('strict-top-two', 4, 3),
      }));
      const recognition = exactSurveyIndicator(cells, [], 'satisfaction').value;
      return [
        s,
        completeWeightedScore([
          { id: 'recognition', kind: 'dimension', weight: 40, score: recognition },
          { id: 'other', kind: 'dimension', weight: 60, score: fromDecimal(MANUAL[s]) },
        ]),
      ] as const;
    }),
  );
  const schools = new Map(SCHOOLS.map((s) => [s, publishScore(totals.get(s)!)]));
  const groups = new Map(
    CATALOGUE.groups.map((g) => [
      g.id,
      publishScore(completeBundledScore(g.schoolIds.map((s) => ({ schoolId: s, enrollment: ENROLMENT[s], score: totals.get(s)!.value })))),
    ]),
  );
  const ranks = (m: Map<string, Fixed | null>) => rankPublished([...m].map(([id, published]) => ({ id, published })));
  return { schools, groups, schoolRanks: ranks(schools), groupRanks: ranks(groups) };
}

/** after is no higher than before; 数据不完整 (null) is below every score. */
const notRaised = (before: Fixed | null, after: Fixed | null) => after === null || (before !== null && after.scaled <= before.scaled);
/** An unchanged unit never shows a different number; it may be hidden, or shown again, as a complement of another. */
const keptOrHidden = (before: Fixed | null, after: Fixed | null) => after === null || before === null || after.scaled === before.scaled;

const sheet = fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }));
const RUNS = 200;
const scenario = fc.record({
  sheets: fc.tuple(...SCHOOLS.map(() => fc.array(sheet, { minLength: 2, maxLength: 12 }))),
  school: fc.nat({ max: SCHOOLS.length - 1 }),
  worsen: fc.array(fc.tuple(fc.nat(), fc.nat({ max: 1 }), fc.nat()), { minLength: 1, maxLength: 8 }),
});

describe('scores only move the right way, from answers to ranks', () => {
  it('(a) worse answers never raise a score or a rank; (b) unchanged units keep their score or show none', async () => {
    const engine = await loadLpEngine();
    const seen = { runs: 0, changedScores: 0, switchedOff: 0, rankingsCompared: 0 };
    fc.assert(
      fc.property(scenario, ({ sheets, school, worsen }) => {
        // Prepare: lower some answers at one school (v → a value below it), or withdraw a 满意
        // into 不了解 (lowers both measures, and n, so suppression can switch on).
        const worse = sheets.map((list) => list.map((s) => [...s] as Sheet));
        for (const [row, question, to] of worsen) {
          const s = worse[school][row % worse[school].length];
          if (s[question] === 4 && to % 3 === 0) s[question] = 0;
          else if (s[question] > 1) s[question] = 1 + (to % (s[question] - 1));
        }
        const id = SCHOOLS[school];

        // Act
        const before = evaluate(engine, sheets);
        const after = evaluate(engine, worse);

        // Assess (a): the school, its groups, and their ranks when both rankings are published.
        expect(notRaised(before.schools.get(id)!, after.schools.get(id)!)).toBe(true);
        const itsGroups = CATALOGUE.groups.filter((g) => g.schoolIds.includes(id)).map((g) => g.id);
        for (const g of itsGroups) expect(notRaised(before.groups.get(g)!, after.groups.get(g)!)).toBe(true);
        if (before.schoolRanks.publishable && after.schoolRanks.publishable) {
          seen.rankingsCompared++;
          expect(after.schoolRanks.ranks.get(id)!).toBeGreaterThanOrEqual(before.schoolRanks.ranks.get(id)!);
        }
        // A group the school is in never overtakes a group it is not in (two groups that both
        // contain it may swap: both got worse, one by more).
        if (before.groupRanks.publishable && after.groupRanks.publishable)
          for (const g of itsGroups)
            for (const other of CATALOGUE.groups.filter((o) => !itsGroups.includes(o.id)))
              if (before.groups.get(other.id)!.scaled >= before.groups.get(g)!.scaled)
                expect(after.groups.get(other.id)!.scaled).toBeGreaterThanOrEqual(after.groups.get(g)!.scaled);
        // Assess (b): every other school, and every group without the school.
        for (const other of SCHOOLS.filter((s) => s !== id))
          expect(keptOrHidden(before.schools.get(other)!, after.schools.get(other)!)).toBe(true);
        for (const g of CATALOGUE.groups.filter((g) => !itsGroups.includes(g.id)))
          expect(keptOrHidden(before.groups.get(g.id)!, after.groups.get(g.id)!)).toBe(true);
        seen.runs++;
        if (before.schools.get(id)?.scaled !== after.schools.get(id)?.scaled) seen.changedScores++;
        if (before.schools.get(id) !== null && after.schools.get(id) === null) seen.switchedOff++;
      }),
      // A fixed seed: suppression switching on is rare (2–9 of 200 random runs), so an unseeded
      // run could now and then see none and fail the coverage check below for no fault of the code.
      { numRuns: RUNS, seed: 20261202 },
    );
    console.log('monotone pipeline property:', JSON.stringify(seen));
    expect(seen.runs).toBe(RUNS);
    expect(seen.changedScores).toBeGreaterThan(0);
    expect(seen.switchedOff).toBeGreaterThan(0);
  }, 120_000);

  it('fails the same check on the re-weighting rule it replaces (社会认可 数据不足: 74 → 80)', () => {
    const total = (recognition: number | null) =>
      weightedScore([{ weight: 20, score: recognition }, ...[1, 2, 3, 4].map(() => ({ weight: 20, score: 80 }))]).score;
    const published = (x: number | null) => (x === null ? null : roundHalfUp(fromDecimal(x), 1));
    expect(notRaised(published(total(50)), published(total(null)))).toBe(false);
  });
});
