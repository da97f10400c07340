// The committed rule docs and README table must match the rule metadata (regenerate with `npm run docs`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES } from '../../server/src/engine';
import { renderIndex, renderRulePage, renderStatusCheckPage, statusChecksWithPages, withReadmeTable } from '../../scripts/rule-docs';
import { STATUS_CHECKS } from '../../server/src/engine/status';

const root = path.resolve(__dirname, '../../..');

test('every rule has a current docs page', () => {
  for (const rule of ALL_RULES) {
    const file = path.join(root, 'docs/rules', `${rule.meta.id}.md`);
    let text = '';
    try { text = readFileSync(file, 'utf8'); } catch { assert.fail(`missing ${file}: run npm run docs`); }
    assert.equal(text, renderRulePage(rule), `${rule.meta.id}.md is stale: run npm run docs`);
  }
  assert.equal(readFileSync(path.join(root, 'docs/rules/README.md'), 'utf8'), renderIndex());
});

test('every Proxy Status finding has a current docs page (its own, or the lint rule page it shares)', () => {
  for (const check of statusChecksWithPages()) {
    const file = path.join(root, 'docs/rules', `${check.meta.id}.md`);
    let text = '';
    try { text = readFileSync(file, 'utf8'); } catch { assert.fail(`missing ${file}: run npm run docs`); }
    assert.equal(text, renderStatusCheckPage(check), `${check.meta.id}.md is stale: run npm run docs`);
    assert.ok(!ALL_RULES.some((r) => r.meta.id === check.meta.id), `${check.meta.id} is also a lint rule: mark it sharesLintRulePage`);
    // Lint rule pages show their examples; a status page shows the machine state before and after the fix.
    assert.ok(check.meta.example, `${check.meta.id} has no before/after example`);
    assert.match(text, /\nBefore: [^\n]+\n\n```\w+\n[^`]+\n```\n\nAfter: [^\n]+\n\n```\w+\n[^`]+\n```\n/, `${check.meta.id}.md has no before/after blocks`);
  }
  for (const check of STATUS_CHECKS.filter((c) => c.meta.sharesLintRulePage)) {
    assert.ok(ALL_RULES.some((r) => r.meta.id === check.meta.id && r.meta.name === check.meta.name), `${check.meta.id} claims a lint rule page that does not exist`);
  }
  assert.equal(new Set(STATUS_CHECKS.map((c) => c.meta.id)).size, STATUS_CHECKS.length, 'status check ids are unique');
});

test('README rule table is current', () => {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  assert.ok(readme.includes('<!-- rules:start -->'), 'README has no rule table markers');
  assert.equal(readme, withReadmeTable(readme), 'README rule table is stale: run npm run docs');
});
