import fc from 'fast-check';
import { linearScan } from '../../../../src/features/catalog/domain/search/linear-scan';
import { buildSearchDocument, type SearchDocument } from '../../../../src/features/catalog/domain/search/search-document';
import { SchoolSearchIndex, type SearchPage } from '../../../../src/features/catalog/domain/search/search-index';
import { syntheticSchools } from '../../../../../scripts/lib/synthetic-schools';
import { seedDocuments } from './fixtures';

/** Synthetic schools (the bench's generator) and the seed catalogue, in one index. */
const docs: SearchDocument[] = [...syntheticSchools(1500, 7).map((s) => buildSearchDocument(s, s.place)), ...seedDocuments()];
const index = SchoolSearchIndex.build(docs);
const districts = [undefined, 'd0', 'd3', 'qingdao-shibei'];

/** Queries as people type them: a piece of some school's name form or pinyin, or a few letters. */
const queryArb = fc.oneof(
  fc.tuple(fc.nat(docs.length - 1), fc.boolean(), fc.nat(40), fc.integer({ min: 1, max: 6 })).map(([i, latin, start, length]) => {
    const forms = latin ? docs[i].latin : docs[i].names;
    const form = forms[start % forms.length];
    const from = start % form.length;
    return form.slice(from, from + length);
  }),
  fc.string({ unit: fc.constantFrom(...'abcdghijlnqsxyz'), minLength: 1, maxLength: 3 }),
);

type Search = (query: string, limit: number, districtId?: string) => SearchPage['hits'];

/** Walks every page of a query and compares the whole walk, and the first page, with the linear scan. */
function agreesWithLinearScan(search: Search, query: string, limit: number, districtId?: string): boolean {
  const expected = linearScan(docs, query, 1000, districtId).map((d) => d.id);
  const firstPage = search(query, limit, districtId).map((h) => h.id);
  return JSON.stringify(firstPage) === JSON.stringify(expected.slice(0, limit));
}

const property = (search: Search) =>
  fc.property(queryArb, fc.integer({ min: 1, max: 25 }), fc.constantFrom(...districts), (query, limit, districtId) =>
    agreesWithLinearScan(search, query, limit, districtId),
  );

describe('the index against the linear scan', () => {
  it('returns the same first page for any query, page size and district', () => {
    // Prepare
    const search: Search = (query, limit, districtId) => index.search({ query, limit, districtId }).hits;
    // Act / Assess
    fc.assert(property(search), { numRuns: 400, seed: 17 });
  });

  it('returns every match exactly once, in order, across pages', () => {
    fc.assert(
      fc.property(queryArb, fc.integer({ min: 3, max: 25 }), (query, limit) => {
        // Act
        const seen: string[] = [];
        let page = index.search({ query, limit });
        seen.push(...page.hits.map((h) => h.id));
        for (let guard = 0; page.next && guard <= docs.length; guard++) {
          page = index.search({ query, limit, after: page.next });
          seen.push(...page.hits.map((h) => h.id));
        }
        // Assess
        return JSON.stringify(seen) === JSON.stringify(linearScan(docs, query, 10_000).map((d) => d.id));
      }),
      { numRuns: 60, seed: 23 },
    );
  });

  it('catches an index that ranks by position in its lists instead of by tier', () => {
    // Prepare: a search that lists the matches of the linear scan in id order, as an index that
    // forgot the tiers would.
    const tierless: Search = (query, limit, districtId) =>
      linearScan(docs, query, 1000, districtId)
        .map((d) => ({ ordinal: 0, id: d.id }))
        .sort((a, b) => (a.id < b.id ? -1 : 1))
        .slice(0, limit);
    // Act
    const result = fc.check(property(tierless), { numRuns: 200, seed: 17 });
    // Assess
    expect(result.failed).toBe(true);
  });
});
