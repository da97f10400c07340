// `dockerProxy/status` over stdio against the bundled server, with a prepared HOME (rootless-style daemon.json and
// drop-in under XDG_CONFIG_HOME, config.json under DOCKER_CONFIG) and the real docker CLI pointed at a socket where no
// daemon listens. Also: status findings become diagnostics of the open file, with relatedInformation; the planted
// password appears in no LSP message.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import type { ProxyStatusReport } from '../../server/src/engine/status/report';
import { TestClient } from './client';

const SECRET = 's3cr3tPass';
let tmp = '';
let client: TestClient;
let daemonJsonPath = '';

before(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'dpd-lsp-status-'));
  const xdg = path.join(tmp, 'xdg');
  daemonJsonPath = path.join(xdg, 'docker/daemon.json');
  mkdirSync(path.dirname(daemonJsonPath), { recursive: true });
  writeFileSync(daemonJsonPath, `{\n  "proxies": {\n    "http-proxy": "http://user:${SECRET}@proxy.corp.example:3128",\n    "https-proxy": "http://user:${SECRET}@proxy.corp.example:3128",\n    "no-proxy": "localhost,127.0.0.1"\n  }\n}\n`);
  mkdirSync(path.join(xdg, 'systemd/user/docker.service.d'), { recursive: true });
  writeFileSync(path.join(xdg, 'systemd/user/docker.service.d/http-proxy.conf'), `[Service]\nEnvironment="HTTP_PROXY=http://user:${SECRET}@proxy.corp.example:3128"\n`);
  mkdirSync(path.join(tmp, 'docker-config'), { recursive: true });
  writeFileSync(path.join(tmp, 'docker-config/config.json'), `{"proxies":{"default":{"httpProxy":"http://user:${SECRET}@proxy.corp.example:3128","httpsProxy":"http://user:${SECRET}@proxy.corp.example:3128","noProxy":"localhost,127.0.0.1"}}}`);
  client = await TestClient.start({
    env: {
      PATH: process.env.PATH,
      HOME: tmp,
      XDG_CONFIG_HOME: xdg,
      DOCKER_CONFIG: path.join(tmp, 'docker-config'),
      DOCKER_HOST: `unix://${path.join(tmp, 'no-daemon.sock')}`,
      // In the shell layer too, but no HTTPS_PROXY: SV001 must fire.
      HTTP_PROXY: `http://user:${SECRET}@proxy.corp.example:3128`,
    },
  });
});
after(async () => {
  await client?.shutdown().catch(() => client.dispose());
  rmSync(tmp, { recursive: true, force: true });
});

describe('dockerProxy/status over stdio', () => {
  let report: ProxyStatusReport;
  test('answers with every layer; the daemon is down and says so', async () => {
    report = await client.request<ProxyStatusReport>('dockerProxy/status', { trusted: true, commandTimeoutMs: 20_000 });
    assert.deepEqual(report.layers.map((l) => l.id), ['vscode', 'cli-shell', 'client-config', 'daemon', 'builder', 'build-args']);
    assert.ok(['daemon-down', 'not-installed'].includes(report.docker.state), report.docker.state);
    assert.ok(report.docker.message);
    assert.ok(report.layers.find((l) => l.id === 'daemon')!.values.some((v) => v.source.path === daemonJsonPath));
    assert.ok(report.findings.some((f) => f.id === 'SV001'));
  });
  test('untrusted: no command runs', async () => {
    const r = await client.request<ProxyStatusReport>('dockerProxy/status', { trusted: false });
    assert.deepEqual(r.commands, []);
    assert.equal(r.docker.state, 'not-checked');
  });
  test('a docker path that does not exist: not-installed, with the setting to fix it', async () => {
    const r = await client.request<ProxyStatusReport>('dockerProxy/status', { dockerPath: path.join(tmp, 'nonexistent/docker') });
    assert.equal(r.docker.state, 'not-installed');
    assert.match(r.docker.message!, /dockerPath/);
  });
  test('status findings appear in the open daemon.json, merged with lint, with relatedInformation', async () => {
    const uri = `file://${daemonJsonPath}`;
    const from = client.mark();
    await client.open(uri, 'json', (await import('node:fs')).readFileSync(daemonJsonPath, 'utf8'));
    await client.request('dockerProxy/status', { trusted: true, commandTimeoutMs: 20_000 });
    const p = await client.waitForPublish(uri, from, (x) => x.diagnostics.some((d) => d.code === 'SV001'));
    const sv001 = p.diagnostics.find((d) => d.code === 'SV001') as Diagnostic;
    assert.equal(sv001.source, 'docker-proxy-doctor');
    assert.equal(sv001.range.start.line, 3, 'on the https-proxy line');
    assert.ok(sv001.relatedInformation?.some((r) => /CLI shell layer: environment HTTPS_PROXY/.test(r.message)), JSON.stringify(sv001.relatedInformation));
    assert.ok(p.diagnostics.some((d) => d.code === 'DJ012'), 'lint diagnostics are still there');
  });
  test('dockerProxyDoctor.rules decides status diagnostics too: a changed setting re-runs the status (severity, then off)', async () => {
    const uri = `file://${daemonJsonPath}`;
    const sv001 = (p: { diagnostics: Diagnostic[] }) => p.diagnostics.find((d) => d.code === 'SV001');
    let from = client.mark();
    client.settings = { rules: { SV001: 'info' } };
    await client.configurationChanged();
    const info = await client.waitForPublish(uri, from, (p) => sv001(p)?.severity === 3);
    assert.ok(info.diagnostics.some((d) => d.code === 'DJ012'), 'lint diagnostics stay');
    from = client.mark();
    client.settings = { rules: { 'client-token-gap': 'off' } };
    await client.configurationChanged();
    const off = await client.waitForPublish(uri, from, (p) => !sv001(p) && p.diagnostics.some((d) => d.code === 'DJ012'));
    assert.equal(sv001(off), undefined);
    const answered = await client.request<ProxyStatusReport>('dockerProxy/status', { trusted: true, commandTimeoutMs: 20_000 });
    assert.equal(answered.findings.some((f) => f.id === 'SV001'), false, 'the view\'s report obeys the setting too');
    from = client.mark();
    client.settings = {};
    await client.configurationChanged();
    await client.waitForPublish(uri, from, (p) => sv001(p)?.severity === 2);
  });
  test('a status diagnostic offers the actions of a lint diagnostic: disable in settings, documentation (JSON: no comment)', async () => {
    const uri = `file://${daemonJsonPath}`;
    const last = client.publishesFor(uri).at(-1)!;
    const diagnostic = last.diagnostics.find((d) => d.code === 'SV001')!;
    assert.ok(diagnostic, 'SV001 is shown');
    const actions = await client.request<Array<{ title: string }>>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] } });
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Disable SV001 in settings'), titles.join('; '));
    assert.ok(titles.includes('Show documentation for SV001'), titles.join('; '));
    assert.ok(!titles.some((t) => /SV001 for this (line|file)/.test(t)), 'daemon.json cannot hold a comment');
  });
  test('a save re-runs the status with the client\'s last params: the fixed file loses its status diagnostic', async () => {
    const uri = `file://${daemonJsonPath}`;
    const fixed = '{\n  "proxies": {\n    "no-proxy": "localhost,127.0.0.1"\n  }\n}\n';
    writeFileSync(daemonJsonPath, fixed);
    const from = client.mark();
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
    await client.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
    const p = await client.waitForPublish(uri, from, (x) => x.version === 2 && !x.diagnostics.some((d) => d.code === 'SV001'));
    assert.equal(p.diagnostics.some((d) => d.code === 'SV001'), false);
  });
  test(`the password "${SECRET}" appears in no LSP message`, () => {
    const everything = JSON.stringify({ report, diagnostics: client.diagnostics, logs: client.logs }) + client.stderr;
    assert.ok(everything.includes('xxxxx:xxxxx@'), 'masked values are present');
    assert.doesNotMatch(everything, new RegExp(SECRET));
  });
});
