// The daemon host the CLI talks to: `docker context inspect` (current context, DOCKER_HOST applied) and
// `docker context ls` (every context's endpoint), used to pick the config.json `proxies` entry (facts §3).

export interface DockerContext {
  name: string;
  host: string;
  /** The context carries TLS material or DOCKER_TLS_VERIFY is set: the CLI speaks https to a tcp:// daemon. */
  tls: boolean;
}

/** `docker context inspect` prints a JSON array with the current context first. */
export function parseContextInspect(stdout: string): DockerContext | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(stdout.trim());
  } catch {
    return undefined;
  }
  const first = Array.isArray(parsed) ? parsed[0] : undefined;
  if (!first || typeof first !== 'object') return undefined;
  const c = first as { Name?: unknown; Endpoints?: { docker?: { Host?: unknown } }; TLSMaterial?: Record<string, unknown> };
  const host = c.Endpoints?.docker?.Host;
  if (typeof c.Name !== 'string' || typeof host !== 'string') return undefined;
  const tls = !!c.TLSMaterial && typeof c.TLSMaterial === 'object' && Array.isArray(c.TLSMaterial.docker) && c.TLSMaterial.docker.length > 0;
  return { name: c.Name, host, tls };
}

/** `docker context ls --format '{{json .}}'`: one JSON object per line. */
export function parseContextList(stdout: string): Array<{ name: string; host: string; current: boolean }> {
  const result: Array<{ name: string; host: string; current: boolean }> = [];
  for (const line of stdout.split(/\r?\n/)) {
    if (!line.trim().startsWith('{')) continue;
    try {
      const c = JSON.parse(line) as { Name?: unknown; DockerEndpoint?: unknown; Current?: unknown };
      if (typeof c.Name === 'string' && typeof c.DockerEndpoint === 'string') result.push({ name: c.Name, host: c.DockerEndpoint, current: c.Current === true });
    } catch {
      // a broken line: skip it
    }
  }
  return result;
}

/**
 * The host string the CLI would look up in config.json when DOCKER_HOST is set and no context says otherwise: the CLI
 * normalises it (opts.ParseHost) so a tcp host always carries a port (facts §3). Undefined for an empty value.
 */
export function normalizeDockerHost(value: string | undefined, platform: string): string | undefined {
  const v = (value ?? '').trim();
  if (v === '') return platform === 'win32' ? 'npipe:////./pipe/docker_engine' : 'unix:///var/run/docker.sock';
  const m = /^tcp:\/\/([^/]*)(.*)$/i.exec(v);
  if (m) {
    const hostPort = m[1];
    const hasPort = hostPort.startsWith('[') ? /\]:\d+$/.test(hostPort) : /:\d+$/.test(hostPort);
    return `tcp://${hasPort ? hostPort : `${hostPort || 'localhost'}:2375`}${m[2]}`;
  }
  return v;
}

/** Host and port of a tcp:// daemon host, or undefined for unix/npipe/ssh. */
export function tcpHostOf(host: string): { host: string; port: string } | undefined {
  const m = /^tcp:\/\/(\[[^\]]*\]|[^:/]+)(?::(\d+))?/i.exec(host);
  if (!m) return undefined;
  return { host: m[1].replace(/^\[|\]$/g, ''), port: m[2] ?? '2375' };
}
