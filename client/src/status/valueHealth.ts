// Guard: a value row is never green under a warning or error about it. The engine sets value health from its
// findings; this applies the same rule in the client to whatever report arrives, using the findings of the same
// layer that point at the value's source (as their source or a related one). Pure (no `vscode`).
import type { Health, StatusFinding, StatusLayer, StatusSource, StatusValue } from '../../../server/src/engine/status/report';
import { severityHealth, worse } from './health';

function sameSource(a: StatusSource, b: StatusSource): boolean {
  if (a.path || b.path) {
    // a finding about a whole file says nothing about one value in it; same file and same line does
    return !!a.path && a.path === b.path && a.line !== undefined && a.line === b.line;
  }
  return a.kind === b.kind && a.label === b.label;
}

/** `env.https_proxy`, `proxies.default.httpProxy` → the last part, as a message would name it. */
function shortName(name: string): string {
  return name.split('.').pop() ?? name;
}

function names(message: string, name: string): boolean {
  const word = shortName(name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^A-Za-z0-9_-])${word}($|[^A-Za-z0-9_-])`, 'i').test(message);
}

/**
 * The health a value should show: its own, made worse by each warning/error of its layer that points at its source.
 * When such a finding names some values of the layer, only those are marked; when it names none, all values from
 * that source are (e.g. "the builder's proxy is on loopback" about `docker buildx inspect`).
 */
export function valueHealth(value: StatusValue, layer: StatusLayer): Health {
  let health = value.health;
  if (value.overridden) return health;
  for (const f of layer.findings) {
    if (f.severity === 'info' || f.layer !== layer.id) continue;
    if (!pointsAt(f, value.source)) continue;
    const named = layer.values.filter((v) => names(f.message, v.name));
    if (named.length > 0 && !named.includes(value)) continue;
    health = worse(health, severityHealth(f.severity));
  }
  return health;
}

function pointsAt(f: StatusFinding, source: StatusSource): boolean {
  return [f.source, ...(f.related ?? [])].some((s) => !!s && sameSource(s, source));
}
