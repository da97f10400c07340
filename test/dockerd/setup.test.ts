// `docker-proxy-doctor setup --apply` against the suite's real dockerd 26 (its own data root, socket and config file)
// and trixie's buildx 0.13, with real parts on 127.0.0.1: squid asking for Basic auth (user alice, a password with
// %, @ and :) and mapping registry.test to 127.0.0.1 through its hosts_file, and a TLS docker-registry (distribution
// 2.8) reachable only through squid (the name resolves nowhere else). Before: the pull fails. After setup and a
// restart: push and pull succeed and squid's log shows the tunnel; the docker-container builder is recreated with
// the intended env.no_proxy (buildx create stores it; the builder cannot boot offline). Then the second run changes
// nothing, and --undo restores every byte and the builder's old options.
// Run: `node --test out/test/dockerd/setup.test.js` (scripts/test.sh group `dockerd`). Needs root.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { BUILDX_PLUGIN, DOCKERD, ROOT, cleanEnv, dockerPath, startDaemon, stopDaemon, type Daemon } from './dockerd';
import { writeAuthSquid } from './squid';

const TIMEOUT_MS = 120_000;
const USER = 'alice';
const PASSWORD = 'p%ss@w:rd';
const ENCODED = 'p%25ss%40w%3Ard';
const CONFIG_JSON = '{\n\t"auths": {\n\t\t"registry.corp.example": {\n\t\t\t"auth": "c2VjcmV0LXVzZXI6c2VjcmV0LXRva2Vu"\n\t\t}\n\t},\n\t"currentContext": "default"\n}\n';
const DAEMON_JSON = '{\n  "log-level": "info"\n}\n';

let dir = '';
let tree = '';
let squidPort = 0;
let registryPort = 0;
let daemon: Daemon | undefined;
const children: ChildProcess[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => { const port = (s.address() as net.AddressInfo).port; s.close(() => resolve(port)); });
  });
}

/** Starts a program; resolves when `ready` shows in its output (failure guard only: 60 s). */
function start(file: string, args: string[], ready: RegExp): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let out = '';
    const timer = setTimeout(() => reject(new Error(`${file} not ready:\n${out}`)), 60_000);
    const onData = (d: Buffer) => { out += d.toString(); if (ready.test(out)) { clearTimeout(timer); resolve(); } };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`${file} exited (${code}):\n${out}`)); });
  });
}

const clientConfigDir = () => path.join(tree, 'home/user/.docker');
// A stable socket path (a symlink to the running daemon's socket), so the builder's endpoint survives restarts as it
// does on a real machine.
const sock = () => `unix://${path.join(dir, 'd.sock')}`;
function linkSocket(): void {
  fs.rmSync(path.join(dir, 'd.sock'), { force: true });
  fs.symlinkSync(daemon!.sock, path.join(dir, 'd.sock'));
}

function run(file: string, args: string[], extraEnv: Record<string, string> = {}, stdin?: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = execFile(file, args, { env: cleanEnv({ DOCKER_HOST: sock(), DOCKER_CONFIG: clientConfigDir(), ...extraEnv }), timeout: TIMEOUT_MS, maxBuffer: 8 << 20 }, (e, stdout, stderr) => {
      resolve({ code: e ? (typeof e.code === 'number' ? e.code : null) : 0, out: `${stdout}${stderr}` });
    });
    child.stdin!.end(stdin ?? '');
  });
}
const docker = (...args: string[]) => run('docker', args);
const setup = (...args: string[]) => run(process.execPath, [path.join(ROOT, 'dist/cli.js'), 'setup', '--root', tree, '--docker', 'docker', ...args], {}, PASSWORD);
const squidLog = () => fs.readFileSync(path.join(dir, 'squid/access.log'), 'utf8');

before(async () => {
  assert.ok(fs.existsSync(DOCKERD), `dockerd not found at ${DOCKERD}: run \`bash .ci/install.sh\``);
  assert.ok(fs.existsSync(BUILDX_PLUGIN), `buildx plugin not found at ${BUILDX_PLUGIN}`);
  assert.equal(process.getuid?.(), 0, 'starting a real dockerd needs root; this sandbox runs the suite as root');
  const base = process.env.RUN_DIR && fs.existsSync(process.env.RUN_DIR) ? process.env.RUN_DIR : os.tmpdir();
  dir = fs.mkdtempSync(path.join(base, 'setup-parts-'));
  fs.chmodSync(dir, 0o755); // squid drops privileges to `proxy`
  [squidPort, registryPort] = await Promise.all([freePort(), freePort()]);

  // A CA and a certificate for registry.test; dockerd trusts the CA through SSL_CERT_FILE (certs.d is fixed in /etc).
  const ssl = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  ssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-keyout', 'ca.key', '-out', 'ca.pem', '-subj', '/CN=setup test CA']);
  ssl(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'reg.key', '-out', 'reg.csr', '-subj', '/CN=registry.test']);
  fs.writeFileSync(path.join(dir, 'reg.ext'), 'subjectAltName=DNS:registry.test\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n');
  ssl(['x509', '-req', '-in', 'reg.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-days', '2', '-out', 'reg.pem', '-extfile', 'reg.ext']);

  fs.writeFileSync(path.join(dir, 'registry.yml'), `version: 0.1\nlog:\n  level: info\nstorage:\n  filesystem:\n    rootdirectory: ${dir}/registry-data\nhttp:\n  addr: 127.0.0.1:${registryPort}\n  secret: setup-test\n  tls:\n    certificate: ${dir}/reg.pem\n    key: ${dir}/reg.key\n`);

  const sq = path.join(dir, 'squid');
  writeAuthSquid({ dir: sq, port: squidPort, user: USER, password: PASSWORD, hosts: ['registry.test'], realm: 'setup-test', allowFrom: 'localhost' });
  await Promise.all([
    start('docker-registry', ['serve', path.join(dir, 'registry.yml')], /listening on 127\.0\.0\.1/),
    start('squid', ['-N', '-d', '1', '-f', path.join(sq, 'squid.conf')], /Accepting HTTP Socket connections/),
  ]);

  // The machine tree: dockerd reads tree/etc/docker/daemon.json (--config-file), the CLI tree/home/user/.docker.
  tree = path.join(dir, 'tree');
  fs.mkdirSync(path.join(tree, 'etc/docker'), { recursive: true });
  fs.writeFileSync(path.join(tree, 'etc/docker/daemon.json'), DAEMON_JSON);
  fs.mkdirSync(path.join(clientConfigDir(), 'cli-plugins'), { recursive: true });
  fs.writeFileSync(path.join(clientConfigDir(), 'config.json'), CONFIG_JSON, { mode: 0o600 });
  fs.copyFileSync(BUILDX_PLUGIN, path.join(clientConfigDir(), 'cli-plugins/docker-buildx'));
  fs.chmodSync(path.join(clientConfigDir(), 'cli-plugins/docker-buildx'), 0o755);
  fs.mkdirSync(path.join(dir, 'rootfs'));
  fs.writeFileSync(path.join(dir, 'rootfs/hello.txt'), 'hello from setup\n');
  execFileSync('tar', ['-C', path.join(dir, 'rootfs'), '-cf', path.join(dir, 'rootfs.tar'), '.']);
  daemon = await startDaemon(path.join(tree, 'etc/docker/daemon.json'), { SSL_CERT_FILE: path.join(dir, 'ca.pem'), PATH: dockerPath() });
  linkSocket();
});

after(async () => {
  if (daemon) await stopDaemon(daemon).catch(() => undefined);
  await Promise.all(children.map((c) => new Promise<void>((resolve) => {
    if (c.exitCode !== null || c.signalCode !== null) return resolve();
    c.once('exit', () => resolve());
    c.kill('SIGKILL');
  })));
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function restartDaemon(): Promise<void> {
  await stopDaemon(daemon!);
  daemon = await startDaemon(path.join(tree, 'etc/docker/daemon.json'), { SSL_CERT_FILE: path.join(dir, 'ca.pem'), PATH: dockerPath() });
  linkSocket();
}

test('setup --apply on a real dockerd: pull through squid with auth works after one run; idempotent; undo restores', async () => {
  const image = `registry.test:${registryPort}/setup/hello:1`;
  const originalDaemonJson = fs.readFileSync(path.join(tree, 'etc/docker/daemon.json'));

  // Before: dockerd has no proxy; registry.test resolves only at squid.
  const before = await docker('pull', image);
  assert.notEqual(before.code, 0, before.out);
  assert.match(before.out, /registry\.test/);
  assert.doesNotMatch(squidLog(), /CONNECT registry\.test/);

  // A docker-container builder with other options to keep (create stores them; it cannot boot offline).
  const created = await docker('buildx', 'create', '--name', 'corp', '--driver', 'docker-container', '--driver-opt', 'image=moby/buildkit:v0.13.1,network=host');
  assert.equal(created.code, 0, created.out);

  const applied = await setup('--proxy', `http://127.0.0.1:${squidPort}`, '--user', USER, '--password-stdin', '--apply');
  assert.equal(applied.code, 0, applied.out);
  assert.match(applied.out, /Wrote \/etc\/docker\/daemon\.json \(backup: .*00-daemon\.json\)/);
  assert.match(applied.out, /Wrote \/home\/user\/\.docker\/config\.json \(backup: /);
  assert.match(applied.out, /Ran docker buildx rm corp: ok/);
  assert.match(applied.out, /Ran docker buildx create --name corp .*: ok/);
  for (const secret of [PASSWORD, ENCODED, 'c2VjcmV0']) assert.ok(!applied.out.includes(secret), `setup output shows ${secret}`);
  const config = fs.readFileSync(path.join(clientConfigDir(), 'config.json'), 'utf8');
  assert.ok(config.startsWith(CONFIG_JSON.slice(0, CONFIG_JSON.lastIndexOf('\n}'))), 'auths and currentContext keep their bytes');
  assert.equal(fs.statSync(path.join(clientConfigDir(), 'config.json')).mode & 0o777, 0o600);

  // The builder as buildx stored it: the same options plus the proxy, no_proxy as one value.
  const inspect = await docker('buildx', 'inspect', 'corp');
  assert.equal(inspect.code, 0, inspect.out);
  assert.match(inspect.out, /Driver:\s+docker-container/);
  assert.match(inspect.out, /env\.no_proxy="localhost,127\.0\.0\.1,::1"/);
  assert.match(inspect.out, /image="moby\/buildkit:v0\.13\.1"/);
  assert.match(inspect.out, /network="host"/);
  assert.match(inspect.out, new RegExp(`env\\.https_proxy="http://${USER}:${ENCODED.replace(/%/g, '%')}@127\\.0\\.0\\.1:${squidPort}"`), 'a host-network builder keeps the loopback proxy');

  // After the restart: dockerd has the proxy (docker info masks it), push and pull go through squid.
  await restartDaemon();
  const info = await docker('info', '--format', '{{.HTTPSProxy}}');
  assert.equal(info.out.trim(), `http://xxxxx:xxxxx@127.0.0.1:${squidPort}`);
  assert.equal((await docker('import', path.join(dir, 'rootfs.tar'), image)).code, 0);
  const push = await docker('push', image);
  assert.equal(push.code, 0, push.out);
  assert.equal((await docker('rmi', image)).code, 0);
  const pull = await docker('pull', image);
  assert.equal(pull.code, 0, pull.out);
  assert.match(squidLog(), new RegExp(`TCP_TUNNEL/200 \\d+ CONNECT registry\\.test:${registryPort} ${USER} `));

  // Same input again: nothing to change.
  const again = await setup('--proxy', `http://127.0.0.1:${squidPort}`, '--user', USER, '--password-stdin');
  assert.equal(again.code, 0, again.out);
  assert.match(again.out, /Nothing to change/);

  // Undo: the files byte for byte, the builder with its old options.
  const undo = await run(process.execPath, [path.join(ROOT, 'dist/cli.js'), 'setup', '--root', tree, '--docker', 'docker', '--undo']);
  assert.equal(undo.code, 0, undo.out);
  assert.deepEqual(fs.readFileSync(path.join(tree, 'etc/docker/daemon.json')), originalDaemonJson);
  assert.equal(fs.readFileSync(path.join(clientConfigDir(), 'config.json'), 'utf8'), CONFIG_JSON);
  const restored = await docker('buildx', 'inspect', 'corp');
  assert.match(restored.out, /network="host"/);
  assert.doesNotMatch(restored.out, /env\.no_proxy/);
  await restartDaemon();
  const gone = await docker('pull', image);
  assert.notEqual(gone.code, 0, 'after undo and a restart dockerd has no proxy again');
});
