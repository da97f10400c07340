// Whether a host bypasses the proxy under a NO_PROXY value, decided the way each real consumer decides it (Go,
// curl, Python requests and urllib, GNU and BusyBox wget; facts §6). Pure functions, no I/O.
import { parseIPv4, parseIPv6, parseIp, ipEqual, isLoopbackIp, prefixEqual, parseCidr, cidrContains, splitHostPort, V4_MAPPED_PREFIX, type IpAddress } from './ipAddress';

/**
 * Implementations whose NO_PROXY grammar we model (facts §6):
 * - `go`: golang.org/x/net/http/httpproxy (dockerd, docker CLI, buildx, buildkitd, containerd, Go tools);
 * - `curl`: libcurl ≥ 7.86 (also git over https);
 * - `python-requests`: requests' should_bypass_proxies, falling back to urllib;
 * - `python-urllib`: urllib.request proxy_bypass_environment;
 * - `gnu-wget`: plain suffix match;
 * - `busybox-wget`: ignores NO_PROXY.
 */
export type NoProxyConsumer = 'go' | 'curl' | 'python-requests' | 'python-urllib' | 'gnu-wget' | 'busybox-wget';

export const NO_PROXY_CONSUMERS: readonly NoProxyConsumer[] = ['go', 'curl', 'python-requests', 'python-urllib', 'gnu-wget', 'busybox-wget'];

const DEFAULT_PORTS: Readonly<Record<string, string>> = { http: '80', https: '443', socks5: '1080', socks5h: '1080' };

function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

function goBypass(noProxy: string, rawHost: string, explicitPort: string | undefined, scheme: string): boolean {
  const host = stripBrackets(rawHost);
  // Always direct, whatever NO_PROXY says (proxy.go useProxy).
  if (host === 'localhost') return true;
  const ip = parseIp(host);
  if (ip && isLoopbackIp(ip)) return true;
  const name = host.trim().toLowerCase();
  const port = explicitPort ?? DEFAULT_PORTS[scheme] ?? '';
  const entries = noProxy.split(',').map((e) => e.trim().toLowerCase()).filter((e) => e !== '');
  if (entries.includes('*')) return true;
  for (const entry of entries) {
    const cidr = parseCidr(entry);
    if (cidr) {
      if (ip && cidrContains(cidr, ip)) return true;
      continue;
    }
    let entryHost = entry;
    let entryPort = '';
    const split = splitHostPort(entry);
    if (split) {
      if (split.host === '') continue;
      entryHost = split.host;
      entryPort = split.port;
    }
    const entryIp = parseIp(entryHost);
    if (entryIp) {
      if (ip && ipEqual(entryIp, ip) && (entryPort === '' || entryPort === port)) return true;
      continue;
    }
    if (entryHost.startsWith('*.')) entryHost = entryHost.slice(1);
    const matchApex = !entryHost.startsWith('.');
    const suffix = matchApex ? '.' + entryHost : entryHost;
    if (ip) continue; // domain entries never match IP literals
    if ((name.endsWith(suffix) || (matchApex && name === entryHost)) && (entryPort === '' || entryPort === port)) return true;
  }
  return false;
}

/** curl's inet_pton-based CIDR check: a prefix of 0 (or none) means an exact match. */
function curlCidrMatch(host: IpAddress, entry: string): boolean {
  const slash = entry.indexOf('/');
  const addr = slash >= 0 ? entry.slice(0, slash) : entry;
  let bits = slash >= 0 ? parseInt(entry.slice(slash + 1), 10) : 0; // atoi
  if (Number.isNaN(bits)) bits = 0;
  if (host.v4) {
    const net = parseIPv4(addr);
    if (!net || bits > 32) return false;
    return prefixEqual(host.bytes.slice(12), net, bits === 0 ? 32 : bits);
  }
  const net = parseIPv6(addr);
  if (!net || bits > 128) return false;
  return prefixEqual(host.bytes, net, bits === 0 ? 128 : bits);
}

function curlBypass(noProxy: string, rawHost: string): boolean {
  if (noProxy === '*') return true; // only as the entire value
  if (noProxy === '' || rawHost === '') return false;
  const bare = stripBrackets(rawHost);
  const v6 = rawHost.startsWith('[') || bare.includes(':');
  const ip = v6 ? parseIPv6(bare) : parseIPv4(bare);
  const hostIp: IpAddress | undefined = ip ? (v6 ? { bytes: ip, v4: false } : { bytes: [...V4_MAPPED_PREFIX, ...ip], v4: true }) : undefined;
  let name = bare.toLowerCase();
  if (!hostIp && name.endsWith('.')) name = name.slice(0, -1);
  const blank = (c: string | undefined) => c === ' ' || c === '\t';
  let p = 0;
  const s = noProxy;
  while (p < s.length) {
    while (p < s.length && blank(s[p])) p++;
    const tokenStart = p;
    while (p < s.length && !blank(s[p]) && s[p] !== ',') p++;
    let token = s.slice(tokenStart, p);
    if (token !== '') {
      if (hostIp || v6) {
        if (hostIp && curlCidrMatch(hostIp, token)) return true;
      } else {
        if (token.endsWith('.')) token = token.slice(0, -1);
        if (token.startsWith('.')) token = token.slice(1);
        token = token.toLowerCase();
        if (token.length === name.length ? token === name : token.length < name.length && name[name.length - token.length - 1] === '.' && name.endsWith(token)) {
          return true;
        }
      }
    }
    while (p < s.length && blank(s[p])) p++;
    if (s[p] !== ',') break; // a blank not followed by a comma ends the list
    while (s[p] === ',') p++;
  }
  return false;
}

/** Python's urllib.parse._splitport: `host:digits` at the end. */
function pySplitPort(netloc: string): string {
  const m = /^(.*):(\d*)$/s.exec(netloc);
  return m && m[2] !== '' ? m[1] : netloc;
}

function urllibBypass(noProxy: string, netlocIn: string): boolean {
  if (noProxy === '*') return true;
  const netloc = netlocIn.toLowerCase();
  const hostOnly = pySplitPort(netloc);
  for (const raw of noProxy.split(',')) {
    let name = raw.trim();
    if (name === '') continue;
    name = name.replace(/^\.+/, '').toLowerCase();
    if (hostOnly === name || netloc === name) return true;
    name = '.' + name;
    if (hostOnly.endsWith(name) || netloc.endsWith(name)) return true;
  }
  return false;
}

function pyIPv4Cidr(entry: string): { net: number[]; bits: number } | undefined {
  const parts = entry.split('/');
  if (parts.length !== 2 || !/^\d+$/.test(parts[1])) return undefined;
  const bits = Number(parts[1]);
  const net = parseIPv4(parts[0]);
  return net && bits >= 1 && bits <= 32 ? { net, bits } : undefined;
}

function requestsBypass(noProxy: string, rawHost: string, explicitPort: string | undefined): boolean {
  const hostname = stripBrackets(rawHost).toLowerCase();
  if (hostname === '') return true;
  const entries = noProxy.replace(/ /g, '').split(',').filter((e) => e !== '');
  if (entries.length > 0) {
    const v4 = parseIPv4(hostname);
    if (v4) {
      for (const entry of entries) {
        const cidr = pyIPv4Cidr(entry);
        if (cidr ? prefixEqual(v4, cidr.net, cidr.bits) : hostname === entry) return true;
      }
    } else {
      const withPort = explicitPort !== undefined ? `${hostname}:${explicitPort}` : hostname;
      for (const raw of entries) {
        const entry = raw.replace(/^\.+/, '').toLowerCase();
        if (hostname === entry || withPort === entry || hostname.endsWith('.' + entry) || withPort.endsWith('.' + entry)) return true;
      }
    }
  }
  // Then requests asks urllib, with the host name only.
  return urllibBypass(noProxy, hostname);
}

function gnuWgetBypass(noProxy: string, rawHost: string): boolean {
  const host = stripBrackets(rawHost).toLowerCase();
  // sepstring: split on commas, skipping blanks after each comma; sufmatch: plain case-insensitive suffix.
  return noProxy.split(',').map((e) => e.replace(/^\s+/, '').toLowerCase()).some((e) => e !== '' && host.endsWith(e));
}

/**
 * True when `host` goes direct (not through the proxy) for this consumer with this NO_PROXY value.
 * - `host`: the request host; IPv6 with or without brackets.
 * - `port`: the port written in the URL, if any (Go then falls back to the scheme's default port; Python compares
 *   `host:port` only when the URL carries a port).
 * - `scheme`: the request scheme, `https` by default (registries).
 * For `go`, localhost and loopback IPs always go direct, whatever NO_PROXY says.
 */
export function matchesNoProxy(consumer: NoProxyConsumer, noProxy: string, host: string, port?: number | string, scheme = 'https'): boolean {
  const explicitPort = port === undefined || port === '' ? undefined : String(port);
  switch (consumer) {
    case 'go':
      return goBypass(noProxy, host, explicitPort, scheme.toLowerCase());
    case 'curl':
      return curlBypass(noProxy, host);
    case 'python-requests':
      return requestsBypass(noProxy, host, explicitPort);
    case 'python-urllib': {
      const bare = stripBrackets(host);
      const shown = bare.includes(':') ? `[${bare}]` : bare;
      return urllibBypass(noProxy, explicitPort !== undefined ? `${shown}:${explicitPort}` : shown);
    }
    case 'gnu-wget':
      return gnuWgetBypass(noProxy, host);
    case 'busybox-wget':
      return false;
  }
}

/**
 * The NO_PROXY value a consumer reads from an environment: Go takes `NO_PROXY` when non-empty, else `no_proxy`;
 * curl reads `no_proxy` first, then `NO_PROXY`; Python prefers lower case; GNU wget reads only `no_proxy`;
 * BusyBox wget reads neither.
 */
export function effectiveNoProxy(consumer: NoProxyConsumer, env: Readonly<Record<string, string | undefined>>): string {
  const upper = env.NO_PROXY;
  const lower = env.no_proxy;
  switch (consumer) {
    case 'go':
      return upper ? upper : lower ?? '';
    case 'curl':
      return lower ?? upper ?? '';
    case 'python-requests':
    case 'python-urllib':
      return lower ? lower : upper ?? '';
    case 'gnu-wget':
      return lower ?? '';
    case 'busybox-wget':
      return '';
  }
}
