// Renders the rule documentation from rule metadata: one page per rule plus an index table.
// Used by gen-docs (writes the files) and by a unit test (checks the committed files are current).
import { ALL_RULES, applyEdits, fixAllText, lint, PROJECT_URL, type Rule } from '../server/src/engine';
import { STATUS_CHECKS, type StatusCheck } from '../server/src/engine/status';
import { kindInfo } from '../server/src/engine/fileKinds';
import { isMeasured, type Source } from '../server/src/engine/sources';

// Titles and code-fence languages come from the file-kind registry (fileKinds.ts).

function example(title: string, ex: Rule['meta']['examples']['bad']): string {
  const where = ex.path ? ` (as \`${ex.path}\`)` : '';
  return `### ${title}${where}\n\n\`\`\`${kindInfo(ex.kind).fence}\n${ex.text.replace(/\n$/, '')}\n\`\`\`\n`;
}

/**
 * Before/after: the bad example with the rule's quick fix applied to each of its findings there (as "fix all" would,
 * limited to this rule), or its first fix alone when that fix is not safe for "fix all". Nothing when the rule offers
 * no fix. Generated from the same example, so it never drifts from the rule.
 */
function afterQuickFix(rule: Rule): string[] {
  const bad = rule.meta.examples.bad;
  const finding = lint(bad.text, bad.kind, { path: bad.path }).find((f) => f.ruleId === rule.meta.id && f.fixes.length > 0);
  if (!finding) return [];
  const onlyThisRule = Object.fromEntries(ALL_RULES.filter((r) => r !== rule).map((r) => [r.meta.id, 'off' as const]));
  let after = fixAllText(bad.text, bad.kind, { path: bad.path, rules: onlyThisRule });
  if (after === bad.text) after = applyEdits(bad.text, finding.fixes[0].edits);
  return ['### After the quick fix', '', `Quick fix: ${finding.fixes[0].title}`, '', '```' + kindInfo(bad.kind).fence, after.replace(/\n$/, ''), '```', ''];
}

const MAN_SECTION: Record<string, string> = { systemctl: '1', 'systemd.syntax': '7' };

/** A short name for a cited address: `moby/moby v26.1.5 daemon/config/config.go L268-L273`, `Docker docs: engine/daemon/proxy #daemon-configuration`. */
export function sourceLabel(address: string): string {
  const url = new URL(address);
  const anchor = decodeURIComponent(url.hash.replace(/^#/, ''));
  if (url.hostname === 'github.com') {
    const [owner, repo, what, ref, ...rest] = url.pathname.split('/').filter(Boolean);
    if (what === 'blob' || what === 'tree') return `${owner}/${repo} ${ref} ${rest.join('/')}${anchor ? ` ${anchor}` : ''}`;
    if (what === 'issues' || what === 'pull') return `${owner}/${repo}#${ref}`;
    return `${owner}/${repo}`;
  }
  const at = anchor ? ` #${anchor}` : '';
  const man = /\/systemd\/man\/[^/]+\/([\w.-]+)\.html$/.exec(url.pathname);
  if (man) return `${man[1]}(${MAN_SECTION[man[1]] ?? '5'}) man page${at}`;
  if (url.hostname === 'docs.docker.com') return `Docker docs: ${url.pathname.replace(/^\/|\/$/g, '')}${at}`;
  const page = (url.hostname + url.pathname).replace(/\/$/, '').replace(/\.html$/, '');
  return `${page}${at}`;
}

/** The page's "Based on" section: each public source as a link with what it shows, then what our suite measured. */
function basedOn(sources: readonly Source[]): string[] {
  const line = (s: Source) => isMeasured(s)
    ? `- Measured by our test suite: [\`${s.test}\`](${PROJECT_URL}/blob/main/${s.test}): ${s.shows}.`
    : `- [${sourceLabel(s.url)}](${s.url}): ${s.shows}.`;
  return ['## Based on', '', ...sources.map(line), ''];
}

export function renderRulePage(rule: Rule): string {
  const m = rule.meta;
  const lines = [
    `# ${m.id} ${m.name}`,
    '',
    `> ${m.summary}`,
    '',
    '| | |',
    '|---|---|',
    `| Applies to | ${m.kinds.map((k) => kindInfo(k).title).join(', ')} |`,
    `| Default severity | ${m.defaultSeverity} |`,
    `| dockerd refuses to start | ${m.dockerdRefuses ? 'yes (checked against `dockerd --validate`)' : 'no'} |`,
    '',
    m.description,
    '',
    ...basedOn(m.sources),
    example('Triggers it', m.examples.bad),
    ...afterQuickFix(rule),
    example('Does not', m.examples.good),
    '## Turning it off',
    '',
    `In VS Code: \`"dockerProxyDoctor.rules": { "${m.id}": "off" }\` (or \`info\`/\`warning\`/\`error\` to change its severity).`,
    `In the CLI: \`--config FILE\` with \`{ "rules": { "${m.id}": "off" } }\`.`,
    suppressionLine(m),
    '',
  ];
  return lines.join('\n');
}

/** How to turn a rule off inside a file: a comment pragma in the kinds that have comments (fileKinds.ts). */
function suppressionLine(m: Rule['meta']): string {
  const commented = m.kinds.filter((k) => kindInfo(k).comments !== null);
  if (commented.length === 0) return 'JSON files cannot hold comments (Docker reads them as strict JSON), so there is no inline suppression.';
  const notes = commented.map((k) => kindInfo(k).comments?.leaderNote).filter((n): n is string => !!n);
  const also = notes.length > 0 ? ` (${notes.join('; ')})` : '';
  const titles = commented.map((k) => kindInfo(k).title);
  const where = titles.length > 1 ? `${titles.slice(0, -1).join(', ')} or ${titles[titles.length - 1]}` : titles[0];
  return `In a ${where}: \`# proxy-doctor ignore=${m.id}\` on the line above, or \`# proxy-doctor global ignore=${m.id}\` for the whole file${also}.`;
}

/** Markdown table of every rule, linking each page; `linkBase` is relative to where the table is placed. */
export function renderRuleTable(linkBase: string): string {
  const rows = ALL_RULES.map((r) => `| [${r.meta.id}](${linkBase}${r.meta.id}.md) | ${r.meta.name} | ${r.meta.kinds.map((k) => kindInfo(k).title).join(', ')} | ${r.meta.defaultSeverity} | ${r.meta.summary.replace(/\|/g, '\\|')} |`);
  return ['| Id | Name | Files | Severity | What it catches |', '|---|---|---|---|---|', ...rows].join('\n') + '\n';
}

const LAYER_TITLE: Record<string, string> = {
  vscode: 'VS Code', 'cli-shell': 'CLI shell', 'client-config': 'client config.json', daemon: 'daemon', builder: 'builder', 'build-args': 'build steps',
};

/** Status checks, each with a page of its own (ids are unique across lint rules and status findings). */
export function statusChecksWithPages(): StatusCheck[] {
  return [...STATUS_CHECKS];
}

/** Page of a machine-state check of the Proxy Status view (not a lint rule: it needs docker, systemd, the shell). */
export function renderStatusCheckPage(check: StatusCheck): string {
  const m = check.meta;
  return [
    `# ${m.id} ${m.name}`,
    '',
    `> ${m.summary}`,
    '',
    '| | |',
    '|---|---|',
    '| Kind | Proxy Status finding (machine state: `docker info`, buildx, systemd, the shell; not a lint rule) |',
    `| Layer | ${LAYER_TITLE[m.layer] ?? m.layer} |`,
    `| Default severity | ${m.defaultSeverity} |`,
    '',
    m.description,
    '',
    ...basedOn(m.sources),
    ...(m.example ? [
      '## Example',
      '',
      `Before: ${m.example.before.caption}.`,
      '',
      '```' + m.example.before.lang, m.example.before.text, '```',
      '',
      `After: ${m.example.after.caption}.`,
      '',
      '```' + m.example.after.lang, m.example.after.text, '```',
      '',
    ] : []),
    '## Where it shows',
    '',
    'In the Proxy Status view, in `docker-proxy-doctor status`, in the `dockerProxy/status` answer, and as a diagnostic of the',
    'file it points at when that file is open in the editor.',
    '',
    // Turned off the way a lint rule is (one kind of check): settings, --config, a comment in the file it points at.
    '## Turning it off',
    '',
    `In VS Code: \`"dockerProxyDoctor.rules": { "${m.id}": "off" }\` (or \`info\`/\`warning\`/\`error\` to change its severity).`,
    `In the CLI: \`status --config FILE\` with \`{ "rules": { "${m.id}": "off" } }\` (the same file as \`lint --config\`).`,
    `When it points at a line of a file that can hold comments (a systemd drop-in): \`# proxy-doctor ignore=${m.id}\` on the line above that line, or \`# proxy-doctor global ignore=${m.id}\` anywhere in the file; the status honours it at its next refresh. daemon.json and config.json cannot hold comments: use the settings.`,
    '',
  ].join('\n');
}

export function renderStatusTable(linkBase: string): string {
  const rows = STATUS_CHECKS.map((c) => `| [${c.meta.id}](${linkBase}${c.meta.id}.md) | ${c.meta.name} | ${LAYER_TITLE[c.meta.layer] ?? c.meta.layer} | ${c.meta.defaultSeverity} | ${c.meta.summary.replace(/\|/g, '\\|')} |`);
  return ['| Id | Name | Layer | Severity | What it catches |', '|---|---|---|---|---|', ...rows].join('\n') + '\n';
}

/** How severities are chosen, stated once for every rule (issue 5: one policy for all file kinds). */
export const SEVERITY_POLICY = [
  '## Severity policy',
  '',
  '- **error**: Docker refuses the file (dockerd does not start, the CLI ignores config.json) or the setting is',
  '  silently dropped, so the proxy is not used at all; also a literal password that ends up in an image.',
  '- **warning**: the setting works, but some requests go the wrong way for the programs that read it (a missing',
  '  `HTTPS_PROXY`, a NO_PROXY entry that never matches) or it leaks into images and containers.',
  '- **info**: portability notes and hints whose consequence depends on things the file does not show.',
  '- A finding on a correct file costs more than a miss: when a rule cannot tell, it is narrower or information.',
  '- Template placeholders (`${PROXY}`, `{{ proxy_url }}`, `<%= @proxy %>`, `%PROXY%`, `@PROXY@`, `<proxy-host>`)',
  '  are unknown values: the URL and NO_PROXY value rules say nothing about them; structural rules still apply.',
  '',
  '### A proxy without NO_PROXY',
  '',
  'Reported on the object or line that lacks NO_PROXY: the `proxies` key in daemon.json (NP012), the entry key',
  '(`"default"`) in config.json (CC010), the last proxy variable of a Dockerfile stage (DF013) or of a drop-in or',
  'environment file (SV016). The severity follows who reads the variables:',
  '',
  '| File | Readers | Severity |',
  '|---|---|---|',
  '| config.json `proxies` | every program in containers and RUN steps | warning (CC010) |',
  '| Dockerfile `ENV` | every program in RUN steps and containers | warning (DF013) |',
  '| Dockerfile `ARG` default only | programs in RUN steps | info (DF013) |',
  '| daemon.json `proxies` naming internal registries | dockerd | warning (NP012) |',
  '| daemon.json `proxies`, no internal host named | dockerd (Go skips loopback itself) | info (NP012) |',
  '| systemd drop-in, `/etc/default/docker`, `/etc/environment` | dockerd; shells for `/etc/environment` | info (SV016) |',
  '',
  'Go programs (dockerd, the CLI, BuildKit) never proxy `localhost` or loopback addresses; curl, wget, Python and',
  'Node do unless NO_PROXY lists them. Every fix adds `localhost,127.0.0.1,::1` plus the internal hosts the file',
  'itself names.',
  '',
].join('\n');

export function renderIndex(): string {
  return `# Rules\n\nEvery rule rests on a documented Docker behaviour: each page's "Based on" links the public sources (Docker docs\nsections, upstream source at a release tag, man pages, public issues) and says what each shows.\nGenerated from the rule metadata by \`npm run docs\`; do not edit by hand.\n\n${SEVERITY_POLICY}\n## All rules\n\n${renderRuleTable('./')}` +
    `\n## Proxy Status findings\n\nThese need the machine's state (\`docker info\`, buildx, systemd, the shell), so the Proxy Status view and\n\`docker-proxy-doctor status\` report them, not the linter.\n\n${renderStatusTable('./')}`;
}

export const README_START = '<!-- rules:start -->';
export const README_END = '<!-- rules:end -->';

/** Replaces the generated table between the markers of README.md; returns the text unchanged when there are none. */
export function withReadmeTable(readme: string): string {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) return readme;
  return readme.slice(0, start + README_START.length) + '\n' + renderRuleTable('docs/rules/') + readme.slice(end);
}
