// The probe engine without a network: route decisions per consumer, registry names, layers that are not probed,
// the timeout with a fake clock, the deep test and the gatherer over fixture machines, and the report text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  DialError, decideRoute, formatConnectivityReport, probeInputsFromModel, parseRegistry, probeLayer, runConnectivityTest,
  type Clock, type Dialer, type LayerProxyInput,
} from '../../server/src/engine/probe';
import type { ExecResult, Machine } from '../../server/src/engine/machine';
import { computeStatusModel } from '../../server/src/engine/status';
import { CMD, dockerCommands, fixtureMachine as statusMachine, recording } from './status-fixture';

const layer = (env: Record<string, string>, extra: Partial<LayerProxyInput> = {}): LayerProxyInput =>
  ({ layer: 'cli-shell', consumerLabel: 'test', env, consumer: 'go', namespace: 'host', source: 'test', ...extra });

test('Go: HTTPS_PROXY only, upper case wins, no ALL_PROXY, no HTTP_PROXY fallback, loopback always direct', () => {
  assert.match(decideRoute(layer({ HTTP_PROXY: 'http://p:3128' }), 'registry-1.docker.io', 443).reason, /HTTP_PROXY is set, but Go never uses it for https/);
  assert.equal(decideRoute(layer({ ALL_PROXY: 'http://p:3128' }), 'registry-1.docker.io', 443).route, 'direct');
  const both = decideRoute(layer({ HTTPS_PROXY: 'http://upper:1', https_proxy: 'http://lower:2' }), 'r.example', 443);
  assert.equal(both.proxy?.host, 'upper');
  assert.equal(decideRoute(layer({ HTTPS_PROXY: 'http://p:1' }), '127.0.0.1', 5000).route, 'direct');
  assert.equal(decideRoute(layer({ HTTPS_PROXY: 'http://p:1' }), 'localhost', 5000).route, 'direct');
  assert.equal(decideRoute(layer({ HTTPS_PROXY: 'p.corp:3128' }), 'r.example', 443).proxy?.scheme, 'http');
  assert.equal(decideRoute(layer({ HTTPS_PROXY: 'socks5://p:1080' }), 'r.example', 443).proxy?.scheme, 'socks5');
});

test('curl: lower case wins and ALL_PROXY counts; NO_PROXY with a leading dot matches the apex', () => {
  const env = { HTTPS_PROXY: 'http://upper:1', https_proxy: 'http://lower:2', NO_PROXY: '.example.com' };
  assert.equal(decideRoute(layer(env, { consumer: 'curl' }), 'r.corp', 443).proxy?.host, 'lower');
  assert.equal(decideRoute(layer({ ALL_PROXY: 'http://all:3' }, { consumer: 'curl' }), 'r.corp', 443).proxy?.host, 'all');
  assert.equal(decideRoute(layer(env, { consumer: 'curl' }), 'example.com', 443).route, 'direct');
  assert.equal(decideRoute(layer(env), 'example.com', 443).route, 'proxy');
});

test('an unparsable proxy value: Go ignores it and goes direct; credentials are decoded for the header but masked in words', () => {
  const bad = decideRoute(layer({ HTTPS_PROXY: 'http://bob:pa ss@p:3128' }), 'r.example', 443);
  assert.equal(bad.route, 'direct');
  assert.ok(bad.unusable);
  assert.ok(!bad.reason.includes('pa ss'));
  const good = decideRoute(layer({ HTTPS_PROXY: 'http://bob:p%40ss@p:3128' }), 'r.example', 443);
  assert.equal(good.proxy?.password, 'p@ss');
  assert.ok(!good.reason.includes('p%40ss') && !good.reason.includes('bob'));
});

test('registry names', () => {
  assert.deepEqual(parseRegistry('docker.io'), { name: 'registry-1.docker.io', host: 'registry-1.docker.io', port: 443 });
  assert.deepEqual(parseRegistry('Registry.Corp:5000'), { name: 'registry.corp:5000', host: 'registry.corp', port: 5000 });
  assert.deepEqual(parseRegistry('https://ghcr.io/v2/'), { name: 'ghcr.io', host: 'ghcr.io', port: 443 });
  assert.equal(typeof parseRegistry('http://insecure:5000'), 'string');
  assert.equal(typeof parseRegistry('a b'), 'string');
  assert.equal(typeof parseRegistry('host:99999'), 'string');
});

/** A clock that moves only when told to. */
function fakeClock(): Clock & { advance(ms: number): void; pending(): number } {
  let t = 0;
  let timers: Array<{ at: number; fn: () => void }> = [];
  return {
    now: () => t,
    setTimer(ms, fn) {
      const entry = { at: t + ms, fn };
      timers.push(entry);
      return () => { timers = timers.filter((x) => x !== entry); };
    },
    advance(ms) {
      t += ms;
      const due = timers.filter((x) => x.at <= t);
      timers = timers.filter((x) => x.at > t);
      for (const x of due) x.fn();
    },
    pending: () => timers.length,
  };
}

const noNetwork: Dialer = {
  resolve: () => Promise.reject(new Error('no network in this test')),
  connect: () => Promise.reject(new Error('no network in this test')),
};

test('a connection that never completes: the probe times out at the timeout of the injected clock, and the dialer is told', async () => {
  const clock = fakeClock();
  let abortedInDialer = false;
  let connecting: () => void = () => undefined;
  const connectStarted = new Promise<void>((r) => { connecting = r; });
  const dialer: Dialer = {
    resolve: async () => ['10.9.9.9'],
    connect: (_a, _p, { signal }) => new Promise((_, reject) => {
      connecting();
      signal.addEventListener('abort', () => { abortedInDialer = true; reject(new DialError('aborted', 'aborted')); });
    }),
  };
  const pending = probeLayer(layer({ HTTPS_PROXY: 'http://proxy.corp:3128' }), { name: 'r.example', host: 'r.example', port: 443 }, { dialer, clock, timeoutMs: 5_000 });
  await connectStarted;
  clock.advance(4_999);
  assert.equal(abortedInDialer, false);
  clock.advance(1);
  const r = await pending;
  assert.equal(r.outcome, 'timeout');
  assert.equal(r.causeId, 'proxy-timeout');
  assert.equal(r.durationMs, 5_000);
  assert.ok(abortedInDialer);
  assert.equal(clock.pending(), 0);
  assert.deepEqual(r.phases.map((p) => [p.name, p.ok]), [['dns', true], ['tcp', false]]);
  assert.match(r.phases[1].detail, /no answer within 5 s/);
});

test('Docker Desktop daemon, SOCKS proxy and loopback proxy in a container: reported without touching the network', async () => {
  const clock = fakeClock();
  const hub = { name: 'registry-1.docker.io', host: 'registry-1.docker.io', port: 443 };
  const desktop = await probeLayer(layer({ HTTPS_PROXY: 'http://http.docker.internal:3128' }, { layer: 'daemon', desktop: true, namespace: 'vm' }), hub, { dialer: noNetwork, clock, timeoutMs: 5_000 });
  assert.equal(desktop.outcome, 'skipped');
  assert.match(desktop.note ?? '', /only Docker can test/);
  const socks = await probeLayer(layer({ HTTPS_PROXY: 'socks5://p:1080' }), hub, { dialer: noNetwork, clock, timeoutMs: 5_000 });
  assert.equal(socks.causeId, 'proxy-scheme-not-probed');
  const loop = await probeLayer(layer({ HTTPS_PROXY: 'http://localhost:3128' }, { layer: 'client-config', namespace: 'container', consumer: 'curl' }), hub, { dialer: noNetwork, clock, timeoutMs: 5_000 });
  assert.equal(loop.outcome, 'unreachable');
  assert.equal(loop.route, 'not-probed');
});

function fixtureMachine(files: Record<string, string>, env: Record<string, string>, exec: (file: string, args: readonly string[]) => ExecResult, calls: string[][] = []): Machine {
  return {
    env, platform: 'linux', homeDir: '/home/u',
    readFile: async (p) => files[p],
    readDir: async () => undefined,
    exec: async (file, args) => { calls.push([file, ...args]); return exec(file, args); },
    now: () => 0,
  };
}

test('deep test: docker pull with a timeout; its error output is explained by the catalog, masked', async () => {
  const calls: string[][] = [];
  const machine = fixtureMachine({}, {}, () => ({ exitCode: 1, stdout: '', stderr: 'Error response from daemon: Get "https://registry-1.docker.io/v2/": Proxy Authentication Required (proxy http://bob:hunter2@p:3128)', durationMs: 30 }), calls);
  const report = await runConnectivityTest({ layers: [], dialer: noNetwork, clock: fakeClock(), deep: { machine, dockerPath: '/usr/bin/docker' }, generatedAt: 't' });
  assert.deepEqual(calls, [['/usr/bin/docker', 'pull', '--quiet', 'docker.io/docker-proxy-doctor/reachability-probe:no-such-tag-dpd']]);
  const deep = report.results[0];
  assert.equal(deep.deep, true);
  assert.equal(deep.causeId, 'proxy-auth-required');
  assert.ok(!JSON.stringify(deep).includes('hunter2'));
  const slow = fixtureMachine({}, {}, () => ({ exitCode: null, stdout: '', stderr: '', failure: 'timeout', message: 'timed out after 60 s', durationMs: 60_000 }));
  const timedOut = await runConnectivityTest({ layers: [], dialer: noNetwork, clock: fakeClock(), deep: { machine: slow, dockerPath: 'docker' }, generatedAt: 't' });
  assert.equal(timedOut.results[0].outcome, 'timeout');
});

test('inputs from the machine model: docker info recorded from dockerd 26 (HttpProxy/HttpsProxy), password from the drop-in, per-host config.json entry, builders per command', async () => {
  // Captured here: dockerd 26.1.5 started with HTTP(S)_PROXY=http://feas:…@127.0.0.1:3128 in its environment and
  // daemon.json {"insecure-registries":["insecure.test:5000"]}; `docker info --format '{{json .}}'` (test-infra §4.2).
  const info = recording('docker-info-26-env-proxy.json');
  assert.match(info, /"HttpProxy": ?"http:\/\/xxxxx:xxxxx@127\.0\.0\.1:3128"/);
  const dropIn = '[Service]\nEnvironment="HTTP_PROXY=http://feas:s3cret@127.0.0.1:3128" "HTTPS_PROXY=http://feas:s3cret@127.0.0.1:3128" "NO_PROXY=localhost,.internal"\n';
  const config = JSON.stringify({ auths: { x: { auth: 'c2VjcmV0' } }, proxies: { default: { httpsProxy: 'http://default:1' }, 'unix:///var/run/docker.sock': { httpsProxy: 'http://perhost:2' } } });
  const files = { '/etc/systemd/system/docker.service.d/http-proxy.conf': dropIn, '/home/alice/.docker/config.json': config };
  const commands = dockerCommands(info, { [CMD.buildxLs]: { stdout: recording('buildx-ls-0.13-loopback.txt') }, [CMD.buildxInspect]: { stdout: recording('buildx-inspect-0.13-loopback.txt') } });
  const model = await computeStatusModel(statusMachine({ files, commands, env: { HOME: '/home/alice', HTTPS_PROXY: 'http://corp:8080' } }), { trusted: true });
  const g = probeInputsFromModel(model);
  const by = (id: string) => g.layers.find((l) => l.layer === id);
  const daemon = by('daemon')!;
  assert.equal(daemon.env.HTTPS_PROXY, 'http://feas:s3cret@127.0.0.1:3128', 'the masked docker info value gets the drop-in\'s password (same endpoint)');
  assert.equal(daemon.credentialsUnknown, false);
  assert.match(daemon.source, /password from \/etc\/systemd\/system\/docker\.service\.d\/http-proxy\.conf:2/);
  assert.equal(daemon.namespace, 'host');
  assert.equal(daemon.desktop, false);
  assert.deepEqual(daemon.insecure, { registries: ['insecure.test:5000'], cidrs: ['127.0.0.0/8'] });
  assert.equal(by('client-config')!.env.HTTPS_PROXY, 'http://perhost:2', 'the entry for the daemon host replaces "default"');
  assert.ok(!JSON.stringify(g).includes('c2VjcmV0'));
  assert.deepEqual(by('cli-shell')!.env.HTTPS_PROXY, 'http://corp:8080');
  // docker build → the context's default builder; docker buildx build → the selected docker-container builder.
  assert.equal(model.buildCommands!.build.name, 'default');
  assert.notEqual(model.buildCommands!.buildxBuild.name, 'default');
  assert.ok(g.notProbed.some((n) => n.layer === 'builder' && /`docker build` → builder "default" \(docker driver\)/.test(n.reason)), JSON.stringify(g.notProbed));
  assert.equal(by('builder')!.namespace, 'container');
  assert.match(by('builder')!.modelled!, /not running/);
  assert.equal(by('builder')!.env.https_proxy, 'http://127.0.0.1:3128');

  // Without a readable source the credentials are unknown: sent without them, and a 407 says so.
  const bare = await computeStatusModel(statusMachine({ files: {}, commands, env: { HOME: '/home/alice' } }), { trusted: true });
  const d2 = probeInputsFromModel(bare).layers.find((l) => l.layer === 'daemon')!;
  assert.equal(d2.credentialsUnknown, true);
  assert.equal(d2.env.HTTPS_PROXY, 'http://127.0.0.1:3128');

  // Docker Desktop comes from docker info, not from the OS name.
  const desktop = await computeStatusModel(statusMachine({ files: {}, commands: dockerCommands(recording('docker-info-desktop.json')), env: { HOME: '/home/alice' } }), { trusted: true });
  const d3 = probeInputsFromModel(desktop).layers.find((l) => l.layer === 'daemon')!;
  assert.equal(d3.desktop, true);
  assert.equal(d3.namespace, 'vm');

  // Untrusted: no command runs; the drop-in is still the daemon's configured proxy (modelled).
  const untrusted = statusMachine({ files, commands: {}, env: { HOME: '/home/alice' } });
  const u = probeInputsFromModel(await computeStatusModel(untrusted, { trusted: false }));
  assert.deepEqual(untrusted.calls, []);
  assert.match(u.layers.find((l) => l.layer === 'daemon')!.source, /http-proxy\.conf/);
});

test('a 407 from a proxy whose credentials docker info masked: "cannot be tested", never "add credentials"', async () => {
  const input = layer({ HTTPS_PROXY: 'http://p.corp:3128' }, { layer: 'daemon', credentialsUnknown: true });
  const dialer: Dialer = {
    resolve: async () => ['10.0.0.1'],
    connect: async () => ({
      startTls: async () => ({ ok: true }),
      exchange: async () => ({ head: 'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="x"', body: '' }),
      close: () => undefined,
    }),
  };
  const r = await probeLayer(input, parseRegistry('registry.corp') as never, { dialer, clock: fakeClock(), timeoutMs: 5000 });
  assert.equal(r.causeId, 'proxy-credentials-unknown');
  assert.doesNotMatch(`${r.cause} ${r.action}`, /Add the user name/);
});

test('report text: one block per result, phases, cause and action; masked; every line is coloured by the grammar', () => {
  const text = formatConnectivityReport({
    generatedAt: '2026-11-30T00:00:00Z', registries: ['registry-1.docker.io'], durationMs: 5012, worst: 'error', timeoutMs: 5000,
    results: [{
      layer: 'daemon', registry: 'registry-1.docker.io', proxy: 'http://xxxxx:xxxxx@p:3128', route: 'proxy', consumer: 'dockerd',
      noProxyDecision: 'HTTPS_PROXY=http://bob:secret@p:3128; no NO_PROXY → proxy', outcome: 'fail', causeId: 'proxy-auth-required', cause: 'c', action: 'a', durationMs: 20,
      phases: [{ name: 'tcp', ok: true, durationMs: 1, detail: 'TCP to proxy 10.0.0.1:3128: connected' }, { name: 'connect', ok: false, durationMs: 2, detail: 'CONNECT registry-1.docker.io:443: 407' }],
    }, {
      layer: 'cli-shell', registry: 'registry-1.docker.io', route: 'direct', noProxyDecision: 'no HTTPS proxy for Go → direct', outcome: 'ok', durationMs: 1500, phases: [], note: 'token realm auth.docker.io reached directly',
      source: 'environment', namespace: 'the host', modelled: 'probed from this host', verdict: 'agrees',
    }],
    notProbed: [{ layer: 'builder', reason: 'not read yet' }],
    warnings: ['Extra CA ignored: cannot use CA file /x.pem: ENOENT'],
  });
  assert.ok(!text.includes('secret'));
  assert.match(text, /^== \[FAIL\] daemon → registry-1\.docker\.io \(dockerd\) 20 ms$/m);
  assert.match(text, /^ {3}\[FAIL\] connect +2 ms {2}CONNECT registry-1\.docker\.io:443: 407$/m);
  assert.match(text, /^ {3}cause: {4}\[proxy-auth-required\] c$/m);
  assert.match(text, /^== \[OK\] cli-shell → registry-1\.docker\.io 1\.50 s$/m);
  assert.match(text, /^== \[SKIPPED\] builder$/m);

  // The grammar: valid JSON, our scope, every pattern compiles as a JS RegExp too (Oniguruma subset we use) and is
  // used by at least one line of a real report; every non-empty line is matched by some line-level pattern.
  const grammar = JSON.parse(readFileSync(path.resolve(__dirname, '../../../syntaxes/connectivity-report.tmLanguage.json'), 'utf8')) as { scopeName: string; patterns: Array<{ include: string }>; repository: Record<string, { match?: string; begin?: string }> };
  assert.equal(grammar.scopeName, 'source.docker-proxy-report');
  const lineRules = Object.entries(grammar.repository).map(([name, rule]) => [name, new RegExp(rule.match ?? rule.begin ?? '(?!)', 'm')] as const);
  for (const line of text.split('\n').filter((l) => l.trim() !== '')) {
    assert.ok(lineRules.some(([, re]) => re.test(line)), `no grammar rule for: ${line}`);
  }
  for (const [name, re] of lineRules) assert.ok(re.test(text), `grammar rule ${name} matches nothing in a report`);
});
