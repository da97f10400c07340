// Docker Desktop's proxy settings, read (never written) from the files Desktop keeps them in:
// - settings-store.json (Desktop 4.35 and later, PascalCase keys: ProxyHTTPMode, OverrideProxyHTTP …);
// - settings.json (4.34 and earlier, camelCase keys: proxyHttpMode, overrideProxyHttp …);
// - admin-settings.json (Settings Management: `proxy` and `containersProxy` objects, each with `locked`).
// Desktop publishes no schema for the first two (docker/docs#23706), so both casings are accepted in both files.
// Values stay raw here (compare with them, never show them): the layer masks them.
import { LineIndex } from '../../lineIndex';
import { findProperty, nodeRange, objectProperties, parseJson, type JsonNode } from '../../parse/json';

export type DesktopProxyMode = 'system' | 'manual' | 'none' | 'same-as-host' | 'pac' | 'unknown';

export interface DesktopValue { value: string; line: number; key: string }

export interface DesktopProxyBlock {
  /** As written, and as we read it. */
  modeRaw?: DesktopValue;
  mode: DesktopProxyMode;
  http?: DesktopValue;
  https?: DesktopValue;
  exclude?: DesktopValue;
  pac?: DesktopValue;
}

export interface DesktopSettingsFile {
  path: string;
  kind: 'settings-store' | 'settings' | 'admin-settings';
  /** Why it could not be used: not JSON, not an object. */
  error?: string;
  /** Docker Desktop proxy ("host" proxy: pulls, sign-in, and the containers' fallback). */
  proxy?: DesktopProxyBlock;
  /** Containers proxy, where set. */
  containers?: DesktopProxyBlock;
  /** admin-settings.json: the block is locked, users cannot change it in Settings. */
  proxyLocked?: boolean;
  containersLocked?: boolean;
}

function modeOf(raw: string | undefined): DesktopProxyMode {
  const v = (raw ?? '').trim().toLowerCase();
  if (v === '') return 'unknown';
  if (v === 'system') return 'system';
  if (v === 'manual') return 'manual';
  if (v === 'none' || v === 'disabled' || v === 'noproxy' || v === 'no-proxy' || v === 'off') return 'none';
  if (v === 'same' || v === 'sameashost' || v === 'same-as-host' || v === 'host') return 'same-as-host';
  if (v === 'pac') return 'pac';
  return 'unknown';
}

/** A string (or, for exclude lists, an array of strings joined by commas) under the first key found. */
function pick(node: JsonNode | undefined, keys: string[], lines: LineIndex): DesktopValue | undefined {
  for (const key of keys) {
    const p = findProperty(node, key);
    const v = p?.valueNode;
    if (!p || !v) continue;
    const line = nodeRange(lines, p.keyNode).start.line;
    if (v.type === 'string' && typeof v.value === 'string') return { value: v.value, line, key };
    // Desktop 3.x wrote the mode as a boolean (docker/for-win#9773: "switching true/false"): true is manual.
    if (v.type === 'boolean') return { value: v.value ? 'manual' : 'system', line, key };
    // Some versions store a setting as {"Value": …} (docker/for-win reports of marlin.dat-style entries).
    if (v.type === 'object') {
      const inner = findProperty(v, 'Value')?.valueNode ?? findProperty(v, 'value')?.valueNode;
      if (inner?.type === 'string' && typeof inner.value === 'string') return { value: inner.value, line, key };
    }
    if (v.type === 'array') {
      const items = (v.children ?? []).filter((c) => c.type === 'string').map((c) => String(c.value));
      return { value: items.join(','), line, key };
    }
  }
  return undefined;
}

function block(node: JsonNode | undefined, lines: LineIndex, keys: { mode: string[]; http: string[]; https: string[]; exclude: string[]; pac: string[] }): DesktopProxyBlock | undefined {
  const modeRaw = pick(node, keys.mode, lines);
  const http = pick(node, keys.http, lines);
  const https = pick(node, keys.https, lines);
  const exclude = pick(node, keys.exclude, lines);
  const pac = pick(node, keys.pac, lines);
  if (!modeRaw && !http && !https && !exclude && !pac) return undefined;
  // No mode but an address: Desktop's older files set the address with the mode implied.
  const mode = modeRaw ? modeOf(modeRaw.value) : http || https ? 'manual' : 'unknown';
  return { modeRaw, mode, http, https, exclude, pac };
}

const USER_KEYS = {
  mode: ['ProxyHTTPMode', 'proxyHttpMode', 'ProxyHttpMode'],
  http: ['OverrideProxyHTTP', 'overrideProxyHttp', 'OverrideProxyHttp'],
  https: ['OverrideProxyHTTPS', 'overrideProxyHttps', 'OverrideProxyHttps'],
  exclude: ['OverrideProxyExclude', 'overrideProxyExclude'],
  pac: ['OverrideProxyPAC', 'overrideProxyPac', 'OverrideProxyPac'],
};
const USER_CONTAINER_KEYS = {
  mode: ['ContainersProxyHTTPMode', 'containersProxyHttpMode', 'ContainersProxyHttpMode'],
  http: ['ContainersOverrideProxyHTTP', 'containersOverrideProxyHttp', 'ContainersOverrideProxyHttp'],
  https: ['ContainersOverrideProxyHTTPS', 'containersOverrideProxyHttps', 'ContainersOverrideProxyHttps'],
  exclude: ['ContainersOverrideProxyExclude', 'containersOverrideProxyExclude'],
  pac: ['ContainersOverrideProxyPAC', 'containersOverrideProxyPac'],
};
const ADMIN_KEYS = { mode: ['mode'], http: ['http'], https: ['https'], exclude: ['exclude'], pac: ['pac'] };

export function parseDesktopSettings(text: string, path: string, kind: DesktopSettingsFile['kind']): DesktopSettingsFile {
  const lines = new LineIndex(text);
  const json = parseJson(text, lines);
  const root = json.root;
  if (json.syntaxErrors.length) return { path, kind, error: `not valid JSON (${json.syntaxErrors[0].message}, line ${json.syntaxErrors[0].range.start.line + 1})` };
  if (!root || root.type !== 'object') return { path, kind, error: 'not a JSON object' };
  if (kind === 'admin-settings') {
    const proxy = findProperty(root, 'proxy')?.valueNode;
    const containers = findProperty(root, 'containersProxy')?.valueNode;
    const locked = (n: JsonNode | undefined) => findProperty(n, 'locked')?.valueNode?.value === true;
    return {
      path, kind,
      proxy: block(proxy, lines, ADMIN_KEYS), containers: block(containers, lines, ADMIN_KEYS),
      proxyLocked: locked(proxy), containersLocked: locked(containers),
    };
  }
  // Some versions nest the user settings one level down; read the top level first, then any object child that has them.
  let proxy = block(root, lines, USER_KEYS);
  let containers = block(root, lines, USER_CONTAINER_KEYS);
  if (!proxy) for (const p of objectProperties(root)) { proxy = block(p.valueNode, lines, USER_KEYS); if (proxy) break; }
  if (!containers) for (const p of objectProperties(root)) { containers = block(p.valueNode, lines, USER_CONTAINER_KEYS); if (containers) break; }
  return { path, kind, proxy, containers };
}

/** What Desktop uses, admin settings first (a locked admin block cannot be overridden in Settings). */
export interface DesktopProxyView {
  /** The file whose `proxy` block applies. */
  source?: DesktopSettingsFile;
  proxy?: DesktopProxyBlock;
  containersSource?: DesktopSettingsFile;
  containers?: DesktopProxyBlock;
  locked: boolean;
  /** Files read, in order, with the ones that did not count and why. */
  notes: string[];
}

export function desktopProxyView(files: DesktopSettingsFile[]): DesktopProxyView {
  const admin = files.find((f) => f.kind === 'admin-settings' && !f.error);
  const store = files.find((f) => f.kind === 'settings-store' && !f.error && (f.proxy || f.containers));
  const legacy = files.find((f) => f.kind === 'settings' && !f.error && (f.proxy || f.containers));
  const user = store ?? legacy;
  const notes: string[] = [];
  if (store && legacy) notes.push(`${legacy.path} is the file of Desktop 4.34 and earlier; Desktop 4.35 and later read ${store.path} (the old file is left in place after the upgrade).`);
  for (const f of files) if (f.error) notes.push(`${f.path}: ${f.error}; Desktop's own reading of it is unknown.`);
  const adminProxy = admin?.proxy && (admin.proxyLocked || !user?.proxy) ? admin : undefined;
  const adminContainers = admin?.containers && (admin.containersLocked || !user?.containers) ? admin : undefined;
  return {
    source: adminProxy ?? (user?.proxy ? user : undefined),
    proxy: adminProxy?.proxy ?? user?.proxy,
    containersSource: adminContainers ?? (user?.containers ? user : undefined),
    containers: adminContainers?.containers ?? user?.containers,
    locked: !!adminProxy?.proxyLocked,
    notes,
  };
}

/** Settings → Resources → Proxies: where to click and the exact values, for fixes and the setup plan. */
export interface DesktopProxyGuidance {
  where: string;
  steps: string[];
}

export function desktopProxyGuidance(values: { http?: string; https?: string; exclude?: string }, opts: { locked?: boolean; desktopVersion?: string } = {}): DesktopProxyGuidance {
  if (opts.locked) {
    return { where: 'admin-settings.json (Settings Management)', steps: ['The proxy is locked by your organisation\'s admin-settings.json: ask the administrator to change `proxy` there (Desktop must be fully quit and reopened to read it).'] };
  }
  const steps = [
    'Open Docker Desktop → Settings (gear icon) → Resources → Proxies.',
    'Turn on Manual proxy configuration.',
    ...(values.http ? [`Web Server (HTTP): ${values.http}`] : []),
    ...(values.https ? [`Secure Web Server (HTTPS): ${values.https}`] : []),
    `Bypass proxy settings for these hosts & domains: ${values.exclude || 'localhost,127.0.0.1'}`,
    'Select Apply (Desktop 4.43 and later apply it without restarting the VM; older versions: Apply & restart).',
  ];
  return { where: 'Docker Desktop → Settings → Resources → Proxies', steps };
}
