import { kindForms, nameForms, numeralForms } from '../../../../src/features/catalog/domain/search/name-forms';
import { localityWords, withoutLocality } from '../../../../src/features/catalog/domain/search/locality';
import { SchoolSearchIndex } from '../../../../src/features/catalog/domain/search/search-index';
import { seedDocuments, searchRaw } from './fixtures';

/** Issue 15: the numbers and short forms parents type, on the seed schools. */
describe('search the way parents type', () => {
  const index = SchoolSearchIndex.build(seedDocuments());
  const names = (query: string, limit = 5) => {
    const page = searchRaw(index, query, { limit });
    const byId = new Map(seedDocuments().map((d) => [d.id, d.displayName]));
    return page.hits.map((h) => byId.get(h.id));
  };

  it.each([
    ['47中', '青岛第四十七中学'],
    ['65中', '青岛第六十五中学'],
    ['四十七中', '青岛第四十七中学'],
    ['第47中学', '青岛第四十七中学'],
    ['第四十七中学', '青岛第四十七中学'],
    ['68中', '济南第六十八中学'],
    ['14中', '济南第十四中学'],
    ['经8路', '济南市经八路小学'],
    ['经11路', '济南市经十一路小学'],
    ['一小', '海勃湾区一小'],
    ['1小', '海勃湾区一小'],
    ['第一小学', '海勃湾区一小'],
    ['二中', '海勃湾区二中'],
    ['第二中学', '海勃湾区二中'],
    ['实验初中', '济南实验初级中学'],
    ['第二实验初中', '青岛第二实验初级中学'],
    ['市北实验', '青岛市北实验初中'],
    ['市北实验初级中学', '青岛市北实验初中'],
  ])('finds %s → %s first', (query, name) => {
    expect(names(query)[0]).toBe(name);
  });

  it('ranks the school whose short form is the query before those that only contain it', () => {
    // Prepare: 四十七中 is a form of 第四十七中学 (exact); 青岛第四十七中学 is the only school with it.
    // Act
    const exact = searchRaw(index, '四十七中', { limit: 5 });
    const partial = searchRaw(index, '四十', { limit: 5 });
    // Assess
    expect(exact.hits.map((h) => h.id)).toEqual(['qd-no47-ms']);
    expect(partial.hits.map((h) => h.id)).toEqual(expect.arrayContaining(['qd-no47-ms', 'qd-no44-ms']));
  });

  it('still finds a name while its number is half typed', () => {
    expect(names('第四十')).toEqual(expect.arrayContaining(['青岛第四十七中学', '青岛第四十四中学']));
  });
});

describe('name forms', () => {
  it('writes numbers that name a school or road in the other script, and leaves other words alone', () => {
    expect(numeralForms('第四十七中学')).toEqual(['第47中学']);
    expect(numeralForms('经8路小学')).toEqual(['经八路小学']);
    expect(numeralForms('九年一贯制学校')).toEqual([]);
    expect(numeralForms('千佛山小学')).toEqual([]);
  });

  it('turns the long kinds into the short ones and back', () => {
    expect(kindForms('实验初级中学')).toEqual(['实验初中']);
    expect(kindForms('市北实验初中')).toEqual(['市北实验初级中学']);
    expect(kindForms('第一小学')).toEqual(['一小']);
    expect(kindForms('一小')).toEqual(['第一小学']);
    expect(nameForms('第四十七中学')).toEqual(expect.arrayContaining(['四十七中', '47中', '第47中学']));
  });

  it('makes the locality optional, in full or short form, but never leaves a bare kind', () => {
    // Prepare
    const words = localityWords({ name: '市北区', city: '青岛市' });
    // Act / Assess
    expect(withoutLocality('青岛市市北区实验小学', words)).toEqual(expect.arrayContaining(['市北区实验小学', '市北实验小学', '实验小学']));
    expect(withoutLocality('青岛市北中学', words)).toContain('市北中学');
    expect(withoutLocality('青岛市北中学', words)).not.toContain('中学');
  });
});
