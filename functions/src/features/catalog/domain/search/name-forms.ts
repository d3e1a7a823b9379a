import nzh from 'nzh/cn';

/**
 * The other ways parents write a school's name (issue 15): numerals both ways (第四十七中学 ↔
 * 第47中学, 经8路 ↔ 经八路), the short kinds (初级中学 ↔ 初中, 第一小学 ↔ 一小, 第四十七中学 ↔
 * 四十七中). Input and output are normalised text (normalize.ts). Numeral conversion is nzh's;
 * only numbers that name something (after 第, or before 中/小/路/街/校/号) are converted, so
 * words such as 九年一贯制 or 千佛山 keep their characters.
 */

const HAN_NUMERAL_RUN = /[零一二三四五六七八九十百千]+/g;
const ARABIC_RUN = /[0-9]+/g;
const NUMBERED = /[中小路街校号]/;
/** Beyond this, numbers are not school or road numbers. */
const MAX_NUMBER = 9999;

function isNumbering(text: string, start: number, end: number): boolean {
  return text[start - 1] === '第' || NUMBERED.test(text[end] ?? '');
}

function replaceNumbering(text: string, run: RegExp, convert: (digits: string) => string | null): string {
  return text.replace(run, (match, offset: number) => {
    if (!isNumbering(text, offset, offset + match.length)) return match;
    return convert(match) ?? match;
  });
}

/** 四十七 → 47; null for a run that is not a number as one writes it (九九, 一一). */
function hanToArabic(han: string): string | null {
  const value = Number(nzh.decodeS(han));
  if (!Number.isInteger(value) || value <= 0 || value > MAX_NUMBER) return null;
  return nzh.encodeS(value) === han ? String(value) : null;
}

/** 47 → 四十七 (leading zeros are not a number one says). */
function arabicToHan(digits: string): string | null {
  const value = Number(digits);
  if (digits.startsWith('0') || value <= 0 || value > MAX_NUMBER) return null;
  return nzh.encodeS(value);
}

/** The same name with its numbers in the other script, or null if it has none that name something. */
export function numeralForms(name: string): string[] {
  const forms = [replaceNumbering(name, HAN_NUMERAL_RUN, hanToArabic), replaceNumbering(name, ARABIC_RUN, arabicToHan)];
  return forms.filter((form) => form !== name);
}

const NUMBER = '([零一二三四五六七八九十百千]+|[0-9]+)';
const LONG_NUMBERED = new RegExp(`第?${NUMBER}(小|中)学$`);
const SHORT_NUMBERED = new RegExp(`${NUMBER}(小|中)$`);

/** 初级中学 ↔ 初中; 第一小学 / 一小学 → 一小; 一小 → 第一小学. */
export function kindForms(name: string): string[] {
  const forms: string[] = [];
  if (name.includes('初级中学')) forms.push(name.replace('初级中学', '初中'));
  else if (name.endsWith('初中')) forms.push(`${name.slice(0, -2)}初级中学`);
  const long = LONG_NUMBERED.exec(name);
  if (long) forms.push(`${name.slice(0, long.index)}${long[1]}${long[2]}`);
  const short = SHORT_NUMBERED.exec(name);
  if (short && name[short.index - 1] !== '第') forms.push(`${name.slice(0, short.index)}第${short[1]}${short[2]}学`);
  return forms.filter((form) => form !== name);
}

/** A name, its short and long kinds, and each of those with its numbers in the other script. */
export function nameForms(name: string): string[] {
  const forms = new Set<string>();
  for (const kind of [name, ...kindForms(name)]) {
    forms.add(kind);
    for (const numeral of numeralForms(kind)) forms.add(numeral);
  }
  return [...forms];
}
