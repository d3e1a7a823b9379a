import { fullPinyin, normalizeText, pinyinInitials } from './normalize';

export interface SearchSource {
  id: string;
  name: string;
  aliases: string[];
  districtId: string;
}

/**
 * What the index knows of one school. `names` include the name with its locality prefix taken
 * off (济南市经八路小学 → 经八路小学) so a parent typing 经八路 gets a prefix match.
 */
export interface SearchDocument {
  ordinal: number;
  id: string;
  districtId: string;
  displayName: string;
  names: string[];
  pinyins: string[];
  initials: string[];
  /** Tie-break inside a rank tier: pinyin order of the name reads naturally to Chinese users. */
  sortKey: string;
}

/** Locality words that start school names: 济南市, 济南, 青岛, 海勃湾区 ... */
export function localityPrefixes(places: Array<{ name: string; city: string }>): string[] {
  const words = new Set<string>();
  for (const { name, city } of places) {
    for (const word of [city, city.replace(/市$/, ''), name, name.replace(/[区县]$/, '')]) {
      const normalized = normalizeText(word);
      if (normalized.length >= 2) words.add(normalized);
    }
  }
  // Longest first, so 济南市 is taken off before 济南.
  return [...words].sort((a, b) => b.length - a.length);
}

function withoutLocality(name: string, prefixes: string[]): string | null {
  const prefix = prefixes.find((p) => name.startsWith(p) && name.length > p.length + 1);
  return prefix ? name.slice(prefix.length) : null;
}

export function buildSearchDocument(source: SearchSource, ordinal: number, prefixes: string[]): SearchDocument {
  const names = new Set<string>();
  for (const raw of [source.name, ...source.aliases]) {
    const normalized = normalizeText(raw);
    names.add(normalized);
    const short = withoutLocality(normalized, prefixes);
    if (short) names.add(short);
  }
  const nameList = [...names];
  const pinyins = nameList.map(fullPinyin);
  return {
    ordinal,
    id: source.id,
    districtId: source.districtId,
    displayName: source.name,
    names: nameList,
    pinyins,
    initials: nameList.map(pinyinInitials),
    sortKey: pinyins[0],
  };
}
