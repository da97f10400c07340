// Which engine answers behind the current context or DOCKER_HOST, recognised before any layer is judged: the files
// a layer lists, the restart it suggests and the address a loopback proxy needs all depend on it. Evidence comes from
// the context's name and endpoint (Docker Desktop's desktop-linux, colima, rancher-desktop, a podman socket), then
// from `docker info` / `docker version` when the daemon answered. Pure: it reads what discovery gathered.
import type { DockerInfo } from '../dockerInfo';

export type EngineKind =
  | 'engine' // Docker Engine, rootful, on this machine
  | 'engine-rootless' // Docker Engine under RootlessKit
  | 'desktop' // Docker Desktop (macOS, Windows, Linux)
  | 'colima'
  | 'lima'
  | 'rancher-desktop'
  | 'podman'
  | 'remote' // tcp:// or ssh:// daemon elsewhere: its files are not on this machine
  | 'unknown';

export interface EngineRecognition {
  kind: EngineKind;
  /** Human name: `Docker Desktop 4.42.1`, `Colima (profile default)`, `Podman (machine)`. */
  label: string;
  /** Why we think so, in order of weight: `context desktop-linux`, `docker info: OperatingSystem "Docker Desktop"`. */
  evidence: string[];
  /** The daemon host the CLI uses (context endpoint, DOCKER_HOST applied). */
  host?: string;
  context?: string;
  /** Colima profile or Lima instance name. */
  profile?: string;
  /** Docker Desktop's version from `docker version` (Platform.Name), when known. */
  desktopVersion?: string;
  /** dockerd runs in a VM (Desktop, Colima, Lima, Rancher Desktop, Podman machine): 127.0.0.1 there is not this host. */
  inVm: boolean;
  /** Recognised from names only, the daemon did not confirm. */
  unconfirmed: boolean;
}

export interface RecogniseInput {
  platform: string;
  host?: string;
  context?: string;
  info?: DockerInfo;
  /** `docker version --format '{{json .Server}}'` parsed: its platform name and component names. */
  server?: { platformName?: string; components?: string[]; version?: string };
}

const LABEL: Record<EngineKind, string> = {
  engine: 'Docker Engine', 'engine-rootless': 'Docker Engine (rootless)', desktop: 'Docker Desktop', colima: 'Colima', lima: 'Lima',
  'rancher-desktop': 'Rancher Desktop', podman: 'Podman', remote: 'remote Docker daemon', unknown: 'unknown engine',
};

/** What the context name and the endpoint say, before the daemon is asked. */
export function kindFromEndpoint(context: string | undefined, host: string | undefined, platform: string): { kind: EngineKind; why: string; profile?: string } | undefined {
  const h = (host ?? '').replace(/\\/g, '/');
  const c = context ?? '';
  if (c === 'desktop-linux' || c === 'desktop-windows') return { kind: 'desktop', why: `context ${c}` };
  if (/\/\.docker\/(desktop|run)\/docker(-cli)?\.sock$/.test(h)) return { kind: 'desktop', why: `Docker Desktop's socket ${host}` };
  if (/^npipe:.*\/pipe\/(dockerDesktopLinuxEngine|dockerDesktopWindowsEngine|docker_engine_linux|docker_engine_windows|docker_cli)$/i.test(h)) return { kind: 'desktop', why: `Docker Desktop's named pipe ${host}` };
  const colima = /^colima(?:-(.+))?$/.exec(c);
  const colimaSock = /\/\.colima\/([^/]+)\/docker\.sock$/.exec(h);
  if (colima || colimaSock) return { kind: 'colima', why: colima ? `context ${c}` : `Colima's socket ${host}`, profile: colimaSock?.[1] ?? colima?.[1] ?? 'default' };
  const lima = /\/\.lima\/([^/]+)\/sock\/docker\.sock$/.exec(h);
  if (lima) return { kind: 'lima', why: `Lima's socket ${host}`, profile: lima[1] };
  if (c === 'rancher-desktop' || /\/\.rd\/docker\.sock$/.test(h)) return { kind: 'rancher-desktop', why: c === 'rancher-desktop' ? `context ${c}` : `Rancher Desktop's socket ${host}` };
  if (/podman[^/]*\.sock$|\/podman\/|podman-machine/i.test(h)) return { kind: 'podman', why: `Podman's socket ${host}` };
  if (/^(tcp|ssh|https?):\/\//i.test(h)) {
    const local = /^tcp:\/\/(localhost|127\.|\[::1\])/i.test(h);
    if (!local) return { kind: 'remote', why: `daemon host ${host}` };
  }
  if (/^unix:\/\/\/run\/user\/\d+\/docker\.sock$/.test(h) || c === 'rootless') return { kind: 'engine-rootless', why: c === 'rootless' ? 'context rootless' : `rootless socket ${host}` };
  if (platform === 'win32' && /^npipe:/i.test(h)) return undefined; // Desktop, Rancher Desktop and Podman all serve docker_engine
  return undefined;
}

/** What the daemon says about itself. */
function kindFromDaemon(info: DockerInfo | undefined, server: RecogniseInput['server']): { kind: EngineKind; why: string } | undefined {
  const components = server?.components ?? [];
  if (components.some((n) => /podman/i.test(n)) || /podman/i.test(server?.platformName ?? '')) return { kind: 'podman', why: 'docker version: Podman Engine' };
  if (server?.platformName && /docker desktop/i.test(server.platformName)) return { kind: 'desktop', why: `docker version: ${server.platformName}` };
  if (!info) return undefined;
  if (/rancher desktop/i.test(info.operatingSystem)) return { kind: 'rancher-desktop', why: `docker info: OperatingSystem "${info.operatingSystem}"` };
  if (info.desktop) return { kind: 'desktop', why: /docker desktop/i.test(info.operatingSystem) ? `docker info: OperatingSystem "${info.operatingSystem}"` : `docker info: ${info.name === 'docker-desktop' ? 'Name docker-desktop' : 'Desktop labels or relay proxy'}` };
  if (info.name === 'colima' || /^colima-/.test(info.name)) return { kind: 'colima', why: `docker info: Name "${info.name}"` };
  if (/^lima-/.test(info.name)) return { kind: 'lima', why: `docker info: Name "${info.name}"` };
  if (info.rootless) return { kind: 'engine-rootless', why: 'docker info: SecurityOptions name=rootless' };
  return undefined;
}

export function recogniseEngine(input: RecogniseInput): EngineRecognition {
  const byName = kindFromEndpoint(input.context, input.host, input.platform);
  const byDaemon = kindFromDaemon(input.info, input.server);
  const evidence: string[] = [];
  let kind: EngineKind;
  // The daemon's own word wins, except that a VM product's daemon looks like a plain Linux dockerd from inside
  // (Colima, Lima and Rancher Desktop on macOS run Ubuntu/Alpine dockerd): then the endpoint names the product.
  if (byDaemon && byName && byDaemon.kind !== byName.kind && !(byDaemon.kind === 'engine-rootless' && byName.kind !== 'engine-rootless')) {
    kind = byDaemon.kind;
    evidence.push(byDaemon.why, `${byName.why} (suggested ${LABEL[byName.kind]})`);
  } else if (byName) {
    kind = byName.kind;
    evidence.push(byName.why);
    if (byDaemon && byDaemon.kind === byName.kind) evidence.push(byDaemon.why);
  } else if (byDaemon) {
    kind = byDaemon.kind;
    evidence.push(byDaemon.why);
  } else if (input.info) {
    kind = 'engine';
    evidence.push(`docker info: OperatingSystem "${input.info.operatingSystem}", not rootless`);
  } else if (input.platform === 'win32' || input.platform === 'darwin') {
    kind = 'desktop';
    evidence.push(`${input.platform === 'win32' ? 'Windows' : 'macOS'}: Docker Desktop is the usual engine (the daemon did not answer)`);
  } else {
    kind = input.host ? 'engine' : 'unknown';
    if (input.host) evidence.push(`daemon host ${input.host}`);
  }
  const profile = byName?.kind === kind ? byName.profile : undefined;
  const desktopVersion = /docker desktop\s+([\d.]+)/i.exec(input.server?.platformName ?? '')?.[1];
  let label = LABEL[kind];
  if (kind === 'desktop' && desktopVersion) label += ` ${desktopVersion}`;
  if (kind === 'colima' && profile) label += ` (profile ${profile})`;
  if (kind === 'lima' && profile) label += ` (instance ${profile})`;
  if (kind === 'podman' && /podman-machine|\/machine\//.test(input.host ?? '')) label += ' (machine)';
  return {
    kind, label, evidence, host: input.host, context: input.context, profile, desktopVersion,
    inVm: kind === 'desktop' || kind === 'colima' || kind === 'lima' || kind === 'rancher-desktop' || (kind === 'podman' && input.platform !== 'linux'),
    unconfirmed: !input.info,
  };
}

/** `4.35.0` ≥ `4.35`? Compares dotted numbers; undefined when either is not one. */
export function versionAtLeast(version: string | undefined, min: string): boolean | undefined {
  if (!version) return undefined;
  const a = version.split('.').map((n) => Number.parseInt(n, 10));
  const b = min.split('.').map((n) => Number.parseInt(n, 10));
  if (a.some(Number.isNaN)) return undefined;
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}
