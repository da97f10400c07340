// `docker-proxy-doctor setup` (dist/cli.js) on throw-away machine trees (--root): the plan by default, --apply with
// backups, idempotence, --undo byte for byte (mode too), credential entries of config.json kept, a password with %,
// @ and : that never shows, and a file that does not parse left alone. Build first.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, rmSync, statSync, chmodSync, readdirSync, existsSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const cli = path.join(root, 'dist/cli.js');
const PASSWORD = 'p%ss@w:rd';
const ENCODED = 'p%25ss%40w%3Ard';

function run(args: string[], stdin?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [cli, ...args], { cwd: root, timeout: 60_000, maxBuffer: 20 * 1024 * 1024, env: { PATH: process.env.PATH } }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
    child.stdin!.end(stdin ?? '');
  });
}

const DAEMON_JSON = '{\n    "log-level": "warn",\n    "insecure-registries": ["registry.corp.example:5000"]\n}\n';
const CONFIG_JSON = '{\n\t"auths": {\n\t\t"registry.corp.example:5000": {\n\t\t\t"auth": "c2VjcmV0LXVzZXI6c2VjcmV0LXRva2Vu"\n\t\t}\n\t},\n\t"credsStore": "secret-helper-name",\n\t"currentContext": "default"\n}';
const DOCKERFILE = 'FROM debian:bookworm\nENV http_proxy=http://bob:hunter2@proxy.corp.example:3128\nRUN apt-get update\n';

let base = '';
before(() => { base = mkdtempSync(path.join(process.env.RUN_DIR && existsSync(process.env.RUN_DIR) ? process.env.RUN_DIR : os.tmpdir(), 'dpd-setup-')); });
after(() => rmSync(base, { recursive: true, force: true }));

function makeTree(name: string, files: Record<string, string>, modes: Record<string, number> = {}): string {
  const tree = path.join(base, name);
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(tree, p)), { recursive: true });
    writeFileSync(path.join(tree, p), text);
    if (modes[p] !== undefined) chmodSync(path.join(tree, p), modes[p]);
  }
  return tree;
}

/** Every file of a tree (outside the setup state directory) with its bytes and mode. */
function snapshot(tree: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const n of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, n.name);
      if (p.includes('/.local/state/docker-proxy-doctor')) continue;
      if (n.isDirectory()) walk(p);
      else out[path.relative(tree, p)] = `${(statSync(p).mode & 0o7777).toString(8)} ${readFileSync(p, 'base64')}`;
    }
  };
  walk(tree);
  return out;
}

const args = (tree: string, ...extra: string[]) => ['setup', '--root', tree, '--proxy', 'http://proxy.corp.example:3128', '--user', 'alice@corp', '--password-stdin', ...extra];

describe('setup on a machine tree', () => {
  test('prints the plan and writes nothing; JSON has changes[] with path and diff and commands[]; no secret shown', async () => {
    const tree = makeTree('plan', { 'etc/docker/daemon.json': DAEMON_JSON, 'home/user/.docker/config.json': CONFIG_JSON });
    const before = snapshot(tree);
    const text = await run(args(tree), PASSWORD);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /\[daemon\] Set "proxies" in \/etc\/docker\/daemon\.json/);
    assert.match(text.stdout, /Nothing was written/);
    const json = await run([...args(tree), '--format', 'json'], PASSWORD);
    const plan = JSON.parse(json.stdout);
    assert.deepEqual(plan.changes.map((c: { path: string }) => c.path), ['/etc/docker/daemon.json', '/home/user/.docker/config.json']);
    assert.ok(plan.changes.every((c: { diff: string }) => c.diff.startsWith('--- a/')));
    assert.ok(Array.isArray(plan.commands));
    for (const out of [text.stdout, text.stderr, json.stdout]) {
      for (const secret of [PASSWORD, ENCODED, 'c2VjcmV0', 'secret-helper-name']) assert.ok(!out.includes(secret), `output shows ${secret}`);
    }
    assert.deepEqual(snapshot(tree), before);
  });

  test('--apply backs up and writes; a second run changes nothing; --undo restores every byte and mode', async () => {
    const tree = makeTree('apply', { 'etc/docker/daemon.json': DAEMON_JSON, 'home/user/.docker/config.json': CONFIG_JSON, 'ws/Dockerfile': DOCKERFILE }, { 'etc/docker/daemon.json': 0o640, 'home/user/.docker/config.json': 0o600 });
    const before = snapshot(tree);
    const dockerfile = path.join(tree, 'ws/Dockerfile');
    const applied = await run([...args(tree, '--apply'), '--dockerfile', dockerfile], PASSWORD);
    assert.equal(applied.code, 0, applied.stdout + applied.stderr);
    const backups = [...applied.stdout.matchAll(/\(backup: ([^)]+)\)/g)].map((m) => m[1]);
    assert.equal(backups.length, 3, applied.stdout);
    assert.equal(readFileSync(backups[0], 'utf8'), DAEMON_JSON);
    assert.equal(statSync(backups[1]).mode & 0o777, 0o600, 'backups are readable by their owner only');
    assert.ok(!applied.stdout.includes(ENCODED) && !applied.stdout.includes(PASSWORD));

    const daemon = readFileSync(path.join(tree, 'etc/docker/daemon.json'), 'utf8');
    assert.equal(statSync(path.join(tree, 'etc/docker/daemon.json')).mode & 0o777, 0o640, 'mode kept');
    assert.equal(JSON.parse(daemon).proxies['http-proxy'], `http://alice%40corp:${ENCODED}@proxy.corp.example:3128`);
    assert.ok(daemon.startsWith('{\n    "log-level": "warn",\n    "insecure-registries": ["registry.corp.example:5000"],\n    "proxies": {\n        "http-proxy"'), daemon);
    const config = readFileSync(path.join(tree, 'home/user/.docker/config.json'), 'utf8');
    assert.ok(config.startsWith(CONFIG_JSON.slice(0, -2)), 'auths, credsStore and currentContext keep their bytes');
    const parsed = JSON.parse(config);
    assert.deepEqual([parsed.credsStore, parsed.currentContext, parsed.auths['registry.corp.example:5000'].auth], ['secret-helper-name', 'default', 'c2VjcmV0LXVzZXI6c2VjcmV0LXRva2Vu']);
    assert.equal(parsed.proxies.default.noProxy, 'localhost,127.0.0.1,::1,registry.corp.example');
    assert.equal(readFileSync(dockerfile, 'utf8'), 'FROM debian:bookworm\nRUN apt-get update\n');

    const again = await run([...args(tree), '--dockerfile', dockerfile], PASSWORD);
    assert.match(again.stdout, /Nothing to change/);
    const againApply = await run([...args(tree, '--apply'), '--dockerfile', dockerfile], PASSWORD);
    assert.equal(againApply.code, 0);
    assert.ok(!/^Wrote /m.test(againApply.stdout), 'the idempotent second run writes nothing');

    const undo = await run(['setup', '--root', tree, '--undo']);
    assert.equal(undo.code, 0, undo.stdout);
    assert.match(undo.stdout, /restored \/etc\/docker\/daemon\.json/);
    assert.deepEqual(snapshot(tree), before);
    const none = await run(['setup', '--root', tree, '--undo']);
    assert.match(none.stdout, /Nothing to undo/);
  });

  test('a drop-in in use gets the proxy with %% for %; a new config.json is created 0600 and removed by --undo', async () => {
    const tree = makeTree('dropin', { 'etc/systemd/system/docker.service.d/proxy.conf': '[Service]\nEnvironment="HTTPS_PROXY=http://old.corp.example:3128"\n', 'run/systemd/system/.keep': '' });
    const applied = await run(args(tree, '--apply'), PASSWORD);
    assert.equal(applied.code, 0, applied.stdout);
    const dropIn = readFileSync(path.join(tree, 'etc/systemd/system/docker.service.d/proxy.conf'), 'utf8');
    assert.match(dropIn, /^Environment="HTTPS_PROXY=http:\/\/alice%%40corp:p%%25ss%%40w%%3Ard@proxy\.corp\.example:3128"$/m);
    assert.ok(!existsSync(path.join(tree, 'etc/docker/daemon.json')), 'never both: daemon.json is not created');
    assert.equal(statSync(path.join(tree, 'home/user/.docker/config.json')).mode & 0o777, 0o600);
    assert.match(applied.stdout, /Now run:\n  sudo systemctl daemon-reload\n  sudo systemctl restart docker/);
    await run(['setup', '--root', tree, '--undo']);
    assert.ok(!existsSync(path.join(tree, 'home/user/.docker/config.json')));
  });

  test('a config.json that does not parse is not rewritten: the plan says why, exit 1 when nothing else changes', async () => {
    const tree = makeTree('broken', { 'home/user/.docker/config.json': '{ "auths": { }, \u0000' });
    const r = await run([...args(tree), '--layer', 'client-config'], PASSWORD);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /config\.json is not rewritten: the file contains NUL bytes/);
    const r2 = await run([...args(tree, '--apply'), '--layer', 'client-config'], PASSWORD);
    assert.equal(readFileSync(path.join(tree, 'home/user/.docker/config.json'), 'utf8'), '{ "auths": { }, \u0000');
    assert.ok(!/^Wrote /m.test(r2.stdout));
  });

  test('usage: a password on the command line is refused; --password-stdin needs --user', async () => {
    const a = await run(['setup', '--proxy', 'http://p:1', '--password', 'x']);
    assert.equal(a.code, 2);
    assert.match(a.stderr, /--password-stdin/);
    const b = await run(['setup', '--proxy', 'http://p:1', '--password-stdin']);
    assert.equal(b.code, 2);
    const c = await run(['setup', '--root', base, '--proxy', 'http://p']);
    assert.equal(c.code, 2);
    assert.match(c.stderr, /needs a port/);
  });
});
