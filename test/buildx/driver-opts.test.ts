// The driver-option rules (BX001, BX002, BX003) against real buildx: the trixie docker-buildx 0.13 plugin that
// .ci/install.sh extracts, run by the docker CLI against a dockerd started here (127.0.0.1 only: a unix socket).
//
// What is checked: `docker buildx create --driver docker-container --driver-opt …` as a real shell runs it from the
// script text (so the shell's quote removal is real too), then the builder buildx stored. Creating a builder without
// --bootstrap parses the options and records the builder; it does not start the buildkitd container or pull its
// image, so no network is needed. For setup-buildx-action `driver-opts` lines, the action itself is not run: each
// trimmed line is passed as one --driver-opt argument, which is what docker/actions-toolkit's getList with
// {ignoreComma: true, quote: false} hands to buildx (read in its source, see BX001's fact line).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { applyEdits, lint, ruleById, type Finding } from '../../server/src/engine';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const DOCKERD = path.resolve(ROOT, process.env.DOCKERD || '.ci/cache/docker-trixie/usr/sbin/dockerd');
const BUILDX = path.join(path.dirname(path.dirname(DOCKERD)), 'libexec', 'docker', 'cli-plugins', 'docker-buildx');
const DOCKER = process.env.DOCKER || 'docker';

interface Result { code: number | null; out: string }

function run(file: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs = 60_000): Promise<Result> {
  return new Promise((resolve) => {
    execFile(file, args, { env, timeout: timeoutMs, maxBuffer: 4 << 20 }, (error, stdout, stderr) => {
      const e = error as (NodeJS.ErrnoException & { code?: number | string }) | null;
      resolve({ code: e ? (typeof e.code === 'number' ? e.code : null) : 0, out: `${stdout}${stderr}`.trim() });
    });
  });
}

let dir = '';
let dockerd: ChildProcess | undefined;
let env: NodeJS.ProcessEnv = {};
const dockerdLog: string[] = [];

before(async () => {
  assert.ok(fs.existsSync(DOCKERD), `dockerd not found at ${DOCKERD}: run \`bash .ci/install.sh\``);
  assert.ok(fs.existsSync(BUILDX), `the buildx plugin is not at ${BUILDX}: run \`bash .ci/install.sh\` (it downloads trixie's docker-buildx)`);
  assert.equal(process.getuid?.(), 0, 'starting a real dockerd needs root');
  const base = process.env.RUN_DIR && fs.existsSync(process.env.RUN_DIR) ? process.env.RUN_DIR : os.tmpdir();
  dir = fs.mkdtempSync(path.join(base, 'bx-')); // short: unix socket paths are limited to 107 bytes
  const sock = path.join(dir, 'd.sock');
  const config = path.join(dir, 'daemon.json');
  fs.writeFileSync(config, '{}\n');
  const clientConfig = path.join(dir, 'client');
  fs.mkdirSync(path.join(clientConfig, 'cli-plugins'), { recursive: true });
  fs.symlinkSync(BUILDX, path.join(clientConfig, 'cli-plugins', 'docker-buildx'));
  const bin = path.dirname(DOCKERD);
  const clean: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(https?|no|all|ftp)_proxy$/i.test(k) && !/^DOCKER_/.test(k)) clean[k] = v;
  const pathVar = [bin, path.resolve(bin, '..', 'bin'), process.env.PATH ?? ''].join(path.delimiter);
  env = { ...clean, PATH: pathVar, DOCKER_HOST: `unix://${sock}`, DOCKER_CONFIG: clientConfig };
  dockerd = spawn(DOCKERD, [
    '--iptables=false', '--ip6tables=false', '--bridge=none', '--storage-driver=vfs',
    '--data-root', path.join(dir, 'data'), '--exec-root', path.join(dir, 'exec'),
    '--pidfile', path.join(dir, 'd.pid'), '--host', `unix://${sock}`, '--config-file', config,
  ], { env: { ...clean, PATH: pathVar }, stdio: ['ignore', 'pipe', 'pipe'] });
  const proc = dockerd;
  await new Promise<void>((resolve, reject) => {
    let buf = '';
    const timer = setTimeout(() => reject(new Error(`dockerd not ready after 60 s:\n${dockerdLog.slice(-15).join('\n')}`)), 60_000);
    const onData = (d: Buffer) => {
      buf += d.toString();
      let i;
      while ((i = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 1);
        dockerdLog.push(line);
        if (line.includes('API listen on') && line.includes(sock)) { clearTimeout(timer); resolve(); }
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.once('exit', (code, sig) => { clearTimeout(timer); reject(new Error(`dockerd exited early (${code ?? sig}):\n${dockerdLog.slice(-15).join('\n')}`)); });
  });
  const v = await run(DOCKER, ['buildx', 'version'], env);
  assert.equal(v.code, 0, v.out);
  assert.match(v.out, /github\.com\/docker\/buildx 0\.13\./);
  console.log(`# ${v.out}`);
});

after(async () => {
  const proc = dockerd;
  if (proc && proc.exitCode === null && proc.signalCode === null) {
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    proc.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const late = await Promise.race([exited.then(() => false), new Promise<boolean>((r) => { timer = setTimeout(() => r(true), 30_000); })]);
    clearTimeout(timer);
    if (late) { proc.kill('SIGKILL'); await exited; }
  }
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** The driver options buildx recorded for a builder (its store file under DOCKER_CONFIG/buildx/instances). */
function storedDriverOpts(name: string): Record<string, string> {
  const file = path.join(env.DOCKER_CONFIG!, 'buildx', 'instances', name);
  const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as { Nodes?: { DriverOpts?: Record<string, string> }[] };
  return stored.Nodes?.[0]?.DriverOpts ?? {};
}

async function runScript(text: string): Promise<Result> {
  const file = path.join(dir, `script-${Math.random().toString(36).slice(2)}.sh`);
  fs.writeFileSync(file, text);
  return run('/bin/sh', [file], env);
}

function bxFindings(text: string, kind: 'shell' | 'ci-workflow', p?: string): Finding[] {
  return lint(text, kind, { path: p }).filter((f) => /^BX00[123]$/.test(f.ruleId));
}

/** Applies every fix of the given rule's findings, one at a time (re-linting after each). */
function fixAllOf(text: string, kind: 'shell' | 'ci-workflow', ruleId: string, p?: string): string {
  for (let round = 0; round < 10; round++) {
    const f = lint(text, kind, { path: p }).find((x) => x.ruleId === ruleId && x.fixes.length > 0);
    if (!f) return text;
    text = applyEdits(text, f.fixes[0].edits);
  }
  return text;
}

const NO_PROXY = 'localhost,127.0.0.1,registry.internal';

describe('buildx 0.13 reads --driver-opt the way BX001/BX002 say (real shell, real buildx)', () => {
  const cases: { name: string; rule: string; opt: string; refusal: RegExp | undefined; key: string; badValue?: string }[] = [
    { name: 'unquoted comma list', rule: 'BX001', opt: `env.no_proxy=${NO_PROXY}`, refusal: /invalid value "127\.0\.0\.1", expecting k=v/, key: 'env.no_proxy' },
    { name: 'shell double quotes only', rule: 'BX001', opt: `"env.no_proxy=${NO_PROXY}"`, refusal: /invalid value "127\.0\.0\.1", expecting k=v/, key: 'env.no_proxy' },
    { name: 'from a variable, unquoted for CSV', rule: 'BX001', opt: '"env.no_proxy=$NO_PROXY"', refusal: /invalid value "127\.0\.0\.1", expecting k=v/, key: 'env.no_proxy' },
    { name: 'CSV quotes after the =', rule: 'BX002', opt: `'env.no_proxy="${NO_PROXY}"'`, refusal: /bare " in non-quoted-field/, key: 'env.no_proxy' },
    { name: 'single quotes inside the list', rule: 'BX002', opt: `"env.no_proxy='${NO_PROXY}'"`, refusal: /invalid value "127\.0\.0\.1", expecting k=v/, key: 'env.no_proxy' },
    { name: 'single quotes inside a proxy URL', rule: 'BX002', opt: `"env.https_proxy='http://proxy.example.com:3128'"`, refusal: undefined, key: 'env.https_proxy', badValue: "'http://proxy.example.com:3128'" },
  ];
  let n = 0;
  for (const c of cases) {
    test(`${c.rule}: ${c.name}: ${c.opt}`, async () => {
      const name = `bx${++n}`;
      const script = `#!/bin/sh\nset -e\nNO_PROXY=${NO_PROXY}\ndocker buildx create --name ${name} --driver docker-container \\\n  --driver-opt ${c.opt}\n`;
      const found = bxFindings(script, 'shell');
      assert.deepEqual(found.map((f) => f.ruleId), [c.rule], `lint: ${JSON.stringify(found.map((f) => f.message))}`);
      const bad = await runScript(script);
      if (c.refusal) {
        assert.notEqual(bad.code, 0, `buildx accepted the bad option:\n${bad.out}`);
        assert.match(bad.out, c.refusal);
      } else {
        assert.equal(bad.code, 0, bad.out);
        assert.equal(storedDriverOpts(name)[c.key], c.badValue, 'buildx stored the value with its quotes');
        await run(DOCKER, ['buildx', 'rm', name], env);
      }
      const fixed = fixAllOf(script, 'shell', c.rule);
      assert.notEqual(fixed, script, 'the rule offers a fix');
      assert.deepEqual(bxFindings(fixed, 'shell').map((f) => f.message), [], `fixed script still has findings:\n${fixed}`);
      const good = await runScript(fixed);
      assert.equal(good.code, 0, `buildx refused the fixed script:\n${fixed}\n${good.out}`);
      const expected = c.key === 'env.no_proxy' ? NO_PROXY : 'http://proxy.example.com:3128';
      assert.equal(storedDriverOpts(name)[c.key], expected, `fixed option as stored by buildx:\n${fixed}`);
    });
  }

  for (const id of ['BX001', 'BX002', 'BX003']) {
    test(`${id}'s own examples: buildx refuses or accepts them as the rule says`, async () => {
      const { bad, good } = ruleById(id)!.meta.examples;
      const rename = (t: string, name: string) => t.replace(/--name \S+/, `--name ${name}`);
      const badRun = await runScript(rename(bad.text, `${id.toLowerCase()}bad`));
      const goodRun = await runScript(rename(good.text, `${id.toLowerCase()}good`));
      assert.equal(goodRun.code, 0, `good example refused:\n${goodRun.out}`);
      if (id === 'BX001') assert.match(badRun.out, /expecting k=v/);
      if (id === 'BX002') assert.equal(storedDriverOpts(`${id.toLowerCase()}bad`)['env.https_proxy'], "'http://proxy.example.com:3128'");
      if (id === 'BX003') {
        // buildx accepts the loopback proxy; the rule is about where it points, which network=host changes.
        assert.equal(badRun.code, 0, badRun.out);
        assert.equal(storedDriverOpts(`${id.toLowerCase()}good`).network, 'host');
      }
    });
  }
});

describe('setup-buildx-action driver-opts lines reach buildx as written (one --driver-opt per line)', () => {
  const workflow = (lines: string[]) =>
    'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: docker/setup-buildx-action@v3\n        with:\n          driver-opts: |\n' +
    lines.map((l) => `            ${l}\n`).join('');
  const optLines = (text: string) => {
    const m = /driver-opts: \|\n((?: {12}.*\n)+)/.exec(text);
    return m ? m[1].split('\n').map((l) => l.trim()).filter(Boolean) : [];
  };
  let n = 0;
  for (const [name, line, rule] of [
    ['unquoted comma list', `env.no_proxy=${NO_PROXY}`, 'BX001'],
    ['single quotes inside the CSV field', `"env.no_proxy='${NO_PROXY}'"`, 'BX002'],
  ] as const) {
    test(`${rule}: ${name}`, async () => {
      const text = workflow(['env.https_proxy=http://proxy.example.com:3128', line]);
      const p = '/repo/.github/workflows/build.yml';
      assert.deepEqual(bxFindings(text, 'ci-workflow', p).map((f) => f.ruleId), [rule]);
      const builder = `wf${++n}`;
      const bad = await run(DOCKER, ['buildx', 'create', '--name', `${builder}bad`, '--driver', 'docker-container', ...optLines(text).flatMap((o) => ['--driver-opt', o])], env);
      if (rule === 'BX001') assert.match(bad.out, /expecting k=v/);
      else assert.equal(storedDriverOpts(`${builder}bad`)['env.no_proxy'], `'${NO_PROXY}'`, bad.out);
      const fixed = fixAllOf(text, 'ci-workflow', rule, p);
      assert.deepEqual(bxFindings(fixed, 'ci-workflow', p).map((f) => f.message), []);
      const good = await run(DOCKER, ['buildx', 'create', '--name', builder, '--driver', 'docker-container', ...optLines(fixed).flatMap((o) => ['--driver-opt', o])], env);
      assert.equal(good.code, 0, `${fixed}\n${good.out}`);
      assert.equal(storedDriverOpts(builder)['env.no_proxy'], NO_PROXY);
    });
  }
});
