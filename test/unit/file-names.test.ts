// File names say what a file is: no two source files share a name (index.ts aside), so a name found in a
// stack trace, a review or a search points at one file. Rule and finding files carry their id, so they are unique.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';

const ROOT = path.resolve(__dirname, '../../..');
const SOURCE_ROOTS = ['server/src', 'client/src'];
/** Known leftovers, by name (none: lint rules and status findings share one id space, so their files differ). */
const KNOWN_SHARED = new Set<string>([]);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return sourceFiles(rel);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [rel] : [];
  });
}

describe('file names', () => {
  const files = SOURCE_ROOTS.flatMap(sourceFiles);

  it('sees the source tree (so the rule below cannot pass on an empty list)', () => {
    assert.ok(files.length > 200, `only ${files.length} source files found`);
    assert.ok(files.includes('server/src/engine/lint.ts'));
  });

  it('no two source files share a name, index.ts aside', () => {
    const byName = new Map<string, string[]>();
    for (const f of files) {
      const name = path.basename(f);
      if (name === 'index.ts' || KNOWN_SHARED.has(name)) continue;
      byName.set(name, [...(byName.get(name) ?? []), f]);
    }
    const shared = [...byName].filter(([, list]) => list.length > 1).map(([name, list]) => `${name}: ${list.join(', ')}`);
    assert.deepEqual(shared, []);
  });

  it('no file is named common, util(s), helpers or misc', () => {
    const vague = files.filter((f) => /^(common|utils?|helpers?|misc)\.ts$/.test(path.basename(f)));
    assert.deepEqual(vague, []);
  });
});
