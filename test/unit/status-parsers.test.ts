// The status engine's readers of command output, on recorded outputs (test/fixtures/status/) and on broken input.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDockerInfo, dockerStateOf, parseServerGoVersion } from '../../server/src/engine/status/dockerInfo';
import { parseBuildxLs, parseBuildxInspect, parseContainerInspect, parseDriverOptions } from '../../server/src/engine/status/buildx';
import { parseSystemctlShow, splitSystemdWords } from '../../server/src/engine/status/systemctl';
import { parseContextInspect, parseContextList, normalizeDockerHost, tcpHostOf } from '../../server/src/engine/status/dockerContext';
import { parseDaemonFlags } from '../../server/src/engine/status/daemonFlags';
import { parseEnvOutput } from '../../server/src/engine/status/shellEnv';
import { recording } from './status-fixture';

describe('docker info', () => {
  test('plain Linux (recorded from dockerd 26.1.5): proxies masked by dockerd, not rootless, not Desktop', () => {
    const info = parseDockerInfo(recording('docker-info-linux.json'))!;
    assert.equal(info.serverVersion, '26.1.5+dfsg1');
    assert.equal(info.httpProxy, 'http://xxxxx:xxxxx@proxy.corp.example:3128');
    assert.equal(info.noProxy, 'localhost,127.0.0.1,.corp.example');
    assert.equal(info.rootless, false);
    assert.equal(info.desktop, false);
  });
  test('Docker Desktop: OS name, label and http.docker.internal', () => {
    const info = parseDockerInfo(recording('docker-info-desktop.json'))!;
    assert.equal(info.desktop, true);
    assert.equal(info.httpsProxy, 'http.docker.internal:3128');
    assert.equal(info.context, 'desktop-linux');
  });
  test('rootless: SecurityOptions name=rootless', () => {
    const info = parseDockerInfo(recording('docker-info-rootless.json'))!;
    assert.equal(info.rootless, true);
    assert.equal(info.desktop, false);
  });
  test('warnings before the JSON line are skipped; garbage gives undefined', () => {
    assert.equal(parseDockerInfo('WARNING: something\n' + recording('docker-info-linux.json'))?.serverVersion, '26.1.5+dfsg1');
    assert.equal(parseDockerInfo('{"ServerVersion": '), undefined);
    assert.equal(parseDockerInfo('[]'), undefined);
    assert.equal(parseDockerInfo(''), undefined);
  });
  test('daemon states with a next step', () => {
    const ok = { exitCode: 0, stdout: '', stderr: '', durationMs: 1 };
    assert.equal(dockerStateOf(undefined, undefined, 'docker').state, 'not-checked');
    assert.equal(dockerStateOf({ ...ok, exitCode: null, failure: 'not-found' }, undefined, 'docker').state, 'not-installed');
    assert.equal(dockerStateOf({ ...ok, exitCode: null, failure: 'timeout', message: 'timed out after 5 s' }, undefined, 'docker').message?.includes('timed out after 5 s'), true);
    const down = dockerStateOf({ ...ok, exitCode: 1, stderr: 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?' }, parseDockerInfo('{"ServerVersion":""}'), 'docker');
    assert.equal(down.state, 'daemon-down');
    assert.match(down.message!, /systemctl start docker/);
    const denied = dockerStateOf({ ...ok, exitCode: 1, stderr: 'permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock' }, undefined, 'docker');
    assert.equal(denied.state, 'permission-denied');
    assert.match(denied.message!, /docker` group/);
    assert.equal(dockerStateOf({ ...ok, exitCode: 1, stderr: 'something odd' }, undefined, 'docker').state, 'error');
  });
  test('docker version: the engine Go version', () => {
    assert.equal(parseServerGoVersion('{"Version":"26.1.5","GoVersion":"go1.24.4"}'), 'go1.24.4');
    assert.equal(parseServerGoVersion('null'), undefined);
  });
});

describe('buildx ls / inspect / container inspect', () => {
  test('buildx 0.13 (recorded): tree layout, current marked with *, inactive docker-container builders', () => {
    const builders = parseBuildxLs(recording('buildx-ls-0.13-container.txt'));
    assert.deepEqual(builders.map((b) => [b.name, b.driver, b.current]), [['b1', 'docker-container', false], ['b2', 'docker-container', true], ['default', 'docker', false]]);
    assert.deepEqual(builders[0].nodes, [{ name: 'b10', endpoint: 'unix:///tmp/rec/d.sock', status: 'inactive' }]);
    const def = parseBuildxLs(recording('buildx-ls-0.13-default.txt'));
    assert.deepEqual(def.map((b) => [b.name, b.driver, b.current, b.nodes[0]?.status]), [['default', 'docker', true, 'running']]);
  });
  test('buildx 0.12 layout: "name *" and two-space node indentation', () => {
    const builders = parseBuildxLs(recording('buildx-ls-0.12.txt'));
    assert.deepEqual(builders.map((b) => [b.name, b.driver, b.current, b.nodes.map((n) => n.name).join()]), [['corp', 'docker-container', true, 'corp0'], ['default', 'docker', false, 'default']]);
  });
  test('newer layout with an error line that is not a builder', () => {
    const builders = parseBuildxLs(recording('buildx-ls-0.17.txt'));
    assert.deepEqual(builders.map((b) => [b.name, b.driver, b.current]), [['corp', 'docker-container', true], ['default', 'docker', false]]);
    assert.equal(builders[0].nodes[0].status, 'running');
  });
  test('a builder whose daemon is down: empty driver, status error', () => {
    const out = 'NAME/NODE   DRIVER/ENDPOINT   STATUS    BUILDKIT   PLATFORMS\ndefault*                      error                \n';
    assert.deepEqual(parseBuildxLs(out).map((b) => [b.name, b.driver, b.current]), [['default', '', true]]);
  });
  test('buildx inspect: driver, nodes, driver options with quoted values', () => {
    const i = parseBuildxInspect(recording('buildx-inspect-container.txt'))!;
    assert.equal(i.name, 'corp');
    assert.equal(i.driver, 'docker-container');
    assert.deepEqual(i.nodes.map((n) => [n.name, n.status]), [['corp0', 'running']]);
    assert.deepEqual(parseDriverOptions('env.http_proxy="http://p:3128" network="host" image=moby/buildkit'), { 'env.http_proxy': 'http://p:3128', network: 'host', image: 'moby/buildkit' });
    assert.equal(parseBuildxInspect('garbage'), undefined);
  });
  test('docker inspect of the builder container: env and network', () => {
    const withProxy = parseContainerInspect(recording('inspect-builder-with-proxy.json'))!;
    assert.ok(withProxy.env.some((e) => e.name === 'https_proxy'));
    assert.equal(withProxy.networkMode, 'default');
    assert.equal(withProxy.running, true);
    assert.equal(parseContainerInspect('[]'), undefined);
    assert.equal(parseContainerInspect('{'), undefined);
  });
});

describe('systemctl, contexts, flags, env', () => {
  test('systemctl show: environment words, ExecStart argv, drop-in paths', () => {
    const s = parseSystemctlShow(recording('systemctl-show-docker.txt'));
    assert.deepEqual(s.environment.map((e) => e.name), ['HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY']);
    assert.equal(s.environment[2].value, 'localhost,127.0.0.1,.corp.example');
    assert.deepEqual(s.execStart, ['/usr/bin/dockerd', '-H', 'fd://', '--containerd=/run/containerd/containerd.sock']);
    assert.deepEqual(s.dropInPaths, ['/etc/systemd/system/docker.service.d/http-proxy.conf']);
    assert.deepEqual(splitSystemdWords('A=1 "B=two words" C=a\\ b'), ['A=1', 'B=two words', 'C=a b']);
  });
  test('dockerd flags: both spellings, --config-file', () => {
    const f = parseDaemonFlags(['/usr/bin/dockerd', '--http-proxy', 'http://p:3128', '--no-proxy=localhost', '--config-file=/srv/daemon.json']);
    assert.deepEqual(f.proxies.map((p) => [p.flag, p.value]), [['--http-proxy', 'http://p:3128'], ['--no-proxy', 'localhost']]);
    assert.equal(f.configFile, '/srv/daemon.json');
  });
  test('contexts: inspect and ls; DOCKER_HOST normalised like the CLI', () => {
    assert.deepEqual(parseContextInspect(recording('context-inspect-tcp.json')), { name: 'remote', host: 'tcp://10.20.0.5:2375', tls: false });
    assert.deepEqual(parseContextList(recording('context-ls.txt')).map((c) => c.host), ['unix:///var/run/docker.sock', 'tcp://10.20.0.5:2375']);
    assert.equal(parseContextInspect('not json'), undefined);
    assert.equal(normalizeDockerHost('tcp://10.0.0.5', 'linux'), 'tcp://10.0.0.5:2375');
    assert.equal(normalizeDockerHost('tcp://10.0.0.5:2376', 'linux'), 'tcp://10.0.0.5:2376');
    assert.equal(normalizeDockerHost(undefined, 'linux'), 'unix:///var/run/docker.sock');
    assert.deepEqual(tcpHostOf('tcp://[fd00::5]:2376'), { host: 'fd00::5', port: '2376' });
    assert.equal(tcpHostOf('unix:///var/run/docker.sock'), undefined);
  });
  test('env output: only the watched variables are kept', () => {
    const env = parseEnvOutput('HOME=/home/alice\nHTTPS_PROXY=http://p:3128\nAWS_SECRET_ACCESS_KEY=abc\nno_proxy=localhost\nmulti\nline\n');
    assert.deepEqual(env, { HTTPS_PROXY: 'http://p:3128', no_proxy: 'localhost' });
  });
});
