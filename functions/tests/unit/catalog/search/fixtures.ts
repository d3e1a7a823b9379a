import { buildSearchDocument, type SearchDocument } from '../../../../src/features/catalog/domain/search/search-document';
import { normalizeText } from '../../../../src/features/catalog/domain/search/normalize';
import { SchoolSearchIndex, type SearchRequest } from '../../../../src/features/catalog/domain/search/search-index';
import { seedData } from '../../../../src/features/catalog/seed/seed-data';

export const places = {
  jn: { name: '市中区', city: '济南市' },
  qd: { name: '市北区', city: '青岛市' },
};

/** A small hand-made set whose expected rankings can be worked out by eye. */
export const sources = [
  { id: 'a-jingbalu', name: '济南市经八路小学', aliases: [], districtId: 'jn' },
  { id: 'b-jingwulu', name: '济南市经五路小学', aliases: ['经五路小学'], districtId: 'jn' },
  { id: 'c-jingwei', name: '济南市经纬小学', aliases: [], districtId: 'jn' },
  { id: 'd-no68', name: '济南第六十八中学', aliases: ['六十八中'], districtId: 'jn' },
  { id: 'e-shibei', name: '青岛市北中学', aliases: ['市北中学'], districtId: 'qd' },
  { id: 'f-jingba-qd', name: '青岛经八中学', aliases: [], districtId: 'qd' },
];

export function documentsOf(list = sources): SearchDocument[] {
  return list.map((s) => buildSearchDocument(s, places[s.districtId as keyof typeof places]));
}

export function buildIndex(list = sources) {
  return SchoolSearchIndex.build(documentsOf(list));
}

/** The seed catalogue's schools, each placed in its district. */
export function seedDocuments(): SearchDocument[] {
  const districts = new Map(seedData.districts.map((d) => [d.id, d]));
  return seedData.schools.map((s) => buildSearchDocument(s, districts.get(s.districtId)!));
}

/** Searches with a raw query, normalised as the directory does. */
export function searchRaw(index: SchoolSearchIndex, query: string | undefined, rest: Omit<SearchRequest, 'query'> = { limit: 10 }) {
  return index.search({ ...rest, query: query === undefined ? undefined : normalizeText(query) });
}
