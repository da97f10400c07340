// The "Problems" branch that opens the Proxy Status view: every problem of the machine in one short line (what is
// wrong, in which layer), its next step in the description and the whole story in the tooltip, with "Open File"
// and "Fix" as inline actions. Problems are: Docker not usable, warning/error findings of the status (lint findings
// of the files it read included), and layer–registry pairs the last connectivity test could not get through (the
// deep test's verdict winning over the model's). Pure (no `vscode`).
import type { Health, ProxyStatusReport, StatusFinding } from '../../../server/src/engine/status/report';
import { DOCKER_STATE_HEALTH, DOCKER_STATE_TEXT } from './dockerNode';
import { healthRank, severityHealth, worst } from './health';
import { findingTooltip } from './layerBranch';
import { pairProblemLabel, pairTooltip, type PairResult } from './testResults';
import { layerRank, layerShort, m, oneLine, plural } from './viewText';
import { fixOf, flags, openOf, sourceText, titleOf, type TreeNode } from './treeNode';

/** A 700 px sidebar shows about 90 characters of a problem row: half for what is wrong, half for the next step. */
const LABEL_MAX = 52;
const NEXT_MAX = 48;

const IMPERATIVE = /^(add|remove|set|unset|use|start|restart|run|move|put|export|recreate|install|check|change|write|escape|quote|delete|drop|replace|open|trust|give|keep|make|rename|upgrade|update)\b/i;

function sentences(message: string): string[] {
  return message.split(/(?<=[.?!])\s+/).map((x) => x.trim()).filter(Boolean);
}

/**
 * What to do, from a message that ends with it: `…: start it with sudo systemctl start docker.` or a last sentence
 * that is an instruction (`… Add httpsProxy.`). Undefined when the message says no such thing.
 */
export function nextStepOf(message: string): string | undefined {
  const all = sentences(message);
  const last = all.at(-1) ?? '';
  if (all.length > 1 && IMPERATIVE.test(last)) return last.replace(/\.$/, '');
  const i = message.lastIndexOf(': ');
  if (i > 0 && IMPERATIVE.test(message.slice(i + 2))) return message.slice(i + 2).replace(/\.$/, '');
  return undefined;
}

/** The message without its first sentence or clause: the "why" after the title. */
function remainderOf(message: string, title: string): string | undefined {
  const flat = message.replace(/\s+/g, ' ').trim();
  const rest = flat.startsWith(title) ? flat.slice(title.length).replace(/^[.:;]\s*/, '') : sentences(flat).slice(1).join(' ');
  return rest || undefined;
}

function dockerProblem(report: ProxyStatusReport): TreeNode | undefined {
  const d = report.docker;
  if (d.state === 'ok' || d.state === 'not-checked') return undefined;
  const message = m(d.message);
  const next = message ? nextStepOf(message) : undefined;
  return {
    id: 'problems/docker',
    kind: 'problem',
    label: `Docker: ${DOCKER_STATE_TEXT[d.state] ?? d.state}`,
    description: next ? oneLine(next, NEXT_MAX) : undefined,
    tooltip: [`Docker: ${DOCKER_STATE_TEXT[d.state] ?? d.state}`, message || undefined, next ? `Next step: ${next}` : undefined].filter(Boolean).join('\n'),
    health: DOCKER_STATE_HEALTH[d.state] ?? 'unknown',
    contextValue: 'problem',
    children: [],
  };
}

function findingProblem(f: StatusFinding, i: number): TreeNode {
  const fix = fixOf(f);
  const where = [f.source, ...(f.related ?? [])].find((s) => s?.path);
  const next = f.action ? m(f.action) : nextStepOf(m(f.message));
  const title = oneLine(titleOf(f), LABEL_MAX - layerShort(f.layer).length - 2);
  const why = next ? undefined : remainderOf(m(f.message), title);
  const tooltip = findingTooltip(f) + (next && !f.action ? `\nNext step: ${next}` : '');
  return {
    id: `problems/finding/${i}/${f.layer}/${f.id}`,
    kind: 'problem',
    label: `${layerShort(f.layer)}: ${title}`,
    description: next ? oneLine(next, NEXT_MAX) : why ? oneLine(why, NEXT_MAX) : [f.id, f.source ? sourceText(f.source) : undefined].filter(Boolean).join(' · '),
    tooltip,
    health: severityHealth(f.severity),
    contextValue: flags('problem', { explainable: true, file: !!where, fixable: !!fix }),
    open: openOf(where),
    explain: { id: f.id, text: tooltip },
    fix,
    children: [],
  };
}

function testProblem(p: PairResult): TreeNode {
  const r = p.winner;
  const tooltip = pairTooltip(p);
  return {
    id: `problems/test/${p.layer}/${m(p.registry)}`,
    kind: 'problem',
    label: pairProblemLabel(p),
    description: oneLine(r.action ?? r.cause ?? r.outcome, NEXT_MAX),
    tooltip,
    health: p.health,
    icon: r.outcome === 'timeout' ? 'watch' : undefined,
    contextValue: flags('problem', { explainable: !!(r.cause || r.causeId), copyable: true }),
    copyText: tooltip,
    explain: { id: r.causeId, text: tooltip },
    children: [],
  };
}

/** Every warning/error finding once: the layers' copies (with source and next step), then any only the report lists. */
function problemFindings(report: ProxyStatusReport): StatusFinding[] {
  const seen = new Set<string>();
  const out: StatusFinding[] = [];
  for (const f of [...report.layers.flatMap((l) => l.findings), ...report.findings]) {
    const key = `${f.layer}\0${f.id}\0${f.message}`;
    if (f.severity === 'info' || seen.has(key)) continue;
    seen.add(key);
    out.push(f);
  }
  return out.sort((a, b) => healthRank(severityHealth(b.severity)) - healthRank(severityHealth(a.severity)) || layerRank(a.layer) - layerRank(b.layer));
}

export function problemsNode(report: ProxyStatusReport, pairs: PairResult[]): TreeNode {
  const tests = pairs.filter((p) => p.health === 'error').sort((a, b) => layerRank(a.layer) - layerRank(b.layer));
  const docker = dockerProblem(report);
  const children = [
    ...(docker ? [docker] : []),
    ...tests.map(testProblem),
    ...problemFindings(report).map(findingProblem),
  ];
  const health: Health = worst(children.map((c) => c.health));
  const errors = children.filter((c) => c.health === 'error').length;
  const warnings = children.length - errors;
  const counts = [errors ? plural(errors, 'error') : undefined, warnings ? plural(warnings, 'warning') : undefined].filter(Boolean).join(', ');
  return {
    id: 'problems',
    kind: 'problems',
    label: children.length ? 'Problems' : 'No problems found',
    description: children.length ? counts : 'configuration and last test look right',
    tooltip: children.length
      ? 'Each problem in one line; hover for the whole message and the next step. Open File and Fix are on the row.'
      : 'No status finding is a warning or an error, and the last connectivity test (if any) got through everywhere.',
    health,
    contextValue: 'problems',
    expanded: true,
    children,
  };
}
