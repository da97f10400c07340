// No link we publish points at a page this repository does not have: in the repository's README, CHANGELOG, docs and
// package.json, and in the packaged .vsix (where vsce rewrites relative README links to PROJECT_URL/blob/main/...).
// Relative links must resolve (inside the .vsix: to a file inside the .vsix, since the pages are read offline),
// links under PROJECT_URL must name a tracked file, and command: links must name a contributed command.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { DOCS_BASE_URL, PROJECT_URL, docsUrl } from '../../server/src/engine';
import { packageVsix, ROOT, vsixEntries, vsixFile } from './helpers';

/** Link targets in markdown or plain text: [text](target), <https://...> and bare https:// addresses. */
export function linksIn(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) found.add(m[1]);
  for (const m of text.matchAll(/(?<![(<])\bhttps?:\/\/[^\s<>)"'`\]]+/g)) found.add(m[0].replace(/[.,;:]+$/, ''));
  for (const m of text.matchAll(/<(https?:\/\/[^>\s]+)>/g)) found.add(m[1]);
  return [...found];
}

function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsOf);
  return [];
}

const tracked = new Set(execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter(Boolean));
const trackedDirs = new Set([...tracked].flatMap((f) => f.split('/').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('/'))));
const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const commands = new Set<string>((manifest.contributes?.commands ?? []).map((c: { command: string }) => c.command));

/** VS Code commands our links may name (they are built in, not contributed). */
const BUILTIN_COMMANDS = new Set(['workbench.action.openSettings', 'workbench.trust.manage', 'workbench.view.extension.dockerProxyDoctor']);

/** Why `link` (found in file `from`, a path inside `tree`) is broken, or undefined when it is fine. */
function problem(link: string, from: string, tree: { has(p: string): boolean; name: string }): string | undefined {
  if (link.startsWith('#') || link.startsWith('mailto:')) return undefined;
  if (link.startsWith('command:')) {
    const id = link.slice('command:'.length).split('?')[0];
    // VS Code's own commands (welcome-view links open settings or workspace trust) exist in every VS Code.
    if (BUILTIN_COMMANDS.has(id)) return undefined;
    return commands.has(id) ? undefined : `command ${id} is not contributed in package.json`;
  }
  if (link.startsWith(PROJECT_URL)) {
    const rest = link.slice(PROJECT_URL.length).split('#')[0];
    if (rest === '' || rest === '.git' || rest === '/issues') return undefined;
    const m = /^\/(blob|raw|tree)\/main\/(.+)$/.exec(rest);
    if (!m) return `not a page of this repository's main branch`;
    const target = decodeURIComponent(m[2]).replace(/\/$/, '');
    return tracked.has(target) || (m[1] === 'tree' && trackedDirs.has(target)) ? undefined : `${target} is not a file of this repository`;
  }
  if (/^https?:\/\/github\.com\/docker-proxy-doctor\//i.test(link)) return `points into our organisation outside ${PROJECT_URL}`;
  if (/^[a-z][a-z0-9+.-]*:/i.test(link)) return undefined; // other sites: not ours to check offline
  const target = path.posix.normalize(path.posix.join(path.posix.dirname(from), decodeURIComponent(link.split('#')[0])));
  return tree.has(target.replace(/\/$/, '')) ? undefined : `${target} does not exist in ${tree.name}`;
}

function check(files: Array<{ name: string; text: string }>, tree: { has(p: string): boolean; name: string }): string[] {
  const broken: string[] = [];
  for (const f of files) {
    for (const link of linksIn(f.text)) {
      const why = problem(link, f.name, tree);
      if (why) broken.push(`${f.name}: ${link} (${why})`);
    }
  }
  return broken;
}

test('the single web base for rule pages is under the project URL and names existing pages', () => {
  assert.ok(DOCS_BASE_URL.startsWith(`${PROJECT_URL}/blob/main/`));
  assert.equal(problem(docsUrl('DJ001'), 'README.md', { has: (p) => tracked.has(p), name: 'the repository' }), undefined);
  // the checker itself must catch a page we do not have, or it could never fail
  assert.match(problem(docsUrl('ZZ999'), 'README.md', { has: (p) => tracked.has(p), name: 'the repository' }) ?? '', /not a file/);
  assert.match(problem('docs/nothing-here.md', 'README.md', { has: (p) => tracked.has(p), name: 'the repository' }) ?? '', /does not exist/);
  assert.match(problem('command:dockerProxyDoctor.nope', 'x.md', { has: () => true, name: 'x' }) ?? '', /not contributed/);
});

test('repository: README, CHANGELOG, docs pages and package.json link only to what exists', () => {
  const md = ['README.md', 'CHANGELOG.md', ...readdirSync(path.join(ROOT, 'docs/rules')).map((f) => `docs/rules/${f}`)];
  const files = md.map((name) => ({ name, text: readFileSync(path.join(ROOT, name), 'utf8') }));
  files.push({ name: 'package.json', text: stringsOf(manifest).join('\n') });
  const links = files.reduce((n, f) => n + linksIn(f.text).length, 0);
  assert.ok(links > 100, `only ${links} links found: the extractor is broken`);
  assert.deepEqual(check(files, { has: (p) => tracked.has(p) || trackedDirs.has(p), name: 'the repository' }), []);
});

test('the .vsix: packaged README, CHANGELOG, rule pages and manifest link only to what exists', () => {
  const { vsix } = packageVsix();
  const entries = [...vsixEntries(vsix).keys()].filter((e) => e.startsWith('extension/')).map((e) => e.slice('extension/'.length));
  const inVsix = new Set(entries);
  const texts = entries.filter((e) => e.endsWith('.md') || e === 'package.json');
  const files = texts.map((name) => {
    const text = vsixFile(vsix, `extension/${name}`);
    return { name, text: name === 'package.json' ? stringsOf(JSON.parse(text)).join('\n') : text };
  });
  assert.ok(files.some((f) => f.name === 'readme.md'), 'the .vsix has no readme.md');
  assert.deepEqual(check(files, { has: (p) => inVsix.has(p), name: 'the .vsix' }), []);
});
