// One branch of the Proxy Status view per Docker layer: its values (health following the findings about them and the
// last test through them), its
// notes, its findings, and one row per registry of the last connectivity test. Pure (no `vscode`).
import type { Health, LayerId, StatusFinding, StatusLayer, StatusNote, StatusValue } from '../../../server/src/engine/status/report';
import { severityHealth, worse } from './health';
import { failedProxies, pairNode, type PairResult } from './testResults';
import { m, plural } from './viewText';
import { flags, fixOf, openOf, sourceText, titleOf, type TreeNode } from './treeNode';
import { valueHealth } from './valueHealth';

function valueNode(layer: StatusLayer, v: StatusValue, i: number, unusable: Set<string>): TreeNode {
  const value = m(v.value);
  const source = sourceText(v.source);
  const description = [value, source, v.overridden ? 'overridden' : undefined].filter(Boolean).join(' · ');
  const testFailed = !v.overridden && unusable.has(value);
  const health = testFailed ? 'error' : valueHealth(v, layer);
  const tooltip = [
    `${m(v.name)} = ${value}`,
    `Source: ${source}`,
    v.overridden ? 'Overridden: another source of this layer wins.' : undefined,
    v.note ? m(v.note) : undefined,
    testFailed ? 'The last connectivity test of this layer could not get through this proxy (see Problems).'
      : health !== v.health ? 'A finding of this layer points at this value (see Problems).' : undefined,
  ].filter(Boolean).join('\n');
  return {
    id: `${layer.id}/value/${i}/${m(v.name)}/${source}`,
    kind: 'value',
    label: m(v.name),
    description,
    tooltip,
    health,
    icon: v.overridden ? 'circle-slash' : undefined,
    contextValue: flags('value', { copyable: true, explainable: !!v.note, file: !!v.source.path }),
    open: openOf(v.source),
    copyText: value,
    explain: v.note ? { text: `${m(v.name)} = ${value} (${source})\n\n${m(v.note)}` } : undefined,
    children: [],
  };
}

function noteNode(layer: LayerId, n: StatusNote, i: number): TreeNode {
  return {
    id: `${layer}/note/${i}`,
    kind: 'note',
    label: m(n.text),
    description: n.source ? sourceText(n.source) : undefined,
    tooltip: [m(n.text), n.source ? `Source: ${sourceText(n.source)}` : undefined].filter(Boolean).join('\n'),
    health: n.health,
    icon: n.health === 'ok' ? 'info' : undefined,
    contextValue: flags('note', { file: !!n.source?.path }),
    open: openOf(n.source),
    children: [],
  };
}

/** The whole finding, several lines: id, severity, message, next step, where. */
export function findingTooltip(f: StatusFinding): string {
  return [
    `${f.id} (${f.severity}): ${m(f.message)}`,
    f.action ? `Next step: ${m(f.action)}` : undefined,
    f.source ? `Source: ${sourceText(f.source)}` : undefined,
    f.related?.length ? `Related: ${f.related.map(sourceText).join(', ')}` : undefined,
  ].filter(Boolean).join('\n');
}

export function findingNode(layer: string, f: StatusFinding, i: number): TreeNode {
  const tooltip = findingTooltip(f);
  const fix = fixOf(f);
  return {
    id: `${layer}/finding/${i}/${f.id}`,
    kind: 'finding',
    label: m(titleOf(f)),
    description: f.source ? `${f.id} · ${sourceText(f.source)}` : f.id,
    tooltip,
    health: severityHealth(f.severity),
    icon: f.severity === 'info' ? 'info' : undefined,
    contextValue: flags('finding', { explainable: true, file: !!f.source?.path, fixable: !!fix }),
    open: openOf(f.source),
    explain: { id: f.id, text: tooltip },
    fix,
    children: [],
  };
}

const TEST_WORD: Record<Health, string> = { ok: 'ok', error: 'failed', warning: 'incomplete', unknown: 'incomplete' };

export function layerNode(layer: StatusLayer, pairs: PairResult[], notProbed?: string): TreeNode {
  const children = [
    ...layer.values.map((v, i) => valueNode(layer, v, i, failedProxies(pairs))),
    ...layer.notes.map((n, i) => noteNode(layer.id, n, i)),
    ...layer.findings.map((f, i) => findingNode(layer.id, f, i)),
    ...pairs.map(pairNode),
  ];
  if (notProbed && pairs.length === 0) {
    children.push({
      id: `${layer.id}/not-probed`, kind: 'note', label: `Connectivity test: not probed (${notProbed})`, tooltip: notProbed,
      health: 'unknown', icon: 'circle-slash', contextValue: 'note', children: [],
    });
  }
  const problems = layer.findings.filter((f) => f.severity !== 'info').length;
  const findingsWorst = layer.findings.reduce<Health>((acc, f) => (f.severity === 'info' ? acc : worse(acc, severityHealth(f.severity))), layer.health);
  const testHealth = pairs.length ? pairs.reduce<Health>((acc, p) => worse(acc, p.health), 'ok') : undefined;
  // the verdict first: at 700 px the end of a description is what gets cut
  const description = [testHealth ? `test: ${TEST_WORD[testHealth]}` : undefined, m(layer.summary)].filter(Boolean).join(' · ');
  const title = m(layer.title);
  return {
    id: `layer/${layer.id}`,
    kind: 'layer',
    // `Daemon (dockerd: pull, push, built-in BuildKit)` → `Daemon`; the whole title is in the tooltip
    label: title.replace(/\s*\(.*$/, '') || title,
    description,
    tooltip: [
      `${title}: ${findingsWorst}`,
      m(layer.summary),
      problems ? plural(problems, 'problem') : undefined,
      pairs.length ? `Last connectivity test: ${pairs.map((p) => `${m(p.registry)} ${p.winner.outcome}${p.winner.deep ? ' (docker pull)' : ''}`).join(', ')}` : undefined,
    ].filter(Boolean).join('\n'),
    // A failed test turns the branch red even when the configuration looked fine: that is what the user must see.
    health: testHealth === 'error' ? 'error' : findingsWorst,
    contextValue: 'layer',
    // The Problems node above already lists what is wrong; branches stay closed so it fits without scrolling.
    expanded: false,
    children,
  };
}

