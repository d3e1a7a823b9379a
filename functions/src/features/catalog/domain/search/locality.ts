import { normalizeText } from './normalize';

/** Where a school is: its district and city names, as the catalogue holds them. */
export interface Place {
  name: string;
  city: string;
}

/** A locality word and the short form people also write (市北区 → 市北, 济南市 → 济南). */
interface LocalityWord {
  word: string;
  short: string | null;
}

/** What is left when the locality is taken off must still name a school, not only a kind. */
const BARE_KINDS = new Set(['小学', '中学', '学校', '初中', '高中', '初级中学', '高级中学', '幼儿园', '分校', '校区', '小学部', '中学部']);

/** The locality words a school's name may start with: its city and its district, each with its short form. */
export function localityWords(place: Place): LocalityWord[] {
  const words = new Map<string, string | null>();
  for (const raw of [place.city, place.name]) {
    const word = normalizeText(raw);
    if (word.length < 2) continue;
    const short = word.replace(/[市区县]$/, '');
    words.set(word, short !== word && short.length >= 2 ? short : null);
    if (short.length >= 2 && !words.has(short)) words.set(short, null);
  }
  // Longest first, so 济南市 is tried before 济南.
  return [...words].map(([word, short]) => ({ word, short })).sort((a, b) => b.word.length - a.word.length);
}

const isSchoolName = (rest: string) => rest.length >= 2 && !BARE_KINDS.has(rest);

/**
 * The name with its leading locality words optional (issue 15): 青岛市市北区实验小学 is also
 * 市北区实验小学, 市北实验小学 and 实验小学. The name itself is not among them.
 */
export function withoutLocality(name: string, words: LocalityWord[]): string[] {
  const forms = new Set<string>();
  const strip = (text: string, depth: number) => {
    if (depth > 3) return;
    for (const { word, short } of words) {
      if (!text.startsWith(word)) continue;
      const rest = text.slice(word.length);
      // 市, 区 or 县 left in front means a longer word was cut in two (德州|市, 市北|区), unless
      // another locality word starts there (青岛|市北中学).
      const cut = /^[市区县]/.test(rest) && !words.some((w) => rest.startsWith(w.word));
      if (cut || !isSchoolName(rest)) continue;
      forms.add(rest);
      if (short) forms.add(short + rest);
      strip(rest, depth + 1);
    }
  };
  strip(name, 0);
  forms.delete(name);
  return [...forms];
}
