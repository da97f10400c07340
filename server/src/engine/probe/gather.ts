// A small, self-contained gatherer of each layer's proxy for the connectivity test: environment, config.json
// `proxies.default`, daemon.json `proxies` and `docker info`. SEAM: the status discovery (engine/status) will
// produce the same LayerProxyInput list with every source it knows; callers then swap `gatherLayerInputs` for it.
import type { Machine } from '../machine';
import type { LayerId } from '../status/report';
import type { LayerProxyInput } from './layers';

export interface GatherOptions {
  dockerPath?: string;
  commandTimeoutMs?: number;
  /** False: no command runs (untrusted workspace); files and environment only. */
  trusted?: boolean;
  /** VS Code's `http.proxy` / `http.noProxy`, when the caller is the extension. */
  vscodeProxy?: { proxy?: string; noProxy?: string[] };
  /** Only these layers (default: all that can be gathered). */
  layers?: readonly LayerId[];
}

export interface GatheredLayers {
  layers: LayerProxyInput[];
  notProbed: Array<{ layer: LayerId; reason: string }>;
}

const PROXY_NAMES = ['HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'ALL_PROXY', 'http_proxy', 'https_proxy', 'no_proxy', 'all_proxy'];

function proxyEnv(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of PROXY_NAMES) if (env[name] !== undefined) out[name] = env[name]!;
  return out;
}

function parseJsonObject(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  try {
    const v = JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}

/** Only `proxies.default` is read from config.json; `auths` and credential helpers are never touched. */
function clientConfigEnv(config: Record<string, unknown>): Record<string, string> | undefined {
  const proxies = config.proxies;
  if (!proxies || typeof proxies !== 'object') return undefined;
  const entry = (proxies as Record<string, unknown>).default;
  if (!entry || typeof entry !== 'object') return undefined;
  const e = entry as Record<string, unknown>;
  const pick = (key: string) => str(Object.entries(e).find(([k]) => k.toLowerCase() === key.toLowerCase())?.[1]);
  const env: Record<string, string> = {};
  // The CLI injects both spellings into containers and build args (facts §3).
  const set = (names: string[], value: string | undefined) => { if (value) for (const n of names) env[n] = value; };
  set(['HTTP_PROXY', 'http_proxy'], pick('httpProxy'));
  set(['HTTPS_PROXY', 'https_proxy'], pick('httpsProxy'));
  set(['NO_PROXY', 'no_proxy'], pick('noProxy'));
  set(['ALL_PROXY', 'all_proxy'], pick('allProxy'));
  return Object.keys(env).length > 0 ? env : undefined;
}

export async function gatherLayerInputs(machine: Machine, options: GatherOptions = {}): Promise<GatheredLayers> {
  const want = (id: LayerId) => !options.layers || options.layers.includes(id);
  const layers: LayerProxyInput[] = [];
  const notProbed: GatheredLayers['notProbed'] = [];
  const env = machine.env;

  if (want('vscode') && options.vscodeProxy) {
    const v = options.vscodeProxy;
    // VS Code uses http.proxy when set, else the proxy environment of its process.
    const vEnv = v.proxy ? { HTTPS_PROXY: v.proxy, NO_PROXY: (v.noProxy ?? []).join(',') } : proxyEnv(env);
    layers.push({ layer: 'vscode', consumerLabel: 'VS Code (extension host)', env: vEnv, consumer: 'curl', namespace: 'host', source: v.proxy ? 'setting http.proxy' : 'environment of VS Code' });
  }
  if (want('cli-shell')) {
    layers.push({ layer: 'cli-shell', consumerLabel: 'docker CLI / buildx in this shell', env: proxyEnv(env), consumer: 'go', namespace: 'host', source: 'environment' });
  }
  const configDir = env.DOCKER_CONFIG || `${machine.homeDir}/.docker`;
  if (want('client-config')) {
    const path = `${configDir.replace(/\/+$/, '')}/config.json`;
    const config = parseJsonObject(await machine.readFile(path));
    const cEnv = config ? clientConfigEnv(config) : undefined;
    if (cEnv) {
      layers.push({ layer: 'client-config', consumerLabel: 'containers and RUN steps (config.json proxies.default)', env: cEnv, consumer: 'curl', namespace: 'container', source: path });
    } else {
      notProbed.push({ layer: 'client-config', reason: `${path} has no proxies.default: containers and RUN steps get no proxy from the CLI.` });
    }
  }
  if (want('daemon')) {
    const daemon = await gatherDaemon(machine, options);
    if (typeof daemon === 'string') notProbed.push({ layer: 'daemon', reason: daemon });
    else layers.push(daemon);
  }
  if (want('builder')) {
    notProbed.push({ layer: 'builder', reason: 'A docker-container builder\'s proxy (--driver-opt env.*) is read by the Proxy Status discovery (docker buildx inspect), not by this test yet; the built-in builder uses the daemon\'s proxy.' });
  }
  return { layers, notProbed };
}

interface DockerInfo { HTTPProxy?: string; HTTPSProxy?: string; NoProxy?: string; OperatingSystem?: string; SecurityOptions?: string[] }

async function gatherDaemon(machine: Machine, options: GatherOptions): Promise<LayerProxyInput | string> {
  const fileEnv: Record<string, string> = {};
  let source = '';
  for (const path of ['/etc/docker/daemon.json', `${machine.homeDir}/.config/docker/daemon.json`]) {
    const json = parseJsonObject(await machine.readFile(path));
    const proxies = json?.proxies;
    if (proxies && typeof proxies === 'object') {
      const p = proxies as Record<string, unknown>;
      if (str(p['http-proxy'])) fileEnv.HTTP_PROXY = str(p['http-proxy'])!;
      if (str(p['https-proxy'])) fileEnv.HTTPS_PROXY = str(p['https-proxy'])!;
      if (str(p['no-proxy'])) fileEnv.NO_PROXY = str(p['no-proxy'])!;
      if (Object.keys(fileEnv).length > 0) { source = path; break; }
    }
  }
  let info: DockerInfo | undefined;
  let infoProblem = '';
  if (options.trusted !== false) {
    const run = await machine.exec(options.dockerPath ?? 'docker', ['info', '--format', '{{json .}}'], { timeoutMs: options.commandTimeoutMs ?? 5_000 });
    if (run.exitCode === 0) {
      const parsed = parseJsonObject(run.stdout.trim().split('\n').pop());
      if (parsed) info = parsed as DockerInfo;
      else infoProblem = '`docker info` printed no JSON';
    } else {
      infoProblem = run.failure ? `\`docker info\`: ${run.message ?? run.failure}` : `\`docker info\` exit ${run.exitCode}`;
    }
  }
  const desktop = /docker desktop/i.test(info?.OperatingSystem ?? '');
  const rootless = (info?.SecurityOptions ?? []).some((o) => /name=rootless/.test(o));
  let env: Record<string, string> = fileEnv;
  if (Object.keys(fileEnv).length === 0 && info) {
    // docker info shows the effective values (from any source) with passwords replaced by xxxxx: drop those
    // credentials rather than send a fake password.
    const clean = (v: string | undefined) => (v ? v.replace(/\/\/[^/@]*xxxxx[^/@]*@/, '//') : undefined);
    env = {};
    if (clean(info.HTTPProxy)) env.HTTP_PROXY = clean(info.HTTPProxy)!;
    if (clean(info.HTTPSProxy)) env.HTTPS_PROXY = clean(info.HTTPSProxy)!;
    if (info.NoProxy) env.NO_PROXY = info.NoProxy;
    source = 'docker info';
  }
  if (!info && Object.keys(fileEnv).length === 0) {
    return `dockerd's proxy is unknown: no proxies in daemon.json${options.trusted === false ? ' and no command runs in an untrusted workspace' : infoProblem ? ` and ${infoProblem}` : ''}. (A systemd drop-in is read by the Proxy Status discovery.)`;
  }
  return {
    layer: 'daemon',
    consumerLabel: desktop ? 'dockerd in the Docker Desktop VM' : rootless ? 'dockerd (rootless, own network namespace)' : 'dockerd',
    env, consumer: 'go', namespace: desktop ? 'vm' : rootless ? 'container' : 'host', source: source || 'docker info', desktop,
  };
}
