// Spellings of proxy settings per layer (facts §1, §3, §4).
import type { ProxyVariable } from '../findingTypes';

/** daemon.json `proxies` keys: exact, kebab-case (moby daemon/config/config.go Proxies struct). */
export const DAEMON_PROXY_KEYS: Readonly<Record<string, ProxyVariable>> = {
  'http-proxy': 'http',
  'https-proxy': 'https',
  'no-proxy': 'no',
};

/** config.json `proxies.<host>` fields (docker/cli ProxyConfig). Go's decoder matches them case-insensitively. */
export const CLIENT_PROXY_FIELDS: Readonly<Record<string, ProxyVariable>> = {
  httpProxy: 'http',
  httpsProxy: 'https',
  noProxy: 'no',
  ftpProxy: 'ftp',
  allProxy: 'all',
};

/** The canonical config.json field for a key that Go would accept (case-insensitive match), if any. */
export function clientFieldFor(key: string): string | undefined {
  const lower = key.toLowerCase();
  return Object.keys(CLIENT_PROXY_FIELDS).find((k) => k.toLowerCase() === lower);
}

/**
 * Environment / build-arg names: HTTP_PROXY, http_proxy, ... (BuildKit matches build args case-insensitively), and
 * SOCKS_PROXY, which is an ordinary variable for Docker (see isPredefinedProxyArg) but a proxy for the tools that read it.
 */
/** Every proxy variable name above contains "proxy" (any case): a text without it assigns none (a cheap skip). */
export function mayNameProxyVariable(text: string): boolean {
  return /proxy/i.test(text);
}

export function envVariableOf(name: string): ProxyVariable | undefined {
  switch (name.toLowerCase()) {
    case 'http_proxy': return 'http';
    case 'https_proxy': return 'https';
    case 'no_proxy': return 'no';
    case 'ftp_proxy': return 'ftp';
    case 'all_proxy': return 'all';
    case 'socks_proxy': return 'socks';
    default: return undefined;
  }
}

export const PREDEFINED_PROXY_ARGS = [
  'HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'FTP_PROXY', 'ftp_proxy', 'NO_PROXY', 'no_proxy', 'ALL_PROXY', 'all_proxy',
] as const;

/** Whether a build argument of this name is predefined (reaches RUN without an ARG line, kept out of history). */
export function isPredefinedProxyArg(name: string): boolean {
  const lower = name.toLowerCase();
  return PREDEFINED_PROXY_ARGS.some((n) => n.toLowerCase() === lower);
}
