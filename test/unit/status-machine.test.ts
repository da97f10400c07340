// The machine model's consumers without a daemon: attribution of explanations (which layer, which namespace, which
// file), rule settings on status findings, titles, and value health following findings. Command outputs are the
// recordings in test/fixtures/status (captured from dockerd 26 / buildx 0.13 here, or cited in the fixture).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeStatusModel, computeStatusReport } from '../../server/src/engine/status';
import { attributeExplanations, explainLog } from '../../server/src/engine/causes';
import { CMD, dockerCommands, fixtureMachine, recording } from './status-fixture';

// Captured from dockerd 26.1.5 here with its proxy on 127.0.0.1:3128 stopped (`docker pull alpine`).
const REFUSED = 'Error response from daemon: Get "https://registry-1.docker.io/v2/": proxyconnect tcp: dial tcp 127.0.0.1:3128: connect: connection refused';
const DROP_IN = '[Service]\nEnvironment="HTTPS_PROXY=http://feas:s3cret@127.0.0.1:3128" "HTTP_PROXY=http://feas:s3cret@127.0.0.1:3128"\n';
const files = { '/etc/systemd/system/docker.service.d/http-proxy.conf': DROP_IN };
const loopbackBuilder = { [CMD.buildxLs]: { stdout: recording('buildx-ls-0.13-loopback.txt') }, [CMD.buildxInspect]: { stdout: recording('buildx-inspect-0.13-loopback.txt') } };

test('a refused loopback proxy on a rootful dockerd is a stopped proxy; on a rootless one it is the namespace', async () => {
  const rootful = await computeStatusModel(fixtureMachine({ files, commands: dockerCommands(recording('docker-info-26-env-proxy.json')) }), { trusted: true });
  const [e] = attributeExplanations(explainLog(REFUSED), rootful);
  assert.equal(e.layer, 'daemon');
  assert.equal(e.id, 'proxy-refused');
  assert.equal(e.machine?.reattributedFrom, 'proxy-loopback-other-netns');
  assert.equal(e.machine?.onHost, true);
  assert.deepEqual([e.machine?.configuredAt?.path, e.machine?.configuredAt?.line], ['/etc/systemd/system/docker.service.d/http-proxy.conf', 1]);
  assert.doesNotMatch(JSON.stringify(e), /s3cret/);

  const rootless = await computeStatusModel(fixtureMachine({ commands: dockerCommands(recording('docker-info-rootless.json')) }), { trusted: true });
  const [r] = attributeExplanations(explainLog(REFUSED), rootless);
  assert.equal(r.id, 'proxy-loopback-other-netns');
  assert.equal(r.machine?.onHost, false);
});

test('the layer comes from who made the request: token fetch = CLI shell, RUN step = build steps, BuildKit = the builder of docker buildx build', async () => {
  const m = await computeStatusModel(fixtureMachine({ files, commands: dockerCommands(recording('docker-info-26-env-proxy.json'), loopbackBuilder) }), { trusted: true });
  const log = [
    'ERROR: failed to solve: alpine:3.20: failed to resolve source metadata for docker.io/library/alpine:3.20: failed to authorize: failed to fetch oauth token: Post "https://auth.docker.io/token": dial tcp: lookup auth.docker.io: no such host',
    '#5 [2/2] RUN apk add curl',
    '#5 0.512 fetch https://dl-cdn.alpinelinux.org/alpine/v3.20/main/x86_64/APKINDEX.tar.gz',
    '#5 1.520 ERROR: unable to select packages: curl (no such package): connect ECONNREFUSED 127.0.0.1:3128',
  ].join('\n');
  const found = attributeExplanations(explainLog(log), m);
  assert.equal(found[0].layer, 'cli-shell');
  assert.match(found[0].machine!.why, /CLI/);
  const run = found.find((f) => f.source === 'run-step');
  if (run) {
    assert.equal(run.layer, 'build-args');
    assert.equal(run.machine?.onHost, false);
  }
});

test('status findings obey the rules setting (off, severity), have a one-line title, and values follow them', async () => {
  const machine = () => fixtureMachine({ commands: dockerCommands(recording('docker-info-linux.json'), loopbackBuilder) });
  const plain = await computeStatusReport(machine(), { trusted: true });
  const sv019 = plain.findings.find((f) => f.id === 'SV019')!;
  assert.equal(sv019.title, 'Builder proxy on loopback: unreachable from its container (builder)');
  for (const f of plain.findings) assert.ok(f.title && !f.title.includes('\n') && f.title.length <= 120, JSON.stringify(f));
  const builder = plain.layers.find((l) => l.id === 'builder')!;
  assert.equal(builder.values.find((v) => v.name === 'https_proxy')?.health, 'warning');
  assert.equal(builder.values.find((v) => v.name === 'no_proxy')?.health, 'ok');

  const off = await computeStatusReport(machine(), { trusted: true, rules: { SV019: 'off' } });
  assert.equal(off.findings.some((f) => f.id === 'SV019'), false);
  assert.equal(off.layers.find((l) => l.id === 'builder')!.values.find((v) => v.name === 'https_proxy')?.health, 'ok');
  const byName = await computeStatusReport(machine(), { trusted: true, rules: { 'loopback-builder-proxy': 'info' } });
  assert.equal(byName.findings.find((f) => f.id === 'SV019')?.severity, 'info');
});
