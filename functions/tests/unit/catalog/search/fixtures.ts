import { buildSearchDocument, localityPrefixes } from '../../../../src/features/catalog/domain/search/search-document';
import { SchoolSearchIndex } from '../../../../src/features/catalog/domain/search/search-index';

export const places = [
  { name: '市中区', city: '济南市' },
  { name: '市北区', city: '青岛市' },
];

/** A small hand-made set whose expected rankings can be worked out by eye. */
export const sources = [
  { id: 'a-jingbalu', name: '济南市经八路小学', aliases: [], districtId: 'jn' },
  { id: 'b-jingwulu', name: '济南市经五路小学', aliases: ['经五路小学'], districtId: 'jn' },
  { id: 'c-jingwei', name: '济南市经纬小学', aliases: [], districtId: 'jn' },
  { id: 'd-no68', name: '济南第六十八中学', aliases: ['六十八中'], districtId: 'jn' },
  { id: 'e-shibei', name: '青岛市北中学', aliases: ['市北中学'], districtId: 'qd' },
  { id: 'f-jingba-qd', name: '青岛经八中学', aliases: [], districtId: 'qd' },
];

export function buildIndex(list = sources) {
  const prefixes = localityPrefixes(places);
  return new SchoolSearchIndex(list.map((s, i) => buildSearchDocument(s, i, prefixes)));
}
