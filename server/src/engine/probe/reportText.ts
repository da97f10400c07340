// The text form of a connectivity report: the CLI prints it, the VS Code client shows it in its output channel and
// report document, and syntaxes/connectivity-report.tmLanguage.json colours it. Keep the three in step: this is
// the only function that produces the format.
import type { ConnectivityReport, ProbeOutcome, ProbeResult } from '../status/report';
import { maskCredentials } from '../proxy/url';

const OUTCOME_LABEL: Record<ProbeOutcome, string> = {
  ok: 'OK', fail: 'FAIL', timeout: 'TIMEOUT', unreachable: 'UNREACHABLE', skipped: 'SKIPPED', cancelled: 'CANCELLED',
};

export function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}

function routeLine(r: ProbeResult): string {
  if (r.route === 'proxy') return `proxy ${r.proxy ?? ''}`.trim();
  if (r.route === 'direct') return 'direct';
  return r.proxy ? `not probed (proxy ${r.proxy})` : 'not probed';
}

function formatResult(r: ProbeResult): string[] {
  const out: string[] = [];
  const who = r.consumer ? ` (${r.consumer})` : '';
  out.push(`== [${OUTCOME_LABEL[r.outcome]}] ${r.layer}${r.deep ? ' deep' : ''} → ${r.registry}${who} ${formatMs(r.durationMs)}`);
  out.push(`   route:    ${routeLine(r)}`);
  out.push(`   decision: ${r.noProxyDecision}`);
  if (r.source) out.push(`   source:   ${r.source}`);
  if (r.namespace) out.push(`   runs in:  ${r.namespace}`);
  if (r.modelled) out.push(`   modelled: ${r.modelled}`);
  for (const p of r.phases) {
    out.push(`   [${p.ok ? ' ok ' : 'FAIL'}] ${p.name.padEnd(8)} ${formatMs(p.durationMs).padStart(8)}  ${p.detail}`);
  }
  if (r.causeId) out.push(`   cause:    [${r.causeId}] ${r.cause ?? ''}`.trimEnd());
  if (r.action) out.push(`   action:   ${r.action}`);
  if (r.note) out.push(`   note:     ${r.note}`);
  if (r.verdict) out.push(`   docker:   ${r.verdict === 'agrees' ? 'docker pull agrees with this probe' : 'docker pull disagrees: Docker\'s own result wins'}`);
  return out;
}

export function formatConnectivityReport(report: ConnectivityReport): string {
  const failed = report.results.filter((r) => r.outcome === 'fail' || r.outcome === 'timeout' || r.outcome === 'unreachable').length;
  const slowest = report.results.reduce((m, r) => Math.max(m, r.durationMs), 0);
  const verdict = report.worst === 'error' ? 'FAIL' : report.worst === 'ok' ? 'OK' : report.worst === 'warning' ? 'INCOMPLETE' : 'UNKNOWN';
  const lines: string[] = [
    'Docker Proxy Doctor: registry connectivity test',
    `generated: ${report.generatedAt}`,
    `registries: ${report.registries.join(', ')}`,
    `result: ${verdict}: ${failed} of ${report.results.length} probe${report.results.length === 1 ? '' : 's'} failed; wall time ${formatMs(report.durationMs)}, slowest probe ${formatMs(slowest)}${report.timeoutMs ? `, timeout ${formatMs(report.timeoutMs)} per probe` : ''}`,
  ];
  for (const w of report.warnings ?? []) lines.push(`warning: ${w}`);
  for (const r of report.results) {
    lines.push('');
    lines.push(...formatResult(r));
  }
  for (const n of report.notProbed ?? []) {
    lines.push('');
    lines.push(`== [SKIPPED] ${n.layer}`);
    lines.push(`   note:     ${n.reason}`);
  }
  // Everything in a report is masked already; mask again so no caller can leak through a detail string.
  return maskCredentials(lines.join('\n')) + '\n';
}
