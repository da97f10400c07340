// Event-driven helpers for the real-VS-Code suite: every wait is bounded and fails the test with what it saw.
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE } from '../../../server/src/shared/protocol';

/** Bounds one wait (it ends as soon as the event comes): generous, for a busy 2-core machine; it only bounds a failure. */
export const WAIT_MS = 45_000;

export function codeOf(d: vscode.Diagnostic): string {
  const c = d.code;
  return typeof c === 'object' && c !== null ? String(c.value) : String(c ?? '');
}

export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === DIAGNOSTIC_SOURCE);
}

export function describeDiagnostics(uri: vscode.Uri): string {
  const all = vscode.languages.getDiagnostics(uri);
  return all.length ? all.map((d) => `${d.source ?? '?'}:${codeOf(d)}@${d.range.start.line + 1}`).join(', ') : '(none)';
}

/** Resolves once `predicate(ours(uri))` holds (checked now and on every diagnostics change); rejects after `ms`. */
export function waitForOurDiagnostics(
  uri: vscode.Uri,
  predicate: (diags: vscode.Diagnostic[]) => boolean,
  what: string,
  ms = WAIT_MS,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const d = ours(uri);
      if (!predicate(d)) return false;
      cleanup();
      resolve(d);
      return true;
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`timed out after ${ms} ms waiting for ${what} on ${vscode.workspace.asRelativePath(uri)}; diagnostics: ${describeDiagnostics(uri)}`));
    }, ms);
    const cleanup = () => {
      clearTimeout(timer);
      sub.dispose();
    };
    check();
  });
}

export const hasCode = (code: string) => (d: vscode.Diagnostic[]) => d.some((x) => codeOf(x) === code);
export const lacksCode = (code: string) => (d: vscode.Diagnostic[]) => !d.some((x) => codeOf(x) === code);

/** Resolves with the first value of `read()` that is defined, checked now and on each `event`; rejects after `ms`. */
export function waitFor<T>(event: vscode.Event<unknown>, read: () => T | undefined, what: string, ms = WAIT_MS): Promise<T> {
  return new Promise((resolve, reject) => {
    const attempt = (): void => {
      const v = read();
      if (v === undefined) return;
      cleanup();
      resolve(v);
    };
    const sub = event(attempt);
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`timed out after ${ms} ms waiting for ${what}`));
    }, ms);
    const cleanup = () => {
      clearTimeout(timer);
      sub.dispose();
    };
    attempt();
  });
}

export function workspaceRoot(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  if (!f) throw new Error('the test needs a workspace folder (test/fixtures/workspace copy)');
  return f.uri;
}

export function fileIn(rel: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...rel.split('/'));
}

export async function open(rel: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(fileIn(rel));
  return vscode.window.showTextDocument(doc, { preview: false });
}

let barrierCount = 0;
/**
 * Ordering barrier: writes a new daemon.json with a top-level "http-proxy" (DJ001), opens it and waits for its DJ001.
 * The server handles documents in order, so once this file has its diagnostics every earlier open/change was linted.
 */
export async function barrier(): Promise<void> {
  const uri = fileIn(`barrier-${++barrierCount}-${Date.now()}/etc/docker/daemon.json`);
  await vscode.workspace.fs.writeFile(uri, Buffer.from('{\n  "http-proxy": "http://proxy.example.com:3128"\n}\n'));
  await vscode.workspace.openTextDocument(uri);
  await waitForOurDiagnostics(uri, hasCode('DJ001'), 'DJ001 on the barrier file');
}

/**
 * VS Code's code-action API command fails as a whole with "Canceled" when ANY provider cancels; right after the first
 * JSON file opens, the built-in JSON language client is still starting and does exactly that. Re-asks (bounded poll)
 * only on that cancellation; any other error, or still cancelled after `ms`, fails the test.
 */
export async function codeActionsAt(uri: vscode.Uri, range: vscode.Range, kind: string, ms = WAIT_MS): Promise<vscode.CodeAction[]> {
  const end = Date.now() + ms;
  let attempts = 0;
  for (;;) {
    attempts++;
    try {
      return await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind);
    } catch (e) {
      const cancelled = e instanceof vscode.CancellationError || /Canceled/.test(String(e));
      if (!cancelled || Date.now() > end) throw new Error(`code actions failed after ${attempts} attempt(s): ${String(e)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}
