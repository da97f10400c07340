// Registries a daemon.json names (registry-mirrors, insecure-registries), and which of them dockerd would send
// through its proxy. Used by NP011 and NP012.
import type { JsonDocument } from '../../document';
import type { ProxySetting } from '../../findingTypes';
import { findProperty, type JsonNode } from '../../parse/json';
import { cidrContains, parseCidr, parseIp } from '../../proxy/ipAddress';
import { matchesNoProxy } from '../../proxy/noProxyMatch';
import { parseProxyUrl } from '../../proxy/url';

export interface NamedRegistry {
  /** The string as written. */
  text: string;
  node: JsonNode;
  source: 'registry-mirrors' | 'insecure-registries';
  /** Lower-case host without brackets. */
  host: string;
  port?: string;
  /** Which proxy variable dockerd uses for it: mirrors by their scheme; insecure registries try https, then http. */
  schemes: ('http' | 'https')[];
}

function stringsOf(doc: JsonDocument, key: NamedRegistry['source']): { text: string; node: JsonNode }[] {
  const node = findProperty(doc.json.root, key)?.valueNode;
  if (!node || node.type !== 'array' || !node.children) return [];
  return node.children.filter((c) => c.type === 'string' && typeof c.value === 'string').map((c) => ({ text: c.value as string, node: c }));
}

export function namedRegistries(doc: JsonDocument): NamedRegistry[] {
  const result: NamedRegistry[] = [];
  for (const source of ['registry-mirrors', 'insecure-registries'] as const) {
    for (const { text, node } of stringsOf(doc, source)) {
      if (source === 'insecure-registries' && parseCidr(text.trim())) continue; // a range, not a host
      const url = parseProxyUrl(text);
      if (!url) continue;
      const host = url.host.replace(/^\[|\]$/g, '').toLowerCase();
      if (host === '' || !/^[a-z0-9.:_-]+$/.test(host) || (url.port !== undefined && !/^\d+$/.test(url.port))) continue;
      const schemes: NamedRegistry['schemes'] = source === 'insecure-registries' ? ['https', 'http'] : url.scheme === 'http' ? ['http'] : ['https'];
      result.push({ text, node, source, host, port: url.port || undefined, schemes });
    }
  }
  return result;
}

const PRIVATE_V4 = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', '169.254.0.0/16', '127.0.0.0/8', 'fc00::/7', 'fe80::/10', '::1/128'];
const INTERNAL_SUFFIXES = ['local', 'internal', 'lan', 'corp', 'intranet', 'home', 'home.arpa', 'localdomain', 'private', 'intra'];

function site(host: string): string {
  const labels = host.split('.');
  return labels.slice(-2).join('.');
}

/**
 * Whether a registry is probably on the user's own network, so that a proxy is unlikely to be wanted for it:
 * every insecure registry (plain HTTP or unverified TLS is a local-network setup), private addresses, single-label
 * names, internal-only suffixes, and names in the same domain as the proxy itself.
 */
export function looksInternal(r: NamedRegistry, proxyHost: string | undefined): boolean {
  if (r.source === 'insecure-registries') return true;
  const ip = parseIp(r.host);
  if (ip) return PRIVATE_V4.some((c) => { const cidr = parseCidr(c); return !!cidr && cidrContains(cidr, ip); });
  if (!r.host.includes('.')) return true;
  if (INTERNAL_SUFFIXES.some((s) => r.host.endsWith('.' + s))) return true;
  if (proxyHost && !parseIp(proxyHost) && proxyHost.includes('.') && site(proxyHost) === site(r.host)) return true;
  return false;
}

export interface DaemonProxies { http?: ProxySetting; https?: ProxySetting; no?: ProxySetting; proxyHost?: string }

export function daemonProxies(doc: JsonDocument): DaemonProxies {
  const pick = (variable: ProxySetting['variable']) => doc.proxySettings.filter((s) => s.variable === variable).pop();
  const nonEmpty = (s: ProxySetting | undefined) => (s && s.value.trim() !== '' ? s : undefined);
  const http = nonEmpty(pick('http'));
  const https = nonEmpty(pick('https'));
  const proxyValue = (https ?? http)?.value;
  const proxyHost = proxyValue ? parseProxyUrl(proxyValue)?.host.replace(/^\[|\]$/g, '').toLowerCase() : undefined;
  return { http, https, no: pick('no'), proxyHost };
}

/** Internal registries dockerd would reach through its proxy with this NO_PROXY value ('' when none). */
export function proxiedRegistries(doc: JsonDocument, proxies: DaemonProxies, noProxy: string): NamedRegistry[] {
  return namedRegistries(doc).filter((r) => {
    const viaProxy = r.schemes.filter((s) => (s === 'http' ? proxies.http : proxies.https));
    if (viaProxy.length === 0) return false;
    if (!looksInternal(r, proxies.proxyHost)) return false;
    return viaProxy.some((scheme) => !matchesNoProxy('go', noProxy, r.host, r.port, scheme));
  });
}

/** The entry to add for a registry: its host (covers every port, for every client). */
export function entryFor(r: NamedRegistry): string {
  return r.host;
}
