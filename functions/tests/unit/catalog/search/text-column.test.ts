import { ArrayTextColumn, BytesTextColumn } from '../../../../src/features/catalog/domain/search/text-column';

describe('a column of texts stored as bytes', () => {
  const read = (texts: string[]) => {
    const stored = new ArrayTextColumn(texts).toBytes();
    const column = new BytesTextColumn(stored);
    return { stored, texts: Array.from({ length: column.size }, (_, i) => column.at(i)) };
  };

  it('gives back ids and pinyin, one byte a character', () => {
    // Act
    const { stored, texts } = read(['\u0001jingbalu\u0001jbl\u0001', '', 's2q7s', 'ÿé']);
    // Assess
    expect(stored.encoding).toBe('latin1');
    expect(texts).toEqual(['\u0001jingbalu\u0001jbl\u0001', '', 's2q7s', 'ÿé']);
  });

  it('gives back Han names, digits and characters beyond the basic plane, two bytes a unit', () => {
    // Act
    const { stored, texts } = read(['\u0001经八路小学\u0001经8路\u0001', '', '𠀀中学', '47中']);
    // Assess
    expect(stored.encoding).toBe('utf16le');
    expect(texts).toEqual(['\u0001经八路小学\u0001经8路\u0001', '', '𠀀中学', '47中']);
  });

  it('gives the same string each time a school is asked for', () => {
    // Prepare
    const column = new BytesTextColumn(new ArrayTextColumn(['实验小学', '一小']).toBytes());
    // Act
    const [first, again] = [column.at(1), column.at(1)];
    // Assess
    expect(again).toBe(first);
    expect(first).toBe('一小');
  });

  it('refuses lengths that do not add up to its bytes', () => {
    // Prepare
    const stored = new ArrayTextColumn(['abc', 'de']).toBytes();
    // Act / Assess
    expect(() => new BytesTextColumn({ ...stored, lengths: Uint32Array.of(3, 1) })).toThrow(/add up/);
  });
});
