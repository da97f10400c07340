// The GitHub Action (action.yml, issue 20). No runner of composite actions can be installed here, so this test is
// one for our own action: it reads action.yml, runs each `run:` step with bash the way the runner does (`bash
// --noprofile --norc -eo pipefail`, inputs and step outputs substituted, GITHUB_OUTPUT collected, a failing step
// ends the action), records `uses:` steps with their evaluated `with:`, on a fixture repository. The CLI is this
// build's dist/cli.js (DPD_CLI), since the npm registry is out of reach. The SARIF it writes is validated against
// the official SARIF 2.1.0 schema (test/fixtures/sarif/) with the small validator in json-schema.ts.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { validate } from './json-schema';

const root = path.resolve(__dirname, '../../..');
const action = parse(readFileSync(path.join(root, 'action.yml'), 'utf8'));
const schema = JSON.parse(readFileSync(path.join(root, 'test/fixtures/sarif/sarif-schema-2.1.0.json'), 'utf8'));

interface Step { id?: string; name?: string; if?: string; uses?: string; with?: Record<string, string>; run?: string; shell?: string; env?: Record<string, string> }
interface ActionRun { failed: boolean; stepCodes: Record<string, number>; outputs: Record<string, Record<string, string>>; uses: { uses: string; with: Record<string, string> }[]; log: string }

/** Runs action.yml's steps on `workspace` with the given inputs (defaults from action.yml), as the runner would. */
function runAction(workspace: string, given: Record<string, string>): ActionRun {
  const inputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(action.inputs as Record<string, { default?: string }>)) inputs[name] = given[name] ?? spec.default ?? '';
  for (const name of Object.keys(given)) assert.ok(name in inputs, `action.yml has no input ${name}`);
  const outputs: Record<string, Record<string, string>> = {};
  const expr = (s: string) => s.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, e: string) => {
    let m = /^inputs\.([\w-]+)$/.exec(e);
    if (m) return inputs[m[1]];
    m = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(e);
    if (m) return outputs[m[1]]?.[m[2]] ?? '';
    throw new Error(`expression not supported by this test runner: ${e}`);
  });
  const condition = (s: string) => {
    const m = /^inputs\.([\w-]+) == '([^']*)'$/.exec(s.trim());
    if (!m) throw new Error(`if: not supported by this test runner: ${s}`);
    return inputs[m[1]] === m[2];
  };
  const result: ActionRun = { failed: false, stepCodes: {}, outputs, uses: [], log: '' };
  const temp = mkdtempSync(path.join(os.tmpdir(), 'dpd-action-'));
  try {
    (action.runs.steps as Step[]).forEach((step, i) => {
      if (result.failed) return;
      if (step.if !== undefined && !condition(step.if)) return;
      if (step.uses) { result.uses.push({ uses: step.uses, with: Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, expr(String(v))])) }); return; }
      assert.equal(step.shell, 'bash', 'run steps of a composite action must name their shell');
      const script = path.join(temp, `step${i}.sh`);
      const out = path.join(temp, `step${i}.out`);
      writeFileSync(script, expr(step.run!));
      writeFileSync(out, '');
      const env = { ...process.env, ...Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expr(String(v))])),
        GITHUB_ACTION_PATH: root, GITHUB_OUTPUT: out, GITHUB_WORKSPACE: workspace, RUNNER_TEMP: temp,
        DPD_CLI: `${process.execPath} ${path.join(root, 'dist/cli.js')}`, NO_COLOR: '1' };
      const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd: workspace, env, encoding: 'utf8', timeout: 120_000 });
      result.log += r.stdout + r.stderr;
      const code = r.status ?? 1;
      result.stepCodes[step.id ?? `step${i}`] = code;
      if (step.id) outputs[step.id] = Object.fromEntries(readFileSync(out, 'utf8').split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
      if (code !== 0) result.failed = true;
    });
  } finally { rmSync(temp, { recursive: true, force: true }); }
  return result;
}

function fixtureRepository(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dpd-action-repo-'));
  mkdirSync(path.join(dir, 'etc/docker'), { recursive: true });
  mkdirSync(path.join(dir, 'app'));
  // DJ001 (error) and NP012 (info) in daemon.json; DF001 (warning) and DF013 (turned off by the config) in the Dockerfile.
  writeFileSync(path.join(dir, 'etc/docker/daemon.json'), '{\n  "http-proxy": "http://proxy.example.com:3128",\n  "proxies": { "https-proxy": "http://proxy.example.com:3128" }\n}\n');
  writeFileSync(path.join(dir, 'app/Dockerfile'), 'FROM debian:12\nENV http_proxy=http://proxy.example.com:3128\nRUN apt-get update\n');
  writeFileSync(path.join(dir, 'proxy-doctor.json'), '{ "rules": { "DF013": "off" } }\n');
  writeFileSync(path.join(dir, 'README.md'), 'not linted\n');
  return dir;
}

describe('GitHub Action (action.yml)', () => {
  test('is a composite action with the inputs paths, fail-on and config, uploading with codeql-action/upload-sarif', () => {
    assert.equal(action.runs.using, 'composite');
    for (const name of ['paths', 'fail-on', 'config']) assert.ok(action.inputs[name], `input ${name}`);
    const upload = (action.runs.steps as Step[]).find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    assert.ok(upload, 'no upload-sarif step');
    assert.match(String(upload.with?.sarif_file), /steps\.lint\.outputs\.sarif-file/);
  });

  test('on a fixture repository: writes SARIF 2.1.0 that the official schema accepts, uploads it, then fails on the error', () => {
    const repo = fixtureRepository();
    try {
      const run = runAction(repo, { paths: '.', 'fail-on': 'error', config: 'proxy-doctor.json' });
      assert.equal(run.outputs.lint['exit-code'], '1', run.log);
      assert.equal(run.failed, true, 'the action must fail when an error was found');
      assert.deepEqual(run.uses.map((u) => u.uses.replace(/@.*/, '')), ['github/codeql-action/upload-sarif'], 'the SARIF is uploaded before the failing step');
      const sarifPath = path.join(repo, run.uses[0].with.sarif_file);
      const sarif = JSON.parse(readFileSync(sarifPath, 'utf8'));
      assert.deepEqual(validate(schema, sarif), [], 'SARIF violates the 2.1.0 schema');
      const results = sarif.runs[0].results as { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
      const found = results.map((r) => `${r.ruleId}@${r.locations[0].physicalLocation.artifactLocation.uri}`).sort();
      assert.deepEqual(found, ['DF001@app/Dockerfile', 'DJ001@etc/docker/daemon.json', 'NP012@etc/docker/daemon.json']);
      assert.equal(results.find((r) => r.ruleId === 'DJ001')?.level, 'error');
      assert.match(run.log, /DJ001/, 'the findings are also in the job log');
      process.stdout.write(`# SARIF: ${results.length} results, ${sarif.runs[0].tool.driver.rules.length} rules, valid against sarif-schema-2.1.0.json\n`);
    } finally { rmSync(repo, { recursive: true, force: true }); }
  });

  test('fail-on none passes the job with findings; upload-sarif false skips the upload; a bad fail-on fails with 2', () => {
    const repo = fixtureRepository();
    try {
      const lenient = runAction(repo, { 'fail-on': 'none', 'upload-sarif': 'false' });
      assert.equal(lenient.failed, false, lenient.log);
      assert.equal(lenient.uses.length, 0);
      assert.ok(JSON.parse(readFileSync(path.join(repo, 'docker-proxy-doctor.sarif'), 'utf8')).runs[0].results.length >= 3);
      const strict = runAction(repo, { 'fail-on': 'warning', paths: 'app' });
      assert.equal(strict.outputs.lint['exit-code'], '1', 'DF001 is a warning');
      const wrong = runAction(repo, { 'fail-on': 'sometimes' });
      assert.equal(wrong.outputs.lint['exit-code'], '2');
      assert.equal(wrong.failed, true);
      assert.match(wrong.log, /::error title=Docker Proxy Doctor::fail-on must be/);
    } finally { rmSync(repo, { recursive: true, force: true }); }
  });

  test('the schema check can fail: broken SARIF logs are rejected', () => {
    const good = { version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'error' }] }] };
    assert.deepEqual(validate(schema, good), []);
    const broken: [string, unknown][] = [
      ['wrong version', { ...good, version: '2.0.0' }],
      ['no runs', { version: '2.1.0' }],
      ['unknown level', { ...good, runs: [{ ...good.runs[0], results: [{ message: { text: 'm' }, level: 'fatal' }] }] }],
      ['unknown top-level property', { ...good, extra: 1 }],
      ['tool without driver', { ...good, runs: [{ tool: {} }] }],
    ];
    for (const [what, log] of broken) assert.ok(validate(schema, log).length > 0, `${what} was accepted`);
  });
});
