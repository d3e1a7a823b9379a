import { csvField, csvLine, safeCell, safeText } from '../../../src/spreadsheet/safe-text';

describe('safe spreadsheet text', () => {
  it.each(['=1+1', '+86 531', '-经纬小学', '@SUM(A1)', '\tx', '\rx', '＝全角', '＋全角', '－全角', '＠全角', '  =1+1', '\u3000=1+1'])(
    'marks %j as text with a leading apostrophe',
    (text) => {
      // Act, Assess
      expect(safeText(text)).toBe(`'${text}`);
    },
  );

  it.each(['经八路小学', '2026-09', 'a-b', 'x=1', '', "'already", '1+1'])('leaves %j as it is', (text) => {
    // Act, Assess
    expect(safeText(text)).toBe(text);
  });

  it('leaves numbers, dates and empty cells alone (a negative number is a number, not a formula)', () => {
    // Prepare
    const date = new Date('2026-11-23T00:00:00Z');

    // Act, Assess
    expect([safeCell(-3.5), safeCell(date), safeCell(null), safeCell(true)]).toEqual([-3.5, date, null, true]);
  });

  it('quotes CSV fields that hold a comma, a quote or a line break, after marking formulas', () => {
    // Act, Assess
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=1,2')).toBe(`"'=1,2"`);
    expect(csvField('\rx')).toBe(`"'\rx"`);
    expect(csvField(-2)).toBe('-2');
    expect(csvLine(['张明', '@x', 3])).toBe("张明,'@x,3\r\n");
  });
});
