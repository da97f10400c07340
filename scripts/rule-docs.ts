// Renders the rule documentation from rule metadata: one page per rule plus an index table.
// Used by gen-docs (writes the files) and by a unit test (checks the committed files are current).
import { ALL_RULES, applyEdits, fixAllText, lint, type Rule } from '../server/src/engine';
import type { FileKind } from '../server/src/engine/model';

const KIND_TITLE: Record<FileKind, string> = {
  'daemon-json': 'daemon.json',
  'cli-config': '~/.docker/config.json',
  dockerfile: 'Dockerfile',
  'systemd-dropin': 'systemd drop-in',
};
const FENCE: Record<FileKind, string> = { 'daemon-json': 'json', 'cli-config': 'json', dockerfile: 'dockerfile', 'systemd-dropin': 'ini' };

function example(title: string, ex: Rule['meta']['examples']['bad']): string {
  const where = ex.path ? ` (as \`${ex.path}\`)` : '';
  return `### ${title}${where}\n\n\`\`\`${FENCE[ex.kind]}\n${ex.text.replace(/\n$/, '')}\n\`\`\`\n`;
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
  return ['### After the quick fix', '', `Quick fix: ${finding.fixes[0].title}`, '', '```' + FENCE[bad.kind], after.replace(/\n$/, ''), '```', ''];
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
    `| Applies to | ${m.kinds.map((k) => KIND_TITLE[k]).join(', ')} |`,
    `| Default severity | ${m.defaultSeverity} |`,
    `| dockerd refuses to start | ${m.dockerdRefuses ? 'yes (checked against `dockerd --validate`)' : 'no'} |`,
    `| Based on | ${m.fact} |`,
    '',
    m.description,
    '',
    example('Triggers it', m.examples.bad),
    ...afterQuickFix(rule),
    example('Does not', m.examples.good),
    '## Turning it off',
    '',
    `In VS Code: \`"dockerProxyDoctor.rules": { "${m.id}": "off" }\` (or \`info\`/\`warning\`/\`error\` to change its severity).`,
    `In the CLI: \`--config FILE\` with \`{ "rules": { "${m.id}": "off" } }\`.`,
    m.kinds.some((k) => k === 'dockerfile' || k === 'systemd-dropin')
      ? `In a Dockerfile or drop-in: \`# proxy-doctor ignore=${m.id}\` on the line above, or \`# proxy-doctor global ignore=${m.id}\` for the whole file.`
      : 'JSON files cannot hold comments (Docker reads them as strict JSON), so there is no inline suppression.',
    '',
  ];
  return lines.join('\n');
}

/** Markdown table of every rule, linking each page; `linkBase` is relative to where the table is placed. */
export function renderRuleTable(linkBase: string): string {
  const rows = ALL_RULES.map((r) => `| [${r.meta.id}](${linkBase}${r.meta.id}.md) | ${r.meta.name} | ${r.meta.kinds.map((k) => KIND_TITLE[k]).join(', ')} | ${r.meta.defaultSeverity} | ${r.meta.summary.replace(/\|/g, '\\|')} |`);
  return ['| Id | Name | Files | Severity | What it catches |', '|---|---|---|---|---|', ...rows].join('\n') + '\n';
}

export function renderIndex(): string {
  return `# Rules\n\nEvery rule rests on a documented Docker behaviour (see each page's "Based on").\nGenerated from the rule metadata by \`npm run docs\`; do not edit by hand.\n\n${renderRuleTable('./')}`;
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
