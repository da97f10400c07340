// "Docker Proxy Doctor: Explain Docker Error": explains the editor selection, else the clipboard, else text pasted
// into an input box. Returns what it found (tests and other extensions use that); the notification is not awaited.
import * as vscode from 'vscode';
import type { AttributedExplanation, Explanation } from '../../../server/src/engine/causes';
import { explainText } from '../../../server/src/engine/causes/explain';
import { maskCredentials } from '../../../server/src/engine/proxy/url';
import { presentExplanation } from './present';

export const EXPLAIN_COMMAND = 'dockerProxyDoctor.explainError';

type Origin = 'argument' | 'selection' | 'terminal selection' | 'clipboard' | 'input';

/**
 * Asks the language server to attribute explanations to this machine's layers (`dockerProxy/explain`): which layer
 * made the failing request, where it runs, which file and line configure it. Undefined when the server cannot.
 */
export type MachineExplainer = (text: string) => Promise<AttributedExplanation[] | undefined>;

/**
 * VS Code has no API that reads a terminal's selection: copy it through the terminal's own command, read the
 * clipboard, and put the user's clipboard back. Nothing selected leaves the clipboard as it was.
 */
async function terminalSelection(): Promise<string | undefined> {
  if (!vscode.window.activeTerminal) return undefined;
  const before = await vscode.env.clipboard.readText();
  await vscode.commands.executeCommand('workbench.action.terminal.copySelection');
  const copied = await vscode.env.clipboard.readText();
  if (copied === before) return undefined;
  await vscode.env.clipboard.writeText(before);
  return copied.trim() ? copied : undefined;
}

async function textToExplain(arg: unknown): Promise<{ text: string; origin: Origin } | undefined> {
  if (typeof arg === 'string' && arg.trim()) return { text: arg, origin: 'argument' };
  const editor = vscode.window.activeTextEditor;
  if (editor) {
    const selected = editor.selections.filter((s) => !s.isEmpty).map((s) => editor.document.getText(s)).join('\n');
    if (selected.trim()) return { text: selected, origin: 'selection' };
  }
  const inTerminal = await terminalSelection().catch(() => undefined);
  if (inTerminal) return { text: inTerminal, origin: 'terminal selection' };
  const clip = await vscode.env.clipboard.readText();
  if (clip.trim()) return { text: clip, origin: 'clipboard' };
  const typed = await vscode.window.showInputBox({
    title: 'Docker Proxy Doctor: Explain Docker Error',
    prompt: 'Paste the error message (a line from docker, buildx, dockerd, curl, apt, pip, npm, git …)',
    ignoreFocusOut: true,
  });
  return typed?.trim() ? { text: typed, origin: 'input' } : undefined;
}

export async function explainError(output: vscode.LogOutputChannel, arg?: unknown, withMachine?: MachineExplainer): Promise<Explanation[]> {
  const input = await textToExplain(arg);
  if (!input) return [];
  const fromText = explainText(input.text);
  // The machine decides which layer is at fault (a refused loopback proxy on a rootful dockerd is a stopped proxy);
  // without the server (not started, untrusted, failed) the text alone decides.
  const attributed = fromText.length && withMachine ? await withMachine(input.text).catch(() => undefined) : undefined;
  const found: AttributedExplanation[] = attributed?.length ? attributed : fromText;
  output.info(`explain (${input.origin}, ${input.text.split('\n').length} lines): ${found.map((e) => `line ${e.line} ${e.id}`).join(', ') || 'nothing known'}`);
  if (found.length === 0) {
    const where = input.origin === 'clipboard' ? 'the clipboard' : input.origin === 'selection' ? 'the selection' : 'the text';
    void vscode.window.showInformationMessage(`Docker Proxy Doctor: no known Docker proxy error in ${where}. Select the error line (or copy it) and run the command again.`);
  } else if (found.length === 1) {
    void presentExplanation(found[0], output);
  } else {
    void pickAndPresent(found, output);
  }
  return found;
}

async function pickAndPresent(found: Explanation[], output: vscode.LogOutputChannel): Promise<void> {
  const picked = await vscode.window.showQuickPick(
    found.map((e) => ({ label: e.title, description: `line ${e.line} · ${e.id}`, detail: maskCredentials(e.text), e })),
    { title: `Docker Proxy Doctor: ${found.length} known Docker proxy errors`, matchOnDetail: true },
  );
  if (picked) await presentExplanation(picked.e, output);
}
