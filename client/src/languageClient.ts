// Starts, stops and restarts the language client. The server does all the linting; this file only wires transport,
// document selector and settings sync.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  State,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { Commands, DIAGNOSTIC_SOURCE, SETTINGS_SECTION } from '../../server/src/shared/protocol';
import { fixAllMiddleware } from './fixAllMiddleware';
import { maskCredentials } from '../../server/src/engine/proxy/url';
import { editorLanguages } from '../../server/src/engine/fileKinds';
import { createMaskedLogChannel } from './maskedChannel';
import { CrashPolicy, isClosingConnectionError } from './crashPolicy';
import { withBundledDocLinks } from './ruleLinks';

export const CLIENT_ID = SETTINGS_SECTION; // `dockerProxyDoctor.trace.server` is read by vscode-languageclient from this id
export const CLIENT_NAME = 'Docker Proxy Doctor';

/**
 * Languages the server is attached to; it decides by name and location which JSON, YAML and script files are ours
 * (compose files, CI workflows, build scripts) and stays silent on the rest.
 */
export const LANGUAGES: readonly string[] = editorLanguages();

export type ServerState = 'stopped' | 'starting' | 'running' | 'failed';

export class ServerController implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private state: ServerState = 'stopped';
  private startPromise: Promise<boolean> | undefined;
  private lastError: string | undefined;
  /** Counts unexpected server exits; decides restart or give up (crashPolicy.ts). */
  private readonly crashes = new CrashPolicy();
  private readonly stateEmitter = new vscode.EventEmitter<ServerState>();
  readonly onDidChangeState = this.stateEmitter.event;
  /** Created on first use, so the channel only appears once someone turns on dockerProxyDoctor.trace.server. */
  private traceChannel: vscode.LogOutputChannel | undefined;
  private get traceOutput(): vscode.LogOutputChannel {
    this.traceChannel ??= createMaskedLogChannel('Docker Proxy Doctor (LSP trace)');
    return this.traceChannel;
  }

  constructor(
    private readonly context: vscode.ExtensionContext,
    readonly output: vscode.LogOutputChannel,
  ) {}

  get current(): LanguageClient | undefined {
    return this.client;
  }
  get serverState(): ServerState {
    return this.state;
  }
  get error(): string | undefined {
    return this.lastError;
  }

  private setState(s: ServerState, error?: string): void {
    this.state = s;
    this.lastError = error;
    this.stateEmitter.fire(s);
  }

  /** False until something needed the server (see lazyStart.ts); the status item then says "idle". */
  get hasStarted(): boolean {
    return this.startPromise !== undefined;
  }

  /** Starts the server once; later calls get the same promise (true once it runs). */
  ensureStarted(): Promise<boolean> {
    return this.startPromise ?? this.start();
  }

  start(): Promise<boolean> {
    if (this.client) return this.startPromise ?? Promise.resolve(this.state === 'running');
    this.startPromise = this.start0();
    return this.startPromise;
  }

  private async start0(): Promise<boolean> {
    if (this.client) return this.state === 'running';
    const serverModule = vscode.Uri.joinPath(this.context.extensionUri, 'dist', 'server.js').fsPath;
    if (!fs.existsSync(serverModule)) {
      return this.fail(`the server bundle is missing (${serverModule}); run "npm run build" or reinstall the extension`);
    }
    const serverOptions: ServerOptions = {
      run: { module: serverModule, transport: TransportKind.ipc },
      debug: {
        module: serverModule,
        transport: TransportKind.ipc,
        options: { execArgv: ['--nolazy', '--inspect=127.0.0.1:6019'] },
      },
    };
    const documentSelector = LANGUAGES.flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]);
    const clientOptions: LanguageClientOptions = {
      documentSelector,
      synchronize: { configurationSection: SETTINGS_SECTION },
      outputChannel: this.output,
      traceOutputChannel: this.traceOutput,
      diagnosticCollectionName: DIAGNOSTIC_SOURCE,
      middleware: {
        executeCommand: (command, args, next) =>
          command === Commands.fixAll ? fixAllMiddleware(this.output, args, next) : next(command, args),
        handleDiagnostics: (uri, diagnostics, next) => next(uri, withBundledDocLinks(diagnostics)),
      },
      errorHandler: {
        // A read/write error on the connection: keep going a few times, then let the close handler decide.
        error: (error, _message, count) => {
          this.output.error(`language server connection error: ${describe(error)}`);
          if (isClosingConnectionError(error) || (count ?? 1) <= 3) return { action: ErrorAction.Continue, handled: true };
          // Shutting down here ends the server without the close handler's crash policy: say so, and mark it failed
          // so the status item and the view offer the restart instead of looking merely "stopped".
          const message = 'The Docker Proxy Doctor language server connection kept failing, so the server was stopped and files are not linted now. ' +
            'Look at Output › Docker Proxy Doctor for the cause, then run "Docker Proxy Doctor: Restart Language Server".';
          this.output.error(message);
          this.setState('failed', message);
          return { action: ErrorAction.Shutdown, handled: true };
        },
        // Only called for exits we did not ask for (client.stop() skips it): a crash.
        closed: () => {
          const decision = this.crashes.onCrash();
          if (decision.restart) {
            this.output.warn(decision.message);
            void vscode.window.showWarningMessage(decision.message, 'Show Output').then((choice) => {
              if (choice === 'Show Output') this.output.show(true);
            });
            return { action: CloseAction.Restart, handled: true };
          }
          this.output.error(decision.message);
          this.setState('failed', decision.message);
          void vscode.window.showErrorMessage(decision.message, 'Show Output', 'Restart').then((choice) => {
            if (choice === 'Show Output') this.output.show(true);
            else if (choice === 'Restart') void this.restart();
          });
          return { action: CloseAction.DoNotRestart, handled: true };
        },
      },
      // Startup failures are reported once, by us, with a "Show Output" action (see fail()).
      initializationFailedHandler: (error) => {
        this.output.error(`initialization failed: ${describe(error)}`);
        return false;
      },
    };
    const client = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
    this.client = client;
    client.onDidChangeState((e) => {
      if (e.newState === State.Running) this.setState('running');
      else if (e.newState === State.Starting) this.setState('starting');
      else if (this.state !== 'failed') this.setState('stopped');
    });
    this.setState('starting');
    try {
      await client.start();
      this.output.info(`language server running (${serverModule})`);
      return true;
    } catch (e) {
      this.client = undefined;
      await client.dispose().catch(() => undefined);
      return this.fail(describe(e));
    }
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (!client) return;
    try {
      if (client.isRunning()) await client.stop(5000);
    } catch (e) {
      this.output.warn(`stopping the language server: ${describe(e)}`);
    }
    await client.dispose().catch(() => undefined);
    this.setState('stopped');
  }

  async restart(): Promise<boolean> {
    this.output.info('restarting the language server');
    this.crashes.reset(); // the user asked for it: earlier crashes no longer count
    await this.stop();
    return this.start();
  }

  private fail(message: string): false {
    const safe = maskCredentials(message);
    this.output.error(`the language server failed to start: ${safe}`);
    this.setState('failed', safe);
    void vscode.window
      .showErrorMessage(`Docker Proxy Doctor: the language server failed to start: ${safe}`, 'Show Output', 'Restart')
      .then((choice) => {
        if (choice === 'Show Output') this.output.show(true);
        else if (choice === 'Restart') void this.restart();
      });
    return false;
  }

  dispose(): void {
    void this.stop();
    this.stateEmitter.dispose();
    this.traceChannel?.dispose();
  }
}

export function describe(e: unknown): string {
  return maskCredentials(e instanceof Error ? e.message : String(e));
}
