// The operating system's proxy, for Docker Desktop in "system" mode: macOS `scutil --proxy`, Windows' per-user
// Internet Settings (`reg query`) and WinHTTP (`netsh winhttp show proxy`), GNOME's `gsettings` on Linux. Each reader
// is a pure parser of the program's output; discovery runs the programs through the Machine seam with a timeout.
import { plainText } from '../platformPaths';

export interface OsProxy {
  /** Who said so: `scutil --proxy`, `reg query … Internet Settings`, `netsh winhttp show proxy`, `gsettings`. */
  source: string;
  enabled: boolean;
  http?: string;
  https?: string;
  /** Bypass list as the OS writes it (`*.local,169.254/16`, `<local>;*.corp`). */
  exclude?: string;
  /** A PAC URL in use (its rules are not evaluated here). */
  pac?: string;
}

export const OS_PROXY_COMMANDS: Record<string, Array<{ file: string; args: string[] }>> = {
  darwin: [{ file: 'scutil', args: ['--proxy'] }],
  win32: [
    { file: 'reg', args: ['query', 'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings'] },
    { file: 'netsh', args: ['winhttp', 'show', 'proxy'] },
  ],
  linux: [{ file: 'gsettings', args: ['list-recursively', 'org.gnome.system.proxy'] }],
};

/** `scutil --proxy`: a `<dictionary>` of `Key : value` lines, ExceptionsList as a nested `<array>`. */
export function parseScutilProxy(stdout: string): OsProxy | undefined {
  const text = plainText(stdout);
  if (!/<dictionary>/.test(text)) return undefined;
  const get = (k: string) => new RegExp(`^\\s*${k}\\s*:\\s*(.+?)\\s*$`, 'm').exec(text)?.[1];
  const exceptions: string[] = [];
  const arr = /ExceptionsList\s*:\s*<array>\s*\{([\s\S]*?)\}/.exec(text);
  if (arr) for (const m of arr[1].matchAll(/^\s*\d+\s*:\s*(.+?)\s*$/gm)) exceptions.push(m[1]);
  const hostPort = (host?: string, port?: string) => (host ? `http://${host}${port ? `:${port}` : ''}` : undefined);
  const httpOn = get('HTTPEnable') === '1';
  const httpsOn = get('HTTPSEnable') === '1';
  const pacOn = get('ProxyAutoConfigEnable') === '1';
  return {
    source: 'scutil --proxy',
    enabled: httpOn || httpsOn || pacOn,
    http: httpOn ? hostPort(get('HTTPProxy'), get('HTTPPort')) : undefined,
    https: httpsOn ? hostPort(get('HTTPSProxy'), get('HTTPSPort')) : undefined,
    exclude: exceptions.length ? exceptions.join(',') : undefined,
    pac: pacOn ? get('ProxyAutoConfigURLString') : undefined,
  };
}

/** `ProxyServer` is `host:port` for every scheme, or `http=h:p;https=h:p;…`. */
function splitProxyServer(value: string): { http?: string; https?: string } {
  if (!value.includes('=')) return { http: withScheme(value), https: withScheme(value) };
  const parts = Object.fromEntries(value.split(';').map((p) => p.split('=').map((s) => s.trim())).filter((p) => p.length === 2)) as Record<string, string>;
  return { http: parts.http ? withScheme(parts.http) : undefined, https: parts.https ? withScheme(parts.https) : undefined };
}
const withScheme = (v: string) => (/^[a-z][a-z0-9+.-]*:\/\//i.test(v) ? v : `http://${v}`);

/** `reg query "HKCU\…\Internet Settings"`: `    Name    REG_TYPE    value` lines. */
export function parseRegInternetSettings(stdout: string): OsProxy | undefined {
  const text = plainText(stdout);
  const values: Record<string, string> = {};
  for (const m of text.matchAll(/^\s+(\S+)\s+REG_\w+\s+(.*?)\s*$/gm)) values[m[1].toLowerCase()] = m[2];
  if (!('proxyenable' in values) && !('proxyserver' in values) && !('autoconfigurl' in values)) return undefined;
  const enabled = /^0x0*1$/i.test(values.proxyenable ?? '') || values.proxyenable === '1';
  const server = enabled && values.proxyserver ? splitProxyServer(values.proxyserver) : {};
  return {
    source: 'reg query HKCU\\…\\Internet Settings',
    enabled: enabled || !!values.autoconfigurl,
    ...server,
    exclude: enabled ? values.proxyoverride?.replace(/;/g, ',') : undefined,
    pac: values.autoconfigurl,
  };
}

/** `netsh winhttp show proxy`: "Direct access (no proxy server)." or `Proxy Server(s) :  h:p` and `Bypass List :  …`. */
export function parseNetshWinhttp(stdout: string): OsProxy | undefined {
  const text = plainText(stdout);
  if (/direct access/i.test(text)) return { source: 'netsh winhttp show proxy', enabled: false };
  const server = /Proxy Server\(s\)\s*:\s*(.+?)\s*$/im.exec(text)?.[1];
  if (!server) return undefined;
  const bypass = /Bypass List\s*:\s*(.+?)\s*$/im.exec(text)?.[1];
  return { source: 'netsh winhttp show proxy', enabled: true, ...splitProxyServer(server), exclude: bypass && !/^\(none\)$/i.test(bypass) ? bypass.replace(/;/g, ',') : undefined };
}

/** `gsettings list-recursively org.gnome.system.proxy`: `org.gnome.system.proxy.https host 'proxy'` lines. */
export function parseGsettingsProxy(stdout: string): OsProxy | undefined {
  const text = plainText(stdout);
  const get = (schema: string, key: string) => new RegExp(`^org\\.gnome\\.system\\.proxy${schema.replace(/\./g, '\\.')} ${key} (.+)$`, 'm').exec(text)?.[1]?.trim().replace(/^'(.*)'$/, '$1');
  const mode = get('', 'mode');
  if (mode === undefined) return undefined;
  const hostPort = (s: string) => { const h = get(s, 'host'); const p = get(s, 'port'); return h ? `http://${h}${p && p !== '0' ? `:${p}` : ''}` : undefined; };
  const ignore = get('', 'ignore-hosts');
  const list = ignore ? [...ignore.matchAll(/'([^']*)'/g)].map((m) => m[1]).join(',') : undefined;
  return {
    source: 'gsettings org.gnome.system.proxy',
    enabled: mode === 'manual' || mode === 'auto',
    http: mode === 'manual' ? hostPort('.http') : undefined,
    https: mode === 'manual' ? hostPort('.https') : undefined,
    exclude: mode === 'manual' ? list || undefined : undefined,
    pac: mode === 'auto' ? get('', 'autoconfig-url') || undefined : undefined,
  };
}

export function parseOsProxy(file: string, stdout: string): OsProxy | undefined {
  if (file === 'scutil') return parseScutilProxy(stdout);
  if (file === 'reg') return parseRegInternetSettings(stdout);
  if (file === 'netsh') return parseNetshWinhttp(stdout);
  if (file === 'gsettings') return parseGsettingsProxy(stdout);
  return undefined;
}
