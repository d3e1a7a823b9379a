import { likertIndex } from '../../../../src/features/surveys/domain/scoring/likert-index';
import { netPromoterScore } from '../../../../src/features/surveys/domain/scoring/nps';
import { responseRate } from '../../../../src/features/surveys/domain/scoring/response-rate';
import { satisfactionRate, wilsonRate } from '../../../../src/features/surveys/domain/scoring/satisfaction-rate';
import { isStraightLined, straightLinedShare } from '../../../../src/features/surveys/domain/scoring/straight-lining';

/** The worked examples of docs/scoring.md, computed by hand there and checked here. */
describe('likert index', () => {
  it('matches the worked example: 4 points, counts 1/2/3/4 → mean 3, index 66.67, CI 41.53–91.80', () => {
    const result = likertIndex([1, 2, 3, 4]);
    expect(result.n).toBe(10);
    expect(result.mean).toBeCloseTo(3, 10);
    expect(result.index).toBeCloseTo(66.6667, 4);
    expect(result.ci95![0]).toBeCloseTo(41.5316, 3);
    expect(result.ci95![1]).toBeCloseTo(91.8017, 3);
  });

  it('is 100 when everyone chose the top, 0 when everyone chose the bottom, with no width', () => {
    expect(likertIndex([0, 0, 5])).toMatchObject({ index: 100, ci95: [100, 100] });
    expect(likertIndex([5, 0, 0])).toMatchObject({ index: 0, ci95: [0, 0] });
  });

  it('has no value without answers and no interval with one', () => {
    expect(likertIndex([0, 0, 0, 0, 0])).toEqual({ n: 0, mean: null, index: null, ci95: null });
    expect(likertIndex([0, 1, 0])).toEqual({ n: 1, mean: 2, index: 50, ci95: null });
  });
});

describe('satisfaction rate with a Wilson interval', () => {
  it('matches the worked example: 8 of 10 → 80 %, CI 49.02 %–94.33 %', () => {
    const result = wilsonRate(8, 10);
    expect(result.rate).toBe(0.8);
    expect(result.ci95![0]).toBeCloseTo(0.490162, 5);
    expect(result.ci95![1]).toBeCloseTo(0.943318, 5);
  });

  it('counts the top boxes the survey names: 满意+比较满意+基本满意 of four', () => {
    // counts by value: 不满意 2, 基本满意 3, 比较满意 1, 满意 4 → 8 of 10 satisfied.
    expect(satisfactionRate([2, 3, 1, 4], 3).rate).toBe(0.8);
    expect(satisfactionRate([2, 3, 1, 4], 1).rate).toBe(0.4);
  });

  it('stays within 0–1 at the extremes', () => {
    expect(wilsonRate(0, 5).ci95![0]).toBe(0);
    expect(wilsonRate(5, 5).ci95![1]).toBe(1);
    expect(wilsonRate(0, 0)).toEqual({ n: 0, rate: null, ci95: null });
  });
});

describe('NPS', () => {
  it('matches the worked example: 5 promoters, 3 passives, 2 detractors → 30', () => {
    const counts = Array(11).fill(0);
    for (const score of [3, 6, 7, 8, 8, 9, 9, 10, 10, 10]) counts[score]++;
    expect(netPromoterScore(counts)).toEqual({ n: 10, promoters: 5, passives: 3, detractors: 2, nps: 30 });
  });
});

describe('response rate and straight-lining', () => {
  it('flags a response rate below 70 %', () => {
    expect(responseRate(69, 100)).toEqual({ responses: 69, enrolledFamilies: 100, rate: 0.69, low: true });
    expect(responseRate(70, 100).low).toBe(false);
    expect(responseRate(12, null)).toEqual({ responses: 12, enrolledFamilies: null, rate: null, low: null });
  });

  it('calls a response straight-lined when two or more likert answers are all the same', () => {
    expect(isStraightLined([4, 4, 4, 4])).toBe(true);
    expect(isStraightLined([4, 3, 4])).toBe(false);
    expect(isStraightLined([4])).toBe(false);
    expect(straightLinedShare(3, 12)).toBe(0.25);
  });
});
