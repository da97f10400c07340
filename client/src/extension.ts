// VS Code adapter: output channel, language client, commands, status item. No rule logic lives here.
import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { CLIENT_NAME, ServerController } from './languageClient';
import { ServerStatusItem } from './statusItem';
import { registerExplain } from './explain';

let controller: ServerController | undefined;

/** Returned from activate() so tests and other extensions can see the server state. */
export interface DoctorApi {
  serverState(): string;
  whenReady(): Promise<boolean>;
}

export function activate(context: vscode.ExtensionContext): DoctorApi {
  const output = vscode.window.createOutputChannel(CLIENT_NAME, { log: true });
  const server = new ServerController(context, output);
  controller = server;
  context.subscriptions.push(output, server, new ServerStatusItem(server));
  registerCommands(context, server);
  registerExplain(context, output);
  const ready = server.start();
  return { serverState: () => server.serverState, whenReady: () => ready };
}

export async function deactivate(): Promise<void> {
  await controller?.stop();
  controller = undefined;
}
