// Registry names as users write them (`docker.io`, `ghcr.io`, `registry.corp:5000`, `https://host/`) → host and port.

export interface RegistryTarget {
  /** As shown in the report: `registry-1.docker.io`, `registry.corp:5000`. */
  name: string;
  host: string;
  port: number;
}

export const DOCKER_HUB = 'registry-1.docker.io';
const HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com', 'hub.docker.com']);

/** Parses `host[:port]`; returns an error message for anything else. */
export function parseRegistry(text: string): RegistryTarget | string {
  let t = text.trim().replace(/^https:\/\//i, '').replace(/\/.*$/, '');
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text.trim()) && !/^https:\/\//i.test(text.trim())) return `${text}: only https registries are probed`;
  if (t === '') return 'empty registry name';
  t = t.toLowerCase();
  if (HUB_ALIASES.has(t)) return { name: DOCKER_HUB, host: DOCKER_HUB, port: 443 };
  let host = t;
  let port = 443;
  const m = /^(\[[0-9a-f:.]+\]|[^:\[\]]+)(?::(\d{1,5}))?$/.exec(t);
  if (!m) return `${text}: expected HOST or HOST:PORT`;
  host = m[1].replace(/^\[|\]$/g, '');
  if (m[2] !== undefined) port = Number(m[2]);
  if (port < 1 || port > 65535) return `${text}: port out of range`;
  if (!/^[a-z0-9.:-]+$/.test(host)) return `${text}: not a host name`;
  return { name: port === 443 ? t.replace(/:443$/, '') : t, host, port };
}
