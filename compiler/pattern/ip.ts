// IP addresses and CIDR blocks as event-ruler's CIDR class reads them (facts 1.4 `cidr`). A value is an
// IP address only if it looks like one (IPv4: four dot-separated digit runs; IPv6: hex digits and colons
// with at least one colon) and Java's InetAddress parses it; IPv4-mapped IPv6 addresses become IPv4.
// Addresses are compared as upper-case hex strings of their bytes (8 or 32 digits), so ranges of the
// same family compare with plain string comparison.

const IPV4_SHAPE = /^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$/;
const IPV6_SHAPE = /^[0-9a-fA-F:]*:[0-9a-fA-F:]*$/;

export type IpParse = { ok: true; bytes: number[] } | { ok: false; reason: string };

/** Parses an IP literal with AWS's error texts (`Nonstandard IP address: X`, `Invalid IP address: X`). */
export function parseIp(text: string): IpParse {
  if (IPV4_SHAPE.test(text)) {
    const bytes = parseIpv4(text);
    return bytes ? { ok: true, bytes } : { ok: false, reason: `Invalid IP address: ${text}` };
  }
  if (IPV6_SHAPE.test(text)) {
    const bytes = parseIpv6(text);
    if (!bytes) return { ok: false, reason: `Invalid IP address: ${text}` };
    return { ok: true, bytes: isIpv4Mapped(bytes) ? bytes.slice(12) : bytes };
  }
  return { ok: false, reason: `Nonstandard IP address: ${text}` };
}

/** The hex form of an IP literal, or null when the text is not one. */
export function ipHex(text: string): string | null {
  const c = text.charCodeAt(0);
  // Cheap reject: every IP literal starts with a hex digit or a colon.
  if (!((c >= 0x30 && c <= 0x3a) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66))) return null;
  const parsed = parseIp(text);
  return parsed.ok ? toHex(parsed.bytes) : null;
}

function parseIpv4(text: string): number[] | null {
  const bytes: number[] = [];
  for (const part of text.split('.')) {
    // Digits only (guaranteed by the shape); leading zeros read as decimal, as InetAddress does.
    const digits = part.replace(/^0+(?=\d)/, '');
    if (digits.length > 3) return null;
    const n = parseInt(digits, 10);
    if (n > 255) return null;
    bytes.push(n);
  }
  return bytes;
}

function parseIpv6(text: string): number[] | null {
  const doubleColon = text.indexOf('::');
  if (doubleColon !== -1 && text.indexOf('::', doubleColon + 1) !== -1) return null;
  const parseGroups = (part: string): number[] | null => {
    if (part === '') return [];
    const out: number[] = [];
    for (const group of part.split(':')) {
      if (group.length === 0 || group.length > 4) return null;
      out.push(parseInt(group, 16));
    }
    return out;
  };
  let groups: number[];
  if (doubleColon === -1) {
    const all = parseGroups(text);
    if (!all || all.length !== 8) return null;
    groups = all;
  } else {
    const head = parseGroups(text.slice(0, doubleColon));
    const tail = parseGroups(text.slice(doubleColon + 2));
    if (!head || !tail || head.length + tail.length > 7) return null;
    groups = [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
  }
  const bytes: number[] = [];
  for (const g of groups) bytes.push(g >> 8, g & 0xff);
  return bytes;
}

function isIpv4Mapped(bytes: number[]): boolean {
  for (let i = 0; i < 10; i++) if (bytes[i] !== 0) return false;
  return bytes[10] === 0xff && bytes[11] === 0xff;
}

const HEX = '0123456789ABCDEF';

export function toHex(bytes: readonly number[]): string {
  let out = '';
  for (const b of bytes) out += HEX[b >> 4] + HEX[b & 15];
  return out;
}

/** An inclusive range of addresses of one family, as hex strings of equal length. */
export interface IpRange {
  low: string;
  high: string;
}

export type CidrParse = { ok: true; range: IpRange } | { ok: false; reason: string };

/** Parses `a.b.c.d/m` or `ipv6/m` with AWS's error texts (event-ruler CIDR.cidr). */
export function parseCidr(text: string): CidrParse {
  // Java's String.split drops trailing empty strings: "10.0.0.0/24/" splits into two parts.
  const parts = text.split('/');
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  if (parts.length !== 2) return { ok: false, reason: "Malformed CIDR, one '/' required" };
  const mask = parseJavaInt(parts[1]);
  if (mask === null) return { ok: false, reason: 'Malformed CIDR, mask bits must be an integer' };
  if (mask < 0) return { ok: false, reason: 'Malformed CIDR, mask bits must not be negative' };
  const ip = parseIp(parts[0]);
  if (!ip.ok) return ip;
  const bits = ip.bytes.length * 8;
  if (ip.bytes.length === 4 && mask > 31) return { ok: false, reason: 'IPv4 mask bits must be < 32' };
  if (ip.bytes.length === 16 && mask > 127) return { ok: false, reason: 'IPv6 mask bits must be < 128' };
  let variable = bits - mask;
  const low = ip.bytes.slice();
  const high = ip.bytes.slice();
  for (let i = ip.bytes.length - 1; i >= 0 && variable > 0; i--, variable -= 8) {
    const free = Math.min(8, variable);
    const hostMask = (1 << free) - 1;
    low[i] = ip.bytes[i] & ~hostMask & 0xff;
    high[i] = ip.bytes[i] | hostMask;
  }
  return { ok: true, range: { low: toHex(low), high: toHex(high) } };
}

/** Java's Integer.parseInt: optional sign, decimal digits, 32-bit range. */
function parseJavaInt(text: string): number | null {
  if (!/^[+-]?\d+$/.test(text)) return null;
  const n = Number(text);
  if (n > 2147483647 || n < -2147483648) return null;
  return n;
}

const hexCache = new Map<string, string | null>();

/** ipHex with a small memo: one event's address is tested by many conditions. */
export function ipHexCached(text: string): string | null {
  let hex = hexCache.get(text);
  if (hex === undefined) {
    if (hexCache.size >= 4096) hexCache.clear();
    hex = ipHex(text);
    hexCache.set(text, hex);
  }
  return hex;
}
