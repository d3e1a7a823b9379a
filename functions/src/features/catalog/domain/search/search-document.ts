import { localityWords, withoutLocality, type Place } from './locality';
import { nameForms } from './name-forms';
import { normalizeText } from './normalize';
import { fullPinyin, pinyinInitials } from './pinyin-keys';

export interface SearchSource {
  id: string;
  name: string;
  aliases: string[];
  districtId: string;
}

/**
 * What search needs of one school, computed when the school is written (pinyin is the costly
 * part) and stored on its item, so no index build recomputes it.
 * `names`: normalised name and aliases, each also without its locality (济南市经八路小学 →
 * 经八路小学) and in the forms parents type (name-forms.ts); the first is the name itself.
 * `latin`: full pinyin and initials of the names and aliases with and without their locality
 * (parents who type pinyin type the name as it is said, not its numeral or kind variants); the
 * first is the name's full pinyin, the tie-break inside a rank tier (pinyin order reads
 * naturally to Chinese users).
 */
export interface SearchKeys {
  names: string[];
  latin: string[];
}

/** One school as the index and the linear scan see it. */
export interface SearchDocument extends SearchKeys {
  id: string;
  districtId: string;
  displayName: string;
}

export function searchKeys(source: Pick<SearchSource, 'name' | 'aliases'>, place: Place): SearchKeys {
  const words = localityWords(place);
  const names = new Set<string>();
  const spoken = new Set<string>();
  for (const raw of [source.name, ...source.aliases]) {
    const normalized = normalizeText(raw);
    for (const base of [normalized, ...withoutLocality(normalized, words)]) {
      spoken.add(base);
      for (const form of nameForms(base)) names.add(form);
    }
  }
  const latin = new Set<string>();
  for (const name of spoken) {
    latin.add(fullPinyin(name));
    latin.add(pinyinInitials(name));
  }
  return { names: [...names], latin: [...latin] };
}

export function buildSearchDocument(source: SearchSource, place: Place): SearchDocument {
  return { id: source.id, districtId: source.districtId, displayName: source.name, ...searchKeys(source, place) };
}
