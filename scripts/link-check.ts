// Offline link checker: every https address in the docs must be well formed and on a host we allow, and upstream
// source links must be pinned to a release tag or commit (a branch moves; the line it cites would drift). No network:
// it judges the address, not the page. Relative links must name a file of this repository.
// Run: npx tsc -p . && node out/scripts/link-check.js   (exits 1 and lists each bad link)
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

/** Hosts a docs page may link: upstream documentation, source, man pages, standards and public issue trackers. */
export const ALLOWED_HOSTS: ReadonlySet<string> = new Set([
  'docs.docker.com', 'github.com', 'pkg.go.dev', 'go.dev', 'curl.se', 'everything.curl.dev',
  'www.freedesktop.org', 'man7.org', 'docs.python.org', 'urllib3.readthedocs.io', 'www.gnu.org',
  'www.rfc-editor.org', 'docs.oasis-open.org', 'json.schemastore.org', 'raw.githubusercontent.com',
  'code.visualstudio.com', 'marketplace.visualstudio.com', 'neovim.io', 'docs.helix-editor.com',
  'www.gnu.org', 'pre-commit.com', 'docs.github.com', 'forums.docker.com', 'stackoverflow.com',
  'www.npmjs.com', 'nodejs.org', 'microsoft.github.io', 'about.gitlab.com', 'compose-spec.io', 'semver.org',
  'keepachangelog.com', 'learn.microsoft.com',
]);

/** GitHub repositories of this project: their links may point at a branch (they are ours and move with us). */
const OWN_REPOS = /^\/docker-proxy-doctor\//;

/** Why an address is not acceptable, or undefined when it is. */
export function linkProblem(address: string): string | undefined {
  let url: URL;
  try { url = new URL(address); } catch { return 'not a well-formed URL'; }
  if (url.protocol !== 'https:') return 'not https';
  if (url.username || url.password) return 'carries credentials';
  if (!ALLOWED_HOSTS.has(url.hostname)) return `host ${url.hostname} is not on the allow-list (scripts/link-check.ts)`;
  if (/\s/.test(address)) return 'contains white space';
  if (url.hostname === 'github.com' && !OWN_REPOS.test(url.pathname)) {
    const m = /^\/[^/]+\/[^/]+\/(blob|tree)\/([^/]+)\//.exec(url.pathname);
    if (m && !/^(v?\d+[\w.+-]*|[0-9a-f]{7,40}|\d+_\d+_\d+|go\d[\w.]*)$/.test(m[2])) return `source link at branch "${m[2]}": pin it to a release tag or commit`;
  }
  return undefined;
}

/** Markdown links and bare https addresses in a text, with their 1-based line. */
export function linksIn(markdown: string): { target: string; line: number }[] {
  const out: { target: string; line: number }[] = [];
  markdown.split('\n').forEach((text, i) => {
    if (/^\s*(```|    )/.test(text) && !text.includes('](')) return;
    for (const m of text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) out.push({ target: m[1], line: i + 1 });
    for (const m of text.matchAll(/<(https:\/\/[^>\s]+)>/g)) out.push({ target: m[1], line: i + 1 });
  });
  return out;
}

/** Every problem in the given markdown files: bad https links, and relative links to files that do not exist. */
export function checkFiles(root: string, files: string[]): string[] {
  const problems: string[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const { target, line } of linksIn(text)) {
      const where = `${path.relative(root, file)}:${line}`;
      if (/^[a-z]+:/i.test(target)) {
        if (target.startsWith('mailto:')) continue;
        const p = linkProblem(target);
        if (p) problems.push(`${where}: ${target}: ${p}`);
      } else if (!target.startsWith('#')) {
        const rel = decodeURIComponent(target.replace(/#.*$/, ''));
        if (rel && !existsSync(path.resolve(path.dirname(file), rel))) problems.push(`${where}: ${target}: no such file`);
      }
    }
  }
  return problems;
}

/** The markdown files the project publishes: README, CHANGELOG, docs/**, the CLI package's README. */
export function publishedMarkdown(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.md')) out.push(p);
    }
  };
  walk(path.join(root, 'docs'));
  for (const f of ['README.md', 'CHANGELOG.md', 'cli-package/README.md']) if (existsSync(path.join(root, f))) out.push(path.join(root, f));
  return out;
}

if (require.main === module) {
  const root = path.resolve(__dirname, '../..');
  const files = publishedMarkdown(root);
  const problems = checkFiles(root, files);
  for (const p of problems) process.stderr.write(`${p}\n`);
  const n = files.reduce((k, f) => k + linksIn(readFileSync(f, 'utf8')).length, 0);
  process.stdout.write(`link-check: ${files.length} files, ${n} links, ${problems.length} problem(s)\n`);
  process.exitCode = problems.length ? 1 : 0;
}
