// The last connectivity test, per layer and registry: at most one row for each pair, with the phases in the
// tooltip. The deep test (dockerd itself pulls, `deep: true`) is shown beside the modelled daemon probe and, when
// it reached a verdict, wins: its outcome sets the row's icon and decides whether the pair is a problem.
// Pure (no `vscode`).
import type { ConnectivityReport, Health, ProbeResult } from '../../../server/src/engine/status/report';
import { probeHealth, worst } from './health';
import { flags, type TreeNode } from './treeNode';
import { layerShort, m, ms } from './viewText';

export interface PairResult {
  layer: string;
  registry: string;
  /** The layer's modelled probe (a request made the way this layer's consumer would make it). */
  modelled?: ProbeResult;
  /** Docker's own answer (`docker pull` by dockerd), daemon layer only. */
  deep?: ProbeResult;
  /** The one that counts: the deep result when it reached a verdict, else the modelled one. */
  winner: ProbeResult;
  health: Health;
  /** Both ran and reached different verdicts. */
  disagree: boolean;
}

const VERDICT = new Set<ProbeResult['outcome']>(['ok', 'fail', 'timeout', 'unreachable']);

/** Optional fields a newer server may add to a report; read defensively, shown when present. */
export function pairResults(report: ConnectivityReport | undefined): PairResult[] {
  if (!report) return [];
  const pairs = new Map<string, { layer: string; registry: string; modelled?: ProbeResult; deep?: ProbeResult }>();
  for (const r of report.results) {
    const key = `${r.layer}\0${r.registry}`;
    const p = pairs.get(key) ?? { layer: r.layer, registry: r.registry };
    if (r.deep) p.deep = r;
    else p.modelled = r;
    pairs.set(key, p);
  }
  return [...pairs.values()].map((p) => {
    const deepCounts = !!p.deep && VERDICT.has(p.deep.outcome);
    const winner = (deepCounts ? p.deep : p.modelled ?? p.deep)!;
    const disagree = !!p.deep && !!p.modelled && deepCounts && VERDICT.has(p.modelled.outcome)
      && probeHealth(p.deep.outcome) !== probeHealth(p.modelled.outcome);
    return { ...p, winner, health: probeHealth(winner.outcome), disagree };
  });
}

/** Phases that fail at the proxy itself: its name, its port, its answer to CONNECT. */
const PROXY_PHASES = new Set(['dns', 'tcp', 'connect']);

/**
 * Proxy URLs (masked, as the values show them) that the last test of this layer could not get through: the value
 * that names one is at fault, whatever its configuration looked like.
 */
export function failedProxies(pairs: PairResult[]): Set<string> {
  const out = new Set<string>();
  for (const p of pairs) {
    const r = p.winner;
    if (p.health !== 'error' || r.deep || r.route !== 'proxy' || !r.proxy) continue;
    const failed = r.phases.find((ph) => !ph.ok);
    if (!failed || PROXY_PHASES.has(failed.name)) out.add(m(r.proxy));
  }
  return out;
}

/** Worst health of the test for one layer, or undefined when the test did not probe it. */
export function layerTestHealth(pairs: PairResult[], layer: string): Health | undefined {
  const mine = pairs.filter((p) => p.layer === layer);
  return mine.length ? worst(mine.map((p) => p.health)) : undefined;
}

/** Layers the last test left out, with the reason (`notProbed` of the report). */
export function notProbedOf(report: ConnectivityReport | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of report?.notProbed ?? []) if (e.reason) out.set(e.layer, m(e.reason));
  return out;
}

/** `registry-1.docker.io: ok 412 ms`. */
export function probeLabel(r: ProbeResult): string {
  return `${m(r.registry)}: ${r.outcome} ${ms(r.durationMs)}`;
}

function routeText(r: ProbeResult): string {
  return r.route === 'proxy' ? `via ${m(r.proxy)}` : r.route === 'direct' ? 'direct' : 'not probed';
}

/** Every detail of one result, for tooltips and the Explain dialog. */
export function probeTooltip(r: ProbeResult): string {
  const extra = (s: unknown) => (typeof s === 'string' && s ? m(s) : undefined);
  return [
    `${m(r.registry)} from the ${r.layer} layer${r.deep ? ' (Docker itself: docker pull)' : ''}: ${r.outcome} in ${ms(r.durationMs)}`,
    extra(r.consumer) ? `Consumer: ${extra(r.consumer)}` : undefined,
    r.route === 'proxy' ? `Through ${m(r.proxy)}` : r.route === 'direct' ? 'Direct (no proxy)' : r.deep ? undefined : 'Not probed from this machine',
    r.noProxyDecision ? `NO_PROXY: ${m(r.noProxyDecision)}` : undefined,
    ...r.phases.map((p) => `  ${p.ok ? '✓' : '✗'} ${p.name} ${ms(p.durationMs)} ${m(p.detail)}`),
    r.cause ? `Cause: ${m(r.cause)}` : undefined,
    r.action ? `Next step: ${m(r.action)}` : undefined,
    extra(r.note),
  ].filter(Boolean).join('\n');
}

export function pairTooltip(p: PairResult): string {
  const parts: string[] = [];
  if (p.deep && p.modelled) {
    parts.push(p.disagree
      ? `Docker itself and the model disagree; Docker's result counts (${p.deep.outcome}, the model said ${p.modelled.outcome}).`
      : `Docker itself and the model agree (${p.winner.outcome}).`);
    parts.push('', '— Docker (docker pull) —', probeTooltip(p.deep), '', '— Modelled probe —', probeTooltip(p.modelled));
  } else parts.push(probeTooltip(p.winner));
  return parts.join('\n');
}

function icon(r: ProbeResult): string | undefined {
  return r.outcome === 'skipped' || r.outcome === 'cancelled' ? 'circle-slash' : r.outcome === 'timeout' ? 'watch' : undefined;
}

/** One row for a layer–registry pair: label `registry: outcome N ms`, route and cause in the description. */
export function pairNode(p: PairResult): TreeNode {
  const r = p.winner;
  const beside = p.deep && p.modelled
    ? (p.deep === r ? `Docker: ${p.deep.outcome}, model: ${p.modelled.outcome}` : `model: ${p.modelled.outcome}, Docker: ${p.deep.outcome}`)
    : p.deep ? 'Docker (docker pull)' : undefined;
  const tooltip = pairTooltip(p);
  return {
    id: `${p.layer}/probe/${m(p.registry)}`,
    kind: 'probe',
    label: probeLabel(r),
    description: [beside, beside ? undefined : routeText(r), r.cause ? m(r.cause) : undefined].filter(Boolean).join(' · '),
    tooltip,
    health: p.health,
    icon: icon(r),
    contextValue: flags('probe', { explainable: !!(r.cause || r.causeId), copyable: true }),
    copyText: tooltip,
    explain: r.cause || r.causeId ? { id: r.causeId, text: tooltip } : undefined,
    children: [],
  };
}

/** `Daemon: registry-1.docker.io timeout`: a short name for a failed pair, used by the Problems node. */
export function pairProblemLabel(p: PairResult): string {
  const what = p.winner.outcome === 'timeout' ? 'no answer from' : p.winner.outcome === 'unreachable' ? 'cannot reach' : 'failed to reach';
  return `${layerShort(p.layer)}: ${what} ${m(p.registry)}${p.winner.deep ? ' (docker pull)' : ''}`;
}
