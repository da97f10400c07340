// Holds the Proxy Status view's state and keeps it fresh: asks the server (`dockerProxy/status`) on start, on demand,
// when a watched Docker file changes, when settings or trust change; debounced, newest request wins. A request that
// never answers is cut off by a guard deadline, and the previous report stays on screen meanwhile.
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Requests, SETTINGS_SECTION } from '../../../server/src/shared/protocol';
import type { ConnectivityReport, ProxyStatusReport } from '../../../server/src/engine/status/report';
import type { ServerController } from '../languageClient';
import { commandLogLines } from './detailsNode';
import { describeRequestError } from './requestErrors';
import type { ViewState } from './viewState';
import { machineParams } from './viewSettings';

export const REFRESH_DEBOUNCE_MS = 300;

/** Directories and file patterns whose change alters some layer (facts §1, §3, §9). */
export function watchedLocations(env: NodeJS.ProcessEnv = process.env, home = os.homedir()): Array<{ dir: string; pattern: string }> {
  const xdgConfig = env.XDG_CONFIG_HOME || path.join(home, '.config');
  const list = [
    { dir: env.DOCKER_CONFIG || path.join(home, '.docker'), pattern: 'config.json' },
    { dir: '/etc/docker', pattern: 'daemon.json' },
    { dir: path.join(xdgConfig, 'docker'), pattern: 'daemon.json' }, // rootless
    { dir: path.join(home, '.docker'), pattern: 'daemon.json' }, // Docker Desktop's engine configuration
    { dir: '/etc/systemd/system/docker.service.d', pattern: '*.conf' },
    { dir: path.join(xdgConfig, 'systemd', 'user', 'docker.service.d'), pattern: '*.conf' },
  ];
  const seen = new Set<string>();
  return list.filter((l) => {
    const key = `${l.dir}\0${l.pattern}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

export class StatusService implements vscode.Disposable {
  private current: ViewState = { loading: false, trusted: vscode.workspace.isTrusted };
  private readonly changed = new vscode.EventEmitter<ViewState>();
  readonly onDidChange = this.changed.event;
  private readonly subs: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: vscode.CancellationTokenSource | undefined;
  private generation = 0;
  private pending: Promise<void> = Promise.resolve();
  private lastOutcomes: string | undefined;

  constructor(
    private readonly server: ServerController,
    private readonly output: vscode.LogOutputChannel,
    private readonly debounceMs = REFRESH_DEBOUNCE_MS,
  ) {
    for (const { dir, pattern } of watchedLocations()) {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(dir), pattern));
      const on = (uri: vscode.Uri) => this.schedule(`changed: ${uri.fsPath}`);
      this.subs.push(watcher, watcher.onDidChange(on), watcher.onDidCreate(on), watcher.onDidDelete(on));
    }
    this.subs.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        const relevant = ['dockerPath', 'systemctlPath', 'commandTimeoutSeconds', 'rules'].some((k) => e.affectsConfiguration(`${SETTINGS_SECTION}.${k}`));
        if (relevant || e.affectsConfiguration('http.proxy') || e.affectsConfiguration('http.noProxy') || e.affectsConfiguration('http.proxyStrictSSL')) {
          this.schedule('settings changed');
        }
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.schedule('workspace trusted')),
      server.onDidChangeState((s) => {
        if (s === 'running') this.schedule('language server running');
        else if (s === 'failed' || s === 'stopped') this.update({ loading: false });
      }),
    );
  }

  get state(): ViewState {
    return this.current;
  }

  private update(patch: Partial<ViewState>): void {
    this.current = { ...this.current, ...patch };
    this.changed.fire(this.current);
  }

  /** Debounced refresh: a burst of file events gives one request. */
  schedule(reason: string): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh(reason);
    }, this.debounceMs);
  }

  /** Asks the server now; resolves when this request (or a newer one that replaced it) has settled. */
  refresh(reason = 'manual'): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    this.pending = this.fetch(reason);
    return this.pending;
  }

  /** The newest refresh, settled (tests and the connectivity command wait on it). */
  whenSettled(): Promise<void> {
    return this.pending;
  }

  setConnectivity(report: ConnectivityReport | undefined, testing = false): void {
    this.update({ connectivity: report ?? this.current.connectivity, testing });
  }

  private async fetch(reason: string): Promise<void> {
    if (!this.server.hasStarted) {
      // The server starts lazily; the state listener refreshes once it runs.
      void this.server.ensureStarted();
      this.update({ loading: true });
      return;
    }
    const client = this.server.current;
    if (!client || this.server.serverState !== 'running') {
      // Starting: the state listener refreshes once it runs. Failed or stopped: say so in the view.
      if (this.server.serverState === 'starting') this.update({ loading: true });
      else this.update({ loading: false, error: describeRequestError(Requests.status, new Error('the language server is not running')) });
      return;
    }
    this.inFlight?.cancel();
    const cts = new vscode.CancellationTokenSource();
    this.inFlight = cts;
    const mine = ++this.generation;
    const params = machineParams();
    this.update({ loading: true, trusted: params.trusted ?? true });
    this.output.debug(`proxy status: refresh (${reason})`);
    // Guard only against a server that never answers: every command it runs has its own timeout, in parallel.
    const guardMs = (params.commandTimeoutMs ?? 10_000) * 3 + 15_000;
    let guard: ReturnType<typeof setTimeout> | undefined;
    try {
      const report = await Promise.race([
        client.sendRequest<ProxyStatusReport>(Requests.status, params, cts.token),
        new Promise<never>((_, reject) => {
          guard = setTimeout(() => reject(new Error(`no answer after ${Math.round(guardMs / 1000)} s`)), guardMs);
        }),
      ]);
      if (mine !== this.generation) return;
      if (!report || !Array.isArray(report.layers)) throw new Error('the server sent no report');
      this.update({ report, error: undefined, loading: false });
      // The command log lives here (one line) and under the view's collapsed Details node, not at the top of the view;
      // a refresh whose commands ended as before logs at debug level only, so the channel is not flooded.
      const commands = commandLogLines(report).join('; ');
      const line = `proxy status (${reason}): ${report.health}, docker ${report.docker?.state}; ${commands || 'no command run'}`;
      const outcomes = report.commands.map((c) => `${c.command}\0${c.outcome}`).join('\n');
      if (outcomes !== this.lastOutcomes) this.output.info(line);
      else this.output.debug(line);
      this.lastOutcomes = outcomes;
    } catch (e) {
      if (mine !== this.generation) return;
      const error = describeRequestError(Requests.status, e);
      this.output.warn(`proxy status: ${error}`);
      this.update({ error, loading: false });
    } finally {
      if (guard) clearTimeout(guard);
      cts.dispose();
      if (this.inFlight === cts) this.inFlight = undefined;
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.inFlight?.cancel();
    for (const s of this.subs) s.dispose();
    this.changed.dispose();
  }
}
