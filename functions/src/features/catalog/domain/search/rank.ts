import type { SearchKeys } from './search-document';

/**
 * Rank tiers, best first: a name form equals the query, starts with it, contains it; then the
 * same three for full pinyin or initials. null = no match.
 */
export const Tier = {
  exactName: 0,
  namePrefix: 1,
  nameSubstring: 2,
  exactPinyin: 3,
  pinyinPrefix: 4,
  pinyinSubstring: 5,
} as const;

function bestTier(values: string[], query: string, exact: number): number | null {
  let best: number | null = null;
  for (const value of values) {
    if (value === query) return exact;
    if (value.startsWith(query)) best = exact + 1;
    else if (best === null && value.includes(query)) best = exact + 2;
  }
  return best;
}

/**
 * The reference ranking (the linear scan and the tests use it; the index must agree with it).
 * A query with Han characters is matched against names only; a Latin query against names
 * (some contain digits or letters) and against pinyin and initials.
 */
export function rankDocument(doc: SearchKeys, query: string, queryIsHan: boolean): number | null {
  const byName = bestTier(doc.names, query, Tier.exactName);
  if (byName !== null || queryIsHan) return byName;
  return bestTier(doc.latin, query, Tier.exactPinyin);
}

/** The tie-break inside a rank tier, after name length: the name's full pinyin. */
export const sortKeyOf = (doc: SearchKeys): string => doc.latin[0];
