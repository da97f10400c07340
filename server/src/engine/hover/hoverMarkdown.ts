// The markdown pieces every hover shares: the HoverInfo shape, values shown masked, what each proxy variable is for,
// and who reads the daemon's proxy and who does not (facts §0, §3, §4).
import type { ProxyVariable, Range } from '../findingTypes';
import { maskCredentials } from '../proxy/url';

export interface HoverInfo {
  /** Markdown; never contains a credential (every value and key passes through maskCredentials). */
  markdown: string;
  range: Range;
}

const MAX_VALUE_CHARS = 300;

/** A value as inline code: masked, shortened, backticks neutralised. */
export function shownValue(value: string): string {
  let v = maskCredentials(value);
  if (v.length > MAX_VALUE_CHARS) v = `${v.slice(0, MAX_VALUE_CHARS)}…`;
  v = v.replace(/`/g, "'").replace(/[\r\n]+/g, ' ');
  return v === '' ? '*(empty)*' : `\`${v}\``;
}

/** A key or name as inline code, masked. */
export function code(text: string): string {
  return `\`${maskCredentials(text).replace(/`/g, "'")}\``;
}

export function valueLine(setting: { value: string } | undefined): string {
  return setting ? `\n\n**Value:** ${shownValue(setting.value)}` : '';
}

export const VARIABLE_PURPOSE: Record<ProxyVariable, string> = {
  http: 'proxy for `http://` requests',
  https: 'proxy for `https://` requests (registries use HTTPS, so this is the one pulls need)',
  no: 'hosts and domains reached directly, without the proxy',
  ftp: 'proxy for `ftp://` requests',
  all: 'fallback proxy for any scheme without its own setting (curl and some tools; Go programs ignore it)',
  socks: 'SOCKS proxy for the few tools that read it; curl and Go programs ignore it, and Docker has no predefined build argument for it',
};

// ---- Layer explanations (facts §0) ----

export const DAEMON_READERS =
  '**Read by:** dockerd (the daemon layer): `docker pull`/`push`/`search`, `docker login -u … -p …`, and image pulls, ' +
  '`ADD <url>` and git sources of builds that run on the default `docker` driver (built-in BuildKit).';

export const DAEMON_NOT_READERS =
  '**Not read by:**\n' +
  '- the docker CLI / buildx process: the registry **token** fetch of every `docker build` uses the shell\'s ' +
  '`HTTPS_PROXY`/`NO_PROXY` ("failed to fetch oauth token" when only the daemon has a proxy);\n' +
  '- containers and `RUN` steps: those get `~/.docker/config.json` `proxies` or `--build-arg`;\n' +
  '- a `docker-container` buildx builder: it needs `--driver-opt env.https_proxy=…`.';
