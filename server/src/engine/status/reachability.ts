// Is each configured proxy listening? A refresh opens one TCP connection from this machine to every proxy endpoint a
// layer uses, all in parallel and each bounded to about a second, so a stopped proxy turns its layer red without a
// connectivity test. Endpoints that a layer reaches only from another network namespace (a container's loopback)
// are not checked from here: their own findings (SV019, DJ013, CC007) cover them.
import type { ConnectResult, Machine } from '../machine';
import { isLoopbackHost, maskCredentials, parseProxyUrl } from '../proxy/url';
import type { LayerId, StatusSource } from './report';
import { appliedEntry, clientEntries, fileSource, goEnv, type StatusModel } from './statusModel';
import { daemonProxyEnv } from './effective';
import { builderProxyEnv } from './layers/builder';

export const PROXY_CHECK_TIMEOUT_MS = 1_000;
/** Endpoints checked per refresh, at most (a machine has one or two proxies). */
const MAX_ENDPOINTS = 8;
const DEFAULT_PORTS: Record<string, number> = { http: 80, https: 443, socks5: 1080, socks5h: 1080, socks4: 1080 };

export interface ProxyUse {
  layer: LayerId;
  /** The value's name as the layer shows it (`HTTPS_PROXY`, `default.httpsProxy`, `https_proxy`). */
  name: string;
  masked: string;
  source?: StatusSource;
}

export interface ProxyCheck {
  host: string;
  port: number;
  uses: ProxyUse[];
  result: ConnectResult;
}

function endpoint(value: string): { host: string; port: number } | undefined {
  const url = parseProxyUrl(value);
  if (!url || !url.host) return undefined;
  const port = url.port !== undefined ? Number(url.port) : DEFAULT_PORTS[url.scheme || 'http'];
  return port ? { host: url.host.replace(/^\[|\]$/g, ''), port } : undefined;
}

/** Every proxy a layer uses from a place where this machine's view of the network is its own. */
export function proxyUses(model: StatusModel): Array<ProxyUse & { host: string; port: number }> {
  const out: Array<ProxyUse & { host: string; port: number }> = [];
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
  for (const u of proxyUses(model)) {
    const key = `${u.host.toLowerCase()}:${u.port}`;
    const check = byEndpoint.get(key);
    const use: ProxyUse = { layer: u.layer, name: u.name, masked: u.masked, ...(u.source ? { source: u.source } : {}) };
    if (check) check.uses.push(use);
    else if (byEndpoint.size < MAX_ENDPOINTS) byEndpoint.set(key, { host: u.host, port: u.port, uses: [use], result: { ok: true, durationMs: 0 } });
  }
  const checks = [...byEndpoint.values()];
  await Promise.all(checks.map(async (c) => { c.result = await machine.connect!(c.host, c.port, timeoutMs); }));
  return checks;
}
