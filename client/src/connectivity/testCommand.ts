// "Docker Proxy Doctor: Test Registry Connectivity": pick registries, ask the server to probe them through every
// layer (`dockerProxy/testConnectivity`), show its progress notifications in a cancellable notification, put the
// per-layer results in the Proxy Status tree, the worst one in a notification and the whole report in a log channel.
// "Verify with Docker" is the same run with `deep: true`: dockerd itself contacts each registry, and the view shows
// that verdict beside the modelled one (status/testResults.ts lets it win where they disagree).
// The probing itself is the server's; this file only moves data and handles every way the request can fail.
import * as vscode from 'vscode';
import {
  CONNECTIVITY_PROGRESS, Requests, type ConnectivityProgress,
} from '../../../server/src/shared/protocol';
import type { ConnectivityReport } from '../../../server/src/engine/status/report';
import { maskCredentials } from '../../../server/src/engine/proxy/url';
import type { ServerController } from '../languageClient';
import { createMaskedLogChannel } from '../maskedChannel';
import { describeRequestError } from '../status/requestErrors';
import { connectivityParams, registriesFromSettings } from '../status/viewSettings';
import type { StatusService } from '../status/statusService';
import { connectivitySummary, formatConnectivityReport } from './reportSummary';
import { registriesInDockerfile, registryChoices } from './registryChoices';

export const TEST_CONNECTIVITY_COMMAND = 'dockerProxyDoctor.testConnectivity';
export const VERIFY_WITH_DOCKER_COMMAND = 'dockerProxyDoctor.verifyWithDocker';
export const SHOW_CONNECTIVITY_REPORT_COMMAND = 'dockerProxyDoctor.showConnectivityReport';
export const CONNECTIVITY_CHANNEL = 'Docker Proxy Doctor: Connectivity';

const DOCKERFILE_GLOB = '{**/Dockerfile,**/Containerfile,**/*.Dockerfile,**/*.dockerfile,**/Dockerfile.*}';
const MAX_DOCKERFILES = 50;

export interface ConnectivityOptions {
  /** Skip the pick list (tests, other extensions). */
  registries?: string[];
  /** Cancels like the notification's Cancel button (other extensions, tests). */
  token?: vscode.CancellationToken;
  /** Also let Docker itself try each registry (`deep: true`): "Verify with Docker". */
  deep?: boolean;
}

export class ConnectivityCommand implements vscode.Disposable {
  private channelInstance: vscode.LogOutputChannel | undefined;
  private lastText: string | undefined;
  private runs = 0;

  constructor(
    private readonly server: ServerController,
    private readonly service: StatusService,
  ) {}

  /** Created on first use so the channel only appears once a test ran. */
  get channel(): vscode.LogOutputChannel {
    this.channelInstance ??= createMaskedLogChannel(CONNECTIVITY_CHANNEL);
    return this.channelInstance;
  }

  /** The last report as written to the channel (masked). */
  get reportText(): string | undefined {
    return this.lastText;
  }

  register(context: vscode.ExtensionContext): void {
    context.subscriptions.push(
      vscode.commands.registerCommand(TEST_CONNECTIVITY_COMMAND, (opts?: unknown) => this.run(isOptions(opts) ? opts : {})),
      vscode.commands.registerCommand(VERIFY_WITH_DOCKER_COMMAND, (opts?: unknown) => this.run({ ...(isOptions(opts) ? opts : {}), deep: true })),
      vscode.commands.registerCommand(SHOW_CONNECTIVITY_REPORT_COMMAND, () => this.showReport()),
      this,
    );
  }

  showReport(): boolean {
    if (this.lastText === undefined) {
      void vscode.window.showInformationMessage('Docker Proxy Doctor: no connectivity test has run yet.', 'Test Registry Connectivity')
        .then((c) => c && vscode.commands.executeCommand(TEST_CONNECTIVITY_COMMAND));
      return false;
    }
    this.channel.show(true);
    return true;
  }

  /** Resolves with the report, or undefined when the user cancelled the pick list or the request failed. */
  async run(opts: ConnectivityOptions): Promise<ConnectivityReport | undefined> {
    await this.server.ensureStarted();
    const client = this.server.current;
    if (!client || this.server.serverState !== 'running') {
      void vscode.window.showErrorMessage(`Docker Proxy Doctor: ${describeRequestError(Requests.testConnectivity, new Error('the language server is not running'))}`);
      return undefined;
    }
    const deep = opts.deep === true;
    const registries = opts.registries ?? (await this.pickRegistries(deep));
    if (!registries || registries.length === 0) return undefined;
    const progressToken = `dpd-connectivity-${process.pid}-${++this.runs}`;
    const params = { ...connectivityParams(registries, progressToken), deep: deep || undefined };
    this.service.setConnectivity(undefined, true);
    let report: ConnectivityReport | undefined;
    let failure: string | undefined;
    try {
      report = await vscode.window.withProgress(
        {
          location: vscode.ProgressLocation.Notification,
          title: deep ? 'Docker Proxy Doctor: verifying with Docker (dockerd contacts each registry)' : 'Docker Proxy Doctor: testing registry connectivity',
          cancellable: true,
        },
        async (progress, uiToken) => {
          // One token for the server, cancelled by the notification's button or by the caller's token.
          const both = new vscode.CancellationTokenSource();
          const links = [uiToken.onCancellationRequested(() => both.cancel())];
          if (opts.token) links.push(opts.token.onCancellationRequested(() => both.cancel()));
          if (uiToken.isCancellationRequested || opts.token?.isCancellationRequested) both.cancel();
          const token = both.token;
          let done = 0;
          const sub = client.onNotification(CONNECTIVITY_PROGRESS, (p: ConnectivityProgress) => {
            if (p.progressToken !== progressToken) return;
            const increment = p.total > 0 ? (Math.max(0, p.done - done) * 100) / p.total : undefined;
            done = Math.max(done, p.done);
            progress.report({ message: `${p.done}/${p.total} ${maskCredentials(p.message)}`, increment });
          });
          // The server gets $/cancelRequest through the token; the UI does not wait for it to wind down.
          let onCancel: vscode.Disposable | undefined;
          const cancelled = new Promise<never>((_, reject) => {
            if (token.isCancellationRequested) reject(new vscode.CancellationError());
            onCancel = token.onCancellationRequested(() => reject(new vscode.CancellationError()));
          });
          try {
            progress.report({ message: `${registries.join(', ')}: probing every layer${deep ? ' and asking dockerd' : ''}…` });
            return await Promise.race([client.sendRequest<ConnectivityReport>(Requests.testConnectivity, params, token), cancelled]);
          } finally {
            sub.dispose();
            onCancel?.dispose();
            for (const l of links) l.dispose();
            both.dispose();
          }
        },
      );
      if (!report || !Array.isArray(report.results)) throw new Error('the server sent no report');
    } catch (e) {
      failure = e instanceof vscode.CancellationError ? 'cancelled' : describeRequestError(Requests.testConnectivity, e);
    }
    this.service.setConnectivity(report, false);
    if (failure || !report) {
      const text = failure ?? 'no report';
      this.channel.warn(`connectivity test of ${registries.join(', ')}: ${text}`);
      if (text === 'cancelled') void vscode.window.showInformationMessage('Docker Proxy Doctor: connectivity test cancelled.');
      else void vscode.window.showErrorMessage(`Docker Proxy Doctor: ${text}`, 'Show Output').then((c) => c && this.channel.show(true));
      return undefined;
    }
    // A server that formats the report itself may send it along as `text`; otherwise the client formats it.
    const serverText = (report as ConnectivityReport & { text?: unknown }).text;
    this.lastText = maskCredentials(typeof serverText === 'string' && serverText ? serverText : formatConnectivityReport(report));
    const summary = connectivitySummary(report);
    // The verdict closes the report, so the channel (which shows its end) opens on it.
    this.lastText = `${this.lastText.trimEnd()}\n\n${maskCredentials(summary.text)}`;
    this.channel.info(this.lastText);
    const show = summary.severity === 'error' ? vscode.window.showErrorMessage : summary.severity === 'warning' ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
    void show(`Docker Proxy Doctor: ${summary.text}`, 'Show report').then((c) => c && this.showReport());
    return report;
  }

  /** Docker Hub, settings and the workspace's FROM lines, all picked; undefined when the user backs out. */
  private async pickRegistries(deep = false): Promise<string[] | undefined> {
    const dockerfiles: Array<{ file: string; registries: string[] }> = [];
    try {
      const files = await vscode.workspace.findFiles(DOCKERFILE_GLOB, '**/node_modules/**', MAX_DOCKERFILES);
      for (const uri of files) {
        const text = await vscode.workspace.fs.readFile(uri).then((b) => new TextDecoder().decode(b), () => '');
        const registries = registriesInDockerfile(text);
        if (registries.length) dockerfiles.push({ file: vscode.workspace.asRelativePath(uri), registries });
      }
    } catch (e) {
      this.server.output.warn(`connectivity: could not list Dockerfiles: ${String(e)}`);
    }
    const choices = registryChoices(registriesFromSettings(), dockerfiles);
    const picked = await vscode.window.showQuickPick(
      choices.map((c) => ({ label: c.registry, description: c.origin, picked: c.picked })),
      {
        title: deep ? 'Docker Proxy Doctor: verify with Docker' : 'Docker Proxy Doctor: test registry connectivity',
        placeHolder: deep
          ? 'Registries dockerd itself should contact, besides probing every layer (Enter to start)'
          : 'Registries to probe through every Docker layer (Enter to start)',
        canPickMany: true,
        matchOnDescription: true,
      },
    );
    return picked?.map((p) => p.label);
  }

  dispose(): void {
    this.channelInstance?.dispose();
  }
}

function isOptions(v: unknown): v is ConnectivityOptions {
  return typeof v === 'object' && v !== null && !(v instanceof vscode.Uri) && (!('registries' in v) || Array.isArray((v as ConnectivityOptions).registries));
}
