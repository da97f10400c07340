// VS Code adapter: output channel, language client, commands, Proxy Status view, status item. No rule logic lives here.
import * as vscode from 'vscode';
import type { ConnectivityReport } from '../../server/src/engine/status/report';
import { registerCommands } from './commands';
import { ConnectivityCommand } from './connectivity/testCommand';
import { CLIENT_NAME, ServerController } from './languageClient';
import { registerStatusCommands } from './status/statusCommands';
import type { TreeNode } from './status/treeNode';
import type { ViewState, WelcomeKey } from './status/viewState';
import { StatusService } from './status/statusService';
import { StatusTreeProvider } from './status/treeProvider';
import { ServerStatusItem } from './statusItem';
import { startWhenNeeded } from './lazyStart';
import { registerExplain } from './explain';
import { SetupCommand } from './setup/setupCommand';
import { Requests, type ExplainResponse } from '../../server/src/shared/protocol';
import { machineParams } from './status/viewSettings';

let controller: ServerController | undefined;

/** Returned from activate() so tests and other extensions can see the server state and the Proxy Status view. */
export interface DoctorApi {
  serverState(): string;
  /** Starts the language server if nothing has yet (it starts lazily), and resolves once it runs. */
  whenReady(): Promise<boolean>;
  status: {
    state(): ViewState;
    /** Root nodes as drawn (empty while the welcome content shows). */
    tree(): TreeNode[];
    welcome(): WelcomeKey;
    refresh(): Promise<void>;
    /** Fires after the tree was redrawn. */
    onDidRender: vscode.Event<TreeNode[]>;
    statusBarText(): string;
    statusBarVisible(): boolean;
    /** The TreeItem VS Code gets for a node (icon, command, context value). */
    treeItem(node: TreeNode): vscode.TreeItem;
  };
  connectivity: {
    /** `deep`: "Verify with Docker" (dockerd itself contacts each registry, besides the modelled probes). */
    run(registries?: string[], token?: vscode.CancellationToken, deep?: boolean): Promise<ConnectivityReport | undefined>;
    /** Text of the last report, as written to the "Docker Proxy Doctor: Connectivity" channel. */
    reportText(): string | undefined;
  };
}

export function activate(context: vscode.ExtensionContext): DoctorApi {
  const output = vscode.window.createOutputChannel(CLIENT_NAME, { log: true });
  const server = new ServerController(context, output);
  controller = server;
  const service = new StatusService(server, output);
  const tree = new StatusTreeProvider(service);
  const statusItem = new ServerStatusItem(server, service);
  const connectivity = new ConnectivityCommand(server, service);
  context.subscriptions.push(output, server, service, tree, statusItem);
  registerCommands(context, server);
  registerStatusCommands(context, server, service);
  connectivity.register(context);
  new SetupCommand(server).register(context);
  registerExplain(context, output, async (text) => {
    // Starting the server costs a cold start once; the machine's answer is what makes the explanation right.
    await server.ensureStarted();
    const client = server.current;
    if (!client || server.serverState !== 'running') return undefined;
    const answer = await client.sendRequest<ExplainResponse>(Requests.explain, { ...machineParams(), text });
    return answer.attributed ? answer.explanations : undefined;
  });
  context.subscriptions.push(startWhenNeeded(server, tree.view));
  return {
    serverState: () => server.serverState,
    whenReady: () => server.ensureStarted(),
    status: {
      state: () => service.state,
      tree: () => tree.nodes,
      welcome: () => tree.welcomeKey,
      refresh: () => service.refresh('api'),
      onDidRender: tree.onDidRender,
      statusBarText: () => statusItem.text,
      statusBarVisible: () => statusItem.visible,
      treeItem: (node) => tree.getTreeItem(node),
    },
    connectivity: {
      run: (registries, token, deep) => connectivity.run({ registries, token, deep }),
      reportText: () => connectivity.reportText,
    },
  };
}

export async function deactivate(): Promise<void> {
  await controller?.stop();
  controller = undefined;
}
