// The language client's middleware for the server's fix-all command (kept out of commands.ts, which imports the
// language client: the two importing each other was a circle at run time).
import * as vscode from 'vscode';
import { Commands } from '../../server/src/shared/protocol';
import { maskCredentials } from '../../server/src/engine/proxy/url';

/**
 * `dockerProxyDoctor.fixAll` is implemented by the server (workspace/executeCommand, argument: the document uri) and
 * registered as a VS Code command by vscode-languageclient. This middleware supplies the active editor's uri when the
 * command comes from the palette and turns the server's `{applied, reason}` into a message and a boolean.
 */
export async function fixAllMiddleware(
  output: vscode.LogOutputChannel,
  args: unknown[],
  next: (command: string, args: unknown[]) => unknown,
): Promise<boolean> {
  let uri = typeof args[0] === 'string' ? args[0] : args[0] instanceof vscode.Uri ? args[0].toString() : undefined;
  if (!uri) uri = vscode.window.activeTextEditor?.document.uri.toString();
  if (!uri) {
    void vscode.window.showInformationMessage('Docker Proxy Doctor: open a file to fix.');
    return false;
  }
  try {
    const result = (await next(Commands.fixAll, [uri])) as { applied?: boolean; reason?: string } | null | undefined;
    if (result?.applied) return true;
    const reason = result?.reason ?? 'the server did not apply any edit';
    output.info(`fix all: ${reason}`);
    void vscode.window.showInformationMessage(`Docker Proxy Doctor: nothing was fixed (${reason}).`);
    return false;
  } catch (e) {
    const msg = maskCredentials(e instanceof Error ? e.message : String(e));
    output.error(`fix all failed: ${msg}`);
    void vscode.window.showErrorMessage(`Docker Proxy Doctor: fix all failed: ${msg}`);
    return false;
  }
}
