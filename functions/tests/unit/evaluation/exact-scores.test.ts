import { competitionRanks } from '../../../src/features/evaluation/domain/rank-change';
import { weightedScore } from '../../../src/features/evaluation/domain/weighted-score';
import { fixedToString, fromDecimal, rational, roundHalfUp } from '../../../src/features/evaluation/domain/exact-decimal';
import {
  completeBundledScore,
  completeWeightedScore,
  publishedChanges,
  publishScore,
  rankPublished,
} from '../../../src/features/evaluation/domain/exact-scores';

/** Issue 11 §5–§7: exact published scores, ranks on what is shown, and a monotone missing-data rule. */
describe('exact published scores and ranks (§5)', () => {
  it('ranks two groups shown at 73.3 together, where float ranking split them', () => {
    // Prepare: b is 25 % at 73.1 and 75 % at 73.3666…7; in floats that is 73.30000000000001.
    const bParts = [
      { weight: 25, score: 73.1 },
      { weight: 75, score: 73.36666666666667 },
    ];
    const viaFloats = weightedScore(bParts).score!;
    expect(viaFloats).toBe(73.30000000000001);
    expect(
      Object.fromEntries(
        competitionRanks(
          new Map([
            ['a', 73.3],
            ['b', viaFloats],
          ]),
        ),
      ),
    ).toEqual({ a: 2, b: 1 });

    // Act: exact weighted scores, published at 0.1.
    const a = completeWeightedScore([{ id: 'x', kind: 'dimension', weight: 100, score: fromDecimal(73.3) }]);
    const b = completeWeightedScore(
      bParts.map((p, i) => ({ id: `d${i}`, kind: 'dimension' as const, weight: p.weight, score: fromDecimal(p.score) })),
    );
    const ranking = rankPublished([
      { id: 'a', published: publishScore(a) },
      { id: 'b', published: publishScore(b) },
      { id: 'c', published: publishScore({ value: rational(80), missing: [] }) },
    ]);

    // Assess: both shown as 73.3, both ranked 2 (competition ranking), c first.
    expect(fixedToString(publishScore(b)!)).toBe('73.3');
    expect(Object.fromEntries(ranking.ranks)).toEqual({ a: 2, b: 2, c: 1 });
  });

  it('rounds half-up at the published precision, once, from the exact value', () => {
    expect(fixedToString(roundHalfUp(fromDecimal(73.25), 1))).toBe('73.3');
    expect(fixedToString(roundHalfUp(fromDecimal(73.249), 1))).toBe('73.2');
    expect(fixedToString(roundHalfUp(rational(2, 3), 2))).toBe('0.67');
    // 1.005 is 1.00499999999999989… as a double; as the decimal an admin typed it is a tie.
    expect(fixedToString(roundHalfUp(fromDecimal(1.005), 2))).toBe('1.01');
    expect(fromDecimal(16.67)).toEqual({ num: 1667n, den: 100n });
  });

  it('matches the bundled example exactly (600·90 + 300·80 + 100·70) / 1000 = 85', () => {
    const group = completeBundledScore([
      { schoolId: 'lead', enrollment: 600, score: rational(90) },
      { schoolId: 'm1', enrollment: 300, score: rational(80) },
      { schoolId: 'm2', enrollment: 100, score: rational(70) },
    ]);
    expect(group).toEqual({ value: rational(85), missing: [] });
  });

  it('reports 增值 as the difference of the two published values and the rank change', () => {
    const changes = publishedChanges(
      [
        { id: 'a', published: { scaled: 803, places: 1 } },
        { id: 'b', published: { scaled: 781, places: 1 } },
      ],
      [
        { id: 'a', published: { scaled: 781, places: 1 } },
        { id: 'b', published: { scaled: 790, places: 1 } },
      ],
    );
    expect(changes.map((c) => [c.id, fixedToString(c.delta!), c.rankChange])).toEqual([
      ['a', '2.2', 1],
      ['b', '-0.9', -1],
    ]);
  });
});

describe('a missing part makes the unit 数据不完整, never re-weighted (§6, §7)', () => {
  it('does not turn a lost 社会认可 into a higher total (74 → 80 before)', () => {
    // Prepare: four dimensions at 80 and 社会认可 at 50 → 74; then 社会认可 becomes 数据不足.
    const parts = (recognition: number | null) =>
      ['a', 'b', 'c', 'd', 'recognition'].map((id) => ({
        id,
        kind: 'dimension' as const,
        weight: 20,
        score: id === 'recognition' ? recognition : 80,
      }));
    expect(weightedScore(parts(50)).score).toBeCloseTo(74, 10);
    expect(weightedScore(parts(null)).score).toBe(80);

    const before = completeWeightedScore(parts(50).map((p) => ({ ...p, score: p.score === null ? null : rational(p.score) })));
    const after = completeWeightedScore(parts(null).map((p) => ({ ...p, score: p.score === null ? null : rational(p.score) })));

    expect(fixedToString(publishScore(before)!)).toBe('74.0');
    expect(after).toEqual({ value: null, missing: [{ kind: 'dimension', id: 'recognition' }] });
  });

  it('lists a group with an unscored school or a missing enrolment as incomplete, with what is missing', () => {
    const group = completeBundledScore([
      { schoolId: 'lead', enrollment: 600, score: rational(90) },
      { schoolId: 'm1', enrollment: null, score: rational(80) },
      { schoolId: 'm2', enrollment: 100, score: null },
    ]);
    expect(group).toEqual({
      value: null,
      missing: [
        { kind: 'school-score', schoolId: 'm2' },
        { kind: 'enrollment', schoolId: 'm1' },
      ],
    });
  });

  it('ranks only complete groups and refuses to publish a ranking while any is incomplete (not 第 1 名（共 1 个）)', () => {
    const groups = [
      { id: 'g0', published: { scaled: 776, places: 1 } },
      ...Array.from({ length: 10 }, (_, i) => ({ id: `g${i + 1}`, published: null })),
    ];
    const ranking = rankPublished(groups);
    expect(ranking.ranks.get('g0')).toBe(1);
    expect(ranking.of).toBe(1);
    expect(ranking.unranked).toHaveLength(10);
    expect(ranking.publishable).toBe(false);
    expect(rankPublished(groups.slice(0, 1)).publishable).toBe(true);
  });
});
