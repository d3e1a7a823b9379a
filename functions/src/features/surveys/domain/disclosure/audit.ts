import { Echelon } from './linear-differencing';
import type { Direction, LpEngine, OpenProgram, SparseRow } from './lp-engine';
import { cellKey, unitSum, type DisclosureTable, type DisclosureUnit } from './published-table';

/**
 * The audit: given what a reader sees (the shown cells) and what the reader knows (the
 * identities, the public bounds), how well can each hidden cell be pinned down?
 *
 * The reader's unknowns are the counters of hidden school cells (a shown school's counters are
 * known). Every shown cell is an equation over them, every identity an (in)equation, every
 * counter a non-negative integer. For each **sensitive** cell — hidden, with 1 ≤ n < minN —
 * the audit tries:
 *   (a) linear differencing: is the cell's n, or one of its counts, a linear combination of
 *       the shown cells (Echelon, exact modulo a prime)?
 *   (b) bounds over non-negative integers: the least and greatest value of the cell's n and of
 *       each count consistent with everything shown, as τ-ARGUS audits a suppressed table.
 * The cell fails if its n is pinned or lies in a range narrower than minN, or if a count that is
 * not zero is pinned. A zero count is not protected (as τ-ARGUS leaves empty cells alone): it
 * names no one, and protecting it would hide every total with an empty option.
 *
 * Safety does not rest on the solver's arithmetic: the range the audit accepts is spanned by
 * integer tables it has found and checked exactly against every equation (the true table is
 * one of them). The LP's bound is used only to look for such tables; a bound it cannot reach
 * with a checked integer table counts as not reached, which can only make the audit stricter.
 * Secondary (complementary) cells are not themselves protected: their n ≥ minN could have been
 * shown; they are hidden only so the sensitive cells cannot be derived.
 */
export interface AuditFinding {
  cell: string;
  /** 'n', or the counter whose count is pinned. */
  target: string;
  value: number;
  range: [number, number];
  reason: 'pinned' | 'narrow';
  /** Shown cells whose equations hold the bound (LP duals): where a complement helps. */
  heldBy: string[];
}

export interface AuditReport {
  passed: boolean;
  shownCells: number;
  hiddenCells: number;
  sensitiveCells: number;
  /** n and non-zero counts of sensitive cells, each bounded from both sides. */
  targetsTried: number;
  /** Targets a linear combination of shown cells computes exactly. */
  determinedByDifferencing: string[];
  findings: AuditFinding[];
  lpSolves: number;
}

type Terms = Map<number, number>;
interface Expression {
  terms: Terms;
  constant: number;
}
interface Row extends SparseRow {
  /** The shown cell this equation publishes; null for an identity. */
  cell: string | null;
}
interface Target {
  cell: string;
  target: string;
  kind: 'size' | 'count';
  value: number;
  expression: Expression;
}

const INTEGRAL = 1e-6;
/** Components with fewer open targets than this are searched target by target. */
const PROBE_FROM = 4;

/**
 * Integer tables found by earlier audits of the same survey, as (school, counter) → value where
 * they differ from the truth. Hiding more cells only removes equations, so every table that was
 * consistent with a pattern stays consistent with a pattern that hides more: a planner passes
 * the memory from round to round and the audit re-searches only what is not yet settled.
 */
export class AuditMemory {
  readonly points: Array<Map<string, number>> = [];
}

export function auditPublication(
  table: DisclosureTable,
  hidden: ReadonlySet<string>,
  minN: number,
  engine: LpEngine,
  memory: AuditMemory = new AuditMemory(),
): AuditReport {
  const system = buildSystem(table, hidden);
  const targets = sensitiveTargets(table, hidden, minN, system);
  const components = splitComponents(system);
  const determined = targets.filter((t) => isDetermined(t, components)).map(label);

  let lpSolves = 0;
  const findings: AuditFinding[] = [];
  const bounds = new ComponentBounds(components, engine, () => lpSolves++, system, memory);
  try {
    bounds.probe(targets, minN);
    for (const t of targets) {
      const range = bounds.range(t, minN);
      const failed = t.kind === 'size' ? range.hi - range.lo < minN : range.hi === range.lo;
      if (!failed) continue;
      findings.push({
        cell: t.cell,
        target: t.target,
        value: t.value,
        range: [range.lo, range.hi],
        reason: range.hi === range.lo ? 'pinned' : 'narrow',
        heldBy: [...range.heldBy].sort(),
      });
    }
  } finally {
    bounds.dispose();
  }
  bounds.remember();
  const cells = table.units.length * table.blocks.length;
  return {
    // Every target differencing determines is pinned at every point found, so it is a finding too.
    passed: findings.length === 0,
    shownCells: cells - hidden.size,
    hiddenCells: hidden.size,
    sensitiveCells: new Set(targets.map((t) => t.cell)).size,
    targetsTried: targets.length,
    determinedByDifferencing: determined,
    findings,
    lpSolves,
  };
}

const label = (t: Target) => `${t.cell}#${t.target}`;

interface System {
  /** Reader's unknowns: (school, counter) of hidden school cells. */
  index: Map<string, number>;
  keys: string[];
  truth: number[];
  upper: number[];
  rows: Row[];
  sum(unit: DisclosureUnit, counters: string[]): Expression;
}

function buildSystem(table: DisclosureTable, hidden: ReadonlySet<string>): System {
  const published = new Set(table.units.filter((u) => u.level === 'school').map((u) => u.schoolIds[0]));
  const schools = [...new Set(table.units.flatMap((u) => u.schoolIds))].sort();
  const value = (s: string, c: string) => table.counts.get(s)?.get(c) ?? 0;
  const index = new Map<string, number>();
  const truth: number[] = [];
  for (const s of schools)
    for (const b of table.blocks) {
      if (published.has(s) && !hidden.has(cellKey(`school:${s}`, b.id))) continue;
      for (const c of b.counters) {
        index.set(`${s}\u0000${c}`, truth.length);
        truth.push(value(s, c));
      }
    }
  const upper = truth.map(() => Infinity);
  for (const { schoolId, counter, max } of table.publicUpperBounds ?? []) {
    const j = index.get(`${schoolId}\u0000${counter}`);
    if (j !== undefined) upper[j] = Math.min(upper[j], max);
  }

  const term = (s: string, c: string, coefficient: number, into: Expression) => {
    const j = index.get(`${s}\u0000${c}`);
    if (j === undefined) into.constant += coefficient * value(s, c);
    else into.terms.set(j, (into.terms.get(j) ?? 0) + coefficient);
  };
  const sum = (unit: DisclosureUnit, counters: string[]): Expression => {
    const e: Expression = { terms: new Map(), constant: 0 };
    for (const s of unit.schoolIds) for (const c of counters) term(s, c, 1, e);
    return e;
  };

  const rows: Row[] = [];
  const pushRow = (e: Expression, lower: number, upper: number, cell: string | null) => {
    const entries = [...e.terms].filter(([, v]) => v !== 0).sort((a, b) => a[0] - b[0]);
    if (entries.length === 0) return;
    rows.push({ indices: entries.map(([j]) => j), values: entries.map(([, v]) => v), lower, upper, cell });
  };
  for (const unit of table.units)
    for (const b of table.blocks) {
      const cell = cellKey(unit.key, b.id);
      if (hidden.has(cell)) continue;
      for (const c of b.counters) {
        const e = sum(unit, [c]);
        const shown = unitSum(table, unit, [c]) - e.constant;
        pushRow(e, shown, shown, cell);
      }
    }
  for (const s of schools)
    for (const identity of table.identities) {
      const e: Expression = { terms: new Map(), constant: 0 };
      for (const [c, coefficient] of identity.terms) term(s, c, coefficient, e);
      pushRow(e, identity.relation === '=' ? -e.constant : -Infinity, -e.constant, null);
    }
  return { index, keys: [...index.keys()], truth, upper, rows, sum };
}

function sensitiveTargets(table: DisclosureTable, hidden: ReadonlySet<string>, minN: number, system: System): Target[] {
  const targets: Target[] = [];
  for (const unit of table.units)
    for (const b of table.blocks) {
      const cell = cellKey(unit.key, b.id);
      const n = unitSum(table, unit, b.size);
      if (!hidden.has(cell) || n < 1 || n >= minN) continue;
      targets.push({ cell, target: 'n', kind: 'size', value: n, expression: system.sum(unit, b.size) });
      for (const c of b.counters) {
        const value = unitSum(table, unit, [c]);
        if (value === 0 || (b.size.length === 1 && b.size[0] === c)) continue;
        targets.push({ cell, target: c, kind: 'count', value, expression: system.sum(unit, [c]) });
      }
      // Published sums (promoters, satisfied boxes) are protected like counts (published-table.ts).
      for (const d of b.derived ?? []) {
        const value = unitSum(table, unit, d.counters);
        if (value === 0) continue;
        targets.push({ cell, target: d.id, kind: 'count', value, expression: system.sum(unit, d.counters) });
      }
    }
  return targets;
}

interface Component {
  /** Global column → local column. */
  columns: Map<number, number>;
  rows: Row[];
  upper: number[];
  truth: number[];
  echelon: Echelon;
}

function splitComponents(system: System): { of: number[]; list: Component[] } {
  const parent = system.truth.map((_, j) => j);
  const find = (j: number): number => (parent[j] === j ? j : (parent[j] = find(parent[j])));
  for (const row of system.rows) for (const j of row.indices.slice(1)) parent[find(j)] = find(row.indices[0]);
  const byRoot = new Map<number, Component>();
  const of = system.truth.map((_, j) => {
    const root = find(j);
    let component = byRoot.get(root);
    if (!component) byRoot.set(root, (component = { columns: new Map(), rows: [], upper: [], truth: [], echelon: new Echelon() }));
    component.columns.set(j, component.truth.length);
    component.truth.push(system.truth[j]);
    component.upper.push(system.upper[j]);
    return root;
  });
  const list = [...byRoot.values()];
  const indexOf = new Map([...byRoot.keys()].map((root, i) => [root, i]));
  const componentOf = of.map((root) => indexOf.get(root)!);
  for (const row of system.rows) {
    const component = list[componentOf[row.indices[0]]];
    const local = { ...row, indices: row.indices.map((j) => component.columns.get(j)!) };
    component.rows.push(local);
    if (row.lower === row.upper) component.echelon.add(new Map(local.indices.map((j, k) => [j, row.values[k]])));
  }
  return { of: componentOf, list };
}

/** A target's terms, split by component, in local columns. */
/** A hidden cell's range passes when it is at least minN wide (a size) or not a single value. */
const passes = (t: Target, minN: number, { lo, hi }: { lo: number; hi: number }) => (t.kind === 'size' ? hi - lo >= minN : hi > lo);

function parts(expression: Expression, components: { of: number[]; list: Component[] }): Array<[number, Terms]> {
  const byComponent = new Map<number, Terms>();
  for (const [j, v] of expression.terms) {
    if (v === 0) continue;
    const c = components.of[j];
    if (!byComponent.has(c)) byComponent.set(c, new Map());
    byComponent.get(c)!.set(components.list[c].columns.get(j)!, v);
  }
  return [...byComponent].sort((a, b) => a[0] - b[0]);
}

function isDetermined(t: Target, components: { of: number[]; list: Component[] }): boolean {
  return parts(t.expression, components).every(([c, terms]) => components.list[c].echelon.spans(terms));
}

const valueAt = (terms: Terms, point: number[]) => [...terms].reduce((sum, [j, v]) => sum + v * point[j], 0);

/** Checks an integer point against every row and bound of a component, exactly. */
function feasible(component: Component, point: number[]): boolean {
  if (point.some((x, j) => !Number.isSafeInteger(x) || x < 0 || x > component.upper[j])) return false;
  return component.rows.every((r) => {
    const activity = r.indices.reduce((sum, j, k) => sum + r.values[k] * point[j], 0);
    return activity >= r.lower && activity <= r.upper;
  });
}

/**
 * Per component: the checked integer points found so far (the truth first), one open LP, and
 * the best bound of each part already searched for.
 */
class ComponentBounds {
  private readonly points: number[][][];
  private readonly programs = new Map<number, OpenProgram>();
  private readonly searched = new Map<string, { value: number; heldBy: string[] }>();

  private readonly fresh: Array<[number, number[]]> = [];
  private readonly globals: number[][];

  constructor(
    private readonly components: { of: number[]; list: Component[] },
    private readonly engine: LpEngine,
    private readonly counted: () => void,
    private readonly system: System,
    private readonly memory: AuditMemory,
  ) {
    this.globals = components.list.map((c) => [...c.columns.keys()]);
    this.points = components.list.map((c, i) => {
      const carried = memory.points
        .map((known) => this.globals[i].map((j, local) => known.get(system.keys[j]) ?? c.truth[local]))
        .filter((p) => p.some((x, local) => x !== c.truth[local]) && feasible(c, p));
      return [c.truth, ...carried];
    });
  }

  /** Hands the points found in this audit to the next one. */
  remember(): void {
    for (const [c, point] of this.fresh) {
      const changed = new Map<string, number>();
      point.forEach((x, local) => {
        if (x !== this.components.list[c].truth[local]) changed.set(this.system.keys[this.globals[c][local]], x);
      });
      if (changed.size > 0) this.memory.points.push(changed);
    }
  }

  /**
   * A few searches per component that move many targets at once (all of them up, all down,
   * alternate ones up and the rest down), so most targets are settled by the points found
   * before any target needs a search of its own.
   */
  probe(targets: Target[], minN: number): void {
    const open = new Map<number, Terms[]>();
    for (const t of targets) {
      const split = parts(t.expression, this.components);
      if (passes(t, minN, this.span(t, split))) continue;
      for (const [c, terms] of split) open.set(c, [...(open.get(c) ?? []), terms]);
    }
    for (const [c, list] of open) {
      if (list.length < PROBE_FROM) continue;
      const all = new Map<number, number>();
      const alternate = new Map<number, number>();
      list.forEach((terms, i) => {
        for (const [j, v] of terms) {
          all.set(j, (all.get(j) ?? 0) + v);
          alternate.set(j, (alternate.get(j) ?? 0) + (i % 2 === 0 ? v : -v));
        }
      });
      for (const objective of [all, alternate]) {
        for (const [j, v] of objective) if (v === 0) objective.delete(j);
        if (objective.size === 0) continue;
        this.search(c, objective, 'max');
        this.search(c, objective, 'min');
      }
    }
  }

  /** The range of a target over the points found so far, from its parts per component. */
  private span(t: Target, split: Array<[number, Terms]>): { lo: number; hi: number } {
    let lo = t.expression.constant;
    let hi = t.expression.constant;
    for (const [c, terms] of split) {
      const values = this.points[c].map((p) => valueAt(terms, p));
      lo += Math.min(...values);
      hi += Math.max(...values);
    }
    return { lo, hi };
  }

  /** The range of a target over the points found, searching only until it is known to pass or fail. */
  range(t: Target, minN: number): { lo: number; hi: number; heldBy: Set<string> } {
    const split = parts(t.expression, this.components);
    const heldBy = new Set<string>();
    let seen = this.span(t, split);
    if (passes(t, minN, seen)) return { ...seen, heldBy };
    for (const [c, terms] of split)
      for (const direction of ['max', 'min'] as const) {
        const found = this.search(c, terms, direction);
        if (found.value === Infinity || found.value === -Infinity) return { lo: -Infinity, hi: Infinity, heldBy };
        for (const cell of found.heldBy) heldBy.add(cell);
        seen = this.span(t, split);
        if (passes(t, minN, seen)) return { ...seen, heldBy: new Set() };
      }
    return { ...seen, heldBy };
  }

  /** Looks for the integer point that maximises (minimises) a part; keeps it if it checks. */
  private search(c: number, terms: Terms, direction: Direction): { value: number; heldBy: string[] } {
    const key = `${c}|${direction}|${[...terms].sort((a, b) => a[0] - b[0]).join(';')}`;
    const known = this.searched.get(key);
    if (known) return known;
    const component = this.components.list[c];
    const program = this.program(c);
    this.counted();
    const relaxed = program.relaxed(direction, terms);
    let result: { value: number; heldBy: string[] };
    if (relaxed.status === 'unbounded') result = { value: direction === 'max' ? Infinity : -Infinity, heldBy: [] };
    else {
      const heldBy = [
        ...new Set(component.rows.filter((r, i) => r.cell !== null && Math.abs(relaxed.rowDuals[i] ?? 0) > 1e-9).map((r) => r.cell!)),
      ];
      let point = relaxed.status === 'optimal' ? integralPoint(relaxed.values) : null;
      if (!point || !feasible(component, point)) {
        this.counted();
        const integral = program.integral(direction, terms);
        point = integral.status === 'optimal' ? integralPoint(integral.values) : null;
      }
      if (point && feasible(component, point)) {
        this.points[c].push(point);
        this.fresh.push([c, point]);
      }
      const values = this.points[c].map((p) => valueAt(terms, p));
      result = { value: direction === 'max' ? Math.max(...values) : Math.min(...values), heldBy };
    }
    this.searched.set(key, result);
    return result;
  }

  private program(c: number): OpenProgram {
    let program = this.programs.get(c);
    if (!program) {
      const { truth, rows, upper } = this.components.list[c];
      program = this.engine.open({ numCols: truth.length, rows, colUpper: upper });
      this.programs.set(c, program);
    }
    return program;
  }

  dispose(): void {
    for (const p of this.programs.values()) p.dispose();
  }
}

function integralPoint(values: Float64Array): number[] | null {
  const point = Array.from(values, (x) => Math.round(x));
  return point.every((x, j) => Math.abs(x - values[j]) <= INTEGRAL) ? point : null;
}
