// The bundled CLI on Compose files, CI workflows and build scripts: kinds inferred from names and locations in a
// directory walk, --kind forcing them, SARIF carrying them, --fix, and the precision set linting clean.
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
    execFile(process.execPath, [cli, ...args], { cwd, timeout: 60_000, maxBuffer: 20 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

let tmp = '';
before(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'dpd-cli-scripts-'));
  mkdirSync(path.join(tmp, '.github/workflows'), { recursive: true });
  mkdirSync(path.join(tmp, 'deploy'), { recursive: true });
  mkdirSync(path.join(tmp, 'k8s'), { recursive: true });
  writeFileSync(path.join(tmp, 'compose.yaml'), 'services:\n  web:\n    image: w\n    environment:\n      HTTPS_PROXY: http://proxy:3128\n      NO_PROXY: localhost,127.0.0.1\n  db:\n    image: d\n');
  writeFileSync(path.join(tmp, '.github/workflows/build.yml'), 'on: push\njobs:\n  b:\n    runs-on: x\n    steps:\n      - uses: docker/setup-buildx-action@v3\n        with:\n          driver-opts: |\n            env.no_proxy=localhost,127.0.0.1\n');
  writeFileSync(path.join(tmp, 'build.sh'), '#!/bin/sh\ndocker build --build-arg HTTPS_PROXY=http://ci:Pw0rd123@proxy:3128 .\n');
  writeFileSync(path.join(tmp, 'deploy/stack.yml'), 'services:\n  a:\n    environment:\n      HTTP_PROXY: http://u:Pw0rd123@proxy:3128\n');
  writeFileSync(path.join(tmp, 'k8s/deploy.yaml'), 'env:\n  - name: HTTPS_PROXY\n    value: http://u:Pw0rd123@127.0.0.1:3128\n');
});
after(() => rmSync(tmp, { recursive: true, force: true }));

describe('lint on Compose files, workflows and scripts', () => {
  test('a directory walk infers the kinds; unrelated YAML and -f overrides not named like compose files are skipped', async () => {
    const r = await run(['lint', '--format', 'json', tmp]);
    assert.equal(r.code, 1, r.stderr);
    const out = JSON.parse(r.stdout) as { file: string; rule: string }[];
    const byFile: Record<string, string[]> = {};
    for (const f of out) (byFile[path.relative(tmp, f.file)] ??= []).push(f.rule);
    assert.deepEqual(Object.keys(byFile).sort(), ['.github/workflows/build.yml', 'build.sh', 'compose.yaml']);
    assert.ok(byFile['compose.yaml'].includes('DC002'));
    assert.ok(byFile['.github/workflows/build.yml'].includes('BX001'));
    assert.ok(byFile['build.sh'].includes('SH002'));
    assert.ok(!r.stdout.includes('Pw0rd123'));
  });

  test('--kind compose lints a file named with -f', async () => {
    const r = await run(['lint', '--kind', 'compose', path.join(tmp, 'deploy/stack.yml')]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /DC004/);
    assert.ok(!r.stdout.includes('Pw0rd123'));
    const bad = await run(['lint', '--kind', 'yaml', path.join(tmp, 'deploy/stack.yml')]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /compose, ci-workflow, shell/);
  });

  test('SARIF names the new kinds in rule tags', async () => {
    const r = await run(['lint', '--format', 'sarif', tmp]);
    const sarif = JSON.parse(r.stdout);
    const rules = sarif.runs[0].tool.driver.rules as { id: string; properties: { tags: string[] } }[];
    const tags = (id: string) => rules.find((x) => x.id === id)?.properties.tags ?? [];
    assert.ok(tags('DC002').includes('compose'));
    assert.ok(tags('BX001').includes('ci-workflow') && tags('BX001').includes('shell'));
    const results = sarif.runs[0].results as { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
    assert.ok(results.some((x) => x.ruleId === 'BX001' && x.locations[0].physicalLocation.artifactLocation.uri.endsWith('.github/workflows/build.yml')));
  });

  test('--fix quotes the driver-opts line for CSV', async () => {
    const file = path.join(tmp, '.github/workflows/build.yml');
    const r = await run(['lint', '--fix', file]);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(readFileSync(file, 'utf8'), /\n {12}"env\.no_proxy=localhost,127\.0\.0\.1"\n/);
  });

  test('the precision set: no error in the correct files', async () => {
    const dirs = ['compose', 'workflows', 'scripts'].map((d) => path.join(root, 'test/fixtures/precision', d));
    const r = await run(['lint', '--format', 'json', '--fail-on', 'warning', ...dirs]);
    const out = JSON.parse(r.stdout) as { file: string; rule: string; severity: string }[];
    assert.equal(r.code, 1, 'the files with mistakes fail --fail-on warning');
    assert.ok(out.some((f) => /[\\/]b\d\d-/.test(f.file)), 'the files with mistakes are reported');
    const loudInCorrect = out.filter((f) => !/[\\/]b\d\d-/.test(f.file) && f.severity !== 'info');
    assert.deepEqual(loudInCorrect.map((f) => `${f.file}: ${f.rule}`), []);
  });
});
