// Issue 5 item 9: a precision set of realistic files written for this project, modelled on the shapes public
// repositories use (multi-stage builds, CI images, Ansible/Salt/Puppet templates, docs-style drop-ins). Every file
// under good/ must get no warning and no error (information is allowed); every file under bad/ holds at least one
// real mistake and must get a warning or an error, so the check can fail both ways.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { detectKind, lint, type FileKind } from '../../server/src/engine';

const ROOT = path.resolve(__dirname, '../../../test/fixtures/precision');

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : [p];
  });
}

function lintFile(file: string): { kind: FileKind; loud: string[] } {
  const text = readFileSync(file, 'utf8');
  const kind = detectKind(file, text);
  assert.ok(kind, `no kind detected for ${path.relative(ROOT, file)}`);
  const findings = lint(text, kind, { path: file, onRuleError: (id, e) => { throw new Error(`${id} threw: ${String(e)}`); } });
  return { kind, loud: findings.filter((f) => f.severity !== 'info').map((f) => `${f.ruleId}@${f.range.start.line + 1}: ${f.message}`) };
}

describe('precision set', () => {
  const good = walk(path.join(ROOT, 'good'));
  const bad = walk(path.join(ROOT, 'bad'));
  test('has at least 100 files in all four kinds', () => {
    assert.ok(good.length + bad.length >= 100, `${good.length + bad.length} files`);
    const kinds = new Set([...good, ...bad].map((f) => lintFile(f).kind));
    assert.equal(kinds.size, 4);
  });
  for (const file of good) {
    test(`correct: ${path.relative(ROOT, file)}`, () => assert.deepEqual(lintFile(file).loud, []));
  }
  for (const file of bad) {
    test(`mistake: ${path.relative(ROOT, file)}`, () => assert.ok(lintFile(file).loud.length > 0, 'no warning or error'));
  }
});
