// The precision set (compose/, workflows/, scripts/ parts) for Compose files, CI workflows and build scripts (test/fixtures/precision): realistic files
// written for this project in the shapes public repositories use. Each file is linted as the kind its name and
// location give (the way the CLI and the server decide). Correct files (`c*`, `w*`, `s*` directories) must get no
// warning or error; files with a mistake (`b*` directories) must get exactly the rules listed below. Informational
// findings are listed too, so that a new one shows up here.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { detectKind, lint } from '../../server/src/engine';

const ROOT = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'precision');

/** Rule ids (with repeats) each file must get; files not listed must get none at all. */
const EXPECTED: Record<string, string[]> = {
  'compose/b01-loopback-build-arg/compose.yaml': ['DC003', 'DC001', 'DC001'],
  'compose/b02-services-missing/docker-compose.yml': ['DC002'],
  'compose/b03-credentials/compose.yaml': ['DC004'],
  'compose/b04-host-docker-internal/compose.yaml': ['DC006'],
  'compose/b05-star-dot/compose.yaml': ['NP005'],
  'compose/c05-proxy-from-shell/compose.yaml': ['DC003'],
  'compose/c07-build-arg-passthrough/compose.yaml': ['DC003'],
  'compose/c13-host-gateway/compose.yaml': ['DC003'],
  'compose/c20-both-cases-args/compose.yaml': ['DC003'],
  'scripts/b01-build-arg-credentials/build.sh': ['SH001', 'SH002', 'SH002'],
  'scripts/b02-unquoted-driver-opt/make-builder.sh': ['BX001'],
  'scripts/b03-dropin-only/provision.sh': ['SH001'],
  'scripts/b04-builder-without-proxy/ci-build.sh': ['BX004'],
  'scripts/b05-loopback-builder/local-builder.sh': ['BX003', 'BX003'],
  'workflows/b01-unquoted-no-proxy/.github/workflows/build.yml': ['BX001'],
  'workflows/b02-build-args-credentials/.github/workflows/build.yml': ['SH002'],
  'workflows/b03-builder-without-proxy/.github/workflows/build.yml': ['BX004'],
  'workflows/b04-token-gap/.github/workflows/build.yml': ['SH001'],
};

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

const files = ['compose', 'workflows', 'scripts'].flatMap((d) => walk(path.join(ROOT, d))).map((f) => path.relative(ROOT, f).split(path.sep).join('/')).sort();

describe('precision set', () => {
  test('has at least 60 files of the three kinds, most of them correct', () => {
    const kinds = new Map<string, number>();
    for (const f of files) {
      const kind = detectKind(path.join(ROOT, f), fs.readFileSync(path.join(ROOT, f), 'utf8'));
      assert.ok(kind === 'compose' || kind === 'ci-workflow' || kind === 'shell', `${f} is detected as ${kind}`);
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    }
    assert.ok(files.length >= 60, `${files.length} files`);
    for (const k of ['compose', 'ci-workflow', 'shell']) assert.ok((kinds.get(k) ?? 0) >= 15, `${k}: ${kinds.get(k)}`);
    const withMistakes = files.filter((f) => /\/b\d\d-/.test(`/${f}`)).length;
    assert.ok(withMistakes * 3 < files.length, `${withMistakes} of ${files.length} files have mistakes`);
    for (const f of Object.keys(EXPECTED)) assert.ok(files.includes(f), `EXPECTED names a missing file ${f}`);
  });

  for (const f of files) {
    test(f, () => {
      const abs = path.join(ROOT, f);
      const text = fs.readFileSync(abs, 'utf8');
      const kind = detectKind(abs, text)!;
      const findings = lint(text, kind, { path: abs, onRuleError: (id, e) => { throw new Error(`${id} threw: ${String(e)}`); } });
      const correct = !/(^|\/)b\d\d-/.test(f);
      if (correct) {
        const loud = findings.filter((x) => x.severity !== 'info');
        assert.deepEqual(loud.map((x) => `${x.ruleId} line ${x.range.start.line + 1}: ${x.message}`), [], 'a correct file got a warning or error');
      }
      assert.deepEqual(findings.map((x) => x.ruleId), EXPECTED[f] ?? [], findings.map((x) => `${x.ruleId} line ${x.range.start.line + 1}: ${x.message}`).join('\n'));
    });
  }
});
