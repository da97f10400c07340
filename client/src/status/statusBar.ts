// The status bar item's text, tooltip and colour: the language server's state next to the proxy health, which is
// the worst of the status findings and the last connectivity test (`Proxy: test failed (daemon), 2 warnings`).
// Pure (no `vscode`).
import type { Health, ProxyStatusReport } from '../../../server/src/engine/status/report';
import { worse } from './health';
import { pairResults } from './testResults';
import { layerShort, m, plural } from './viewText';
import type { ViewState } from './viewState';

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

/** The last test as the status bar says it: `test failed (daemon)`, `test ok`; undefined without a test. */
export function testText(state: ViewState): { text: string; health: Health } | undefined {
  const pairs = pairResults(state.connectivity);
  if (!pairs.length) return undefined;
  const failed = [...new Set(pairs.filter((p) => p.health === 'error').map((p) => layerShort(p.layer).toLowerCase()))];
  if (failed.length) return { text: `test failed (${failed.length > 2 ? plural(failed.length, 'layer') : failed.join(', ')})`, health: 'error' };
  const incomplete = pairs.some((p) => p.health !== 'ok');
  return { text: incomplete ? 'test incomplete' : 'test ok', health: incomplete ? 'unknown' : 'ok' };
}

/** The overall health: the status report's, made worse by a failed last test. */
export function overallHealth(state: ViewState): Health | undefined {
  const r = state.report;
  if (!r) return undefined;
  const test = testText(state);
  return test?.health === 'error' ? worse(r.health, 'error') : r.health;
}

/** `$(error) Proxy: test failed (daemon), 2 warnings`: the proxy half of the status bar item. */
export function proxyHealthText(state: ViewState): string {
  const r = state.report;
  if (!r) return state.loading ? '$(sync~spin) Proxy: checking' : '$(circle-slash) Proxy: no status';
  const health = overallHealth(state)!;
  const test = testText(state);
  const counts = countsText(r.counts);
  const words = [test?.health === 'error' ? test.text : undefined, counts].filter(Boolean);
  const word = words.length ? words.join(', ') : r.health === 'ok' ? 'ok' : r.health;
  return `${state.loading ? '$(sync~spin)' : HEALTH_ICON[health]} Proxy: ${word}`;
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
        lines.push(`Proxy health: ${overallHealth(state)}${countsText(r.counts) ? ` (${countsText(r.counts)})` : ''}.`);
        for (const l of r.layers) lines.push(`  ${l.id}: ${l.health}${l.summary ? ` (${m(l.summary)})` : ''}`);
        const test = testText(state);
        if (test && state.connectivity) {
          lines.push(`Last connectivity test (${m(state.connectivity.generatedAt)}): ${test.text}.`);
          for (const p of pairResults(state.connectivity)) {
            lines.push(`  ${p.layer} → ${m(p.registry)}: ${p.winner.outcome}${p.winner.deep ? ' (docker pull)' : ''}`);
          }
        }
      } else if (state.error) lines.push(`Proxy status unavailable: ${m(state.error)}`);
      lines.push('Click to open the Proxy Status view.');
      return {
        text: `$(check) Proxy Doctor · ${proxyHealthText(state)}`,
        tooltip: lines.join('\n'),
        background: overallHealth(state) === 'error' ? 'warning' : undefined,
        action: 'focus',
      };
    }
  }
}
