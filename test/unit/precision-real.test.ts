// Issue 18 item 5: real public scripts, workflows and Compose files that deal with a proxy, copied with their
// source (test/fixtures/precision/real/sources.json: repository, path, commit) and labelled with the rules a
// reviewer expects: `expected` (must be reported), `missed` (a real mistake the linter does not catch yet; counted
// against recall, not failed), `falsePositives` (reported although the reviewer finds nothing wrong; counted against
// precision, kept visible here). Files with nothing expected must get no warning or error beyond those. Prints precision and
// recall over the set for the closing note of issue 18.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { detectKind, lint } from '../../server/src/engine';

const ROOT = path.resolve(__dirname, '../../../test/fixtures/precision/real');

interface Source { repo: string; path: string; commit?: string; url?: string; expected: string[]; missed?: string[]; falsePositives?: string[]; note?: string }

const sources = JSON.parse(readFileSync(path.join(ROOT, 'sources.json'), 'utf8')) as Record<string, Source>;
const files = Object.keys(sources).sort();

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

function loudRules(file: string): string[] {
  const abs = path.join(ROOT, file);
  const text = readFileSync(abs, 'utf8');
  const kind = detectKind(abs, text);
  assert.ok(kind === 'compose' || kind === 'ci-workflow' || kind === 'shell', `${file} is detected as ${kind}`);
  return lint(text, kind, { path: abs, onRuleError: (id, e) => { throw new Error(`${id} threw: ${String(e)}`); } })
    .filter((f) => f.severity !== 'info').map((f) => f.ruleId);
}

test('the real set: at least 60 files, every file has its source and every source its file', () => {
  assert.ok(files.length >= 60, `only ${files.length} files`);
  const onDisk = walk(ROOT).map((f) => path.relative(ROOT, f).split(path.sep).join('/')).filter((f) => f !== 'sources.json').sort();
  assert.deepEqual(onDisk, files);
  for (const f of files) {
    const s = sources[f];
    assert.match(s.repo, /^[\w.-]+\/[\w.-]+$/, f);
    assert.ok(s.path && (s.commit || s.url), `${f}: no path and commit/url`);
    assert.ok(existsSync(path.join(ROOT, f)));
  }
  const repos = new Set(files.map((f) => sources[f].repo));
  assert.ok(repos.size >= 12, `only ${repos.size} repositories`);
  // precision and recall over rule ids per file, printed for the closing note of issue 18
  let tp = 0, fp = 0, fn = 0;
  for (const f of files) {
    const got = new Set(loudRules(f));
    const want = new Set([...sources[f].expected, ...(sources[f].missed ?? [])]);
    for (const r of got) if (want.has(r)) tp++; else fp++;
    for (const r of want) if (!got.has(r)) fn++;
  }
  const mistakes = files.filter((f) => sources[f].expected.length + (sources[f].missed?.length ?? 0) > 0).length;
  console.log(`real set: ${files.length} files from ${repos.size} repositories, ${mistakes} with a proxy mistake; precision ${tp}/${tp + fp}, recall ${tp}/${tp + fn}`);
});

for (const f of files) {
  test(`real: ${f} (${sources[f].repo})`, () => {
    const got = [...new Set(loudRules(f))].sort();
    assert.deepEqual(got, [...sources[f].expected, ...(sources[f].falsePositives ?? [])].sort(), sources[f].note ?? 'a correct file got a warning or error');
  });
}
