// The status engine against a real dockerd 26 and the trixie buildx 0.13 plugin: what `docker info` reports is read
// as the effective daemon layer, compared with the daemon.json on disk, and the builder layer comes from a real
// `docker buildx ls`/`inspect`. Files are read from a scratch tree (createNodeMachine's root), commands run for real.
// Run: `node --test out/test/dockerd/status.test.js` (scripts/test.sh group `dockerd`). Needs root, like the cross-check.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { computeStatusReport } from '../../server/src/engine/status';
import type { ProxyStatusReport } from '../../server/src/engine/status/report';
import { createNodeMachine } from '../../server/src/node/nodeMachine';
import { BUILDX_PLUGIN, DOCKERD, cleanEnv, dockerPath, startDaemon, stopDaemon, type Daemon } from './dockerd';

const SECRET = 's3cr3tPass';
const PROXIES = { 'http-proxy': `http://user:${SECRET}@proxy.corp.example:3128`, 'https-proxy': 'http://proxy.corp.example:3128', 'no-proxy': 'localhost,127.0.0.1,.corp.example' };
const TIMEOUT_MS = 60_000; // per command: generous for a busy 2-core CI box

let tree = '';
let clientConfig = '';
before(() => {
  assert.ok(fs.existsSync(DOCKERD), `dockerd not found at ${DOCKERD}: run \`bash .ci/install.sh\``);
  assert.ok(fs.existsSync(BUILDX_PLUGIN), `buildx plugin not found at ${BUILDX_PLUGIN}: run \`bash .ci/install.sh\` (it downloads trixie's docker-buildx)`);
  assert.equal(process.getuid?.(), 0, 'starting a real dockerd needs root; this sandbox runs the suite as root');
  const base = process.env.RUN_DIR && fs.existsSync(process.env.RUN_DIR) ? process.env.RUN_DIR : os.tmpdir();
  tree = fs.mkdtempSync(path.join(base, 'status-tree-'));
  fs.mkdirSync(path.join(tree, 'etc/docker'), { recursive: true });
  // The docker CLI's own config dir, with the buildx plugin in cli-plugins (where the CLI looks for it).
  clientConfig = fs.mkdtempSync(path.join(base, 'status-cli-'));
  fs.mkdirSync(path.join(clientConfig, 'cli-plugins'));
  fs.copyFileSync(BUILDX_PLUGIN, path.join(clientConfig, 'cli-plugins/docker-buildx'));
  fs.chmodSync(path.join(clientConfig, 'cli-plugins/docker-buildx'), 0o755);
});
after(() => {
  fs.rmSync(tree, { recursive: true, force: true });
  fs.rmSync(clientConfig, { recursive: true, force: true });
});

function writeDaemonJson(value: unknown): string {
  const file = path.join(tree, 'etc/docker/daemon.json');
  fs.writeFileSync(file, JSON.stringify(value, null, 2) + '\n');
  return file;
}

async function status(d: Daemon, extra: Record<string, string> = {}): Promise<ProxyStatusReport> {
  // The proxies here are made-up names (proxy.corp.example): no reachability check, which would ask DNS off loopback.
  const machine = {
    ...createNodeMachine({ root: tree, env: { HOME: '/home/user', PATH: dockerPath(), DOCKER_HOST: `unix://${d.sock}`, DOCKER_CONFIG: clientConfig, ...extra } }),
    connect: undefined,
  };
  return computeStatusReport(machine, { trusted: true, commandTimeoutMs: TIMEOUT_MS, systemctlPath: '/nonexistent/systemctl' });
}

function docker(d: Daemon, args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    execFile('docker', args, { env: cleanEnv({ DOCKER_HOST: `unix://${d.sock}`, DOCKER_CONFIG: clientConfig }), timeout: TIMEOUT_MS }, (e, stdout, stderr) => {
      resolve({ code: e ? (typeof e.code === 'number' ? e.code : null) : 0, out: `${stdout}${stderr}` });
    });
  });
}

const daemonLayer = (r: ProxyStatusReport) => r.layers.find((l) => l.id === 'daemon')!;
const builderLayer = (r: ProxyStatusReport) => r.layers.find((l) => l.id === 'builder')!;
const INFO = "docker info --format '{{json .}}'";

describe('status against a real dockerd 26', () => {
  test('proxies from daemon.json: configured and effective agree, no finding, password masked', async () => {
    const d = await startDaemon(writeDaemonJson({ proxies: PROXIES }));
    try {
      const r = await status(d, { HTTPS_PROXY: 'http://proxy.corp.example:3128', NO_PROXY: 'localhost' });
      assert.equal(r.docker.state, 'ok', r.docker.message);
      assert.match(r.docker.serverVersion!, /^2[6-9]\./);
      const values = daemonLayer(r).values;
      assert.deepEqual(values.filter((v) => v.source.path === '/etc/docker/daemon.json').map((v) => v.name), ['http-proxy', 'https-proxy', 'no-proxy']);
      assert.deepEqual(values.filter((v) => v.source.label === INFO).map((v) => [v.name, v.value]), [
        ['HTTPProxy', 'http://xxxxx:xxxxx@proxy.corp.example:3128'], ['HTTPSProxy', PROXIES['https-proxy']], ['NoProxy', PROXIES['no-proxy']]]);
      assert.deepEqual(r.findings.filter((f) => !f.lint && f.id !== 'DJ012').map((f) => f.id), []);
      assert.doesNotMatch(JSON.stringify(r), new RegExp(SECRET));
      console.log(`# dockerd ${r.docker.serverVersion}; commands: ${r.commands.map((c) => `${c.command} → ${c.outcome}`).join('; ')}`);
    } finally {
      await stopDaemon(d);
    }
  });

  test('a scheme-less proxy URL: dockerd\'s own masking fails (docker info shows the password), the report masks it', async () => {
    const bare = `user:${SECRET}@proxy.corp.example:3128`;
    const d = await startDaemon(writeDaemonJson({ proxies: { ...PROXIES, 'http-proxy': bare } }));
    try {
      // Ground truth: Go's url.Parse rejects "user:pass@host:port" (no scheme), so dockerd returns it unmasked.
      const raw = await docker(d, ['info', '--format', '{{.HTTPProxy}}']);
      assert.equal(raw.out.trim(), bare);
      const r = await status(d, { HTTPS_PROXY: 'http://proxy.corp.example:3128' });
      assert.ok(daemonLayer(r).values.some((v) => v.name === 'HTTPProxy' && v.value === 'xxxxx:xxxxx@proxy.corp.example:3128'));
      assert.doesNotMatch(JSON.stringify(r), new RegExp(SECRET));
    } finally {
      await stopDaemon(d);
    }
  });

  test('proxies from dockerd\'s environment only: effective values, attributed to its environment, no restart finding', async () => {
    const d = await startDaemon(writeDaemonJson({}), { HTTP_PROXY: 'http://envproxy.corp.example:3128', HTTPS_PROXY: 'http://envproxy.corp.example:3128', NO_PROXY: 'localhost' });
    try {
      const r = await status(d, { HTTPS_PROXY: 'http://envproxy.corp.example:3128' });
      assert.equal(r.docker.state, 'ok', r.docker.message);
      const eff = daemonLayer(r).values.filter((v) => v.source.label === INFO);
      assert.deepEqual(eff.map((v) => v.value), ['http://envproxy.corp.example:3128', 'http://envproxy.corp.example:3128', 'localhost']);
      assert.ok(eff.every((v) => /from its environment/.test(v.note!)));
      assert.equal(r.findings.some((f) => f.id === 'SV004'), false);
    } finally {
      await stopDaemon(d);
    }
  });

  test('daemon.json edited without a restart → SV004 "restart needed" with the systemd command', async () => {
    const file = writeDaemonJson({ proxies: PROXIES });
    const d = await startDaemon(file);
    try {
      writeDaemonJson({ proxies: { ...PROXIES, 'https-proxy': 'http://newproxy.corp.example:8080' } });
      // This tree says systemd runs (systemctl itself is not asked: --systemctl points nowhere).
      fs.mkdirSync(path.join(tree, 'run/systemd/system'), { recursive: true });
      const r = await status(d, { HTTPS_PROXY: 'http://proxy.corp.example:3128' });
      const sv004 = r.findings.filter((f) => f.id === 'SV004');
      assert.equal(sv004.length, 1, JSON.stringify(r.findings, null, 1));
      assert.match(sv004[0].message, /HTTPS proxy configured in \/etc\/docker\/daemon\.json:\d+ \(http:\/\/newproxy\.corp\.example:8080\) is not what the running dockerd uses \(http:\/\/proxy\.corp\.example:3128\): restart needed/);
      assert.equal(sv004[0].action, 'sudo systemctl daemon-reload && sudo systemctl restart docker');
      assert.equal(daemonLayer(r).health, 'warning');
    } finally {
      fs.rmSync(path.join(tree, 'run'), { recursive: true, force: true });
      await stopDaemon(d);
    }
  });

  test('trixie buildx 0.13: `buildx ls`/`inspect` read; a docker-container builder without proxy → SV002, with a loopback proxy → SV019', async () => {
    const d = await startDaemon(writeDaemonJson({ proxies: PROXIES }));
    try {
      let r = await status(d, { HTTPS_PROXY: 'http://proxy.corp.example:3128' });
      assert.equal(r.commands.find((c) => c.command === 'docker buildx ls')?.outcome, 'ok', JSON.stringify(r.commands));
      assert.match(builderLayer(r).summary, /^default: docker driver/);

      // Created, not bootstrapped: no container yet, so the engine falls back to the driver options.
      let c = await docker(d, ['buildx', 'create', '--name', 'dpdnoproxy', '--driver', 'docker-container', '--use']);
      assert.equal(c.code, 0, c.out);
      r = await status(d, { HTTPS_PROXY: 'http://proxy.corp.example:3128' });
      assert.match(builderLayer(r).summary, /^dpdnoproxy: docker-container/);
      assert.ok(r.findings.some((f) => f.id === 'SV002'), JSON.stringify(r.findings.map((f) => f.id)));

      c = await docker(d, ['buildx', 'create', '--name', 'dpdloop', '--driver', 'docker-container', '--driver-opt', '"env.https_proxy=http://127.0.0.1:3128"', '--use']);
      assert.equal(c.code, 0, c.out);
      r = await status(d, { HTTPS_PROXY: 'http://proxy.corp.example:3128' });
      assert.ok(builderLayer(r).values.some((v) => v.name === 'https_proxy' && v.value === 'http://127.0.0.1:3128'));
      assert.deepEqual(r.findings.filter((f) => f.layer === 'builder').map((f) => f.id), ['SV019']);
    } finally {
      await docker(d, ['buildx', 'rm', 'dpdnoproxy']);
      await docker(d, ['buildx', 'rm', 'dpdloop']);
      await stopDaemon(d);
    }
  });
});
