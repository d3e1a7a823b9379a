import type { Answer, Question } from '../../../../../shared';
import { auditPublication } from '../../../../src/features/surveys/domain/disclosure/audit';
import { loadLpEngine } from '../../../../src/features/surveys/domain/disclosure/lp-engine';
import { planSuppression } from '../../../../src/features/surveys/domain/disclosure/plan-suppression';
import { countersFrom, jinan, likert4, tableOf } from './fixtures';

/**
 * A survey of the seed's size: 济南市中区's 24 schools and 11 overlapping groups, 15 questions
 * (12 four-point likert with 不了解, two single choice of 6 options, one multiple choice of 6),
 * schools of 3–40 answers. The plan and a fresh audit of it must pass; the times are printed
 * (docs/scoring.md quotes them), not asserted: the test machine is shared.
 */
const OPTIONS = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => ({ id, label: id }));
const QUESTIONS: Question[] = [
  ...Array.from({ length: 12 }, (_, i) => likert4(`q${i + 1}`)),
  { id: 'q13', type: 'single', title: 's', options: OPTIONS, required: true },
  { id: 'q14', type: 'single', title: 's', options: OPTIONS, required: false },
  { id: 'q15', type: 'multiple', title: 'm', options: OPTIONS, min: 1, max: 3, required: true },
];

function answers(): Map<string, Array<Record<string, Answer>>> {
  let seed = 7;
  const next = (k: number) => (seed = (seed * 16807) % 2147483647) % k;
  const catalogue = jinan();
  return new Map(
    catalogue.schoolIds.map((s, i) => [
      s,
      Array.from({ length: s === 'jn-no14-ms' ? 4 : [3, 12, 25, 40, 8, 30][i % 6] }, () => {
        const sheet: Record<string, Answer> = {};
        for (const q of QUESTIONS.slice(0, 12)) sheet[q.id] = next(8) === 0 ? { unknown: true } : { likert: 1 + next(4) };
        sheet.q13 = { choice: OPTIONS[next(6)].id };
        if (next(2)) sheet.q14 = { choice: OPTIONS[next(6)].id };
        sheet.q15 = { choices: [...new Set([OPTIONS[next(6)].id, OPTIONS[next(6)].id])] };
        return sheet;
      }),
    ]),
  );
}

describe('a survey of the seed size', () => {
  it.each([5, 10])('plans and audits at minN %i', async (minN) => {
    const engine = await loadLpEngine();
    const table = tableOf(jinan(), QUESTIONS, countersFrom(QUESTIONS, answers()));
    planSuppression(table, minN, engine); // warm: the first solve compiles HiGHS's code paths

    const started = performance.now();
    const plan = planSuppression(table, minN, engine);
    const planned = performance.now() - started;
    const auditStarted = performance.now();
    const audit = auditPublication(table, plan.hidden, minN, engine);
    const audited = performance.now() - auditStarted;

    console.log(
      `seed size, minN ${minN}: plan ${planned.toFixed(0)} ms (${plan.rounds} rounds, ${plan.lpSolves} solves), audit ${audited.toFixed(0)} ms;`,
      JSON.stringify({ ...audit, findings: audit.findings.length }),
    );
    expect(plan.audit.passed).toBe(true);
    expect(audit.passed).toBe(true);
    expect(audit.sensitiveCells).toBeGreaterThan(0);
    expect(audit.determinedByDifferencing).toEqual([]);
  });
});
