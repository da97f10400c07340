// Writes docs/rules/*.md and the rule table in README.md from rule metadata. Run: npx tsc -p . && npm run docs
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES } from '../server/src/engine';
import { renderIndex, renderRulePage, renderStatusCheckPage, statusChecksWithPages, withReadmeTable } from './rule-docs';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '../..');
  const dir = path.join(root, 'docs/rules');
  await fs.mkdir(dir, { recursive: true });
  const wanted = new Set(ALL_RULES.map((r) => `${r.meta.id}.md`).concat(statusChecksWithPages().map((c) => `${c.meta.id}.md`), 'README.md'));
  for (const name of await fs.readdir(dir)) {
    if (!wanted.has(name)) await fs.rm(path.join(dir, name)); // a rule that no longer exists loses its page
  }
  for (const rule of ALL_RULES) await fs.writeFile(path.join(dir, `${rule.meta.id}.md`), renderRulePage(rule));
  for (const check of statusChecksWithPages()) await fs.writeFile(path.join(dir, `${check.meta.id}.md`), renderStatusCheckPage(check));
  await fs.writeFile(path.join(dir, 'README.md'), renderIndex());
  const readmePath = path.join(root, 'README.md');
  const readme = await fs.readFile(readmePath, 'utf8').catch(() => undefined);
  if (readme !== undefined) await fs.writeFile(readmePath, withReadmeTable(readme));
  process.stdout.write(`wrote ${ALL_RULES.length} rule pages to docs/rules/\n`);
}

main().catch((e) => {
  process.stderr.write(`gen-docs: ${String(e)}\n`);
  process.exitCode = 1;
});
