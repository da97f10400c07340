// A whole connectivity run: every layer × registry in parallel, each probe with its own timeout, one cancellation
// signal for all, progress after each probe, and the opt-in deep test of the daemon (`docker pull`).
import type { ConnectivityReport, Health, LayerId, ProbeResult } from '../status/report';
import type { Machine } from '../machine';
import { causeById } from '../causes/catalog';
import { matchCause } from '../causes/match';
import { maskCredentials } from '../proxy/url';
import type { Clock, Dialer } from './dialer';
import type { LayerProxyInput } from './layers';
import { DEFAULT_PROBE_TIMEOUT_MS, formatSeconds, probeLayer } from './probe';
import { DOCKER_HUB, parseRegistry, type RegistryTarget } from './registry';

export interface ConnectivityProgressEvent {
  done: number;
  total: number;
  /** `daemon → registry-1.docker.io: ok (412 ms)`. */
  message: string;
  result: ProbeResult;
}

export interface DeepTestOptions {
  machine: Machine;
  /** The docker CLI, from user or machine settings only. */
  dockerPath: string;
  /** Limit for `docker pull`; pulls take longer than a probe (default 60 s). */
  timeoutMs?: number;
  /** Image per registry to pull instead of the made-up tag (which downloads nothing). */
  images?: Readonly<Record<string, string>>;
}

export interface ConnectivityOptions {
  layers: readonly LayerProxyInput[];
  /** `host[:port]`; default Docker Hub. Invalid names throw before anything runs. */
  registries?: readonly string[];
  dialer: Dialer;
  clock: Clock;
  timeoutMs?: number;
  signal?: AbortSignal;
  onProgress?: (event: ConnectivityProgressEvent) => void;
  deep?: DeepTestOptions;
  notProbed?: Array<{ layer: LayerId; reason: string }>;
  /** CAs known for registries on this machine (dockerd's certs.d), evidence for TLS failures of every layer. */
  knownCas?: Readonly<Record<string, { dir: string; pem: readonly string[] }>>;
  /** ISO time for the report (injected: the engine reads no wall clock). */
  generatedAt: string;
}

export function parseRegistries(names: readonly string[] | undefined): RegistryTarget[] {
  const list = names && names.length > 0 ? names : [DOCKER_HUB];
  const targets: RegistryTarget[] = [];
  for (const name of list) {
    const t = parseRegistry(name);
    if (typeof t === 'string') throw new Error(`invalid registry: ${t}`);
    if (!targets.some((x) => x.name === t.name)) targets.push(t);
  }
  return targets;
}

function summary(r: ProbeResult): string {
  const ms = `${Math.round(r.durationMs)} ms`;
  return `${r.layer}${r.deep ? ' (docker pull)' : ''} → ${r.registry}: ${r.outcome}${r.causeId ? ` [${r.causeId}]` : ''} (${ms})`;
}

export function worstOf(all: readonly ProbeResult[]): Health {
  const results = all.filter((r) => r.verdict !== 'docker-disagrees');
  if (results.length === 0) return 'unknown';
  if (results.some((r) => r.outcome === 'fail' || r.outcome === 'timeout' || r.outcome === 'unreachable')) return 'error';
  if (results.some((r) => r.outcome === 'cancelled')) return 'warning';
  if (results.every((r) => r.outcome === 'skipped')) return 'unknown';
  return 'ok';
}

export async function runConnectivityTest(options: ConnectivityOptions): Promise<ConnectivityReport> {
  const { clock } = options;
  const started = clock.now();
  const targets = parseRegistries(options.registries);
  const timeoutMs = options.timeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS;
  const jobs: Array<() => Promise<ProbeResult>> = [];
  for (const layer of options.layers) {
    for (const target of targets) {
      jobs.push(() => probeLayer(layer, target, { dialer: options.dialer, clock, timeoutMs, signal: options.signal, knownCas: options.knownCas }));
    }
  }
  if (options.deep) {
    const daemon = options.layers.find((l) => l.layer === 'daemon');
    for (const target of targets) jobs.push(() => deepPull(options.deep!, target, daemon, clock, options.signal));
  }
  let done = 0;
  const results = await Promise.all(jobs.map(async (job) => {
    const result = await job();
    done++;
    options.onProgress?.({ done, total: jobs.length, message: summary(result), result });
    return result;
  }));
  reconcileWithDocker(results);
  return {
    generatedAt: options.generatedAt,
    registries: targets.map((t) => t.name),
    results,
    durationMs: clock.now() - started,
    worst: worstOf(results),
    timeoutMs,
    notProbed: options.notProbed,
  };
}

/** A repository and tag no registry has: the pull makes dockerd contact the registry and fail with "not found". */
export const DEEP_PROBE_REPOSITORY = 'docker-proxy-doctor/reachability-probe';
export const DEEP_PROBE_TAG = 'no-such-tag-dpd';

/** The registry answered (dockerd got through the proxy and TLS): its refusal of a missing tag or of anonymous access. */
const REACHED = /manifest unknown|manifest for \S+ not found|not found: manifest|pull access denied|repository does not exist|requested access to the resource is denied|unauthorized: |no basic auth credentials|: not found\b|name unknown/i;
/** dockerd did not get a registry answer. Checked first: "Proxy Authentication Required" must not count as a 401 from the registry. */
const NOT_REACHED = /proxyconnect|Proxy Authentication Required|\b407\b|Client\.Timeout|i\/o timeout|timeout|connection refused|no such host|x509|tls: |certificate|EOF|connection reset|server gave HTTP response to HTTPS client/i;

/**
 * The deep test: dockerd itself contacts the registry, with its real proxy, credentials, certs.d and insecure-registries.
 * It pulls a tag that does not exist (or the image given), so "manifest unknown", "not found" or a 401 prove the
 * registry was reached and nothing is downloaded; "proxyconnect", a timeout or a TLS error prove it was not.
 */
async function deepPull(deep: DeepTestOptions, target: RegistryTarget, daemon: LayerProxyInput | undefined, clock: Clock, signal?: AbortSignal): Promise<ProbeResult> {
  const started = clock.now();
  const given = deep.images?.[target.name];
  const host = target.name === DOCKER_HUB ? 'docker.io' : target.name;
  const ref = given ? (target.name === DOCKER_HUB ? given : `${target.name}/${given}`) : `${host}/${DEEP_PROBE_REPOSITORY}:${DEEP_PROBE_TAG}`;
  const base: ProbeResult = {
    layer: 'daemon', registry: target.name, route: 'not-probed', deep: true, consumer: 'dockerd (docker pull)',
    noProxyDecision: daemon ? `dockerd decides with its own settings (${daemon.source})` : 'dockerd decides with its own settings',
    outcome: 'skipped', phases: [], durationMs: 0,
    ...(daemon?.namespaceLabel ? { namespace: daemon.namespaceLabel } : {}),
  };
  if (signal?.aborted) return { ...base, outcome: 'cancelled' };
  const timeoutMs = deep.timeoutMs ?? 60_000;
  const run = await deep.machine.exec(deep.dockerPath, ['pull', '--quiet', ref], { timeoutMs });
  const detail = `${deep.dockerPath} pull --quiet ${ref}`;
  const durationMs = clock.now() - started;
  if (run.exitCode === 0) {
    return { ...base, outcome: 'ok', durationMs, phases: [{ name: 'registry', ok: true, durationMs: run.durationMs, detail: `${detail}: ok` }], note: 'dockerd pulled the image: it reaches the registry.' };
  }
  const output = maskCredentials(`${run.stderr}\n${run.stdout}`.trim());
  const firstLine = output.split('\n').find((l) => l.trim() !== '') ?? '';
  if (!run.failure && !NOT_REACHED.test(output) && REACHED.test(output)) {
    return {
      ...base, outcome: 'ok', durationMs,
      phases: [{ name: 'registry', ok: true, durationMs: run.durationMs, detail: maskCredentials(`${detail}: the registry answered: ${firstLine}`) }],
      note: 'dockerd reached the registry through its real proxy and TLS settings; the registry refused the made-up tag, as intended.',
    };
  }
  let causeId: string;
  let outcome: ProbeResult['outcome'] = 'fail';
  if (run.failure === 'timeout') { causeId = 'probe-timeout'; outcome = 'timeout'; }
  else if (run.failure === 'not-found') causeId = 'docker-not-found';
  else if (run.failure === 'permission') causeId = 'docker-permission';
  else causeId = matchCause(output)?.cause.id ?? 'probe-error';
  // dockerd's own namespace decides whether a refused loopback proxy is a namespace problem or a stopped proxy.
  if (causeId === 'proxy-loopback-other-netns' && daemon?.namespace === 'host') causeId = 'proxy-refused';
  const cause = causeById(causeId)!;
  const how = run.failure === 'timeout' ? `timed out after ${formatSeconds(timeoutMs)}` : run.failure ? run.message ?? run.failure : `exit ${run.exitCode}: ${firstLine}`;
  return {
    ...base, outcome, durationMs, causeId, cause: cause.cause, action: cause.action,
    phases: [{ name: 'registry', ok: false, durationMs: run.durationMs, detail: maskCredentials(`${detail}: ${how}`) }],
  };
}

/** Docker's own answer wins: a modelled daemon probe that disagrees with the deep test is marked and not counted. */
export function reconcileWithDocker(results: ProbeResult[]): void {
  for (const deep of results.filter((r) => r.deep && (r.outcome === 'ok' || r.outcome === 'fail' || r.outcome === 'timeout'))) {
    for (const r of results) {
      if (r.deep || r.layer !== 'daemon' || r.registry !== deep.registry || r.outcome === 'skipped' || r.outcome === 'cancelled') continue;
      const same = (r.outcome === 'ok') === (deep.outcome === 'ok');
      r.verdict = same ? 'agrees' : 'docker-disagrees';
      if (!same) r.note = [r.note, `docker pull ${deep.outcome === 'ok' ? 'reached' : 'did not reach'} this registry: Docker's own result wins over this probe.`].filter(Boolean).join(' ');
    }
  }
}
