// The connectivity report as text (for the "Docker Proxy Doctor: Connectivity" log channel) and as one notification
// line with the worst result. Pure (no `vscode`); every string passes through maskCredentials once more on the way out.
import type { ConnectivityReport, Health, ProbeResult } from '../../../server/src/engine/status/report';
import { maskCredentials } from '../../../server/src/engine/proxy/url';
import { probeHealth, worse } from '../status/health';
import { pairResults } from '../status/testResults';
import { ms, plural } from '../status/viewText';

const m = (s: string | undefined): string => maskCredentials(s ?? '');

const OUTCOME_RANK: Record<ProbeResult['outcome'], number> = { ok: 0, skipped: 1, cancelled: 2, unreachable: 3, fail: 4, timeout: 5 };

/**
 * The result to headline: the worst outcome, the slowest among equals; of a layer and registry that both the model
 * and Docker itself (the deep test) tried, only the one that counts (status/testResults.ts).
 */
export function worstResult(report: ConnectivityReport): ProbeResult | undefined {
  return counted(report).sort((a, b) => OUTCOME_RANK[b.outcome] - OUTCOME_RANK[a.outcome] || b.durationMs - a.durationMs)[0];
}

function counted(report: ConnectivityReport): ProbeResult[] {
  return pairResults(report).map((p) => p.winner);
}

function resultLine(r: ProbeResult): string {
  return `${r.layer}${r.deep ? ' (docker pull)' : ''} → ${m(r.registry)}: ${r.outcome} (${ms(r.durationMs)})`;
}

export interface ConnectivitySummary {
  severity: 'info' | 'warning' | 'error';
  text: string;
}

export function connectivitySummary(report: ConnectivityReport): ConnectivitySummary {
  const results = counted(report);
  const total = results.length;
  if (total === 0) return { severity: 'warning', text: 'Connectivity test: no layer was probed (nothing to test).' };
  const ok = results.filter((r) => r.outcome === 'ok').length;
  const health = results.reduce<Health>((acc, r) => worse(acc, probeHealth(r.outcome)), 'ok');
  const worst = worstResult(report)!;
  if (health === 'ok') {
    return { severity: 'info', text: `Connectivity test: all ${plural(total, 'probe')} ok in ${ms(report.durationMs)}.` };
  }
  const why = worst.cause ? `: ${m(worst.cause)}` : '';
  return {
    severity: health === 'error' ? 'error' : 'warning',
    text: `Connectivity test: ${ok} of ${plural(total, 'probe')} ok; worst: ${resultLine(worst)}${why}`,
  };
}

/**
 * The full report: the engine's one formatter (engine/probe/reportText.ts), the same text the CLI prints and the
 * connectivity-report grammar colours.
 */
export { formatConnectivityReport } from '../../../server/src/engine/probe/reportText';
