// The Marketplace package: `vsce package` prints no warning, the .vsix holds only what runs, the manifest carries what
// the Marketplace and Open VSX show, the icon is the rendered SVG, and activation does not fire on every JSON file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ALL_RULES, PROJECT_URL } from '../../server/src/engine';
import { packageVsix, ROOT, vsceLs, vsixEntries } from './helpers';
import { statusChecksWithPages } from '../../scripts/rule-docs';

const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

/** Everything that runs or is shown: bundles, docs pages, schemas, grammar, icons, and the files vsce always adds. */
function expectedFiles(): string[] {
  const dir = (d: string) => readdirSync(path.join(ROOT, d)).map((f) => `${d}/${f}`);
  return [
    'package.json', 'README.md', 'CHANGELOG.md', 'LICENSE',
    'dist/extension.js', 'dist/server.js',
    'resources/icon.png', ...dir('resources/views'),
    ...ALL_RULES.map((r) => `docs/rules/${r.meta.id}.md`), 'docs/rules/README.md',
    // Proxy Status findings with a page of their own (the view's "explain" opens them)
    ...statusChecksWithPages().map((c) => `docs/rules/${c.meta.id}.md`),
    ...dir('schemas'), ...dir('syntaxes'),
  ].sort();
}

test('vsce ls lists exactly the files that run (bundles, rule pages, schemas, grammar, icon)', () => {
  const listed = vsceLs();
  const expected = expectedFiles();
  assert.deepEqual(listed.filter((f) => !expected.includes(f)), [], 'files in the VSIX that nothing runs');
  assert.deepEqual(expected.filter((f) => !listed.includes(f)), [], 'files missing from the VSIX');
});

test('vsce package prints no warning, and the .vsix holds what vsce ls listed', (t) => {
  const { vsix, log } = packageVsix();
  assert.doesNotMatch(log, /WARNING|warn/i, `vsce printed a warning:\n${log}`);
  const entries = vsixEntries(vsix);
  const files = [...entries.keys()].filter((e) => e.startsWith('extension/')).map((e) => e.slice('extension/'.length));
  // vsce stores README.md as readme.md, CHANGELOG.md as changelog.md and LICENSE as LICENSE.txt
  const rename: Record<string, string> = { 'readme.md': 'README.md', 'changelog.md': 'CHANGELOG.md', 'LICENSE.txt': 'LICENSE' };
  assert.deepEqual(files.map((f) => rename[f] ?? f).sort(), expectedFiles());
  const total = [...entries.values()].reduce((a, b) => a + b, 0);
  t.diagnostic(`${entries.size} entries, ${(total / 1024).toFixed(1)} KB unpacked:`);
  for (const [name, size] of entries) if (!name.startsWith('extension/docs/rules/')) t.diagnostic(`  ${name} ${size}`);
  t.diagnostic(`  extension/docs/rules/ (${files.filter((f) => f.startsWith('docs/rules/')).length} pages)`);
});

test('manifest: workspace extension, Marketplace fields, links under the one project URL', () => {
  assert.deepEqual(manifest.extensionKind, ['workspace'], 'Docker lives on the workspace side (SSH, WSL, containers)');
  assert.deepEqual(manifest.categories, ['Linters', 'Programming Languages', 'Other']);
  assert.equal(manifest.icon, 'resources/icon.png');
  assert.match(manifest.galleryBanner?.color ?? '', /^#[0-9a-f]{6}$/i);
  assert.ok(['dark', 'light'].includes(manifest.galleryBanner?.theme));
  for (const [field, url] of [['homepage', manifest.homepage], ['bugs.url', manifest.bugs?.url], ['repository.url', manifest.repository?.url]]) {
    assert.ok(typeof url === 'string' && url.startsWith(PROJECT_URL), `${field} (${url}) is not under ${PROJECT_URL}`);
  }
});

test('the icon is a 128x128 PNG rendered from resources/icon.svg', () => {
  const png = readFileSync(path.join(ROOT, 'resources/icon.png'));
  assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128], 'IHDR width x height');
  const haveRenderer = spawnSync('rsvg-convert', ['--version']).status === 0;
  if (!haveRenderer && process.env.CI !== 'true') return; // .ci/install.sh installs librsvg2-bin; CI always compares
  const fresh = path.join(mkdtempSync(path.join(os.tmpdir(), 'dpd-icon-')), 'icon.png');
  const r = spawnSync('bash', [path.join(ROOT, 'scripts/render-icon.sh'), fresh], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.status, 0, `render-icon.sh failed: ${r.stderr}`);
  assert.ok(readFileSync(fresh).equals(png), 'resources/icon.png is stale: run bash scripts/render-icon.sh');
});

test('activation: our languages and Docker file names, never on startup', () => {
  // onStartupFinished (terminal error links in any window) and JSON (a daemon.json opened without a folder) activate
  // us, but lazyStart.ts keeps the language server idle until a Docker file, the view or a command needs it; the
  // code-server activation check proves that. Only '*' (activation before the window is up) stays out.
  const events: string[] = manifest.activationEvents;
  for (const broad of ['*']) {
    assert.ok(!events.includes(broad), `"${broad}" activates the extension for files that are not Docker's`);
  }
  for (const needed of ['onLanguage:dockerfile', 'onLanguage:systemd-dropin', 'onLanguage:json']) assert.ok(events.includes(needed), `missing ${needed}`);
  const contains = events.filter((e) => e.startsWith('workspaceContains:')).flatMap((e) => e.slice('workspaceContains:'.length).split(','));
  for (const name of ['daemon.json', '.docker/config.json', 'Dockerfile', 'docker.service.d/*.conf']) {
    assert.ok(contains.some((g) => g.endsWith(name)), `no workspaceContains pattern for ${name}: ${contains.join(', ')}`);
  }
});
