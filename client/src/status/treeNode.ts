// The shape of one row of the Proxy Status view, independent of VS Code (treeProvider.ts turns it into a TreeItem),
// and the helpers every branch builder uses to fill it. Pure (no `vscode`).
import type { Health, StatusFinding, StatusSource } from '../../../server/src/engine/status/report';
import { m } from './viewText';
import { titleWithoutLayer } from '../../../server/src/engine/status/findings/check';

export type NodeKind = 'problems' | 'problem' | 'docker' | 'details' | 'command' | 'layer' | 'value' | 'note' | 'finding' | 'probe' | 'phase';

/**
 * A fix a status finding may carry (issue 17 adds them): a command of this extension to run with its arguments.
 * Read defensively, since servers before that send none; the view offers "Fix" only when one is present.
 */
export interface FindingFix {
  command: string;
  title?: string;
  arguments?: unknown[];
}

export interface TreeNode {
  /** Stable across refreshes (expansion state survives), unique in the tree. */
  id: string;
  kind: NodeKind;
  label: string;
  description?: string;
  /** Plain text, several lines. */
  tooltip?: string;
  health: Health;
  /** Codicon to use instead of the health icon (an overridden value, a skipped probe). */
  icon?: string;
  /** `kind` plus flags the context menu keys on: `value.copyable`, `problem.file.fixable` … */
  contextValue: string;
  /** Clicking (and "Open File") opens this file at this 0-based line. */
  open?: { path: string; line?: number };
  /** "Copy value" copies this (already masked). */
  copyText?: string;
  /** "Explain": a rule/fact id with a docs page, else the text to show. */
  explain?: { id?: string; text: string };
  /** "Fix": the finding's own fix command. */
  fix?: FindingFix;
  expanded?: boolean;
  children: TreeNode[];
}

/** Depth-first list of every node (tests and the secret scan use it). */
export function flatten(nodes: TreeNode[]): TreeNode[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children)]);
}

export function flags(kind: NodeKind, f: Record<string, boolean | undefined>): string {
  return [kind, ...Object.keys(f).filter((k) => f[k])].join('.');
}

export function sourceText(s: StatusSource | undefined): string {
  return s ? m(s.label) : '';
}

export function openOf(s: StatusSource | undefined): TreeNode['open'] {
  return s?.path ? { path: s.path, line: s.line } : undefined;
}

/** Only commands of this extension may be run from a finding. */
const OWN_COMMAND = /^dockerProxyDoctor\./;

/** The fix a finding carries, when it is one this view can run. */
export function fixOf(f: StatusFinding): FindingFix | undefined {
  const fix = f.fix;
  if (!fix || !OWN_COMMAND.test(fix.command)) return undefined;
  return { command: fix.command, title: fix.title !== undefined ? m(fix.title) : undefined, arguments: fix.arguments };
}

/** The finding's one-line title. */
export function titleOf(f: StatusFinding): string {
  // The engine's titles end with `(layer)` for clients that show them alone; the view names the layer itself.
  return titleWithoutLayer(f.title, f.layer);
}
