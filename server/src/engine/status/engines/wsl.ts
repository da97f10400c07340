// WSL 2: is this Linux a WSL distro, and how does Windows' .wslconfig set up its network? In NAT mode (the default)
// the distro has its own address, so a proxy listening on Windows' 127.0.0.1 is not reachable as 127.0.0.1 in the
// distro (WSL itself warns "localhost proxy configuration … not mirrored into WSL"); mirrored mode shares Windows'
// loopback. autoProxy copies Windows' proxy into the distro's environment. Docker Desktop's dockerd runs in its own
// distro, with its proxy from Desktop's settings; each distro keeps its own ~/.docker/config.json.
import { plainText } from '../platformPaths';

export interface WslConfig {
  path: string;
  /** `nat` (default), `mirrored`, `none`, `virtioproxy`, as written (lower case). */
  networkingMode?: { value: string; line: number };
  autoProxy?: { value: boolean; line: number };
  error?: string;
}

export interface WslDistro {
  /** WSL_DISTRO_NAME, when set. */
  name?: string;
  why: string;
  /** Windows user profile as this distro mounts it (`/mnt/c/Users/alice`), when found. */
  windowsHome?: string;
  wslconfig?: WslConfig;
}

/** /proc/version of a WSL 2 kernel names Microsoft: `… 5.15.153.1-microsoft-standard-WSL2 …`. */
export function isWslKernel(procVersion: string | undefined): boolean {
  return !!procVersion && /microsoft/i.test(procVersion) && /wsl/i.test(procVersion);
}

/** .wslconfig is an INI file: `[wsl2]` (and older `[experimental]`) keys, `#`/`;` comments, CRLF line ends. */
export function parseWslConfig(text: string, path: string): WslConfig {
  const out: WslConfig = { path };
  let section = '';
  const lines = plainText(text).split('\n');
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) return;
    const s = /^\[([^\]]+)\]$/.exec(line);
    if (s) { section = s[1].trim().toLowerCase(); return; }
    const kv = /^([^=]+)=(.*)$/.exec(line);
    if (!kv || (section !== 'wsl2' && section !== 'experimental')) return;
    const key = kv[1].trim().toLowerCase();
    const value = kv[2].replace(/\s[#;].*$/, '').trim().replace(/^"(.*)"$/, '$1');
    // A [wsl2] value wins over the older [experimental] one (WSL moved these keys to [wsl2]).
    if (key === 'networkingmode' && (section === 'wsl2' || !out.networkingMode)) out.networkingMode = { value: value.toLowerCase(), line: i };
    if (key === 'autoproxy' && (section === 'wsl2' || !out.autoProxy)) out.autoProxy = { value: value.toLowerCase() === 'true', line: i };
  });
  return out;
}

/** Entries of /mnt/c/Users that are not real profiles. */
const NOT_PROFILES = new Set(['all users', 'default', 'default user', 'public', 'desktop.ini', 'wsiaccount', 'defaultapppool']);

/** The Windows profile directory seen from the distro: the one named like the Linux user, else the only real one. */
export function pickWindowsHome(entries: string[] | undefined, user: string | undefined, mountRoot = '/mnt/c/Users'): string | undefined {
  const names = (entries ?? []).filter((n) => !NOT_PROFILES.has(n.toLowerCase()));
  const same = user ? names.find((n) => n.toLowerCase() === user.toLowerCase()) : undefined;
  if (same) return `${mountRoot}/${same}`;
  return names.length === 1 ? `${mountRoot}/${names[0]}` : undefined;
}

export type WslProxyReach = 'mirrored' | 'nat' | 'unknown';

/** How the distro reaches a proxy on Windows' loopback. */
export function wslLoopbackReach(config: WslConfig | undefined): WslProxyReach {
  const mode = config?.networkingMode?.value;
  if (mode === 'mirrored') return 'mirrored';
  if (!config || config.error) return 'unknown';
  return 'nat'; // unset means NAT
}
