import { suppressedIds } from '../scoring/suppression';
import { AuditMemory, auditPublication, type AuditReport } from './audit';
import type { LpEngine } from './lp-engine';
import { cellKey, unitSum, type DisclosureTable, type DisclosureUnit } from './published-table';

export interface SuppressionPlan {
  /** Cells shown as 样本不足: keys `unit|block`. */
  hidden: Set<string>;
  /** Of those, the cells hidden for their own n < minN. */
  primary: Set<string>;
  /** Audit rounds until the audit passed (1 when the first pattern already held). */
  rounds: number;
  /** LP and integer solves over all rounds. */
  lpSolves: number;
  /** The audit of the returned pattern: passed is always true. */
  audit: AuditReport;
}

/** Hiding a group or the district costs readers more than hiding a school of the same size. */
const LEVEL_COST = { school: 1, group: 4, district: 1000 } as const;

/**
 * Which cells to hide, as one problem over every published cell (district, every group with
 * overlapping memberships, every school; every question and the response counts):
 *  1. primary: every cell with n < minN;
 *  2. a first complementary pattern per block by the simple rule (suppressedIds: no shown total
 *     over exactly one hidden school, or over hidden schools with fewer than minN together);
 *  3. the audit (audit.ts) over the whole table; for each cell it can still pin down, hide the
 *     cheapest shown cell whose equation holds the bound (LP duals), else the smallest shown
 *     school of the same question beside it; repeat until the audit passes.
 * Each round hides at least one more cell and hiding everything passes, so it terminates.
 * Deterministic: same table, same plan.
 */
export function planSuppression(table: DisclosureTable, minN: number, engine: LpEngine): SuppressionPlan {
  const size = new Map<string, number>();
  const unitOf = new Map<string, DisclosureUnit>();
  for (const u of table.units)
    for (const b of table.blocks) {
      size.set(cellKey(u.key, b.id), unitSum(table, u, b.size));
      unitOf.set(cellKey(u.key, b.id), u);
    }
  const primary = new Set([...size].filter(([, n]) => n < minN).map(([cell]) => cell));
  const hidden = new Set(primary);
  const schools = table.units.filter((u) => u.level === 'school');
  const totals = table.units.filter((u) => u.level !== 'school');
  for (const b of table.blocks) {
    const first = suppressedIds(
      schools.map((u) => ({ id: u.key, n: size.get(cellKey(u.key, b.id))! })),
      totals.map((u) => ({ id: u.key, children: u.schoolIds.map((s) => `school:${s}`) })),
      minN,
    );
    for (const unit of first) hidden.add(cellKey(unit, b.id));
  }

  const cost = (cell: string) => LEVEL_COST[unitOf.get(cell)!.level] * (size.get(cell)! + 1);
  const cheapest = (cells: Iterable<string>) =>
    [...cells].filter((c) => !hidden.has(c)).sort((a, b) => cost(a) - cost(b) || (a < b ? -1 : 1))[0];

  const memory = new AuditMemory();
  let lpSolves = 0;
  for (let rounds = 1; ; rounds++) {
    const audit = auditPublication(table, hidden, minN, engine, memory);
    lpSolves += audit.lpSolves;
    if (audit.passed) return { hidden, primary, rounds, lpSolves, audit };
    const chosen = new Set<string>();
    for (const finding of audit.findings) {
      const pick = cheapest(finding.heldBy) ?? cheapest(neighbours(table, finding.cell, unitOf));
      if (pick) chosen.add(pick);
    }
    const before = hidden.size;
    for (const cell of chosen) hidden.add(cell);
    // Nothing local was left to hide: hide every cell (a table with nothing shown always passes).
    if (hidden.size === before) for (const cell of size.keys()) hidden.add(cell);
  }
}

/** Shown cells of the same block in units that share a school with the failing cell's unit. */
function neighbours(table: DisclosureTable, cell: string, unitOf: Map<string, DisclosureUnit>): string[] {
  const [unit, block] = cell.split('|');
  const schools = new Set(table.units.find((u) => u.key === unit)!.schoolIds);
  const around = table.units.filter((u) => u.schoolIds.some((s) => schools.has(s)));
  const siblings = new Set(around.flatMap((u) => u.schoolIds));
  return table.units
    .filter((u) => around.includes(u) || (u.level === 'school' && siblings.has(u.schoolIds[0])))
    .map((u) => cellKey(u.key, block))
    .filter((c) => unitOf.has(c));
}
