/** The smallest minN a district may set: below it, single answers become guessable. */
export const MIN_N_FLOOR = 5;
export const MIN_N_DEFAULT = 10;

export function effectiveMinN(requested: number | undefined): number {
  return Math.max(MIN_N_FLOOR, Math.floor(requested ?? MIN_N_DEFAULT));
}

export interface Cell {
  id: string;
  n: number;
}

/** A published total over some cells (a group over its schools, a district over all its schools). */
export interface Total {
  id: string;
  children: string[];
}

/**
 * Which cells and totals to show as 样本不足.
 * 1. Primary: every cell and total with n < minN.
 * 2. Complementary: for each total that is still shown, the hidden children must not be
 *    recoverable by subtraction: if exactly one child is hidden, or the hidden children
 *    together have fewer than minN answers, hide the smallest shown child as well (ties by id);
 *    if no child is left to hide, hide the total. Repeat until nothing changes (a school can
 *    be in several groups, so hiding for one total can expose another).
 */
export function suppressedIds(cells: Cell[], totals: Total[], minN: number): Set<string> {
  const nOf = new Map(cells.map((c) => [c.id, c.n]));
  const totalN = (t: Total) => t.children.reduce((sum, id) => sum + (nOf.get(id) ?? 0), 0);
  const hidden = new Set<string>();
  for (const c of cells) if (c.n < minN) hidden.add(c.id);
  for (const t of totals) if (totalN(t) < minN) hidden.add(t.id);

  for (let changed = true; changed; ) {
    changed = false;
    for (const t of totals) {
      if (hidden.has(t.id)) continue;
      const hiddenChildren = t.children.filter((id) => hidden.has(id));
      if (hiddenChildren.length === 0) continue;
      const hiddenN = hiddenChildren.reduce((sum, id) => sum + (nOf.get(id) ?? 0), 0);
      if (hiddenChildren.length >= 2 && hiddenN >= minN) continue;
      const shown = t.children.filter((id) => !hidden.has(id)).sort((a, b) => (nOf.get(a) ?? 0) - (nOf.get(b) ?? 0) || (a < b ? -1 : 1));
      hidden.add(shown[0] ?? t.id);
      changed = true;
    }
  }
  return hidden;
}
