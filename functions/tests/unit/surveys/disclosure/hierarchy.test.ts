import type { Answer, Question } from '../../../../../shared';
import { auditPublication } from '../../../../src/features/surveys/domain/disclosure/audit';
import { loadLpEngine } from '../../../../src/features/surveys/domain/disclosure/lp-engine';
import { planSuppression } from '../../../../src/features/surveys/domain/disclosure/plan-suppression';
import { cellKey, unitSum, type DisclosureTable } from '../../../../src/features/surveys/domain/disclosure/published-table';
import { ANSWERED_OPTION, UNKNOWN_OPTION } from '../../../../src/features/surveys/domain/disclosure/survey-blocks';
import { suppressedIds } from '../../../../src/features/surveys/domain/scoring/suppression';
import { attack, breaks } from './attacker';
import { countersFrom, jinan, likert4, sheets, tableOf, type Catalogue } from './fixtures';

/** Today's rule (suppressedIds per block, district first, n = answers or ticks) as survey-results applies it. */
function todaysPattern(table: DisclosureTable, minN: number): Set<string> {
  const hidden = new Set<string>();
  const schools = table.units.filter((u) => u.level === 'school');
  const totals = table.units
    .filter((u) => u.level !== 'school')
    .map((u) => ({ id: u.key, children: u.schoolIds.map((s) => `school:${s}`) }));
  for (const b of table.blocks) {
    const counted =
      b.id === 'responses' ? b.size : b.counters.filter((c) => !c.endsWith(`#${UNKNOWN_OPTION}`) && !c.endsWith(`#${ANSWERED_OPTION}`));
    const cells = schools.map((u) => ({ id: u.key, n: unitSum(table, u, counted) }));
    for (const unit of suppressedIds(cells, totals, minN)) hidden.add(cellKey(unit, b.id));
  }
  return hidden;
}

const shown = (table: DisclosureTable, hidden: Set<string>, unit: string, block: string) => !hidden.has(cellKey(unit, block));
const value = (table: DisclosureTable, unit: string, counter: string) =>
  unitSum(table, table.units.find((u) => u.key === unit)!, [counter]);

const Q1 = [likert4('q1')];
const mixed = (n: number) => sheets(Q1, n, [4, 3, 4, 2, 1, 4]);

describe('suppression over the whole published hierarchy (issue 11 §1)', () => {
  it('closes the overlapping-group leak: 十四中 at 4 answers is recovered from today’s pattern, not from the plan', async () => {
    // Prepare: 济南市中区 as seeded, minN 5; 十四中 4 answers, 实验初中 5, every other school 6–9.
    const engine = await loadLpEngine();
    const catalogue = jinan();
    const sizes = (s: string, i: number) => (s === 'jn-no14-ms' ? 4 : s === 'jn-shiyan-jhs' ? 5 : 6 + (i % 4));
    const table = tableOf(catalogue, Q1, countersFrom(Q1, new Map(catalogue.schoolIds.map((s, i) => [s, mixed(sizes(s, i))]))));
    const today = todaysPattern(table, 5);

    // Assess (today): exactly 十四中, 实验初中 and 泉景 hidden on q1 …
    const hiddenSchools = [...today].filter((c) => c.startsWith('school:') && c.endsWith('|q1'));
    expect(hiddenSchools.sort()).toEqual(['school:jn-no14-ms|q1', 'school:jn-quanjing-ms|q1', 'school:jn-shiyan-jhs|q1']);
    // … yet district − the nine other groups − the shown 68中 gives 十四中's exact answers,
    const nine = catalogue.groups.filter((g) => !g.id.endsWith('-alliance')).map((g) => `group:${g.id}`);
    const used = ['district:jinan-shizhong', ...nine, 'school:jn-no68-ms', 'group:jn-shiyan-alliance', 'group:jn-shiyan'];
    expect(used.every((u) => shown(table, today, u, 'q1'))).toBe(true);
    for (const v of ['1', '2', '3', '4']) {
      const c = `q1#${v}`;
      const no14 =
        value(table, 'district:jinan-shizhong', c) -
        nine.reduce((s, g) => s + value(table, g, c), 0) -
        value(table, 'school:jn-no68-ms', c);
      expect(no14).toBe(value(table, 'school:jn-no14-ms', c));
      const shiyan = value(table, 'group:jn-shiyan-alliance', c) - no14;
      expect(shiyan).toBe(value(table, 'school:jn-shiyan-jhs', c));
      expect(value(table, 'group:jn-shiyan', c) - shiyan).toBe(value(table, 'school:jn-quanjing-ms', c));
    }
    // … and the audit says so, as does the independent attacker.
    expect((await attack(table, today, 5)).filter((a) => breaks(a, 5)).map((a) => `${a.cell}#${a.target}`)).toContain(
      'school:jn-no14-ms|q1#n',
    );
    const audit = auditPublication(table, today, 5, engine);
    expect(audit.passed).toBe(false);
    expect(audit.determinedByDifferencing).toContain('school:jn-no14-ms|q1#n');
    expect(audit.findings).toContainEqual(
      expect.objectContaining({ cell: 'school:jn-no14-ms|q1', target: 'n', range: [4, 4], reason: 'pinned' }),
    );

    // Act: the plan.
    const plan = planSuppression(table, 5, engine);

    // Assess: it passes its own audit, a fresh one, and an attacker with an integer solver.
    expect(plan.audit.passed).toBe(true);
    expect(auditPublication(table, plan.hidden, 5, engine).passed).toBe(true);
    expect((await attack(table, plan.hidden, 5)).filter((a) => breaks(a, 5))).toEqual([]);
    expect(used.some((u) => !shown(table, plan.hidden, u, 'q1'))).toBe(true);
  });

  it("closes the leak in docs/scoring.md's third example (泉景 = 76 − 70 = 6)", async () => {
    // Prepare: 实验初中 40 and 泉景 6 (实验教育集团), 实验初中 40 and 十四中 30 (联盟), minN 10.
    const engine = await loadLpEngine();
    const catalogue: Catalogue = {
      districtId: 'd',
      schoolIds: ['shiyan', 'quanjing', 'no14'],
      groups: [
        { id: 'shiyan-group', schoolIds: ['shiyan', 'quanjing'] },
        { id: 'alliance', schoolIds: ['shiyan', 'no14'] },
      ],
    };
    const table = tableOf(
      catalogue,
      Q1,
      countersFrom(
        Q1,
        new Map([
          ['shiyan', mixed(40)],
          ['quanjing', mixed(6)],
          ['no14', mixed(30)],
        ]),
      ),
    );
    const today = todaysPattern(table, 10);
    expect(['school:shiyan', 'school:quanjing', 'school:no14'].every((s) => today.has(cellKey(s, 'responses')))).toBe(true);
    expect(value(table, 'district:d', '_responses') - value(table, 'group:alliance', '_responses')).toBe(6);

    // Act / Assess: today's pattern fails the audit on 泉景; the plan passes it and the attacker.
    const audit = auditPublication(table, today, 10, engine);
    expect(audit.findings).toContainEqual(expect.objectContaining({ cell: 'school:quanjing|responses', target: 'n', range: [6, 6] }));
    const plan = planSuppression(table, 10, engine);
    expect(plan.audit.passed).toBe(true);
    expect((await attack(table, plan.hidden, 10)).filter((a) => breaks(a, 10))).toEqual([]);
  });

  it('catches a response count read off a shown question across rows (n + 不了解 = responses)', async () => {
    // Prepare: group {a 4, b 12, c 11}; b answered 不了解 twice on q1, so today hides c for the
    // responses but b for q1, and a's count is b's shown responses away from the shown q1 totals.
    const engine = await loadLpEngine();
    const catalogue: Catalogue = { districtId: 'd', schoolIds: ['a', 'b', 'c'], groups: [{ id: 'g', schoolIds: ['a', 'b', 'c'] }] };
    const withUnknown: Array<Record<string, Answer>> = [...mixed(10), { q1: { unknown: true } }, { q1: { unknown: true } }];
    const table = tableOf(
      catalogue,
      Q1,
      countersFrom(
        Q1,
        new Map([
          ['a', mixed(4)],
          ['b', withUnknown],
          ['c', mixed(11)],
        ]),
      ),
    );
    const today = todaysPattern(table, 10);
    expect([...today].filter((c) => c.startsWith('school:')).sort()).toEqual([
      'school:a|q1',
      'school:a|responses',
      'school:b|q1',
      'school:c|responses',
    ]);

    // Act / Assess
    const audit = auditPublication(table, today, 10, engine);
    expect(audit.findings).toContainEqual(expect.objectContaining({ cell: 'school:a|responses', target: 'n', range: [4, 4] }));
    expect(planSuppression(table, 10, engine).audit.passed).toBe(true);
  });

  it('fails a hand-made leaking table: a group of two with only one school hidden', async () => {
    const engine = await loadLpEngine();
    const catalogue: Catalogue = { districtId: 'd', schoolIds: ['a', 'b'], groups: [] };
    const table = tableOf(
      catalogue,
      Q1,
      countersFrom(
        Q1,
        new Map([
          ['a', mixed(3)],
          ['b', mixed(20)],
        ]),
      ),
    );
    const hidden = new Set(['school:a|q1', 'school:a|responses']);

    const audit = auditPublication(table, hidden, 10, engine);

    expect(audit.passed).toBe(false);
    expect(audit.determinedByDifferencing.sort()).toEqual([
      'school:a|q1#n',
      'school:a|q1#q1#3',
      'school:a|q1#q1#4',
      // The published satisfied counts (top 1, 2, 3 boxes) follow by the same subtraction.
      'school:a|q1#q1:top1',
      'school:a|q1#q1:top2',
      'school:a|q1#q1:top3',
      'school:a|responses#_scored',
      'school:a|responses#n',
    ]);
    expect(audit.findings.map((f) => `${f.cell}#${f.target}`).sort()).toEqual(audit.determinedByDifferencing.sort());
  });

  it('counts respondents, not ticks, for a multiple-choice question (issue 11 §4)', async () => {
    // Prepare: 4 respondents tick 3 options each (12 ticks) at one school of 30, minN 10.
    const engine = await loadLpEngine();
    const options = ['a', 'b', 'c', 'd'].map((id) => ({ id, label: id }));
    const questions: Question[] = [{ id: 'q1', type: 'multiple', title: 'm', options, min: 0, max: 3, required: false }];
    const ticked = Array.from({ length: 4 }, () => ({ q1: { choices: ['a', 'b', 'c'] } }) as Record<string, Answer>);
    const skipped = Array.from({ length: 26 }, () => ({}) as Record<string, Answer>);
    const catalogue: Catalogue = { districtId: 'd', schoolIds: ['s'], groups: [] };
    const table = tableOf(catalogue, questions, countersFrom(questions, new Map([['s', [...ticked, ...skipped]]])));

    // Act
    const plan = planSuppression(table, 10, engine);

    // Assess: n is 4 respondents, so the cell is hidden; today's rule counted 12 ticks and showed it.
    expect(value(table, 'school:s', 'q1#_answered')).toBe(4);
    expect(plan.primary.has('school:s|q1')).toBe(true);
    expect(todaysPattern(table, 10).has('school:s|q1')).toBe(false);
  });
});
