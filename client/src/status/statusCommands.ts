// Commands of the Proxy Status view: refresh, settings, open a value's file at its line, copy a (masked) value, explain,
// and fix a problem with the fix its finding carries.
import * as vscode from 'vscode';
import { EXTENSION_ID } from '../../../server/src/shared/protocol';
import { maskCredentials } from '../../../server/src/engine/proxy/url';
import { showRuleDocs } from '../commands';
import type { ServerController } from '../languageClient';
import type { TreeNode } from './treeNode';
import type { StatusService } from './statusService';
import { OPEN_SOURCE_COMMAND } from './treeProvider';

export const StatusCommands = {
  refresh: 'dockerProxyDoctor.status.refresh',
  openSettings: 'dockerProxyDoctor.status.openSettings',
  copyValue: 'dockerProxyDoctor.status.copyValue',
  explain: 'dockerProxyDoctor.status.explain',
  openSource: OPEN_SOURCE_COMMAND,
  fix: 'dockerProxyDoctor.status.fix',
} as const;

const DOCS_ID = /^[A-Z]{2}\d{3}$/;

function isNode(arg: unknown): arg is TreeNode {
  return typeof arg === 'object' && arg !== null && typeof (arg as TreeNode).id === 'string' && Array.isArray((arg as TreeNode).children);
}

export function registerStatusCommands(context: vscode.ExtensionContext, server: ServerController, service: StatusService): void {
  const reg = (id: string, fn: (...args: any[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, fn));
  reg(StatusCommands.refresh, () => service.refresh('refresh button'));
  reg(StatusCommands.openSettings, () => vscode.commands.executeCommand('workbench.action.openSettings', `@ext:${EXTENSION_ID}`));
  reg(StatusCommands.openSource, (node: unknown) => openSource(server, node));
  reg(StatusCommands.copyValue, async (node: unknown) => {
    if (!isNode(node) || !node.copyText) return false;
    await vscode.env.clipboard.writeText(maskCredentials(node.copyText));
    vscode.window.setStatusBarMessage('Docker Proxy Doctor: copied (credentials masked)', 3000);
    return true;
  });
  reg(StatusCommands.explain, (node: unknown) => explain(context, server, node));
  reg(StatusCommands.fix, (node: unknown) => fix(context, server, node));
}

/**
 * "Fix" on a problem: runs the command its finding carries (only this extension's commands get this far, see
 * treeNode.ts fixOf); a node without one shows its rule page instead, so the button never does nothing.
 */
async function fix(context: vscode.ExtensionContext, server: ServerController, node: unknown): Promise<unknown> {
  if (!isNode(node)) return false;
  if (node.fix) return vscode.commands.executeCommand(node.fix.command, ...(node.fix.arguments ?? []));
  return explain(context, server, node);
}

async function openSource(server: ServerController, node: unknown): Promise<boolean> {
  if (!isNode(node) || !node.open) return false;
  const line = Math.max(0, node.open.line ?? 0);
  try {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(node.open.path));
    const at = new vscode.Position(Math.min(line, Math.max(0, doc.lineCount - 1)), 0);
    await vscode.window.showTextDocument(doc, { selection: new vscode.Range(at, at), preview: true });
    return true;
  } catch (e) {
    const msg = maskCredentials(e instanceof Error ? e.message : String(e));
    server.output.warn(`could not open ${node.open.path}: ${msg}`);
    void vscode.window.showWarningMessage(`Docker Proxy Doctor: could not open ${node.open.path} (${msg}). It may need root to read.`);
    return false;
  }
}

/** A finding with a rule/fact page opens it (the shipped rule docs); anything else shows its explanation. */
async function explain(context: vscode.ExtensionContext, server: ServerController, node: unknown): Promise<boolean> {
  if (!isNode(node) || !node.explain) return false;
  const id = node.explain.id;
  if (id && DOCS_ID.test(id)) {
    const page = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', `${id}.md`);
    const exists = await vscode.workspace.fs.stat(page).then(() => true, () => false);
    if (exists) return showRuleDocs(context, server, id);
  }
  void vscode.window.showInformationMessage(maskCredentials(node.label), { modal: true, detail: maskCredentials(node.explain.text) });
  return true;
}
