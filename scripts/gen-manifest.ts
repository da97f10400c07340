// Rewrites contributes.configuration.properties['dockerProxyDoctor.rules'].properties in package.json from the rule
// metadata, so settings completion and hovers list every rule. Nothing else in package.json is touched.
// Run: npx tsc -p . && npm run manifest      (`npm run manifest:check` exits 1 when package.json is out of date)
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES, docsUrl } from '../server/src/engine';
import { STATUS_CHECKS } from '../server/src/engine/status';

const RULES_KEY = 'dockerProxyDoctor.rules';

export function ruleProperties(): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const { meta } of [...ALL_RULES].sort((a, b) => a.meta.id.localeCompare(b.meta.id))) {
    props[meta.id] = {
      type: 'string',
      enum: ['off', 'info', 'warning', 'error'],
      default: meta.defaultSeverity,
      markdownDescription: `**${meta.id}** \`${meta.name}\` (${meta.kinds.join(', ')}): ${meta.summary} [Documentation](${docsUrl(meta.id)})`,
    };
  }
  // Proxy Status findings obey the same setting (ids are unique across both kinds of check).
  for (const { meta } of [...STATUS_CHECKS].sort((a, b) => a.meta.id.localeCompare(b.meta.id))) {
    if (props[meta.id]) throw new Error(`${meta.id} is both a lint rule and a status finding: every id must name one check`);
    props[meta.id] = {
      type: 'string',
      enum: ['off', 'info', 'warning', 'error'],
      default: meta.defaultSeverity,
      markdownDescription: `**${meta.id}** \`${meta.name}\` (Proxy Status, ${meta.layer}): ${meta.summary} [Documentation](${docsUrl(meta.id)})`,
    };
  }
  return Object.fromEntries(Object.entries(props).sort(([a], [b]) => a.localeCompare(b)));
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const file = path.resolve(__dirname, '../../package.json');
  const before = await fs.readFile(file, 'utf8');
  const pkg = JSON.parse(before);
  const rules = pkg?.contributes?.configuration?.properties?.[RULES_KEY];
  if (!rules || typeof rules !== 'object') throw new Error(`package.json has no contributes.configuration.properties['${RULES_KEY}']`);
  rules.properties = ruleProperties();
  const after = JSON.stringify(pkg, null, 2) + '\n';
  if (check) {
    if (after !== before) {
      process.stderr.write(`package.json: ${RULES_KEY} properties are out of date; run "npx tsc -p . && npm run manifest"\n`);
      process.exitCode = 1;
    } else process.stdout.write(`package.json lists all ${ALL_RULES.length} rules\n`);
    return;
  }
  if (after !== before) await fs.writeFile(file, after);
  process.stdout.write(`package.json: ${Object.keys(rules.properties).length} rule settings${after === before ? ' (unchanged)' : ''}\n`);
}

main().catch((e) => {
  process.stderr.write(`gen-manifest: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
