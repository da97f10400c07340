// Text and JSON forms of explanations, shared by the CLI and the VS Code client. Everything printed is masked.
import type { LayerId } from '../status/report';
import { maskCredentials } from '../proxy/url';
import type { Explanation } from './explain';
import type { AttributedExplanation } from './attribute';

const LAYER_LABELS: Record<LayerId, string> = {
  vscode: 'VS Code',
  'cli-shell': 'CLI shell (HTTPS_PROXY/NO_PROXY of the shell that runs docker, buildx, curl …)',
  'client-config': 'client config (~/.docker/config.json "proxies")',
  daemon: 'daemon (daemon.json "proxies", dockerd flags or the docker.service drop-in)',
  builder: 'builder (BuildKit: dockerd with the docker driver, the buildkitd container with docker-container)',
  'build-args': 'build steps (RUN: --build-arg HTTP_PROXY/HTTPS_PROXY/NO_PROXY or config.json "proxies")',
};

export function layerLabel(layer: LayerId | undefined): string {
  return layer ? LAYER_LABELS[layer] ?? layer : 'the one that made the request (the text does not say which)';
}

export function formatExplanationsText(explanations: readonly AttributedExplanation[]): string {
  if (explanations.length === 0) return 'No known Docker proxy error found.\n';
  const out: string[] = [];
  for (const e of explanations) {
    out.push(`line ${e.line}: [${e.id}] ${e.title}`);
    out.push(`  text:   ${e.text}`);
    out.push(`  layer:  ${layerLabel(e.layer)}`);
    if (e.machine) {
      out.push(`  why:    ${e.machine.why}`);
      out.push(`  runs in: ${e.machine.namespace}`);
      if (e.machine.configuredAt) out.push(`  configured at: ${e.machine.configuredAt.label}`);
      if (e.machine.reattributedFrom) out.push(`  (the text alone suggested ${e.machine.reattributedFrom}; this machine says otherwise)`);
      for (const ev of e.machine.evidence) out.push(`  machine: ${ev}`);
    }
    out.push(`  cause:  ${e.cause}`);
    out.push(`  action: ${e.action}`);
    if (e.decide) out.push(`  decide: ${e.decide}`);
    if (e.alternatives.length) out.push(`  also possible: ${e.alternatives.map((a) => a.id).join(', ')}`);
    if (e.related.length) out.push(`  related: ${e.related.join(', ')}`);
    out.push('');
  }
  out.push(`${explanations.length} known Docker proxy error${explanations.length === 1 ? '' : 's'}.`);
  return maskCredentials(out.join('\n')) + '\n';
}

/** `[{line, id, layer, cause, action, text}]`; layer is null when the text does not say which layer. */
export function formatExplanationsJson(explanations: readonly AttributedExplanation[]): string {
  const rows = explanations.map((e) => ({ line: e.line, id: e.id, layer: e.layer ?? null, cause: e.cause, action: e.action, text: maskCredentials(e.text), ...(e.machine ? { machine: e.machine } : {}) }));
  return maskCredentials(JSON.stringify(rows, null, 2)) + '\n';
}
