// Real VS Code (code-server) tests of the Proxy Status view (Problems first, each with its next step and inline Open
// File; layers; Details collapsed; icons that follow findings), the status bar health (the last test included), the
// connectivity command and Verify with Docker, against the real language server and the prepared machine of
// run-in-code-server.sh (DOCKER_CONFIG with a config.json that has an httpProxy with the password "s3cretpw" and no
// httpsProxy; no dockerd running).
// The server side (`dockerProxy/status`, `dockerProxy/testConnectivity`) comes from the status and probe branches.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, SETTINGS_SECTION } from '../../../server/src/shared/protocol';
import type { ConnectivityReport } from '../../../server/src/engine/status/report';
import { flatten, probeHealth, type TreeNode, type ViewState, type WelcomeKey } from '../../../client/src/status/viewModel';
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
    run(registries?: string[], token?: vscode.CancellationToken, deep?: boolean): Promise<ConnectivityReport | undefined>;
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

/** The view's inline/context menu entries from the manifest, matched against a row the way VS Code's `when` does. */
function menuCommandsFor(node: TreeNode, group: RegExp): string[] {
  const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
  const items = ext.packageJSON.contributes.menus['view/item/context'] as Array<{ command: string; when: string; group?: string }>;
  return items.filter((i) => group.test(i.group ?? '')).filter((i) => {
    const re = /viewItem =~ \/(.+)\/$/.exec(i.when);
    return !!re && new RegExp(re[1]).test(node.contextValue);
  }).map((i) => i.command);
}

function problems(api: DoctorApi): TreeNode {
  const node = api.status.tree()[0];
  assert.equal(node?.id, 'problems', `the view must open with Problems; roots: ${api.status.tree().map((n) => n.id).join(', ')}`);
  return node;
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

  test('the tree opens with Problems (expanded), then Docker and one closed branch per layer with its health icon, then Details (collapsed)', () => {
    const state = api.status.state();
    assert.ok(state.report, `no status report: ${state.error ?? '(no error either)'}`);
    assert.equal(api.status.welcome(), 'none');
    const roots = api.status.tree();
    assert.deepEqual(roots.map((n) => n.id), ['problems', 'docker', ...LAYERS.map((l) => `layer/${l}`), 'details']);
    assert.equal(api.status.treeItem(roots[0]).collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
    for (const id of LAYERS) {
      const node = layer(api, id);
      assert.equal(iconId(api, node), ICON_OF_HEALTH[node.health], `${id}: icon does not match health ${node.health}`);
      assert.notEqual(api.status.treeItem(node).collapsibleState, vscode.TreeItemCollapsibleState.Expanded, `${id} is open`);
    }
    // No dockerd on this machine's default socket: "daemon down" (or no docker CLI at all on a bare machine).
    const docker = state.report.docker.state;
    assert.ok(docker === 'daemon-down' || docker === 'not-installed', `docker state ${docker}: ${state.report.docker.message ?? ''}`);
    assert.equal(iconId(api, roots[1]), 'warning');
    assert.equal(roots[1].children.length, 0, 'the command log is not under Docker any more');
    const details = roots.at(-1)!;
    assert.equal(api.status.treeItem(details).collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    assert.equal(details.children.length, state.report.commands.length);
    assert.ok(details.children.every((c) => c.kind === 'command'));
  });

  test('Problems: each problem in one short line naming its layer, with its next step beside it; Open File inline opens the file at the line', async () => {
    const report = api.status.state().report!;
    const node = problems(api);
    assert.equal(node.label, 'Problems');
    const rows = node.children;
    // the daemon is down, and config.json has httpProxy without httpsProxy (CC008)
    const docker = rows[0];
    assert.match(docker.label, /^Docker: (daemon not running|not installed)$/);
    assert.ok(docker.description, 'the Docker problem needs its next step');
    const cc008 = rows.find((r) => /\/client-config\/CC008$/.test(r.id));
    assert.ok(cc008, `no CC008 problem: ${rows.map((r) => r.label).join(' | ')}`);
    assert.match(cc008.label, /^config\.json: httpProxy is set but httpsProxy is not/);
    assert.equal(cc008.description, 'Add httpsProxy');
    const expected = report.findings.filter((f) => f.severity !== 'info').length + 1;
    assert.equal(rows.length, expected, `one row per warning/error finding plus Docker: ${rows.map((r) => r.label).join(' | ')}`);
    for (const row of rows) {
      assert.ok(row.label.length + (row.description ?? "").length <= 100, `too long for a 700 px sidebar: ${row.label} · ${row.description}`);
      assert.ok(row.description, `no description (next step) on ${row.label}: ${row.description}`);
      assert.ok(row.tooltip && row.tooltip.length > row.label.length, `no tooltip with the whole story on ${row.label}`);
      assert.equal(iconId(api, row), ICON_OF_HEALTH[row.health]);
      if (row.open) assert.ok(menuCommandsFor(row, /^inline/).includes('dockerProxyDoctor.status.openSource'), `no inline Open File on ${row.label}`);
      assert.equal(menuCommandsFor(row, /^inline/).includes('dockerProxyDoctor.status.fix'), !!row.fix, `Fix is inline exactly when the finding carries a fix: ${row.label}`);
    }
    assert.ok(cc008.open && path.resolve(cc008.open.path) === path.resolve(configJson()), `CC008 opens ${JSON.stringify(cc008.open)}`);
    const opened = waitFor(vscode.window.onDidChangeActiveTextEditor, () => {
      const e = vscode.window.activeTextEditor;
      return e && path.resolve(e.document.uri.fsPath) === path.resolve(configJson()) ? e : undefined;
    }, 'config.json to open from the Problems row');
    assert.equal(await vscode.commands.executeCommand('dockerProxyDoctor.status.openSource', cc008), true);
    const editor = await opened;
    assert.equal(editor.selection.active.line, cc008.open.line ?? 0);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  test('icons follow findings: no value is green under a warning or error of its layer that points at its line', () => {
    const report = api.status.state().report!;
    let checked = 0;
    for (const l of report.layers) {
      const branch = layer(api, l.id);
      for (const v of l.values) {
        if (!v.source.path || v.overridden) continue;
        const about = l.findings.filter((f) => f.severity !== 'info' && [f.source, ...(f.related ?? [])]
          .some((s) => s?.path === v.source.path && s?.line !== undefined && s.line === v.source.line));
        if (!about.length) continue;
        const row = branch.children.find((c) => c.kind === 'value' && c.open?.path === v.source.path && c.open?.line === v.source.line);
        assert.ok(row, `no row for ${v.name}`);
        assert.notEqual(iconId(api, row), 'pass', `${v.name} is green under ${about.map((f) => f.id).join(', ')}`);
        checked++;
      }
    }
    // CC012 (credentials in httpProxy) points at the httpProxy line of config.json
    assert.ok(checked > 0, 'the prepared machine has a warning on a value line (CC012 on httpProxy); none was found');
  });

  test('client config: the masked httpProxy from DOCKER_CONFIG/config.json, a warning for the missing httpsProxy, click opens the file at the line', async () => {
    const cc = layer(api, 'client-config');
    // proxy.example.test resolves nowhere here: the refresh's reachability check (SV030) turns the layer red, and
    // the missing httpsProxy is a warning beside it.
    assert.equal(cc.health, 'error', `client-config is ${cc.health}: ${cc.tooltip}`);
    assert.equal(iconId(api, cc), 'error');
    const ids = (api.status.state().report?.findings ?? []).filter((f) => f.layer === 'client-config').map((f) => f.id);
    assert.ok(ids.includes('SV030') && ids.includes('CC008'), `client-config findings: ${ids.join(', ')}`);
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
      const rows = layer(api, r.layer).children.filter((c) => c.kind === 'probe');
      assert.equal(rows.length, 1, `one row per layer and registry under ${r.layer}`);
      assert.ok(rows[0].label.startsWith(`${registry}: ${r.outcome} `), `probe row for ${r.layer}: ${rows[0].label}`);
      assert.equal(rows[0].children.length, 0, 'phases are in the tooltip');
      assert.equal(iconId(api, rows[0]), r.outcome === 'timeout' ? 'watch' : r.outcome === 'skipped' || r.outcome === 'cancelled' ? 'circle-slash' : 'error');
      if (probeHealth(r.outcome) === 'error') {
        const problem = problems(api).children.find((p) => p.id === `problems/test/${r.layer}/${registry}`);
        assert.ok(problem, `the failed ${r.layer} result is not among the Problems`);
        assert.ok(problem.label.includes(registry) && problem.description, `${problem.label} · ${problem.description}`);
      }
    }
    const text = api.connectivity.reportText();
    assert.ok(text && text.includes(registry), `report text: ${text}`);
    assert.match(api.status.statusBarText(), /Proxy: test failed \(/, 'the last test feeds the status bar item');
  });

  test('Verify with Docker: a deep run shows Docker\'s own result in the same daemon row, and it decides the row\'s icon', async function () {
    this.timeout(180_000);
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('dockerProxyDoctor.verifyWithDocker'), 'Verify with Docker is not registered');
    const title = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.menus['view/title'] as Array<{ command: string }>;
    assert.ok(title.some((t) => t.command === 'dockerProxyDoctor.verifyWithDocker'), 'Verify with Docker is not in the view title');
    const registry = `127.0.0.1:${await closedPort()}`;
    const report = await api.connectivity.run([registry], undefined, true);
    assert.ok(report, 'no report from the deep run');
    const deep = report.results.find((r) => r.deep && r.registry === registry);
    const skipped = report.notProbed?.find((n) => n.layer === 'daemon');
    assert.ok(deep || skipped, `the deep run neither ran docker pull nor said why not: ${JSON.stringify(report.results.map((r) => [r.layer, r.deep, r.outcome]))}`);
    const rows = layer(api, 'daemon').children.filter((c) => c.kind === 'probe');
    assert.ok(rows.length <= 1, 'the deep and the modelled result share one row');
    if (deep) {
      assert.equal(rows.length, 1);
      assert.match(rows[0].tooltip!, /docker pull/);
      const verdict = ['ok', 'fail', 'timeout', 'unreachable'].includes(deep.outcome);
      if (verdict) assert.equal(rows[0].health, probeHealth(deep.outcome), 'Docker\'s own verdict decides the row');
    }
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
