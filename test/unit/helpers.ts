// Test helpers shared by the rule tests: lint a snippet as a kind, apply a fix, and check the fix contract.
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { applyEdits, defaultPathFor, lint, type FileKind, type Finding, type Fix } from '../../server/src/engine';

export function lintAs(kind: FileKind, text: string, path = defaultPathFor(kind)): Finding[] {
  return lint(text, kind, { path, onRuleError: (id, e) => { throw new Error(`rule ${id} threw: ${String(e)}`); } });
}

export function ids(findings: readonly Finding[]): string[] {
  return findings.map((f) => f.ruleId);
}

export function only(findings: readonly Finding[], ruleId: string): Finding[] {
  return findings.filter((f) => f.ruleId === ruleId);
}

export function applyFix(text: string, fix: Fix): string {
  return applyEdits(text, fix.edits);
}

/**
 * The fix contract: applying `fix` removes this finding (same rule at the same line) and adds no warning or error
 * that was not there before. Returns the fixed text for further asserts.
 */
export function assertFixCleans(kind: FileKind, text: string, finding: Finding, fix: Fix, path = defaultPathFor(kind)): string {
  const before = lintAs(kind, text, path);
  const fixed = applyFix(text, fix);
  const after = lintAs(kind, fixed, path);
  const key = (f: Finding) => `${f.ruleId}:${f.message}`;
  const still = after.filter((f) => f.ruleId === finding.ruleId && f.message === finding.message);
  assert.equal(still.length, 0, `"${fix.title}" left ${finding.ruleId} in place:\n${fixed}`);
  const beforeKeys = new Set(before.map(key));
  // An info note may appear because the fix made a setting effective (a proxy moved into "proxies" now has no
  // NO_PROXY): that is the next thing to know, not damage. A new warning or error is.
  const added = after.filter((f) => !beforeKeys.has(key(f)) && f.severity !== 'info');
  assert.deepEqual(added.map(key), [], `"${fix.title}" introduced new findings:\n${fixed}`);
  return fixed;
}

const ROOT = resolve(__dirname, '../../..');

function filesUnder(dir: string): string[] {
  let names: string[];
  try { names = readdirSync(dir); } catch { return []; }
  return names.flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/** Every file under test/fixtures/ and examples/ except Markdown: the real-file corpus of the fuzz and pre-scan tests. */
export function corpusFiles(): string[] {
  return [...filesUnder(join(ROOT, 'test/fixtures')), ...filesUnder(join(ROOT, 'examples'))].filter((f) => !f.endsWith('.md'));
}
