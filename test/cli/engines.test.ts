// `status --root DIR --docker <replaying script>` on every recorded engine machine (test/fixtures/engines): the
// machine's files laid out under DIR (a Windows path C:\x at DIR/C/x), its platform, home and environment given on
// the command line, and a `docker` that answers with the machine's recorded outputs. The same recordings the unit
// tests replay through the Machine seam; here the real CLI, file reads and execFile run them.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const cli = path.join(root, 'dist/cli.js');
const enginesDir = path.join(root, 'test/fixtures/engines');
let tmp = '';

interface Spec { platform: string; home: string; env?: Record<string, string>; files: Record<string, string>; dirs?: Record<string, string[]> }

function layOut(machine: string): { tree: string; docker: string; spec: Spec } {
  const dir = path.join(enginesDir, machine);
  const spec = JSON.parse(readFileSync(path.join(dir, 'machine.json'), 'utf8')) as Spec;
  const tree = path.join(tmp, machine, 'root');
  mkdirSync(tree, { recursive: true });
  const inTree = (p: string) => (/^[A-Za-z]:\\/.test(p) ? path.join(tree, p[0].toUpperCase(), ...p.slice(3).split('\\')) : path.join(tree, p));
  for (const [p, f] of Object.entries(spec.files)) {
    mkdirSync(path.dirname(inTree(p)), { recursive: true });
    writeFileSync(inTree(p), readFileSync(path.join(dir, f)));
  }
  for (const [d, names] of Object.entries(spec.dirs ?? {})) for (const n of names) mkdirSync(path.join(inTree(d), n), { recursive: true });
  const docker = path.join(tmp, machine, 'docker');
  writeFileSync(docker, `#!/bin/sh\nexec '${process.execPath}' '${path.join(enginesDir, 'docker-replay.js')}' '${dir}' "$@"\n`);
  chmodSync(docker, 0o755);
  return { tree, docker, spec };
}

function status(machine: string, extraEnv: Record<string, string> = {}, extraArgs: string[] = []): Promise<{ code: number; report: any; stderr: string }> {
  const { tree, docker, spec } = layOut(machine);
  const env = { ...(spec.env ?? {}), ...extraEnv };
  const args = [cli, 'status', '--root', tree, '--platform', spec.platform, '--home', spec.home, '--docker', docker, '--format', 'json', '--timeout', '20',
    ...Object.entries(env).flatMap(([k, v]) => ['--env', `${k}=${v}`]), ...extraArgs];
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd: root, timeout: 60_000 }, (error, stdout, stderr) => {
      let report: any;
      try { report = JSON.parse(stdout); } catch { report = undefined; }
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, report, stderr });
    });
  });
}

const daemonNotes = (r: any): string[] => r.layers.find((l: any) => l.id === 'daemon').notes.map((n: any) => n.text);
const ids = (r: any): string[] => r.findings.filter((f: any) => !f.lint).map((f: any) => f.id).sort();

before(() => { tmp = mkdtempSync(path.join(os.tmpdir(), 'dpd-engines-')); });
after(() => rmSync(tmp, { recursive: true, force: true }));

describe('status --root --docker <replay> per recorded engine', () => {
  test('Docker Desktop on macOS: engine, settings-store.json read from the tree, scutil not on this box is said so', async () => {
    const { report } = await status('desktop-mac');
    assert.equal(report.docker.state, 'ok');
    assert.equal(report.docker.engine.kind, 'desktop');
    const d = daemonNotes(report);
    assert.ok(d.some((t) => t.startsWith('Reads /Users/alice/Library/Group Containers/group.com.docker/settings-store.json (present)')), d.join('\n'));
    assert.ok(d.some((t) => /Mode "system": Desktop uses the operating system's proxy, which could not be read here \(scutil --proxy: .*not found/.test(t)), d.join('\n'));
  });
  test('Docker Desktop on Windows: C:\\ paths from the tree, CRLF settings, EN004', async () => {
    const { report, code } = await status('desktop-windows');
    assert.equal(report.docker.engine.label, 'Docker Desktop 4.38.0');
    const d = daemonNotes(report);
    assert.ok(d.some((t) => t.startsWith('Reads C:\\Users\\alice\\AppData\\Roaming\\Docker\\settings-store.json (present)')), d.join('\n'));
    assert.deepEqual(ids(report), ['EN004', 'SV001', 'SV009']);
    assert.equal(code, 1); // the daemon layer is in error
  });
  test('Colima: EN001 (the VM kept an old shell proxy)', async () => {
    const { report } = await status('colima');
    assert.equal(report.docker.engine.kind, 'colima');
    assert.ok(ids(report).includes('EN001'));
  });
  test('rootless: pasta from the user drop-in, DJ013 with the 10.0.2.2 route', async () => {
    const { report } = await status('rootless');
    assert.equal(report.docker.engine.kind, 'engine-rootless');
    const dj = report.findings.find((f: any) => f.id === 'DJ013');
    assert.match(dj.action, /http:\/\/10\.0\.2\.2:3128 \(the host's 127\.0\.0\.1 as pasta sees it\)/);
  });
  test('Docker Engine: /etc/docker/daemon.json from the tree', async () => {
    const { report } = await status('engine');
    assert.equal(report.docker.engine.kind, 'engine');
    assert.ok(report.layers.find((l: any) => l.id === 'daemon').values.some((v: any) => v.source.label === '/etc/docker/daemon.json:3'));
  });
  test('WSL distro with Desktop: .wslconfig through /mnt/c, mirrored mode; NAT + loopback proxy gives EN003', async () => {
    const { report } = await status('wsl-desktop');
    const shell = report.layers.find((l: any) => l.id === 'cli-shell').notes.map((n: any) => n.text);
    assert.ok(shell.some((t: string) => t.startsWith('WSL distro Ubuntu (WSL_DISTRO_NAME=Ubuntu); networkingMode mirrored, autoProxy true.')), shell.join('\n'));
    const nat = await status('wsl-desktop', { HTTPS_PROXY: 'http://127.0.0.1:7890' });
    assert.ok(!ids(nat.report).includes('EN003')); // still mirrored
  });
  test('--config: the same { "rules": … } file as lint --config turns a status finding off or changes its severity', async () => {
    const before = (await status('desktop-windows')).report;
    const severity = (r: any, id: string) => r.findings.find((f: any) => f.id === id)?.severity;
    assert.equal(severity(before, 'EN004'), 'error');
    assert.equal(severity(before, 'SV009'), 'info');
    // One file for both commands: a lint rule (by id), a status finding by id and another by name.
    const config = path.join(tmp, 'rules.json');
    writeFileSync(config, JSON.stringify({ rules: { EN004: 'off', desktop: 'warning', DJ001: 'off' } }));
    const { report, code } = await status('desktop-windows', {}, ['--config', config]);
    assert.deepEqual(ids(report), ['SV001', 'SV009']);
    assert.equal(severity(report, 'SV009'), 'warning');
    assert.equal(report.layers.find((l: any) => l.id === 'daemon').findings.find((f: any) => f.id === 'SV009').severity, 'warning');
    assert.equal(report.counts.error, before.counts.error - 1);
    assert.equal(report.counts.warning, before.counts.warning + 1);
    assert.equal(code, 0, 'no layer is in error once EN004 is off');
    const lint = await new Promise<number>((resolve) => execFile(process.execPath, [cli, 'lint', '--config', config, path.join(enginesDir, 'engine/daemon.json')], { cwd: root, timeout: 60_000 }, (e) => resolve(e && typeof e.code === 'number' ? e.code : 0)));
    assert.equal(lint, 0, 'lint --config reads the same file');
  });
  test('text output names the engine', async () => {
    const { tree, docker, spec } = layOut('colima');
    const out = await new Promise<string>((resolve) => execFile(process.execPath, [cli, 'status', '--root', tree, '--platform', spec.platform, '--home', spec.home, '--docker', docker], { cwd: root, timeout: 60_000 }, (_e, so) => resolve(so)));
    assert.match(out, /^Engine: Colima \(profile default\) \(context colima\)$/m);
  });
  test('usage: --platform needs --root, and a known value', async () => {
    const run = (args: string[]) => new Promise<number>((resolve) => execFile(process.execPath, [cli, 'status', ...args], { cwd: root, timeout: 60_000 }, (e) => resolve(e && typeof e.code === 'number' ? e.code : 0)));
    assert.equal(await run(['--platform', 'darwin']), 2);
    assert.equal(await run(['--root', tmp, '--platform', 'beos']), 2);
  });
});
