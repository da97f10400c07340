// What the user asks `setup` for, and the parts of it that come from the machine: the proxy URL with the credentials
// percent-encoded into it, and the NO_PROXY list pre-filled from the daemon's registries and the workspace's services.
import { findProperty, objectProperties } from '../parse/json';
import type { StatusModel } from '../status/statusModel';
import { maskCredentials, parseProxyUrl } from '../proxy/url';

export type SetupLayer = 'daemon' | 'client-config' | 'builder' | 'dockerfiles';
export const SETUP_LAYERS: readonly SetupLayer[] = ['daemon', 'client-config', 'builder', 'dockerfiles'];

export interface SetupInput {
  /** `http://proxy.example.com:3128`; credentials may be in it or in `user`/`password` (then they replace it). */
  proxy: string;
  user?: string;
  password?: string;
  /** The whole NO_PROXY list; undefined means the pre-filled one (`defaultNoProxy`). */
  noProxy?: string[];
  /** PEM file of a CA that re-signs traffic (a TLS-intercepting proxy). */
  caFile?: string;
  /** Layers to set; undefined means every layer this machine has. */
  layers?: SetupLayer[];
  /**
   * A proxy for containers, RUN steps and the builder that needs no credentials (reachable from the Docker networks).
   * When given, the password stays out of config.json and the builder (CC012's trade-off avoided).
   */
  containerProxy?: string;
}

/** What an adapter gathered beyond the status model. */
export interface SetupContext {
  /** Service names of the workspace's Compose files (they talk to each other by these names, never via the proxy). */
  composeServices?: string[];
  /** Workspace Dockerfiles, to remove baked proxies from. */
  dockerfiles?: Array<{ path: string; text: string }>;
  /** `docker buildx inspect NAME` output of every docker-container builder (to keep its options on recreate). */
  builderInspects?: Array<{ name: string; stdout: string }>;
}

export class SetupInputError extends Error {}

/** RFC 3986 userinfo: everything outside unreserved characters percent-encoded (so `%`, `@`, `:` are safe). */
export function encodeUserinfoPart(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The proxy URL the plan writes, credentials included (raw: never show it; `maskCredentials` for display). */
export function proxyUrlOf(input: Pick<SetupInput, 'proxy' | 'user' | 'password'>): string {
  const raw = input.proxy.trim();
  if (!raw) throw new SetupInputError('the proxy URL is empty');
  if (/\s/.test(raw)) throw new SetupInputError('the proxy URL contains white space');
  const withScheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(raw) ? raw : `http://${raw}`;
  const parts = parseProxyUrl(withScheme);
  if (!parts || !parts.host) throw new SetupInputError(`cannot read the proxy URL ${maskCredentials(raw)}`);
  if (!['http', 'https', 'socks5', 'socks5h'].includes(parts.scheme)) throw new SetupInputError(`the proxy scheme ${parts.scheme} is not one Docker supports (http, https, socks5, socks5h)`);
  if (!parts.port || !/^\d{1,5}$/.test(parts.port)) throw new SetupInputError('the proxy URL needs a port (for example :3128)');
  if (input.password !== undefined && input.user === undefined) throw new SetupInputError('a password needs a user');
  const userinfo = input.user !== undefined
    ? encodeUserinfoPart(input.user) + (input.password ? `:${encodeUserinfoPart(input.password)}` : '')
    : parts.userinfo;
  const rest = parts.rest === '/' ? '' : parts.rest;
  return `${parts.scheme}://${userinfo !== undefined ? `${userinfo}@` : ''}${parts.host}:${parts.port}${rest}`;
}

/** True when the URL carries a password (then config.json and the builder would show it, CC012). */
export function hasPassword(url: string): boolean {
  const u = parseProxyUrl(url)?.userinfo;
  return !!u && u.includes(':') && !u.endsWith(':');
}

/** A registry as written in daemon.json (`https://mirror:5000`, `10.0.0.0/8`, `reg.local:5000`) → a NO_PROXY entry. */
function registryEntry(value: string): string | undefined {
  const v = value.trim().replace(/^[a-z]+:\/\//i, '').replace(/\/.*$/, '');
  if (!v) return undefined;
  if (/^[\d.]+\/\d+$/.test(value.trim())) return value.trim(); // a CIDR: Go's NO_PROXY matches it as written
  // Host without the port: an entry with a port only matches that port, and mirrors are often on another one.
  return v.startsWith('[') ? v.replace(/\]:\d+$/, ']') : v.replace(/:\d+$/, '');
}

function daemonJsonArray(model: StatusModel, key: string): string[] {
  const doc = model.daemonJson?.doc;
  if (!doc || doc.kind !== 'daemon-json') return [];
  const node = findProperty(doc.json.root, key)?.valueNode;
  if (!node || node.type !== 'array') return [];
  return (node.children ?? []).flatMap((c) => (c.type === 'string' && typeof c.value === 'string' ? [c.value] : []));
}

/** localhost, 127.0.0.1, ::1, the daemon's insecure registries and mirrors, the Compose services (deduplicated). */
export function defaultNoProxy(model: StatusModel, context: SetupContext = {}): string[] {
  const entries = ['localhost', '127.0.0.1', '::1'];
  for (const r of [...daemonJsonArray(model, 'insecure-registries'), ...daemonJsonArray(model, 'registry-mirrors')]) {
    const e = registryEntry(r);
    if (e) entries.push(e);
  }
  entries.push(...(context.composeServices ?? []));
  return [...new Set(entries.filter((e) => /^[A-Za-z0-9.:[\]/*_-]+$/.test(e)))];
}

/** A daemon.json object property as a plain value (for `bip`). */
export function daemonJsonString(model: StatusModel, key: string): string | undefined {
  const doc = model.daemonJson?.doc;
  if (!doc || doc.kind !== 'daemon-json') return undefined;
  const node = objectProperties(doc.json.root).find((p) => p.key === key)?.valueNode;
  return node?.type === 'string' && typeof node.value === 'string' ? node.value : undefined;
}
