// Real VS Code (code-server) tests of the Proxy Status view, the status bar health and the connectivity command,
// against the real language server and the prepared machine of run-in-code-server.sh (DOCKER_CONFIG with a
// config.json that has an httpProxy with the password "s3cretpw" and no httpsProxy; no dockerd running).
// The server side (`dockerProxy/status`, `dockerProxy/testConnectivity`) comes from the status and probe branches.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, SETTINGS_SECTION } from '../../../server/src/shared/protocol';
import type { ConnectivityReport } from '../../../server/src/engine/status/report';
import { flatten, type TreeNode, type ViewState, type WelcomeKey } from '../../../client/src/status/model';
import { WAIT_MS, waitFor } from './helpers';

interface DoctorApi {
  whenReady(): Promise<boolean>;
  status: {
    state(): ViewState;
    tree(): TreeNode[];
    welcome(): WelcomeKey;
    refresh(): Promise<void>;
    onDidRender: vscode.Event<TreeNode[]>;
    statusBarText(): string;
    statusBarVisible(): boolean;
    treeItem(node: TreeNode): vscode.TreeItem;
  };
  connectivity: {
    run(registries?: string[], token?: vscode.CancellationToken): Promise<ConnectivityReport | undefined>;
    reportText(): string | undefined;
  };
}

const SECRET = 's3cretpw';
const LAYERS = ['vscode', 'cli-shell', 'client-config', 'daemon', 'builder', 'build-args'];
const ICON_OF_HEALTH: Record<string, string> = { ok: 'pass', warning: 'warning', error: 'error', unknown: 'question' };

function configJson(): string {
  const dir = process.env.DOCKER_CONFIG;
  assert.ok(dir, 'run-in-code-server.sh must set DOCKER_CONFIG for the extension host');
  return path.join(dir, 'config.json');
}

function iconId(api: DoctorApi, node: TreeNode): string {
  const icon = api.status.treeItem(node).iconPath;
  assert.ok(icon instanceof vscode.ThemeIcon, `${node.id} has no ThemeIcon`);
  return icon.id;
}

function layer(api: DoctorApi, id: string): TreeNode {
  const node = api.status.tree().find((n) => n.id === `layer/${id}`);
  assert.ok(node, `no branch for layer ${id}; roots: ${api.status.tree().map((n) => n.id).join(', ')}; state: ${JSON.stringify({ error: api.status.state().error, welcome: api.status.welcome() })}`);
  return node;
}

/** A port on 127.0.0.1 that nothing listens on (bound, then closed): connections are refused, fast and for real. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

suite('Proxy Status view and connectivity test', () => {
  let api: DoctorApi;
  let original: string;

  suiteSetup(async function () {
    this.timeout(60_000);
    const ext = vscode.extensions.getExtension<DoctorApi>(EXTENSION_ID);
    assert.ok(ext);
    api = await ext.activate();
    assert.equal(await api.whenReady(), true, 'the language server did not start');
    original = fs.readFileSync(configJson(), 'utf8');
    await api.status.refresh();
  });

  suiteTeardown(() => {
    if (original !== undefined) fs.writeFileSync(configJson(), original);
  });

  test('the tree shows Docker and one branch per layer, each with its health icon', () => {
    const state = api.status.state();
    assert.ok(state.report, `no status report: ${state.error ?? '(no error either)'}`);
    assert.equal(api.status.welcome(), 'none');
    const roots = api.status.tree();
    assert.equal(roots[0].id, 'docker');
    for (const id of LAYERS) {
      const node = layer(api, id);
      assert.equal(iconId(api, node), ICON_OF_HEALTH[node.health], `${id}: icon does not match health ${node.health}`);
    }
    // No dockerd on this machine's default socket: "daemon down" (or no docker CLI at all on a bare machine).
    const docker = state.report.docker.state;
    assert.ok(docker === 'daemon-down' || docker === 'not-installed', `docker state ${docker}: ${state.report.docker.message ?? ''}`);
    assert.equal(iconId(api, roots[0]), 'warning');
    assert.ok(state.report.docker.message, 'a daemon that is down needs a next step');
  });

  test('client config: the masked httpProxy from DOCKER_CONFIG/config.json, a warning for the missing httpsProxy, click opens the file at the line', async () => {
    const cc = layer(api, 'client-config');
    assert.equal(cc.health, 'warning', `client-config is ${cc.health}: ${cc.tooltip}`);
    assert.equal(iconId(api, cc), 'warning');
    // the server may qualify the name with its entry (`default.httpProxy`)
    const value = cc.children.find((c) => c.kind === 'value' && /(^|\.)httpProxy$/.test(c.label));
    assert.ok(value, `no httpProxy value under client-config: ${cc.children.map((c) => c.label).join(' | ')}`);
    assert.match(value.description!, /proxy\.example\.test:3128/);
    assert.ok(value.open && path.resolve(value.open.path) === path.resolve(configJson()), `value source: ${JSON.stringify(value.open)}`);
    const item = api.status.treeItem(value);
    assert.equal(item.command?.command, 'dockerProxyDoctor.status.openSource');
    await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
    const editor = await waitFor(vscode.window.onDidChangeActiveTextEditor, () => {
      const e = vscode.window.activeTextEditor;
      return e && path.resolve(e.document.uri.fsPath) === path.resolve(configJson()) ? e : undefined;
    }, 'config.json to open');
    assert.equal(editor.selection.active.line, value.open!.line ?? 0);
    assert.match(editor.document.lineAt(editor.selection.active.line).text, /httpProxy/);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  test('the planted password is in no label, description, tooltip, message or status bar text', () => {
    assert.ok(original.includes(SECRET), 'the fixture must plant the password');
    const everything = [
      ...flatten(api.status.tree()).map((n) => JSON.stringify(n)),
      ...flatten(api.status.tree()).map((n) => JSON.stringify(api.status.treeItem(n))),
      JSON.stringify(api.status.state()),
      api.status.statusBarText(),
    ];
    for (const text of everything) assert.ok(!text.includes(SECRET), `password leaked: ${text.slice(0, 300)}`);
  });

  test('editing DOCKER_CONFIG/config.json refreshes the tree by itself (file watcher)', async function () {
    this.timeout(WAIT_MS * 3);
    const edited = original.replace('"noProxy"', '"httpsProxy": "http://proxyuser:s3cretpw@proxy.example.test:3128",\n      "noProxy"');
    assert.notEqual(edited, original);
    const rendered = waitFor(api.status.onDidRender, () => {
      const cc = api.status.tree().find((n) => n.id === 'layer/client-config');
      return cc?.children.find((c) => c.kind === 'value' && /(^|\.)httpsProxy$/.test(c.label));
    }, 'the tree to show httpsProxy after config.json was edited', WAIT_MS * 2);
    fs.writeFileSync(configJson(), edited);
    const https = await rendered;
    assert.ok(!JSON.stringify(https).includes(SECRET));
    assert.equal(api.status.state().loading, false);
  });

  test('editing the rootless daemon.json ($XDG_CONFIG_HOME/docker/daemon.json) refreshes the daemon branch', async function () {
    this.timeout(WAIT_MS * 3);
    // The server takes the rootless file as the daemon's only when the machine has no rootful configuration.
    const rootful = ['/etc/docker/daemon.json', '/etc/systemd/system/docker.service.d'].filter((p) => fs.existsSync(p));
    if (rootful.length) {
      console.log(`      (skipped: this machine has ${rootful.join(', ')}, so the daemon layer is not the rootless one)`);
      this.skip();
    }
    const xdg = process.env.XDG_CONFIG_HOME;
    assert.ok(xdg, 'run-in-code-server.sh sets XDG_CONFIG_HOME');
    const file = path.join(xdg, 'docker', 'daemon.json');
    const before = fs.readFileSync(file, 'utf8');
    assert.ok(!before.includes('proxy2.example.test'));
    const rendered = waitFor(api.status.onDidRender, () => {
      const daemon = api.status.tree().find((n) => n.id === 'layer/daemon');
      return daemon?.children.find((c) => c.kind === 'value' && /proxy2\.example\.test/.test(c.description ?? ''));
    }, 'the daemon branch to show proxy2.example.test after daemon.json was edited', WAIT_MS * 2);
    fs.writeFileSync(file, before.replace('"https-proxy": "http://proxy.example.test:3128"', '"https-proxy": "http://proxy2.example.test:3128"'));
    try {
      const value = await rendered;
      assert.ok(value.open && path.resolve(value.open.path) === path.resolve(file), `source: ${JSON.stringify(value.open)}`);
    } finally {
      fs.writeFileSync(file, before);
    }
  });

  test('status bar: server state plus the proxy health word and counts; the setting hides it', async () => {
    const report = api.status.state().report!;
    const text = api.status.statusBarText();
    assert.match(text, /^\$\(check\) Proxy Doctor · \$\((pass|warning|error|question)\) Proxy: /);
    const problems = report.counts.error + report.counts.warning;
    if (problems > 0) assert.match(text, /Proxy: \d+ (error|warning)/);
    else assert.match(text, /Proxy: (ok|unknown)$/);
    assert.equal(api.status.statusBarVisible(), true);
    const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
    await config.update('statusBar.enabled', false, vscode.ConfigurationTarget.Global);
    try {
      assert.equal(api.status.statusBarVisible(), false);
    } finally {
      await config.update('statusBar.enabled', undefined, vscode.ConfigurationTarget.Global);
    }
    assert.equal(api.status.statusBarVisible(), true);
  });

  test('connectivity: a refused registry port gives one failed result per probed layer, shown in the tree and in the report', async function () {
    this.timeout(120_000);
    const port = await closedPort();
    const registry = `127.0.0.1:${port}`;
    const report = await api.connectivity.run([registry]);
    assert.ok(report, 'no connectivity report (see the error notification)');
    assert.ok(report.results.length > 0, 'no layer was probed');
    for (const r of report.results) {
      assert.equal(r.registry, registry);
      assert.notEqual(r.outcome, 'ok', `${r.layer} reached a closed port?`);
      const probe = layer(api, r.layer).children.find((c) => c.kind === 'probe' && c.label.startsWith(`${registry}: ${r.outcome} `));
      assert.ok(probe, `no probe row for ${r.layer} in the tree`);
      assert.equal(iconId(api, probe), r.outcome === 'timeout' ? 'watch' : r.outcome === 'skipped' || r.outcome === 'cancelled' ? 'circle-slash' : 'error');
    }
    const text = api.connectivity.reportText();
    assert.ok(text && text.includes(registry), `report text: ${text}`);
  });

  test('connectivity: cancelling a run against a registry that never answers ends it at once, not at the probe timeout', async function () {
    // A registry that accepts connections and then says nothing: the one fault (a hang) a real registry will not
    // produce on request. The probe timeout is raised to 120 s, so only the cancellation can end the run within the
    // mocha timeout below; no timing is asserted.
    this.timeout(60_000);
    const sockets = new Set<net.Socket>();
    let connected!: () => void;
    const firstConnection = new Promise<void>((resolve) => { connected = resolve; });
    const silent = net.createServer((s) => { sockets.add(s); s.on('error', () => undefined); connected(); });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', () => resolve()));
    const registry = `127.0.0.1:${(silent.address() as net.AddressInfo).port}`;
    const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
    await config.update('connectivity.timeoutSeconds', 120, vscode.ConfigurationTarget.Global);
    const cts = new vscode.CancellationTokenSource();
    try {
      const testing = waitFor(api.status.onDidRender, () => (api.status.state().testing ? true : undefined), 'the test to start');
      const run = api.connectivity.run([registry], cts.token);
      await testing;
      // cancel once the server has the request and a probe hangs on the silent registry (127.0.0.1 is in NO_PROXY,
      // so at least the shell layer connects to it directly)
      let guard: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([
        firstConnection,
        new Promise<never>((_, reject) => { guard = setTimeout(() => reject(new Error(`no probe connected to ${registry} within ${WAIT_MS} ms`)), WAIT_MS); }),
      ]).finally(() => clearTimeout(guard));
      cts.cancel();
      assert.equal(await run, undefined, 'a cancelled run has no report');
      assert.equal(api.status.state().testing, false, 'the view no longer says "Testing connectivity…"');
    } finally {
      cts.dispose();
      await config.update('connectivity.timeoutSeconds', undefined, vscode.ConfigurationTarget.Global);
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});
