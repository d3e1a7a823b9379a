import { decode, encode } from '@jridgewell/sourcemap-codec';
import { ownSourceMap } from '../../scripts/lib/own-source-map';

/** The Lambda's source map, cut down to our own code (scripts/lib/own-source-map.ts). */
describe('ownSourceMap', () => {
  it("keeps our sources' segments as they were, unmaps the packages' with one segment per run, and renumbers sources and names", () => {
    // Prepare: two lines mixing our files with a package's.
    const map = {
      version: 3,
      sources: ['../functions/src/a.ts', '../node_modules/zod/x.js', '../functions/src/b.ts'],
      names: ['foo', 'bar', 'baz'],
      mappings: encode([
        [
          [0, 0, 1, 2, 0],
          [5, 1, 10, 0],
          [9, 1, 11, 0, 1],
          [12, 2, 3, 4, 2],
        ],
        [
          [0, 1, 0, 0, 1],
          [4, 0, 7, 8],
        ],
      ]),
      file: 'index.js',
    };

    // Act
    const cut = ownSourceMap(map);

    // Assess
    expect(cut.sources).toEqual(['../functions/src/a.ts', '../functions/src/b.ts']);
    expect(cut.names).toEqual(['foo', 'baz']);
    expect(decode(cut.mappings)).toEqual([[[0, 0, 1, 2, 0], [5], [12, 1, 3, 4, 1]], [[4, 0, 7, 8]]]);
    expect(cut.file).toBe('index.js');
  });
});
