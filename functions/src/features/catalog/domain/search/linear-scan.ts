import { comparePositions, type SearchPosition } from './cursor';
import { rankDocument, sortKeyOf } from './rank';
import type { SearchDocument } from './search-document';
import { charLength, hasHan } from './text-length';

/**
 * The baseline the index is measured and checked against: rank every school, sort every
 * match, take a page. `query` is normalised already.
 */
export function linearScan(docs: SearchDocument[], query: string, limit: number, districtId?: string): SearchDocument[] {
  const isHan = hasHan(query);
  const matches: Array<{ doc: SearchDocument; position: SearchPosition }> = [];
  for (const doc of docs) {
    if (districtId !== undefined && doc.districtId !== districtId) continue;
    const tier = rankDocument(doc, query, isHan);
    if (tier !== null) matches.push({ doc, position: [tier, charLength(doc.displayName), sortKeyOf(doc), doc.id] });
  }
  matches.sort((a, b) => comparePositions(a.position, b.position));
  return matches.slice(0, limit).map((m) => m.doc);
}
