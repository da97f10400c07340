// Rewrites the parts of package.json that other sources say: contributes.configuration.properties
// ['dockerProxyDoctor.rules'].properties from the rule metadata (so settings completion and hovers list every rule),
// and from the file-kind registry (fileKinds.ts) the activation events (each kind's languages and workspace globs),
// the `dockerProxyDoctor.files.<key>` settings, the file patterns of the language we contribute and the files our JSON
// schemas apply to. Nothing else in package.json is touched.
// Run: npx tsc -p . && npm run manifest      (`npm run manifest:check` exits 1 when package.json is out of date)
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES, docsUrl } from '../server/src/engine';
import { STATUS_CHECKS } from '../server/src/engine/status';
import { editorLanguages, FILE_KINDS, kindInfo, workspaceGlobs } from '../server/src/engine/fileKinds';

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

/** Languages and workspace files that activate the extension; lazyStart.ts decides when the server starts. */
export function activationEvents(): string[] {
  // onStartupFinished: the terminal's error links work in any window (the server stays idle, lazyStart.ts).
  return [...editorLanguages().map((l) => `onLanguage:${l}`), ...workspaceGlobs().map((g) => `workspaceContains:${g}`), 'onStartupFinished'];
}

const FILES_PREFIX = 'dockerProxyDoctor.files.';

/** The `dockerProxyDoctor.files.<key>` settings, one per kind, in the registry's order. */
export function fileGlobProperties(): Record<string, unknown> {
  return Object.fromEntries(FILE_KINDS.map((kind) => [`${FILES_PREFIX}${kindInfo(kind).settingKey}`, {
    type: 'array',
    items: { type: 'string' },
    default: [],
    scope: 'resource',
    markdownDescription: kindInfo(kind).settingDescription,
  }]));
}

/** `properties` with the file-glob settings replaced where the first of them stood (the others keep their order). */
function withFileGlobProperties(properties: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let placed = false;
  for (const [key, value] of Object.entries(properties)) {
    if (!key.startsWith(FILES_PREFIX)) out[key] = value;
    else if (!placed) {
      Object.assign(out, fileGlobProperties());
      placed = true;
    }
  }
  return placed ? out : { ...out, ...fileGlobProperties() };
}

interface Manifest {
  contributes: { languages: { id: string; filenamePatterns?: string[] }[]; jsonValidation: { url: string; fileMatch: string[] }[] };
}

/** Sets the file patterns of our languages and the files of our JSON schemas from the registry; throws when one is missing. */
function setKindFilePatterns(pkg: Manifest): void {
  for (const kind of FILE_KINDS) {
    const { languages, languageFilePatterns, jsonSchema } = kindInfo(kind);
    if (languageFilePatterns) {
      const language = pkg.contributes.languages.find((l) => l.id === languages[0]);
      if (!language) throw new Error(`package.json contributes no language "${languages[0]}" for ${kind}`);
      language.filenamePatterns = [...languageFilePatterns];
    }
    if (jsonSchema) {
      const validation = pkg.contributes.jsonValidation.find((v) => v.url === jsonSchema.url);
      if (!validation) throw new Error(`package.json has no jsonValidation entry for ${jsonSchema.url} (${kind})`);
      validation.fileMatch = [...jsonSchema.fileMatch];
    }
  }
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const file = path.resolve(__dirname, '../../package.json');
  const before = await fs.readFile(file, 'utf8');
  const pkg = JSON.parse(before);
  const rules = pkg?.contributes?.configuration?.properties?.[RULES_KEY];
  if (!rules || typeof rules !== 'object') throw new Error(`package.json has no contributes.configuration.properties['${RULES_KEY}']`);
  rules.properties = ruleProperties();
  pkg.activationEvents = activationEvents();
  pkg.contributes.configuration.properties = withFileGlobProperties(pkg.contributes.configuration.properties);
  setKindFilePatterns(pkg);
  const after = JSON.stringify(pkg, null, 2) + '\n';
  if (check) {
    if (after !== before) {
      process.stderr.write(`package.json is out of date (the ${RULES_KEY} properties, or what the file-kind registry says: activation events, file-glob settings, language patterns, JSON schema files); run "npx tsc -p . && npm run manifest"\n`);
      process.exitCode = 1;
    } else process.stdout.write(`package.json lists all ${ALL_RULES.length} rules and the ${FILE_KINDS.length} file kinds\n`);
    return;
  }
  if (after !== before) await fs.writeFile(file, after);
  process.stdout.write(`package.json: ${Object.keys(rules.properties).length} rule settings${after === before ? ' (unchanged)' : ''}\n`);
}

main().catch((e) => {
  process.stderr.write(`gen-manifest: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
