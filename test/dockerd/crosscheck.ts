// Ground truth for the daemon.json rules from a real dockerd (26.1.5 from Debian trixie, see .ci/install.sh).
//
// 1. For every test/fixtures/daemon-json/*.json: our engine says "dockerd refuses this file" when any finding has
//    `dockerdRefuses`; `dockerd --validate --config-file F` says so with a non-zero exit code. They must agree.
// 2. One real daemon (started twice, one after the other) proves what a running dockerd does with the values:
//    a `proxies` object shows up in `docker info`; a top-level "http-proxy" is accepted and silently ignored (DJ001).
//
// Nothing is skipped: a missing or too old dockerd, or a non-root user, fails with a message saying what to do.
// Run: `node --test-reporter=spec out/test/dockerd/crosscheck.js` (scripts/test.sh group `dockerd`).
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ALL_RULES, lint, type Finding } from '../../server/src/engine';
import { cleanEnv, DOCKERD, ROOT, startDaemon, stopDaemon, type Daemon } from './dockerd';

const DOCKER = process.env.DOCKER || 'docker'; // /usr/local/bin/docker 28.2 client on these machines
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'daemon-json');
const MIN_MAJOR = 26; // `proxies` in daemon.json and `dockerd --validate` arrived in 23/23.0; we pin 26.x facts.

/** dockerd's environment: no proxy variables (they would mask the file's effect), its own bin dir first in PATH
 *  (`--validate` refuses every file when it cannot find docker-proxy: "userland-proxy-path is not set"). */
const dockerdEnv = (): NodeJS.ProcessEnv => cleanEnv();

interface ExecResult { code: number | null; signal: string | null; out: string; timedOut: boolean }
function run(file: string, args: string[], timeoutMs: number, env = dockerdEnv()): Promise<ExecResult> {
  return new Promise((resolve) => {
    execFile(file, args, { timeout: timeoutMs, env, maxBuffer: 4 << 20 }, (error, stdout, stderr) => {
      const e = error as (NodeJS.ErrnoException & { code?: number | string; killed?: boolean; signal?: string }) | null;
      if (e && typeof e.code === 'string') { resolve({ code: null, signal: null, out: `${e.code}: ${e.message}`, timedOut: false }); return; }
      resolve({
        code: e ? (typeof e.code === 'number' ? e.code : null) : 0,
        signal: e?.signal ?? null,
        out: `${stdout}${stderr}`.trim(),
        timedOut: !!e?.killed && e?.signal === 'SIGTERM',
      });
    });
  });
}

function fixtureFiles(): string[] {
  return [...fixtureDirFiles(), ...ruleExampleFiles()];
}

function fixtureDirFiles(): string[] {
  if (!fs.existsSync(FIXTURES)) return [];
  return fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.json')).sort().map((f) => path.join(FIXTURES, f));
}

// Every daemon.json example in the rule metadata (the docs' "Triggers it" / "Does not") is a fixture too, so a rule's
// own examples can never claim a dockerd behaviour that dockerd does not have.
const EXAMPLES_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'dpd-rule-examples-'));
after(() => fs.rmSync(EXAMPLES_DIR, { recursive: true, force: true }));
function ruleExampleFiles(): string[] {
  const files: string[] = [];
  for (const rule of ALL_RULES) {
    if (rule.meta.id === 'PD001') continue; // "not linted" (binary/huge input) makes no claim about dockerd either way
    for (const which of ['bad', 'good'] as const) {
      const ex = rule.meta.examples[which];
      if (ex.kind !== 'daemon-json') continue;
      const file = path.join(EXAMPLES_DIR, `example-${rule.meta.id}-${which}.json`);
      fs.writeFileSync(file, ex.text);
      files.push(file);
    }
  }
  return files;
}

// ---------------------------------------------------------------------------------------------------------------
// Preconditions (each a test, so a broken environment is a visible failure, never a skip)

let dockerdUsable = false;
test(`dockerd ${MIN_MAJOR}+ is available at ${DOCKERD.startsWith(ROOT + path.sep) ? path.relative(ROOT, DOCKERD) : DOCKERD}`, async () => {
  assert.ok(fs.existsSync(DOCKERD), `dockerd not found at ${DOCKERD}: run \`bash .ci/install.sh\` (or set DOCKERD)`);
  const v = await run(DOCKERD, ['--version'], 10_000);
  assert.equal(v.code, 0, `dockerd --version failed: ${v.out}`);
  const m = /Docker version (\d+)\.(\d+)\.(\d+)/.exec(v.out);
  assert.ok(m, `unexpected dockerd --version output: ${v.out}`);
  assert.ok(Number(m[1]) >= MIN_MAJOR, `dockerd ${m[0]} is too old: need ${MIN_MAJOR}+ for daemon.json "proxies" and --validate`);
  console.log(`# ${v.out}`);
  dockerdUsable = true;
});

// ---------------------------------------------------------------------------------------------------------------
// 1. Engine vs `dockerd --validate`, per fixture

interface Row { name: string; weRefuse: boolean; refusingRules: string; allRules: string; dockerdRefuses: boolean | undefined; dockerdSays: string }
const rows: Row[] = [];

function printTable(): void {
  if (rows.length === 0) return;
  const yn = (b: boolean | undefined) => (b === undefined ? '?' : b ? 'REFUSE' : 'ok');
  const w = Math.max(...rows.map((r) => r.name.length), 7);
  const wr = Math.max(...rows.map((r) => r.allRules.length), 8);
  const lines = [
    '',
    `${'fixture'.padEnd(w)}  ${'engine'.padEnd(6)}  ${'dockerd'.padEnd(7)}  agree  ${'findings'.padEnd(wr)}  dockerd --validate says`,
  ];
  for (const r of rows) {
    const agree = r.dockerdRefuses === undefined ? '?' : r.weRefuse === r.dockerdRefuses ? 'yes' : 'NO';
    lines.push(`${r.name.padEnd(w)}  ${yn(r.weRefuse).padEnd(6)}  ${yn(r.dockerdRefuses).padEnd(7)}  ${agree.padEnd(5)}  ${r.allRules.padEnd(wr)}  ${r.dockerdSays.slice(0, 110)}`);
  }
  const judged = rows.filter((r) => r.dockerdRefuses !== undefined);
  const agreements = judged.filter((r) => r.weRefuse === r.dockerdRefuses).length;
  lines.push(`crosscheck: ${rows.length} fixtures checked, ${agreements} agreements, ${judged.length - agreements} disagreements` +
    (judged.length < rows.length ? `, ${rows.length - judged.length} not judged by dockerd` : ''));
  console.log(lines.join('\n'));
}

describe('engine dockerdRefuses agrees with `dockerd --validate`', () => {
  const files = fixtureFiles();
  test('there are daemon.json fixtures', () => {
    assert.ok(files.length > 0, `no fixtures in ${FIXTURES}`);
  });
  for (const file of files) {
    const name = path.basename(file);
    test(name, async () => {
      assert.ok(dockerdUsable, 'dockerd is not usable (see the first test)');
      const text = fs.readFileSync(file, 'utf8'); // as on disk: a BOM stays in, as the CLI would read it
      const findings: Finding[] = lint(text, 'daemon-json', {
        path: '/etc/docker/daemon.json',
        onRuleError: (id, e) => { throw new Error(`rule ${id} threw on ${name}: ${String(e)}`); },
      });
      const refusing = findings.filter((f) => f.dockerdRefuses);
      const weRefuse = refusing.length > 0;
      const v = await run(DOCKERD, ['--validate', '--config-file', file], 30_000);
      const row: Row = {
        name, weRefuse,
        refusingRules: [...new Set(refusing.map((f) => f.ruleId))].join(',') || '-',
        allRules: [...new Set(findings.map((f) => f.ruleId))].join(',') || '-',
        dockerdRefuses: undefined,
        dockerdSays: v.out.split('\n').pop()!.replace(file, 'F'),
      };
      rows.push(row);
      assert.ok(!v.timedOut, `dockerd --validate hung on ${name}`);
      assert.ok(v.code !== null, `dockerd --validate did not exit normally on ${name}: ${v.out} (signal ${v.signal})`);
      row.dockerdRefuses = v.code !== 0;
      assert.equal(weRefuse, row.dockerdRefuses,
        `${name}: engine says dockerd ${weRefuse ? 'refuses' : 'accepts'} it (findings: ${row.allRules}; ` +
        `dockerdRefuses from: ${row.refusingRules}), dockerd --validate exit ${v.code}: ${row.dockerdSays}`);
    });
  }
  test('the fixtures exercise both answers (at least one file dockerd refuses and one it accepts)', () => {
    printTable();
    const judged = rows.filter((r) => r.dockerdRefuses !== undefined);
    assert.ok(judged.some((r) => r.dockerdRefuses), 'no fixture that dockerd refuses');
    assert.ok(judged.some((r) => !r.dockerdRefuses), 'no fixture that dockerd accepts');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// 2. A running dockerd: what `docker info` reports for the file's proxy settings

async function dockerInfo(d: Daemon): Promise<Record<string, unknown>> {
  const env = { ...dockerdEnv(), DOCKER_CONFIG: process.env.DOCKER_CONFIG ?? fs.mkdtempSync(path.join(os.tmpdir(), 'dcfg-')) };
  const r = await run(DOCKER, ['-H', `unix://${d.sock}`, 'info', '--format', '{{json .}}'], 30_000, env);
  assert.equal(r.code, 0, `docker info failed: ${r.out}`);
  return JSON.parse(r.out.split('\n').filter((l) => l.startsWith('{')).pop() ?? r.out);
}

async function withDaemon(fixture: string, body: (info: Record<string, unknown>) => void): Promise<void> {
  assert.ok(dockerdUsable, 'dockerd is not usable (see the first test)');
  assert.equal(process.getuid?.(), 0,
    `starting a real dockerd needs root (uid ${process.getuid?.()}); this sandbox runs the suite as root, run it there`);
  const file = path.join(FIXTURES, fixture);
  assert.ok(fs.existsSync(file), `fixture ${fixture} is missing`);
  const d = await startDaemon(file);
  try {
    body(await dockerInfo(d));
  } finally {
    await stopDaemon(d);
  }
}

describe('a running dockerd', () => {
  test('reports the proxies object of daemon.json in `docker info`', async () => {
    const cfg = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'x-proxies-valid.json'), 'utf8'));
    await withDaemon('x-proxies-valid.json', (info) => {
      assert.match(String(info.ServerVersion), /^2[6-9]\.|^[3-9]\d\./);
      assert.deepEqual(
        { HttpProxy: info.HttpProxy, HttpsProxy: info.HttpsProxy, NoProxy: info.NoProxy },
        { HttpProxy: cfg.proxies['http-proxy'], HttpsProxy: cfg.proxies['https-proxy'], NoProxy: cfg.proxies['no-proxy'] });
      console.log(`# docker info: HttpProxy=${info.HttpProxy} HttpsProxy=${info.HttpsProxy} NoProxy=${info.NoProxy}`);
    });
  });
  test('ignores a top-level "http-proxy" (DJ001 ground truth): accepted, but HttpProxy stays empty', async () => {
    const text = fs.readFileSync(path.join(FIXTURES, 'x-top-level-http-proxy.json'), 'utf8');
    assert.ok(lint(text, 'daemon-json', { path: '/etc/docker/daemon.json' }).some((f) => f.ruleId === 'DJ001'),
      'DJ001 should flag x-top-level-http-proxy.json');
    await withDaemon('x-top-level-http-proxy.json', (info) => {
      assert.equal(info.HttpProxy ?? '', '');
      assert.equal(info.HttpsProxy ?? '', '');
      assert.equal(info.NoProxy ?? '', '');
    });
  });
});
