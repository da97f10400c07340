// The committed rule docs and README table must match the rule metadata (regenerate with `npm run docs`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES } from '../../server/src/engine';
import { renderIndex, renderRulePage, renderStatusCheckPage, statusChecksWithPages, withReadmeTable } from '../../scripts/rule-docs';
import { STATUS_CHECKS } from '../../server/src/engine/status';
import { readdirSync } from 'node:fs';
import { isMeasured } from '../../server/src/engine/sources';
import { checkFiles, linkProblem, linksIn, publishedMarkdown } from '../../scripts/link-check';

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

test('every Proxy Status finding has a current docs page of its own', () => {
  for (const check of statusChecksWithPages()) {
    const file = path.join(root, 'docs/rules', `${check.meta.id}.md`);
    let text = '';
    try { text = readFileSync(file, 'utf8'); } catch { assert.fail(`missing ${file}: run npm run docs`); }
    assert.equal(text, renderStatusCheckPage(check), `${check.meta.id}.md is stale: run npm run docs`);
    // Lint rule pages show their examples; a status page shows the machine state before and after the fix.
    assert.ok(check.meta.example, `${check.meta.id} has no before/after example`);
    assert.match(text, /\nBefore: [^\n]+\n\n```\w+\n[^`]+\n```\n\nAfter: [^\n]+\n\n```\w+\n[^`]+\n```\n/, `${check.meta.id}.md has no before/after blocks`);
  }
  assert.equal(statusChecksWithPages().length, STATUS_CHECKS.length, 'every status finding has its own page');
});

test('README rule table is current', () => {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  assert.ok(readme.includes('<!-- rules:start -->'), 'README has no rule table markers');
  assert.equal(readme, withReadmeTable(readme), 'README rule table is stale: run npm run docs');
});

// Issue 20: a reader must be able to follow every page to its public source. Checked on the committed files, so a
// page added or edited by hand (or generated on another branch) without a public link fails here.
test('every rule and status page links a public source in its "Based on" and names no internal notes', () => {
  const dir = path.join(root, 'docs/rules');
  const pages = readdirSync(dir).filter((f) => /^[A-Z]{2}\d{3}\.md$/.test(f));
  assert.ok(pages.length >= ALL_RULES.length, 'fewer pages than rules');
  for (const page of pages) {
    const text = readFileSync(path.join(dir, page), 'utf8');
    const based = /\n## Based on\n\n((?:- [^\n]+\n)+)/.exec(text);
    assert.ok(based, `${page} has no "## Based on" list`);
    const publicLinks = linksIn(based[1]).filter((l) => l.target.startsWith('https://') && !linkProblem(l.target));
    assert.ok(publicLinks.length > 0, `${page}: "Based on" has no public https link on the allow-list`);
    for (const line of based[1].trim().split('\n')) assert.match(line, /\]\([^)]+\): \S.{10,}/, `${page}: a source without what it shows: ${line}`);
    assert.doesNotMatch(text, /docker-proxy-facts|test-infra\.md|DESIGN\.md|§\s*\d/, `${page} cites internal notes`);
  }
});

test('every cited source is a well-formed https address on the allow-list, pinned when it is upstream source', () => {
  const metas = [...ALL_RULES.map((r) => r.meta), ...STATUS_CHECKS.map((c) => c.meta)];
  for (const m of metas) {
    assert.ok(m.sources.some((s) => !isMeasured(s)), `${m.id} cites no public source (a test alone is not enough)`);
    for (const s of m.sources) {
      if (isMeasured(s)) { assert.ok(readFileSync(path.join(root, s.test), 'utf8').length > 0, `${m.id}: ${s.test} missing`); continue; }
      assert.equal(linkProblem(s.url), undefined, `${m.id}: ${s.url}: ${linkProblem(s.url)}`);
    }
  }
  assert.equal(linkProblem('https://github.com/moby/moby/blob/master/daemon/config/config.go')?.includes('pin'), true, 'a branch link is refused');
  assert.ok(linkProblem('https://example.com/x'), 'a host off the list is refused');
  assert.ok(linkProblem('http://docs.docker.com/'), 'plain http is refused');
  assert.ok(linkProblem('https://docs docker.com/'), 'a malformed address is refused');
});

test('offline link check: every link of the published markdown is allowed, every relative link names a file', () => {
  assert.deepEqual(checkFiles(root, publishedMarkdown(root)), []);
});

test('the guide\'s picture: a PNG rendered from its SVG, linked from the guide, the README and the view\'s welcome', async () => {
  const { spawnSync } = await import('node:child_process');
  const { mkdtempSync } = await import('node:fs');
  const os = await import('node:os');
  const png = readFileSync(path.join(root, 'docs/guide/docker-proxy-layers.png'));
  assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
  const guide = readFileSync(path.join(root, 'docs/guide.md'), 'utf8');
  assert.match(guide, /\]\(guide\/docker-proxy-layers\.png\)/);
  assert.match(readFileSync(path.join(root, 'README.md'), 'utf8'), /\]\(docs\/guide\.md\)/);
  const welcome = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).contributes.viewsWelcome as { contents: string }[];
  assert.ok(welcome.some((w) => w.contents.includes('/docs/guide.md)')), 'no viewsWelcome entry links the guide');
  const haveRenderer = spawnSync('rsvg-convert', ['--version']).status === 0;
  if (!haveRenderer && process.env.CI !== 'true') return; // .ci/install.sh installs librsvg2-bin; CI always compares
  const fresh = path.join(mkdtempSync(path.join(os.tmpdir(), 'dpd-guide-')), 'layers.png');
  const r = spawnSync('bash', [path.join(root, 'scripts/render-guide.sh'), fresh], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.status, 0, `render-guide.sh failed: ${r.stderr}`);
  assert.ok(readFileSync(fresh).equals(png), 'docs/guide/docker-proxy-layers.png is stale: run bash scripts/render-guide.sh');
});
