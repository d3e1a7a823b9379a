import fc from 'fast-check';
import { effectiveMinN, suppressedIds, type Cell, type Total } from '../../../../src/features/surveys/domain/scoring/suppression';

const hidden = (cells: Cell[], totals: Total[], minN = 10) => [...suppressedIds(cells, totals, minN)].sort();

describe('small-cell suppression', () => {
  it('never lets minN go below 5, and defaults to 10', () => {
    expect(effectiveMinN(undefined)).toBe(10);
    expect(effectiveMinN(3)).toBe(5);
    expect(effectiveMinN(12)).toBe(12);
  });

  it('hides a second school when only one would be hidden under a shown group total', () => {
    // 经五 group: a 12, b 4, c 15. b is small; group − a − c would reveal b, so a (the smallest shown) goes too.
    const cells = [
      { id: 'a', n: 12 },
      { id: 'b', n: 4 },
      { id: 'c', n: 15 },
    ];
    expect(hidden(cells, [{ id: 'G', children: ['a', 'b', 'c'] }])).toEqual(['a', 'b']);
  });

  it('hides more until the hidden schools together reach minN', () => {
    const cells = [
      { id: 'a', n: 12 },
      { id: 'b', n: 4 },
      { id: 'c', n: 3 },
      { id: 'd', n: 20 },
    ];
    expect(hidden(cells, [{ id: 'G', children: ['a', 'b', 'c', 'd'] }])).toEqual(['a', 'b', 'c']);
  });

  it('hides a total that is itself small, and leaves large cells alone', () => {
    expect(
      hidden(
        [
          { id: 'a', n: 3 },
          { id: 'b', n: 4 },
        ],
        [{ id: 'G', children: ['a', 'b'] }],
      ),
    ).toEqual(['G', 'a', 'b']);
    expect(
      hidden(
        [
          { id: 'a', n: 30 },
          { id: 'b', n: 40 },
        ],
        [{ id: 'G', children: ['a', 'b'] }],
      ),
    ).toEqual([]);
  });

  it('follows a school into every group it belongs to (实验初中 is in two groups)', () => {
    const cells = [
      { id: 'shiyan', n: 40 },
      { id: 'quanjing', n: 6 },
      { id: 'no14', n: 30 },
    ];
    const totals = [
      { id: 'group', children: ['shiyan', 'quanjing'] },
      { id: 'alliance', children: ['shiyan', 'no14'] },
      { id: 'district', children: ['shiyan', 'quanjing', 'no14'] },
    ];
    // quanjing hidden → shiyan hidden for `group` → alliance would expose shiyan → no14 hidden.
    expect(hidden(cells, totals)).toEqual(['no14', 'quanjing', 'shiyan']);
  });

  it('never leaks: every shown cell and total has at least minN, and no shown total lets a hidden part be recovered', () => {
    const scenario = fc
      .record({
        ns: fc.array(fc.nat({ max: 40 }), { minLength: 1, maxLength: 8 }),
        groups: fc.array(fc.array(fc.nat({ max: 7 }), { minLength: 1, maxLength: 5 }), { maxLength: 4 }),
        minN: fc.integer({ min: 5, max: 15 }),
      })
      .map(({ ns, groups, minN }) => {
        const cells = ns.map((n, i) => ({ id: `s${i}`, n }));
        const totals = [
          ...groups.map((members, g) => ({ id: `g${g}`, children: [...new Set(members.map((m) => `s${m % ns.length}`))] })),
          { id: 'district', children: cells.map((c) => c.id) },
        ];
        return { cells, totals, minN };
      });
    fc.assert(
      fc.property(scenario, ({ cells, totals, minN }) => {
        const out = suppressedIds(cells, totals, minN);
        const n = new Map(cells.map((c) => [c.id, c.n]));
        for (const c of cells) if (!out.has(c.id)) expect(c.n).toBeGreaterThanOrEqual(minN);
        for (const t of totals) {
          if (out.has(t.id)) continue;
          expect(t.children.reduce((s, id) => s + n.get(id)!, 0)).toBeGreaterThanOrEqual(minN);
          const hiddenChildren = t.children.filter((id) => out.has(id));
          if (hiddenChildren.length > 0) {
            expect(hiddenChildren.length).toBeGreaterThanOrEqual(2);
            expect(hiddenChildren.reduce((s, id) => s + n.get(id)!, 0)).toBeGreaterThanOrEqual(minN);
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
