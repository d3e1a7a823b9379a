import fc from 'fast-check';
import type { Answer, Question } from '../../../../../shared';
import { auditPublication } from '../../../../src/features/surveys/domain/disclosure/audit';
import { loadLpEngine } from '../../../../src/features/surveys/domain/disclosure/lp-engine';
import { planSuppression } from '../../../../src/features/surveys/domain/disclosure/plan-suppression';
import { cellKey, unitSum } from '../../../../src/features/surveys/domain/disclosure/published-table';
import { attack, breaks } from './attacker';
import { countersFrom, tableOf, type Catalogue } from './fixtures';

/**
 * Random catalogues with overlapping groups and counts near minN: the plan passes the audit, a
 * fresh audit of it, and an independent attacker with an integer solver; every cell shown has
 * n ≥ minN. The figures are printed and asserted on, so a run that tried nothing fails.
 */
const QUESTIONS: Question[] = [
  {
    id: 'q1',
    type: 'likert',
    title: 'l',
    dimension: 'd',
    labels: ['满意', '基本满意', '不满意'],
    allowUnknown: true,
    satisfiedTopBoxes: 2,
    required: true,
  },
  {
    id: 'q2',
    type: 'multiple',
    title: 'm',
    options: ['a', 'b', 'c'].map((id) => ({ id, label: id })),
    min: 0,
    max: 2,
    required: false,
  },
];

const RUNS = 40;

const sheet: fc.Arbitrary<Record<string, Answer>> = fc.record({
  q1: fc.oneof(
    fc.integer({ min: 1, max: 3 }).map((likert) => ({ likert }) as Answer),
    fc.constant({ unknown: true } as Answer),
  ),
  q2: fc.subarray(['a', 'b', 'c'], { maxLength: 2 }).map((choices) => ({ choices }) as Answer),
});

const scenario = fc.integer({ min: 5, max: 8 }).chain((minN) =>
  fc.record({
    minN: fc.constant(minN),
    schools: fc.array(fc.array(sheet, { maxLength: 2 * minN }), { minLength: 2, maxLength: 6 }),
    groups: fc.array(fc.uniqueArray(fc.nat({ max: 5 }), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 }),
  }),
);

describe('the suppression plan, on random catalogues with overlapping groups', () => {
  it('always passes the audit and an independent integer attack', async () => {
    const engine = await loadLpEngine();
    const figures = {
      runs: 0,
      cells: 0,
      hidden: 0,
      sensitive: 0,
      targets: 0,
      determined: 0,
      findings: 0,
      attacks: 0,
      broken: 0,
      rounds: 0,
    };
    await fc.assert(
      fc.asyncProperty(scenario, async ({ minN, schools, groups }) => {
        // Prepare
        const schoolIds = schools.map((_, i) => `s${i}`);
        const catalogue: Catalogue = {
          districtId: 'd',
          schoolIds,
          groups: groups.map((members, g) => ({
            id: `g${g}`,
            schoolIds: [...new Set(members.map((m) => schoolIds[m % schoolIds.length]))],
          })),
        };
        const table = tableOf(catalogue, QUESTIONS, countersFrom(QUESTIONS, new Map(schools.map((list, i) => [schoolIds[i], list]))));

        // Act
        const plan = planSuppression(table, minN, engine);
        const fresh = auditPublication(table, plan.hidden, minN, engine);
        const attacks = await attack(table, plan.hidden, minN);

        // Assess
        expect(plan.audit.passed).toBe(true);
        expect(fresh.passed).toBe(true);
        expect(fresh.determinedByDifferencing).toEqual([]);
        expect(attacks.filter((a) => breaks(a, minN))).toEqual([]);
        for (const u of table.units)
          for (const b of table.blocks)
            if (!plan.hidden.has(cellKey(u.key, b.id))) expect(unitSum(table, u, b.size)).toBeGreaterThanOrEqual(minN);
        figures.runs++;
        figures.cells += table.units.length * table.blocks.length;
        figures.hidden += fresh.hiddenCells;
        figures.sensitive += fresh.sensitiveCells;
        figures.targets += fresh.targetsTried;
        figures.determined += fresh.determinedByDifferencing.length;
        figures.findings += fresh.findings.length;
        figures.attacks += attacks.length;
        figures.broken += attacks.filter((a) => breaks(a, minN)).length;
        figures.rounds += plan.rounds;
      }),
      { numRuns: RUNS },
    );
    console.log('suppression plan property:', JSON.stringify(figures));
    expect(figures.runs).toBe(RUNS);
    expect(figures.sensitive).toBeGreaterThan(0);
    expect(figures.attacks).toBeGreaterThan(figures.sensitive);
    expect({ determined: figures.determined, findings: figures.findings, broken: figures.broken }).toEqual({
      determined: 0,
      findings: 0,
      broken: 0,
    });
  }, 120_000);
});
