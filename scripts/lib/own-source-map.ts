import { decode, encode, type SourceMapSegment } from '@jridgewell/sourcemap-codec';

/**
 * A source map cut down to the repository's own code: every segment that maps into
 * node_modules becomes unmapped. The Lambda's first formatted stack reads the whole map
 * (functions/src/log/source-mapped-stacks.ts): the full map holds about 200,000 segments, four
 * in five of them the AWS SDK's, zod's and pino's (1.4 MB; this one about 0.3 MB, and the asset
 * smaller by as much). Our own frames still map to file:line; a package's frames show their
 * place in index.js.
 */
export interface SourceMap {
  version: number;
  sources: string[];
  names: string[];
  mappings: string;
  [other: string]: unknown;
}

/**
 * `map` with only the segments whose source is outside node_modules; sources and names
 * renumbered. Built with sourcesContent: false (server-bundle.ts), so there is no content to
 * renumber with the sources.
 */
export function ownSourceMap(map: SourceMap): SourceMap {
  const sources: string[] = [];
  const names: string[] = [];
  const sourceIndex = new Map<number, number>();
  const nameIndex = new Map<number, number>();
  const indexIn = (index: Map<number, number>, list: string[], all: string[], old: number) => {
    if (!index.has(old)) index.set(old, list.push(all[old]) - 1);
    return index.get(old)!;
  };
  const lines = decode(map.mappings).map((line) => {
    const kept: SourceMapSegment[] = [];
    let mapped = false;
    for (const segment of line) {
      if (segment.length === 1 || map.sources[segment[1]].includes('node_modules')) {
        // One unmapped segment ends the mapped range before it; more would say nothing new.
        if (mapped) kept.push([segment[0]]);
        mapped = false;
        continue;
      }
      const [column, source, sourceLine, sourceColumn] = segment;
      const at = indexIn(sourceIndex, sources, map.sources, source);
      kept.push(
        segment.length === 5
          ? [column, at, sourceLine, sourceColumn, indexIn(nameIndex, names, map.names, segment[4])]
          : [column, at, sourceLine, sourceColumn],
      );
      mapped = true;
    }
    return kept;
  });
  return { ...map, sources, names, mappings: encode(lines) };
}
