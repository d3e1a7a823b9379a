import fc from 'fast-check';
import { compare, type Rational } from '../../../src/features/evaluation/domain/exact-decimal';
import { completeBundledScore } from '../../../src/features/evaluation/domain/exact-scores';
import { exactSurveyIndicator } from '../../../src/features/evaluation/domain/exact-survey-indicator';
import { answerCounter, RESPONSES_COUNTER, type SurveyItem } from '../../../src/features/surveys/survey-items';
import type { CounterTable } from '../../../src/features/surveys/survey-repository';
import { schoolLikerts } from '../../../src/features/evaluation/survey-measures';
import type { Audience } from '../../../src/features/surveys/survey-audience';
import { surveyResults } from '../../../src/features/surveys/survey-results';
import { templateSurvey } from '../../../../tests/support/surveys';

/**
 * From answers to the group's 社会认可, exactly, through the same results code the results page
 * uses (the report's survey-measures.ts): better answers never lower it, worse answers never
 * raise it, and a school whose answers are suppressed cannot move anybody's score.
 */
const MIN_N = 5;
const SCHOOLS = ['a', 'b', 'c'];
const ENROLMENT = [600, 300, 100];
const survey: SurveyItem = {
  kind: 'survey',
  id: 'sv-prop',
  definition: templateSurvey({ districtId: 'd' }),
  districtId: 'd',
  shards: 1,
  minN: MIN_N,
  createdAt: '2026-11-23T00:00:00Z',
  createdBy: 'test',
};
const audience: Audience = {
  schools: SCHOOLS.map((id) => ({ id, name: id, groupIds: ['g'] })),
  groups: [{ id: 'g', name: 'g', schoolIds: SCHOOLS }],
};
const LIKERT = survey.definition.questions.filter((q) => q.type === 'likert').map((q) => q.id);

/** One answer sheet: a value 1–4 (4 = 满意) for every likert question. */
type Sheet = number[];
const sheet = fc.array(fc.integer({ min: 1, max: 4 }), { minLength: LIKERT.length, maxLength: LIKERT.length });

function counters(answers: Sheet[][]): CounterTable {
  const table: CounterTable = new Map();
  answers.forEach((sheets, i) => {
    const school = new Map<string, number>([[RESPONSES_COUNTER, sheets.length]]);
    for (const s of sheets)
      LIKERT.forEach((q, k) => school.set(answerCounter(q, String(s[k])), (school.get(answerCounter(q, String(s[k]))) ?? 0) + 1));
    table.set(SCHOOLS[i], school);
  });
  return table;
}

function evaluate(answers: Sheet[][], measure: 'index' | 'satisfaction') {
  const likerts = schoolLikerts(survey, surveyResults(survey, audience, counters(answers), new Map(), ''));
  const schools = SCHOOLS.map((id) => exactSurveyIndicator(likerts.get(id) ?? [], [], measure).value);
  const group = completeBundledScore(SCHOOLS.map((id, i) => ({ schoolId: id, enrollment: ENROLMENT[i], score: schools[i] }))).value;
  return { schools, group };
}

const measure = fc.constantFrom('index' as const, 'satisfaction' as const);
const atLeast = (a: Rational | null, b: Rational | null) => a === null || b === null || compare(a, b) >= 0;

describe('社会认可 from answers', () => {
  it('never goes down when one answer gets more favourable, at the school or the group', () => {
    fc.assert(
      fc.property(
        fc.tuple(...SCHOOLS.map(() => fc.array(sheet, { minLength: MIN_N, maxLength: 12 }))),
        fc.nat(),
        fc.nat(),
        fc.nat(),
        measure,
        (answers, school, row, question, m) => {
          const s = school % SCHOOLS.length;
          const r = row % answers[s].length;
          const q = question % LIKERT.length;
          if (answers[s][r][q] === 4) return;
          const better = answers.map((sheets) => sheets.map((x) => [...x]));
          better[s][r][q] += 1;
          const before = evaluate(answers, m);
          const after = evaluate(better, m);
          // Assess: every school at least as high, the changed one's group too.
          after.schools.forEach((score, i) => expect(atLeast(score, before.schools[i])).toBe(true));
          expect(atLeast(after.group, before.group)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never goes up when answers get worse', () => {
    fc.assert(
      fc.property(fc.array(sheet, { minLength: MIN_N, maxLength: 12 }), fc.nat(), measure, (sheets, row, m) => {
        const r = row % sheets.length;
        const worse = sheets.map((x, i) => (i === r ? x.map(() => 1) : x));
        expect(atLeast(evaluate([sheets, sheets, sheets], m).schools[0], evaluate([worse, sheets, sheets], m).schools[0])).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("is 数据不足 below minN, and a suppressed school's answers move no score at all", () => {
    fc.assert(
      fc.property(
        fc.array(sheet, { minLength: MIN_N, maxLength: 10 }),
        fc.array(sheet, { minLength: MIN_N, maxLength: 10 }),
        fc.array(sheet, { minLength: 1, maxLength: MIN_N - 1 }),
        fc.array(sheet, { minLength: 1, maxLength: MIN_N - 1 }),
        measure,
        (a, b, few, others, m) => {
          // Same count, different answers at the small school c.
          const otherFew = others.slice(0, few.length).concat(few.slice(others.length));
          const one = evaluate([a, b, few], m);
          const two = evaluate([a, b, otherFew], m);
          expect(one.schools[2]).toBeNull();
          expect(two).toEqual(one);
        },
      ),
      { numRuns: 300 },
    );
  });
});
