// The daemon layer of the plan: the proxy goes where this machine already configures it (daemon.json `proxies` or a
// drop-in's Environment=, never both), `%` doubled in drop-ins, rootless paths and `systemctl --user`; then
// daemon-reload and restart. Docker Desktop: nothing is edited, the plan gives Settings → Resources → Proxies values.
import { parseDocument, type SystemdDocument } from '../document';
import { envVariableOf } from '../proxy/names';
import { maskCredentials } from '../proxy/url';
import type { ReadFile, StatusModel } from '../status/statusModel';
import { jsonBlockReason, setJsonValues } from './jsonEdit';
import { addressFor } from './namespaces';
import type { FileChange, PlanBlock, PlanCommand, PlanNote } from './types';
import { unifiedDiff } from './unifiedDiff';

export interface LayerPlan {
  changes: FileChange[];
  commands: PlanCommand[];
  notes: PlanNote[];
  blocked: PlanBlock[];
}

export const emptyLayerPlan = (): LayerPlan => ({ changes: [], commands: [], notes: [], blocked: [] });

/** One systemd Environment= word, quoted: `%` → `%%` (specifier), `\` and `"` escaped (facts §9). */
export function environmentLine(name: string, value: string): string {
  return `Environment="${name}=${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/%/g, '%%')}"`;
}

const PROXY_ENV = new Set(['http', 'https', 'no']);

/**
 * A drop-in text without any HTTP(S)_PROXY/NO_PROXY word (either case) and with the given lines written where the
 * first of them was (else right after `[Service]`, which is added when missing). Deterministic, so a second run with
 * the same lines returns the same text.
 */
export function rewriteDropIn(text: string, lines: string[]): string {
  const doc = parseDocument(text, 'systemd-dropin') as SystemdDocument;
  const eol = doc.lines.eol;
  const deletions: Array<[number, number]> = [];
  let insertAt: number | undefined;
  for (const a of doc.unit.assignments) {
    if (a.section !== 'Service' || !a.environment) continue;
    const proxyWords = a.environment.filter((w) => PROXY_ENV.has(envVariableOf(w.name) ?? ''));
    if (proxyWords.length === 0) continue;
    if (proxyWords.length === a.environment.length) {
      const start = doc.lines.offsetAt({ line: a.line, character: 0 });
      const end = doc.lines.offsetAt({ line: a.endLine + 1, character: 0 });
      deletions.push([start, end]);
      insertAt ??= start;
    } else {
      for (const w of proxyWords) {
        let end = w.wordEnd;
        while (text[end] === ' ' || text[end] === '\t') end++;
        deletions.push([w.wordStart, end]);
      }
    }
  }
  let out = text;
  for (const [s, e] of deletions.sort((x, y) => y[0] - x[0])) out = out.slice(0, s) + out.slice(e);
  const block = lines.map((l) => l + eol).join('');
  if (insertAt !== undefined) {
    // Offsets before insertAt are unchanged by deletions after it; deletions before it shift it.
    const shift = deletions.filter(([s]) => s < insertAt!).reduce((n, [s, e]) => n + (Math.min(e, insertAt!) - s), 0);
    const at = insertAt - shift;
    return out.slice(0, at) + block + out.slice(at);
  }
  const header = /^[ \t]*\[Service\][ \t]*(\r?\n|$)/m.exec(out);
  if (header) {
    const at = header.index + header[0].length;
    const sep = header[1] === '' ? eol : '';
    return out.slice(0, at) + sep + block + out.slice(at);
  }
  const lead = out === '' || out.endsWith('\n') ? out : out + eol;
  return `${lead}${lead.trim() ? eol : ''}[Service]${eol}${block}`;
}

function change(layer: FileChange['layer'], path: string, before: string | undefined, after: string, title: string, mode: number, owner: FileChange['owner'], secret: boolean): FileChange | undefined {
  if (before === after) return undefined;
  const masked = (t: string | undefined) => (t === undefined ? undefined : maskCredentials(t));
  return { layer, path, before, after, mode, owner, title, diff: unifiedDiff(path, masked(before), maskCredentials(after)), secret };
}

function engineMajor(model: StatusModel): number | undefined {
  const m = /^(\d+)\./.exec(model.info?.serverVersion ?? '');
  return m ? Number(m[1]) : undefined;
}

export interface DaemonValues { http: string; https: string; no: string; secret: boolean }

export function planDaemon(model: StatusModel, proxyUrl: string, noProxy: string, secret: boolean): LayerPlan {
  const plan = emptyLayerPlan();
  const address = addressFor(model, proxyUrl, 'daemon');
  if (address.rewrite) plan.notes.push({ layer: 'daemon', severity: 'warning', text: `Daemon proxy host ${address.rewrite.from} is written as ${address.rewrite.to}: ${address.rewrite.note}` });
  const url = address.url;
  const owner = model.rootless ? 'user' : 'root';
  const systemctl = model.rootless ? ['systemctl', '--user'] : ['systemctl'];
  const sudo = model.rootless ? '' : 'sudo ';

  const flags = model.configured.filter((c) => c.via === 'flag');
  if (flags.length) {
    plan.blocked.push({ layer: 'daemon', reason: `dockerd gets its proxy from command-line flags (${flags.map((f) => f.name).join(', ')} in ${flags[0].source.label}); ` +
      'setup does not rewrite ExecStart: remove the flags there, then run setup again (a flag and daemon.json "proxies" together stop dockerd).' });
    return plan;
  }

  const locations = model.obs.locations;
  const jsonPath = model.daemonJson?.path ?? (model.rootless ? locations.daemonJsonRootless : locations.daemonJson);
  const jsonText = model.daemonJson?.text;
  const jsonHasProxies = model.configured.some((c) => c.via === 'daemon-json');
  const dropInsWithProxies = model.dropIns.filter((f) => model.configured.some((c) => c.file === f && c.via === 'drop-in' && c.variable !== 'all'));
  const useDropIn = !jsonHasProxies && (dropInsWithProxies.length > 0 || (jsonText === undefined && (engineMajor(model) ?? 0) < 23 && model.obs.systemd));

  let changedUnit = false;
  if (useDropIn) {
    const dir = model.rootless ? locations.dropInDirRootless : locations.dropInDir;
    const target: ReadFile | { path: string; text?: string } = dropInsWithProxies[0] ?? { path: `${dir}/http-proxy.conf`, text: undefined };
    const lines = [environmentLine('HTTP_PROXY', url), environmentLine('HTTPS_PROXY', url), environmentLine('NO_PROXY', noProxy)];
    const c = change('daemon', target.path, target.text, rewriteDropIn(target.text ?? '', lines), `Set the daemon's proxy in the drop-in ${target.path} (% written as %%)`, 0o644, owner, secret);
    if (c) { plan.changes.push(c); changedUnit = true; }
    for (const other of dropInsWithProxies.slice(1)) {
      const o = change('daemon', other.path, other.text, rewriteDropIn(other.text ?? '', []), `Remove the daemon proxy from ${other.path} (one place only)`, 0o644, owner, false);
      if (o) { plan.changes.push(o); changedUnit = true; }
    }
  } else {
    const reason = jsonText !== undefined ? jsonBlockReason(jsonText, 'daemon-json') : undefined;
    if (reason) {
      plan.blocked.push({ layer: 'daemon', path: jsonPath, reason: `${jsonPath} is not rewritten: ${reason}` });
      return plan;
    }
    const after = setJsonValues(jsonText ?? '', [
      { path: ['proxies', 'http-proxy'], value: url },
      { path: ['proxies', 'https-proxy'], value: url },
      { path: ['proxies', 'no-proxy'], value: noProxy },
    ]);
    const c = change('daemon', jsonPath, jsonText, jsonText === undefined && !after.endsWith('\n') ? after + '\n' : after, `Set "proxies" in ${jsonPath}`, 0o644, owner, secret);
    if (c) plan.changes.push(c);
    if (dropInsWithProxies.length) plan.notes.push({ layer: 'daemon', severity: 'info', text: `daemon.json "proxies" wins over the drop-in's Environment= (${dropInsWithProxies.map((f) => f.path).join(', ')}); those values are left as they are and stay overridden.` });
    if (!jsonHasProxies && (engineMajor(model) ?? 23) < 23) plan.notes.push({ layer: 'daemon', severity: 'warning', text: `daemon.json "proxies" needs Docker Engine 23 or later; this dockerd is ${model.info?.serverVersion}.` });
  }
  if (plan.changes.length === 0) return plan;
  if (!model.obs.systemd && !model.rootless) {
    plan.notes.push({ layer: 'daemon', severity: 'warning', text: 'systemd is not running here: restart dockerd the way it is started on this machine for the new proxy to apply.' });
    return plan;
  }
  if (changedUnit) plan.commands.push({ layer: 'daemon', title: 'Reload systemd units', display: `${sudo}${systemctl.join(' ')} daemon-reload`, argv: [...systemctl, 'daemon-reload'], root: !model.rootless, secret: false });
  plan.commands.push({ layer: 'daemon', title: 'Restart dockerd (running containers stop unless live-restore is on)', display: `${sudo}${systemctl.join(' ')} restart docker`, argv: [...systemctl, 'restart', 'docker'], root: !model.rootless, secret: false });
  return plan;
}
