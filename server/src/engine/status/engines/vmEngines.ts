// Where the VM-based engines take their proxy from, read from the host side:
// - Colima: `env:` of ~/.colima/<profile>/colima.yaml and the shell that ran `colima start` (copied into the VM's
//   /etc/environment at start, 127.0.0.1 rewritten to the host's address), and its `docker:` section, which becomes
//   the VM's /etc/docker/daemon.json as written (no rewriting);
// - Lima: `env:` of $LIMA_HOME/_config/override.yaml (all instances) and `propagateProxyEnv` (default true: the
//   `limactl start` shell's proxy variables, localhost rewritten to the host gateway);
// - Podman: containers.conf `[engine] env` (the engine's own proxy) and `[containers] http_proxy` (pass the host's
//   proxy variables into containers); a Podman machine copies the `podman machine start` shell's proxy into the VM;
// - Rancher Desktop: Windows "WSL › Proxy" preferences; macOS/Linux through Lima's override.yaml.
import { parseDocument } from 'yaml';
import { plainText } from '../platformPaths';
import { envVariableOf } from '../../proxy/names';

export interface VmProxySetting {
  name: string;
  value: string;
  /** 0-based line in the file. */
  line: number;
  /** Where it goes: the VM's environment (dockerd/podman reads it), or the VM's daemon.json (`docker:` of colima.yaml). */
  target: 'vm-env' | 'vm-daemon-json' | 'containers' | 'engine-env';
}

export interface VmConfigFile {
  path: string;
  kind: 'colima.yaml' | 'lima-override.yaml' | 'containers.conf';
  settings: VmProxySetting[];
  /** Lima's propagateProxyEnv, when written. */
  propagateProxyEnv?: boolean;
  /** containers.conf `[containers] http_proxy`. */
  passHostProxy?: boolean;
  error?: string;
}

function lineOf(text: string, offset: number | undefined): number {
  if (offset === undefined) return 0;
  let n = 0;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/** colima.yaml and Lima's override.yaml: `env:` maps, Colima's `docker:` map (its `proxies`, daemon.json's spelling). */
export function parseVmYaml(rawText: string, path: string, kind: 'colima.yaml' | 'lima-override.yaml'): VmConfigFile {
  const text = plainText(rawText);
  const out: VmConfigFile = { path, kind, settings: [] };
  let doc;
  try {
    doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
  } catch (error) {
    return { ...out, error: `not YAML: ${String(error)}` };
  }
  if (doc.errors.length) return { ...out, error: `not valid YAML (${doc.errors[0].message.split('\n')[0]})` };
  const root = doc.contents as { items?: Array<{ key?: { value?: unknown; range?: number[] }; value?: unknown }> } | null;
  const items = root && Array.isArray(root.items) ? root.items : [];
  for (const pair of items) {
    const key = String(pair.key?.value ?? '');
    const value = pair.value as { items?: Array<{ key?: { value?: unknown; range?: number[] }; value?: { value?: unknown; items?: unknown[] } }>; value?: unknown } | undefined;
    if (key === 'env' && value?.items) {
      for (const e of value.items) {
        const name = String(e.key?.value ?? '');
        const v = e.value?.value;
        if (envVariableOf(name) && typeof v === 'string' && v) out.settings.push({ name, value: v, line: lineOf(text, e.key?.range?.[0]), target: 'vm-env' });
      }
    }
    if (key === 'propagateProxyEnv' && typeof value?.value === 'boolean') out.propagateProxyEnv = value.value;
    if (key === 'docker' && kind === 'colima.yaml' && value?.items) {
      for (const d of value.items) {
        if (String(d.key?.value ?? '') !== 'proxies') continue;
        for (const p of (d.value?.items ?? []) as Array<{ key?: { value?: unknown; range?: number[] }; value?: { value?: unknown } }>) {
          const name = String(p.key?.value ?? '');
          const v = p.value?.value;
          if (/^(http|https|no)-proxy$/.test(name) && typeof v === 'string' && v) out.settings.push({ name, value: v, line: lineOf(text, p.key?.range?.[0]), target: 'vm-daemon-json' });
        }
      }
    }
  }
  return out;
}

/** containers.conf (TOML): `[engine] env = ["https_proxy=…", …]` and `[containers] http_proxy = true|false`. */
export function parseContainersConf(rawText: string, path: string): VmConfigFile {
  const text = plainText(rawText);
  const out: VmConfigFile = { path, kind: 'containers.conf', settings: [] };
  let section = '';
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/^\s+|\s+$/g, '');
    if (line === '' || line.startsWith('#')) continue;
    const s = /^\[([^\]]+)\]$/.exec(line);
    if (s) { section = s[1].trim(); continue; }
    const kv = /^([A-Za-z_]+)\s*=\s*(.*)$/.exec(line);
    if (!kv) continue;
    if (section === 'containers' && kv[1] === 'http_proxy') out.passHostProxy = /^true/.test(kv[2]);
    if (kv[1] === 'env' && (section === 'engine' || section === 'containers')) {
      // The array may continue over several lines: collect until the closing bracket.
      let body = kv[2];
      let j = i;
      while (!body.includes(']') && j + 1 < lines.length) body += lines[++j];
      for (const m of body.matchAll(/"([^"=]+)=([^"]*)"/g)) {
        if (envVariableOf(m[1]) && m[2]) out.settings.push({ name: m[1], value: m[2], line: i, target: section === 'engine' ? 'engine-env' : 'containers' });
      }
      i = j;
    }
  }
  return out;
}

/** The host as the VM sees it: Lima's (and so Colima's and Rancher Desktop's on macOS) user-mode network gateway. */
export const LIMA_HOST_ADDRESS = '192.168.5.2';

/** Host-side files that configure a VM engine's proxy, per engine and platform. */
export function vmConfigPaths(kind: string, opts: { home: string; env: Readonly<Record<string, string | undefined>>; platform: string; profile?: string }): Array<{ path: string; kind: VmConfigFile['kind'] }> {
  const { home, env, platform } = opts;
  if (kind === 'colima') {
    const colimaHome = env.COLIMA_HOME || `${home}/.colima`;
    return [{ path: `${colimaHome}/${opts.profile || 'default'}/colima.yaml`, kind: 'colima.yaml' }];
  }
  if (kind === 'lima') return [{ path: `${env.LIMA_HOME || `${home}/.lima`}/_config/override.yaml`, kind: 'lima-override.yaml' }];
  if (kind === 'rancher-desktop' && platform !== 'win32') {
    const base = platform === 'darwin' ? `${home}/Library/Application Support/rancher-desktop/lima` : `${home}/.local/share/rancher-desktop/lima`;
    return [{ path: `${base}/_config/override.yaml`, kind: 'lima-override.yaml' }];
  }
  if (kind === 'podman') {
    const xdg = env.XDG_CONFIG_HOME || `${home}/.config`;
    return platform === 'linux'
      ? [{ path: '/etc/containers/containers.conf', kind: 'containers.conf' }, { path: `${xdg}/containers/containers.conf`, kind: 'containers.conf' }]
      : [{ path: `${xdg}/containers/containers.conf`, kind: 'containers.conf' }];
  }
  return [];
}
