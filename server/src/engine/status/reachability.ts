// Is each configured proxy listening? A refresh opens one TCP connection from this machine to every proxy endpoint a
// layer uses, all in parallel and each bounded to about a second, so a stopped proxy turns its layer red without a
// connectivity test. Endpoints that a layer reaches only from another network namespace (a container's loopback)
// are not checked from here: their own findings (SV019, DJ013, CC007) cover them. A proxy URL with a user and
// password that are known gets a CONNECT with them: a proxy answers 407 at once when it rejects them (only that
// answer is judged; the connection is closed right after the status line).
import type { ConnectResult, Machine } from '../machine';
import { isLoopbackHost, maskCredentials, parseProxyUrl } from '../proxy/url';
import type { LayerId, StatusSource } from './report';
import { appliedEntry, clientEntries, fileSource, goEnv, type StatusModel } from './statusModel';
import { daemonProxyEnv } from './effective';
import { builderProxyEnv } from './layers/builderLayer';
import type { ProxyCheck, ProxyUse } from './proxyCheck';

export type { ProxyCheck, ProxyUse } from './proxyCheck';

export const PROXY_CHECK_TIMEOUT_MS = 1_000;
/** Endpoints checked per refresh, at most (a machine has one or two proxies). */
const MAX_ENDPOINTS = 8;
const DEFAULT_PORTS: Record<string, number> = { http: 80, https: 443, socks5: 1080, socks5h: 1080, socks4: 1080 };



/** What the credentials check asks for: any host; only a 407 is judged, the tunnel is closed at once. */
const CREDENTIALS_TARGET = 'registry-1.docker.io:443';

function endpoint(value: string): { host: string; port: number; credentials?: string } | undefined {
  const url = parseProxyUrl(value);
  if (!url || !url.host) return undefined;
  const port = url.port !== undefined ? Number(url.port) : DEFAULT_PORTS[url.scheme || 'http'];
  // Credentials of a plain http:// proxy that are really known (not dockerd's `xxxxx` mask).
  const credentials = (url.scheme || 'http') === 'http' && url.userinfo && !/xxxxx/.test(url.userinfo) ? basic(url.userinfo) : undefined;
  return port ? { host: url.host.replace(/^\[|\]$/g, ''), port, ...(credentials ? { credentials } : {}) } : undefined;
}

function basic(userinfo: string): string {
  const decode = (x: string) => { try { return decodeURIComponent(x); } catch { return x; } };
  const i = userinfo.indexOf(':');
  const plain = i < 0 ? `${decode(userinfo)}:` : `${decode(userinfo.slice(0, i))}:${decode(userinfo.slice(i + 1))}`;
  let binary = '';
  for (const b of new TextEncoder().encode(plain)) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** Every proxy a layer uses from a place where this machine's view of the network is its own. */
export function proxyUses(model: StatusModel): Array<ProxyUse & { host: string; port: number; credentials?: string }> {
  const out: Array<ProxyUse & { host: string; port: number; credentials?: string }> = [];
  const add = (layer: LayerId, name: string, value: string, source: StatusSource | undefined, hostNamespace: boolean) => {
    const e = endpoint(value);
    if (!e || (!hostNamespace && isLoopbackHost(e.host))) return;
    out.push({ layer, name, masked: maskCredentials(value), source, ...e });
  };
  if (model.vscodeProxy?.proxy) add('vscode', 'http.proxy', model.vscodeProxy.proxy, { kind: 'setting', label: 'http.proxy' }, true);
  for (const v of ['https', 'http'] as const) {
    const e = goEnv(model.shellEnv, v);
    if (e) add('cli-shell', e.name, e.value, { kind: 'env', label: `environment ${e.name}` }, true);
  }
  if (!model.desktop) {
    const d = daemonProxyEnv(model);
    for (const [v, name] of [['https', 'HTTPS_PROXY'], ['http', 'HTTP_PROXY']] as const) {
      if (d.env[name]) add('daemon', name, d.env[name], d.sourceOf[v], !model.rootless);
    }
  }
  const file = model.clientConfig;
  const { entry } = appliedEntry(clientEntries(file), model.daemonHost?.host);
  for (const f of entry?.fields ?? []) {
    if (f.variable === 'http' || f.variable === 'https') add('client-config', `${entry!.key}.${f.name}`, f.value, file && fileSource(file, f.line), false);
  }
  const b = builderProxyEnv(model);
  if (b) for (const [name, value] of Object.entries(b.env)) if (/^https?_proxy$/i.test(name)) add('builder', name, value, { kind: 'command', label: b.label }, b.network === 'host');
  return out;
}

export async function checkProxies(machine: Machine, model: StatusModel, timeoutMs = PROXY_CHECK_TIMEOUT_MS): Promise<ProxyCheck[]> {
  if (!machine.connect) return [];
  const byEndpoint = new Map<string, ProxyCheck>();
  const credentialsOf = new Map<ProxyCheck, string>();
  for (const u of proxyUses(model)) {
    const key = `${u.host.toLowerCase()}:${u.port}:${u.credentials ?? ''}`;
    const check = byEndpoint.get(key);
    const use: ProxyUse = { layer: u.layer, name: u.name, masked: u.masked, ...(u.source ? { source: u.source } : {}) };
    if (check) check.uses.push(use);
    else if (byEndpoint.size < MAX_ENDPOINTS) {
      const c: ProxyCheck = { host: u.host, port: u.port, uses: [use], result: { ok: true, durationMs: 0 } };
      if (u.credentials) credentialsOf.set(c, u.credentials);
      byEndpoint.set(key, c);
    }
  }
  const checks = [...byEndpoint.values()];
  await Promise.all(checks.map(async (c) => {
    const credentials = credentialsOf.get(c);
    const send = credentials ? `CONNECT ${CREDENTIALS_TARGET} HTTP/1.1\r\nHost: ${CREDENTIALS_TARGET}\r\nProxy-Authorization: Basic ${credentials}\r\n\r\n` : undefined;
    c.result = await machine.connect!(c.host, c.port, timeoutMs, send);
    if (credentials) {
      c.sentCredentials = true;
      c.credentialsRejected = /^HTTP\/\d(\.\d)?\s+407\b/.test(c.result.firstLine ?? '');
    }
  }));
  return checks;
}
