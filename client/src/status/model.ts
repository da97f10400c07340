// The Proxy Status view as data: from a status report (and the last connectivity report) to tree nodes, the welcome
// state, the view's message line and the status bar text. Pure on purpose (no `vscode` import), so node --test
// covers every state with recorded reports; client/src/status/treeProvider.ts only turns nodes into TreeItems.
import type {
  CommandRun,
  ConnectivityReport,
  DockerState,
  Health,
  LayerId,
  ProbeResult,
  ProxyStatusReport,
  StatusFinding,
  StatusLayer,
  StatusNote,
  StatusSource,
  StatusValue,
} from '../../../server/src/engine/status/report';
import { maskCredentials } from '../../../server/src/engine/proxy/url';

/** Tree order: from the editor outwards to the build steps (anchors §7). Unknown layer ids go last. */
export const LAYER_ORDER: readonly LayerId[] = ['vscode', 'cli-shell', 'client-config', 'daemon', 'builder', 'build-args'];

export type NodeKind = 'docker' | 'command' | 'layer' | 'value' | 'note' | 'finding' | 'probe' | 'phase';

export interface TreeNode {
  /** Stable across refreshes (expansion state survives), unique in the tree. */
  id: string;
  kind: NodeKind;
  label: string;
  description?: string;
  /** Plain text, several lines. */
  tooltip?: string;
  health: Health;
  /** Codicon to use instead of the health icon (an overridden value, a skipped probe). */
  icon?: string;
  /** `kind` plus flags the context menu keys on: `value.copyable`, `finding.explainable`... */
  contextValue: string;
  /** Clicking opens this file at this 0-based line. */
  open?: { path: string; line?: number };
  /** "Copy value" copies this (already masked). */
  copyText?: string;
  /** "Explain": a rule/fact id with a docs page, else the text to show. */
  explain?: { id?: string; text: string };
  expanded?: boolean;
  children: TreeNode[];
}

/** Everything the view shows, held by the status service. */
export interface ViewState {
  report?: ProxyStatusReport;
  /** Last request failed: a message with the next step (already masked). */
  error?: string;
  /** A status request is in flight. */
  loading: boolean;
  /** `vscode.workspace.isTrusted` when the last request was sent. */
  trusted: boolean;
  connectivity?: ConnectivityReport;
  /** A connectivity test is running. */
  testing?: boolean;
}

const m = (s: string | undefined): string => maskCredentials(s ?? '');

const HEALTH_RANK: Record<Health, number> = { ok: 0, unknown: 1, warning: 2, error: 3 };
export function worse(a: Health, b: Health): Health {
  return HEALTH_RANK[a] >= HEALTH_RANK[b] ? a : b;
}

/** Whole milliseconds: servers may measure with sub-millisecond clocks (`26.5357 ms` helps nobody). */
export function ms(value: number): string {
  return `${Number.isFinite(value) ? Math.round(value) : '?'} ms`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

// ---- Tree --------------------------------------------------------------------------------------------------------

function sourceText(s: StatusSource | undefined): string {
  return s ? m(s.label) : '';
}

function openOf(s: StatusSource | undefined): TreeNode['open'] {
  return s?.path ? { path: s.path, line: s.line } : undefined;
}

function flags(kind: NodeKind, f: Record<string, boolean | undefined>): string {
  return [kind, ...Object.keys(f).filter((k) => f[k])].join('.');
}

const DOCKER_STATE_TEXT: Record<DockerState, string> = {
  ok: 'running',
  'not-installed': 'not installed',
  'daemon-down': 'daemon not running',
  'permission-denied': 'permission denied',
  timeout: 'not answering',
  'not-checked': 'not checked',
  error: 'error',
};

const DOCKER_STATE_HEALTH: Record<DockerState, Health> = {
  ok: 'ok',
  'not-installed': 'warning',
  'daemon-down': 'warning',
  'permission-denied': 'error',
  timeout: 'error',
  'not-checked': 'unknown',
  error: 'error',
};

function commandHealth(c: CommandRun): Health {
  if (c.outcome === 'ok') return 'ok';
  if (/timed out|not found|denied/i.test(c.outcome)) return 'error';
  return 'warning';
}

function commandNode(c: CommandRun, i: number): TreeNode {
  return {
    id: `docker/command/${i}/${m(c.command)}`,
    kind: 'command',
    label: m(c.command),
    description: `${m(c.outcome)} · ${ms(c.durationMs)}`,
    tooltip: `${m(c.command)}\n${m(c.outcome)} after ${ms(c.durationMs)}`,
    health: commandHealth(c),
    contextValue: 'command',
    copyText: m(c.command),
    children: [],
  };
}

function dockerNode(report: ProxyStatusReport): TreeNode {
  const d = report.docker;
  const facts: string[] = [];
  if (d.state === 'ok') {
    if (d.serverVersion) facts.push(m(d.serverVersion));
    if (d.operatingSystem) facts.push(m(d.operatingSystem));
  } else facts.push(DOCKER_STATE_TEXT[d.state] ?? d.state);
  // The engine behind the context (Docker Desktop 4.38.0, Colima, rootless …) when the server recognised it.
  if (d.engine) {
    if (!facts.includes(m(d.engine.label))) facts.push(m(d.engine.label));
  } else {
    if (d.desktop) facts.push('Docker Desktop');
    if (d.rootless) facts.push('rootless');
  }
  if (d.context) facts.push(`context ${m(d.context)}`);
  const tooltip = [
    `Docker: ${DOCKER_STATE_TEXT[d.state] ?? d.state}`,
    d.message ? m(d.message) : undefined,
    d.host ? `Daemon host: ${m(d.host)}` : undefined,
    d.engine ? `Engine: ${m(d.engine.label)} (${d.engine.evidence.map(m).join('; ')})` : undefined,
    report.commands.length ? `Commands run: ${report.commands.length}` : undefined,
  ].filter(Boolean).join('\n');
  return {
    id: 'docker',
    kind: 'docker',
    label: 'Docker',
    description: facts.join(' · '),
    tooltip,
    health: DOCKER_STATE_HEALTH[d.state] ?? 'unknown',
    contextValue: 'docker',
    expanded: d.state !== 'ok',
    children: report.commands.map(commandNode),
  };
}

function valueNode(layer: LayerId, v: StatusValue, i: number): TreeNode {
  const value = m(v.value);
  const source = sourceText(v.source);
  const description = [value, source, v.overridden ? 'overridden' : undefined].filter(Boolean).join(' · ');
  const tooltip = [
    `${m(v.name)} = ${value}`,
    `Source: ${source}`,
    v.overridden ? 'Overridden: another source of this layer wins.' : undefined,
    v.note ? m(v.note) : undefined,
  ].filter(Boolean).join('\n');
  return {
    id: `${layer}/value/${i}/${m(v.name)}/${source}`,
    kind: 'value',
    label: m(v.name),
    description,
    tooltip,
    health: v.health,
    icon: v.overridden ? 'circle-slash' : undefined,
    contextValue: flags('value', { copyable: true, explainable: !!v.note, file: !!v.source.path }),
    open: openOf(v.source),
    copyText: value,
    explain: v.note ? { text: `${m(v.name)} = ${value} (${source})\n\n${m(v.note)}` } : undefined,
    children: [],
  };
}

function noteNode(layer: LayerId, n: StatusNote, i: number): TreeNode {
  return {
    id: `${layer}/note/${i}`,
    kind: 'note',
    label: m(n.text),
    description: n.source ? sourceText(n.source) : undefined,
    tooltip: [m(n.text), n.source ? `Source: ${sourceText(n.source)}` : undefined].filter(Boolean).join('\n'),
    health: n.health,
    icon: n.health === 'ok' ? 'info' : undefined,
    contextValue: flags('note', { file: !!n.source?.path }),
    open: openOf(n.source),
    children: [],
  };
}

const SEVERITY_HEALTH: Record<StatusFinding['severity'], Health> = { error: 'error', warning: 'warning', info: 'ok' };

function findingNode(layer: string, f: StatusFinding, i: number): TreeNode {
  const tooltip = [
    `${f.id} (${f.severity}): ${m(f.message)}`,
    f.action ? `Next step: ${m(f.action)}` : undefined,
    f.source ? `Source: ${sourceText(f.source)}` : undefined,
    f.related?.length ? `Related: ${f.related.map(sourceText).join(', ')}` : undefined,
  ].filter(Boolean).join('\n');
  return {
    id: `${layer}/finding/${i}/${f.id}`,
    kind: 'finding',
    label: m(f.message),
    description: f.source ? `${f.id} · ${sourceText(f.source)}` : f.id,
    tooltip,
    health: SEVERITY_HEALTH[f.severity] ?? 'unknown',
    icon: f.severity === 'info' ? 'info' : undefined,
    contextValue: flags('finding', { explainable: true, file: !!f.source?.path }),
    open: openOf(f.source),
    explain: { id: f.id, text: tooltip },
    children: [],
  };
}

export function probeHealth(outcome: ProbeResult['outcome']): Health {
  switch (outcome) {
    case 'ok': return 'ok';
    case 'fail': case 'timeout': case 'unreachable': return 'error';
    default: return 'unknown';
  }
}

/** `registry-1.docker.io: ok 412 ms`. */
export function probeLabel(r: ProbeResult): string {
  return `${m(r.registry)}: ${r.outcome} ${ms(r.durationMs)}`;
}

/** Optional fields a newer server may add to a result or report; read defensively, shown when present. */
type ProbeExtras = { consumer?: unknown; note?: unknown };
type ReportExtras = { notProbed?: unknown };

function extra(value: unknown): string | undefined {
  return typeof value === 'string' && value ? m(value) : undefined;
}

function probeTooltip(r: ProbeResult): string {
  const x = r as ProbeResult & ProbeExtras;
  return [
    `${m(r.registry)} from the ${r.layer} layer: ${r.outcome} in ${ms(r.durationMs)}`,
    extra(x.consumer) ? `Consumer: ${extra(x.consumer)}` : undefined,
    r.route === 'proxy' ? `Through ${m(r.proxy)}` : r.route === 'direct' ? 'Direct (no proxy)' : 'Not probed from this machine',
    r.noProxyDecision ? `NO_PROXY: ${m(r.noProxyDecision)}` : undefined,
    ...r.phases.map((p) => `  ${p.ok ? '✓' : '✗'} ${p.name} ${ms(p.durationMs)} ${m(p.detail)}`),
    r.cause ? `Cause: ${m(r.cause)}` : undefined,
    r.action ? `Next step: ${m(r.action)}` : undefined,
    extra(x.note),
  ].filter(Boolean).join('\n');
}

/** Layers the last test left out, with the reason (`notProbed` of a newer server's report). */
export function notProbedOf(report: ConnectivityReport | undefined): Map<string, string> {
  const list = (report as (ConnectivityReport & ReportExtras) | undefined)?.notProbed;
  const out = new Map<string, string>();
  if (Array.isArray(list)) {
    for (const e of list) {
      const layer = (e as { layer?: unknown })?.layer;
      const reason = extra((e as { reason?: unknown })?.reason);
      if (typeof layer === 'string' && reason) out.set(layer, reason);
    }
  }
  return out;
}

function probeNode(r: ProbeResult, i: number): TreeNode {
  const route = r.route === 'proxy' ? `via ${m(r.proxy)}` : r.route === 'direct' ? 'direct' : 'not probed';
  return {
    id: `${r.layer}/probe/${i}/${m(r.registry)}`,
    kind: 'probe',
    label: probeLabel(r),
    description: [route, r.cause ? m(r.cause) : undefined].filter(Boolean).join(' · '),
    tooltip: probeTooltip(r),
    health: probeHealth(r.outcome),
    icon: r.outcome === 'skipped' || r.outcome === 'cancelled' ? 'circle-slash' : r.outcome === 'timeout' ? 'watch' : undefined,
    contextValue: flags('probe', { explainable: !!(r.cause || r.causeId), copyable: true }),
    copyText: probeTooltip(r),
    explain: r.cause || r.causeId ? { id: r.causeId, text: probeTooltip(r) } : undefined,
    children: r.phases.map((p, j) => ({
      id: `${r.layer}/probe/${i}/${m(r.registry)}/phase/${j}`,
      kind: 'phase' as const,
      label: `${p.name} ${ms(p.durationMs)}`,
      description: m(p.detail),
      tooltip: `${p.name}: ${p.ok ? 'ok' : 'failed'} after ${ms(p.durationMs)}\n${m(p.detail)}`,
      health: p.ok ? ('ok' as const) : ('error' as const),
      contextValue: 'phase',
      children: [],
    })),
  };
}

function layerRank(id: string): number {
  const i = LAYER_ORDER.indexOf(id as LayerId);
  return i < 0 ? LAYER_ORDER.length : i;
}

function layerNode(layer: StatusLayer, probes: ProbeResult[], notProbed?: string): TreeNode {
  const children = [
    ...layer.values.map((v, i) => valueNode(layer.id, v, i)),
    ...layer.notes.map((n, i) => noteNode(layer.id, n, i)),
    ...layer.findings.map((f, i) => findingNode(layer.id, f, i)),
    ...probes.map(probeNode),
  ];
  if (notProbed && probes.length === 0) {
    children.push({
      id: `${layer.id}/not-probed`, kind: 'note', label: `Connectivity test: not probed (${notProbed})`, tooltip: notProbed,
      health: 'unknown', icon: 'circle-slash', contextValue: 'note', children: [],
    });
  }
  const problems = layer.findings.filter((f) => f.severity !== 'info').length;
  const probeWorst = probes.reduce<Health | undefined>((acc, p) => (acc ? worse(acc, probeHealth(p.outcome)) : probeHealth(p.outcome)), undefined);
  const description = [
    m(layer.summary),
    probes.length ? `test: ${probeWorst === 'ok' ? 'ok' : probeWorst === 'error' ? 'failed' : 'incomplete'}` : undefined,
  ].filter(Boolean).join(' · ');
  return {
    id: `layer/${layer.id}`,
    kind: 'layer',
    label: m(layer.title),
    description,
    tooltip: [
      `${m(layer.title)}: ${layer.health}`,
      m(layer.summary),
      problems ? plural(problems, 'problem') : undefined,
      probes.length ? `Last connectivity test: ${probes.map(probeLabel).join(', ')}` : undefined,
    ].filter(Boolean).join('\n'),
    // A failed probe turns the branch red even when the configuration looked fine: that is what the user must see.
    health: probeWorst === 'error' ? 'error' : layer.health,
    contextValue: 'layer',
    expanded: layer.health === 'error' || layer.health === 'warning' || probes.some((p) => p.outcome !== 'ok'),
    children,
  };
}

/** Root nodes: Docker itself, then one per layer (values, notes, findings and the last test results as children). */
export function buildTree(report: ProxyStatusReport | undefined, connectivity?: ConnectivityReport): TreeNode[] {
  if (!report) return [];
  const layers = [...report.layers].sort((a, b) => layerRank(a.id) - layerRank(b.id));
  const probesOf = (id: LayerId) => connectivity?.results.filter((r) => r.layer === id) ?? [];
  const skipped = notProbedOf(connectivity);
  const roots = [dockerNode(report), ...layers.map((l) => layerNode(l, probesOf(l.id), skipped.get(l.id)))];
  // Findings of a layer the report has no branch for would otherwise be invisible.
  const known = new Set(layers.map((l) => l.id));
  const shown = new Set(layers.flatMap((l) => l.findings.map((f) => `${f.layer}/${f.id}/${f.message}`)));
  const stray = report.findings.filter((f) => !known.has(f.layer) || !shown.has(`${f.layer}/${f.id}/${f.message}`));
  if (stray.length) {
    const health = stray.reduce<Health>((acc, f) => worse(acc, SEVERITY_HEALTH[f.severity] ?? 'unknown'), 'ok');
    roots.push({
      id: 'findings', kind: 'layer', label: 'Other findings', description: plural(stray.length, 'finding'),
      health, contextValue: 'layer', expanded: true, children: stray.map((f, i) => findingNode('other', f, i)),
    });
  }
  return roots;
}

/** Depth-first list of every node (tests and the secret scan use it). */
export function flatten(nodes: TreeNode[]): TreeNode[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children)]);
}

// ---- Welcome content and message line ---------------------------------------------------------------------------

/** Value of the context key `dockerProxyDoctor.welcome`; package.json viewsWelcome entries key on it. */
export type WelcomeKey = 'none' | 'loading' | 'unsupported' | 'error' | 'not-installed' | 'daemon-down' | 'untrusted' | 'no-config';

/** The tree is empty (and VS Code shows the welcome content) exactly when this is not `none`. */
export function welcomeKey(state: ViewState): WelcomeKey {
  const r = state.report;
  if (!r) {
    if (state.error) return /does not answer dockerProxy\//.test(state.error) ? 'unsupported' : 'error';
    return 'loading';
  }
  if (!r.noConfiguration || state.connectivity) return 'none';
  if (r.docker.state === 'not-installed') return 'not-installed';
  if (r.docker.state === 'daemon-down') return 'daemon-down';
  if (!state.trusted) return 'untrusted';
  return 'no-config';
}

/**
 * The line above the tree (TreeView.message): what is going on right now, never a secret. Undefined while the welcome
 * content is due, because VS Code hides the welcome content of a view that has a message.
 */
export function viewMessage(state: ViewState): string | undefined {
  if (welcomeKey(state) !== 'none') return undefined;
  const parts: string[] = [];
  if (state.loading) parts.push('Refreshing…');
  if (state.testing) parts.push('Testing connectivity…');
  if (state.report && state.error) parts.push(`Refresh failed, showing the previous result: ${m(state.error)}`);
  if (state.report && !state.trusted) parts.push('Untrusted workspace: no command was run, files and environment only.');
  if (state.report && state.report.docker.state !== 'ok' && state.report.docker.message) {
    parts.push(m(state.report.docker.message));
  }
  return parts.length ? parts.join(' ') : undefined;
}

// ---- Status bar --------------------------------------------------------------------------------------------------

export type ServerState = 'stopped' | 'starting' | 'running' | 'failed';

export interface StatusBarView {
  text: string;
  tooltip: string;
  /** Background: only VS Code's warning/error colours are allowed in the status bar. */
  background?: 'warning' | 'error';
  /** What a click does. */
  action: 'focus' | 'restart';
}

const HEALTH_ICON: Record<Health, string> = { ok: '$(pass)', warning: '$(warning)', error: '$(error)', unknown: '$(question)' };

/** `2 errors, 1 warning`, or undefined when there is nothing to count. */
export function countsText(counts: ProxyStatusReport['counts']): string | undefined {
  const parts = [
    counts.error ? plural(counts.error, 'error') : undefined,
    counts.warning ? plural(counts.warning, 'warning') : undefined,
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : undefined;
}

/** `$(warning) Proxy: 2 warnings`: the proxy half of the status bar item. */
export function proxyHealthText(state: ViewState): string {
  const r = state.report;
  if (!r) return state.loading ? '$(sync~spin) Proxy: checking' : '$(circle-slash) Proxy: no status';
  const counts = countsText(r.counts);
  const word = counts ?? (r.health === 'ok' ? 'ok' : r.health);
  return `${state.loading ? '$(sync~spin)' : HEALTH_ICON[r.health]} Proxy: ${word}`;
}

export function statusBarView(server: ServerState, state: ViewState, serverError?: string, idle = false): StatusBarView {
  if (idle) {
    return {
      text: '$(circle-outline) Proxy Doctor: idle',
      tooltip: 'Docker Proxy Doctor: idle. The language server starts when a Docker file is opened or the Proxy Status view is shown. Click to open the view.',
      action: 'focus',
    };
  }
  switch (server) {
    case 'failed':
      return {
        text: '$(error) Proxy Doctor',
        tooltip: `Docker Proxy Doctor: the language server failed to start: ${m(serverError) || 'unknown error'}. Click to restart.`,
        background: 'error',
        action: 'restart',
      };
    case 'stopped':
      return { text: '$(circle-slash) Proxy Doctor', tooltip: 'Docker Proxy Doctor: language server stopped. Click to restart.', action: 'restart' };
    case 'starting':
      return { text: '$(sync~spin) Proxy Doctor', tooltip: 'Docker Proxy Doctor: starting the language server', action: 'focus' };
    default: {
      const r = state.report;
      const lines = ['Docker Proxy Doctor: language server running.'];
      if (r) {
        lines.push(`Proxy health: ${r.health}${countsText(r.counts) ? ` (${countsText(r.counts)})` : ''}.`);
        for (const l of r.layers) lines.push(`  ${l.id}: ${l.health}${l.summary ? ` (${m(l.summary)})` : ''}`);
      } else if (state.error) lines.push(`Proxy status unavailable: ${m(state.error)}`);
      lines.push('Click to open the Proxy Status view.');
      return {
        text: `$(check) Proxy Doctor · ${proxyHealthText(state)}`,
        tooltip: lines.join('\n'),
        background: r?.health === 'error' ? 'warning' : undefined,
        action: 'focus',
      };
    }
  }
}

// ---- Errors from the server --------------------------------------------------------------------------------------

/** A request error (JSON-RPC ResponseError, transport error, timeout) as one sentence with the next step. */
export function describeRequestError(method: string, e: unknown): string {
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  const msg = m(e instanceof Error ? e.message : typeof e === 'object' && e !== null && 'message' in e ? String((e as { message: unknown }).message) : String(e));
  if (code === -32601) {
    return `The language server does not answer ${method} (this build has no support for it yet). Update the extension, then run "Docker Proxy Doctor: Restart Language Server".`;
  }
  if (code === -32800) return `${method} was cancelled.`;
  if (/not running|is not ready|connection (got )?(disposed|closed)|stopped/i.test(msg)) {
    return `The language server is not running (${msg}). Run "Docker Proxy Doctor: Restart Language Server" or look at Output › Docker Proxy Doctor.`;
  }
  return `${method} failed: ${msg || 'unknown error'}. See Output › Docker Proxy Doctor for details.`;
}
