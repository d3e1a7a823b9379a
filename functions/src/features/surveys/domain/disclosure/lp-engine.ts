import type { Highs, Model } from 'highs';

/**
 * The audit's linear-programming oracle, over HiGHS (MIT; compiled to WebAssembly, no native
 * add-on, no service). The audit never trusts a bound the solver reports: it only uses the
 * points the solver finds, after checking them itself in exact integer arithmetic
 * (disclosure/audit.ts), so solver tolerances can widen no range it accepts.
 */
export interface SparseRow {
  indices: number[];
  values: number[];
  lower: number;
  upper: number;
}

export interface LinearProgram {
  numCols: number;
  rows: SparseRow[];
  /** Public upper bound per column (Infinity when none); every column is ≥ 0. */
  colUpper: number[];
}

export type Direction = 'max' | 'min';

export interface LpOutcome {
  status: 'optimal' | 'unbounded' | 'failed';
  /** Column values of the point found (empty unless optimal). */
  values: Float64Array;
  /** Row duals of the LP relaxation (empty for an integer solve): which rows hold the bound. */
  rowDuals: Float64Array;
}

export interface OpenProgram {
  /** Optimises Σ coefficient·x over the LP relaxation. */
  relaxed(direction: Direction, objective: Map<number, number>): LpOutcome;
  /** The same over integer points (branch and bound, node-limited so it stays deterministic). */
  integral(direction: Direction, objective: Map<number, number>): LpOutcome;
  dispose(): void;
}

export interface LpEngine {
  open(program: LinearProgram): OpenProgram;
}

/**
 * Only the objective changes between solves, so the last basis stays primal feasible: primal
 * simplex restarts from it, and its vertices were integral in every table measured (so the
 * integer search was rarely needed).
 */
const PRIMAL_SIMPLEX = 4;
/** Node limit of one integer solve: deterministic, unlike a time limit. */
const MIP_MAX_NODES = 2000;

let loaded: Promise<Highs> | null = null;

/** Loads HiGHS once per process (about 3.5 MB of WebAssembly). */
export function loadLpEngine(): Promise<LpEngine> {
  // Imported here, not at the top: the solver (about 3.6 MB with its WebAssembly) loads with the
  // first audit, never at a container's start-up (tests/contract/cloud-bundle.test.ts).
  loaded ??= import('highs').then(({ default: loadHighs }) => loadHighs());
  return loaded.then((highs) => ({ open: (program) => openProgram(highs, program) }));
}

function openProgram(highs: Highs, program: LinearProgram): OpenProgram {
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const row of program.rows) {
    indices.push(...row.indices);
    values.push(...row.values);
    starts.push(indices.length);
  }
  const { numCols } = program;
  const model: Model = highs.createModel({
    numCols,
    numRows: program.rows.length,
    colCost: new Array(numCols).fill(0),
    colLower: new Array(numCols).fill(0),
    colUpper: program.colUpper.map((u) => (Number.isFinite(u) ? u : highs.infinity)),
    rowLower: program.rows.map((r) => (Number.isFinite(r.lower) ? r.lower : -highs.infinity)),
    rowUpper: program.rows.map((r) => (Number.isFinite(r.upper) ? r.upper : highs.infinity)),
    matrix: { format: 'csr', numRows: program.rows.length, numCols, starts, indices, values },
  });
  model.options.set({
    output_flag: false,
    presolve: 'on',
    simplex_strategy: PRIMAL_SIMPLEX,
    mip_rel_gap: 0,
    mip_abs_gap: 0,
    mip_max_nodes: MIP_MAX_NODES,
  });
  const all = { kind: 'range', from: 0, to: numCols - 1 } as const;
  const { modelStatus, objectiveSense, variableType } = highs.constants;

  let costed: number[] = [];
  const run = (direction: Direction, objective: Map<number, number>, integer: boolean): LpOutcome => {
    for (const j of costed) model.changeColCost(j, 0);
    costed = [...objective.keys()];
    for (const [j, c] of objective) model.changeColCost(j, c);
    model.changeObjectiveSense(direction === 'max' ? objectiveSense.maximize : objectiveSense.minimize);
    if (integer && numCols > 0) model.changeColsIntegrality(all, new Array(numCols).fill(variableType.integer));
    try {
      model.run();
      const status = model.getModelStatus();
      if (status === modelStatus.unbounded) return { status: 'unbounded', values: new Float64Array(), rowDuals: new Float64Array() };
      if (status !== modelStatus.optimal && !(integer && model.getSolution().colValue.length === numCols && hasPrimal(model)))
        return { status: 'failed', values: new Float64Array(), rowDuals: new Float64Array() };
      const solution = model.getSolution();
      return { status: 'optimal', values: solution.colValue, rowDuals: integer ? new Float64Array() : solution.rowDual };
    } finally {
      if (integer && numCols > 0) model.clearIntegrality();
    }
  };
  return {
    relaxed: (direction, objective) => run(direction, objective, false),
    integral: (direction, objective) => run(direction, objective, true),
    dispose: () => model.dispose(),
  };
}

/** A node-limited integer solve still hands back its best feasible point, which is all the audit needs. */
function hasPrimal(model: Model): boolean {
  try {
    return Number(model.info.get('primal_solution_status')) === 2;
  } catch {
    return false;
  }
}
