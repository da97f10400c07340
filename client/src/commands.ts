// Client commands. None of them knows any rule: docs are files shipped in docs/rules/, fixes come from the server.
import * as vscode from 'vscode';
import { Commands, SETTINGS_SECTION } from '../../server/src/shared/protocol';
import { describe, type ServerController } from './languageClient';

export const RESTART_COMMAND = 'dockerProxyDoctor.restartServer';
export const SHOW_OUTPUT_COMMAND = 'dockerProxyDoctor.showOutput';

const RULE_ID = /^[A-Z]{2}\d{3}$/;

export function registerCommands(context: vscode.ExtensionContext, server: ServerController): void {
  const reg = (id: string, fn: (...args: any[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, fn));
  reg(Commands.showRuleDocs, (ruleId?: unknown) => showRuleDocs(context, server, ruleId));
  reg(Commands.disableRuleInSettings, (ruleId?: unknown, uri?: unknown) => disableRuleInSettings(server, ruleId, uri));
  // Commands.fixAll belongs to the server (see fixAllMiddleware.ts); registering it here would clash with the client's.
  reg(RESTART_COMMAND, () => server.restart());
  reg(SHOW_OUTPUT_COMMAND, () => server.output.show(true));
}

/** A rule id from a command argument, a diagnostic code ({value}) or a quick pick over the shipped docs pages. */
async function pickRuleId(context: vscode.ExtensionContext, arg: unknown): Promise<string | undefined> {
  const given = typeof arg === 'string' ? arg : (arg as { value?: unknown } | undefined)?.value;
  if (typeof given === 'string' && given) return given.trim().toUpperCase();
  // The generated index (docs/rules/README.md) lists every rule as `| [ID](./ID.md) | name | files | severity | summary |`.
  const index = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', 'README.md');
  let items: vscode.QuickPickItem[] = [];
  try {
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(index));
    items = Array.from(text.matchAll(/^\| \[([A-Z]{2}\d{3})\]\([^)]*\) \| ([^|]+) \| ([^|]+) \| ([^|]+) \| (.*) \|$/gm), (m) => ({
      label: m[1],
      description: `${m[2].trim()} · ${m[3].trim()} · ${m[4].trim()}`,
      detail: m[5].replace(/\\\|/g, '|').trim(),
    }));
  } catch {
    // no docs shipped: fall through to the message below
  }
  if (items.length === 0) {
    void vscode.window.showWarningMessage('Docker Proxy Doctor: no rule documentation is bundled with this build (docs/rules/ is missing).');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(items, {
    title: 'Docker Proxy Doctor: rule documentation',
    placeHolder: 'Rule id, name or words from its summary (e.g. DJ001, all-proxy)',
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return picked?.label;
}

export async function showRuleDocs(context: vscode.ExtensionContext, server: ServerController, arg?: unknown): Promise<boolean> {
  const ruleId = await pickRuleId(context, arg);
  if (!ruleId) return false;
  if (!RULE_ID.test(ruleId)) {
    void vscode.window.showWarningMessage(`Docker Proxy Doctor: "${ruleId}" is not a rule id (expected something like DJ001).`);
    return false;
  }
  const page = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', `${ruleId}.md`);
  try {
    await vscode.workspace.fs.stat(page);
  } catch {
    server.output.warn(`no documentation page for ${ruleId} at ${page.fsPath}`);
    void vscode.window.showWarningMessage(`Docker Proxy Doctor: no documentation page for rule ${ruleId} is bundled with this build.`);
    return false;
  }
  await vscode.commands.executeCommand('markdown.showPreviewToSide', page);
  return true;
}

function toUri(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg === 'string' && arg) {
    try {
      return vscode.Uri.parse(arg, true);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * Sets `dockerProxyDoctor.rules[ruleId] = "off"` in the settings of the uri's workspace folder, or in the user settings
 * when the file is outside every folder. Other rule entries at that level are kept.
 */
export async function disableRuleInSettings(server: ServerController, ruleArg?: unknown, uriArg?: unknown): Promise<boolean> {
  const ruleId = typeof ruleArg === 'string' ? ruleArg.trim() : undefined;
  if (!ruleId) {
    void vscode.window.showWarningMessage('Docker Proxy Doctor: no rule id given to disable.');
    return false;
  }
  const uri = toUri(uriArg) ?? vscode.window.activeTextEditor?.document.uri;
  const folder = uri ? vscode.workspace.getWorkspaceFolder(uri) : undefined;
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION, folder?.uri ?? uri ?? null);
  const inspected = config.inspect<Record<string, string>>('rules');
  const target = folder ? vscode.ConfigurationTarget.WorkspaceFolder : vscode.ConfigurationTarget.Global;
  const current = (folder ? inspected?.workspaceFolderValue : inspected?.globalValue) ?? {};
  try {
    await config.update('rules', { ...current, [ruleId]: 'off' }, target);
  } catch (e) {
    const msg = describe(e);
    server.output.error(`could not disable ${ruleId}: ${msg}`);
    void vscode.window.showErrorMessage(`Docker Proxy Doctor: could not disable ${ruleId}: ${msg}`);
    return false;
  }
  server.output.info(`rule ${ruleId} set to "off" in ${folder ? `the settings of folder ${folder.name}` : 'the user settings'}`);
  return true;
}
