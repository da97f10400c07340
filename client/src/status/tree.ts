// The Proxy Status view's rows: Problems first (open), then Docker, one branch per layer (closed), findings of
// layers without a branch, and the collapsed Details (the commands run). Pure (no `vscode`), so node --test covers
// every state with recorded reports; treeProvider.ts only turns these nodes into TreeItems.
import type { ConnectivityReport, ProxyStatusReport } from '../../../server/src/engine/status/report';
import { detailsNode } from './detailsNode';
import { dockerNode } from './dockerNode';
import { severityHealth, worst } from './health';
import { findingNode, layerNode } from './layerBranch';
import { problemsNode } from './problemsNode';
import { notProbedOf, pairResults } from './testResults';
import { layerRank, plural } from './viewText';
import type { TreeNode } from './treeNode';

export function buildTree(report: ProxyStatusReport | undefined, connectivity?: ConnectivityReport): TreeNode[] {
  if (!report) return [];
  const layers = [...report.layers].sort((a, b) => layerRank(a.id) - layerRank(b.id));
  const pairs = pairResults(connectivity);
  const skipped = notProbedOf(connectivity);
  const roots = [
    problemsNode(report, pairs),
    dockerNode(report),
    ...layers.map((l) => layerNode(l, pairs.filter((p) => p.layer === l.id), skipped.get(l.id))),
  ];
  // Findings of a layer the report has no branch for would otherwise be invisible.
  const known = new Set(layers.map((l) => l.id));
  const shown = new Set(layers.flatMap((l) => l.findings.map((f) => `${f.layer}/${f.id}/${f.message}`)));
  const stray = report.findings.filter((f) => !known.has(f.layer) || !shown.has(`${f.layer}/${f.id}/${f.message}`));
  if (stray.length) {
    roots.push({
      id: 'findings', kind: 'layer', label: 'Other findings', description: plural(stray.length, 'finding'),
      health: worst(stray.map((f) => severityHealth(f.severity))), contextValue: 'layer', expanded: false,
      children: stray.map((f, i) => findingNode('other', f, i)),
    });
  }
  roots.push(detailsNode(report));
  return roots;
}
