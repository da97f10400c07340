// Shows one explanation as a notification with buttons for the next step: open the file at fault, run the
// connectivity test, open the related rule's docs. Also logs it (masked) to the extension's output channel.
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { layerLabel, type AttributedExplanation, type Explanation } from '../../../server/src/engine/causes';
import { maskCredentials } from '../../../server/src/engine/proxy/url';
import { Commands } from '../../../server/src/shared/protocol';

export const TEST_CONNECTIVITY_COMMAND = 'dockerProxyDoctor.testConnectivity';
const RULE_ID = /^[A-Z]{2}\d{3}$/;

/** The file where the mistake usually is, for causes whose layer (or related rule) names one; only if it exists. */
export async function fileAtFault(e: Explanation): Promise<vscode.Uri | undefined> {
  const prefixes = new Set(e.related.filter((r) => RULE_ID.test(r)).map((r) => r.slice(0, 2)));
  const home = os.homedir();
  const candidates: string[] = [];
  if (prefixes.has('SV')) {
    for (const dir of ['/etc/systemd/system/docker.service.d', path.join(home, '.config/systemd/user/docker.service.d')]) {
      try {
        const entries = await vscode.workspace.fs.readDirectory(vscode.Uri.file(dir));
        candidates.push(...entries.filter(([n]) => n.endsWith('.conf')).map(([n]) => path.join(dir, n)).sort());
      } catch {
        // no drop-in directory here
      }
    }
  }
  if (prefixes.has('DJ') || prefixes.has('PD') || e.layer === 'daemon') candidates.push('/etc/docker/daemon.json', path.join(home, '.config/docker/daemon.json'));
  if (prefixes.has('CC') || e.layer === 'client-config') candidates.push(path.join(process.env.DOCKER_CONFIG ?? path.join(home, '.docker'), 'config.json'));
  for (const file of candidates) {
    try {
      await vscode.workspace.fs.stat(vscode.Uri.file(file));
      return vscode.Uri.file(file);
    } catch {
      // try the next place
    }
  }
  if (prefixes.has('DF') || e.layer === 'build-args') {
    const active = vscode.window.activeTextEditor?.document;
    if (active?.languageId === 'dockerfile') return active.uri;
    try {
      const [found] = await vscode.workspace.findFiles('**/{Dockerfile,Containerfile,*.Dockerfile,Dockerfile.*}', '**/node_modules/**', 1);
      return found;
    } catch {
      return undefined; // file search unavailable (no ripgrep in some hosts): no button, not an error
    }
  }
  return undefined;
}

/** The explanation as plain text (for the output channel and the hover). */
export function explanationText(e: AttributedExplanation): string {
  const lines = [
    `[${e.id}] ${e.title}`,
    `text:   ${e.text}`,
    `layer:  ${layerLabel(e.layer)}`,
    ...(e.machine ? [`why:    ${e.machine.why}; it runs on ${e.machine.namespace}`, ...(e.machine.configuredAt ? [`set at: ${e.machine.configuredAt.label}`] : []), ...e.machine.evidence.map((x) => `seen:   ${x}`)] : []),
    `cause:  ${e.cause}`,
    `action: ${e.action}`,
  ];
  if (e.decide) lines.push(`decide: ${e.decide}`);
  if (e.alternatives.length) lines.push(`also possible: ${e.alternatives.map((a) => a.id).join(', ')}`);
  if (e.related.length) lines.push(`related: ${e.related.join(', ')}`);
  return maskCredentials(lines.join('\n'));
}

/** Never rejects: callers do not await it (a notification stays open until the user acts). */
export async function presentExplanation(e: Explanation, output: vscode.LogOutputChannel): Promise<void> {
  try {
    await present(e, output);
  } catch (error) {
    output.error(`explain: could not show the explanation of ${e.id}: ${maskCredentials(String(error))}`);
  }
}

async function present(e: AttributedExplanation, output: vscode.LogOutputChannel): Promise<void> {
  output.info(`explain:\n${explanationText(e)}`);
  // The machine model names the file and line that configure the layer at fault; else the usual places are tried.
  const at = e.machine?.configuredAt?.path ? e.machine.configuredAt : undefined;
  const file = at?.path ? vscode.Uri.file(at.path) : await fileAtFault(e);
  const rule = e.related.find((r) => RULE_ID.test(r));
  const openFile = file ? `Open ${path.basename(file.fsPath)}` : undefined;
  const test = 'Test Connectivity';
  const docs = rule ? `Rule ${rule}` : undefined;
  const buttons = [openFile, test, docs].filter((b): b is string => b !== undefined);
  const where = e.machine ? ` (${layerLabel(e.machine.layer)}, on ${e.machine.namespace})` : '';
  const message = maskCredentials(`${e.title}${where} [${e.id}]: ${e.cause} Next: ${e.action}${e.decide ? ` ${e.decide}` : ''}`);
  const picked = await vscode.window.showWarningMessage(message, ...buttons);
  if (picked === undefined) return;
  if (picked === openFile && file) {
    const line = at?.line;
    await vscode.window.showTextDocument(file, line !== undefined ? { selection: new vscode.Range(line, 0, line, 0) } : undefined);
  }
  else if (picked === docs && rule) await vscode.commands.executeCommand(Commands.showRuleDocs, rule);
  else if (picked === test) await runConnectivityTest();
}

async function runConnectivityTest(): Promise<void> {
  const commands = await vscode.commands.getCommands(true);
  if (commands.includes(TEST_CONNECTIVITY_COMMAND)) {
    await vscode.commands.executeCommand(TEST_CONNECTIVITY_COMMAND);
    return;
  }
  void vscode.window.showInformationMessage('Docker Proxy Doctor: run `docker-proxy-doctor test` in a terminal to probe each layer\'s proxy.');
}
