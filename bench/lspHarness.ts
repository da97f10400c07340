// One LSP client for the bench that drives any stdio language server the same way (ours and rcjsuen's
// dockerfile-language-server-nodejs): same capabilities, same documents, same edits. It timestamps every
// publishDiagnostics so latency is measured from the moment a change is written to the moment its result arrives.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

export interface ServerSpec { name: string; command: string; args: string[] }
export interface ProcessMemory { rss: number; pssAnon: number; pssFile: number }
export interface V8Memory { heapTotal: number; heapUsed: number; external: number; arrayBuffers: number }

interface Publish { at: number; params: PublishDiagnosticsParams }

/** The line bench/gcOnSignal.ts writes after its full GCs (spelled out there too: importing it would install it here). */
const GC_DONE = 'bench-gc-done';

/** A failure guard for every wait (a server that never answers must not hang the bench); not a measurement. */
const GUARD_MS = 180_000;

export class BenchClient {
  readonly publishes: Publish[] = [];
  private readonly waiters = new Set<() => void>();
  private exited = false;
  stderr = '';

  private constructor(readonly spec: ServerSpec, readonly proc: ChildProcess, readonly connection: ProtocolConnection) {
    proc.stderr?.on('data', (chunk: Buffer) => { this.stderr += chunk.toString(); this.notify(); });
    proc.on('exit', () => { this.exited = true; this.notify(); });
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.publishes.push({ at: performance.now(), params });
      this.notify();
    });
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onNotification('window/logMessage', () => undefined);
    connection.onError(() => undefined);
    connection.listen();
  }

  /** Spawns the server and sends initialize; returns the client and the ms from spawn to the initialize result. */
  static async start(spec: ServerSpec): Promise<{ client: BenchClient; coldStartMs: number }> {
    const t0 = performance.now();
    const proc = spawn(spec.command, spec.args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    const client = new BenchClient(spec, proc, connection);
    await client.guard(connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false }, applyEdit: true },
        textDocument: {
          publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          synchronization: { dynamicRegistration: false },
        },
      },
    }), 'initialize');
    const coldStartMs = performance.now() - t0;
    await connection.sendNotification('initialized', {});
    return { client, coldStartMs };
  }

  private notify(): void {
    for (const w of [...this.waiters]) w();
  }

  guard<T>(promise: Promise<T>, what: string): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${this.spec.name}: no answer to ${what} within ${GUARD_MS} ms`)), GUARD_MS);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
  }

  /** Resolves with the first publish from index `from` on that satisfies `check`. */
  waitForPublish(from: number, check: (p: PublishDiagnosticsParams) => boolean, what: string): Promise<Publish> {
    let next = from; // publishes before `next` were already checked
    return this.waitUntil(() => {
      for (; next < this.publishes.length; next++) if (check(this.publishes[next].params)) return this.publishes[next];
      return undefined;
    }, what);
  }

  /** Resolves when `probe` (called on every publish) returns a value. */
  waitUntil<T>(probe: () => T | undefined, what: string): Promise<T> {
    return this.guard(new Promise<T>((resolve, reject) => {
      const waiter = () => {
        const hit = probe();
        if (hit !== undefined) { this.waiters.delete(waiter); resolve(hit); }
        else if (this.exited) { this.waiters.delete(waiter); reject(new Error(`${this.spec.name} exited while waiting for ${what}\n${this.stderr}`)); }
      };
      this.waiters.add(waiter);
      waiter();
    }), what);
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version, text } });
  }

  insert(uri: string, version: number, line: number, character: number, text: string): Promise<void> {
    const at = { line, character };
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: at, end: at }, text }] });
  }

  remove(uri: string, version: number, line: number, from: number, to: number): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character: from }, end: { line, character: to } }, text: '' }],
    });
  }

  /**
   * The server's memory from /proc/PID/smaps_rollup (Linux): Rss, and its proportional split into anonymous memory
   * (V8's heap, malloc, thread stacks) and file pages (the node binary and shared libraries, shared with every other
   * node process, so their Pss is small and moves with what else runs).
   */
  memory(): ProcessMemory | undefined {
    try {
      const text = readFileSync(`/proc/${this.proc.pid}/smaps_rollup`, 'utf8');
      const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? NaN) * 1024;
      const m = { rss: kb('Rss'), pssAnon: kb('Pss_Anon'), pssFile: kb('Pss_File') };
      return Number.isFinite(m.rss) ? m : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * Two full GCs in the server, when it was started with bench/gcOnSignal.ts preloaded; resolves with V8's heap
   * figures it reports once done.
   */
  async fullGc(): Promise<V8Memory> {
    const from = this.stderr.length;
    this.proc.kill('SIGUSR2');
    const line = await this.waitUntil(() => new RegExp(`${GC_DONE} (.*)\\n`).exec(this.stderr.slice(from))?.[1], 'a full GC');
    return JSON.parse(line) as V8Memory;
  }

  async stop(): Promise<void> {
    if (this.exited) return;
    const gone = new Promise<void>((resolve) => this.proc.once('exit', () => resolve()));
    try {
      await this.guard(this.connection.sendRequest('shutdown'), 'shutdown');
      await this.connection.sendNotification('exit');
      await this.guard(gone, 'exit');
    } catch {
      this.proc.kill('SIGKILL');
      await gone;
    }
    this.connection.dispose();
  }
}
