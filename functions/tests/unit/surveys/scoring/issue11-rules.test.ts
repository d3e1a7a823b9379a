import type { Question } from '../../../../../shared';
import { DEFAULT_RECOGNITION } from '../../../../../shared/surveys/recognition';
import { SCORED_COUNTER } from '../../../../src/features/surveys/domain/disclosure/survey-blocks';
import { responseCounters } from '../../../../src/features/surveys/domain/response-counters';
import { boundedIndexInterval } from '../../../../src/features/surveys/domain/scoring/bounded-index-interval';
import { likertIndex } from '../../../../src/features/surveys/domain/scoring/likert-index';
import { recognisedBoxes } from '../../../../src/features/surveys/domain/scoring/recognition';
import { responseRate } from '../../../../src/features/surveys/domain/scoring/response-rate';
import { isStraightLined, isStraightLinedAcrossScales } from '../../../../src/features/surveys/domain/scoring/straight-lining';
import { aggregateReturnRate, validReturnRate } from '../../../../src/features/surveys/domain/scoring/valid-return-rate';
import { validateResponse } from '../../../../src/features/surveys/domain/validate-response';

/** Issue 11 §8 and §9, each against today's function where there is one. */
describe('valid return rate (§8)', () => {
  const likert = (id: string): Question => ({
    id,
    type: 'likert',
    title: id,
    dimension: '教育质量',
    labels: ['满意', '比较满意', '基本满意', '不满意'],
    allowUnknown: true,
    satisfiedTopBoxes: 3,
    required: true,
  });
  const questions = [likert('q1'), likert('q2')];
  const counters = (answers: Parameters<typeof validateResponse>[1]) => {
    const valid = validateResponse({ questions }, answers);
    if (!valid.ok) throw new Error('invalid');
    return responseCounters(questions, valid.value);
  };

  it('does not count a response of only 不了解 as a return', () => {
    expect(counters({ q1: { unknown: true }, q2: { unknown: true } })).not.toContain(SCORED_COUNTER);
    expect(counters({ q1: { unknown: true }, q2: { likert: 2 } })).toContain(SCORED_COUNTER);
  });

  it('flags a rate above 100 % as 在校家庭数有误 instead of showing 125 %', () => {
    expect(responseRate(125, 100).rate).toBe(1.25);
    expect(validReturnRate(125, 100)).toEqual({ status: 'enrollment-wrong', valid: 125, families: 100, label: '在校家庭数有误' });
    expect(validReturnRate(69, 100)).toEqual({ status: 'ok', valid: 69, families: 100, rate: 0.69, low: true });
  });

  it('reports a group over the schools that have an enrolment, with the coverage, not null', () => {
    const group = aggregateReturnRate([
      { schoolId: 'a', valid: 80, families: 100 },
      { schoolId: 'b', valid: 30, families: null },
      { schoolId: 'c', valid: 45, families: 50 },
      { schoolId: 'd', valid: 60, families: 40 },
    ]);
    expect(group.rate).toEqual({ status: 'ok', valid: 125, families: 150, rate: 125 / 150, low: false });
    expect(group).toMatchObject({ coveredSchools: 2, schools: 4 });
    expect(group.excluded).toEqual([
      { schoolId: 'b', reason: 'no-enrollment' },
      { schoolId: 'd', reason: 'enrollment-wrong' },
    ]);
  });
});

describe('named definitions (§9)', () => {
  it('counts 认可 by a named definition for 3-, 4-, 5- and 7-point scales; the default is the strict reading', () => {
    expect([3, 4, 5, 7].map((k) => recognisedBoxes('strict-top-two', k, 0))).toEqual([1, 2, 2, 3]);
    expect([3, 4, 5, 7].map((k) => recognisedBoxes('lenient-top-three', k, 0))).toEqual([2, 3, 3, 4]);
    expect(recognisedBoxes('as-authored', 4, 3)).toBe(3);
    expect(DEFAULT_RECOGNITION).toBe('strict-top-two');
  });

  it('calls top box everywhere straight-lining across 3/4/5/7-point questions', () => {
    const top = [3, 4, 5, 7].map((points) => ({ value: points, points }));
    expect(isStraightLined(top.map((a) => a.value))).toBe(false);
    expect(isStraightLinedAcrossScales(top)).toBe(true);
    expect(isStraightLinedAcrossScales([3, 4, 5, 7].map((points) => ({ value: 1, points })))).toBe(true);
    // The middle of a 3-point and of a 5-point scale is one position; 2 of 4 is not.
    expect(
      isStraightLinedAcrossScales([
        { value: 2, points: 3 },
        { value: 3, points: 5 },
      ]),
    ).toBe(true);
    expect(
      isStraightLinedAcrossScales([
        { value: 2, points: 3 },
        { value: 2, points: 4 },
      ]),
    ).toBe(false);
  });

  it('does not collapse the index interval to [100, 100] when ten answers are all the top box', () => {
    expect(likertIndex([0, 0, 0, 10]).ci95).toEqual([100, 100]);
    const honest = boundedIndexInterval([0, 0, 0, 10]);
    expect(honest.index).toBe(100);
    expect(honest.ci95![0]).toBeCloseTo(72.25, 2);
    expect(honest.ci95![1]).toBe(100);
    // Inside the range it agrees in spirit with the t-interval: the worked example 1/2/3/4.
    const example = boundedIndexInterval([1, 2, 3, 4]);
    expect(example.index).toBeCloseTo(66.667, 3);
    expect(example.ci95![0]).toBeLessThan(66.667);
    expect(example.ci95![1]).toBeGreaterThan(66.667);
  });
});
