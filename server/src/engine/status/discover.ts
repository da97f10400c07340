// Gathers the raw machine state for the status report: files through Machine.readFile/readDir, programs through
// Machine.exec (never a shell), every command with a timeout and all of them in parallel. Nothing here judges; the
// layer builders and findings read the Observations. Untrusted: no command at all, files and environment only.
import type { ExecResult, Machine, ToolPaths } from '../machine';
import type { CommandRun } from './report';
import { maskCredentials } from '../proxy/url';
import { kindOfRole, locationsFor, type FileRole, type Locations } from './locations';
import { parseDockerInfo, parseServerGoVersion, type DockerInfo } from './dockerInfo';
import { parseContextInspect, parseContextList, type DockerContext } from './dockerContext';
import { builderContainerName, parseBuildxInspect, parseBuildxLs, parseContainerInspect, type BuildxBuilder, type BuildxInspect, type ContainerInspect } from './buildx';
import { parseSystemctlShow, type SystemctlShow } from './systemctl';
import { parseDaemonFlags } from './daemonFlags';
import { parseEnvOutput } from './shellEnv';
import type { FileKind } from '../findingTypes';
import { discoverEngine, type EngineObservations } from './engines/discoverEngine';

export interface FileObservation {
  path: string;
  role: FileRole;
  kind: FileKind;
  /** Undefined when it could not be read; `error` says why (`missing`, `permission`, `too-large` …). */
  text?: string;
  error?: string;
}

export interface Ran<T> {
  /** Masked command line. */
  command: string;
  result: ExecResult;
  parsed?: T;
}

export interface DiscoveryOptions {
  tools: ToolPaths;
  timeoutMs: number;
  /** False: run no program at all (untrusted workspace, or files-only mode). */
  runCommands: boolean;
}

export interface Observations {
  platform: string;
  home: string;
  env: Readonly<Record<string, string | undefined>>;
  tools: ToolPaths;
  timeoutMs: number;
  ranCommands: boolean;
  locations: Locations;
  files: FileObservation[];
  /** /run/systemd/system exists: systemd is PID 1, so `systemctl show` is the authority on the unit's environment. */
  systemd: boolean;
  info?: Ran<DockerInfo>;
  version?: Ran<string>;
  context?: Ran<DockerContext>;
  contexts?: Ran<Array<{ name: string; host: string; current: boolean }>>;
  buildxLs?: Ran<BuildxBuilder[]>;
  buildxInspect?: Ran<BuildxInspect>;
  builderContainers: Array<Ran<ContainerInspect> & { container: string }>;
  systemctl?: Ran<SystemctlShow>;
  systemctlUser?: Ran<SystemctlShow>;
  loginShell?: Ran<Record<string, string>> & { shell: string };
  /** CA files of dockerd's certs.d, per registry directory (rootful and rootless trees). */
  certs: CertsDirObservation[];
  /** The engine behind the context and its own files (Desktop settings, WSL, VM configs): engines/discoverEngine.ts. */
  engine?: EngineObservations;
  commands: CommandRun[];
}

export interface CertsDirObservation {
  /** `rootful` = /etc/docker/certs.d, `rootless` = $XDG_CONFIG_HOME/docker/certs.d. */
  tree: 'rootful' | 'rootless';
  /** The directory name: `registry.corp:5000`. */
  host: string;
  dir: string;
  /** `*.crt` files: dockerd adds each as a CA root for this registry (client pairs are `*.cert` + `*.key`). */
  cas: Array<{ path: string; pem: string }>;
}

/** Registry directories read per certs.d tree, at most: a machine has a handful. */
const MAX_CERT_DIRS = 32;

async function readCertsDir(machine: Machine, root: string, tree: CertsDirObservation['tree']): Promise<CertsDirObservation[]> {
  const hosts = ((await machine.readDir(root)) ?? []).slice(0, MAX_CERT_DIRS);
  return Promise.all(hosts.map(async (host) => {
    const dir = `${root}/${host}`;
    const names = ((await machine.readDir(dir)) ?? []).filter((n) => n.endsWith('.crt')).sort();
    const cas: CertsDirObservation['cas'] = [];
    for (const n of names) {
      const pem = await machine.readFile(`${dir}/${n}`);
      if (pem && pem.includes('-----BEGIN CERTIFICATE-----')) cas.push({ path: `${dir}/${n}`, pem });
    }
    return { tree, host, dir, cas };
  }));
}

async function readFile(machine: Machine, path: string, role: FileRole): Promise<FileObservation> {
  const text = await machine.readFile(path);
  return { path, role, kind: kindOfRole(role), text, error: text === undefined ? machine.readError?.(path) ?? 'missing' : undefined };
}

async function readDropIns(machine: Machine, dir: string, role: FileRole): Promise<FileObservation[]> {
  const names = (await machine.readDir(dir)) ?? [];
  const confs = names.filter((n) => n.endsWith('.conf')).sort();
  return Promise.all(confs.map((n) => readFile(machine, `${dir}/${n}`, role)));
}

export function outcomeOf(result: ExecResult): string {
  if (result.failure === 'timeout') return result.message ?? 'timed out';
  if (result.failure === 'not-found') return 'not found';
  if (result.failure === 'permission') return 'permission denied';
  if (result.failure) return maskCredentials(result.message ?? 'error');
  return result.exitCode === 0 ? 'ok' : `exit ${result.exitCode}`;
}

export async function discover(machine: Machine, options: DiscoveryOptions): Promise<Observations> {
  const { tools, timeoutMs } = options;
  const locations = locationsFor(machine.env, machine.homeDir, machine.platform);
  const commands: CommandRun[] = [];
  const run = async <T>(file: string, args: string[], parse: (stdout: string) => T | undefined, label?: string): Promise<Ran<T>> => {
    const command = maskCredentials(label ?? [file, ...args].map((a) => (/\s/.test(a) ? `'${a}'` : a)).join(' '));
    const result = await machine.exec(file, args, { timeoutMs });
    let parsed: T | undefined;
    try {
      parsed = result.stdout ? parse(result.stdout) : undefined;
    } catch {
      parsed = undefined; // malformed output: the layer says "could not read"
    }
    commands.push({ command, durationMs: Math.round(result.durationMs), outcome: outcomeOf(result) });
    return { command, result, parsed };
  };
  const systemdDir = await machine.readDir('/run/systemd/system');
  const systemd = systemdDir !== undefined;
  const showArgs = ['show', '--property=Environment', '--property=ExecStart', '--property=FragmentPath', '--property=DropInPaths', 'docker'];
  const shell = machine.env.SHELL;
  const runShell = options.runCommands && machine.platform !== 'win32' && !!shell && shell.startsWith('/');

  const certsRead = Promise.all([readCertsDir(machine, locations.certsDir, 'rootful'), readCertsDir(machine, locations.certsDirRootless, 'rootless')]);
  const [files, rootful, rootless, info, version, context, contexts, buildxLs, buildxInspect, systemctl, systemctlUser, loginShell] = await Promise.all([
    Promise.all([
      readFile(machine, locations.daemonJson, 'daemon-json'),
      readFile(machine, locations.daemonJsonRootless, 'daemon-json-rootless'),
      readFile(machine, locations.daemonJsonDesktop, 'daemon-json-desktop'),
      readFile(machine, locations.cliConfig, 'cli-config'),
      ...locations.notReadByDockerd.map((p) => readFile(machine, p, 'not-read-by-dockerd')),
    ]),
    readDropIns(machine, locations.dropInDir, 'dropin'),
    readDropIns(machine, locations.dropInDirRootless, 'dropin-rootless'),
    options.runCommands ? run(tools.docker, ['info', '--format', '{{json .}}'], parseDockerInfo) : undefined,
    options.runCommands ? run(tools.docker, ['version', '--format', '{{json .Server}}'], parseServerGoVersion) : undefined,
    options.runCommands ? run(tools.docker, ['context', 'inspect'], parseContextInspect) : undefined,
    options.runCommands ? run(tools.docker, ['context', 'ls', '--format', '{{json .}}'], parseContextList) : undefined,
    options.runCommands ? run(tools.docker, ['buildx', 'ls'], parseBuildxLs) : undefined,
    options.runCommands ? run(tools.docker, ['buildx', 'inspect'], parseBuildxInspect) : undefined,
    options.runCommands && systemd ? run(tools.systemctl, showArgs, parseSystemctlShow) : undefined,
    options.runCommands && systemd ? run(tools.systemctl, ['--user', ...showArgs], parseSystemctlShow) : undefined,
    runShell ? run(shell!, ['-l', '-i', '-c', 'env'], parseEnvOutput, `${shell} -l -i -c env`) : undefined,
  ]);

  // Second wave, only what depends on the first: the docker-container builder's container, and a daemon.json that
  // ExecStart moved elsewhere with --config-file.
  const builderContainers: Observations['builderContainers'] = [];
  let engine: EngineObservations | undefined;
  const wave2: Array<Promise<unknown>> = [];
  const inspect = buildxInspect?.parsed;
  if (inspect && inspect.driver === 'docker-container') {
    for (const node of inspect.nodes.slice(0, 4)) {
      const container = builderContainerName(node.name);
      wave2.push(run(tools.docker, ['inspect', container], parseContainerInspect).then((r) => builderContainers.push({ ...r, container })));
    }
  }
  const configFile = systemctl?.parsed?.execStart && parseDaemonFlags(systemctl.parsed.execStart).configFile;
  if (configFile && configFile !== locations.daemonJson) {
    locations.daemonJson = configFile;
    wave2.push(readFile(machine, configFile, 'daemon-json').then((f) => { files[0] = f; }));
  }
  // The engine behind the context decides which of its own files and commands matter (engines/discoverEngine.ts).
  wave2.push(discoverEngine(machine, { platform: machine.platform, home: machine.homeDir, env: machine.env, runCommands: options.runCommands, info, version, context }, run).then((e) => { engine = e; }));
  await Promise.all(wave2);
  const [certsRootful, certsRootless] = await certsRead;

  return {
    platform: machine.platform,
    home: machine.homeDir,
    env: machine.env,
    tools,
    timeoutMs,
    ranCommands: options.runCommands,
    locations,
    files: [...files, ...rootful, ...rootless],
    systemd,
    info, version, context, contexts, buildxLs, buildxInspect, builderContainers, systemctl, systemctlUser,
    loginShell: loginShell ? { ...loginShell, shell: shell! } : undefined,
    certs: [...certsRootful, ...certsRootless],
    engine,
    commands,
  };
}
