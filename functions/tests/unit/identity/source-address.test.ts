import { addressBlock } from '../../../src/features/identity/domain/source-address';
import { sourceKeyFor, userKeyFor } from '../../../src/features/identity/domain/pseudonym';

describe('the block a per-address limit counts', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    [' 203.0.113.7 ', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:42:7::a', '2001:db8:42:7::/64'],
    ['2001:0DB8:0042:0007:ffff:1:2:3', '2001:db8:42:7::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['1:2:3:4:5:6:192.0.2.1', '1:2:3:4::/64'],
  ])('%s counts as %s', (address, block) => {
    expect(addressBlock(address)).toBe(block);
  });

  it('tells different IPv6 /64s apart', () => {
    expect(addressBlock('2001:db8:42:7::a')).not.toBe(addressBlock('2001:db8:42:8::a'));
  });

  it.each(['', 'unknown', '203.0.113.256', '2001:db8:::1', 'example.com'])('knows no block for %p', (address) => {
    expect(addressBlock(address)).toBeNull();
  });

  it('keys a block by an HMAC that neither shows the address nor equals a user pseudonym of the same text', () => {
    const secret = 'secret-'.repeat(6);
    const key = sourceKeyFor('203.0.113.7', secret);
    expect(key).not.toContain('203');
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(key).not.toBe(userKeyFor('203.0.113.7', secret));
    expect(sourceKeyFor('203.0.113.7', 'other-'.repeat(6))).not.toBe(key);
  });
});
