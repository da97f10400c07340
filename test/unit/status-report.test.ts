// computeStatusReport on fixture machines: every layer state and every cross-layer finding, from recorded outputs.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { computeStatusReport } from '../../server/src/engine/status';
import type { ProxyStatusReport, StatusLayer } from '../../server/src/engine/status/report';
import { CMD, dockerCommands, fixtureMachine, recording, type Fixture } from './status-fixture';

const DAEMON_JSON = '{\n  "proxies": {\n    "http-proxy": "http://proxy.corp.example:3128",\n    "https-proxy": "http://proxy.corp.example:3128",\n    "no-proxy": "localhost,127.0.0.1,.corp.example"\n  }\n}\n';
const DROPIN = '[Service]\nEnvironment="HTTP_PROXY=http://proxy.corp.example:3128"\nEnvironment="HTTPS_PROXY=http://proxy.corp.example:3128"\nEnvironment="NO_PROXY=localhost,127.0.0.1,.corp.example"\n';
const SHELL_ENV = { HOME: '/home/alice', HTTPS_PROXY: 'http://proxy.corp.example:3128', HTTP_PROXY: 'http://proxy.corp.example:3128', NO_PROXY: 'localhost,127.0.0.1,.corp.example' };
/** docker info of a daemon running with exactly DAEMON_JSON's proxies (the recording, without credentials). */
const INFO_MATCHING = recording('docker-info-linux.json').replace(/http:\/\/xxxxx:xxxxx@proxy/g, 'http://proxy');

async function report(fx: Fixture, params: Parameters<typeof computeStatusReport>[1] = {}): Promise<ProxyStatusReport> {
  return computeStatusReport(fixtureMachine(fx), { now: new Date(0), ...params });
}
const layer = (r: ProxyStatusReport, id: StatusLayer['id']) => r.layers.find((l) => l.id === id)!;
const ids = (r: ProxyStatusReport) => r.findings.filter((f) => !f.lint).map((f) => f.id).sort();

describe('Docker availability', () => {
  test('untrusted: not a single command runs, files and environment are still read', async () => {
    const m = fixtureMachine({ files: { '/etc/docker/daemon.json': DAEMON_JSON }, commands: dockerCommands(INFO_MATCHING), env: { HOME: '/home/alice', SHELL: '/bin/bash' } });
    const r = await computeStatusReport(m, { trusted: false });
    assert.deepEqual(m.calls, []);
    assert.deepEqual(r.commands, []);
    assert.equal(r.docker.state, 'not-checked');
    assert.equal(layer(r, 'daemon').values.filter((v) => v.source.path === '/etc/docker/daemon.json').length, 3);
    assert.equal(layer(r, 'builder').health, 'unknown');
  });
  test('docker not installed: a clear message, layers still built, no error health', async () => {
    const r = await report({ files: { '/etc/docker/daemon.json': DAEMON_JSON } });
    assert.equal(r.docker.state, 'not-installed');
    assert.match(r.docker.message!, /not found.*dockerPath/);
    assert.notEqual(r.health, 'error');
    assert.ok(r.commands.every((c) => c.outcome === 'not found'));
  });
  test('daemon down: state and next step; DJ017 reminds that proxies need a restart', async () => {
    const r = await report({
      files: { '/etc/docker/daemon.json': DAEMON_JSON },
      commands: { [CMD.info]: { exitCode: 1, stdout: '{"ServerVersion":""}', stderr: 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?' } },
    });
    assert.equal(r.docker.state, 'daemon-down');
    assert.match(r.docker.message!, /Start it/);
    assert.deepEqual(ids(r), ['DJ017', 'SV001']);
  });
  test('a hanging docker shows as "timed out after N s" and does not block the report', async () => {
    const r = await report({ commands: { [CMD.info]: 'timeout', [CMD.buildxLs]: 'timeout', [CMD.buildxInspect]: 'timeout' } }, { commandTimeoutMs: 3000 });
    assert.equal(r.docker.state, 'timeout');
    assert.match(r.docker.message!, /timed out after 3 s/);
    assert.ok(r.commands.some((c) => c.outcome === 'timed out after 3 s'));
  });
  test('the first wave of commands runs in parallel: all nine start before any finishes', async () => {
    let started = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    // Failure guard only: if the discovery ran them one by one, the gate would never open by itself.
    const guard = setTimeout(release, 20_000);
    const base = fixtureMachine({ systemd: true, env: { HOME: '/home/alice', SHELL: '/bin/bash' }, commands: dockerCommands(INFO_MATCHING) });
    let startedBeforeFirstFinish = -1;
    const m = { ...base, exec: async (...a: Parameters<typeof base.exec>) => {
      if (++started === 9) release();
      await gate;
      if (startedBeforeFirstFinish < 0) startedBeforeFirstFinish = started;
      return base.exec(...a);
    } };
    const r = await computeStatusReport(m, {});
    clearTimeout(guard);
    assert.equal(startedBeforeFirstFinish, 9);
    assert.equal(r.docker.state, 'ok');
  });
});

describe('daemon layer: configured, precedence, effective', () => {
  test('daemon.json matches docker info: no finding, values from both sources', async () => {
    const r = await report({ files: { '/etc/docker/daemon.json': DAEMON_JSON }, env: SHELL_ENV, commands: dockerCommands(INFO_MATCHING) });
    assert.equal(r.docker.state, 'ok');
    assert.deepEqual(ids(r), []);
    const d = layer(r, 'daemon');
    assert.equal(d.health, 'ok');
    assert.deepEqual(d.values.map((v) => v.source.label), [
      '/etc/docker/daemon.json:3', '/etc/docker/daemon.json:4', '/etc/docker/daemon.json:5',
      "docker info --format '{{json .}}'", "docker info --format '{{json .}}'", "docker info --format '{{json .}}'"]);
    assert.equal(d.values[0].source.line, 2);
    assert.match(d.summary, /effective: http \+ https \+ NO_PROXY/);
  });
  test('daemon.json edited without restart → SV004 with the exact restart command', async () => {
    const edited = DAEMON_JSON.replace(/proxy\.corp\.example:3128/g, 'newproxy.corp.example:8080');
    const r = await report({ systemd: true, files: { '/etc/docker/daemon.json': edited }, env: SHELL_ENV, commands: dockerCommands(INFO_MATCHING) });
    const sv004 = r.findings.filter((f) => f.id === 'SV004');
    assert.equal(sv004.length, 2);
    assert.equal(sv004[0].action, 'sudo systemctl daemon-reload && sudo systemctl restart docker');
    assert.equal(sv004[0].source?.path, '/etc/docker/daemon.json');
    assert.match(sv004[0].message, /restart needed/);
    assert.equal(layer(r, 'daemon').health, 'warning');
  });
  test('drop-in edited without daemon-reload: files differ from systemctl show → SV004', async () => {
    const r = await report({
      systemd: true,
      files: { '/etc/systemd/system/docker.service.d/http-proxy.conf': DROPIN.replace('HTTPS_PROXY=http://proxy.corp.example:3128', 'HTTPS_PROXY=http://other.corp.example:3128') },
      env: SHELL_ENV,
      commands: dockerCommands(INFO_MATCHING, { [CMD.systemctl]: { stdout: recording('systemctl-show-docker.txt') } }),
    });
    const msgs = r.findings.filter((f) => f.id === 'SV004').map((f) => f.message);
    assert.ok(msgs.some((m) => /not what systemd passes.*daemon-reload/.test(m)), msgs.join('\n'));
    assert.ok(msgs.some((m) => /HTTPS proxy.*not what the running dockerd uses/.test(m)), msgs.join('\n'));
  });
  test('proxy removed from every source but still in the running daemon → SV004', async () => {
    const r = await report({ systemd: true, env: SHELL_ENV, commands: dockerCommands(INFO_MATCHING, { [CMD.systemctl]: { stdout: 'Environment=\nExecStart={ path=/usr/bin/dockerd ; argv[]=/usr/bin/dockerd -H fd:// ; ignore_errors=no }\n' } }) });
    assert.ok(r.findings.some((f) => f.id === 'SV004' && /nothing configures it/.test(f.message)));
  });
  test('dockerd started by hand with proxy variables (no systemd, no file): effective only, no SV004', async () => {
    const r = await report({ env: SHELL_ENV, commands: dockerCommands(INFO_MATCHING) });
    assert.deepEqual(ids(r), []);
    assert.ok(layer(r, 'daemon').values.every((v) => /from its environment/.test(v.note ?? '')));
  });
  test('daemon.json wins over a drop-in: drop-in value overridden, DJ019', async () => {
    const r = await report({
      files: { '/etc/docker/daemon.json': DAEMON_JSON, '/etc/systemd/system/docker.service.d/http-proxy.conf': DROPIN.replace(/proxy\.corp/g, 'old.corp') },
      env: SHELL_ENV, commands: dockerCommands(INFO_MATCHING),
    });
    const dropinValues = layer(r, 'daemon').values.filter((v) => v.source.path?.endsWith('http-proxy.conf'));
    assert.equal(dropinValues.length, 3);
    assert.ok(dropinValues.every((v) => v.overridden && /daemon\.json value .* wins/.test(v.note!)));
    assert.equal(r.findings.filter((f) => f.id === 'DJ019').length, 2, 'NO_PROXY has the same value in both');
    assert.equal(r.findings.find((f) => f.id === 'DJ019')!.related![0].path, '/etc/docker/daemon.json');
  });
  test('ExecStart flag and daemon.json set the same key → DJ018 error, layer in error', async () => {
    const r = await report({
      systemd: true, files: { '/etc/docker/daemon.json': DAEMON_JSON }, env: SHELL_ENV,
      commands: dockerCommands(INFO_MATCHING, { [CMD.systemctl]: { stdout: 'Environment=\nExecStart={ path=/usr/bin/dockerd ; argv[]=/usr/bin/dockerd -H fd:// --http-proxy http://proxy.corp.example:3128 ; ignore_errors=no }\n' } }),
    });
    const dj018 = r.findings.find((f) => f.id === 'DJ018')!;
    assert.equal(dj018.severity, 'error');
    assert.equal(dj018.source?.path, '/etc/docker/daemon.json');
    assert.equal(layer(r, 'daemon').health, 'error');
  });
  test('without systemctl, ExecStart of a drop-in counts: its proxy flag and daemon.json → DJ018', async () => {
    const r = await report({ files: {
      '/etc/docker/daemon.json': DAEMON_JSON,
      '/etc/systemd/system/docker.service.d/override.conf': '[Service]\nExecStart=\nExecStart=/usr/bin/dockerd -H fd:// --https-proxy=http://proxy.corp.example:3128\n',
    } });
    const f = r.findings.find((x) => x.id === 'DJ018')!;
    assert.equal(f.related?.[0].path, '/etc/systemd/system/docker.service.d/override.conf');
    assert.equal(f.related?.[0].line, 2);
  });
  test('--config-file in ExecStart moves daemon.json', async () => {
    const r = await report({
      systemd: true, files: { '/srv/docker/daemon.json': DAEMON_JSON }, env: SHELL_ENV,
      commands: dockerCommands(INFO_MATCHING, { [CMD.systemctl]: { stdout: 'ExecStart={ path=/usr/bin/dockerd ; argv[]=/usr/bin/dockerd --config-file=/srv/docker/daemon.json ; ignore_errors=no }\n' } }),
    });
    assert.ok(layer(r, 'daemon').values.some((v) => v.source.path === '/srv/docker/daemon.json'));
  });
  test('a daemon.json dockerd refuses: lint findings included, layer in error, counted', async () => {
    const r = await report({ files: { '/etc/docker/daemon.json': '{"proxies":{"default":{"httpProxy":"http://p:3128"}}}' } });
    assert.equal(layer(r, 'daemon').health, 'error');
    assert.ok(r.findings.some((f) => f.lint && f.id === 'DJ003'));
    assert.ok(r.counts.error >= 1);
    assert.match(layer(r, 'daemon').notes.map((n) => n.text).join('\n'), /dockerd refuses to start/);
  });
  test('unreadable daemon.json: permission note, no crash', async () => {
    const r = await report({ unreadable: ['/etc/docker/daemon.json'] });
    assert.match(layer(r, 'daemon').notes.map((n) => n.text).join('\n'), /daemon\.json: permission denied/);
  });
  test('DJ008: socks5h proxy on an engine built with Go 1.22', async () => {
    const json = DAEMON_JSON.replace(/http:\/\/proxy\.corp\.example:3128/g, 'socks5h://proxy.corp.example:1080');
    const info = INFO_MATCHING.replace(/http:\/\/proxy\.corp\.example:3128/g, 'socks5h://proxy.corp.example:1080');
    const r = await report({ files: { '/etc/docker/daemon.json': json }, env: { ...SHELL_ENV }, commands: dockerCommands(info, { [CMD.version]: { stdout: '{"GoVersion":"go1.22.7"}' } }) });
    assert.equal(r.findings.filter((f) => f.id === 'DJ008').length, 2);
    const newer = await report({ files: { '/etc/docker/daemon.json': json }, env: { ...SHELL_ENV }, commands: dockerCommands(info) });
    assert.equal(newer.findings.filter((f) => f.id === 'DJ008').length, 0);
  });
});

describe('Desktop and rootless', () => {
  test('Docker Desktop: SV009 info, DJ020 for a daemon.json with proxies, no SV001 for Desktop\'s own proxy', async () => {
    const r = await report({ platform: 'darwin', files: { '/home/alice/.docker/daemon.json': DAEMON_JSON }, commands: dockerCommands(recording('docker-info-desktop.json')) });
    assert.equal(r.docker.desktop, true);
    assert.deepEqual(ids(r), ['DJ020', 'SV009']);
    assert.equal(r.findings.find((f) => f.id === 'DJ020')!.source?.path, '/home/alice/.docker/daemon.json');
  });
  test('rootless: drop-in under /etc is SV007, loopback proxy is DJ013, restart command uses --user', async () => {
    const r = await report({
      systemd: true,
      files: {
        '/etc/systemd/system/docker.service.d/http-proxy.conf': DROPIN,
        '/home/alice/.config/docker/daemon.json': DAEMON_JSON.replace(/proxy\.corp\.example/g, '127.0.0.1'),
      },
      env: SHELL_ENV,
      commands: dockerCommands(recording('docker-info-rootless.json')),
    });
    assert.equal(r.docker.rootless, true);
    const sv007 = r.findings.find((f) => f.id === 'SV007')!;
    assert.equal(sv007.source?.path, '/etc/systemd/system/docker.service.d/http-proxy.conf');
    assert.match(sv007.action!, /\.config\/systemd\/user\/docker\.service\.d/);
    assert.equal(r.findings.filter((f) => f.id === 'DJ013').length, 2);
    const sv004 = r.findings.find((f) => f.id === 'SV004');
    assert.equal(sv004?.action, 'systemctl --user daemon-reload && systemctl --user restart docker');
  });
});

describe('shell, client config, build args', () => {
  test('SV001: daemon has an HTTPS proxy, the shell none (files only: the configured value counts)', async () => {
    const r = await report({ files: { '/etc/docker/daemon.json': DAEMON_JSON } });
    const f = r.findings.find((x) => x.id === 'SV001')!;
    assert.equal(f.layer, 'cli-shell');
    assert.equal(f.source?.path, '/etc/docker/daemon.json');
    assert.equal(layer(r, 'cli-shell').health, 'warning');
    const ok = await report({ files: { '/etc/docker/daemon.json': DAEMON_JSON }, env: { HOME: '/home/alice', BUILDKIT_NO_CLIENT_TOKEN: '1' } });
    assert.equal(ok.findings.some((x) => x.id === 'SV001'), false);
  });
  test('login shell differs from this process: both shown, SV001 names the difference', async () => {
    const login = 'HOME=/home/alice\nHTTPS_PROXY=http://proxy.corp.example:3128\nNO_PROXY=localhost\n';
    const r = await report({
      env: { HOME: '/home/alice', SHELL: '/bin/bash' }, files: { '/etc/docker/daemon.json': DAEMON_JSON },
      commands: dockerCommands(INFO_MATCHING, { [CMD.loginShell]: { stdout: login } }),
    });
    const shell = layer(r, 'cli-shell');
    assert.ok(shell.values.some((v) => v.name === 'HTTPS_PROXY' && v.source.kind === 'command' && /login shell/.test(v.source.label)));
    const partly = await report({
      env: { HOME: '/home/alice', SHELL: '/bin/bash', NO_PROXY: 'localhost', HTTP_PROXY: 'http://p:3128' },
      commands: dockerCommands(INFO_MATCHING, { [CMD.loginShell]: { stdout: login } }),
    });
    const fromLogin = layer(partly, 'cli-shell').values.filter((v) => /login shell/.test(v.source.label)).map((v) => v.name);
    assert.deepEqual(fromLogin, ['HTTPS_PROXY'], 'NO_PROXY is the same in both: shown once');
    assert.match(layer(partly, 'cli-shell').notes.map((n) => n.text).join('\n'), /not in your login shell: HTTP_PROXY/);
    assert.match(r.findings.find((f) => f.id === 'SV001')!.message, /login shell exports HTTPS_PROXY, but this process has none/);
    const same = await report({ env: { ...SHELL_ENV, SHELL: '/bin/bash' }, commands: dockerCommands(INFO_MATCHING, { [CMD.loginShell]: { stdout: Object.entries(SHELL_ENV).map(([k, v]) => `${k}=${v}`).join('\n') } }) });
    assert.equal(layer(same, 'cli-shell').values.filter((v) => v.source.kind === 'command' && /login/.test(v.source.label)).length, 0);
  });
  test('lower-case variable shadowed by the upper-case one is marked overridden', async () => {
    const r = await report({ env: { HOME: '/h', HTTPS_PROXY: 'http://a:3128', https_proxy: 'http://b:3128' } });
    const lower = layer(r, 'cli-shell').values.find((v) => v.name === 'https_proxy')!;
    assert.equal(lower.overridden, true);
  });
  test('SV003: tcp:// daemon with HTTP_PROXY and no NO_PROXY entry; fixed by NO_PROXY', async () => {
    const cmds = { [CMD.contextInspect]: { stdout: recording('context-inspect-tcp.json') }, [CMD.contextLs]: { stdout: recording('context-ls.txt') } };
    const r = await report({ env: { HOME: '/home/alice', HTTP_PROXY: 'http://proxy:3128' }, commands: cmds });
    const f = r.findings.find((x) => x.id === 'SV003')!;
    assert.match(f.message, /tcp:\/\/10\.20\.0\.5:2375/);
    assert.equal(f.action, 'export NO_PROXY=10.20.0.5');
    const fixed = await report({ env: { HOME: '/home/alice', HTTP_PROXY: 'http://proxy:3128', NO_PROXY: '10.20.0.0/16' }, commands: cmds });
    assert.equal(fixed.findings.some((x) => x.id === 'SV003'), false);
  });
  test('SV032: only ALL_PROXY in the shell', async () => {
    const r = await report({ env: { HOME: '/h', ALL_PROXY: 'socks5://proxy:1080' } });
    assert.deepEqual(ids(r), ['SV032']);
  });
  test('config.json: the per-host entry for the current host applies, "default" is overridden (no merge)', async () => {
    const cfg = '{\n  "proxies": {\n    "default": {\n      "httpProxy": "http://proxy:3128",\n      "httpsProxy": "http://proxy:3128",\n      "noProxy": "localhost"\n    },\n    "unix:///var/run/docker.sock": {\n      "noProxy": "localhost,.corp"\n    }\n  }\n}\n';
    const r = await report({ files: { '/home/alice/.docker/config.json': cfg }, commands: { [CMD.contextInspect]: { stdout: recording('../status/context-ls.txt').length ? '[{"Name":"default","Endpoints":{"docker":{"Host":"unix:///var/run/docker.sock"}}}]' : '' } } });
    const c = layer(r, 'client-config');
    const applied = c.values.filter((v) => !v.overridden);
    assert.deepEqual(applied.map((v) => v.name), ['unix:///var/run/docker.sock.noProxy']);
    assert.match(applied[0].note!, /"default" is not used \(no merge\)/);
    assert.ok(c.values.filter((v) => v.overridden).every((v) => v.name.startsWith('default.')));
    // Builds get only what the applied entry has: no HTTP(S)_PROXY at all.
    assert.deepEqual(layer(r, 'build-args').values.map((v) => v.name), ['NO_PROXY']);
  });
  test('config.json "default" applies; build args are upper case, without ALL_PROXY', async () => {
    const cfg = '{"auths":{"registry.corp":{"auth":"c2VjcmV0"}},"proxies":{"default":{"httpProxy":"http://proxy:3128","httpsProxy":"http://proxy:3128","noProxy":"localhost,127.0.0.1","allProxy":"socks5://proxy:1080"}}}';
    const r = await report({ files: { '/home/alice/.docker/config.json': cfg } });
    assert.deepEqual(layer(r, 'build-args').values.map((v) => v.name), ['HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY']);
    assert.match(layer(r, 'build-args').notes.map((n) => n.text).join(), /allProxy is not passed/);
    assert.doesNotMatch(JSON.stringify(r), /c2VjcmV0|auths/);
  });
  test('$DOCKER_CONFIG moves config.json', async () => {
    const r = await report({ env: { HOME: '/home/alice', DOCKER_CONFIG: '/cfg' }, files: { '/cfg/config.json': '{"proxies":{"default":{"httpsProxy":"http://p:3128","noProxy":"localhost,127.0.0.1"}}}' } });
    assert.ok(layer(r, 'client-config').values.some((v) => v.source.path === '/cfg/config.json'));
  });
  test('CC019 (context comparison): a per-host key that no context has', async () => {
    const cfg = '{\n  "proxies": {\n    "tcp://old-host:2375": { "httpsProxy": "http://p:3128" }\n  }\n}\n';
    const r = await report({ files: { '/home/alice/.docker/config.json': cfg }, commands: dockerCommands(INFO_MATCHING) });
    const f = r.findings.find((x) => x.id === 'CC019')!;
    assert.equal(f.source?.line, 2);
    assert.match(f.message, /unix:\/\/\/var\/run\/docker\.sock/);
  });
  test('config.json with a syntax error: the CLI ignores it all, layer in error', async () => {
    const r = await report({ files: { '/home/alice/.docker/config.json': '{"proxies": {"default": {"httpProxy": "http://p:3128",}}}' } });
    assert.equal(layer(r, 'client-config').health, 'error');
  });
  test('VS Code layer from the client\'s settings; not checked without them', async () => {
    const r = await report({}, { vscodeProxy: { proxy: 'http://vs:8080', noProxy: ['localhost'], strictSSL: false } });
    assert.deepEqual(layer(r, 'vscode').values.map((v) => v.name), ['http.proxy', 'http.noProxy', 'http.proxyStrictSSL']);
    assert.equal(layer(await report({}), 'vscode').health, 'unknown');
  });
  test('nothing configured anywhere: noConfiguration', async () => {
    const r = await report({ commands: dockerCommands(recording('docker-info-linux.json').replace(/"(HttpProxy|HttpsProxy|NoProxy)": *"[^"]*"/g, '"$1": ""')) });
    assert.equal(r.noConfiguration, true);
    assert.equal(r.health, 'ok');
  });
});

describe('builder layer', () => {
  const container = (inspect: string) => dockerCommands(INFO_MATCHING, {
    [CMD.buildxLs]: { stdout: recording('buildx-ls-0.17.txt') },
    [CMD.buildxInspect]: { stdout: recording('buildx-inspect-container.txt') },
    [CMD.inspect('buildx_buildkit_corp0')]: { stdout: recording(inspect) },
  });
  test('docker driver: uses the daemon\'s proxy, no finding', async () => {
    const r = await report({ files: { '/etc/docker/daemon.json': DAEMON_JSON }, env: SHELL_ENV, commands: dockerCommands(INFO_MATCHING) });
    assert.match(layer(r, 'builder').summary, /docker driver, uses the daemon's proxy/);
  });
  test('docker-container builder without proxy env → SV002 with a CSV-quoted create command', async () => {
    const r = await report({ files: { '/etc/docker/daemon.json': DAEMON_JSON }, env: SHELL_ENV, commands: container('inspect-builder-no-proxy.json') });
    const f = r.findings.find((x) => x.id === 'SV002')!;
    assert.match(f.action!, /--driver-opt '"env\.https_proxy=http:\/\/proxy\.corp\.example:3128"'/);
    assert.equal(layer(r, 'builder').health, 'warning');
  });
  test('docker-container builder with proxy env: values from docker inspect, no SV002', async () => {
    const r = await report({ files: { '/etc/docker/daemon.json': DAEMON_JSON }, env: SHELL_ENV, commands: container('inspect-builder-with-proxy.json') });
    assert.deepEqual(ids(r), []);
    assert.deepEqual(layer(r, 'builder').values.filter((v) => v.variable !== 'other').map((v) => v.name), ['http_proxy', 'https_proxy', 'no_proxy']);
  });
  test('loopback proxy in a builder on the bridge network → SV019', async () => {
    const r = await report({ files: { '/etc/docker/daemon.json': DAEMON_JSON }, env: SHELL_ENV, commands: container('inspect-builder-loopback.json') });
    assert.deepEqual(ids(r), ['SV019']);
  });
  test('inactive builder (no container yet): driver options stand in', async () => {
    const inspect = recording('buildx-inspect-container.txt').replace('Status:', 'Driver Options:        env.https_proxy="http://127.0.0.1:3128"\nStatus:');
    const r = await report({ files: { '/etc/docker/daemon.json': DAEMON_JSON }, env: SHELL_ENV, commands: dockerCommands(INFO_MATCHING, {
      [CMD.buildxInspect]: { stdout: inspect }, [CMD.inspect('buildx_buildkit_corp0')]: { exitCode: 1, stderr: 'Error: No such object: buildx_buildkit_corp0' },
    }) });
    assert.ok(layer(r, 'builder').values.some((v) => v.name === 'https_proxy' && /driver-opt/.test(v.note!)));
    assert.deepEqual(ids(r), ['SV019']);
  });
  test('buildx missing: "not installed", unknown health', async () => {
    const r = await report({ commands: dockerCommands(INFO_MATCHING, { [CMD.buildxLs]: { exitCode: 1, stderr: "docker: 'buildx' is not a docker command." }, [CMD.buildxInspect]: { exitCode: 1, stderr: "docker: 'buildx' is not a docker command." } }) });
    assert.equal(layer(r, 'builder').summary, 'buildx not installed');
  });
});
