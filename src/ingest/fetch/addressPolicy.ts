/**
 * Which IP addresses the fetcher may connect to: public unicast only. Everything else is a way into the
 * machine we run on or the network around it (loopback services, cloud metadata, the office LAN), so the
 * answer is "refuse" unless the address is plainly public.
 *
 * The ranges are the IANA special-purpose registries (RFC 6890 and its updates). IPv6 forms that carry an
 * IPv4 address inside (IPv4-mapped, NAT64, 6to4) are judged by that IPv4 address, because that is where the
 * packets end up. Any text that is not a valid address is refused: the check fails closed.
 */
import { isIPv4, isIPv6 } from 'node:net';

interface Range {
  /** Network address, as 4 (IPv4) or 8 (IPv6) numbers. */
  readonly base: readonly number[];
  readonly prefixLength: number;
  /** Completes "<address> is …" in the refusal message. */
  readonly what: string;
}

const IPV4_RANGES: readonly Range[] = [
  v4('0.0.0.0/8', '"this network" (0.0.0.0/8); connecting to it reaches the local host'),
  v4('10.0.0.0/8', 'a private address'),
  v4('100.64.0.0/10', 'a carrier-grade NAT address (100.64.0.0/10), internal to a provider'),
  v4('127.0.0.0/8', 'a loopback address'),
  v4('169.254.0.0/16', 'a link-local address (169.254.0.0/16, where cloud metadata services live)'),
  v4('172.16.0.0/12', 'a private address'),
  v4('192.0.0.0/24', 'an IETF protocol assignment (192.0.0.0/24)'),
  v4('192.0.2.0/24', 'a documentation address (192.0.2.0/24)'),
  v4('192.88.99.0/24', 'a 6to4 relay anycast address (192.88.99.0/24)'),
  v4('192.168.0.0/16', 'a private address'),
  v4('198.18.0.0/15', 'a benchmarking address (198.18.0.0/15)'),
  v4('198.51.100.0/24', 'a documentation address (198.51.100.0/24)'),
  v4('203.0.113.0/24', 'a documentation address (203.0.113.0/24)'),
  v4('224.0.0.0/4', 'a multicast address'),
  // Includes the limited broadcast address 255.255.255.255.
  v4('240.0.0.0/4', 'a reserved address (240.0.0.0/4)'),
];

const IPV6_RANGES: readonly Range[] = [
  v6('::/128', 'the unspecified address; connecting to it reaches the local host'),
  v6('::1/128', 'a loopback address'),
  // Deprecated IPv4-compatible form (::a.b.c.d); nothing public uses it, whatever IPv4 address it holds.
  v6('::/96', 'an IPv4-compatible address (deprecated, never a public destination)'),
  v6('::ffff:0:0:0/96', 'an IPv4-translated address (::ffff:0:a.b.c.d), not a public destination'),
  // The local-use NAT64 prefix embeds its IPv4 address where the operator chooses, so it cannot be decoded.
  v6('64:ff9b:1::/48', 'a local-use NAT64 address (64:ff9b:1::/48)'),
  v6('100::/64', 'a discard-only address (100::/64)'),
  // Teredo (2001::/32), benchmarking, ORCHID and other protocol assignments: no news site lives there.
  v6('2001::/23', 'an IETF protocol assignment (2001::/23: Teredo, benchmarking, ORCHID)'),
  v6('2001:db8::/32', 'a documentation address (2001:db8::/32)'),
  v6('3fff::/20', 'a documentation address (3fff::/20)'),
  v6('5f00::/16', 'a segment-routing address (5f00::/16)'),
  v6('fc00::/7', 'a unique-local (private) address'),
  v6('fe80::/10', 'a link-local address'),
  v6('fec0::/10', 'a site-local address (deprecated, still routed inside old networks)'),
  v6('ff00::/8', 'a multicast address'),
];

/** IANA hands out global unicast addresses only from 2000::/3; anything else left is not a public host. */
const GLOBAL_UNICAST = v6('2000::/3', '');

/** IPv6 prefixes whose last 32 bits (or bits 16–47 for 6to4) are the IPv4 address the traffic goes to. */
const IPV4_MAPPED = v6('::ffff:0:0/96', '');
const NAT64 = v6('64:ff9b::/96', '');
const SIX_TO_FOUR = v6('2002::/16', '');

/** True when `address` (an IPv4 or IPv6 literal, IPv6 without brackets) is anything but a public address. */
export function isBlockedAddress(address: string): boolean {
  return whyBlocked(address) !== null;
}

/**
 * Why `address` may not be connected to, as the end of a sentence ("a private address"), or null when it is a
 * public address. Text that is not an IP address at all is refused too.
 */
export function whyBlocked(address: string): string | null {
  const bare = stripBrackets(address);
  if (isIPv4(bare)) return whyBlockedV4(parseIPv4(bare));
  // A zone id ("fe80::1%eth0") only ever accompanies link-local addresses; judge the address without it.
  const unzoned = bare.split('%')[0] ?? '';
  if (isIPv6(unzoned)) return whyBlockedV6(parseIPv6(unzoned));
  return 'not an IP address';
}

function whyBlockedV4(octets: readonly number[]): string | null {
  return IPV4_RANGES.find((range) => inRange(octets, range, 8))?.what ?? null;
}

function whyBlockedV6(groups: readonly number[]): string | null {
  const embedded = embeddedIPv4(groups);
  if (embedded) {
    const why = whyBlockedV4(embedded.octets);
    return why === null ? null : `${embedded.form} of ${embedded.octets.join('.')}, ${why}`;
  }
  const listed = IPV6_RANGES.find((range) => inRange(groups, range, 16));
  if (listed) return listed.what;
  if (!inRange(groups, GLOBAL_UNICAST, 16)) return 'outside the global unicast range (2000::/3)';
  return null;
}

function embeddedIPv4(groups: readonly number[]): { form: string; octets: number[] } | null {
  if (inRange(groups, IPV4_MAPPED, 16)) return { form: 'the IPv4-mapped form', octets: octetsOf(groups[6], groups[7]) };
  if (inRange(groups, NAT64, 16)) return { form: 'the NAT64 form', octets: octetsOf(groups[6], groups[7]) };
  if (inRange(groups, SIX_TO_FOUR, 16)) return { form: 'the 6to4 form', octets: octetsOf(groups[1], groups[2]) };
  return null;
}

function octetsOf(high = 0, low = 0): number[] {
  return [high >> 8, high & 0xff, low >> 8, low & 0xff];
}

/** Compares the first `prefixLength` bits, `width` bits per part (8 for IPv4 octets, 16 for IPv6 groups). */
function inRange(parts: readonly number[], range: Range, width: number): boolean {
  let bitsLeft = range.prefixLength;
  for (let index = 0; bitsLeft > 0; index += 1) {
    const bits = Math.min(bitsLeft, width);
    const shift = width - bits;
    if ((parts[index] ?? 0) >> shift !== (range.base[index] ?? 0) >> shift) return false;
    bitsLeft -= bits;
  }
  return true;
}

function stripBrackets(address: string): string {
  return address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
}

/** Only called on strings net.isIPv4 accepted: four decimal octets. */
function parseIPv4(address: string): number[] {
  return address.split('.').map(Number);
}

/** Only called on strings net.isIPv6 accepted; expands "::" and a dotted IPv4 tail into eight groups. */
export function parseIPv6(address: string): number[] {
  const [head = '', tail] = address.split('::');
  const toGroups = (part: string): number[] => {
    if (part === '') return [];
    return part.split(':').flatMap((piece) => {
      if (!piece.includes('.')) return [parseInt(piece, 16)];
      const [a = 0, b = 0, c = 0, d = 0] = parseIPv4(piece);
      return [(a << 8) | b, (c << 8) | d];
    });
  };
  const front = toGroups(head);
  if (tail === undefined) return front;
  const back = toGroups(tail);
  return [...front, ...new Array<number>(8 - front.length - back.length).fill(0), ...back];
}

function v4(cidr: string, what: string): Range {
  const [address = '', prefix = ''] = cidr.split('/');
  return { base: parseIPv4(address), prefixLength: Number(prefix), what };
}

function v6(cidr: string, what: string): Range {
  const [address = '', prefix = ''] = cidr.split('/');
  return { base: parseIPv6(address), prefixLength: Number(prefix), what };
}
