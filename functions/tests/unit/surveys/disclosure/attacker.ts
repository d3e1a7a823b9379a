import loadHighs from 'highs';
import { cellKey, unitSum, type DisclosureTable } from '../../../../src/features/surveys/domain/disclosure/published-table';

/**
 * An attacker written apart from the audit: it sees only the shown cells (their values) and the
 * questionnaire's identities, makes every school counter an integer unknown, and asks an
 * integer solver for the least and greatest value of each cell it was not shown. It shares no
 * code with audit.ts (no elimination of known schools, no components, no carried points).
 */
export interface Attack {
  cell: string;
  /** 'n', or the counter. */
  target: string;
  value: number;
  range: [number, number];
}

let solver: ReturnType<typeof loadHighs> | null = null;

export async function attack(table: DisclosureTable, hidden: ReadonlySet<string>, minN: number): Promise<Attack[]> {
  const highs = await (solver ??= loadHighs());
  const schools = [...new Set(table.units.flatMap((u) => u.schoolIds))];
  const counters = table.blocks.flatMap((b) => b.counters);
  const name = new Map<string, string>();
  schools.forEach((s, i) => counters.forEach((c, k) => name.set(`${s}|${c}`, `x${i}_${k}`)));
  const sum = (schoolIds: string[], cs: string[]) => schoolIds.flatMap((s) => cs.map((c) => `+ ${name.get(`${s}|${c}`)}`)).join(' ');

  const rows: string[] = [];
  for (const u of table.units)
    for (const b of table.blocks) {
      if (hidden.has(cellKey(u.key, b.id))) continue;
      for (const c of b.counters) rows.push(`${sum(u.schoolIds, [c])} = ${unitSum(table, u, [c])}`);
    }
  for (const s of schools)
    for (const identity of table.identities)
      rows.push(
        `${identity.terms.map(([c, k]) => `${k >= 0 ? '+' : '-'} ${Math.abs(k)} ${name.get(`${s}|${c}`)}`).join(' ')} ${identity.relation} 0`,
      );
  const bounds = (table.publicUpperBounds ?? []).map((b) => `${name.get(`${b.schoolId}|${b.counter}`)} <= ${b.max}`);
  const variables = [...name.values()].join(' ');

  const solve = (sense: 'Maximize' | 'Minimize', objective: string) => {
    const lp = [
      sense,
      ` obj: ${objective}`,
      'Subject To',
      ...rows.map((r, i) => ` c${i}: ${r}`),
      'Bounds',
      ...bounds.map((b) => ` ${b}`),
      'Generals',
      ` ${variables}`,
      'End',
    ].join('\n');
    const result = highs.solve(lp, { output_flag: false, mip_rel_gap: 0 });
    // The true table is feasible, so "infeasible or unbounded" can only mean unbounded.
    if (result.Status.includes('nbounded')) return sense === 'Maximize' ? Infinity : -Infinity;
    if (result.Status !== 'Optimal') throw new Error(`attack: ${result.Status}`);
    return Math.round(result.ObjectiveValue);
  };

  const attacks: Attack[] = [];
  for (const u of table.units)
    for (const b of table.blocks) {
      const cell = cellKey(u.key, b.id);
      const n = unitSum(table, u, b.size);
      if (!hidden.has(cell) || n < 1 || n >= minN) continue;
      const objective = sum(u.schoolIds, b.size);
      attacks.push({ cell, target: 'n', value: n, range: [solve('Minimize', objective), solve('Maximize', objective)] });
      for (const c of b.counters) {
        const value = unitSum(table, u, [c]);
        if (value === 0 || (b.size.length === 1 && b.size[0] === c)) continue;
        const count = sum(u.schoolIds, [c]);
        attacks.push({ cell, target: c, value, range: [solve('Minimize', count), solve('Maximize', count)] });
      }
      // The published sums (promoters, satisfied boxes): one more thing a reader could subtract.
      for (const d of b.derived ?? []) {
        const value = unitSum(table, u, d.counters);
        if (value === 0) continue;
        const count = sum(u.schoolIds, d.counters);
        attacks.push({ cell, target: d.id, value, range: [solve('Minimize', count), solve('Maximize', count)] });
      }
    }
  return attacks;
}

/** The audit's promise, checked on an attack: n never pinned nor narrower than minN, no non-zero count pinned. */
export const breaks = (a: Attack, minN: number) => (a.target === 'n' ? a.range[1] - a.range[0] < minN : a.range[0] === a.range[1]);
