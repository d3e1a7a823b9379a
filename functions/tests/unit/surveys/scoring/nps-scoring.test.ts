import fc from 'fast-check';
import { netPromoterScore, npsAtTenths } from '../../../../src/features/surveys/domain/scoring/nps';

/** NPS = (promoters − detractors) / n × 100, published at 0.1, half away from zero (nps.ts). */
describe('the published NPS', () => {
  const tally = (scores: number[]) => {
    const counts = Array(11).fill(0);
    for (const s of scores) counts[s]++;
    return counts;
  };

  it('is exact at one decimal: 1 of 3 is 33.3, 2 of 3 is 66.7, −1 of 8 is −12.5', () => {
    // Prepare: one promoter, two passives; two promoters, one passive; one detractor among 8.
    const third = tally([9, 7, 8]);
    const twoThirds = tally([10, 9, 7]);
    const minusEighth = tally([6, 7, 7, 7, 8, 8, 8, 8]);

    // Act
    const scores = [third, twoThirds, minusEighth].map((c) => netPromoterScore(c).nps);

    // Assess
    expect(scores).toEqual([33.3, 66.7, -12.5]);
  });

  it('rounds a half away from zero, the same on both sides: ±49 of 400 is ±12.3', () => {
    // Act / Assess: 49 / 400 × 100 = 12.25 exactly.
    expect(npsAtTenths(49, 400)).toBe(12.3);
    expect(npsAtTenths(-49, 400)).toBe(-12.3);
    expect(npsAtTenths(0, 7)).toBe(0);
  });

  it('counts 9–10 as promoters, 7–8 as passives and 0–6 as detractors, with the worked example at 30', () => {
    // Act
    const summary = netPromoterScore(tally([3, 6, 7, 8, 8, 9, 9, 10, 10, 10]));

    // Assess
    expect(summary).toEqual({ n: 10, promoters: 5, passives: 3, detractors: 2, nps: 30 });
  });

  it('is within 0.05 of the exact value, a whole number of tenths, for any answers (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 400 }), (scores) => {
        // Act
        const summary = netPromoterScore(tally(scores));
        // Assess: compare in integers: |10·published·n − 1000·d| ≤ n/2 (half a tenth, times 10n).
        const d = summary.promoters - summary.detractors;
        const tenths = Math.round(summary.nps! * 10);
        expect(Number.isInteger(summary.nps! * 10) || Math.abs(summary.nps! * 10 - tenths) < 1e-9).toBe(true);
        expect(Math.abs(tenths * summary.n - 1000 * d) * 2).toBeLessThanOrEqual(summary.n);
        expect(summary.promoters + summary.passives + summary.detractors).toBe(scores.length);
      }),
      { numRuns: 300 },
    );
  });
});
