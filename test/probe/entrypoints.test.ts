// The connectivity test through its entry points, against the same real parts: the bundled CLI
// (`docker-proxy-doctor test`) and the language server's `dockerProxy/testConnectivity` request. Build first.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { CancellationTokenSource } from 'vscode-languageserver-protocol';
import { startParts, PROXY_USER, PROXY_PASSWORD, type Parts } from './parts';
import { TestClient } from '../lsp/client';
import { CONNECTIVITY_PROGRESS, Requests, type ConnectivityProgress, type ConnectivityReport } from '../../server/src/shared/protocol';

const CLI = path.resolve(__dirname, '../../../dist/cli.js');
const GUARD_MS = 60_000;
const PROXY_VARS = ['HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'ALL_PROXY', 'http_proxy', 'https_proxy', 'no_proxy', 'all_proxy'];

let parts: Parts;
let home = '';
before(async () => {
  parts = await startParts();
  home = mkdtempSync(path.join(parts.dir, 'home-'));
}, { timeout: 120_000 });
after(async () => { await parts?.stop(); });

function cli(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string; wallMs: number }> {
  const clean: NodeJS.ProcessEnv = { ...process.env, HOME: home, DOCKER_CONFIG: path.join(home, '.docker') };
  for (const v of PROXY_VARS) delete clean[v];
  const t0 = performance.now();
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, 'test', ...args], { env: { ...clean, ...env }, timeout: GUARD_MS }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr, wallMs: performance.now() - t0 });
    });
  });
}

const names = () => ['--resolve', 'registry.test=127.0.0.1', '--resolve', 'auth.test=127.0.0.1', '--ca', parts.caFile];

describe('docker-proxy-doctor test (CLI)', { timeout: 300_000 }, () => {
  test('through an authenticating proxy: JSON, exit 0, the password never printed', { timeout: GUARD_MS }, async () => {
    const proxy = `http://${PROXY_USER}:${encodeURIComponent(PROXY_PASSWORD)}@127.0.0.1:${parts.proxyChainAuth}`;
    const r = await cli(['--registry', `registry.test:${parts.tokenRegistry}`, ...names(), '--layer', 'cli-shell', '--format', 'json'], { HTTPS_PROXY: proxy });
    console.log(`[cli json, proxy with credentials] exit ${r.code} (${r.wallMs.toFixed(0)} ms)`);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const report = JSON.parse(r.stdout) as ConnectivityReport;
    assert.equal(report.results.length, 1);
    assert.equal(report.results[0].outcome, 'ok');
    assert.equal(report.results[0].route, 'proxy');
    assert.ok(report.results[0].phases.some((p) => p.name === 'token' && p.ok && /200/.test(p.detail)));
    for (const secret of [PROXY_PASSWORD, encodeURIComponent(PROXY_PASSWORD)]) assert.ok(!r.stdout.includes(secret) && !r.stderr.includes(secret));
  });

  test('wrong password: text report with phases, cause and action; exit 1 (CA from NODE_EXTRA_CA_CERTS)', { timeout: GUARD_MS }, async () => {
    const r = await cli(['--registry', `registry.test:${parts.tokenRegistry}`, ...names().slice(0, 4), '--layer', 'cli-shell'], { HTTPS_PROXY: `http://${PROXY_USER}:wrong-pass@127.0.0.1:${parts.proxyChainAuth}`, NODE_EXTRA_CA_CERTS: parts.caFile });
    console.log(r.stdout);
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /^== \[FAIL\] cli-shell → registry\.test:\d+/m);
    assert.match(r.stdout, /^ {3}route: {4}proxy http:\/\/xxxxx:xxxxx@127\.0\.0\.1:\d+$/m);
    assert.match(r.stdout, /^ {3}\[FAIL\] connect .*407/m);
    assert.match(r.stdout, /^ {3}cause: {4}\[proxy-credentials-rejected\]/m);
    assert.match(r.stdout, /^ {3}action: {3}Correct the password where this layer reads it/m);
    assert.ok(!r.stdout.includes('wrong-pass'));
  });

  test('direct with the CA only in NODE_EXTRA_CA_CERTS: trusted; without it: registry-unknown-ca', { timeout: GUARD_MS }, async () => {
    const args = ['--registry', `registry.test:${parts.tokenRegistry}`, ...names().slice(0, 4), '--layer', 'cli-shell', '--format', 'json'];
    const withCa = await cli(args, { NODE_EXTRA_CA_CERTS: parts.caFile });
    assert.equal(withCa.code, 0, withCa.stdout + withCa.stderr);
    const without = await cli(args, {});
    assert.equal(without.code, 1);
    assert.equal((JSON.parse(without.stdout) as ConnectivityReport).results[0].causeId, 'registry-unknown-ca');
  });

  test('config.json proxies.default with a loopback proxy: containers cannot reach it; auths never read out', { timeout: GUARD_MS }, async () => {
    mkdirSync(path.join(home, '.docker'), { recursive: true });
    writeFileSync(path.join(home, '.docker', 'config.json'), JSON.stringify({
      auths: { 'registry.test': { auth: 'c2VjcmV0LXVzZXI6c2VjcmV0LXRva2Vu' } },
      proxies: { default: { httpsProxy: `http://127.0.0.1:${parts.squid}`, noProxy: 'localhost' } },
    }));
    const r = await cli(['--registry', `registry.test:${parts.tokenRegistry}`, ...names(), '--layer', 'client-config', '--format', 'json'], {});
    assert.equal(r.code, 1, r.stdout + r.stderr);
    const report = JSON.parse(r.stdout) as ConnectivityReport;
    assert.equal(report.results[0].layer, 'client-config');
    assert.equal(report.results[0].outcome, 'unreachable');
    assert.equal(report.results[0].causeId, 'proxy-loopback-other-netns');
    assert.ok(!r.stdout.includes('c2VjcmV0'));
  });

  test('--deep with a docker that does not exist: the deep result says so, with a next step', { timeout: GUARD_MS }, async () => {
    const r = await cli(['--layer', 'daemon', '--deep', '--docker', path.join(parts.dir, 'no-such-docker'), '--format', 'json'], {});
    assert.equal(r.code, 1, r.stdout + r.stderr);
    const report = JSON.parse(r.stdout) as ConnectivityReport;
    const deep = report.results.find((x) => x.deep);
    assert.ok(deep, r.stdout);
    assert.equal(deep.causeId, 'docker-not-found');
    assert.ok(report.notProbed?.some((n) => n.layer === 'daemon'), 'daemon layer not probed: its proxy is unknown');
  });

  test('--deep with the real docker CLI and no daemon: its own error text is explained by the catalog', { timeout: GUARD_MS }, async () => {
    // The docker CLI from PATH (as .ci/install.sh guarantees); DOCKER_HOST points at a socket nobody serves.
    const r = await cli(['--layer', 'daemon', '--deep', '--format', 'json'], { DOCKER_HOST: `unix://${path.join(parts.dir, 'no-daemon.sock')}` });
    assert.equal(r.code, 1, r.stdout + r.stderr);
    const deep = (JSON.parse(r.stdout) as ConnectivityReport).results.find((x) => x.deep);
    console.log(`[cli --deep, no daemon] ${deep?.outcome} ${deep?.causeId}: ${deep?.phases[0]?.detail}`);
    assert.equal(deep?.causeId, 'daemon-down');
    assert.match(deep?.phases[0]?.detail ?? '', /Cannot connect to the Docker daemon/);
  });

  test('usage errors exit 2 with a message', { timeout: GUARD_MS }, async () => {
    for (const args of [['--timeout', 'soon'], ['--registry', 'ftp://x'], ['--format', 'xml'], ['--layer', 'moon'], ['--bogus']]) {
      const r = await cli(args, {});
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
      assert.match(r.stderr, /docker-proxy-doctor: /);
    }
    const missingCa = await cli(['--ca', path.join(parts.dir, 'missing.pem'), '--layer', 'cli-shell'], {});
    assert.equal(missingCa.code, 2);
    assert.match(missingCa.stderr, /cannot use CA file .*missing\.pem/);
  });
});

describe('dockerProxy/testConnectivity (language server)', { timeout: 300_000 }, () => {
  test('runs the probes, sends progress with the token, returns the report', { timeout: GUARD_MS }, async () => {
    const client = await TestClient.start();
    try {
      const progress: ConnectivityProgress[] = [];
      client.connection.onNotification(CONNECTIVITY_PROGRESS, (p: ConnectivityProgress) => { progress.push(p); });
      const report = await client.request<ConnectivityReport>(Requests.testConnectivity, {
        registries: [`localhost:${parts.basicRegistry}`], layers: ['cli-shell'], caFiles: [parts.caFile], trusted: false, progressToken: 'run-1',
      });
      assert.equal(report.results.length, 1);
      assert.equal(report.results[0].outcome, 'ok', JSON.stringify(report, null, 2));
      assert.match(report.results[0].noProxyDecision, /direct/);
      await client.waitFor('progress notification', () => (progress.length > 0 ? progress : undefined));
      assert.deepEqual(progress.map((p) => [p.progressToken, p.done, p.total]), [['run-1', 1, 1]]);
    } finally {
      await client.shutdown();
    }
  });

  test('LSP cancellation ends a hanging probe', { timeout: GUARD_MS }, async () => {
    const client = await TestClient.start();
    try {
      const source = new CancellationTokenSource();
      void parts.nextSilent().then(() => source.cancel());
      const t0 = performance.now();
      const answer = await client.withTimeout(
        (client.connection.sendRequest(Requests.testConnectivity, { registries: [`localhost:${parts.silent}`], layers: ['cli-shell'], timeoutMs: 600_000, trusted: false }, source.token) as Promise<ConnectivityReport>)
          .then((report) => ({ report }), (error: Error) => ({ error })),
        'cancelled request');
      console.log(`[lsp cancel] answered after ${(performance.now() - t0).toFixed(0)} ms: ${'report' in answer ? answer.report.results[0]?.outcome : answer.error.message}`);
      if ('report' in answer) assert.equal(answer.report.results[0].outcome, 'cancelled');
      else assert.match(answer.error.message, /cancel/i);
    } finally {
      await client.shutdown();
    }
  });
});
