// From raw Observations to the facts the layers and findings need: which daemon.json applies, which source wins per
// daemon variable (facts §1: flag or daemon.json over the environment), what dockerd reports, the daemon host and the
// config.json entry chosen for it (§3), the builder. Raw (unmasked) values stay inside this model; everything that
// leaves it as a StatusValue/StatusFinding is masked.
import type { Finding, ProxySetting, ProxyVariable, SeveritySetting } from '../findingTypes';
import { parseDocument, type ParsedDocument } from '../document';
import { lint, unlintableReason } from '../lint';
import { CLIENT_PROXY_FIELDS, clientFieldFor, envVariableOf } from '../proxy/names';
import { findProperty, objectProperties, nodeRange } from '../parse/json';
import type { Observations, FileObservation, CertsDirObservation } from './discover';
import type { StatusSource } from './report';
import { dockerStateOf, isDesktopProxy, type DockerInfo } from './dockerInfo';
import { normalizeDockerHost } from './dockerContext';
import { parseDaemonFlags } from './daemonFlags';
import { pickShellVariables } from './shellEnv';
import type { BuildxBuilder, BuildxInspect, ContainerInspect } from './buildx';
import type { MachineOptions } from '../machine';
import type { UnitAssignment } from '../parse/unitFile';
import type { ProxyCheck } from './proxyCheck';
import { buildEngineModel, type EngineModel } from './engines/engineModel';

export type DaemonVariable = 'http' | 'https' | 'no';
export const DAEMON_VARIABLES: readonly DaemonVariable[] = ['http', 'https', 'no'];

export interface ReadFile extends FileObservation {
  doc?: ParsedDocument;
  lint: Finding[];
}

/** One place the daemon's proxy is configured. `value` is raw: compare with it, never show it. */
export interface DaemonSource {
  variable: DaemonVariable | 'all';
  name: string;
  value: string;
  via: 'flag' | 'daemon-json' | 'drop-in' | 'systemctl';
  source: StatusSource;
  file?: ReadFile;
  setting?: ProxySetting;
}

export interface StatusModel {
  obs: Observations;
  vscodeProxy?: MachineOptions['vscodeProxy'];
  docker: ReturnType<typeof dockerStateOf>;
  info?: DockerInfo;
  rootless: boolean;
  desktop: boolean;
  files: ReadFile[];
  /** The daemon.json dockerd reads (rootful, rootless or Desktop's), when it exists. */
  daemonJson?: ReadFile;
  /** The drop-ins of the unit that runs dockerd (rootful or rootless). */
  dropIns: ReadFile[];
  /** Drop-ins in the other place (rootless daemon with files in /etc/systemd/system, SV007). */
  misplacedDropIns: ReadFile[];
  /** Every configured source, in precedence order per variable. */
  configured: DaemonSource[];
  /** The configured source dockerd will use per variable. */
  winners: Map<DaemonVariable, DaemonSource>;
  /** `systemctl show` Environment, when systemd was asked. */
  systemdEnv?: Array<{ name: string; value: string }>;
  systemdUnitCommand: string;
  /** docker info's values (masked by dockerd), when the daemon answered. */
  effective?: Record<DaemonVariable, string>;
  shellEnv: Record<string, string>;
  /** The login shell's watched variables, when they differ from the process environment. */
  loginEnv?: Record<string, string>;
  daemonHost?: { host: string; tls: boolean; source: StatusSource; contextName?: string };
  contexts?: Array<{ name: string; host: string }>;
  clientConfig?: ReadFile;
  /** TCP checks of every proxy a layer uses (./reachability.ts); set by computeStatusModel when commands may run. */
  proxyChecks?: ProxyCheck[];
  /** dockerd's certs.d directories (the tree this daemon reads: rootless moves it). */
  certs: CertsDirObservation[];
  /** Registries dockerd does not verify (docker info, else daemon.json `insecure-registries`); 127.0.0.0/8 always. */
  insecure: { registries: string[]; cidrs: string[]; source: StatusSource };
  /**
   * The builder each build command uses. `docker build` is forwarded to `docker buildx build` with
   * BUILDX_BUILDER=<current context> unless BUILDX_BUILDER or a `builder` alias (`docker buildx install`) is set
   * (docker/cli cmd/docker/builder.go, processBuilder), so it runs on the context's default (docker driver) builder;
   * `docker buildx build` uses BUILDX_BUILDER, else the selected builder (`*` in `docker buildx ls`).
   */
  buildCommands?: { build: BuildCommandBuilder; buildxBuild: BuildCommandBuilder };
  /** The engine behind the context (Desktop, Colima, rootless …), its files and its own proxy settings. */
  engine?: EngineModel;
  builder?: { builder?: BuildxBuilder; inspect?: BuildxInspect; containers: Array<{ container: string; parsed?: ContainerInspect; error?: string }>; error?: string; all: BuildxBuilder[] };
}

export interface BuildCommandBuilder {
  name: string;
  driver?: string;
  why: string;
}

export function fileSource(file: FileObservation, line?: number): StatusSource {
  return { kind: 'file', label: line === undefined ? file.path : `${file.path}:${line + 1}`, path: file.path, line };
}

function readAndLint(f: FileObservation, rules?: Readonly<Record<string, SeveritySetting>>): ReadFile {
  if (f.text === undefined) return { ...f, lint: [] };
  const lintFindings = lint(f.text, f.kind, { path: f.path, rules });
  const doc = unlintableReason(f.text, f.kind) ? undefined : parseDocument(f.text, f.kind, f.path);
  return { ...f, doc, lint: lintFindings };
}

/** ExecStart argv from the drop-ins when systemctl was not asked: the last non-empty one after the last reset. */
function execStartFromDropIns(dropIns: ReadFile[]): { argv: string[]; file: ReadFile; line: number } | undefined {
  let found: { argv: string[]; file: ReadFile; line: number } | undefined;
  for (const f of dropIns) {
    if (f.doc?.kind !== 'systemd-dropin') continue;
    for (const a of f.doc.unit.assignments as UnitAssignment[]) {
      if (a.section !== 'Service' || a.key !== 'ExecStart') continue;
      found = a.rawValue.trim() === '' ? undefined : { argv: a.rawValue.replace(/^[-@:+!]+/, '').trim().split(/\s+/), file: f, line: a.line };
    }
  }
  return found;
}

function lastRun<T>(r: { result: { exitCode: number | null }; parsed?: T } | undefined): T | undefined {
  return r && r.result.exitCode === 0 ? r.parsed : undefined;
}

export function buildStatusModel(obs: Observations, vscodeProxy?: MachineOptions['vscodeProxy'], rules?: Readonly<Record<string, SeveritySetting>>): StatusModel {
  const files = obs.files.map((f) => readAndLint(f, rules));
  const info = obs.info?.parsed;
  const docker = dockerStateOf(obs.info?.result, info, obs.tools.docker);
  const infoOk = docker.state === 'ok' ? info : undefined;
  const byRole = (role: FileObservation['role']) => files.filter((f) => f.role === role && f.text !== undefined);

  // Rootless and Desktop: from docker info when the daemon answered, else from what exists on disk.
  const rootless = infoOk ? infoOk.rootless : byRole('daemon-json-rootless').length + byRole('dropin-rootless').length > 0 && byRole('daemon-json').length + byRole('dropin').length === 0;
  const engine = buildEngineModel(obs, infoOk?.serverVersion);
  const engineKind = engine?.recognition.kind;
  const desktop = engineKind ? engineKind === 'desktop' : infoOk ? infoOk.desktop : obs.platform === 'darwin' || obs.platform === 'win32';
  // A VM engine (Colima, Lima, Rancher Desktop, Podman) or a remote daemon reads no dockerd file of this host.
  const hostFiles = !engineKind || engineKind === 'engine' || engineKind === 'engine-rootless' || engineKind === 'unknown' || engineKind === 'desktop';

  const daemonJson = !hostFiles ? undefined : desktop ? byRole('daemon-json-desktop')[0] : rootless ? byRole('daemon-json-rootless')[0] : byRole('daemon-json')[0];
  const dropIns = desktop || !hostFiles ? [] : rootless ? byRole('dropin-rootless') : byRole('dropin');
  const misplacedDropIns = rootless && !desktop ? byRole('dropin').filter((f) => (f.doc?.proxySettings.length ?? 0) > 0) : [];

  const systemctlRun = rootless ? obs.systemctlUser : obs.systemctl;
  const systemctlShow = hostFiles ? lastRun(systemctlRun) : undefined;
  const systemdUnitCommand = rootless ? 'systemctl --user' : 'sudo systemctl';

  // Precedence (facts §1): a flag or daemon.json key beats dockerd's environment; flag + daemon.json is fatal.
  const configured: DaemonSource[] = [];
  const execStart = systemctlShow?.execStart
    ? { argv: systemctlShow.execStart, source: { kind: 'command' as const, label: `${systemdUnitCommand.replace('sudo ', '')} show --property=ExecStart docker` } }
    : (() => { const d = execStartFromDropIns(dropIns); return d && { argv: d.argv, source: fileSource(d.file, d.line), file: d.file }; })();
  if (execStart) {
    for (const flag of parseDaemonFlags(execStart.argv).proxies) {
      configured.push({ variable: flag.variable, name: flag.flag, value: flag.value, via: 'flag', source: execStart.source });
    }
  }
  if (daemonJson?.doc) {
    for (const s of daemonJson.doc.proxySettings) {
      if (s.variable === 'http' || s.variable === 'https' || s.variable === 'no') {
        configured.push({ variable: s.variable, name: s.name, value: s.value, via: 'daemon-json', source: fileSource(daemonJson, s.nameRange.start.line), file: daemonJson, setting: s });
      }
    }
  }
  for (const f of dropIns) {
    if (f.doc?.kind !== 'systemd-dropin') continue;
    for (const s of f.doc.proxySettings) {
      if (s.variable === 'http' || s.variable === 'https' || s.variable === 'no') {
        configured.push({ variable: s.variable, name: s.name, value: s.value, via: 'drop-in', source: fileSource(f, s.nameRange.start.line), file: f, setting: s });
      }
    }
    // ALL_PROXY is not a proxy setting for dockerd (Go ignores it), but SV008 needs to see it.
    for (const a of f.doc.unit.assignments) {
      if (a.section !== 'Service' || !a.environment) continue;
      for (const w of a.environment) {
        if (envVariableOf(w.name) === 'all' && w.value) configured.push({ variable: 'all', name: w.name, value: w.value, via: 'drop-in', source: fileSource(f, w.line), file: f });
      }
    }
  }
  const systemdEnv = systemctlShow?.environment;
  if (systemdEnv && dropIns.length === 0) {
    // The unit's environment comes from somewhere we did not read (the unit file itself, /run, /usr/lib drop-ins).
    for (const upper of ['HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY'] as const) {
      const e = systemdEnv.find((x) => x.name === upper && x.value) ?? systemdEnv.find((x) => x.name === upper.toLowerCase() && x.value);
      if (e) configured.push({ variable: envVariableOf(e.name) as DaemonVariable, name: e.name, value: e.value, via: 'systemctl', source: { kind: 'command', label: `${systemdUnitCommand.replace('sudo ', '')} show --property=Environment docker` } });
    }
  }
  const rank = { flag: 0, 'daemon-json': 1, 'drop-in': 2, systemctl: 3 };
  const winners = new Map<DaemonVariable, DaemonSource>();
  for (const v of DAEMON_VARIABLES) {
    const candidates = configured.filter((c) => c.variable === v && c.value !== '').sort((a, b) => rank[a.via] - rank[b.via]);
    if (candidates[0]) winners.set(v, candidates[0]);
  }

  const effective = infoOk ? { http: infoOk.httpProxy, https: infoOk.httpsProxy, no: infoOk.noProxy } : undefined;

  const shellEnv = pickShellVariables(obs.env);
  const login = lastRun(obs.loginShell);
  const loginEnv = login && JSON.stringify(sorted(login)) !== JSON.stringify(sorted(shellEnv)) ? login : undefined;

  // The daemon host the CLI resolves (facts §3): the current context's endpoint, DOCKER_HOST applied.
  const ctx = lastRun(obs.context);
  let daemonHost: StatusModel['daemonHost'];
  if (ctx) {
    daemonHost = { host: ctx.host, tls: ctx.tls || !!shellEnv.DOCKER_TLS_VERIFY, source: { kind: 'command', label: obs.context!.command }, contextName: ctx.name };
  } else if (shellEnv.DOCKER_HOST || (!shellEnv.DOCKER_CONTEXT)) {
    const host = normalizeDockerHost(shellEnv.DOCKER_HOST, obs.platform);
    if (host) daemonHost = { host, tls: !!shellEnv.DOCKER_TLS_VERIFY, source: shellEnv.DOCKER_HOST ? { kind: 'env', label: 'environment DOCKER_HOST' } : { kind: 'env', label: 'default (no DOCKER_HOST, no context)' } };
  }
  const contexts = lastRun(obs.contexts)?.map((c) => ({ name: c.name, host: c.host }));

  let builder: StatusModel['builder'];
  if (obs.buildxLs || obs.buildxInspect) {
    const all = lastRun(obs.buildxLs) ?? [];
    const inspect = lastRun(obs.buildxInspect);
    const current = all.find((b) => b.current) ?? (inspect ? all.find((b) => b.name === inspect.name) : undefined);
    const failed = obs.buildxInspect && obs.buildxInspect.result.exitCode !== 0 ? obs.buildxInspect : obs.buildxLs && obs.buildxLs.result.exitCode !== 0 ? obs.buildxLs : undefined;
    builder = {
      builder: current,
      inspect,
      all,
      containers: obs.builderContainers.map((c) => ({ container: c.container, parsed: lastRun(c), error: c.result.exitCode === 0 ? undefined : (c.result.stderr.trim().split('\n')[0] || c.result.message || `exit ${c.result.exitCode}`) })),
      // `buildx inspect` can fail while `buildx ls` still names the current builder: keep what ls says then.
      error: failed && !inspect && !current ? (failed.result.message ?? (failed.result.stderr.trim().split('\n')[0] || `exit ${failed.result.exitCode}`)) : undefined,
    };
  }

  const clientConfig = files.find((f) => f.role === 'cli-config');
  const certs = obs.certs.filter((c) => c.tree === (rootless ? 'rootless' : 'rootful'));
  const insecure = insecureRegistries(infoOk, daemonJson);
  const buildCommands = builder && !builder.error ? buildCommandBuilders(builder.all, builder.inspect, obs.env, ctx?.name, clientConfig) : undefined;

  return {
    certs, insecure, buildCommands,
    obs, vscodeProxy, docker, info: infoOk, rootless, desktop, files, daemonJson, dropIns, misplacedDropIns,
    configured, winners, systemdEnv, systemdUnitCommand, effective, shellEnv, loginEnv, daemonHost, contexts,
    clientConfig,
    builder,
    engine,
  };
}

function insecureRegistries(info: DockerInfo | undefined, daemonJson: ReadFile | undefined): StatusModel['insecure'] {
  if (info) return { registries: info.insecureRegistries, cidrs: info.insecureCidrs.length ? info.insecureCidrs : ['127.0.0.0/8'], source: { kind: 'command', label: "docker info (RegistryConfig)" } };
  const registries: string[] = [];
  const cidrs = ['127.0.0.0/8'];
  const node = daemonJson?.doc?.kind === 'daemon-json' ? findProperty(daemonJson.doc.json.root, 'insecure-registries')?.valueNode : undefined;
  for (const item of node?.type === 'array' ? node.children ?? [] : []) {
    if (item.type !== 'string' || typeof item.value !== 'string') continue;
    if (/\/\d+$/.test(item.value)) cidrs.push(item.value); else registries.push(item.value.replace(/^https?:\/\//, ''));
  }
  return { registries, cidrs, source: daemonJson ? fileSource(daemonJson) : { kind: 'command', label: 'dockerd default' } };
}

function buildCommandBuilders(all: BuildxBuilder[], inspect: BuildxInspect | undefined, env: Readonly<Record<string, string | undefined>>, contextName: string | undefined, clientConfig: ReadFile | undefined): StatusModel['buildCommands'] {
  const driverOf = (name: string) => all.find((b) => b.name === name)?.driver ?? (inspect?.name === name ? inspect.driver : undefined);
  const selected = all.find((b) => b.current)?.name ?? inspect?.name ?? 'default';
  const fromEnv = env.BUILDX_BUILDER?.trim();
  let alias: string | undefined;
  if (clientConfig?.doc?.kind === 'cli-config') {
    const v = findProperty(findProperty(clientConfig.doc.json.root, 'aliases')?.valueNode, 'builder')?.valueNode;
    if (v?.type === 'string' && typeof v.value === 'string') alias = v.value;
  }
  const buildxBuild: BuildCommandBuilder = fromEnv
    ? { name: fromEnv, driver: driverOf(fromEnv), why: 'BUILDX_BUILDER is set in this environment' }
    : { name: selected, driver: driverOf(selected), why: 'the selected builder (`*` in `docker buildx ls`, set by `docker buildx use`)' };
  let build: BuildCommandBuilder;
  if (fromEnv) build = { ...buildxBuild };
  else if (alias) build = { ...buildxBuild, why: `config.json aliases.builder = "${alias}" (docker buildx install): \`docker build\` runs \`docker buildx build\` as is` };
  else {
    const ctx = contextName || 'default';
    build = { name: ctx, driver: driverOf(ctx) ?? 'docker', why: `\`docker build\` runs \`docker buildx build\` with BUILDX_BUILDER=${ctx} (the current context), so it uses that context's default builder whatever \`docker buildx use\` selected` };
  }
  return { build, buildxBuild };
}

function sorted(env: Record<string, string>): Array<[string, string]> {
  return Object.entries(env).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The proxy Go picks from an environment for a variable: upper case when non-empty, else lower case (facts §6). */
export function goEnv(env: Readonly<Record<string, string | undefined>>, variable: 'http' | 'https' | 'no' | 'all'): { name: string; value: string } | undefined {
  const upper = `${variable.toUpperCase()}_PROXY`;
  const lower = upper.toLowerCase();
  if (env[upper]) return { name: upper, value: env[upper]! };
  if (env[lower]) return { name: lower, value: env[lower]! };
  return undefined;
}

/** config.json `proxies` entries with their fields; which entry applies for a host (no merge with default, facts §3). */
export interface ClientEntry {
  key: string;
  line: number;
  fields: Array<{ name: string; variable: ProxyVariable; value: string; line: number }>;
}

export function clientEntries(file: ReadFile | undefined): ClientEntry[] {
  if (!file?.doc || file.doc.kind !== 'cli-config') return [];
  const doc = file.doc;
  const proxies = findProperty(doc.json.root, 'proxies')?.valueNode;
  return objectProperties(proxies).map((entry) => ({
    key: entry.key,
    line: nodeRange(doc.lines, entry.keyNode).start.line,
    fields: objectProperties(entry.valueNode).flatMap((prop) => {
      const field = clientFieldFor(prop.key);
      const v = prop.valueNode;
      if (!field || !v || v.type !== 'string' || typeof v.value !== 'string') return [];
      return [{ name: prop.key, variable: CLIENT_PROXY_FIELDS[field], value: v.value, line: nodeRange(doc.lines, prop.keyNode).start.line }];
    }),
  }));
}

export function appliedEntry(entries: ClientEntry[], host: string | undefined): { entry?: ClientEntry; reason: string } {
  const exact = host !== undefined ? entries.find((e) => e.key === host) : undefined;
  if (exact) return { entry: exact, reason: `the key equals the daemon host ${host}; "default" is not used (no merge)` };
  const def = entries.find((e) => e.key === 'default');
  if (def) return { entry: def, reason: host ? `no entry for the daemon host ${host}, so "default" applies` : 'the daemon host is unknown; "default" applies unless a per-host key matches it' };
  return { reason: entries.length ? `no entry matches the daemon host${host ? ` ${host}` : ''} and there is no "default"` : 'no proxies in config.json' };
}

export { isDesktopProxy };
