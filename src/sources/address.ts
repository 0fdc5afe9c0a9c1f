// Which network addresses Sitrep may fetch from. Every address a source's host resolves to is checked
// before a connection is opened: loopback, private, link-local (the cloud metadata address 169.254.169.254
// among them), CGNAT, multicast, reserved, IPv6 unique-local and IPv4-mapped addresses are refused unless
// the allow-list (SITREP_ALLOW_PRIVATE_HOSTS: addresses or CIDR ranges) names them.
import { isIP } from 'node:net';

/** An address range: the network's bits and how many of them count. */
export interface Cidr {
  family: 4 | 6;
  bits: bigint;
  prefix: number;
  text: string;
}

/** Ranges no source may be fetched from, with the words a refusal names them by. */
const BLOCKED: readonly [string, string][] = [
  ['0.0.0.0/8', 'an unspecified address'],
  ['10.0.0.0/8', 'a private address'],
  ['100.64.0.0/10', 'a carrier-grade NAT address'],
  ['127.0.0.0/8', 'a loopback address'],
  ['169.254.0.0/16', 'a link-local address (cloud metadata lives there)'],
  ['172.16.0.0/12', 'a private address'],
  ['192.0.0.0/24', 'a reserved address'],
  ['192.0.2.0/24', 'a documentation address'],
  ['192.168.0.0/16', 'a private address'],
  ['198.18.0.0/15', 'a benchmarking address'],
  ['198.51.100.0/24', 'a documentation address'],
  ['203.0.113.0/24', 'a documentation address'],
  ['224.0.0.0/4', 'a multicast address'],
  ['240.0.0.0/4', 'a reserved address'],
  ['::/128', 'an unspecified address'],
  ['::1/128', 'a loopback address'],
  ['::ffff:0:0/96', 'an IPv4-mapped address'],
  ['64:ff9b::/96', 'a NAT64 address'],
  ['100::/64', 'a discard address'],
  ['2001:db8::/32', 'a documentation address'],
  ['fc00::/7', 'a unique-local address'],
  ['fe80::/10', 'a link-local address'],
  ['ff00::/8', 'a multicast address'],
];

function ipv4Bits(ip: string): bigint {
  return ip.split('.').reduce((n, part) => (n << 8n) | BigInt(Number(part)), 0n);
}

function ipv6Bits(ip: string): bigint {
  let text = ip.toLowerCase().replace(/%.*$/, '');
  // A dotted IPv4 tail ("::ffff:127.0.0.1") becomes two hextets.
  const tail = text.match(/(\d+\.\d+\.\d+\.\d+)$/);
  if (tail) {
    const v4 = ipv4Bits(tail[1]);
    text = text.slice(0, -tail[1].length) + `${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const [head, rest] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = rest !== undefined && rest !== '' ? rest.split(':') : [];
  const fill = text.includes('::') ? 8 - left.length - right.length : 0;
  const parts = [...left, ...Array(fill).fill('0'), ...right];
  return parts.reduce((n, h) => (n << 16n) | BigInt(parseInt(h || '0', 16)), 0n);
}

/** An address's family and its bits; null for something that is not an IP address. */
export function addressBits(ip: string): { family: 4 | 6; bits: bigint } | null {
  const clean = ip.replace(/^\[|\]$/g, '');
  const family = isIP(clean.replace(/%.*$/, ''));
  if (family === 4) return { family: 4, bits: ipv4Bits(clean) };
  if (family === 6) return { family: 6, bits: ipv6Bits(clean) };
  return null;
}

/** "10.0.0.0/8", "127.0.0.1", "fd00::/8" -> a range; throws with the reason for anything else. */
export function parseCidr(text: string): Cidr {
  const [ip, prefixText] = text.trim().split('/');
  const parsed = addressBits(ip);
  if (!parsed) throw new Error(`"${text.trim()}" is not an IP address or CIDR range`);
  const width = parsed.family === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? width : Number(prefixText);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > width) throw new Error(`"${text.trim()}" has a bad prefix length (0-${width})`);
  return { family: parsed.family, bits: parsed.bits, prefix, text: text.trim() };
}

export function inCidr(ip: { family: 4 | 6; bits: bigint }, range: Cidr): boolean {
  if (ip.family !== range.family) return false;
  const width = range.family === 4 ? 32n : 128n;
  const shift = width - BigInt(range.prefix);
  return ip.bits >> shift === range.bits >> shift;
}

const BLOCKED_RANGES = BLOCKED.map(([cidr, why]) => ({ range: parseCidr(cidr), why }));

/** Reads SITREP_ALLOW_PRIVATE_HOSTS ("127.0.0.1,10.0.0.0/8"); a bad entry is an error naming it. */
export function parseAllowList(text: string | undefined): Cidr[] {
  if (!text?.trim()) return [];
  return text.split(',').map((s) => s.trim()).filter(Boolean).map((s) => {
    try {
      return parseCidr(s);
    } catch (e) {
      throw new Error(`SITREP_ALLOW_PRIVATE_HOSTS: ${(e as Error).message}`);
    }
  });
}

/** Why an address may not be fetched from ("a loopback address"), or null when it may. */
export function refusalFor(ip: string, allow: readonly Cidr[] = []): string | null {
  const parsed = addressBits(ip);
  if (!parsed) return 'not an IP address';
  if (allow.some((r) => inCidr(parsed, r))) return null;
  const hit = BLOCKED_RANGES.find((b) => inCidr(parsed, b.range));
  return hit ? hit.why : null;
}
