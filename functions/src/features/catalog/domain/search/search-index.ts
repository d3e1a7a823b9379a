import { comparePositions, type SearchPosition } from './cursor';
import { charLength, hasHan, normalizeText } from './normalize';
import { rankDocument } from './rank';
import type { SearchDocument } from './search-document';

export interface SearchRequest {
  /** Raw query; undefined lists every school (in the district, if given). */
  query?: string;
  districtId?: string;
  limit: number;
  after?: SearchPosition;
}

type Postings = Int32Array | number[];

export interface SearchPage {
  hits: SearchDocument[];
  next: SearchPosition | null;
}

/** Character unigrams (Han only: a one-character query like 海 is common) and bigrams. */
function gramsOf(value: string, withUnigrams: boolean): string[] {
  const chars = [...value];
  const grams: string[] = withUnigrams ? [...chars] : [];
  for (let i = 0; i + 1 < chars.length; i++) grams.push(chars[i] + chars[i + 1]);
  return grams;
}

/**
 * An in-memory inverted index over school names, full pinyin and initials. A query is looked
 * up by its rarest gram, and only those candidates are verified and ranked, so a search costs
 * in proportion to the matches rather than to the number of schools.
 */
export class SchoolSearchIndex {
  private readonly postings = new Map<string, Int32Array>();
  private readonly byDistrict = new Map<string, number[]>();
  private readonly all: number[];

  constructor(private readonly docs: SearchDocument[]) {
    const lists = new Map<string, number[]>();
    for (const doc of docs) {
      const grams = new Set<string>();
      for (const name of doc.names) for (const gram of gramsOf(name, true)) grams.add(gram);
      for (const latin of [...doc.pinyins, ...doc.initials]) for (const gram of gramsOf(latin, false)) grams.add(gram);
      for (const gram of grams) {
        const list = lists.get(gram);
        if (list) list.push(doc.ordinal);
        else lists.set(gram, [doc.ordinal]);
      }
      const inDistrict = this.byDistrict.get(doc.districtId);
      if (inDistrict) inDistrict.push(doc.ordinal);
      else this.byDistrict.set(doc.districtId, [doc.ordinal]);
    }
    for (const [gram, list] of lists) this.postings.set(gram, Int32Array.from(list));
    this.all = docs.map((doc) => doc.ordinal);
  }

  get size(): number {
    return this.docs.length;
  }

  search(request: SearchRequest): SearchPage {
    const query = request.query === undefined ? undefined : normalizeText(request.query);
    const candidates = this.candidates(query, request.districtId);
    const queryIsHan = query !== undefined && hasHan(query);
    const top: Array<{ doc: SearchDocument; position: SearchPosition }> = [];
    const keep = request.limit + 1;

    for (const ordinal of candidates) {
      const doc = this.docs[ordinal];
      if (request.districtId !== undefined && doc.districtId !== request.districtId) continue;
      const tier = query === undefined ? 0 : rankDocument(doc, query, queryIsHan);
      if (tier === null) continue;
      const position: SearchPosition = [tier, charLength(doc.displayName), doc.sortKey, doc.id];
      if (request.after && comparePositions(position, request.after) <= 0) continue;
      if (top.length === keep && comparePositions(position, top[keep - 1].position) >= 0) continue;
      insertSorted(top, { doc, position });
      if (top.length > keep) top.pop();
    }

    const hasMore = top.length > request.limit;
    const page = top.slice(0, request.limit);
    return { hits: page.map((entry) => entry.doc), next: hasMore ? page[page.length - 1].position : null };
  }

  private candidates(query: string | undefined, districtId: string | undefined): Postings {
    const scope = districtId === undefined ? this.all : (this.byDistrict.get(districtId) ?? []);
    if (query === undefined || query.length === 0) return query === undefined ? scope : [];
    const grams = charLength(query) === 1 ? (hasHan(query) ? [query] : []) : gramsOf(query, false);
    // A one-letter Latin query has no gram to look up: verify every school in scope.
    if (grams.length === 0) return scope;
    let smallest: Postings | undefined;
    for (const gram of grams) {
      const list = this.postings.get(gram);
      if (!list) return [];
      if (!smallest || list.length < smallest.length) smallest = list;
    }
    return smallest!.length < scope.length ? smallest! : scope;
  }
}

function insertSorted<T extends { position: SearchPosition }>(top: T[], entry: T): void {
  let low = 0;
  let high = top.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (comparePositions(top[mid].position, entry.position) < 0) low = mid + 1;
    else high = mid;
  }
  top.splice(low, 0, entry);
}
