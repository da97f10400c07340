// The Proxy Status view's pure model (client/src/status/*.ts, gathered by viewModel.ts) on recorded reports: Problems
// first, layers, Details, icons that follow findings, the last test per layer and registry with the deep result
// winning, clickable sources, welcome states, the message line, the status bar text, request errors, no secret anywhere.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ConnectivityReport, ProxyStatusReport } from '../../server/src/engine/status/report';
import {
  buildTree, countsText, describeRequestError, flatten, proxyHealthText, statusBarView, viewMessage, welcomeKey, type TreeNode, type ViewState,
} from '../../client/src/status/viewModel';
import { commandLogLines } from '../../client/src/status/detailsNode';
import { nextStepOf } from '../../client/src/status/problemsNode';
import { oneLine } from '../../client/src/status/viewText';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/status');
function load<T>(name: string): T {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, name), 'utf8')) as T;
}
const report = (name: string) => load<ProxyStatusReport>(name);
const state = (r: ProxyStatusReport | undefined, extra: Partial<ViewState> = {}): ViewState => ({ report: r, loading: false, trusted: true, ...extra });
const byId = (nodes: TreeNode[], id: string) => flatten(nodes).find((n) => n.id === id);

describe('tree from a report', () => {
  test('Problems first and open, then Docker, one closed branch per layer in the fixed order, Details last and closed', () => {
    const tree = buildTree(report('proxied.json'));
    assert.deepEqual(tree.map((n) => n.id), ['problems', 'docker', 'layer/vscode', 'layer/cli-shell', 'layer/client-config', 'layer/daemon', 'layer/builder', 'layer/build-args', 'details']);
    assert.deepEqual(tree.slice(1, -1).map((n) => n.health), ['ok', 'ok', 'error', 'ok', 'warning', 'unknown', 'ok']);
    assert.equal(tree[1].description, '26.1.5+dfsg1 · Debian GNU/Linux 13 (trixie) · context default');
    assert.equal(tree[0].expanded, true);
    assert.deepEqual(tree.slice(2, -1).map((n) => n.label), ['VS Code', 'CLI shell', 'Client config.json', 'Daemon', 'Builder', 'Build steps'], 'short layer labels; the whole title is in the tooltip');
    assert.ok(tree.slice(1).every((n) => !n.expanded), 'only Problems is open, so it fits without scrolling');
    assert.equal(tree[1].children.length, 0, 'the command log is no longer under Docker');
  });

  test('Problems: each warning/error in one short line naming its layer, the next step beside it, the rest in the tooltip', () => {
    const problems = buildTree(report('proxied.json'))[0];
    assert.equal(problems.label, 'Problems');
    assert.equal(problems.description, '1 error, 1 warning');
    assert.equal(problems.health, 'error');
    const [sv001, sv002] = problems.children;
    assert.equal(sv001.label, 'CLI shell: The daemon pulls through a proxy but…');
    assert.match(sv001.tooltip!, /but this shell has none: docker build fails/);
    assert.equal(sv001.health, 'error');
    assert.equal(sv002.label, 'Daemon: The configured HTTPS proxy differs from…');
    assert.equal(sv002.description, 'sudo systemctl restart docker');
    assert.match(sv002.tooltip!, /^SV002 \(warning\): .*restart needed\.\nNext step: sudo systemctl restart docker/);
    assert.deepEqual(sv002.open, { path: '/etc/docker/daemon.json', line: 3 });
    assert.equal(sv002.contextValue, 'problem.explainable.file', 'Open File is offered inline; no fix yet');
    assert.deepEqual(sv001.open, { path: '/etc/docker/daemon.json', line: 3 }, 'a finding without a file source opens its related file');
    for (const p of problems.children) assert.ok(p.label.length + (p.description ?? '').length <= 100, `too long for a 700 px sidebar: ${p.label}`);
    assert.equal(problems.children.some((p) => /DJ017/.test(p.id)), false, 'info is not a problem');
  });

  test('Problems: a title from the server wins over the message; a fix makes the row fixable; only our commands run', () => {
    const r = report('proxied.json');
    const layerFinding = (id: string) => r.layers.flatMap((l) => l.findings).find((f) => f.id === id)!;
    Object.assign(layerFinding('SV002'), { title: 'proxy changed, restart dockerd', fix: { command: 'dockerProxyDoctor.setup', arguments: ['daemon'] } });
    Object.assign(layerFinding('SV001'), { fix: { command: 'workbench.action.terminal.sendSequence' } });
    const [sv001, row] = buildTree(r)[0].children;
    assert.equal(row.label, 'Daemon: proxy changed, restart dockerd');
    assert.equal(row.contextValue, 'problem.explainable.file.fixable');
    assert.deepEqual(row.fix, { command: 'dockerProxyDoctor.setup', title: undefined, arguments: ['daemon'] });
    assert.equal(sv001.fix, undefined, 'a command of another extension is not run from a finding');
  });

  test('a finding without an action: the next step from its last instruction, else the explanation after its title', () => {
    assert.equal(nextStepOf('httpProxy is set but httpsProxy is not: HTTPS requests from containers will not use the proxy. Add httpsProxy.'), 'Add httpsProxy');
    assert.equal(nextStepOf('Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running? Start it (`sudo systemctl start docker`, or Docker Desktop) and refresh.'),
      'Start it (`sudo systemctl start docker`, or Docker Desktop) and refresh');
    assert.equal(nextStepOf('The httpProxy URL holds credentials: the CLI copies them into every new container.'), undefined);
    const r = report('daemon-down.json');
    const cc = r.layers.find((l) => l.id === 'client-config')!;
    cc.findings.push({ id: 'CC012', severity: 'warning', layer: 'client-config', title: 'The httpProxy URL holds credentials: the CLI copies them into every new container\'s environment.', message: 'The httpProxy URL holds credentials: the CLI copies them into every new container\'s environment.' });
    const row = buildTree(r)[0].children.find((p) => p.id.endsWith('/CC012'))!;
    assert.equal(row.label, 'config.json: The httpProxy URL holds credentials');
    assert.equal(row.description, 'the CLI copies them into every new container\'s…');
  });

  test('no problems: the node says so', () => {
    const r = report('proxied.json');
    for (const l of r.layers) l.findings = l.findings.filter((f) => f.severity === 'info');
    r.findings = r.findings.filter((f) => f.severity === 'info');
    const problems = buildTree(r)[0];
    assert.equal(problems.label, 'No problems found');
    assert.equal(problems.health, 'ok');
    assert.equal(problems.children.length, 0);
  });
  test('the Docker row names the engine the server recognised, and its tooltip says why', () => {
    const r = report('proxied.json');
    r.docker.engine = { kind: 'desktop', label: 'Docker Desktop 4.38.0', evidence: ['context desktop-linux', 'docker version: Docker Desktop 4.38.0 (181591)'] };
    const docker = buildTree(r).find((n) => n.id === 'docker')!;
    assert.equal(docker.description, '26.1.5+dfsg1 · Debian GNU/Linux 13 (trixie) · Docker Desktop 4.38.0 · context default');
    r.docker.operatingSystem = 'Docker Desktop';
    r.docker.desktop = true;
    r.docker.engine.label = 'Docker Desktop';
    assert.equal(buildTree(r).find((n) => n.id === 'docker')!.description, '26.1.5+dfsg1 · Docker Desktop · context default'); // once, not from OS, engine and flag
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

  test('icons follow findings: a value a warning points at is not green, even when the report says ok', () => {
    const r = report('proxied.json');
    const value = r.layers.find((l) => l.id === 'daemon')!.values.find((v) => v.name === 'https-proxy')!;
    assert.equal(value.health, 'ok', 'the recorded report has it green under SV002');
    const daemon = buildTree(r).find((n) => n.id === 'layer/daemon')!;
    const [winner, dropin] = daemon.children.filter((c) => c.kind === 'value');
    assert.equal(winner.health, 'warning');
    assert.match(winner.tooltip!, /A finding of this layer points at this value/);
    assert.equal(dropin.health, 'ok', 'the drop-in value (overridden, another file) is not what SV002 is about');
    // a command-sourced warning naming one variable marks that variable only; naming none marks all from that command
    r.layers.find((l) => l.id === 'builder')!.values = [
      { name: 'env.https_proxy', variable: 'https', value: 'http://127.0.0.1:3128', source: { kind: 'command', label: 'docker buildx inspect' }, health: 'ok' },
      { name: 'env.no_proxy', variable: 'no', value: 'localhost', source: { kind: 'command', label: 'docker buildx inspect' }, health: 'ok' },
    ];
    r.layers.find((l) => l.id === 'builder')!.findings.push({
      id: 'SV019', severity: 'warning', layer: 'builder', title: 'Builder https_proxy is on loopback', message: 'The builder\'s https_proxy points at 127.0.0.1, which inside the builder container is the container itself.',
      related: [{ kind: 'command', label: 'docker buildx inspect' }],
    });
    const builder = buildTree(r).find((n) => n.id === 'layer/builder')!.children.filter((c) => c.kind === 'value');
    assert.deepEqual(builder.map((v) => [v.label, v.health]), [['env.https_proxy', 'warning'], ['env.no_proxy', 'ok']]);
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

  test('Details (closed) holds the command log; a hanging command shows as "timed out after N s" with an error icon', () => {
    const r = report('proxied.json');
    const details = buildTree(r).at(-1)!;
    assert.equal(details.id, 'details');
    assert.equal(details.expanded, false);
    assert.equal(details.children.length, r.commands.length);
    const hung = details.children.find((c) => c.label === 'docker buildx inspect')!;
    assert.equal(hung.description, 'timed out after 5 s · 5001 ms');
    assert.equal(hung.health, 'error');
    assert.ok(commandLogLines(r).includes('docker buildx inspect → timed out after 5 s (5001 ms)'));
    const note = flatten(buildTree(r)).find((n) => n.kind === 'note' && /timed out after 5 s/.test(n.label));
    assert.ok(note);
  });

  test('daemon down: the Docker row says so, and it is the first problem with its next step', () => {
    const tree = buildTree(report('daemon-down.json'));
    assert.equal(tree[1].description, 'daemon not running · context default');
    assert.equal(tree[1].health, 'warning');
    assert.match(tree[1].tooltip!, /sudo systemctl start docker/);
    const first = tree[0].children[0];
    assert.equal(first.label, 'Docker: daemon not running');
    assert.equal(first.description, 'start it with `sudo systemctl start docker`');
  });

  test('findings of a layer without a branch are still shown', () => {
    const r = report('daemon-down.json');
    r.findings.push({ id: 'SV009', severity: 'error', layer: 'builder', title: 'Loopback proxy (builder)', message: 'loopback proxy in another namespace' });
    r.layers = r.layers.filter((l) => l.id !== 'builder');
    const tree = buildTree(r);
    const other = tree.find((n) => n.id === 'findings')!;
    assert.equal(other.health, 'error');
    assert.equal(other.children[0].explain?.id, 'SV009');
    assert.ok(tree[0].children.some((p) => p.label === 'Builder: Loopback proxy'));
  });

  test('the last test: one row per layer and registry, phases in the tooltip; failures are problems with their next step', () => {
    const c = load<ConnectivityReport>('connectivity.json');
    const tree = buildTree(report('proxied.json'), c);
    const probes = (layer: string) => byId(tree, `layer/${layer}`)!.children.filter((n) => n.kind === 'probe');
    const probe = (layer: string) => probes(layer)[0];
    assert.equal(probe('vscode').label, 'registry-1.docker.io: ok 412 ms');
    assert.equal(probe('vscode').health, 'ok');
    assert.equal(probe('vscode').children.length, 0, 'phases are in the tooltip, not rows');
    assert.match(probe('vscode').tooltip!, /✓ connect 40 ms CONNECT registry-1\.docker\.io:443 -> 200/);
    assert.equal(probe('daemon').health, 'error');
    assert.match(probe('daemon').description!, /407/);
    assert.equal(probe('cli-shell').icon, 'watch');
    assert.equal(probe('client-config').description, 'not probed · 127.0.0.1 inside a container is the container itself');
    assert.match(byId(tree, 'layer/daemon')!.description!, /^test: failed · /);
    assert.match(byId(tree, 'layer/vscode')!.description!, /^test: ok · /);
    assert.equal(byId(tree, 'layer/client-config')!.health, 'error', 'a failed test turns the branch red although its configuration is ok');
    assert.equal(byId(tree, 'layer/vscode')!.health, 'ok');
    assert.equal(byId(tree, 'layer/builder')!.children.some((n) => n.kind === 'probe'), false);
    // the daemon's proxy answered 407: the value naming that proxy is red, the overridden drop-in is not
    const daemonValues = byId(tree, 'layer/daemon')!.children.filter((n) => n.kind === 'value');
    assert.deepEqual(daemonValues.map((v) => v.health), ['error', 'ok', 'warning']);
    assert.match(daemonValues[0].tooltip!, /could not get through this proxy/);
    const problems = tree[0].children.filter((p) => p.id.startsWith('problems/test/'));
    assert.deepEqual(problems.map((p) => p.label), [
      'CLI shell: no answer from registry-1.docker.io',
      'config.json: cannot reach registry-1.docker.io',
      'Daemon: failed to reach registry-1.docker.io',
    ]);
    assert.equal(problems[2].description, 'put the right user and password in the…');
    assert.match(problems[2].tooltip!, /Next step: put the right user and password in the daemon's proxy URL/);
    // many registries stay one row per pair
    const many = structuredClone(c);
    for (let i = 0; i < 20; i++) many.results.push({ ...c.results[0], registry: `r${i}.example` });
    many.results.push({ ...c.results[0] });
    assert.equal(probes('vscode').length, 1);
    assert.equal(buildTree(report('proxied.json'), many).find((n) => n.id === 'layer/vscode')!.children.filter((n) => n.kind === 'probe').length, 21);
  });

  test('Verify with Docker: the deep result is shown beside the modelled one and wins where they disagree', () => {
    const c = load<ConnectivityReport>('connectivity.json');
    const modelled = c.results.find((r) => r.layer === 'daemon')!;
    const deepOk = { ...modelled, deep: true, outcome: 'ok' as const, cause: undefined, causeId: undefined, action: undefined, route: 'not-probed' as const, phases: [], durationMs: 2100, consumer: 'dockerd (docker pull)' };
    c.results.push(deepOk);
    let tree = buildTree(report('proxied.json'), c);
    const row = byId(tree, 'layer/daemon')!.children.filter((n) => n.kind === 'probe');
    assert.equal(row.length, 1, 'one row for the daemon and this registry');
    assert.equal(row[0].label, 'registry-1.docker.io: ok 2100 ms');
    assert.equal(row[0].health, 'ok');
    assert.match(row[0].description!, /^Docker: ok, model: fail/);
    assert.match(row[0].tooltip!, /disagree; Docker's result counts/);
    assert.equal(tree[0].children.some((p) => p.id === 'problems/test/daemon/registry-1.docker.io'), false, 'Docker got through: no problem');
    assert.doesNotMatch(proxyHealthText(state(report('proxied.json'), { connectivity: c })), /daemon/);
    // the other way round: the model says ok, Docker fails
    const c2 = load<ConnectivityReport>('connectivity.json');
    c2.results = c2.results.filter((r) => r.layer === 'vscode');
    c2.results.push({ ...c2.results[0], layer: 'daemon' }, { ...c2.results[0], layer: 'daemon', deep: true, outcome: 'fail', cause: 'proxyconnect tcp: dial tcp 127.0.0.1:3128: connection refused', action: 'start the proxy' });
    tree = buildTree(report('proxied.json'), c2);
    const failed = tree[0].children.find((p) => p.id === 'problems/test/daemon/registry-1.docker.io')!;
    assert.equal(failed.label, 'Daemon: failed to reach registry-1.docker.io (docker pull)');
    assert.equal(failed.description, 'start the proxy');
    assert.equal(byId(tree, 'layer/daemon')!.health, 'error');
    // a deep run that could not decide (no image to pull) leaves the modelled verdict standing
    c2.results[2] = { ...c2.results[2], outcome: 'skipped' };
    assert.equal(byId(buildTree(report('proxied.json'), c2), 'daemon/probe/registry-1.docker.io')!.health, 'ok');
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
    assert.match(probe.tooltip!, /✓ tcp 0 ms/);
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

  test('oneLine: the first sentence, else the part before its explanation, else cut at a word', () => {
    assert.equal(oneLine('Short. And more.'), 'Short');
    assert.equal(oneLine('A rather long statement of what is wrong here: and then a long explanation of why it is wrong'), 'A rather long statement of what is wrong here');
    const cut = oneLine('word '.repeat(30), 40);
    assert.ok(cut.length <= 40 && cut.endsWith('…'), cut);
    assert.equal(oneLine('http://u:secret@p:1 is wrong'), 'http://xxxxx:xxxxx@p:1 is wrong');
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
    assert.equal(viewMessage(state(report('daemon-down.json'))), undefined, 'the daemon state is the first problem, not a message line');
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

  test('the last connectivity test feeds the item: failed layers by name, the worst health wins', () => {
    const c = load<ConnectivityReport>('connectivity.json');
    const ok = report('daemon-down.json');
    ok.health = 'ok';
    ok.counts = { error: 0, warning: 0, info: 0 };
    assert.equal(proxyHealthText(state(ok, { connectivity: c })), '$(error) Proxy: test failed (3 layers)');
    c.results = c.results.filter((r) => r.layer === 'vscode' || r.layer === 'daemon');
    assert.equal(proxyHealthText(state(ok, { connectivity: c })), '$(error) Proxy: test failed (daemon)');
    assert.equal(proxyHealthText(state(report('daemon-down.json'), { connectivity: c })), '$(error) Proxy: test failed (daemon), 1 warning');
    const view = statusBarView('running', state(ok, { connectivity: c }));
    assert.equal(view.background, 'warning');
    assert.match(view.tooltip, /Last connectivity test \(2026-11-30T07:43:00\.000Z\): test failed \(daemon\)\.\n  vscode → registry-1\.docker\.io: ok\n  daemon → registry-1\.docker\.io: fail/);
    c.results = c.results.filter((r) => r.layer === 'vscode');
    assert.equal(proxyHealthText(state(ok, { connectivity: c })), '$(pass) Proxy: ok');
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
    assert.equal(describeRequestError('dockerProxy/testConnectivity', { code: -32800, message: 'cancelled' }), 'dockerProxy/testConnectivity was cancelled.');
    assert.match(describeRequestError('dockerProxy/status', new Error('Client is not running')), /not running.*Restart Language Server/);
    assert.match(describeRequestError('dockerProxy/status', new Error('EPIPE')), /^dockerProxy\/status failed: EPIPE\. See Output/);
    assert.match(describeRequestError('dockerProxy/status', 'weird'), /failed: weird/);
  });
});
