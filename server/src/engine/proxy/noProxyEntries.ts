// NO_PROXY entries: split a value into entries (with offsets, so rules can point at one) and classify each one
// (facts §6). Pure functions, no I/O.
import { parseIp, parseCidr, splitHostPort } from './ipAddress';

export type NoProxyEntryKind =
  /** `*` */
  | 'star'
  /** `example.com`: the domain and its subdomains everywhere (GNU wget: any suffix). */
  | 'domain'
  /** `.example.com`: Go and GNU wget subdomains only; curl and Python the apex too. */
  | 'leading-dot'
  /** `*.example.com`: Go treats it as `.example.com`; curl, Python and wget never match it. */
  | 'star-dot'
  /** `10.0.0.1`, `::1` */
  | 'ip'
  /** `10.0.0.1:8080`, `[::1]:8080`: Go only (an exact IP on that port). */
  | 'ip-port'
  /** `example.com:8080` (also `.example.com:8080`): Go and Python only. */
  | 'host-port'
  /** `10.0.0.0/8`, `fd00::/8`: IP-literal hosts only; Go, curl ≥ 7.86, requests (IPv4). */
  | 'cidr'
  /** `[::1]` without a port: never matches in Go. */
  | 'bracketed-ipv6'
  /** `http://host`, `host/path`, `10.0.0.0/33`: never matches in Go. */
  | 'scheme-or-path'
  /** `172.17.*`, `*corp.com`, `corp.*`: never matches anywhere. */
  | 'wildcard'
  /** `$no_proxy`, `${NO_PROXY}`: a Dockerfile variable reference, unknown until build time. */
  | 'variable'
  /** Anything else that cannot be a host (quotes, an empty host before a port, stray brackets). */
  | 'invalid';

export interface NoProxyEntry {
  /** The entry as written (no surrounding whitespace or commas). */
  text: string;
  /** Offsets of `text` in the NO_PROXY value. */
  start: number;
  end: number;
  kind: NoProxyEntryKind;
  /** Lower-case host part: without port and brackets; for `leading-dot`/`star-dot` with its prefix. '' when none. */
  host: string;
  /** Port part of `ip-port`/`host-port` entries. */
  port?: string;
  /**
   * True when only whitespace (no comma) separates this entry from the one before. Go then reads both as one
   * bogus entry and curl stops reading the list there.
   */
  joinedByWhitespace: boolean;
}

const HOST_CHARS = /^[a-z0-9._-]+$/;

/** Classifies one whitespace- and comma-free NO_PROXY entry. */
export function classifyEntry(text: string): { kind: NoProxyEntryKind; host: string; port?: string } {
  const lower = text.toLowerCase();
  if (lower.includes('$')) return { kind: 'variable', host: '' };
  if (lower === '*') return { kind: 'star', host: '' };
  if (lower.includes('://')) return { kind: 'scheme-or-path', host: '' };
  if (lower.includes('/')) return parseCidr(lower) ? { kind: 'cidr', host: lower } : { kind: 'scheme-or-path', host: '' };
  const split = splitHostPort(lower);
  const host = split ? split.host : lower;
  const port = split ? split.port : undefined;
  if (host === '') return { kind: 'invalid', host: '' };
  if (parseIp(host)) return port !== undefined ? { kind: 'ip-port', host, port } : { kind: 'ip', host };
  if (!split && lower.startsWith('[') && lower.endsWith(']')) {
    const inner = lower.slice(1, -1);
    return parseIp(inner) ? { kind: 'bracketed-ipv6', host: inner } : { kind: 'invalid', host: '' };
  }
  if (host.includes('*')) {
    const rest = host.slice(2);
    if (host.startsWith('*.') && rest !== '' && !rest.includes('*') && HOST_CHARS.test(rest) && !rest.startsWith('.')) {
      return port !== undefined ? { kind: 'host-port', host, port } : { kind: 'star-dot', host };
    }
    return { kind: 'wildcard', host };
  }
  if (!HOST_CHARS.test(host)) return { kind: 'invalid', host: '' };
  if (port !== undefined) return { kind: 'host-port', host, port };
  if (host.startsWith('.')) return { kind: 'leading-dot', host };
  return { kind: 'domain', host };
}

/**
 * Splits a NO_PROXY value into entries: maximal runs of characters that are neither commas nor whitespace.
 * Empty entries (`a,,b`, a trailing comma) are dropped, as every consumer skips them.
 */
export function parseNoProxy(value: string): NoProxyEntry[] {
  const entries: NoProxyEntry[] = [];
  const re = /[^,\s]+/g;
  let match: RegExpExecArray | null;
  let previousEnd = -1;
  while ((match = re.exec(value)) !== null) {
    const start = match.index;
    const end = start + match[0].length;
    const gap = previousEnd < 0 ? '' : value.slice(previousEnd, start);
    const joinedByWhitespace = previousEnd >= 0 && !gap.includes(',');
    entries.push({ text: match[0], start, end, joinedByWhitespace, ...classifyEntry(match[0]) });
    previousEnd = end;
  }
  return entries;
}
