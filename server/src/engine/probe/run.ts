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
  /** Image per registry; default `hello-world` for Docker Hub, none for other registries. */
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

export function worstOf(results: readonly ProbeResult[]): Health {
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
      jobs.push(() => probeLayer(layer, target, { dialer: options.dialer, clock, timeoutMs, signal: options.signal }));
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

/** `docker pull IMAGE` with a timeout: the only honest test of a daemon whose network Docker owns (Desktop). */
async function deepPull(deep: DeepTestOptions, target: RegistryTarget, daemon: LayerProxyInput | undefined, clock: Clock, signal?: AbortSignal): Promise<ProbeResult> {
  const started = clock.now();
  const image = deep.images?.[target.name] ?? (target.name === DOCKER_HUB ? 'hello-world' : undefined);
  const base: ProbeResult = {
    layer: 'daemon', registry: target.name, route: 'not-probed', deep: true, consumer: 'dockerd (docker pull)',
    noProxyDecision: daemon ? `dockerd decides with its own settings (${daemon.source})` : 'dockerd decides with its own settings',
    outcome: 'skipped', phases: [], durationMs: 0,
  };
  if (!image) return { ...base, note: `No image to pull from ${target.name} is known; the deep test pulls only from Docker Hub unless an image is given.` };
  if (signal?.aborted) return { ...base, outcome: 'cancelled' };
  const timeoutMs = deep.timeoutMs ?? 60_000;
  const ref = target.name === DOCKER_HUB ? image : `${target.name}/${image}`;
  const run = await deep.machine.exec(deep.dockerPath, ['pull', '--quiet', ref], { timeoutMs });
  const detail = `${deep.dockerPath} pull --quiet ${ref}`;
  const durationMs = clock.now() - started;
  if (run.exitCode === 0) {
    return { ...base, outcome: 'ok', durationMs, phases: [{ name: 'registry', ok: true, durationMs: run.durationMs, detail: `${detail}: ok` }] };
  }
  const output = maskCredentials(`${run.stderr}\n${run.stdout}`.trim());
  const firstLine = output.split('\n').find((l) => l.trim() !== '') ?? '';
  let causeId: string;
  let outcome: ProbeResult['outcome'] = 'fail';
  if (run.failure === 'timeout') { causeId = 'probe-timeout'; outcome = 'timeout'; }
  else if (run.failure === 'not-found') causeId = 'docker-not-found';
  else if (run.failure === 'permission') causeId = 'docker-permission';
  else causeId = matchCause(output)?.cause.id ?? 'probe-error';
  const cause = causeById(causeId)!;
  const how = run.failure === 'timeout' ? `timed out after ${formatSeconds(timeoutMs)}` : run.failure ? run.message ?? run.failure : `exit ${run.exitCode}: ${firstLine}`;
  return {
    ...base, outcome, durationMs, causeId, cause: cause.cause, action: cause.action,
    phases: [{ name: 'registry', ok: false, durationMs: run.durationMs, detail: maskCredentials(`${detail}: ${how}`) }],
  };
}
