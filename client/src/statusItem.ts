// One status bar item: the language server's state next to the overall proxy health (`$(warning) Proxy: 2 warnings`).
// A click focuses the Proxy Status view (or restarts a failed server). `dockerProxyDoctor.statusBar.enabled` hides it.
import * as vscode from 'vscode';
import { SETTINGS_SECTION } from '../../server/src/shared/protocol';
import { RESTART_COMMAND } from './commands';
import type { ServerController } from './languageClient';
import { statusBarView } from './status/statusBar';
import { statusBarEnabled } from './status/viewSettings';
import type { StatusService } from './status/statusService';
import { STATUS_VIEW_ID } from './status/treeProvider';

export class ServerStatusItem implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly subs: vscode.Disposable[];

  constructor(
    private readonly server: ServerController,
    private readonly service: StatusService,
  ) {
    this.item = vscode.window.createStatusBarItem('dockerProxyDoctor.serverStatus', vscode.StatusBarAlignment.Left, 0);
    this.item.name = 'Docker Proxy Doctor';
    this.subs = [
      server.onDidChangeState(() => this.render()),
      service.onDidChange(() => this.render()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${SETTINGS_SECTION}.statusBar.enabled`)) this.render();
      }),
    ];
    this.render();
  }

  /** What the item shows now (tests read it; the DOM is checked by the UI smoke test). */
  get text(): string {
    return this.item.text;
  }
  get visible(): boolean {
    return statusBarEnabled();
  }

  private render(): void {
    const view = statusBarView(this.server.serverState, this.service.state, this.server.error, !this.server.hasStarted);
    const item = this.item;
    item.text = view.text;
    item.tooltip = view.tooltip;
    item.command = view.action === 'restart' ? RESTART_COMMAND : `${STATUS_VIEW_ID}.focus`;
    item.backgroundColor = view.background ? new vscode.ThemeColor(`statusBarItem.${view.background}Background`) : undefined;
    if (statusBarEnabled()) item.show();
    else item.hide();
  }

  dispose(): void {
    for (const s of this.subs) s.dispose();
    this.item.dispose();
  }
}
