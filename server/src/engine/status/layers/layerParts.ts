// Helpers shared by the layer builders: masked values, health from lint findings on the same lines, summaries.
import type { Finding } from '../../findingTypes';
import { maskCredentials } from '../../proxy/url';
import type { Health, LayerId, StatusLayer, StatusNote, StatusSource, StatusValue } from '../report';

export const LAYER_TITLES: Record<LayerId, string> = {
  vscode: 'VS Code (its own downloads and extensions)',
  'cli-shell': 'CLI shell (docker/buildx: build token fetch, tcp:// daemon)',
  'client-config': 'Client config.json (injected into containers and builds)',
  daemon: 'Daemon (dockerd: pull, push, built-in BuildKit)',
  builder: 'Builder (buildx builder: image pulls during builds)',
  'build-args': 'Build steps (RUN: predefined proxy build args)',
};

const RANK: Record<Health, number> = { ok: 0, unknown: 1, warning: 2, error: 3 };

export function worse(a: Health, b: Health): Health {
  return RANK[b] > RANK[a] ? b : a;
}

export function severityHealth(s: 'error' | 'warning' | 'info'): Health {
  return s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'ok';
}

export function variableOf(v: string): StatusValue['variable'] {
  return v === 'http' || v === 'https' || v === 'no' || v === 'all' || v === 'ftp' || v === 'socks' ? v : 'other';
}

export function makeValue(name: string, variable: string, raw: string, source: StatusSource, extra: Partial<StatusValue> = {}): StatusValue {
  return { name, variable: variableOf(variable), value: maskCredentials(raw), source, health: 'ok', ...extra, ...(extra.note ? { note: maskCredentials(extra.note) } : {}) };
}

/** Worst lint severity among findings on lines [from, to] of a file. */
export function lintHealth(findings: readonly Finding[], from: number, to = from): Health {
  let h: Health = 'ok';
  for (const f of findings) if (f.range.start.line <= to && f.range.end.line >= from) h = worse(h, severityHealth(f.severity));
  return h;
}

export function note(text: string, health: Health = 'ok', source?: StatusSource): StatusNote {
  return { text: maskCredentials(text), health, ...(source ? { source } : {}) };
}

export function newLayer(id: LayerId): StatusLayer {
  return { id, title: LAYER_TITLES[id], health: 'ok', summary: '', values: [], notes: [], findings: [] };
}

/** `http + https + no_proxy`, or `no proxy` — from the values that are not overridden. */
export function proxySummary(values: readonly StatusValue[]): string {
  const active = values.filter((v) => !v.overridden);
  const has = (x: StatusValue['variable']) => active.some((v) => v.variable === x);
  const parts = [has('http') && 'http', has('https') && 'https', has('no') && 'NO_PROXY', has('all') && 'ALL_PROXY'].filter(Boolean) as string[];
  if (parts.length === 0) return 'no proxy';
  return parts.join(' + ') + (has('http') || has('https') ? (has('no') ? '' : ', no NO_PROXY') : '');
}

/** Layer health: the worst of its values, notes and findings. */
export function settleHealth(layer: StatusLayer): void {
  let h: Health = layer.health;
  for (const v of layer.values) if (!v.overridden) h = worse(h, v.health);
  for (const n of layer.notes) h = worse(h, n.health);
  for (const f of layer.findings) h = worse(h, severityHealth(f.severity));
  layer.health = h;
}
