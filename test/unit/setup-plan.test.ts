// The setup planner (issue 17) on fixture machines: where each layer's proxy is written, what is kept, what is
// refused, and that the password never shows. Idempotence: the plan applied to the files, planned again, is empty.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { discover } from '../../server/src/engine/status/discover';
import { buildStatusModel, type StatusModel } from '../../server/src/engine/status/statusModel';
import { DEFAULT_TOOL_PATHS } from '../../server/src/engine/machine';
import {
  csvField, environmentLine, hideCredentialEntries, planIsEmpty, planSetup, proxyUrlOf, rewriteDropIn, unifiedDiff, withoutBakedProxies,
  type SetupContext, type SetupInput, type SetupPlan,
} from '../../server/src/engine/setup';
import { planJson, formatPlanText } from '../../server/src/cli/setupSubcommand';
import { lint } from '../../server/src/engine';
import { CMD, dockerCommands, fixtureMachine, recording, type Fixture } from './status-fixture';

const PASSWORD = 'p%ss@w:rd';
const ENCODED = 'p%25ss%40w%3Ard';
const INFO = recording('docker-info-linux.json').replace(/"HttpProxy":"[^"]*"/, '"HttpProxy":""').replace(/"HttpsProxy":"[^"]*"/, '"HttpsProxy":""').replace(/"NoProxy":"[^"]*"/, '"NoProxy":""');
const AUTHS = '{\n  "auths": {\n    "registry.corp.example": {\n      "auth": "c2VjcmV0LXVzZXI6c2VjcmV0LXRva2Vu"\n    }\n  },\n  "credsStore": "desktop-secret-helper",\n  "currentContext": "default"\n}\n';

async function modelOf(fx: Fixture): Promise<StatusModel> {
  const obs = await discover(fixtureMachine(fx), { tools: DEFAULT_TOOL_PATHS, timeoutMs: 1000, runCommands: true });
  return buildStatusModel(obs);
}

/** Plans, applies the changes to the fixture's files, plans again with the same input: the second plan is empty. */
async function planTwice(fx: Fixture, input: SetupInput, context: SetupContext = {}): Promise<{ first: SetupPlan; second: SetupPlan; files: Record<string, string> }> {
  const first = planSetup(await modelOf(fx), input, context);
  const files = { ...(fx.files ?? {}) };
  for (const c of first.changes) files[c.path] = c.after;
  const second = planSetup(await modelOf({ ...fx, files }), input, context);
  return { first, second, files };
}

function assertNoSecret(plan: SetupPlan): void {
  const shown = JSON.stringify(planJson(plan)) + formatPlanText(plan) + plan.commands.map((c) => c.display + c.title).join('');
  for (const s of [PASSWORD, ENCODED, 'c2VjcmV0LXVzZXI6c2VjcmV0LXRva2Vu', 'desktop-secret-helper']) assert.ok(!shown.includes(s), `plan text shows ${s}`);
}

const input: SetupInput = { proxy: 'http://proxy.corp.example:3128', user: 'alice@corp', password: PASSWORD };

describe('setup input', () => {
  test('user and password are percent-encoded into the URL (%, @ and : included)', () => {
    assert.equal(proxyUrlOf(input), `http://alice%40corp:${ENCODED}@proxy.corp.example:3128`);
    assert.equal(proxyUrlOf({ proxy: 'proxy:8080' }), 'http://proxy:8080');
    assert.throws(() => proxyUrlOf({ proxy: 'http://proxy' }), /needs a port/);
    assert.throws(() => proxyUrlOf({ proxy: 'ftp://proxy:21' }), /not one Docker supports/);
  });
  test('drop-in words double % and escape quotes; buildx CSV fields with commas are quoted', () => {
    assert.equal(environmentLine('HTTP_PROXY', 'http://a:p%25w@h:1'), 'Environment="HTTP_PROXY=http://a:p%%25w@h:1"');
    assert.equal(csvField('env.no_proxy=a,b'), '"env.no_proxy=a,b"');
    assert.equal(csvField('network=host'), 'network=host');
  });
});

describe('daemon layer', () => {
  test('daemon.json already holding proxies is edited there, NO_PROXY pre-filled with insecure registries and mirrors', async () => {
    const daemonJson = '{\n  "insecure-registries": ["registry.corp.example:5000"],\n  "registry-mirrors": ["https://mirror.corp.example"],\n  "proxies": {\n    "http-proxy": "http://old:3128"\n  }\n}\n';
    const { first, second, files } = await planTwice({ files: { '/etc/docker/daemon.json': daemonJson }, systemd: true, commands: dockerCommands(INFO) }, { ...input, layers: ['daemon'] });
    assert.deepEqual(first.noProxy, ['localhost', '127.0.0.1', '::1', 'registry.corp.example', 'mirror.corp.example']);
    assert.deepEqual(first.changes.map((c) => c.path), ['/etc/docker/daemon.json']);
    const after = JSON.parse(files['/etc/docker/daemon.json']);
    assert.equal(after.proxies['https-proxy'], `http://alice%40corp:${ENCODED}@proxy.corp.example:3128`);
    assert.deepEqual(after['insecure-registries'], ['registry.corp.example:5000']);
    assert.ok(files['/etc/docker/daemon.json'].startsWith('{\n  "insecure-registries": ["registry.corp.example:5000"],\n  "registry-mirrors": ["https://mirror.corp.example"],\n'), 'other keys keep their bytes');
    assert.deepEqual(first.commands.map((c) => c.display), ['sudo systemctl restart docker']);
    assert.ok(planIsEmpty(second), formatPlanText(second));
    assertNoSecret(first);
  });
  test('a drop-in that sets the proxy is edited in place (%% for %), daemon.json is left alone, reload then restart', async () => {
    const dropIn = '[Unit]\nDescription=proxy\n\n[Service]\nEnvironment="HTTP_PROXY=http://old:3128" "FOO=bar"\nEnvironment=http_proxy=http://old:3128\nEnvironment="NO_PROXY=localhost"\nLimitNOFILE=1024\n';
    const fx: Fixture = { files: { '/etc/docker/daemon.json': '{ "log-level": "warn" }\n', '/etc/systemd/system/docker.service.d/http-proxy.conf': dropIn }, systemd: true, commands: dockerCommands(INFO) };
    const { first, second, files } = await planTwice(fx, { ...input, layers: ['daemon'] });
    assert.deepEqual(first.changes.map((c) => c.path), ['/etc/systemd/system/docker.service.d/http-proxy.conf']);
    const text = files['/etc/systemd/system/docker.service.d/http-proxy.conf'];
    assert.equal(text, `[Unit]\nDescription=proxy\n\n[Service]\nEnvironment="FOO=bar"\n${environmentLine('HTTP_PROXY', proxyUrlOf(input))}\n${environmentLine('HTTPS_PROXY', proxyUrlOf(input))}\nEnvironment="NO_PROXY=localhost,127.0.0.1,::1"\nLimitNOFILE=1024\n`);
    assert.match(text, /p%%25ss%%40w%%3Ard/);
    assert.deepEqual(first.commands.map((c) => c.display), ['sudo systemctl daemon-reload', 'sudo systemctl restart docker']);
    assert.ok(planIsEmpty(second), formatPlanText(second));
    assertNoSecret(first);
  });
  test('the new drop-in is parsed by the linter without SV005 (percent) findings', async () => {
    const after = rewriteDropIn('', [environmentLine('HTTP_PROXY', proxyUrlOf(input))]);
    assert.equal(after, `[Service]\n${environmentLine('HTTP_PROXY', proxyUrlOf(input))}\n`);
    assert.deepEqual(lint(after, 'systemd-dropin').filter((f) => f.ruleId === 'SV005'), []);
  });
  test('rootless: the user drop-in, systemctl --user, and a loopback proxy written as 10.0.2.2 with the host-loopback condition', async () => {
    const info = recording('docker-info-rootless.json');
    const fx: Fixture = { home: '/home/alice', env: { HOME: '/home/alice' }, files: { '/home/alice/.config/systemd/user/docker.service.d/proxy.conf': '[Service]\nEnvironment="HTTPS_PROXY=http://old:1"\n' }, systemd: true, commands: dockerCommands(info) };
    const { first, second } = await planTwice(fx, { proxy: 'http://127.0.0.1:3128', layers: ['daemon', 'client-config'] });
    assert.deepEqual(first.changes.map((c) => [c.path, c.owner]), [['/home/alice/.config/systemd/user/docker.service.d/proxy.conf', 'user'], ['/home/alice/.docker/config.json', 'user']]);
    assert.match(first.changes[0].after, /HTTPS_PROXY=http:\/\/10\.0\.2\.2:3128/);
    assert.deepEqual(first.commands.map((c) => c.display), ['systemctl --user daemon-reload', 'systemctl --user restart docker']);
    assert.ok(first.notes.some((n) => /DISABLE_HOST_LOOPBACK=false/.test(n.text)));
    assert.ok(planIsEmpty(second));
  });
  test('Docker Desktop: nothing of Desktop is edited; the plan gives Settings → Resources → Proxies values', async () => {
    const fx: Fixture = { platform: 'darwin', files: { '/home/alice/.docker/daemon.json': '{}\n' }, commands: dockerCommands(recording('docker-info-desktop.json')) };
    const plan = planSetup(await modelOf(fx), { ...input, layers: ['daemon'] });
    assert.deepEqual(plan.changes, []);
    assert.ok(plan.desktop);
    assert.match(plan.blocked[0].reason, /Settings → Resources → Proxies/);
    assertNoSecret(plan);
  });
  test('a daemon.json that does not parse is not rewritten, and the plan says why', async () => {
    const plan = planSetup(await modelOf({ files: { '/etc/docker/daemon.json': '{ "proxies": { "http-proxy": "x", }\n' }, commands: dockerCommands(INFO) }), { ...input, layers: ['daemon'] });
    assert.deepEqual(plan.changes, []);
    assert.match(plan.blocked[0].reason, /not rewritten: it is not valid JSON \(line 1/);
  });
  test('proxy flags in ExecStart: setup refuses instead of writing a second, fatal source', async () => {
    const show = recording('systemctl-show-docker.txt').replace('-H fd://', '-H fd:// --https-proxy http://flag:3128');
    const plan = planSetup(await modelOf({ files: {}, systemd: true, commands: { ...dockerCommands(INFO), [CMD.systemctl]: { stdout: show } } }), { ...input, layers: ['daemon'] });
    assert.deepEqual(plan.changes, []);
    assert.match(plan.blocked[0].reason, /command-line flags/);
  });
});

describe('client layer', () => {
  test('config.json: proxies merged into "default", auths/credsStore/currentContext kept byte for byte and never shown', async () => {
    const { first, second, files } = await planTwice({ files: { '/home/alice/.docker/config.json': AUTHS }, commands: dockerCommands(INFO) }, { ...input, layers: ['client-config'] });
    const after = files['/home/alice/.docker/config.json'];
    assert.ok(after.startsWith(AUTHS.slice(0, AUTHS.lastIndexOf('\n}'))), 'every byte before the new key is kept');
    const parsed = JSON.parse(after);
    assert.equal(parsed.proxies.default.httpProxy, `http://alice%40corp:${ENCODED}@proxy.corp.example:3128`);
    assert.equal(parsed.currentContext, 'default');
    assert.match(first.changes[0].diff, /"credsStore": "\(hidden\)"/);
    assert.ok(first.notes.some((n) => /CC012/.test(n.text)), 'the credentials trade-off is stated before writing');
    assert.ok(planIsEmpty(second));
    assertNoSecret(first);
  });
  test('the entry for the current daemon host is the one set, not "default"', async () => {
    const cfg = '{\n  "proxies": {\n    "default": { "httpProxy": "http://keep:1" },\n    "tcp://docker.corp.example:2376": { "httpProxy": "http://old:1" }\n  }\n}\n';
    const ctx = JSON.stringify([{ Name: 'remote', Metadata: {}, Endpoints: { docker: { Host: 'tcp://docker.corp.example:2376', SkipTLSVerify: false } }, TLSMaterial: {} }]);
    const { first, files } = await planTwice({ files: { '/home/alice/.docker/config.json': cfg }, commands: { ...dockerCommands(INFO), [CMD.contextInspect]: { stdout: ctx } } }, { proxy: 'http://proxy.corp.example:3128', layers: ['client-config'] });
    const parsed = JSON.parse(files['/home/alice/.docker/config.json']);
    assert.equal(parsed.proxies.default.httpProxy, 'http://keep:1');
    assert.equal(parsed.proxies['tcp://docker.corp.example:2376'].httpsProxy, 'http://proxy.corp.example:3128');
    assert.match(first.changes[0].title, /current daemon host/);
  });
  test('a loopback proxy is written as the docker0 gateway for containers (bip honoured), and the plan says the proxy must listen there', async () => {
    const plan = planSetup(await modelOf({ files: { '/etc/docker/daemon.json': '{ "bip": "10.99.0.1/24" }\n' }, commands: dockerCommands(INFO) }), { proxy: 'http://127.0.0.1:3128', layers: ['daemon', 'client-config'] });
    const daemon = plan.changes.find((c) => c.layer === 'daemon')!;
    const client = plan.changes.find((c) => c.layer === 'client-config')!;
    assert.match(daemon.after, /"http-proxy":"http:\/\/127\.0\.0\.1:3128"/, 'a rootful dockerd shares the host loopback');
    assert.ok(daemon.after.startsWith('{ "bip": "10.99.0.1/24",'), 'a one-line file stays on one line');
    assert.match(client.after, /"httpProxy": "http:\/\/10\.99\.0\.1:3128"/);
    assert.ok(plan.notes.some((n) => /must also listen on 10\.99\.0\.1:3128/.test(n.text)));
  });
  test('--container-proxy keeps the password out of config.json (no CC012 note)', async () => {
    const plan = planSetup(await modelOf({ files: {}, commands: dockerCommands(INFO) }), { ...input, containerProxy: 'http://gateway.corp.example:3128', layers: ['client-config'] });
    assert.match(plan.changes[0].after, /"httpProxy": "http:\/\/gateway\.corp\.example:3128"/);
    assert.ok(!plan.notes.some((n) => /CC012/.test(n.text)));
    assert.equal(plan.changes[0].mode, 0o600);
  });
});

describe('builder layer', () => {
  const inspect = recording('buildx-inspect-container.txt').replace(/corp0/g, 'b20').replace('Name:          corp', 'Name:          b2').replace('Status:', 'Driver Options:        image="moby/buildkit:v0.16.0" env.http_proxy="http://old:1"\nStatus:');
  const fx: Fixture = { files: {}, commands: dockerCommands(INFO, { [CMD.buildxLs]: { stdout: recording('buildx-ls-0.13-container.txt') }, [CMD.buildxInspect]: { stdout: inspect } }) };
  test('the docker-container builder is recreated with its name, endpoint, flags and other options, no_proxy CSV-quoted', async () => {
    const plan = planSetup(await modelOf(fx), { ...input, noProxy: ['localhost', '127.0.0.1', 'registry.corp.example'], layers: ['builder'] }, { builderInspects: [{ name: 'b2', stdout: inspect }] });
    const create = plan.commands.find((c) => c.argv[2] === 'create')!;
    assert.deepEqual(plan.commands.map((c) => c.argv.slice(0, 4)), [['docker', 'buildx', 'rm', 'b2'], ['docker', 'buildx', 'create', '--name']]);
    const url = proxyUrlOf(input);
    assert.deepEqual(create.argv, ['docker', 'buildx', 'create', '--name', 'b2', '--driver', 'docker-container', '--driver-opt',
      `image=moby/buildkit:v0.16.0,env.http_proxy=${url},env.https_proxy=${url},"env.no_proxy=localhost,127.0.0.1,registry.corp.example"`,
      '--buildkitd-flags', '--allow-insecure-entitlement=network.host', '--use', 'unix:///var/run/docker.sock']);
    assert.ok(create.secret);
    assert.match(create.display, /--driver-opt 'image=moby\/buildkit:v0\.16\.0,env\.http_proxy=http:\/\/xxxxx:xxxxx@proxy\.corp\.example:3128,.*"env\.no_proxy=localhost,127\.0\.0\.1,registry\.corp\.example"'/);
    assert.deepEqual(create.undo?.[1].slice(7, 9), ['--driver-opt', 'image=moby/buildkit:v0.16.0,env.http_proxy=http://old:1']);
    assert.ok(plan.blocked.some((b) => /b1 could not be inspected/.test(b.reason)), 'a builder whose options are unknown is not recreated');
    assertNoSecret(plan);
  });
  test('a builder that already has the proxy is left alone', async () => {
    const url = 'http://proxy.corp.example:3128';
    const has = inspect.replace('env.http_proxy="http://old:1"', `env.http_proxy="${url}" env.https_proxy="${url}" env.no_proxy="localhost,::1"`);
    const plan = planSetup(await modelOf(fx), { proxy: url, noProxy: ['localhost', '::1'], layers: ['builder'] }, { builderInspects: [{ name: 'b2', stdout: has }, { name: 'b1', stdout: has.replace(/b2/g, 'b1') }] });
    assert.deepEqual(plan.commands, []);
  });
});

describe('Dockerfiles and diffs', () => {
  test('baked ENV proxies (with a password) and ARG proxy defaults are removed; other lines stay', () => {
    const text = 'FROM debian\nENV http_proxy=http://bob:pw@proxy:3128 https_proxy=http://bob:pw@proxy:3128 LANG=C\nARG HTTPS_PROXY=http://proxy:3128\nRUN apt-get update\n';
    assert.equal(withoutBakedProxies(text), 'FROM debian\nENV LANG=C\nRUN apt-get update\n');
  });
  test('unified diff: hunks, new files, no newline at end', () => {
    assert.equal(unifiedDiff('/f', 'a\nb\nc\n', 'a\nB\nc\n'), '--- a/f\n+++ b/f\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n');
    assert.equal(unifiedDiff('/f', undefined, 'x\n'), '--- /dev/null\n+++ b/f\n@@ -0,0 +1,1 @@\n+x\n');
    assert.equal(unifiedDiff('/f', 'x\n', 'x\n'), '');
    assert.match(unifiedDiff('/f', 'x', 'y'), /\\ No newline at end of file\n$/);
  });
  test('credential entries are hidden from displayed config.json text', () => {
    const shown = hideCredentialEntries(AUTHS);
    assert.ok(!shown.includes('c2VjcmV0') && !shown.includes('desktop-secret-helper'));
    assert.equal(shown.split('\n').length, AUTHS.split('\n').length);
  });
});
