// The Dockerfiles layer: proxies baked into images go (ENV proxy values, DF001; ARG proxy defaults, DF003). Once
// config.json carries the proxy, every RUN step receives it as a predefined build argument, without any line here.
import { lint } from '../lint';
import { applyEdits } from '../edits';
import { LineIndex } from '../lineIndex';
import { maskCredentials } from '../proxy/url';
import { literalPassword } from '../rules/dockerfile/textProxyUrls';
import { emptyLayerPlan, type LayerPlan } from './daemonPlan';
import type { SetupContext } from './input';
import { unifiedDiff } from './unifiedDiff';

const BAKED = new Set(['DF001', 'DF003']);
const MAX_ROUNDS = 10;

/** The Dockerfile without its baked proxies (each round applies the non-overlapping removals). */
export function withoutBakedProxies(text: string): string {
  let current = text;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const lines = new LineIndex(current);
    const taken: Array<[number, number]> = [];
    const edits = [];
    for (const f of lint(current, 'dockerfile', { rules: { DF001: 'warning', DF003: 'warning' } })) {
      const fix = BAKED.has(f.ruleId) ? f.fixes[0] : undefined;
      if (!fix) continue;
      const spans = fix.edits.map((e) => [lines.offsetAt(e.range.start), lines.offsetAt(e.range.end)] as [number, number]);
      if (spans.some(([s, e]) => taken.some(([ts, te]) => s < te && ts < e || s === ts))) continue;
      taken.push(...spans);
      edits.push(...fix.edits);
    }
    if (edits.length === 0) break;
    const next = applyEdits(current, edits);
    if (next === current) break;
    current = next;
  }
  return current;
}

export function planDockerfiles(context: SetupContext): LayerPlan {
  const plan = emptyLayerPlan();
  for (const file of context.dockerfiles ?? []) {
    const after = withoutBakedProxies(file.text);
    if (after === file.text) continue;
    const heldPassword = file.text.split(/\r?\n/).some((l) => /proxy/i.test(l) && l.split(/[\s=]+/).some((w) => !!literalPassword(w.replace(/^["']|["']$/g, ''))));
    plan.changes.push({
      layer: 'dockerfiles',
      path: file.path,
      before: file.text,
      after,
      mode: 0o644,
      owner: 'user',
      title: `Remove the proxy baked into ${file.path} (RUN steps get it from config.json as a build argument)`,
      diff: unifiedDiff(file.path, maskCredentials(file.text), maskCredentials(after)),
      secret: false,
      workspace: true,
    });
    if (heldPassword) plan.notes.push({ layer: 'dockerfiles', severity: 'warning', text: `${file.path} held a proxy password: images built from it keep it in their history; rebuild them and change that password.` });
  }
  return plan;
}
