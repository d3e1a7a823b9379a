import { buildIndex, documentsOf, searchRaw, sources } from './fixtures';
import { Tier, rankDocument } from '../../../../src/features/catalog/domain/search/rank';

const ids = (page: { hits: Array<{ id: string }> }) => page.hits.map((h) => h.id);

describe('SchoolSearchIndex', () => {
  const index = buildIndex();

  it('ranks an exact name first, then prefix, then substring matches', () => {
    // Prepare: 经八路小学 is the exact short name of a-jingbalu; 经八 starts 青岛经八中学's short name.
    // Act
    const exact = searchRaw(index, '经八路小学', { limit: 10 });
    const partial = searchRaw(index, '经八', { limit: 10 });
    // Assess
    expect(ids(exact)).toEqual(['a-jingbalu']);
    expect(ids(partial)).toEqual(['f-jingba-qd', 'a-jingbalu']);
  });

  it('finds schools by full pinyin and by initials, after every name match', () => {
    expect(ids(searchRaw(index, 'jingbalu', { limit: 10 }))).toEqual(['a-jingbalu']);
    expect(ids(searchRaw(index, 'JBL', { limit: 10 }))).toEqual(['a-jingbalu']);
    expect(ids(searchRaw(index, 'lsbz', { limit: 10 }))).toEqual(['d-no68']);
  });

  it('accepts traditional characters', () => {
    expect(ids(searchRaw(index, '經緯', { limit: 10 }))).toEqual(['c-jingwei']);
  });

  it('matches aliases the documents use', () => {
    expect(ids(searchRaw(index, '六十八中', { limit: 10 }))).toEqual(['d-no68']);
  });

  it('keeps to the district asked for', () => {
    expect(ids(searchRaw(index, '经八', { districtId: 'jn', limit: 10 }))).toEqual(['a-jingbalu']);
    expect(ids(index.search({ districtId: 'qd', limit: 10 })).sort()).toEqual(['e-shibei', 'f-jingba-qd']);
  });

  it('answers a query matching nothing with no hits and no next page', () => {
    expect(searchRaw(index, '不存在的学校', { limit: 10 })).toEqual({ hits: [], next: null });
  });

  it('walks every match exactly once across pages of any size', () => {
    // Prepare
    const all = ids(searchRaw(index, 'x', { limit: 50 }));
    for (const limit of [1, 2, 3, 4]) {
      const seen: string[] = [];
      let after;
      // Act
      for (let guard = 0; guard < 20; guard++) {
        const page = searchRaw(index, 'x', { limit, after });
        seen.push(...ids(page));
        if (!page.next) break;
        after = page.next;
      }
      // Assess
      expect(seen).toEqual(all);
    }
    expect(all.length).toBe(sources.length);
  });
});

describe('rankDocument', () => {
  it('puts a pinyin match below any name match', () => {
    // Prepare
    const doc = documentsOf()[0];
    // Act / Assess
    expect(rankDocument(doc, '济南市经八路小学', true)).toBe(Tier.exactName);
    expect(rankDocument(doc, '经八路', true)).toBe(Tier.namePrefix);
    expect(rankDocument(doc, '八路', true)).toBe(Tier.nameSubstring);
    expect(rankDocument(doc, 'jingbaluxiaoxue', false)).toBe(Tier.exactPinyin);
    expect(rankDocument(doc, 'jingba', false)).toBe(Tier.pinyinPrefix);
    expect(rankDocument(doc, 'balu', false)).toBe(Tier.pinyinSubstring);
    expect(rankDocument(doc, '海淀', true)).toBeNull();
  });
});
