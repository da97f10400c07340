// Health arithmetic of the Proxy Status view: which of two healths is worse, what a finding's severity and a probe's
// outcome mean as health. Pure (no `vscode`).
import type { Health, ProbeResult, StatusFinding } from '../../../server/src/engine/status/report';

const HEALTH_RANK: Record<Health, number> = { ok: 0, unknown: 1, warning: 2, error: 3 };

export function worse(a: Health, b: Health): Health {
  return (HEALTH_RANK[a] ?? 1) >= (HEALTH_RANK[b] ?? 1) ? a : b;
}

export function worst(list: Iterable<Health>, start: Health = 'ok'): Health {
  let acc = start;
  for (const h of list) acc = worse(acc, h);
  return acc;
}

export function healthRank(h: Health): number {
  return HEALTH_RANK[h] ?? 1;
}

export const SEVERITY_HEALTH: Record<StatusFinding['severity'], Health> = { error: 'error', warning: 'warning', info: 'ok' };

export function severityHealth(s: StatusFinding['severity']): Health {
  return SEVERITY_HEALTH[s] ?? 'unknown';
}

export function probeHealth(outcome: ProbeResult['outcome']): Health {
  switch (outcome) {
    case 'ok': return 'ok';
    case 'fail': case 'timeout': case 'unreachable': return 'error';
    default: return 'unknown';
  }
}
