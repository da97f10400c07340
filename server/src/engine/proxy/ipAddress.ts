// IP addresses and CIDR ranges: enough of Go's net.ParseIP / ParseCIDR (and host:port splitting) for NO_PROXY work.
// Pure functions, no I/O.

/** An IP address as 16 bytes (IPv4 stored IPv4-mapped, as Go does) plus whether it is an IPv4 address. */
export interface IpAddress { bytes: number[]; v4: boolean }

/** Strict dotted-quad IPv4 (Go ≥ 1.17 and curl reject leading zeros). */
export function parseIPv4(text: string): number[] | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const bytes: number[] = [];
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || (part.length > 1 && part[0] === '0')) return undefined;
    const n = Number(part);
    if (n > 255) return undefined;
    bytes.push(n);
  }
  return bytes;
}

/** IPv6 without zone, with `::` compression and an optional trailing dotted IPv4. Returns 16 bytes. */
export function parseIPv6(text: string): number[] | undefined {
  if (!text.includes(':') || /[^0-9A-Fa-f:.]/.test(text)) return undefined;
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groupsOf = (part: string): number[] | undefined => {
    if (part === '') return [];
    const out: number[] = [];
    const pieces = part.split(':');
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i];
      if (piece.includes('.')) {
        if (i !== pieces.length - 1) return undefined;
        const v4 = parseIPv4(piece);
        if (!v4) return undefined;
        out.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
      } else {
        if (!/^[0-9A-Fa-f]{1,4}$/.test(piece)) return undefined;
        out.push(parseInt(piece, 16));
      }
    }
    return out;
  };
  const head = groupsOf(halves[0]);
  const tail = halves.length === 2 ? groupsOf(halves[1]) : [];
  if (!head || !tail) return undefined;
  let groups: number[];
  if (halves.length === 2) {
    const missing = 8 - head.length - tail.length;
    if (missing < 1) return undefined;
    groups = [...head, ...new Array<number>(missing).fill(0), ...tail];
  } else {
    groups = head;
  }
  if (groups.length !== 8) return undefined;
  return groups.flatMap((g) => [g >> 8, g & 0xff]);
}

export const V4_MAPPED_PREFIX = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff];

/** Go's net.ParseIP: IPv4 or IPv6 literal (no brackets, no zone). */
export function parseIp(text: string): IpAddress | undefined {
  const v4 = parseIPv4(text);
  if (v4) return { bytes: [...V4_MAPPED_PREFIX, ...v4], v4: true };
  const v6 = parseIPv6(text);
  if (!v6) return undefined;
  const mapped = V4_MAPPED_PREFIX.every((b, i) => v6[i] === b);
  return { bytes: v6, v4: mapped };
}

export function ipEqual(a: IpAddress, b: IpAddress): boolean {
  return a.bytes.every((x, i) => x === b.bytes[i]);
}

/** Go's IP.IsLoopback: 127.0.0.0/8 (also IPv4-mapped) and ::1. */
export function isLoopbackIp(ip: IpAddress): boolean {
  if (ip.v4) return ip.bytes[12] === 127;
  return ip.bytes.slice(0, 15).every((b) => b === 0) && ip.bytes[15] === 1;
}

export function prefixEqual(a: readonly number[], b: readonly number[], bits: number): boolean {
  const whole = Math.floor(bits / 8);
  for (let i = 0; i < whole; i++) if (a[i] !== b[i]) return false;
  const rest = bits % 8;
  if (rest === 0) return true;
  const mask = (0xff << (8 - rest)) & 0xff;
  return (a[whole] & mask) === (b[whole] & mask);
}

export interface Cidr { ip: IpAddress; bits: number }

/** Go's net.ParseCIDR: `<ip>/<decimal prefix>` with the prefix in range for the family. */
export function parseCidr(text: string): Cidr | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const addr = text.slice(0, slash);
  const mask = text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(mask)) return undefined;
  const bits = Number(mask);
  const v4 = parseIPv4(addr);
  if (v4) return bits <= 32 ? { ip: { bytes: [...V4_MAPPED_PREFIX, ...v4], v4: true }, bits } : undefined;
  const v6 = parseIPv6(addr);
  if (v6) return bits <= 128 ? { ip: { bytes: v6, v4: false }, bits } : undefined;
  return undefined;
}

/** Whether a CIDR (Go semantics: an IPv4 network holds only IPv4 addresses, an IPv6 network only IPv6) holds ip. */
export function cidrContains(cidr: Cidr, ip: IpAddress): boolean {
  if (cidr.ip.v4 !== ip.v4) return false;
  return cidr.ip.v4 ? prefixEqual(cidr.ip.bytes.slice(12), ip.bytes.slice(12), cidr.bits) : prefixEqual(cidr.ip.bytes, ip.bytes, cidr.bits);
}

/**
 * Go's net.SplitHostPort: `host:port` with exactly one colon, or `[v6]:port`. The port may be empty.
 * Returns undefined when Go would return an error (no port, too many colons, stray brackets).
 */
export function splitHostPort(text: string): { host: string; port: string; bracketed: boolean } | undefined {
  if (text.startsWith('[')) {
    const close = text.indexOf(']');
    if (close < 0 || text[close + 1] !== ':') return undefined;
    const host = text.slice(1, close);
    const port = text.slice(close + 2);
    if (host.includes('[') || host.includes(']') || port.includes('[') || port.includes(']') || port.includes(':')) return undefined;
    return { host, port, bracketed: true };
  }
  const colon = text.lastIndexOf(':');
  if (colon < 0) return undefined;
  const host = text.slice(0, colon);
  const port = text.slice(colon + 1);
  if (host.includes(':') || /[[\]]/.test(text)) return undefined;
  return { host, port, bracketed: false };
}
