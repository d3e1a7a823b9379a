import { isIPv4, isIPv6 } from 'node:net';

/**
 * The block a per-address limit counts: an IPv4 address as is, an IPv6 address by its /64
 * (one subscriber gets a whole /64 and could otherwise take a fresh address per request), an
 * IPv4-mapped IPv6 address (::ffff:a.b.c.d, as Node reports IPv4 on a dual-stack socket) as
 * its IPv4. null for anything that is not an address.
 */
export function addressBlock(address: string): string | null {
  const ip = address.trim().toLowerCase();
  if (isIPv4(ip)) return ip;
  if (!isIPv6(ip)) return null;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(ip);
  if (mapped) return mapped[1];
  return `${expandIPv6(ip).slice(0, 4).join(':')}::/64`;
}

/** The eight hextets of a valid IPv6 address, without leading zeros (an embedded IPv4 tail counts as two). */
function expandIPv6(ip: string): string[] {
  const [head, tail = ''] = ip.split('::');
  const part = (s: string) => (s ? s.split(':').flatMap(hextets) : []);
  const left = part(head);
  const right = ip.includes('::') ? part(tail) : [];
  const zeros = Array.from({ length: 8 - left.length - right.length }, () => '0');
  return [...left, ...zeros, ...right];
}

function hextets(group: string): string[] {
  if (!group.includes('.')) return [parseInt(group, 16).toString(16)];
  const [a, b, c, d] = group.split('.').map(Number);
  return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
}
