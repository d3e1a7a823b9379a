import fc from 'fast-check';
import { likertIndex } from '../../../../src/features/surveys/domain/scoring/likert-index';
import { satisfactionRate } from '../../../../src/features/surveys/domain/scoring/satisfaction-rate';

/** Property tests: scores move the way answers do, and stay in range. */
const likertCounts = fc.constantFrom(3, 4, 5, 7).chain((k) => fc.array(fc.nat({ max: 30 }), { minLength: k, maxLength: k }));

describe('scores follow the answers', () => {
  it('a more favourable answer never lowers the index or the satisfaction rate; a worse one never raises them', () => {
    fc.assert(
      fc.property(likertCounts, fc.nat(), fc.nat(), (counts, pick, boxes) => {
        const from = pick % (counts.length - 1); // a value that can move up by one
        if (counts[from] === 0) return;
        const better = [...counts];
        better[from]--;
        better[from + 1]++;
        const topBoxes = 1 + (boxes % (counts.length - 1));
        expect(likertIndex(better).index!).toBeGreaterThan(likertIndex(counts).index! - 1e-9);
        expect(satisfactionRate(better, topBoxes).rate!).toBeGreaterThanOrEqual(satisfactionRate(counts, topBoxes).rate!);
        // and the reverse move (worse) never raises them
        expect(likertIndex(counts).index!).toBeLessThan(likertIndex(better).index! + 1e-9);
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps the index and its interval within 0–100, the interval around the index', () => {
    fc.assert(
      fc.property(likertCounts, (counts) => {
        const { index, ci95 } = likertIndex(counts);
        if (index === null) return;
        expect(index).toBeGreaterThanOrEqual(0);
        expect(index).toBeLessThanOrEqual(100);
        if (ci95) {
          expect(ci95[0]).toBeLessThanOrEqual(index + 1e-9);
          expect(ci95[1]).toBeGreaterThanOrEqual(index - 1e-9);
          expect(ci95[0]).toBeGreaterThanOrEqual(0);
          expect(ci95[1]).toBeLessThanOrEqual(100);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
