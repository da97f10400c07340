// Proxy or direct for one request, decided the way the layer's consumer decides it (facts §6, §7), with the reason
// in words for the report.
import { parseIp, isLoopbackIp } from '../proxy/ipAddress';
import { parseNoProxy } from '../proxy/noProxyEntries';
import { matchesNoProxy, effectiveNoProxy, type NoProxyConsumer } from '../proxy/noProxyMatch';
import { maskCredentials, parseProxyUrl, isLoopbackHost } from '../proxy/url';
import type { LayerProxyInput } from './layers';

export interface ProxyEndpoint {
  scheme: string;
  host: string;
  port: number;
  /** Decoded user and password, for Proxy-Authorization; never shown. */
  user?: string;
  password?: string;
  /** The value as configured, masked. */
  masked: string;
}

export interface RouteDecision {
  route: 'proxy' | 'direct';
  proxy?: ProxyEndpoint;
  /** `HTTPS_PROXY=http://xxxxx:xxxxx@proxy:3128; NO_PROXY ".corp" does not match registry.test (Go) → proxy`. */
  reason: string;
  /** The proxy value could not be used at all (Go drops an unparsable value and goes direct). */
  unusable?: string;
}

const CONSUMER_NAMES: Record<NoProxyConsumer, string> = {
  go: 'Go', curl: 'curl', 'python-requests': 'requests', 'python-urllib': 'urllib', 'gnu-wget': 'GNU wget', 'busybox-wget': 'BusyBox wget',
};

function firstSet(env: LayerProxyInput['env'], names: string[]): { name: string; value: string } | undefined {
  for (const name of names) {
    const value = env[name];
    if (value !== undefined && value.trim() !== '') return { name, value: value.trim() };
  }
  return undefined;
}

/** The variable an https request reads, per consumer (facts §6: Go has no ALL_PROXY and no HTTP_PROXY fallback). */
export function httpsProxyVariable(consumer: NoProxyConsumer, env: LayerProxyInput['env']): { name: string; value: string } | undefined {
  switch (consumer) {
    case 'go': return firstSet(env, ['HTTPS_PROXY', 'https_proxy']);
    case 'curl': return firstSet(env, ['https_proxy', 'HTTPS_PROXY', 'all_proxy', 'ALL_PROXY']);
    case 'python-requests':
    case 'python-urllib': return firstSet(env, ['https_proxy', 'HTTPS_PROXY', 'all_proxy', 'ALL_PROXY']);
    case 'gnu-wget': return firstSet(env, ['https_proxy']);
    case 'busybox-wget': return firstSet(env, ['http_proxy']);
  }
}

const DEFAULT_PROXY_PORTS: Record<string, number> = { http: 80, https: 443, socks5: 1080, socks5h: 1080, socks4: 1080, socks4a: 1080 };

function decode(part: string): string {
  try { return decodeURIComponent(part); } catch { return part; }
}

/** Masks the user-info of a proxy value even where it breaks the URL (a space, `#`), which a text scan would miss. */
export function maskProxyValue(value: string): string {
  const url = parseProxyUrl(value);
  if (!url?.userinfo || !url.offsets.userinfo) return maskCredentials(value);
  const [start, end] = url.offsets.userinfo;
  return maskCredentials(`${value.slice(0, start)}xxxxx:xxxxx${value.slice(end)}`);
}

/** Parses a proxy value as Go does: a missing scheme means http; an unparsable value is unusable. */
export function parseProxyEndpoint(value: string): ProxyEndpoint | string {
  const masked = maskProxyValue(value);
  const url = parseProxyUrl(value);
  if (!url || url.host === '') return `${masked} has no host`;
  const scheme = url.scheme || 'http';
  if (url.port !== undefined && !/^\d{1,5}$/.test(url.port)) return `${masked} has an invalid port`;
  if (url.userinfo !== undefined && /[#\s/?]/.test(url.userinfo)) return `${masked} has characters in the user or password that break the URL`;
  const port = url.port !== undefined ? Number(url.port) : DEFAULT_PROXY_PORTS[scheme] ?? 80;
  let user: string | undefined;
  let password: string | undefined;
  if (url.userinfo !== undefined) {
    const colon = url.userinfo.indexOf(':');
    user = decode(colon >= 0 ? url.userinfo.slice(0, colon) : url.userinfo);
    password = colon >= 0 ? decode(url.userinfo.slice(colon + 1)) : undefined;
  }
  return { scheme, host: url.host.replace(/^\[|\]$/g, ''), port, user, password, masked };
}

/** Which NO_PROXY entry made the decision, for the report (undefined when only the value as a whole decides). */
function matchingEntry(consumer: NoProxyConsumer, noProxy: string, host: string, port: number): string | undefined {
  return parseNoProxy(noProxy).find((e) => matchesNoProxy(consumer, e.text, host, port))?.text;
}

/** Proxy or direct for an https request to host:port from this layer. */
export function decideRoute(input: LayerProxyInput, host: string, port: number): RouteDecision {
  const who = CONSUMER_NAMES[input.consumer];
  const variable = httpsProxyVariable(input.consumer, input.env);
  if (!variable) {
    const hint = input.consumer === 'go' && firstSet(input.env, ['HTTP_PROXY', 'http_proxy']) ? ' (HTTP_PROXY is set, but Go never uses it for https)' : '';
    return { route: 'direct', reason: `no HTTPS proxy for ${who}${hint} → direct` };
  }
  const shown = `${variable.name}=${maskProxyValue(variable.value)}`;
  const endpoint = parseProxyEndpoint(variable.value);
  if (typeof endpoint === 'string') {
    return { route: 'direct', reason: `${shown} cannot be parsed (${endpoint}); ${who} ignores it → direct`, unusable: endpoint };
  }
  const bare = host.replace(/^\[|\]$/g, '');
  if (input.consumer === 'go') {
    const ip = parseIp(bare);
    if (bare.toLowerCase() === 'localhost' || (ip && isLoopbackIp(ip))) {
      return { route: 'direct', reason: `${shown}; ${host} is loopback, which Go never sends through a proxy → direct` };
    }
  }
  const noProxy = effectiveNoProxy(input.consumer, input.env);
  if (noProxy.trim() !== '' && matchesNoProxy(input.consumer, noProxy, host, port)) {
    const entry = matchingEntry(input.consumer, noProxy, host, port);
    return { route: 'direct', reason: `${shown}; NO_PROXY ${entry ? `entry "${entry}"` : `"${noProxy}"`} matches ${host} (${who}) → direct` };
  }
  const np = noProxy.trim() === '' ? 'no NO_PROXY' : `NO_PROXY "${noProxy}" does not match ${host} (${who})`;
  return { route: 'proxy', proxy: endpoint, reason: `${shown}; ${np} → proxy` };
}

/** True when the proxy is on this machine's loopback, which a consumer in another network namespace cannot reach. */
export function isLoopbackProxy(endpoint: ProxyEndpoint): boolean {
  return isLoopbackHost(endpoint.host);
}
