import fc from 'fast-check';
import { bundledScore } from '../../../src/features/evaluation/domain/bundled-score';
import { competitionRanks, rankChanges } from '../../../src/features/evaluation/domain/rank-change';
import { surveyIndicatorScore } from '../../../src/features/evaluation/domain/survey-indicator';
import { weightedScore } from '../../../src/features/evaluation/domain/weighted-score';

/** The evaluation worked examples of docs/scoring.md, and their properties. */
describe('weighted scores (indicators → dimension → total)', () => {
  it('matches the worked example: 40 % at 80 and 60 % at 90 → 86', () => {
    expect(
      weightedScore([
        { weight: 40, score: 80 },
        { weight: 60, score: 90 },
      ]),
    ).toEqual({ score: 86, complete: true, coveredWeight: 100 });
  });

  it('leaves a missing score out and says so, never counting it as zero', () => {
    expect(
      weightedScore([
        { weight: 40, score: 80 },
        { weight: 60, score: null },
      ]),
    ).toEqual({ score: 80, complete: false, coveredWeight: 40 });
    expect(weightedScore([{ weight: 100, score: null }])).toEqual({ score: null, complete: false, coveredWeight: 0 });
  });

  it('never goes down when any part goes up, and stays between the lowest and highest part', () => {
    const parts = fc.array(
      fc.record({
        weight: fc.double({ min: 0.5, max: 100, noNaN: true }),
        score: fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null }),
      }),
      { minLength: 1, maxLength: 8 },
    );
    fc.assert(
      fc.property(parts, fc.nat(), fc.double({ min: 0, max: 50, noNaN: true }), (ps, pick, bump) => {
        const before = weightedScore(ps);
        const i = pick % ps.length;
        if (ps[i].score === null || before.score === null) return;
        const after = weightedScore(ps.map((p, j) => (j === i ? { ...p, score: Math.min(100, p.score! + bump) } : p)));
        expect(after.score!).toBeGreaterThanOrEqual(before.score - 1e-9);
        const present = ps.filter((p) => p.score !== null).map((p) => p.score!);
        expect(before.score).toBeGreaterThanOrEqual(Math.min(...present) - 1e-9);
        expect(before.score).toBeLessThanOrEqual(Math.max(...present) + 1e-9);
      }),
      { numRuns: 500 },
    );
  });
});

describe('bundled (捆绑) group score', () => {
  it('matches the worked example: lead 600 students at 90, members 300 at 80 and 100 at 70 → 85', () => {
    const result = bundledScore([
      { schoolId: 'lead', enrollment: 600, score: 90 },
      { schoolId: 'm1', enrollment: 300, score: 80 },
      { schoolId: 'm2', enrollment: 100, score: 70 },
    ]);
    expect(result).toEqual({ score: 85, complete: true, missing: [] });
  });

  it('names schools without a score or an enrolment and marks the group incomplete', () => {
    const result = bundledScore([
      { schoolId: 'lead', enrollment: 600, score: 90 },
      { schoolId: 'm1', enrollment: null, score: 80 },
      { schoolId: 'm2', enrollment: 100, score: null },
    ]);
    expect(result).toEqual({ score: 90, complete: false, missing: ['m1', 'm2'] });
  });
});

describe('ranks and 增值', () => {
  it('ranks 1, 2, 2, 4 with ties and leaves the unscored unranked', () => {
    const ranks = competitionRanks(
      new Map([
        ['a', 90],
        ['b', 85],
        ['c', 85],
        ['d', 70],
        ['e', null],
      ]),
    );
    expect(Object.fromEntries(ranks)).toEqual({ a: 1, b: 2, c: 2, d: 4, e: null });
  });

  it('reports the score delta and the rank change against the previous round', () => {
    const changes = rankChanges(
      new Map([
        ['a', 90],
        ['b', 85],
        ['c', 60],
      ]),
      new Map([
        ['a', 80],
        ['b', 88],
      ]),
    );
    expect(changes).toEqual([
      { id: 'a', score: 90, rank: 1, previousScore: 80, previousRank: 2, delta: 10, rankChange: 1 },
      { id: 'b', score: 85, rank: 2, previousScore: 88, previousRank: 1, delta: -3, rankChange: -1 },
      { id: 'c', score: 60, rank: 3, previousScore: null, previousRank: null, delta: null, rankChange: null },
    ]);
  });
});

describe('survey-fed indicator (社会认可)', () => {
  const cells = [
    { suppressed: false, dimension: '教育质量', index: 70, satisfactionRate: 0.9 },
    { suppressed: false, dimension: '师德师风', index: 80, satisfactionRate: 0.8 },
  ];

  it('averages the chosen measure over the chosen question dimensions, with the 85 % flag', () => {
    expect(surveyIndicatorScore(cells, [], 'satisfaction')).toEqual({ score: 85, meetsRecognitionBar: true });
    expect(surveyIndicatorScore(cells, ['师德师风'], 'satisfaction')).toEqual({ score: 80, meetsRecognitionBar: false });
    expect(surveyIndicatorScore(cells, [], 'index')).toEqual({ score: 75, meetsRecognitionBar: null });
  });

  it('is 数据不足 (null, never zero) when any relevant question is suppressed or nothing matches', () => {
    expect(
      surveyIndicatorScore([...cells, { suppressed: true, dimension: '家校沟通', index: null, satisfactionRate: null }], [], 'index').score,
    ).toBeNull();
    expect(surveyIndicatorScore(cells, ['学业负担'], 'index').score).toBeNull();
  });

  it('goes down when answers get worse', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (rate, drop) => {
        const better = surveyIndicatorScore([{ ...cells[0], satisfactionRate: rate }], [], 'satisfaction').score!;
        const worse = surveyIndicatorScore([{ ...cells[0], satisfactionRate: rate * (1 - drop) }], [], 'satisfaction').score!;
        expect(worse).toBeLessThanOrEqual(better + 1e-9);
      }),
    );
  });
});
