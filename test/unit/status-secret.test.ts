// A proxy password planted in every layer the status reads (environment, login shell, VS Code setting, config.json,
// daemon.json, drop-in, systemctl show, docker info, buildx driver options, the builder's container env) appears
// nowhere in the report. docker info masks only URLs that parse, so the recording carries the secret in clear too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeStatusReport } from '../../server/src/engine/status';
import { formatStatusText } from '../../server/src/cli/statusSubcommand';
import { CMD, dockerCommands, fixtureMachine, recording } from './status-fixture';

const SECRET = 's3cr3tPass';
const URL = `http://user:${SECRET}@proxy.corp.example:3128`;
const BARE = `user:${SECRET}@proxy.corp.example:3128`; // no scheme: Go's url.Parse fails, dockerd shows it unmasked

test(`"${SECRET}" planted in every layer appears nowhere in the report or its text rendering`, async () => {
  const info = recording('docker-info-linux.json')
    .replace(/"HttpProxy": *"[^"]*"/, `"HttpProxy": "${BARE}"`)
    .replace(/"HttpsProxy": *"[^"]*"/, `"HttpsProxy": "${URL}"`);
  const inspect = recording('buildx-inspect-container.txt').replace('Status:', `Driver Options:        env.https_proxy="${URL}" env.http_proxy="${BARE}"\nStatus:`);
  const m = fixtureMachine({
    systemd: true,
    env: { HOME: '/home/alice', SHELL: '/bin/bash', HTTP_PROXY: URL, https_proxy: BARE, ALL_PROXY: URL, DOCKER_HOST: `tcp://user:${SECRET}@10.0.0.5:2375` },
    files: {
      '/etc/docker/daemon.json': `{"proxies":{"http-proxy":"${URL}","https-proxy":"${BARE}","no-proxy":"localhost"}}`,
      '/etc/systemd/system/docker.service.d/http-proxy.conf': `[Service]\nEnvironment="HTTP_PROXY=${URL}"\nEnvironment="HTTPS_PROXY=${BARE}"\nEnvironment="ALL_PROXY=${URL}"\nExecStart=\nExecStart=/usr/bin/dockerd --https-proxy ${URL}\n`,
      '/home/alice/.docker/config.json': `{"auths":{"r":{"auth":"dXNlcjpzM2NyM3RQYXNz"}},"proxies":{"default":{"httpProxy":"${URL}","httpsProxy":"${BARE}","allProxy":"${URL}"},"tcp://x:1":{"httpProxy":"${URL}"}}}`,
      '/etc/default/docker': `export http_proxy="${URL}"\n`,
    },
    commands: dockerCommands(info, {
      [CMD.systemctl]: { stdout: `Environment=HTTP_PROXY=${URL} "HTTPS_PROXY=${BARE}"\nExecStart={ path=/usr/bin/dockerd ; argv[]=/usr/bin/dockerd --http-proxy=${URL} ; ignore_errors=no }\n` },
      [CMD.loginShell]: { stdout: `HTTPS_PROXY=${URL}\nNO_PROXY=localhost\nhttp_proxy=${BARE}\n` },
      [CMD.buildxInspect]: { stdout: inspect },
      [CMD.inspect('buildx_buildkit_corp0')]: { stdout: recording('inspect-builder-with-proxy.json').replace(/alice:s3cr3tPass@/g, `user:${SECRET}@`) },
      [CMD.buildxLs]: { exitCode: 1, stderr: `ERROR: proxyconnect tcp: dial ${URL}: connection refused` },
    }),
  });
  const report = await computeStatusReport(m, { vscodeProxy: { proxy: URL, noProxy: [BARE] } });
  const json = JSON.stringify(report);
  const text = formatStatusText(report);
  // The secret reached the engine from every source (so the test can fail) …
  assert.ok(report.layers.find((l) => l.id === 'daemon')!.values.length >= 5);
  assert.ok(report.layers.find((l) => l.id === 'builder')!.values.some((v) => v.name === 'https_proxy'));
  assert.ok(report.layers.find((l) => l.id === 'cli-shell')!.values.some((v) => /login shell/.test(v.source.label)));
  assert.ok(json.includes('xxxxx:xxxxx@proxy.corp.example'));
  // … and left it masked everywhere.
  assert.doesNotMatch(json, new RegExp(SECRET));
  assert.doesNotMatch(text, new RegExp(SECRET));
  assert.doesNotMatch(json, /dXNlcjpzM2NyM3RQYXNz|auths/, 'config.json auths is never read into the report');
});
