// The builder layer's command outputs: `docker buildx ls` (text; buildx 0.13 and the tree layout of 0.14+),
// `docker buildx inspect` (current builder) and `docker inspect buildx_buildkit_<node>` (a docker-container
// builder's container: its environment is the only place its proxy comes from, facts §2, §5).

export interface BuildxBuilder {
  name: string;
  driver: string;
  current: boolean;
  nodes: Array<{ name: string; endpoint: string; status: string }>;
}

/**
 * `docker buildx ls` is a fixed-width table whose header names the columns (NAME/NODE, DRIVER/ENDPOINT, STATUS …).
 * Builder rows start in column 0 (`default*`, or `default *` in older releases); node rows are indented, and since
 * buildx 0.13 prefixed with `\_`. A builder that cannot be loaded has an empty driver cell and `error` as status.
 * Without a header (unexpected output) the words are split on blanks instead.
 */
export function parseBuildxLs(stdout: string): BuildxBuilder[] {
  const builders: BuildxBuilder[] = [];
  const lines = stdout.split(/\r?\n/);
  const header = lines.find((l) => /^NAME\/NODE\s/.test(l));
  const col = (name: string) => (header ? header.indexOf(name) : -1);
  const cols = [0, col('DRIVER/ENDPOINT'), col('STATUS'), col('BUILDKIT')];
  const cells = (line: string): string[] => {
    if (!header || cols.some((c) => c < 0)) return line.trim().split(/\s+/).filter((w) => w !== '\\_');
    return cols.map((c, i) => line.slice(c, i + 1 < cols.length ? cols[i + 1] : undefined).replace(/\\_/g, '').trim());
  };
  for (const raw of lines) {
    if (raw.trim() === '' || raw === header) continue;
    if (/^\s/.test(raw)) {
      const [name, endpoint, status] = cells(raw);
      const last = builders[builders.length - 1];
      if (last && name) last.nodes.push({ name, endpoint: endpoint ?? '', status: status ?? '' });
      continue;
    }
    const [first, second, status] = cells(raw);
    let name = first.split(/\s+/)[0];
    let current = /\*\s*$/.test(first);
    if (name.endsWith('*')) name = name.slice(0, -1);
    let driver = second ?? '';
    if (!header && driver === '*') { current = true; driver = cells(raw)[2] ?? ''; }
    // Error lines ("Cannot load builder x: …") are not a builder row.
    if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(name) || (driver !== '' && !/^[a-z][a-z-]*$/.test(driver))) continue;
    void status;
    builders.push({ name, driver, current, nodes: [] });
  }
  return builders;
}

export interface BuildxInspect {
  name: string;
  driver: string;
  nodes: Array<{ name: string; endpoint: string; status: string; driverOptions: Record<string, string> }>;
}

/** `Driver Options: env.http_proxy="http://p:3128" network="host"` → { 'env.http_proxy': 'http://p:3128', network: 'host' }. */
export function parseDriverOptions(text: string): Record<string, string> {
  const result: Record<string, string> = {};
  const re = /([A-Za-z0-9_.-]+)=(?:"((?:[^"\\]|\\.)*)"|(\S*))/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) result[m[1]] = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[3];
  return result;
}

export function parseBuildxInspect(stdout: string): BuildxInspect | undefined {
  const result: BuildxInspect = { name: '', driver: '', nodes: [] };
  let inNodes = false;
  let node: BuildxInspect['nodes'][number] | undefined;
  for (const raw of stdout.split(/\r?\n/)) {
    const m = /^([A-Za-z][A-Za-z ]*?):\s*(.*)$/.exec(raw.trim());
    if (raw.trim() === 'Nodes:') { inNodes = true; continue; }
    if (!m) continue;
    const [, key, value] = m;
    if (!inNodes) {
      if (key === 'Name') result.name = value;
      else if (key === 'Driver') result.driver = value;
      continue;
    }
    if (key === 'Name') { node = { name: value, endpoint: '', status: '', driverOptions: {} }; result.nodes.push(node); }
    else if (node && key === 'Endpoint') node.endpoint = value;
    else if (node && key === 'Status') node.status = value;
    else if (node && key === 'Driver Options') node.driverOptions = parseDriverOptions(value);
  }
  return result.name ? result : undefined;
}

export interface ContainerInspect {
  env: Array<{ name: string; value: string }>;
  networkMode: string;
  running: boolean;
}

/** `docker inspect <container>`: a JSON array; `Config.Env` is `NAME=value` strings. */
export function parseContainerInspect(stdout: string): ContainerInspect | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(stdout.trim());
  } catch {
    return undefined;
  }
  const c = (Array.isArray(parsed) ? parsed[0] : undefined) as
    | { Config?: { Env?: unknown }; HostConfig?: { NetworkMode?: unknown }; State?: { Running?: unknown } }
    | undefined;
  if (!c || typeof c !== 'object') return undefined;
  const env = Array.isArray(c.Config?.Env) ? c.Config!.Env.filter((e): e is string => typeof e === 'string') : [];
  return {
    env: env.map((e) => { const i = e.indexOf('='); return i < 0 ? { name: e, value: '' } : { name: e.slice(0, i), value: e.slice(i + 1) }; }),
    networkMode: typeof c.HostConfig?.NetworkMode === 'string' ? c.HostConfig.NetworkMode : '',
    running: c.State?.Running === true,
  };
}

/** buildx names the container of a docker-container node `buildx_buildkit_<node name>` (node 0 is `<builder>0`). */
export function builderContainerName(nodeName: string): string {
  return `buildx_buildkit_${nodeName}`;
}
