// The bundled CLI (dist/cli.js) as a user runs it: exit codes, formats, masking, bad input. Build first.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const cli = path.join(root, 'dist/cli.js');

function run(args: string[], cwd = root): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args], { cwd, timeout: 30_000, maxBuffer: 20 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

let tmp = '';
before(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'dpd-cli-'));
  mkdirSync(path.join(tmp, 'etc/docker'), { recursive: true });
  writeFileSync(path.join(tmp, 'etc/docker/daemon.json'), '{\n  "http-proxy": "http://bob:hunter2@proxy:3128"\n}\n');
  writeFileSync(path.join(tmp, 'config.json'), '{"name":"unrelated","port":8080}');
  writeFileSync(path.join(tmp, 'rules.json'), '{"rules":{"DJ001":"off"}}');
  writeFileSync(path.join(tmp, 'bad-rules.json'), '{"rules":{"DJ001":"loud"}}');
  writeFileSync(path.join(tmp, 'binary.json'), Buffer.from([0x7b, 0, 1, 2, 0xff]));
  mkdirSync(path.join(tmp, 'empty-bin'));
});
after(() => rmSync(tmp, { recursive: true, force: true }));

describe('lint', () => {
  test('100,000 nested levels: PD001 naming the depth and the limit, no stack overflow, for every kind', async () => {
    const dir = path.join(tmp, 'deep');
    mkdirSync(dir, { recursive: true });
    const files: Array<[string, string, string]> = [
      ['daemon.json', 'daemon-json', '['.repeat(100_000)],
      ['config.json', 'cli-config', '{"proxies":' + '['.repeat(100_000)],
      ['Dockerfile', 'dockerfile', 'FROM x\nCMD ' + '['.repeat(100_000) + '\n'],
      ['p.conf', 'systemd-dropin', '[Service]\nEnvironment="HTTP_PROXY=' + '{'.repeat(100_000) + '"\n'],
    ];
    for (const [name, kind, text] of files) {
      writeFileSync(path.join(dir, name), text);
      const r = await run(['lint', '--kind', kind, '--format', 'json', path.join(dir, name)]);
      assert.doesNotMatch(r.stdout + r.stderr, /Maximum call stack/, name);
      assert.ok(r.code === 0 || r.code === 1, `${name}: exit ${r.code} ${r.stderr}`);
      if (kind.endsWith('json') && kind !== 'dockerfile') {
        const findings = JSON.parse(r.stdout);
        assert.deepEqual(findings.map((f: { rule: string }) => f.rule), ['PD001'], name);
        assert.match(findings[0].message, /nesting depth 10000[01] exceeds the limit of 64/);
      }
    }
  });
  test('text output, exit 1 on an error, password masked', async () => {
    const r = await run(['lint', path.join(tmp, 'etc')]);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /daemon\.json:2:3: error .*\[DJ001 top-level-proxy-key\]/);
    assert.doesNotMatch(r.stdout + r.stderr, /hunter2/);
  });
  test('json format: 1-based positions and the documented fields', async () => {
    const r = await run(['lint', '--format', 'json', path.join(tmp, 'etc/docker/daemon.json')]);
    assert.equal(r.code, 1);
    const findings = JSON.parse(r.stdout);
    const f = findings.find((x: { rule: string }) => x.rule === 'DJ001');
    assert.deepEqual(Object.keys(f).sort(), ['column', 'endColumn', 'endLine', 'file', 'line', 'message', 'rule', 'severity']);
    assert.equal(f.line, 2);
    assert.equal(f.column, 3);
    assert.equal(f.severity, 'error');
  });
  test('sarif format is SARIF 2.1.0 with rules and relative locations', async () => {
    const r = await run(['lint', '--format', 'sarif', 'etc'], tmp);
    const log = JSON.parse(r.stdout);
    assert.equal(log.version, '2.1.0');
    const run0 = log.runs[0];
    assert.equal(run0.tool.driver.name, 'docker-proxy-doctor');
    assert.ok(run0.tool.driver.rules.some((x: { id: string }) => x.id === 'DJ001'));
    const res = run0.results.find((x: { ruleId: string }) => x.ruleId === 'DJ001');
    assert.equal(res.level, 'error');
    assert.equal(res.locations[0].physicalLocation.artifactLocation.uri, 'etc/docker/daemon.json');
    assert.equal(res.locations[0].physicalLocation.region.startLine, 2);
    assert.equal(run0.tool.driver.rules[res.ruleIndex].id, 'DJ001');
  });
  test('--config turns a rule off; --fail-on decides the exit code', async () => {
    const off = await run(['lint', '--config', path.join(tmp, 'rules.json'), path.join(tmp, 'etc')]);
    assert.doesNotMatch(off.stdout, /DJ001/);
    const info = await run(['lint', '--fail-on', 'info', path.join(tmp, 'etc')]);
    assert.equal(info.code, 1);
  });
  test('an unrelated config.json in a walked directory gets nothing', async () => {
    const r = await run(['lint', '--format', 'json', tmp]);
    const files: string[] = JSON.parse(r.stdout).map((f: { file: string }) => f.file);
    assert.ok(!files.some((f) => f.endsWith('config.json')), files.join(','));
  });
  test('--kind lints a file at any path', async () => {
    const r = await run(['lint', '--kind', 'daemon-json', '--format', 'json', path.join(tmp, 'rules.json')]);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), []);
  });
  test('--fix applies the safe fixes in place and reports what is left', async () => {
    const file = path.join(tmp, 'fix/etc/docker/daemon.json');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, '{\n  "http-proxy": "http://proxy:3128",\n  "https-proxy": "http://proxy:3128",\n  "no-proxy": "localhost"\n}\n');
    const r = await run(['lint', '--fix', '--format', 'json', file]);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.deepEqual(JSON.parse(r.stdout).filter((f: { severity: string }) => f.severity === 'error'), []);
    assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')), { proxies: { 'http-proxy': 'http://proxy:3128', 'https-proxy': 'http://proxy:3128', 'no-proxy': 'localhost' } });
    assert.match(r.stderr, /fixed /);
  });
  test('binary junk is reported, not a crash', async () => {
    const r = await run(['lint', '--kind', 'daemon-json', '--format', 'json', path.join(tmp, 'binary.json')]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout)[0].rule, 'PD001');
  });
  test('usage and I/O errors exit 2 with a message', async () => {
    for (const args of [['lint'], ['lint', '--format', 'xml', 'x'], ['lint', '--bogus', 'x'], ['frobnicate'],
      ['lint', path.join(tmp, 'missing.json')], ['lint', path.join(tmp, 'config.json')],
      ['lint', '--config', path.join(tmp, 'bad-rules.json'), tmp], ['lint', '--config', path.join(tmp, 'nope.json'), tmp]]) {
      const r = await run(args);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
      assert.match(r.stderr, /docker-proxy-doctor: \S/);
    }
  });
  test('the bundled examples: broken ones fail, clean ones pass', async () => {
    assert.equal((await run(['lint', 'examples/broken'])).code, 1);
    const clean = await run(['lint', '--fail-on', 'info', '--format', 'json', 'examples/clean']);
    assert.deepEqual(JSON.parse(clean.stdout), []);
    assert.equal(clean.code, 0);
  });
});

describe('status', () => {
  test('text: each layer with sources, passwords masked, exit 1 because the broken tree has a layer in error', async () => {
    const r = await run(['status', '--root', 'examples/broken']);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /^Docker: not-checked/m);
    assert.match(r.stdout, /\[FAIL\] Daemon/);
    assert.match(r.stdout, /Client config\.json/);
    assert.match(r.stdout, /\/etc\/docker\/daemon\.json:\d+/);
    assert.doesNotMatch(r.stdout, /s3cret|p%40ss/);
  });
  test('json (and --json as its alias): the ProxyStatusReport, exit 0 for the clean tree', async () => {
    for (const flag of [['--format', 'json'], ['--json']]) {
      const r = await run(['status', '--root', 'examples/clean', ...flag]);
      assert.equal(r.code, 0, r.stdout + r.stderr);
      const report = JSON.parse(r.stdout);
      assert.deepEqual(report.layers.map((l: { id: string }) => l.id), ['vscode', 'cli-shell', 'client-config', 'daemon', 'builder', 'build-args']);
      const daemon = report.layers.find((l: { id: string }) => l.id === 'daemon');
      assert.ok(daemon.values.some((v: { variable: string }) => v.variable === 'https'));
      assert.equal(report.docker.state, 'not-checked');
      assert.deepEqual(report.commands, []);
    }
  });
  test('Docker absent: --docker /nonexistent gives not-installed and a next step, exit 0', async () => {
    const r = await run(['status', '--root', 'examples/clean', '--docker', '/nonexistent/docker', '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.equal(report.docker.state, 'not-installed');
    assert.match(report.docker.message, /--docker/);
    assert.ok(report.commands.length > 0 && report.commands.every((c: { outcome: string }) => c.outcome === 'not found'));
  });
  test('this machine with a PATH that has no docker: runs, says not-installed', async () => {
    const r = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, [cli, 'status'], { cwd: root, timeout: 60_000, env: { PATH: path.join(tmp, 'empty-bin'), HOME: tmp } }, (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
      });
    });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Docker: not-installed/m);
  });
  test('usage errors exit 2', async () => {
    for (const args of [['status', '--format', 'xml'], ['status', '--bogus'], ['status', '--timeout', '0'], ['status', '--root']]) {
      const r = await run(args);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
    }
  });
});
