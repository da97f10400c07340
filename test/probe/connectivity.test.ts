// The connectivity probes against real registries and proxies on 127.0.0.1 (see parts.ts for what is real and
// what is a labelled fake). Each case prints its measured result and wall time for the closing note.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startParts, HOSTS, PROXY_USER, PROXY_PASSWORD, type Parts } from './parts';
import { createNodeDialer, nodeClock } from '../../server/src/node/nodeDialer';
import { formatConnectivityReport, probeLayer, runConnectivityTest, parseRegistry, type LayerProxyInput, type RegistryTarget } from '../../server/src/engine/probe';
import type { ProbeResult } from '../../server/src/engine/status/report';
import type { NoProxyConsumer } from '../../server/src/engine/proxy/noProxyMatch';

/** Failure guard for one whole test (not a timing assertion). */
const GUARD_MS = 60_000;

let parts: Parts;
const measured: string[] = [];

before(async () => { parts = await startParts(); }, { timeout: 120_000 });
after(async () => {
  await parts?.stop();
  console.log(`\n--- measured results (${measured.length} cases)\n${measured.join('\n')}`);
});

function layer(env: Record<string, string>, options: { consumer?: NoProxyConsumer; namespace?: LayerProxyInput['namespace']; layer?: LayerProxyInput['layer'] } = {}): LayerProxyInput {
  return { layer: options.layer ?? 'cli-shell', consumerLabel: `test (${options.consumer ?? 'go'})`, env, consumer: options.consumer ?? 'go', namespace: options.namespace ?? 'host', source: 'test' };
}

function target(name: string): RegistryTarget {
  const t = parseRegistry(name);
  assert.ok(typeof t !== 'string', String(t));
  return t;
}

const tokenReg = () => target(`registry.test:${parts.tokenRegistry}`);
const basicReg = () => target(`basic.test:${parts.basicRegistry}`);
const dialer = (extraCaPem: string[] = [parts.caPem]) => createNodeDialer({ extraCaPem, hosts: HOSTS });

async function probe(name: string, input: LayerProxyInput, reg: RegistryTarget, options: { timeoutMs?: number; ca?: string[]; signal?: AbortSignal; knownCas?: Record<string, { dir: string; pem: string[] }> } = {}): Promise<ProbeResult> {
  const t0 = performance.now();
  const result = await probeLayer(input, reg, { dialer: dialer(options.ca), clock: nodeClock, timeoutMs: options.timeoutMs ?? 20_000, signal: options.signal, knownCas: options.knownCas });
  const wall = performance.now() - t0;
  measured.push(`${name.padEnd(52)} ${result.outcome.padEnd(11)} ${(result.causeId ?? '-').padEnd(30)} route=${result.route.padEnd(10)} ${wall.toFixed(0).padStart(6)} ms`);
  console.log(`[${name}] ${result.outcome} ${result.causeId ?? ''} (${wall.toFixed(0)} ms)\n  ${result.phases.map((p) => `${p.ok ? 'ok' : 'FAIL'} ${p.name}: ${p.detail}`).join('\n  ')}`);
  return result;
}

const phase = (r: ProbeResult, name: string) => r.phases.filter((p) => p.name === name);

describe('connectivity probes against real parts', { timeout: 300_000 }, () => {
  test('direct success: DNS, TCP, TLS, GET /v2/ 401 Bearer, token realm on another host', { timeout: GUARD_MS }, async () => {
    const r = await probe('direct success (token registry)', layer({}), tokenReg());
    assert.equal(r.outcome, 'ok', JSON.stringify(r, null, 2));
    assert.equal(r.route, 'direct');
    assert.deepEqual(r.phases.filter((p) => p.name !== 'token').map((p) => p.name), ['dns', 'tcp', 'tls', 'registry']);
    assert.match(phase(r, 'registry')[0].detail, /401 Bearer realm=https:\/\/auth\.test:\d+\/token/);
    assert.ok(phase(r, 'token').some((p) => /GET \/token\?service=probe-test-registry: 200/.test(p.detail)), 'token fetched from the realm');
    assert.match(r.note ?? '', /realm auth\.test:\d+ reached directly/);
  });

  test('Basic-auth registry: 401 Basic is a pass, no realm', { timeout: GUARD_MS }, async () => {
    const r = await probe('direct success (Basic registry)', layer({}), basicReg());
    assert.equal(r.outcome, 'ok', JSON.stringify(r, null, 2));
    assert.match(phase(r, 'registry')[0].detail, /401 Basic realm=probe-basic-realm/);
    assert.equal(phase(r, 'token').length, 0);
    assert.match(r.note ?? '', /Basic authentication/);
  });

  test('success through squid (host-name mapping) and through tinyproxy chained to squid', { timeout: GUARD_MS }, async () => {
    const viaSquid = await probe('through squid', layer({ HTTPS_PROXY: `http://127.0.0.1:${parts.squid}` }), tokenReg());
    assert.equal(viaSquid.outcome, 'ok', JSON.stringify(viaSquid, null, 2));
    assert.equal(viaSquid.route, 'proxy');
    assert.match(phase(viaSquid, 'connect')[0].detail, /CONNECT registry\.test:\d+: 200/);
    assert.match(viaSquid.note ?? '', /through the proxy/);
    const viaTiny = await probe('through tinyproxy -> squid', layer({ https_proxy: `127.0.0.1:${parts.tinyproxy}` }), basicReg());
    assert.equal(viaTiny.outcome, 'ok', JSON.stringify(viaTiny, null, 2));
    assert.equal(viaTiny.route, 'proxy');
    assert.match(viaTiny.noProxyDecision, /https_proxy=127\.0\.0\.1:\d+; no NO_PROXY → proxy/);
  });

  test('407 without credentials, then with them (proxy-chain and tinyproxy BasicAuth); password never shown', { timeout: GUARD_MS }, async () => {
    const encoded = encodeURIComponent(PROXY_PASSWORD);
    const none = await probe('407 without credentials (proxy-chain)', layer({ HTTPS_PROXY: `http://127.0.0.1:${parts.proxyChainAuth}` }), tokenReg());
    assert.equal(none.outcome, 'fail');
    assert.equal(none.causeId, 'proxy-auth-required');
    assert.match(none.cause ?? '', /no credentials/);
    const wrong = await probe('407 wrong password (proxy-chain)', layer({ HTTPS_PROXY: `http://${PROXY_USER}:nope-secret@127.0.0.1:${parts.proxyChainAuth}` }), tokenReg());
    assert.equal(wrong.causeId, 'proxy-credentials-rejected', 'credentials are there: they are rejected, not missing');
    assert.match(wrong.cause ?? '', /rejected the user and password/);
    const good = await probe('with credentials (proxy-chain -> squid)', layer({ HTTPS_PROXY: `http://${PROXY_USER}:${encoded}@127.0.0.1:${parts.proxyChainAuth}` }), tokenReg());
    assert.equal(good.outcome, 'ok', JSON.stringify(good, null, 2));
    assert.equal(good.proxy, `http://xxxxx:xxxxx@127.0.0.1:${parts.proxyChainAuth}`);
    const tinyNone = await probe('407 without credentials (tinyproxy BasicAuth)', layer({ HTTPS_PROXY: `http://127.0.0.1:${parts.tinyproxyAuth}` }), basicReg());
    assert.equal(tinyNone.causeId, 'proxy-auth-required');
    const tinyGood = await probe('with credentials (tinyproxy BasicAuth)', layer({ HTTPS_PROXY: `http://${PROXY_USER}:s3cret@127.0.0.1:${parts.tinyproxyAuth}` }), basicReg());
    assert.equal(tinyGood.outcome, 'ok', JSON.stringify(tinyGood, null, 2));
    for (const r of [none, wrong, good, tinyNone, tinyGood]) {
      const text = JSON.stringify(r) + formatConnectivityReport({ generatedAt: 'x', registries: [], results: [r], durationMs: 0, worst: 'ok' });
      for (const secret of [PROXY_PASSWORD, encoded, 'nope-secret', 's3cret']) assert.ok(!text.includes(secret), `password leaked: ${secret}`);
    }
  });

  test('https:// proxy URL pointing at a plain proxy (squid answers the handshake, tinyproxy waits)', { timeout: GUARD_MS }, async () => {
    const sq = await probe('https:// URL to plain squid', layer({ HTTPS_PROXY: `https://127.0.0.1:${parts.squid}` }), basicReg());
    assert.equal(sq.outcome, 'fail', JSON.stringify(sq, null, 2));
    assert.equal(sq.causeId, 'https-proxy-url-to-plain-proxy');
    assert.equal(phase(sq, 'tls')[0]?.ok, false);
    assert.equal(phase(sq, 'connect').length, 0, 'no CONNECT is sent after the failed handshake');
    // tinyproxy reads the ClientHello as the start of a request line and waits for its end: a timeout, same cause.
    const tp = await probe('https:// URL to plain tinyproxy', layer({ HTTPS_PROXY: `https://127.0.0.1:${parts.tinyproxy}` }), basicReg(), { timeoutMs: 2_000 });
    assert.equal(tp.outcome, 'timeout', JSON.stringify(tp, null, 2));
    assert.equal(tp.causeId, 'https-proxy-url-to-plain-proxy');
  });

  test('https:// proxy URL to a proxy that does speak TLS: TLS to the proxy, then TLS to the registry inside it', { timeout: GUARD_MS }, async () => {
    const r = await probe('https:// URL to a TLS proxy (proxy-chain https)', layer({ HTTPS_PROXY: `https://localhost:${parts.proxyChainTls}` }), tokenReg());
    assert.equal(r.outcome, 'ok', JSON.stringify(r, null, 2));
    assert.deepEqual(r.phases.filter((p) => p.name !== 'token').map((p) => p.name), ['dns', 'tcp', 'tls', 'connect', 'tls', 'registry']);
  });

  test('TLS-intercepting proxy: names its CA; trusting that CA makes it pass', { timeout: GUARD_MS }, async () => {
    const env = { HTTPS_PROXY: `http://127.0.0.1:${parts.mitm}` };
    // Without a CA known for registry.test on this machine, an untrusted chain through a tunnel is ambiguous.
    const unsure = await probe('TLS-intercepting proxy, registry CA unknown', layer(env), tokenReg());
    assert.equal(unsure.causeId, 'tls-unknown-ca-via-proxy', JSON.stringify(unsure, null, 2));
    assert.match(unsure.cause ?? '', /CONNECT registry\.test:\d+ → 200/);
    // With the registry's own CA known (dockerd's certs.d), the evidence decides: that CA did not issue it.
    const reg = tokenReg();
    const knownCas = { [`${reg.host}:${reg.port}`]: { dir: `/etc/docker/certs.d/${reg.host}:${reg.port}`, pem: [parts.caPem] } };
    const r = await probe('TLS-intercepting proxy (own CA)', layer(env), reg, { knownCas });
    assert.equal(r.outcome, 'fail', JSON.stringify(r, null, 2));
    assert.equal(r.causeId, 'tls-intercepting-proxy');
    assert.match(r.cause ?? '', /did NOT issue it/);
    assert.match(r.cause ?? '', /Probe Test Intercepting Proxy CA/);
    assert.match(r.action ?? '', /certs\.d/);
    const trusted = await probe('TLS-intercepting proxy, its CA trusted (--ca)', layer(env), basicReg(), { ca: [parts.caPem, parts.mitmCaPem] });
    assert.equal(trusted.outcome, 'ok', JSON.stringify(trusted, null, 2));
    assert.match(phase(trusted, 'tls')[0].detail, /Probe Test Intercepting Proxy CA/);
  });

  test('NO_PROXY ".basic.test": Go sends it to the (dead) proxy, curl goes direct', { timeout: GUARD_MS }, async () => {
    const env = { HTTPS_PROXY: `http://127.0.0.1:${parts.deadPort}`, https_proxy: `http://127.0.0.1:${parts.deadPort}`, NO_PROXY: '.basic.test', no_proxy: '.basic.test' };
    const go = await probe('NO_PROXY .basic.test, Go', layer(env, { consumer: 'go' }), basicReg());
    const curl = await probe('NO_PROXY .basic.test, curl', layer(env, { consumer: 'curl', layer: 'vscode' }), basicReg());
    assert.equal(go.route, 'proxy');
    assert.equal(go.outcome, 'fail');
    assert.equal(go.causeId, 'proxy-refused');
    assert.match(go.noProxyDecision, /NO_PROXY ".basic.test" does not match basic\.test \(Go\) → proxy/);
    assert.equal(curl.route, 'direct');
    assert.equal(curl.outcome, 'ok', JSON.stringify(curl, null, 2));
    assert.match(curl.noProxyDecision, /entry ".basic.test" matches basic\.test \(curl\) → direct/);
  });

  test('dead proxy port and a proxy that resets (fake)', { timeout: GUARD_MS }, async () => {
    const dead = await probe('dead proxy port', layer({ HTTPS_PROXY: `http://127.0.0.1:${parts.deadPort}` }), tokenReg());
    assert.equal(dead.outcome, 'fail');
    assert.equal(dead.causeId, 'proxy-refused');
    assert.equal(phase(dead, 'tcp')[0].ok, false);
    const reset = await probe('proxy resets the connection (fake)', layer({ HTTPS_PROXY: `http://127.0.0.1:${parts.reset}` }), tokenReg());
    assert.equal(reset.outcome, 'fail');
    assert.equal(reset.causeId, 'proxy-reset');
    assert.equal(phase(reset, 'connect')[0].ok, false);
  });

  test('hanging proxy: every probe times out, the run ends; total wall time vs slowest probe', { timeout: GUARD_MS }, async () => {
    const hang = { HTTPS_PROXY: `http://127.0.0.1:${parts.proxyChainHang}` };
    const layers = [layer(hang), layer(hang, { layer: 'daemon' }), layer({ ...hang, https_proxy: hang.HTTPS_PROXY }, { layer: 'vscode', consumer: 'curl' }), layer({}, { layer: 'client-config' })];
    const progress: string[] = [];
    const t0 = performance.now();
    const report = await runConnectivityTest({
      layers, registries: [`registry.test:${parts.tokenRegistry}`], dialer: dialer(), clock: nodeClock, timeoutMs: 1_500,
      onProgress: (e) => progress.push(e.message), generatedAt: new Date().toISOString(),
    });
    const wall = performance.now() - t0;
    const slowest = Math.max(...report.results.map((r) => r.durationMs));
    console.log(formatConnectivityReport(report));
    measured.push(`${'hanging proxy: 4 layers in parallel, 1.5 s timeout'.padEnd(52)} total ${wall.toFixed(0)} ms, slowest probe ${slowest.toFixed(0)} ms, sum ${report.results.reduce((s, r) => s + r.durationMs, 0).toFixed(0)} ms`);
    assert.equal(report.results.length, 4);
    for (const r of report.results.filter((x) => x.layer !== 'client-config')) {
      assert.equal(r.outcome, 'timeout', JSON.stringify(r, null, 2));
      assert.equal(r.causeId, 'proxy-timeout');
      assert.match(r.phases.at(-1)!.detail, /CONNECT .*no answer within 1\.5 s/);
    }
    assert.equal(report.results.find((r) => r.layer === 'client-config')!.outcome, 'ok');
    assert.equal(progress.length, 4);
    assert.equal(report.worst, 'error');
  });

  test('a full run: six layer setups × two registries in parallel; total wall time vs slowest probe', { timeout: GUARD_MS }, async () => {
    const creds = `${PROXY_USER}:${encodeURIComponent(PROXY_PASSWORD)}@`;
    const layers = [
      layer({}, { layer: 'cli-shell' }),
      layer({ HTTPS_PROXY: `http://127.0.0.1:${parts.squid}` }, { layer: 'daemon' }),
      layer({ https_proxy: `http://127.0.0.1:${parts.tinyproxy}` }, { layer: 'vscode', consumer: 'curl' }),
      layer({ HTTPS_PROXY: `http://${creds}127.0.0.1:${parts.proxyChainAuth}` }, { layer: 'builder' }),
      layer({ HTTPS_PROXY: `http://127.0.0.1:${parts.deadPort}` }, { layer: 'build-args' }),
      layer({ HTTPS_PROXY: `http://127.0.0.1:${parts.squid}` }, { layer: 'client-config', namespace: 'container', consumer: 'curl' }),
    ];
    const t0 = performance.now();
    const report = await runConnectivityTest({
      layers, registries: [`registry.test:${parts.tokenRegistry}`, `basic.test:${parts.basicRegistry}`], dialer: dialer(), clock: nodeClock, timeoutMs: 20_000, generatedAt: new Date().toISOString(),
    });
    const wall = performance.now() - t0;
    const slowest = Math.max(...report.results.map((r) => r.durationMs));
    console.log(formatConnectivityReport(report));
    measured.push(`${'full run: 6 layers x 2 registries = 12 probes'.padEnd(52)} total ${wall.toFixed(0)} ms, slowest probe ${slowest.toFixed(0)} ms, sum ${report.results.reduce((s, r) => s + r.durationMs, 0).toFixed(0)} ms`);
    assert.equal(report.results.length, 12);
    const outcome = (l: string, reg: string) => report.results.find((r) => r.layer === l && r.registry.startsWith(reg))?.outcome;
    for (const reg of ['registry.test', 'basic.test']) {
      for (const l of ['cli-shell', 'daemon', 'vscode', 'builder']) assert.equal(outcome(l, reg), 'ok', `${l} → ${reg}`);
      assert.equal(outcome('build-args', reg), 'fail');
      assert.equal(outcome('client-config', reg), 'unreachable');
    }
    assert.equal(report.worst, 'error');
  });

  test('cancellation stops a hanging run at once', { timeout: GUARD_MS }, async () => {
    const controller = new AbortController();
    void parts.nextHang().then(() => controller.abort());
    const report = await runConnectivityTest({
      layers: [layer({ HTTPS_PROXY: `http://127.0.0.1:${parts.proxyChainHang}` })], registries: [`registry.test:${parts.tokenRegistry}`],
      dialer: dialer(), clock: nodeClock, timeoutMs: 600_000, signal: controller.signal, generatedAt: 'now',
    });
    assert.equal(report.results[0].outcome, 'cancelled', JSON.stringify(report, null, 2));
    measured.push(`${'cancel a hanging probe (timeout 600 s)'.padEnd(52)} cancelled after ${report.durationMs.toFixed(0)} ms`);
  });

  test('realm on another host: routed with its own NO_PROXY decision', { timeout: GUARD_MS }, async () => {
    // Registry through squid, realm direct because NO_PROXY names only auth.test.
    const split = await probe('realm direct, registry via squid', layer({ HTTPS_PROXY: `http://127.0.0.1:${parts.squid}`, NO_PROXY: 'auth.test' }), tokenReg());
    assert.equal(split.outcome, 'ok', JSON.stringify(split, null, 2));
    assert.equal(split.route, 'proxy');
    assert.ok(phase(split, 'token').some((p) => /realm auth\.test:\d+: .*NO_PROXY entry "auth.test" matches auth\.test \(Go\) → direct/.test(p.detail)));
    // The registry is exempt, the realm is not, and the proxy is dead: /v2/ works, the token fails.
    const broken = await probe('realm via dead proxy, registry direct', layer({ HTTPS_PROXY: `http://127.0.0.1:${parts.deadPort}`, NO_PROXY: 'registry.test' }), tokenReg());
    assert.equal(broken.outcome, 'fail');
    assert.equal(broken.route, 'direct');
    assert.equal(broken.causeId, 'proxy-refused');
    assert.ok(phase(broken, 'registry')[0].ok, '/v2/ answered');
    assert.equal(broken.phases.at(-1)!.name, 'token');
    assert.match(broken.phases.at(-1)!.detail, /realm auth\.test:\d+: TCP to proxy/);
  });

  test('loopback proxy for a consumer in another network namespace: unreachable, the proxy is never contacted', { timeout: GUARD_MS }, async () => {
    const before = parts.seen.proxyChainAuth;
    const r = await probe('loopback proxy, container namespace', layer({ HTTPS_PROXY: `http://127.0.0.1:${parts.proxyChainAuth}` }, { layer: 'client-config', namespace: 'container', consumer: 'curl' }), tokenReg());
    assert.equal(r.outcome, 'unreachable');
    assert.equal(r.route, 'not-probed');
    assert.equal(r.causeId, 'proxy-loopback-other-netns');
    assert.deepEqual(r.phases, []);
    assert.equal(parts.seen.proxyChainAuth, before);
  });

  test('registry with a private CA that is not trusted (direct)', { timeout: GUARD_MS }, async () => {
    const r = await probe('direct, registry CA not trusted', layer({}), tokenReg(), { ca: [] });
    assert.equal(r.outcome, 'fail');
    assert.equal(r.causeId, 'registry-unknown-ca');
    assert.match(r.cause ?? '', /Probe Test Registry CA/);
  });
});
