// A fix whose edits cannot be built: lint reports it as the rule's error once and offers no edits, instead of
// swallowing it (the finding would show a fix that silently does nothing) or failing the whole code action.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fixEditsBuilt, guardFixes, lazyFix } from '../../server/src/engine/fix';
import { fixAllEdit, lint } from '../../server/src/engine';
import { proxyDockerfile } from '../../bench/inputs';

describe('fixes built on demand', () => {
  test('a lazy fix builds its edits once, on the first read', () => {
    let builds = 0;
    const fix = lazyFix('Add NO_PROXY', true, () => { builds++; return [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: 'x' }]; });
    assert.equal(builds, 0);
    assert.equal(fix.edits.length, 1);
    assert.equal(fix.edits.length, 1);
    assert.equal(builds, 1);
  });

  test('a build that throws is reported once through lint\'s error channel and gives no edits', () => {
    const errors: unknown[] = [];
    const broken = lazyFix('Broken', true, () => { throw new Error('Can not delete in empty document'); });
    assert.throws(() => broken.edits, /empty document/, 'the bare lazy fix does not hide the error');
    const [guarded] = guardFixes([lazyFix('Broken', true, () => { throw new Error('Can not delete in empty document'); })], (e) => errors.push(e));
    assert.deepEqual(guarded.edits, []);
    assert.deepEqual(guarded.edits, []);
    assert.equal(errors.length, 1);
    assert.match(String(errors[0]), /empty document/);
    assert.equal(guarded.title, 'Broken');
    assert.equal(guarded.safe, true);
  });

  test('a lint of a 1,000-line proxy-heavy Dockerfile builds no fix edits; reading one fix builds that one only', () => {
    const text = proxyDockerfile(1000);
    const before = fixEditsBuilt();
    const findings = lint(text, 'dockerfile');
    const fixes = findings.flatMap((f) => f.fixes);
    assert.ok(findings.length > 150 && fixes.length > 100, `${findings.length} findings, ${fixes.length} fixes`);
    assert.equal(fixEditsBuilt() - before, 0, 'edits were built during the lint');
    assert.ok(fixes[0].edits.length > 0);
    assert.equal(fixEditsBuilt() - before, 1);
    // Fix-all reads the safe fixes (and only asks when called).
    const all = fixAllEdit(text, 'dockerfile');
    assert.ok(all, 'fix-all found safe fixes');
    assert.ok(fixEditsBuilt() - before > 1);
  });
});
