import fc from 'fast-check';
import { compliance, requiredCount, shortfallText } from '../../../src/features/rotation/domain/compliance';

const defaults = { rotatingPct: 10, backbonePct: 20 };

/** The worked examples of docs/rotation.md, and properties of the formulas. */
describe('rotation compliance', () => {
  it('example 1: 84 eligible, 6 rotating, 1 骨干 → 还需 3 名 and 还需 1 名 骨干', () => {
    const result = compliance({ eligible: 84, rotating: 6, backbone: 1, ...defaults });
    expect(result).toEqual({
      rotatingShare: 6 / 84,
      backboneShare: 1 / 6,
      rotatingRequired: 9,
      rotatingShortfall: 3,
      backboneRequired: 2,
      backboneShortfall: 1,
      flagged: true,
    });
    expect(shortfallText(result.rotatingShortfall)).toBe('还需 3 名');
  });

  it('example 2: 50 eligible, 5 rotating, 1 骨干 meets 10 % / 20 % exactly', () => {
    expect(compliance({ eligible: 50, rotating: 5, backbone: 1, ...defaults })).toMatchObject({
      rotatingShare: 0.1,
      backboneShare: 0.2,
      rotatingShortfall: 0,
      backboneShortfall: 0,
      flagged: false,
    });
  });

  it('example 3: a province at 15 % / 30 %: 50 eligible, 5 rotating, 1 骨干 → 还需 3 名, 骨干 还需 1 名', () => {
    expect(compliance({ eligible: 50, rotating: 5, backbone: 1, rotatingPct: 15, backbonePct: 30 })).toMatchObject({
      rotatingRequired: 8,
      rotatingShortfall: 3,
      backboneRequired: 2,
      backboneShortfall: 1,
      flagged: true,
    });
  });

  it('example 4: no eligible count entered → no share, flagged', () => {
    expect(compliance({ eligible: null, rotating: 4, backbone: 1, ...defaults })).toMatchObject({
      rotatingShare: null,
      rotatingRequired: null,
      rotatingShortfall: null,
      backboneShare: 0.25,
      flagged: true,
    });
  });

  it('needs no 骨干 when nobody rotates', () => {
    expect(compliance({ eligible: 10, rotating: 0, backbone: 0, ...defaults })).toMatchObject({
      backboneShare: null,
      backboneRequired: 0,
      rotatingShortfall: 1,
    });
  });

  it('rounds the requirement up and without floating-point error (10 % of 30 is 3, not 4)', () => {
    expect(requiredCount(30, 10)).toBe(3);
    expect(requiredCount(31, 10)).toBe(4);
    expect(requiredCount(70, 10)).toBe(7);
  });

  it('is met exactly when the share reaches the threshold, and the shortfall closes the gap', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 1, max: 100 }),
        (eligible, rotating, pct) => {
          const r = compliance({ eligible, rotating, backbone: rotating, rotatingPct: pct, backbonePct: 20 });
          expect(r.rotatingShortfall === 0).toBe(rotating * 100 >= eligible * pct);
          const fixed = compliance({
            eligible,
            rotating: rotating + r.rotatingShortfall!,
            backbone: rotating + r.rotatingShortfall!,
            rotatingPct: pct,
            backbonePct: 20,
          });
          expect(fixed.rotatingShortfall).toBe(0);
        },
      ),
    );
  });
});
