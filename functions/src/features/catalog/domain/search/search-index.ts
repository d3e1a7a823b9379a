import type { SearchPosition } from './cursor';
import { GramTable, GramTableBuilder, queryGrams, type GramColumns, type Run } from './gram-table';
import { ArrayCursor, VarintCursor, type Cursor } from './postings';
import { sortKeyOf, Tier } from './rank';
import type { SearchDocument } from './search-document';
import { charLength, hasHan } from './text-length';
import { ArrayTextColumn, type TextColumn } from './text-column';

export interface SearchRequest {
  /** Normalised query (normalize.ts); undefined lists every school (in the district, if given). */
  query?: string;
  districtId?: string;
  limit: number;
  after?: SearchPosition;
}

export interface SearchHit {
  /** The school's place in rank order: what the caller's own columns are indexed by. */
  ordinal: number;
  id: string;
}

export interface SearchPage {
  hits: SearchHit[];
  next: SearchPosition | null;
}

/** Everything the index is made of, as typed arrays and text columns: what a snapshot stores (catalog-snapshot.ts). */
export interface IndexColumns {
  ids: TextColumn;
  lengths: Uint16Array;
  /** Per school: its name forms, each between two SEPs; then its pinyin and initials the same way. */
  nameTexts: TextColumn;
  latinTexts: TextColumn;
  districtCodes: Uint16Array;
  districtIds: string[];
  names: GramColumns;
  latin: GramColumns;
  nameEnds: GramColumns;
  latinEnds: GramColumns;
}

/** Between forms in a school's text; normalised text never holds it. */
export const SEP = '\u0001';
// One join, so the text is one flat string rather than a rope of its parts.
const joinForms = (forms: string[]) => ['', ...forms, ''].join(SEP);

/** Rank order inside a tier, as comparePositions has it: name length, pinyin, id. */
function compareStatic(a: SearchDocument, b: SearchDocument): number {
  const ka = sortKeyOf(a);
  const kb = sortKeyOf(b);
  return (
    charLength(a.displayName) - charLength(b.displayName) || (ka < kb ? -1 : ka > kb ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

type Span = [begin: number, end: number];

/** Ascending lists of one postings array (byte ranges, postings.ts). */
interface Stream {
  postings: Uint8Array;
  spans: Span[];
}

/** In bytes: about the number of schools, enough to choose the shorter of two streams. */
const streamLength = ({ spans }: Stream) => spans.reduce((sum, [begin, end]) => sum + end - begin, 0);

function cursorsOf({ postings, spans }: Stream, from: number): Cursor[] {
  return spans.map(([begin, end]) => {
    const cursor = new VarintCursor(postings, begin, end);
    while (cursor.value >= 0 && cursor.value < from) cursor.advance();
    return cursor;
  });
}

/** Visits ascending lists in one ascending order until `visit` says stop. */
function walk(cursors: Cursor[], visit: (ordinal: number) => boolean): void {
  for (;;) {
    let pick: Cursor | null = null;
    for (const cursor of cursors) if (cursor.value >= 0 && (!pick || cursor.value < pick.value)) pick = cursor;
    if (!pick) return;
    const ordinal = pick.value;
    pick.advance();
    if (!visit(ordinal)) return;
  }
}

/**
 * The schools of a stream as a bit per school: a cheap test that skips most candidates of a
 * long posting list before any string is compared. One per index, filled and cleared per use.
 */
class BitFilter {
  private readonly bits: Uint32Array;

  constructor(size: number) {
    this.bits = new Uint32Array((size >> 5) + 1);
  }

  with<T>(stream: Stream, use: (has: (ordinal: number) => boolean) => T): T {
    const bits = this.bits;
    const each = (set: (o: number) => void) => {
      for (const cursor of cursorsOf(stream, 0)) for (; cursor.value >= 0; cursor.advance()) set(cursor.value);
    };
    each((o) => (bits[o >> 5] |= 1 << (o & 31)));
    try {
      return use((o) => (bits[o >> 5] & (1 << (o & 31))) !== 0);
    } finally {
      each((o) => (bits[o >> 5] = 0));
    }
  }
}

interface Kind {
  table: GramTable;
  ends: GramTable;
  texts: TextColumn;
  base: number;
}

/**
 * An in-memory index over school names, full pinyin and initials. Schools are numbered in rank
 * order within a tier (name length, pinyin, id), and every posting list is in that order, so
 * each tier's matches are found in page order: a page is complete as soon as it has `limit`
 * schools, however many match (a broad query such as 实验, sy or q stops early). Tiers are read
 * best first, exact and prefix from the postings of schools whose forms start with the query's
 * first gram, substring from the query's rarest gram. The result equals linear-scan.ts's.
 */
export class SchoolSearchIndex {
  private readonly names: Kind;
  private readonly latin: Kind;
  private readonly byDistrict = new Map<string, Int32Array>();
  private readonly districtCode = new Map<string, number>();
  private readonly filter: BitFilter;

  private constructor(private readonly columns: IndexColumns) {
    this.names = {
      table: new GramTable(columns.names),
      ends: new GramTable(columns.nameEnds),
      texts: columns.nameTexts,
      base: Tier.exactName,
    };
    this.latin = {
      table: new GramTable(columns.latin),
      ends: new GramTable(columns.latinEnds),
      texts: columns.latinTexts,
      base: Tier.exactPinyin,
    };
    this.filter = new BitFilter(columns.ids.size);
    const lists = columns.districtIds.map(() => [] as number[]);
    columns.districtCodes.forEach((code, ordinal) => lists[code].push(ordinal));
    columns.districtIds.forEach((id, code) => {
      this.districtCode.set(id, code);
      this.byDistrict.set(id, Int32Array.from(lists[code]));
    });
  }

  static build(docs: SearchDocument[]): SchoolSearchIndex {
    const sorted = [...docs].sort(compareStatic);
    const districtIds = [...new Set(sorted.map((d) => d.districtId))].sort();
    const code = new Map(districtIds.map((id, i) => [id, i]));
    const [names, latin, nameEnds, latinEnds] = [0, 1, 2, 3].map(() => new GramTableBuilder());
    sorted.forEach((doc, ordinal) => {
      names.add(ordinal, doc.names);
      latin.add(ordinal, doc.latin);
      nameEnds.addEnds(ordinal, doc.names);
      latinEnds.addEnds(ordinal, doc.latin);
    });
    return new SchoolSearchIndex({
      ids: new ArrayTextColumn(sorted.map((d) => d.id)),
      lengths: Uint16Array.from(sorted, (d) => charLength(d.displayName)),
      nameTexts: new ArrayTextColumn(sorted.map((d) => joinForms(d.names))),
      latinTexts: new ArrayTextColumn(sorted.map((d) => joinForms(d.latin))),
      districtCodes: Uint16Array.from(sorted, (d) => code.get(d.districtId)!),
      districtIds,
      names: names.build(),
      latin: latin.build(),
      nameEnds: nameEnds.build(),
      latinEnds: latinEnds.build(),
    });
  }

  static fromColumns(columns: IndexColumns): SchoolSearchIndex {
    return new SchoolSearchIndex(columns);
  }

  toColumns(): IndexColumns {
    return this.columns;
  }

  get size(): number {
    return this.columns.ids.size;
  }

  idAt(ordinal: number): string {
    return this.columns.ids.at(ordinal);
  }

  hasDistrict(districtId: string): boolean {
    return this.districtCode.has(districtId);
  }

  search(request: SearchRequest): SearchPage {
    const keep = request.limit + 1;
    const hits: Array<SearchHit & { tier: number }> = [];
    const district = request.districtId === undefined ? undefined : this.districtCode.get(request.districtId);
    if (request.districtId !== undefined && district === undefined) return { hits: [], next: null };
    const inScope = (ordinal: number) => district === undefined || this.columns.districtCodes[ordinal] === district;
    const take = (tier: number) => (ordinal: number) => {
      hits.push({ ordinal, id: this.columns.ids.at(ordinal), tier });
      return hits.length < keep;
    };

    const query = request.query;
    if (query === undefined) {
      if (!request.after || request.after[0] === Tier.exactName) {
        walk([new ArrayCursor(this.scope(request.districtId), this.from(request.after, Tier.exactName))], take(Tier.exactName));
      }
    } else if (query.length > 0) {
      const kinds = hasHan(query) ? [this.names] : [this.names, this.latin];
      for (const kind of kinds) {
        this.searchKind(kind, query, request, inScope, take);
        if (hits.length >= keep) break;
      }
    }

    const page = hits.slice(0, request.limit);
    const last = page[page.length - 1];
    return {
      hits: page.map(({ ordinal, id }) => ({ ordinal, id })),
      next: hits.length > request.limit ? this.position(last.tier, last.ordinal) : null,
    };
  }

  /** The streams each tier of one kind is read from, and the stream its candidates must also be in. */
  private plan(kind: Kind, query: string): Array<{ read: Stream; filter?: Stream; test: (text: string) => boolean }> | null {
    const grams = queryGrams(query);
    const runs: Run[] = [];
    for (const key of grams) {
      const run = kind.table.run(key);
      // A gram no school has: nothing of this kind matches.
      if (!run) return null;
      runs.push(run);
    }
    const postings = kind.table.postings;
    const all = (run: Run): Stream => ({
      postings,
      spans: [
        [run.whole, run.starts],
        [run.starts, run.rest],
        [run.rest, run.end],
      ],
    });
    const bySize = [...runs].sort((a, b) => a.end - a.whole - (b.end - b.whole));
    const first = runs[0];
    const bounded = `${SEP}${query}`;
    const exact = `${bounded}${SEP}`;
    const exactTest = (t: string) => t.includes(exact);
    const prefixTest = (t: string) => t.includes(bounded) && !t.includes(exact);
    const substringTest = (t: string) => t.includes(query) && !t.includes(bounded);
    // Candidates read by one gram are tested against the rarest other gram first.
    const other = (read: Run) => {
      const run = bySize.find((r) => r !== read);
      return run && all(run);
    };
    const substring = { read: all(bySize[0]), filter: other(bySize[0]), test: substringTest };

    if (query.length <= 2) {
      // The query is its own first gram: its first run holds the exact matches, its second the prefix ones.
      return [
        { read: { postings, spans: [[first.whole, first.starts]] }, test: exactTest },
        { read: { postings, spans: [[first.starts, first.rest]] }, test: prefixTest },
        substring,
      ];
    }
    const starting: Stream = { postings, spans: [[first.whole, first.rest]] };
    const prefix = { read: starting, filter: other(first), test: prefixTest };
    const ending = kind.ends.run(grams[grams.length - 1]);
    // No form ends as the query does: there is no exact match to look for.
    if (!ending) return [{ read: { postings, spans: [] }, test: exactTest }, prefix, substring];
    const ends: Stream = { postings: kind.ends.postings, spans: [[ending.whole, ending.starts]] };
    const [read, filter] = streamLength(ends) < streamLength(starting) ? [ends, starting] : [starting, ends];
    return [{ read, filter, test: exactTest }, prefix, substring];
  }

  private searchKind(
    kind: Kind,
    query: string,
    request: SearchRequest,
    inScope: (ordinal: number) => boolean,
    take: (tier: number) => (ordinal: number) => boolean,
  ): void {
    const tiers = this.plan(kind, query);
    if (!tiers) return;
    const texts = kind.texts;
    const nameTexts = this.columns.nameTexts;
    // A school that matches by name never ranks by pinyin.
    const isLatin = kind === this.latin;
    const scope = request.districtId === undefined ? null : this.scope(request.districtId);

    let full = false;
    tiers.forEach(({ read, filter, test }, offset) => {
      const tier = kind.base + offset;
      if (full || (request.after && tier < request.after[0])) return;
      const from = this.from(request.after, tier);
      const accept = take(tier);
      const run = (has: (ordinal: number) => boolean) => {
        const visit = (o: number) => {
          if (!has(o) || !inScope(o) || !test(texts.at(o)) || (isLatin && nameTexts.at(o).includes(query))) return true;
          full = !accept(o);
          return !full;
        };
        // A small district is cheaper to verify whole than a long posting list is to filter.
        if (scope && scope.length * 4 < streamLength(read)) walk([new ArrayCursor(scope, from)], visit);
        else walk(cursorsOf(read, from), visit);
      };
      // Filling the filter costs its length: worth it only against a comparable stream.
      if (filter && streamLength(filter) < streamLength(read) * 4) this.filter.with(filter, run);
      else run(() => true);
    });
  }

  private scope(districtId: string | undefined): Int32Array {
    if (districtId !== undefined) return this.byDistrict.get(districtId) ?? new Int32Array(0);
    this.all ??= Int32Array.from({ length: this.size }, (_, i) => i);
    return this.all;
  }

  private all: Int32Array | undefined;

  private sortKeyAt(ordinal: number): string {
    const text = this.columns.latinTexts.at(ordinal);
    return text.slice(1, text.indexOf(SEP, 1));
  }

  private position(tier: number, ordinal: number): SearchPosition {
    return [tier, this.columns.lengths[ordinal], this.sortKeyAt(ordinal), this.columns.ids.at(ordinal)];
  }

  /** The first ordinal to read in `tier`: past the cursor in its own tier, from the start in later ones. */
  private from(after: SearchPosition | undefined, tier: number): number {
    if (!after || after[0] !== tier) return 0;
    const [, length, key, id] = after;
    let low = 0;
    let high = this.size;
    while (low < high) {
      const mid = (low + high) >> 1;
      const midKey = this.sortKeyAt(mid);
      const midId = this.columns.ids.at(mid);
      const cmp =
        this.columns.lengths[mid] - length || (midKey < key ? -1 : midKey > key ? 1 : 0) || (midId < id ? -1 : midId > id ? 1 : 0);
      if (cmp <= 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
