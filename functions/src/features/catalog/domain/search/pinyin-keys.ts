import { pinyin } from 'pinyin-pro';

/**
 * School names repeat their parts (实验小学, 第一中学, 经八路小学 in many cities), and each
 * school has several forms, so conversions are remembered: a catalogue import converts each
 * distinct form once. Bounded, so a long-lived process does not grow with every name it saw.
 */
const MEMO_LIMIT = 100_000;
const memo = new Map<string, string>();

function remembered(key: string, convert: () => string): string {
  let value = memo.get(key);
  if (value === undefined) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    value = convert();
    memo.set(key, value);
  }
  return value;
}

/** Full pinyin without tones or spaces: 经八路 → jingbalu. */
export function fullPinyin(text: string): string {
  return remembered(`p${text}`, () => pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('').toLowerCase());
}

/** Pinyin initials: 经八路 → jbl (non-Han characters are kept as they are). */
export function pinyinInitials(text: string): string {
  return remembered(`i${text}`, () =>
    pinyin(text, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('').toLowerCase(),
  );
}
