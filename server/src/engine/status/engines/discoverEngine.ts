// Discovery of the engine-specific files and commands, after the first wave: which engine answers decides which
// files are worth reading (Desktop's settings, a VM engine's config, .wslconfig) and which OS proxy command runs
// (only for Desktop in "system" mode). Everything goes through the Machine seam, every command with the discovery's
// timeout, and nothing runs when commands are off (untrusted workspace, --root without --docker).
import type { Machine } from '../../machine';
import { parseDockerInfo, lastJsonObject, type DockerInfo } from '../dockerInfo';
import { parseContextInspect } from '../dockerContext';
import { normalizeDockerHost } from '../dockerContext';
import { recogniseEngine, type EngineRecognition } from './recognise';
import { desktopPaths, desktopPathsFromWsl, type DesktopPaths } from './desktopPaths';
import { parseDesktopSettings, desktopProxyView, type DesktopSettingsFile } from './desktopSettings';
import { OS_PROXY_COMMANDS, parseOsProxy, type OsProxy } from './osProxy';
import { isWslKernel, parseWslConfig, pickWindowsHome, type WslDistro } from './wsl';
import { parseContainersConf, parseVmYaml, vmConfigPaths, type VmConfigFile } from './vmEngines';

export interface ReadText { path: string; text?: string; error?: string }

export interface EngineObservations {
  recognition: EngineRecognition;
  /** `docker version` server parts we use (platform name, components). */
  server?: { platformName?: string; components?: string[]; version?: string };
  desktop?: {
    paths: DesktopPaths;
    files: DesktopSettingsFile[];
    /** Raw texts, for sources and line numbers. */
    read: ReadText[];
    engineJson: ReadText;
    osProxy: Array<{ command: string; parsed?: OsProxy; outcome: string }>;
    /** Why the OS proxy was not read (commands off, WSL, mode not system). */
    osProxyNotRead?: string;
  };
  wsl?: WslDistro;
  vm: VmConfigFile[];
  vmMissing: string[];
}

type Runner = <T>(file: string, args: string[], parse: (stdout: string) => T | undefined, label?: string) => Promise<{ command: string; result: { exitCode: number | null; stdout: string; failure?: string; message?: string }; parsed?: T }>;

export interface EngineDiscoveryInput {
  platform: string;
  home: string;
  env: Readonly<Record<string, string | undefined>>;
  runCommands: boolean;
  info?: { result: { exitCode: number | null; stdout: string }; parsed?: DockerInfo };
  version?: { result: { exitCode: number | null; stdout: string } };
  context?: { result: { exitCode: number | null; stdout: string } };
}

/** `docker version --format '{{json .Server}}'`: Platform.Name (`Docker Desktop 4.42.1 (196648)`), component names. */
export function parseServerParts(stdout: string): EngineObservations['server'] {
  const raw = lastJsonObject(stdout);
  if (!raw) return undefined;
  const platform = raw.Platform && typeof raw.Platform === 'object' ? (raw.Platform as Record<string, unknown>).Name : undefined;
  const components = Array.isArray(raw.Components) ? raw.Components.map((c) => (c && typeof c === 'object' ? String((c as Record<string, unknown>).Name ?? '') : '')).filter(Boolean) : [];
  return { platformName: typeof platform === 'string' ? platform : undefined, components, version: typeof raw.Version === 'string' ? raw.Version : undefined };
}

async function readText(machine: Machine, path: string): Promise<ReadText> {
  const text = await machine.readFile(path);
  return { path, text, error: text === undefined ? machine.readError?.(path) ?? 'missing' : undefined };
}

export async function discoverEngine(machine: Machine, input: EngineDiscoveryInput, run: Runner): Promise<EngineObservations> {
  const { platform, home, env } = input;
  const ok = <T extends { result: { exitCode: number | null; stdout: string } }>(r: T | undefined) => (r && r.result.exitCode === 0 ? r : undefined);
  const info = ok(input.info)?.parsed ?? (ok(input.info) ? parseDockerInfo(input.info!.result.stdout) : undefined);
  const server = ok(input.version) ? parseServerParts(input.version!.result.stdout) : undefined;
  const ctx = ok(input.context) ? parseContextInspect(input.context!.result.stdout) : undefined;
  const host = ctx?.host ?? normalizeDockerHost(env.DOCKER_HOST, platform);
  const recognition = recogniseEngine({ platform, host, context: ctx?.name ?? (env.DOCKER_HOST ? undefined : env.DOCKER_CONTEXT), info: info?.serverVersion ? info : undefined, server });

  // WSL: only a Linux machine can be a distro.
  let wsl: WslDistro | undefined;
  if (platform === 'linux') {
    const procVersion = env.WSL_DISTRO_NAME ? undefined : await machine.readFile('/proc/version');
    if (env.WSL_DISTRO_NAME || isWslKernel(procVersion)) {
      const users = await machine.readDir('/mnt/c/Users');
      const windowsHome = pickWindowsHome(users, env.USER ?? env.LOGNAME);
      wsl = { name: env.WSL_DISTRO_NAME, why: env.WSL_DISTRO_NAME ? `WSL_DISTRO_NAME=${env.WSL_DISTRO_NAME}` : '/proc/version names a Microsoft WSL kernel', windowsHome };
      if (windowsHome) {
        const path = `${windowsHome}/.wslconfig`;
        const cfg = await readText(machine, path);
        wsl.wslconfig = cfg.text !== undefined ? parseWslConfig(cfg.text, path) : { path, error: cfg.error };
      }
    }
  }

  let desktop: EngineObservations['desktop'];
  if (recognition.kind === 'desktop') {
    const paths = wsl?.windowsHome ? desktopPathsFromWsl(wsl.windowsHome) : desktopPaths(platform, home, env);
    const wanted = [...paths.settings.map((s) => ({ path: s.path, kind: s.kind })), ...paths.admin.map((p) => ({ path: p, kind: 'admin-settings' as const }))];
    const [read, engineJson] = await Promise.all([Promise.all(wanted.map((w) => readText(machine, w.path))), readText(machine, paths.engineJson)]);
    const files = read.flatMap((r, i) => (r.text !== undefined ? [parseDesktopSettings(r.text, r.path, wanted[i].kind)] : []));
    const view = desktopProxyView(files);
    const osProxy: NonNullable<EngineObservations['desktop']>['osProxy'] = [];
    let osProxyNotRead: string | undefined;
    const mode = view.proxy?.mode ?? 'system'; // Desktop's default mode is system (install docs: --proxy-http-mode)
    if (mode === 'system') {
      const commands = wsl ? undefined : OS_PROXY_COMMANDS[platform];
      if (!input.runCommands) osProxyNotRead = 'commands are off (untrusted workspace or files-only mode)';
      else if (!commands) osProxyNotRead = wsl ? 'Docker Desktop runs on Windows; its system proxy cannot be read from inside the WSL distro' : `no known way to read the system proxy on ${platform}`;
      else {
        for (const c of commands) {
          const r = await run(c.file, c.args, (out) => parseOsProxy(c.file, out));
          osProxy.push({ command: r.command, parsed: r.result.exitCode === 0 ? r.parsed : undefined, outcome: r.result.failure ? (r.result.message ?? r.result.failure) : r.result.exitCode === 0 ? (r.parsed ? 'ok' : 'output not understood') : `exit ${r.result.exitCode}` });
        }
      }
    }
    desktop = { paths, files, read, engineJson, osProxy, osProxyNotRead };
  }

  const vm: VmConfigFile[] = [];
  const vmMissing: string[] = [];
  for (const p of vmConfigPaths(recognition.kind, { home, env, platform, profile: recognition.profile })) {
    const r = await readText(machine, p.path);
    if (r.text === undefined) { vmMissing.push(p.path); continue; }
    vm.push(p.kind === 'containers.conf' ? parseContainersConf(r.text, p.path) : parseVmYaml(r.text, p.path, p.kind));
  }
  return { recognition, server, desktop, wsl, vm, vmMissing };
}
