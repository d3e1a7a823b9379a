import { normalizeText } from '../../../../src/features/catalog/domain/search/normalize';
import { fullPinyin, pinyinInitials } from '../../../../src/features/catalog/domain/search/pinyin-keys';
import { charLength, hasHan } from '../../../../src/features/catalog/domain/search/text-length';

describe('normalizeText', () => {
  it('turns traditional characters into simplified ones, as seed 003 is written', () => {
    // Act
    const normalized = normalizeText('海淀區集團化辦學 濟南市經八路小學');
    // Assess
    expect(normalized).toBe('海淀区集团化办学济南市经八路小学');
  });

  it('folds full-width letters and digits, case, separators and control characters so pasted input still matches', () => {
    expect(normalizeText('ＪＩＮＧ Ba·lu')).toBe('jingbalu');
    expect(normalizeText('４７中\u0001')).toBe('47中');
  });
});

describe('pinyin keys', () => {
  it('gives full pinyin without tones and the initials of each syllable', () => {
    expect(fullPinyin('经八路小学')).toBe('jingbaluxiaoxue');
    expect(pinyinInitials('济南第六十八中学')).toBe('jndlsbzx');
  });

  it('tells Han text from Latin text and counts astral ideographs as one character', () => {
    expect(hasHan('jbl')).toBe(false);
    expect(hasHan('经8路')).toBe(true);
    expect(charLength('𠀀a')).toBe(2);
  });
});
