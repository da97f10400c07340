// "Docker Proxy Doctor: Explain Docker Error": explains the editor selection, else the clipboard, else text pasted
// into an input box. Returns what it found (tests and other extensions use that); the notification is not awaited.
import * as vscode from 'vscode';
import { explainLog, type Explanation } from '../../../server/src/engine/causes';
import { maskCredentials } from '../../../server/src/engine/proxy/url';
import { presentExplanation } from './present';

export const EXPLAIN_COMMAND = 'dockerProxyDoctor.explainError';

type Origin = 'argument' | 'selection' | 'clipboard' | 'input';

async function textToExplain(arg: unknown): Promise<{ text: string; origin: Origin } | undefined> {
  if (typeof arg === 'string' && arg.trim()) return { text: arg, origin: 'argument' };
  const editor = vscode.window.activeTextEditor;
  if (editor) {
    const selected = editor.selections.filter((s) => !s.isEmpty).map((s) => editor.document.getText(s)).join('\n');
    if (selected.trim()) return { text: selected, origin: 'selection' };
  }
  const clip = await vscode.env.clipboard.readText();
  if (clip.trim()) return { text: clip, origin: 'clipboard' };
  const typed = await vscode.window.showInputBox({
    title: 'Docker Proxy Doctor: Explain Docker Error',
    prompt: 'Paste the error message (a line from docker, buildx, dockerd, curl, apt, pip, npm, git …)',
    ignoreFocusOut: true,
  });
  return typed?.trim() ? { text: typed, origin: 'input' } : undefined;
}

export async function explainError(output: vscode.LogOutputChannel, arg?: unknown): Promise<Explanation[]> {
  const input = await textToExplain(arg);
  if (!input) return [];
  const found = explainLog(input.text);
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
