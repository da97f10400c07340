// Draws the view's nodes (status/tree.ts) in the Proxy Status tree view and keeps the view's message line and the
// welcome-content context key in step with the service's state. No Docker knowledge here.
import * as vscode from 'vscode';
import type { Health } from '../../../server/src/engine/status/report';
import { buildTree } from './tree';
import type { TreeNode } from './treeNode';
import { viewMessage, welcomeKey, type WelcomeKey } from './viewState';
import type { StatusService } from './statusService';

export const STATUS_VIEW_ID = 'dockerProxyDoctor.status';
export const WELCOME_CONTEXT_KEY = 'dockerProxyDoctor.welcome';
export const OPEN_SOURCE_COMMAND = 'dockerProxyDoctor.status.openSource';

const HEALTH_ICONS: Record<Health, [string, string | undefined]> = {
  ok: ['pass', 'testing.iconPassed'],
  warning: ['warning', 'problemsWarningIcon.foreground'],
  error: ['error', 'problemsErrorIcon.foreground'],
  unknown: ['question', undefined],
};

function iconOf(node: TreeNode): vscode.ThemeIcon {
  const [id, color] = HEALTH_ICONS[node.health] ?? HEALTH_ICONS.unknown;
  if (node.icon) {
    const tint = node.icon === 'info' ? 'problemsInfoIcon.foreground'
      : node.icon === 'circle-slash' || node.kind === 'details' ? 'disabledForeground' : color;
    return new vscode.ThemeIcon(node.icon, tint ? new vscode.ThemeColor(tint) : undefined);
  }
  return new vscode.ThemeIcon(id, color ? new vscode.ThemeColor(color) : undefined);
}

export class StatusTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private roots: TreeNode[] = [];
  private welcome: WelcomeKey = 'loading';
  private readonly emitter = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  /** Fires after the roots were rebuilt and the view told (tests wait on it). */
  private readonly rendered = new vscode.EventEmitter<TreeNode[]>();
  readonly onDidRender = this.rendered.event;
  readonly view: vscode.TreeView<TreeNode>;
  private readonly sub: vscode.Disposable;

  constructor(private readonly service: StatusService) {
    this.view = vscode.window.createTreeView(STATUS_VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    this.sub = service.onDidChange(() => this.render());
    this.render();
  }

  get nodes(): TreeNode[] {
    return this.roots;
  }
  get welcomeKey(): WelcomeKey {
    return this.welcome;
  }

  private render(): void {
    const state = this.service.state;
    this.welcome = welcomeKey(state);
    // VS Code shows the welcome content only while the tree is empty.
    this.roots = this.welcome === 'none' ? buildTree(state.report, state.connectivity) : [];
    void vscode.commands.executeCommand('setContext', WELCOME_CONTEXT_KEY, this.welcome);
    this.view.message = viewMessage(state);
    const problems = this.roots.find((n) => n.kind === 'problems')?.children.length ?? 0;
    this.view.badge = problems > 0 ? { value: problems, tooltip: 'Proxy problems (see the Problems node)' } : undefined;
    this.emitter.fire(undefined);
    this.rendered.fire(this.roots);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    const state = node.children.length === 0
      ? vscode.TreeItemCollapsibleState.None
      : node.expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(node.label, state);
    item.id = node.id;
    item.description = node.description;
    item.tooltip = node.tooltip;
    item.iconPath = iconOf(node);
    item.contextValue = node.contextValue;
    if (node.open) item.command = { command: OPEN_SOURCE_COMMAND, title: 'Open File at Setting', arguments: [node] };
    return item;
  }

  getChildren(node?: TreeNode): TreeNode[] {
    return node ? node.children : this.roots;
  }

  dispose(): void {
    this.sub.dispose();
    this.view.dispose();
    this.emitter.dispose();
    this.rendered.dispose();
  }
}
