import * as OpenCC from 'opencc-js/t2cn';

const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });

/**
 * The one normalisation applied to names and queries alike: traditional → simplified
 * (seed 003 is in traditional script, and parents in HK/TW write that way), full-width →
 * half-width (NFKC), lower case, and no spaces or separators. opencc's tables are large, so
 * this module is imported only where text is normalised (school writes and searches).
 */
export function normalizeText(input: string): string {
  return toSimplified(input.normalize('NFKC'))
    .toLowerCase()
    .replace(/[\s\p{Cc}·・.\-_,，。、()（）]+/gu, '');
}
