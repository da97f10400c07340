// Every rule's own examples are fixtures: `bad` must trigger it, `good` must not, and every fix it offers on `bad`
// must clear the finding without adding another. Rule-specific cases live in the per-kind test files.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ALL_RULES } from '../../server/src/engine';
import { assertFixCleans, lintAs, only } from './helpers';

describe('rule metadata', () => {
  test('ids and names are unique and well-formed', () => {
    const ids = ALL_RULES.map((r) => r.meta.id);
    const names = ALL_RULES.map((r) => r.meta.name);
    assert.equal(new Set(ids).size, ids.length);
    assert.equal(new Set(names).size, names.length);
    for (const r of ALL_RULES) {
      assert.match(r.meta.id, /^(DJ|CC|DF|NP|SV|PD|DC|BX|SH)\d{3}$/, r.meta.id);
      assert.match(r.meta.name, /^[a-z0-9]+(-[a-z0-9]+)*$/, r.meta.name);
      assert.ok(r.meta.sources.length > 0, `${r.meta.id} cites no source`);
      assert.ok(r.meta.kinds.includes(r.meta.examples.bad.kind), `${r.meta.id} bad example kind`);
    }
  });
});

for (const rule of ALL_RULES) {
  if (rule.meta.id === 'PD001') continue; // reported by the engine before rules run; tested in engine.test.ts
  describe(`${rule.meta.id} ${rule.meta.name}`, () => {
    const { bad, good } = rule.meta.examples;
    test('bad example triggers it', () => {
      assert.ok(only(lintAs(bad.kind, bad.text, bad.path), rule.meta.id).length > 0, `no ${rule.meta.id} on:\n${bad.text}`);
    });
    test('good example does not', () => {
      const found = only(lintAs(good.kind, good.text, good.path), rule.meta.id);
      assert.deepEqual(found.map((f) => f.message), []);
    });
    test('every fix on the bad example clears it and adds nothing', () => {
      for (const finding of only(lintAs(bad.kind, bad.text, bad.path), rule.meta.id)) {
        for (const fix of finding.fixes) assertFixCleans(bad.kind, bad.text, finding, fix, bad.path);
      }
    });
  });
}
