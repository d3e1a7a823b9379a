import { comparePositions, decodeCursor, encodeCursor } from '../../../../src/features/catalog/domain/search/cursor';
import { BadCursorError } from '../../../../src/errors';

describe('search cursors', () => {
  it('round-trips a position', () => {
    expect(decodeCursor(encodeCursor([2, 8, 'jingbalu', 'jn-jingbalu-ps']))).toEqual([2, 8, 'jingbalu', 'jn-jingbalu-ps']);
  });

  it.each(['zzz', Buffer.from('{"a":1}').toString('base64url'), Buffer.from('[99,1,"a","b"]').toString('base64url')])(
    'rejects a forged or damaged cursor %s as BAD_CURSOR',
    (cursor) => {
      expect(() => decodeCursor(cursor)).toThrow(BadCursorError);
    },
  );

  it('orders by tier, then length, then pinyin, then id', () => {
    expect(comparePositions([1, 9, 'z', 'z'], [2, 1, 'a', 'a'])).toBeLessThan(0);
    expect(comparePositions([1, 5, 'z', 'a'], [1, 6, 'a', 'a'])).toBeLessThan(0);
    expect(comparePositions([1, 5, 'a', 'b'], [1, 5, 'b', 'a'])).toBeLessThan(0);
    expect(comparePositions([1, 5, 'a', 'a'], [1, 5, 'a', 'b'])).toBeLessThan(0);
    expect(comparePositions([1, 5, 'a', 'a'], [1, 5, 'a', 'a'])).toBe(0);
  });
});
