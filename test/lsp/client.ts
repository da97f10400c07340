// A minimal LSP client for protocol tests: spawns the bundled dist/server.js, records what the server sends, answers
// its requests (workspace/configuration from a mutable settings object, workspace/applyEdit), and waits on events
// with a bounded timeout (never on a fixed sleep).
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import {
  createProtocolConnection,
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  type ApplyWorkspaceEditParams,
  type ClientCapabilities,
  type ConfigurationParams,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

export const SERVER = path.resolve(__dirname, '../../../dist/server.js');
export const WAIT_MS = 15_000;

export interface StartOptions {
  /** Advertise workspace/configuration (default true). */
  configuration?: boolean;
  /** Advertise versioned documentChanges in WorkspaceEdit (default false). */
  documentChanges?: boolean;
  initializationOptions?: Record<string, unknown>;
  transport?: 'stdio' | 'ipc';
  /** Environment of the server process (default: this process's). */
  env?: NodeJS.ProcessEnv;
  /** Script of the server (default: the bundled dist/server.js). */
  server?: string;
}

export class TestClient {
  readonly diagnostics: PublishDiagnosticsParams[] = [];
  readonly configurationRequests: ConfigurationParams[] = [];
  readonly appliedEdits: ApplyWorkspaceEditParams[] = [];
  readonly logs: string[] = [];
  stderr = '';
  /** What `workspace/configuration` answers for the dockerProxyDoctor section (any scope). */
  settings: Record<string, unknown> = {};
  exitCode: number | null | undefined;
  initializeResult: InitializeResult | undefined;
  private readonly waiters = new Set<() => void>();
  /** workspace/configuration answers wait for this (see holdConfiguration). */
  private configurationGate: Promise<void> = Promise.resolve();
  private readonly exited: Promise<number | null>;

  private constructor(readonly proc: ChildProcess, readonly connection: ProtocolConnection) {
    this.exited = new Promise((resolve) => proc.on('exit', (code) => {
      this.exitCode = code;
      this.notify();
      resolve(code);
    }));
    proc.stderr?.on('data', (chunk: Buffer) => { this.stderr += chunk.toString(); });
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.diagnostics.push(params);
      this.notify();
    });
    connection.onNotification('window/logMessage', (params: { message: string }) => {
      this.logs.push(params.message);
      this.notify();
    });
    connection.onRequest('workspace/configuration', async (params: ConfigurationParams) => {
      this.configurationRequests.push(params);
      this.notify();
      await this.configurationGate;
      return params.items.map((item) => (item.section === 'dockerProxyDoctor' ? this.settings : null));
    });
    connection.onRequest('workspace/applyEdit', (params: ApplyWorkspaceEditParams) => {
      this.appliedEdits.push(params);
      this.notify();
      return { applied: true };
    });
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('client/unregisterCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onError(() => undefined);
    connection.onClose(() => this.notify());
    connection.listen();
  }

  static async start(options: StartOptions = {}): Promise<TestClient> {
    const ipc = options.transport === 'ipc';
    const proc = spawn(process.execPath, [options.server ?? SERVER, ipc ? '--node-ipc' : '--stdio'], {
      stdio: ipc ? ['pipe', 'pipe', 'pipe', 'ipc'] : ['pipe', 'pipe', 'pipe'],
      ...(options.env ? { env: options.env } : {}),
    });
    const connection = ipc
      ? createProtocolConnection(new IPCMessageReader(proc), new IPCMessageWriter(proc))
      : createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    const client = new TestClient(proc, connection);
    const capabilities: ClientCapabilities = {
      workspace: {
        configuration: options.configuration !== false,
        didChangeConfiguration: { dynamicRegistration: options.configuration !== false },
        workspaceEdit: { documentChanges: !!options.documentChanges },
        applyEdit: true,
      },
      textDocument: {
        publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, isPreferredSupport: true, dataSupport: true },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        synchronization: { dynamicRegistration: false },
      },
    };
    client.initializeResult = await client.withTimeout(connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities,
      initializationOptions: options.initializationOptions,
    }) as Promise<InitializeResult>, 'initialize');
    await connection.sendNotification('initialized', {});
    return client;
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) waiter();
  }

  /** Resolves when `check` returns a value other than undefined; rejects after `ms` (or when the server exits). */
  waitFor<T>(what: string, check: () => T | undefined, ms = WAIT_MS): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const waiter = () => {
        let value: T | undefined;
        try {
          value = check();
        } catch (error) {
          done();
          reject(error);
          return;
        }
        if (value !== undefined) {
          done();
          resolve(value);
        } else if (this.exitCode !== undefined) {
          done();
          reject(new Error(`server exited (code ${this.exitCode}) while waiting for ${what}\n${this.stderr}`));
        }
      };
      const done = () => {
        if (timer) clearTimeout(timer);
        this.waiters.delete(waiter);
      };
      timer = setTimeout(() => {
        done();
        reject(new Error(`timed out after ${ms} ms waiting for ${what}`));
      }, ms);
      this.waiters.add(waiter);
      waiter();
    });
  }

  withTimeout<T>(promise: Promise<T>, what: string, ms = WAIT_MS): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.withTimeout(this.connection.sendRequest(method, params) as Promise<R>, method);
  }

  /**
   * Holds every workspace/configuration answer until the returned function is called, so a test can make the server
   * wait in the middle of a lint while it sends more changes (no timing involved).
   */
  holdConfiguration(): () => void {
    let release!: () => void;
    this.configurationGate = new Promise<void>((resolve) => { release = resolve; });
    return () => {
      this.configurationGate = Promise.resolve();
      release();
    };
  }

  /**
   * Resolves once the server has handled every message sent before it: the server takes messages in order, and an
   * unknown request is answered (with MethodNotFound) as soon as its turn comes, without waiting on anything.
   */
  async roundTrip(): Promise<void> {
    const answered = this.connection.sendRequest('dockerProxyDoctorTest/roundTrip', null).then(() => undefined, () => undefined);
    await this.withTimeout(answered, 'round trip');
  }

  /** Index of the next publish, so a later waitForPublish only looks at what arrives after this point. */
  mark(): number {
    return this.diagnostics.length;
  }

  /** The first publish for `uri` at or after index `from` that satisfies `check`. */
  waitForPublish(uri: string, from = 0, check: (p: PublishDiagnosticsParams) => boolean = () => true, ms = WAIT_MS): Promise<PublishDiagnosticsParams> {
    return this.waitFor(`publishDiagnostics for ${uri}`, () => this.diagnostics.slice(from).find((p) => p.uri === uri && check(p)), ms);
  }

  publishesFor(uri: string, from = 0): PublishDiagnosticsParams[] {
    return this.diagnostics.slice(from).filter((p) => p.uri === uri);
  }

  open(uri: string, languageId: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  /** Replaces the whole text (a change event without a range is valid under incremental sync). */
  change(uri: string, version: number, text: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  changeRange(uri: string, version: number, range: { start: { line: number; character: number }; end: { line: number; character: number } }, text: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  configurationChanged(settings: unknown = null): Promise<void> {
    return this.connection.sendNotification('workspace/didChangeConfiguration', { settings });
  }

  /** shutdown + exit, then waits for the process to end; returns its exit code. */
  async shutdown(): Promise<number | null> {
    if (this.exitCode !== undefined) return this.exitCode;
    await this.request('shutdown', null);
    await this.connection.sendNotification('exit');
    return this.withTimeout(this.exited, 'server process exit');
  }

  /** For `after` hooks: ends the process by its PID if it is still running. */
  dispose(): void {
    try {
      this.connection.dispose();
    } catch {
      // already closed
    }
    if (this.exitCode === undefined && this.proc.pid !== undefined) {
      try {
        process.kill(this.proc.pid);
      } catch {
        // already gone
      }
    }
  }
}
