/**
 * A source map cut down to the repository's own code: every segment that maps into
 * node_modules becomes unmapped. The Lambda runs with --enable-source-maps, and Node reads a
 * bundle's whole map when the bundle loads: the full map holds about 200,000 segments, four in
 * five of them the AWS SDK's, zod's and pino's (1.4 MB; this one about 0.3 MB, and a cold start
 * about 5 ms quicker on this machine). Our own frames still map to file:line; a package's
 * frames show their place in index.js.
 */
export interface SourceMap {
  version: number;
  sources: string[];
  names: string[];
  mappings: string;
  [other: string]: unknown;
}

const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUE = new Map([...DIGITS].map((digit, value) => [digit, value]));

/** The fields of one segment (base64 VLQ, each relative to the previous segment's). */
function decodeSegment(segment: string): number[] {
  const fields: number[] = [];
  let value = 0;
  let shift = 0;
  for (const digit of segment) {
    const bits = VALUE.get(digit)!;
    value += (bits & 31) << shift;
    if (bits & 32) {
      shift += 5;
    } else {
      fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return fields;
}

function encodeValue(value: number): string {
  let rest = value < 0 ? (-value << 1) | 1 : value << 1;
  let out = '';
  do {
    const bits = rest & 31;
    rest >>>= 5;
    out += DIGITS[rest > 0 ? bits | 32 : bits];
  } while (rest > 0);
  return out;
}

/** `map` with only the segments whose source is outside node_modules; sources and names renumbered. */
export function ownSourceMap(map: SourceMap): SourceMap {
  const sources: string[] = [];
  const names: string[] = [];
  const sourceIndex = new Map<number, number>();
  const nameIndex = new Map<number, number>();
  const indexIn = (index: Map<number, number>, list: string[], all: string[], old: number) => {
    if (!index.has(old)) index.set(old, list.push(all[old]) - 1);
    return index.get(old)!;
  };
  // Absolute positions, decoded (read) and written: the format keeps them relative.
  const read = { source: 0, line: 0, column: 0, name: 0 };
  const written = { source: 0, line: 0, column: 0, name: 0 };
  const lines = map.mappings.split(';').map((line) => {
    let column = 0;
    let writtenColumn = 0;
    let mapped = false;
    const out: string[] = [];
    for (const segment of line.split(',')) {
      if (segment === '') continue;
      const [generated, ...from] = decodeSegment(segment);
      column += generated;
      let own = false;
      if (from.length >= 3) {
        read.source += from[0];
        read.line += from[1];
        read.column += from[2];
        if (from.length >= 4) read.name += from[3];
        own = !map.sources[read.source].includes('node_modules');
      }
      if (!own) {
        // One unmapped segment ends the mapped range before it; more would say nothing new.
        if (mapped) out.push(encodeValue(column - writtenColumn));
        if (mapped) writtenColumn = column;
        mapped = false;
        continue;
      }
      const source = indexIn(sourceIndex, sources, map.sources, read.source);
      let text = encodeValue(column - writtenColumn) + encodeValue(source - written.source);
      text += encodeValue(read.line - written.line) + encodeValue(read.column - written.column);
      if (from.length >= 4) {
        const name = indexIn(nameIndex, names, map.names, read.name);
        text += encodeValue(name - written.name);
        written.name = name;
      }
      Object.assign(written, { source, line: read.line, column: read.column });
      writtenColumn = column;
      mapped = true;
      out.push(text);
    }
    return out.join(',');
  });
  return { ...map, sources, names, mappings: lines.join(';') };
}
