// `docker info --format '{{json .}}'` and `docker version --format '{{json .Server}}'`: what the running daemon uses
// (facts §1 "What docker info reports": configured value if set, else dockerd's environment) and what it is.
import type { DockerState } from './report';
import type { ExecResult } from '../machine';

export interface DockerInfo {
  serverVersion: string;
  operatingSystem: string;
  osType: string;
  name: string;
  /** As dockerd reports them: user and password already replaced by `xxxxx` when the URL parses (facts §1). */
  httpProxy: string;
  httpsProxy: string;
  noProxy: string;
  /** `SecurityOptions` holds `name=rootless` when dockerd runs rootless. */
  rootless: boolean;
  /** Docker Desktop: its OS name, its labels, its VM-side proxy `http.docker.internal:3128` (facts §8). */
  desktop: boolean;
  context?: string;
  /** Registries dockerd talks to without verifying TLS (facts: daemon.json `insecure-registries`): names and CIDRs. */
  insecureRegistries: string[];
  insecureCidrs: string[];
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The last JSON object line of the output (the CLI may print warnings before it); undefined when none parses. */
export function lastJsonObject(stdout: string): Record<string, unknown> | undefined {
  const lines = stdout.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.startsWith('{'));
  for (let i = lines.length - 1; i >= 0; i--) {
    try {
      const value: unknown = JSON.parse(lines[i]);
      if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
    } catch {
      // not JSON after all; try an earlier line
    }
  }
  return undefined;
}

export function isDesktopProxy(value: string): boolean {
  return /(^|\/\/|@)(http|gateway)\.docker\.internal(:|\/|$)/i.test(value);
}

export function parseDockerInfo(stdout: string): DockerInfo | undefined {
  const raw = lastJsonObject(stdout);
  if (!raw) return undefined;
  const security = Array.isArray(raw.SecurityOptions) ? raw.SecurityOptions.map(str) : [];
  const labels = Array.isArray(raw.Labels) ? raw.Labels.map(str) : [];
  const clientInfo = (raw.ClientInfo && typeof raw.ClientInfo === 'object' ? raw.ClientInfo : {}) as Record<string, unknown>;
  const info: DockerInfo = {
    serverVersion: str(raw.ServerVersion),
    operatingSystem: str(raw.OperatingSystem),
    osType: str(raw.OSType),
    name: str(raw.Name),
    httpProxy: str(raw.HttpProxy),
    httpsProxy: str(raw.HttpsProxy),
    noProxy: str(raw.NoProxy),
    rootless: security.some((s) => s.split(',').includes('name=rootless')),
    desktop: false,
    context: str(clientInfo.Context) || undefined,
    ...insecureOf(raw.RegistryConfig),
  };
  info.desktop = /docker desktop/i.test(info.operatingSystem) || labels.some((l) => l.startsWith('com.docker.desktop.'))
    || info.name === 'docker-desktop' || isDesktopProxy(info.httpProxy) || isDesktopProxy(info.httpsProxy);
  return info;
}

/**
 * `RegistryConfig` of docker info (captured from dockerd 26.1.5, test/fixtures/status/docker-info-26-env-proxy.json):
 * `IndexConfigs[name].Secure` is false for each `insecure-registries` name; `InsecureRegistryCIDRs` holds the CIDRs,
 * 127.0.0.0/8 always among them.
 */
function insecureOf(value: unknown): { insecureRegistries: string[]; insecureCidrs: string[] } {
  const rc = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const index = (rc.IndexConfigs && typeof rc.IndexConfigs === 'object' ? rc.IndexConfigs : {}) as Record<string, unknown>;
  const insecureRegistries = Object.entries(index)
    .filter(([, v]) => v && typeof v === 'object' && (v as Record<string, unknown>).Secure === false)
    .map(([k]) => k);
  const insecureCidrs = Array.isArray(rc.InsecureRegistryCIDRs) ? rc.InsecureRegistryCIDRs.map(str).filter(Boolean) : [];
  return { insecureRegistries, insecureCidrs };
}

/** What became of the `docker info` run, with the next step when it is not `ok`. */
export function dockerStateOf(result: ExecResult | undefined, info: DockerInfo | undefined, dockerPath: string): { state: DockerState; message?: string } {
  if (!result) return { state: 'not-checked', message: 'Docker was not asked (untrusted workspace or files-only mode): only files and the environment were read.' };
  if (result.failure === 'not-found') return { state: 'not-installed', message: `\`${dockerPath}\` was not found. Install Docker, or set dockerProxyDoctor.dockerPath (user settings) / --docker to its full path.` };
  if (result.failure === 'permission') return { state: 'permission-denied', message: `Not allowed to run \`${dockerPath}\`. Check its file permissions or point dockerProxyDoctor.dockerPath at another docker.` };
  if (result.failure === 'timeout') return { state: 'timeout', message: `\`docker info\` ${result.message ?? 'timed out'}: the daemon or a connection helper hangs. Check \`docker context ls\` and that dockerd answers.` };
  if (result.failure) return { state: 'error', message: `\`docker info\` could not run: ${result.message ?? 'unknown error'}` };
  const err = `${result.stderr}`.trim();
  if (result.exitCode === 0 && info && info.serverVersion) return { state: 'ok' };
  if (/permission denied/i.test(err)) return { state: 'permission-denied', message: `${firstLine(err)} Add your user to the \`docker\` group (then log in again) or use a rootless daemon.` };
  if (/cannot connect to the docker daemon|is the docker daemon running|connection refused|no such file or directory|error during connect/i.test(err)) {
    return { state: 'daemon-down', message: `${firstLine(err)} Start it (\`sudo systemctl start docker\`, or Docker Desktop) and refresh.` };
  }
  return { state: 'error', message: `\`docker info\` failed (exit ${result.exitCode ?? '?'}): ${firstLine(err) || 'no output'}` };
}

function firstLine(text: string): string {
  return (text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '').trim().slice(0, 300);
}

/** `docker version --format '{{json .Server}}'`: the Go version the engine was built with (DJ008). */
export function parseServerGoVersion(stdout: string): string | undefined {
  const raw = lastJsonObject(stdout);
  const go = raw && str(raw.GoVersion);
  return go || undefined;
}
