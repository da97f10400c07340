// "Docker Proxy Doctor: Set Up Proxy…" and "Undo Last Setup". Asks for the proxy (URL, user, password, NO_PROXY,
// layers), has the language server plan it on this machine's model (`dockerProxy/plan`), shows every change as a diff (one multi-file diff of
// masked texts), and on "Apply": writes the files the user may write (backups first, atomic), stages root-owned
// files, and puts the `sudo install …` / restart / builder commands in a terminal the user sees and runs. The
// password never reaches a title, a diff, the terminal line or a log: only the staged files (mode 0600) hold it.
import * as vscode from 'vscode';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import { parseDocument, type ComposeDocument } from '../../../server/src/engine/document';
import { maskCredentials } from '../../../server/src/engine/proxy/url';
import {
  planIsEmpty, proxyUrlOf, SETUP_LAYERS, hideCredentialEntries, type SetupInput, type SetupLayer, type SetupPlan,
} from '../../../server/src/engine/setup';
import { Requests, type SetupPlanParams, type SetupPlanResponse } from '../../../server/src/shared/protocol';
import type { ServerController } from '../languageClient';
import { describeRequestError } from '../status/requestErrors';
import { applyChanges, defaultStateDir, rootUndoLines, stageRootChanges, stageScript, undoLastSetup } from '../../../server/src/node/setupWriter';
import { machineParams } from '../status/viewSettings';
import { createMaskedLogChannel } from '../maskedChannel';

export const SETUP_COMMAND = 'dockerProxyDoctor.setupProxy';
export const UNDO_SETUP_COMMAND = 'dockerProxyDoctor.undoSetup';
export const SETUP_SCHEME = 'docker-proxy-doctor-setup';
export const TERMINAL_NAME = 'Docker Proxy Doctor: Setup';
const DOCKERFILE_GLOB = '{**/Dockerfile,**/Containerfile,**/*.Dockerfile,**/*.dockerfile,**/Dockerfile.*}';
const COMPOSE_GLOB = '{**/compose.yaml,**/compose.yml,**/docker-compose.yaml,**/docker-compose.yml}';
const MAX_FILES = 50;

const LAYER_LABEL: Record<SetupLayer, string> = {
  daemon: 'Daemon (dockerd: pulls, pushes)',
  'client-config': 'Client config.json (containers and RUN steps)',
  builder: 'docker-container builders (recreated)',
  dockerfiles: 'Workspace Dockerfiles (remove baked proxies)',
};

/** Everything a test (or another extension) may pass instead of answering the input boxes. */
export interface SetupCommandOptions extends Partial<SetupInput> {
  /** Apply without the confirmation dialog (tests). */
  apply?: boolean;
  /** Run the connectivity test afterwards (default: ask). */
  verify?: boolean;
}

export interface SetupRun {
  plan?: SetupPlan;
  sessionDir?: string;
  terminalText?: string;
  written: string[];
}

export class SetupCommand implements vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private channelInstance: vscode.LogOutputChannel | undefined;
  private terminal: vscode.Terminal | undefined;
  /** The last run, for tests. */
  last: SetupRun | undefined;

  /** Runs so far: each run is one session of `dockerProxy/plan` requests (one reading of the machine). */
  private runs = 0;

  constructor(private readonly server: ServerController) {}

  register(context: vscode.ExtensionContext): void {
    context.subscriptions.push(
      vscode.workspace.registerTextDocumentContentProvider(SETUP_SCHEME, {
        onDidChange: this.changed.event,
        provideTextDocumentContent: (uri) => this.texts.get(uri.toString()) ?? '',
      }),
      vscode.commands.registerCommand(SETUP_COMMAND, (opts?: unknown) => this.run(isOptions(opts) ? opts : {})),
      vscode.commands.registerCommand(UNDO_SETUP_COMMAND, () => this.undo()),
      vscode.window.onDidCloseTerminal((t) => { if (t === this.terminal) this.terminal = undefined; }),
      this,
    );
  }

  dispose(): void {
    this.changed.dispose();
    this.channelInstance?.dispose();
  }

  private get channel(): vscode.LogOutputChannel {
    this.channelInstance ??= createMaskedLogChannel('Docker Proxy Doctor: Setup');
    return this.channelInstance;
  }

  private stateDir(): string {
    return defaultStateDir(process.env, process.env.HOME ?? os.homedir());
  }

  /** The machine parameters and the workspace's files, as every plan request of one run sends them. */
  private async planParams(): Promise<SetupPlanParams> {
    const params: SetupPlanParams = { ...machineParams(), dockerfiles: [], composeServices: [], session: `${process.pid}-${++this.runs}` };
    params.commandTimeoutMs ??= 10_000;
    for (const uri of await vscode.workspace.findFiles(DOCKERFILE_GLOB, '**/node_modules/**', MAX_FILES)) {
      const text = await readText(uri);
      if (text !== undefined && /proxy/i.test(text)) params.dockerfiles!.push({ path: uri.fsPath, text });
    }
    for (const uri of await vscode.workspace.findFiles(COMPOSE_GLOB, '**/node_modules/**', MAX_FILES)) {
      const text = await readText(uri);
      if (text !== undefined) params.composeServices!.push(...(parseDocument(text, 'compose', uri.fsPath) as ComposeDocument).compose.services.map((s) => s.name));
    }
    return params;
  }

  /** Asks the server's doctor; undefined (after saying why) when the server cannot answer. */
  private async request(params: SetupPlanParams): Promise<SetupPlanResponse | undefined> {
    await this.server.ensureStarted();
    const client = this.server.current;
    try {
      if (!client || this.server.serverState !== 'running') throw new Error('the language server is not running');
      return await client.sendRequest<SetupPlanResponse>(Requests.plan, params);
    } catch (e) {
      void vscode.window.showErrorMessage(`Docker Proxy Doctor: Set Up Proxy: ${describeRequestError(Requests.plan, e)}`);
      return undefined;
    }
  }

  private async ask(defaults: SetupPlanResponse, opts: SetupCommandOptions): Promise<SetupInput | undefined> {
    const proxy = opts.proxy ?? await vscode.window.showInputBox({
      title: 'Set Up Proxy (1/5): proxy URL',
      prompt: 'The proxy every Docker layer should use, for example http://proxy.corp.example:3128 (credentials come next).',
      placeHolder: 'http://proxy.corp.example:3128',
      ignoreFocusOut: true,
      validateInput: (v) => { try { proxyUrlOf({ proxy: v }); return undefined; } catch (e) { return (e as Error).message; } },
    });
    if (!proxy) return undefined;
    const user = opts.user ?? (await vscode.window.showInputBox({ title: 'Set Up Proxy (2/5): user (optional)', prompt: 'Leave empty when the proxy needs no login.', ignoreFocusOut: true }));
    if (user === undefined) return undefined;
    let password = opts.password;
    if (user && password === undefined) {
      password = await vscode.window.showInputBox({ title: 'Set Up Proxy (3/5): password', prompt: 'Percent-encoded into the URL for you; shown nowhere.', password: true, ignoreFocusOut: true });
      if (password === undefined) return undefined;
    }
    const noProxyText = opts.noProxy?.join(',') ?? await vscode.window.showInputBox({
      title: 'Set Up Proxy (4/5): NO_PROXY',
      prompt: 'Hosts reached without the proxy (pre-filled: loopback, the daemon\'s insecure registries and mirrors, Compose service names).',
      value: defaults.noProxy.join(','),
      ignoreFocusOut: true,
    });
    if (noProxyText === undefined) return undefined;
    let layers = opts.layers;
    if (!layers) {
      const available = defaults.layers;
      const picked = await vscode.window.showQuickPick(SETUP_LAYERS.map((l) => ({ label: LAYER_LABEL[l], layer: l, picked: available.includes(l) })), { title: 'Set Up Proxy (5/5): layers', canPickMany: true, ignoreFocusOut: true });
      if (!picked || picked.length === 0) return undefined;
      layers = picked.map((p) => p.layer);
    }
    return { proxy, user: user || undefined, password: user ? password || undefined : undefined, noProxy: noProxyText.split(',').map((s) => s.trim()).filter(Boolean), layers, containerProxy: opts.containerProxy, caFile: opts.caFile };
  }

  /** One multi-file diff of the masked texts (`vscode.changes`). */
  private async preview(plan: SetupPlan): Promise<void> {
    const resources: Array<[vscode.Uri, vscode.Uri, vscode.Uri]> = [];
    plan.changes.forEach((c, i) => {
      const show = (text: string) => maskCredentials(c.layer === 'client-config' ? hideCredentialEntries(text) : text);
      const before = vscode.Uri.from({ scheme: SETUP_SCHEME, path: c.path, query: `before-${i}` });
      const after = vscode.Uri.from({ scheme: SETUP_SCHEME, path: c.path, query: `after-${i}` });
      this.texts.set(before.toString(), c.before === undefined ? '' : show(c.before));
      this.texts.set(after.toString(), show(c.after));
      this.changed.fire(before);
      this.changed.fire(after);
      resources.push([vscode.Uri.file(c.path), before, after]);
    });
    if (resources.length) await vscode.commands.executeCommand('vscode.changes', `Set Up Proxy: ${resources.length} file change(s)`, resources);
  }

  private log(plan: SetupPlan): void {
    const ch = this.channel;
    ch.info(`Set Up Proxy: ${plan.proxy}; NO_PROXY ${plan.noProxy.join(',')}; layers ${plan.layers.join(', ')}`);
    for (const c of plan.changes) ch.info(`[${c.layer}] ${c.title}`);
    for (const c of plan.commands) ch.info(`[${c.layer}] then: ${c.display}`);
    for (const n of plan.notes) (n.severity === 'warning' ? ch.warn : ch.info).call(ch, `[${n.layer}] ${n.text}`);
    for (const b of plan.blocked) ch.warn(`[${b.layer}] not changed: ${b.reason}`);
  }

  async run(opts: SetupCommandOptions = {}): Promise<SetupRun> {
    const result: SetupRun = { written: [] };
    this.last = result;
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage('Set Up Proxy runs docker and writes Docker\'s configuration: trust this workspace first.');
      return result;
    }
    const params = await this.planParams();
    const defaults = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Docker Proxy Doctor: reading this machine' }, () => this.request(params));
    if (!defaults) return result;
    const input = await this.ask(defaults, opts);
    if (!input) return result;
    const answer = await this.request({ ...params, input });
    if (!answer) return result;
    if (!answer.plan) { void vscode.window.showErrorMessage(`Set Up Proxy: ${answer.error ?? 'no plan'}`); return result; }
    const plan: SetupPlan = answer.plan;
    result.plan = plan;
    this.log(plan);
    if (planIsEmpty(plan)) {
      const blocked = plan.blocked.map((b) => b.reason).join(' ');
      void vscode.window.showInformationMessage(`Nothing to change: every layer asked for already has this proxy.${blocked ? ` ${blocked}` : ''}`);
      return result;
    }
    await this.preview(plan);
    const rootCount = plan.changes.filter((c) => c.owner === 'root').length;
    const warnings = plan.notes.filter((n) => n.severity === 'warning').map((n) => n.text);
    if (!opts.apply) {
      const answer = await vscode.window.showWarningMessage(
        `Apply ${plan.changes.length} change(s)? Files you may write are written now (a backup of each first)` +
          `${rootCount || plan.commands.length ? '; root-owned files, restarts and builder commands go to a terminal for you to run' : ''}.`,
        { modal: true, detail: [...warnings, ...plan.blocked.map((b) => `Not changed: ${b.reason}`)].join('\n\n') || undefined },
        'Apply',
      );
      if (answer !== 'Apply') return result;
    }
    const userChanges = plan.changes.filter((c) => c.owner === 'user');
    const rootChanges = plan.changes.filter((c) => c.owner === 'root');
    const applied = await applyChanges(userChanges, { stateDir: this.stateDir() }, plan.commands.flatMap((c) => c.undo ?? []));
    result.sessionDir = applied.sessionDir;
    result.written = applied.written.map((w) => w.path);
    const staged = await stageRootChanges(applied.sessionDir, rootChanges);
    const lines = [...staged.install];
    const secretCommands = plan.commands.filter((c) => c.secret);
    for (const c of plan.commands) {
      if (c.secret) continue;
      lines.push(c.root && !c.display.startsWith('sudo ') ? `sudo ${c.display}` : c.display);
    }
    if (secretCommands.length) lines.push(`sh ${await stageScript(applied.sessionDir, 'builder.sh', secretCommands.map((c) => c.argv))}`);
    for (const w of applied.written) this.channel.info(`wrote ${w.path}${w.backup ? ` (backup: ${w.backup})` : ''}`);
    if (lines.length) {
      result.terminalText = lines.join(' && ');
      this.terminal ??= vscode.window.createTerminal({ name: TERMINAL_NAME });
      this.terminal.show();
      // Not executed: the user reads it and presses Enter (sudo asks for their password there).
      this.terminal.sendText(result.terminalText, false);
    }
    const message = `Set Up Proxy: wrote ${applied.written.length} file(s)${lines.length ? '; run the command in the terminal to finish' : ''}. Undo with "Docker Proxy Doctor: Undo Last Setup".`;
    if (opts.verify === false) void vscode.window.showInformationMessage(message);
    else if (opts.verify === true) await vscode.commands.executeCommand('dockerProxyDoctor.testConnectivity');
    else void vscode.window.showInformationMessage(message, 'Test Connectivity').then((a) => { if (a) void vscode.commands.executeCommand('dockerProxyDoctor.testConnectivity'); });
    void vscode.commands.executeCommand('dockerProxyDoctor.status.refresh');
    return result;
  }

  async undo(): Promise<{ restored: string[]; removed: string[]; terminalText?: string } | undefined> {
    const result = await undoLastSetup({ stateDir: this.stateDir() });
    if (!result) { void vscode.window.showInformationMessage('Nothing to undo: no setup run found.'); return undefined; }
    const lines = await rootUndoLines(result.sessionDir);
    if (result.undoCommands.length) lines.push(`sh ${await stageScript(result.sessionDir, 'undo-builder.sh', result.undoCommands)}`);
    let terminalText: string | undefined;
    if (lines.length) {
      terminalText = lines.join(' && ');
      this.terminal ??= vscode.window.createTerminal({ name: TERMINAL_NAME });
      this.terminal.show();
      this.terminal.sendText(terminalText, false);
    }
    void vscode.window.showInformationMessage(`Undo Last Setup: restored ${result.restored.length} file(s), removed ${result.removed.length}${lines.length ? '; run the command in the terminal for root-owned files and builders' : ''}.`);
    void vscode.commands.executeCommand('dockerProxyDoctor.status.refresh');
    return { restored: result.restored, removed: result.removed, terminalText };
  }
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    const stat = await fs.stat(uri.fsPath);
    return stat.size > 2 * 1024 * 1024 ? undefined : await fs.readFile(uri.fsPath, 'utf8');
  } catch {
    return undefined;
  }
}

function isOptions(value: unknown): value is SetupCommandOptions {
  return typeof value === 'object' && value !== null && !(value instanceof vscode.Uri);
}
