/**
 * Linear differencing: can a hidden cell be computed from published cells by adding and
 * subtracting them (district − groups − shown school …)? Exactly when the cell's coefficient
 * vector lies in the span of the published equalities. Decided by Gaussian elimination modulo
 * a prime p < 2^26 (so every product is exact in a double): a vector in the rational span is in
 * the span mod p unless p divides a pivot, which can only make the test report more cells as
 * determined, never fewer, and the LP bounds (audit.ts) decide the final verdict anyway.
 */
const P = 67_108_859;

const mod = (x: number) => ((x % P) + P) % P;
const mul = (a: number, b: number) => (a * b) % P;

function inverse(a: number): number {
  let [r0, r1, s0, s1] = [a, P, 1, 0];
  while (r1 !== 0) {
    const q = Math.floor(r0 / r1);
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  return mod(s0);
}

/** Rows in echelon form, each with coefficient 1 at its pivot and 0 at earlier rows' pivots. */
export class Echelon {
  private readonly rows: Array<{ pivot: number; coefficients: Map<number, number> }> = [];

  get rank(): number {
    return this.rows.length;
  }

  /** Adds a row (column → integer coefficient); false when it was already in the span. */
  add(row: ReadonlyMap<number, number>): boolean {
    const reduced = this.reduce(row);
    if (reduced.size === 0) return false;
    const pivot = Math.min(...reduced.keys());
    const scale = inverse(reduced.get(pivot)!);
    for (const [j, v] of reduced) reduced.set(j, mul(v, scale));
    this.rows.push({ pivot, coefficients: reduced });
    return true;
  }

  /** What is left of a vector after subtracting its component in the span: empty iff in it. */
  reduce(vector: ReadonlyMap<number, number>): Map<number, number> {
    const rest = new Map<number, number>();
    for (const [j, v] of vector) if (mod(v) !== 0) rest.set(j, mod(v));
    for (const { pivot, coefficients } of this.rows) {
      const factor = rest.get(pivot);
      if (factor === undefined) continue;
      for (const [j, v] of coefficients) {
        const next = mod((rest.get(j) ?? 0) - mul(factor, v));
        if (next === 0) rest.delete(j);
        else rest.set(j, next);
      }
    }
    return rest;
  }

  spans(vector: ReadonlyMap<number, number>): boolean {
    return this.reduce(vector).size === 0;
  }
}
