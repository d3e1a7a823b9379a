import * as OpenCC from 'opencc-js/t2cn';
import { pinyin } from 'pinyin-pro';

const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });

/**
 * The one normalisation applied to names and queries alike: traditional → simplified
 * (seed 003 is in traditional script, and parents in HK/TW write that way), full-width →
 * half-width (NFKC), lower case, and no spaces or separators.
 */
export function normalizeText(input: string): string {
  return toSimplified(input.normalize('NFKC'))
    .toLowerCase()
    .replace(/[\s·・.\-_,，。、()（）]+/g, '');
}

const HAN = /\p{Script=Han}/u;

export function hasHan(text: string): boolean {
  return HAN.test(text);
}

/** Full pinyin without tones or spaces: 经八路 → jingbalu. */
export function fullPinyin(text: string): string {
  return pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('').toLowerCase();
}

/** Pinyin initials: 经八路 → jbl (non-Han characters are kept as they are). */
export function pinyinInitials(text: string): string {
  return pinyin(text, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('').toLowerCase();
}

/** Counts characters the way a person does (an astral ideograph is one). */
export function charLength(text: string): number {
  return [...text].length;
}
