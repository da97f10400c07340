// The Proxy Status view's pure model (client/src/status/model.ts) on recorded reports: tree shape and icons, clickable
// sources, welcome states, the message line, the status bar text, request errors, and no secret anywhere.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ConnectivityReport, ProxyStatusReport } from '../../server/src/engine/status/report';
import {
  buildTree, countsText, describeRequestError, flatten, proxyHealthText, statusBarView, viewMessage, welcomeKey, type TreeNode, type ViewState,
} from '../../client/src/status/model';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/status');
function load<T>(name: string): T {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, name), 'utf8')) as T;
}
const report = (name: string) => load<ProxyStatusReport>(name);
const state = (r: ProxyStatusReport | undefined, extra: Partial<ViewState> = {}): ViewState => ({ report: r, loading: false, trusted: true, ...extra });
const byId = (nodes: TreeNode[], id: string) => flatten(nodes).find((n) => n.id === id);

describe('tree from a report', () => {
  test('Docker first, then one branch per layer in the fixed order, with the layer health', () => {
    const tree = buildTree(report('proxied.json'));
    assert.deepEqual(tree.map((n) => n.id), ['docker', 'layer/vscode', 'layer/cli-shell', 'layer/client-config', 'layer/daemon', 'layer/builder', 'layer/build-args']);
    assert.deepEqual(tree.map((n) => n.health), ['ok', 'ok', 'error', 'ok', 'warning', 'unknown', 'ok']);
    assert.equal(tree[0].description, '26.1.5+dfsg1 · Debian GNU/Linux 13 (trixie) · context default');
    // branches with problems open by themselves, healthy ones stay closed
    assert.equal(byId(tree, 'layer/cli-shell')!.expanded, true);
    assert.equal(byId(tree, 'layer/vscode')!.expanded, false);
  });
  test('the Docker row names the engine the server recognised, and its tooltip says why', () => {
    const r = report('proxied.json');
    r.docker.engine = { kind: 'desktop', label: 'Docker Desktop 4.38.0', evidence: ['context desktop-linux', 'docker version: Docker Desktop 4.38.0 (181591)'] };
    const docker = buildTree(r)[0];
    assert.equal(docker.description, '26.1.5+dfsg1 · Debian GNU/Linux 13 (trixie) · Docker Desktop 4.38.0 · context default');
    r.docker.operatingSystem = 'Docker Desktop';
    r.docker.desktop = true;
    r.docker.engine.label = 'Docker Desktop';
    assert.equal(buildTree(r)[0].description, '26.1.5+dfsg1 · Docker Desktop · context default'); // once, not from OS, engine and flag
    assert.match(docker.tooltip!, /Engine: Docker Desktop 4\.38\.0 \(context desktop-linux; docker version: Docker Desktop 4\.38\.0 \(181591\)\)/);
  });

  test('a value shows name, masked value and source; a file source is clickable at its line; overridden is marked', () => {
    const daemon = buildTree(report('proxied.json')).find((n) => n.id === 'layer/daemon')!;
    const [winner, loser, effective] = daemon.children.filter((c) => c.kind === 'value');
    assert.equal(winner.label, 'https-proxy');
    assert.equal(winner.description, 'http://xxxxx:xxxxx@proxy.corp.example:3128 · /etc/docker/daemon.json:4');
    assert.deepEqual(winner.open, { path: '/etc/docker/daemon.json', line: 3 });
    assert.equal(winner.copyText, 'http://xxxxx:xxxxx@proxy.corp.example:3128');
    assert.equal(winner.contextValue, 'value.copyable.explainable.file');
    assert.match(loser.description!, /overridden$/);
    assert.equal(loser.icon, 'circle-slash');
    assert.match(loser.tooltip!, /another source of this layer wins/);
    assert.equal(effective.open, undefined, 'a command source opens nothing');
    assert.equal(effective.contextValue, 'value.copyable.explainable');
  });

  test('findings are children of their layer with the rule id to explain and the next step in the tooltip', () => {
    const tree = buildTree(report('proxied.json'));
    const sv002 = flatten(tree).find((n) => n.kind === 'finding' && n.explain?.id === 'SV002')!;
    assert.ok(sv002.id.startsWith('daemon/'));
    assert.equal(sv002.health, 'warning');
    assert.match(sv002.tooltip!, /Next step: sudo systemctl restart docker/);
    assert.match(sv002.tooltip!, /Related: docker info/);
    assert.deepEqual(sv002.open, { path: '/etc/docker/daemon.json', line: 3 });
    const info = flatten(tree).find((n) => n.explain?.id === 'DJ017')!;
    assert.equal(info.icon, 'info');
    assert.equal(tree.some((n) => n.id === 'findings'), false, 'every finding has its layer branch');
  });

  test('a hanging command shows as the report\'s "timed out after N s" with an error icon', () => {
    const docker = buildTree(report('proxied.json'))[0];
    const hung = docker.children.find((c) => c.label === 'docker buildx inspect')!;
    assert.equal(hung.description, 'timed out after 5 s · 5001 ms');
    assert.equal(hung.health, 'error');
    const note = flatten(buildTree(report('proxied.json'))).find((n) => n.kind === 'note' && /timed out after 5 s/.test(n.label));
    assert.ok(note);
  });

  test('daemon down: the Docker node says so, is open and its tooltip carries the next step', () => {
    const docker = buildTree(report('daemon-down.json'))[0];
    assert.equal(docker.description, 'daemon not running · context default');
    assert.equal(docker.health, 'warning');
    assert.equal(docker.expanded, true);
    assert.match(docker.tooltip!, /sudo systemctl start docker/);
  });

  test('findings of a layer without a branch are still shown', () => {
    const r = report('daemon-down.json');
    r.findings.push({ id: 'SV009', severity: 'error', layer: 'builder', message: 'loopback proxy in another namespace' });
    r.layers = r.layers.filter((l) => l.id !== 'builder');
    const other = buildTree(r).find((n) => n.id === 'findings')!;
    assert.equal(other.health, 'error');
    assert.equal(other.children[0].explain?.id, 'SV009');
  });

  test('the last connectivity results appear as children of each layer with their icons', () => {
    const c = load<ConnectivityReport>('connectivity.json');
    const tree = buildTree(report('proxied.json'), c);
    const probe = (layer: string) => byId(tree, `layer/${layer}`)!.children.find((n) => n.kind === 'probe')!;
    assert.equal(probe('vscode').label, 'registry-1.docker.io: ok 412 ms');
    assert.equal(probe('vscode').health, 'ok');
    assert.equal(probe('vscode').children.length, 4, 'one child per phase');
    assert.equal(probe('daemon').health, 'error');
    assert.match(probe('daemon').description!, /407/);
    assert.equal(probe('cli-shell').icon, 'watch');
    assert.equal(probe('client-config').description, 'not probed · 127.0.0.1 inside a container is the container itself');
    assert.match(byId(tree, 'layer/daemon')!.description!, /test: failed$/);
    assert.match(byId(tree, 'layer/vscode')!.description!, /test: ok$/);
    assert.equal(byId(tree, 'layer/vscode')!.expanded, false);
    assert.equal(byId(tree, 'layer/client-config')!.expanded, true, 'a failed probe opens its layer');
    assert.equal(byId(tree, 'layer/client-config')!.health, 'error', 'and turns it red although its configuration is ok');
    assert.equal(byId(tree, 'layer/vscode')!.health, 'ok');
    assert.equal(byId(tree, 'layer/builder')!.children.some((n) => n.kind === 'probe'), false);
  });

  test('sub-millisecond durations are rounded; fields of a newer server (consumer, note, notProbed) are shown', () => {
    const c = load<ConnectivityReport>('connectivity.json') as ConnectivityReport & { notProbed: unknown };
    c.results[0].durationMs = 26.535782000002655;
    c.results[0].phases[0].durationMs = 0.4;
    Object.assign(c.results[0], { consumer: 'VS Code itself', note: 'realm auth.docker.io went through the proxy too' });
    c.notProbed = [{ layer: 'builder', reason: 'no docker-container builder' }, { layer: 'daemon', reason: 'ignored: it has a result' }];
    const tree = buildTree(report('proxied.json'), c);
    const probe = byId(tree, 'layer/vscode')!.children.find((n) => n.kind === 'probe')!;
    assert.equal(probe.label, 'registry-1.docker.io: ok 27 ms');
    assert.equal(probe.children[0].label, 'tcp 0 ms');
    assert.match(probe.tooltip!, /Consumer: VS Code itself/);
    assert.match(probe.tooltip!, /realm auth\.docker\.io went through the proxy too/);
    const skipped = byId(tree, 'builder/not-probed')!;
    assert.equal(skipped.label, 'Connectivity test: not probed (no docker-container builder)');
    assert.equal(byId(tree, 'daemon/not-probed'), undefined);
  });

  test('ids are unique (VS Code rejects duplicate TreeItem ids)', () => {
    for (const f of ['proxied.json', 'daemon-down.json', 'not-installed.json', 'secrets.json']) {
      const ids = flatten(buildTree(report(f), load('connectivity.json'))).map((n) => n.id);
      assert.equal(new Set(ids).size, ids.length, `${f}: duplicate ids`);
    }
  });

  test('no report, no tree', () => {
    assert.deepEqual(buildTree(undefined), []);
  });
});

describe('secrets never reach the view', () => {
  test('user:secret@ planted in every field of the report is masked in every label, description, tooltip, copy and explain text', () => {
    const r = report('secrets.json');
    assert.match(JSON.stringify(r), /user:secret@/, 'the fixture must plant the secret');
    const nodes = flatten(buildTree(r, load('connectivity.json')));
    assert.ok(nodes.length > 20);
    for (const n of nodes) {
      const text = JSON.stringify(n);
      assert.ok(!text.includes('secret'), `secret in node ${n.id}: ${text}`);
    }
    const s = state(r);
    for (const t of [viewMessage(s), statusBarView('running', s).tooltip, statusBarView('failed', s, 'spawn http://user:secret@x:1').tooltip]) {
      assert.ok(!String(t).includes('secret'), String(t));
    }
    assert.ok(!describeRequestError('dockerProxy/status', new Error('bad http://user:secret@p:3128')).includes('secret'));
  });
});

describe('welcome content and message line', () => {
  test('each state has its welcome key; the tree is shown (key none) whenever there is configuration', () => {
    assert.equal(welcomeKey(state(undefined, { loading: true })), 'loading');
    assert.equal(welcomeKey(state(undefined, { error: describeRequestError('dockerProxy/status', { code: -32601, message: 'Unhandled method dockerProxy/status' }) })), 'unsupported');
    assert.equal(welcomeKey(state(undefined, { error: 'boom' })), 'error');
    assert.equal(welcomeKey(state(report('not-installed.json'))), 'not-installed');
    assert.equal(welcomeKey(state(report('proxied.json'))), 'none');
    assert.equal(welcomeKey(state(report('daemon-down.json'))), 'none');
    const down = report('daemon-down.json');
    down.noConfiguration = true;
    assert.equal(welcomeKey(state(down)), 'daemon-down');
    const quiet = report('proxied.json');
    quiet.noConfiguration = true;
    assert.equal(welcomeKey(state(quiet)), 'no-config');
    assert.equal(welcomeKey(state(quiet, { trusted: false })), 'untrusted');
    assert.equal(welcomeKey(state(quiet, { connectivity: load('connectivity.json') })), 'none', 'test results are worth a tree');
  });

  test('message line: refreshing, failed refresh over an old result, untrusted, daemon state', () => {
    assert.equal(viewMessage(state(report('proxied.json'))), undefined);
    assert.equal(viewMessage(state(report('proxied.json'), { loading: true })), 'Refreshing…');
    assert.match(viewMessage(state(report('proxied.json'), { error: 'x failed' }))!, /^Refresh failed, showing the previous result: x failed/);
    assert.match(viewMessage(state(report('proxied.json'), { trusted: false }))!, /Untrusted workspace: no command was run/);
    assert.match(viewMessage(state(report('daemon-down.json')))!, /Cannot connect to the Docker daemon/);
    assert.match(viewMessage(state(report('proxied.json'), { testing: true }))!, /Testing connectivity/);
    // VS Code hides the welcome content while a view has a message, so there is none in the welcome states
    assert.equal(viewMessage(state(undefined, { error: 'boom', loading: true })), undefined);
    assert.equal(viewMessage(state(report('not-installed.json'), { loading: true })), undefined);
  });
});

describe('status bar', () => {
  test('a word plus counts next to the server state', () => {
    assert.equal(countsText({ error: 1, warning: 2, info: 5 }), '1 error, 2 warnings');
    assert.equal(countsText({ error: 0, warning: 0, info: 3 }), undefined);
    assert.equal(proxyHealthText(state(report('proxied.json'))), '$(error) Proxy: 1 error, 2 warnings');
    assert.equal(proxyHealthText(state(report('daemon-down.json'))), '$(warning) Proxy: 1 warning');
    assert.equal(proxyHealthText(state(report('not-installed.json'))), '$(question) Proxy: unknown');
    const ok = report('daemon-down.json');
    ok.health = 'ok';
    ok.counts = { error: 0, warning: 0, info: 0 };
    assert.equal(proxyHealthText(state(ok)), '$(pass) Proxy: ok');
    assert.equal(proxyHealthText(state(ok, { loading: true })), '$(sync~spin) Proxy: ok');
    assert.equal(proxyHealthText(state(undefined, { loading: true })), '$(sync~spin) Proxy: checking');
    assert.equal(proxyHealthText(state(undefined, { error: 'x' })), '$(circle-slash) Proxy: no status');
  });

  test('server states: running shows health and focuses the view; failed and stopped restart', () => {
    const running = statusBarView('running', state(report('daemon-down.json')));
    assert.equal(running.text, '$(check) Proxy Doctor · $(warning) Proxy: 1 warning');
    assert.equal(running.action, 'focus');
    assert.match(running.tooltip, /client-config: warning \(http only\)/);
    assert.equal(statusBarView('running', state(report('proxied.json'))).background, 'warning');
    const failed = statusBarView('failed', state(undefined), 'server bundle missing');
    assert.equal(failed.action, 'restart');
    assert.equal(failed.background, 'error');
    assert.match(failed.tooltip, /server bundle missing/);
    assert.equal(statusBarView('stopped', state(undefined)).action, 'restart');
    assert.equal(statusBarView('starting', state(undefined)).text, '$(sync~spin) Proxy Doctor');
    assert.match(statusBarView('running', state(undefined, { error: 'nope' })).tooltip, /Proxy status unavailable: nope/);
  });
});

describe('request errors', () => {
  test('MethodNotFound, cancellation, a stopped server and anything else become one sentence with a next step', () => {
    assert.match(describeRequestError('dockerProxy/status', { code: -32601, message: 'Unhandled method' }), /does not answer dockerProxy\/status.*Restart Language Server/);
    assert.equal(describeRequestError('dockerProxy/testConnectivity', { code: -32800, message: 'cancelled' }), 'dockerProxy/testConnectivity was cancelled.');
    assert.match(describeRequestError('dockerProxy/status', new Error('Client is not running')), /not running.*Restart Language Server/);
    assert.match(describeRequestError('dockerProxy/status', new Error('EPIPE')), /^dockerProxy\/status failed: EPIPE\. See Output/);
    assert.match(describeRequestError('dockerProxy/status', 'weird'), /failed: weird/);
  });
});
