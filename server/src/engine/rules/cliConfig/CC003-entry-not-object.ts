import type { Rule } from '../../rule';
import type { Fix, RuleFinding } from '../../findingTypes';
import type { ParsedDocument } from '../../document';
import { nodeRange } from '../../parse/json';
import { jsonTransformEdit } from '../jsonEdits';
import { defaultEntry, fieldOf, readClientProxies, type ClientField, type ClientProxies, type EntryField } from './clientProxies';
import { SRC } from '../../sources';
import { lazyFix } from '../../fix';

/** Moves every stray field into `default` (created when absent), renamed to its camelCase field. */
function wrapInDefault(doc: ParsedDocument, p: ClientProxies): Fix[] {
  const def = defaultEntry(p);
  const realDefault = def && !def.implied ? def : undefined;
  const steps: { path: (string | number)[]; value: unknown }[] = [];
  const moved: Partial<Record<ClientField, EntryField>> = {};
  for (const s of p.stray) {
    if (s.value === undefined) return [];
    const existing = realDefault && fieldOf(realDefault, s.field);
    if (existing && !existing.stray) {
      if (existing.value !== s.value) return []; // conflicting values: let the user choose
    } else {
      // Same choice as the rules' reading of the strays: a spelling Go reads beats a misspelled one, then the last wins.
      const prev = moved[s.field];
      if (!prev || s.spelling !== 'ignored' || prev.spelling === 'ignored') moved[s.field] = s;
    }
    steps.push({ path: ['proxies', s.prop.key], value: undefined });
  }
  const values = Object.fromEntries(Object.entries(moved).map(([field, s]) => [field, s.value]));
  if (realDefault) for (const [field, value] of Object.entries(values)) steps.push({ path: ['proxies', 'default', field], value });
  else steps.push({ path: ['proxies', 'default'], value: values });
  return [lazyFix(
    realDefault ? 'Move the proxy fields into "default"' : 'Wrap the proxy fields in "default": { … }',
    true,
    () => [jsonTransformEdit(doc.text, steps)],
  )];
}

export const entryNotObject: Rule = {
  meta: {
    id: 'CC003',
    name: 'entry-not-object',
    kinds: ['cli-config'],
    defaultSeverity: 'error',
    summary: 'config.json "proxies" must map a daemon host (usually "default") to an object of proxy fields.',
    description:
      '`proxies` is a map from a daemon host to an object: `"proxies": { "default": { "httpProxy": "…" } }`. Writing ' +
      'the fields directly under `proxies` (`"proxies": { "httpProxy": "…" }`), or giving `proxies` a string, is a type ' +
      'error for the CLI: it prints `WARNING: Error parsing config file` on every command and containers and builds get ' +
      'no proxy from this entry.\n\n' +
      'The fix wraps the fields in a `"default"` object (renaming `http-proxy`-style keys to their camelCase fields).',
    sources: [SRC.cliProxyStruct, SRC.cliLoadConfig, SRC.cliParseProxyConfig],
    examples: {
      bad: { kind: 'cli-config', text: '{\n  "proxies": {\n    "httpProxy": "http://proxy.example.com:3128",\n    "httpsProxy": "http://proxy.example.com:3128",\n    "noProxy": "localhost,127.0.0.1,::1"\n  }\n}\n' },
      good: { kind: 'cli-config', text: '{\n  "proxies": {\n    "default": {\n      "httpProxy": "http://proxy.example.com:3128",\n      "httpsProxy": "http://proxy.example.com:3128",\n      "noProxy": "localhost,127.0.0.1,::1"\n    }\n  }\n}\n' },
    },
  },
  check(doc): RuleFinding[] {
    const p = readClientProxies(doc);
    if (!p) return [];
    if (!p.isObject) {
      return [{
        range: nodeRange(doc.lines, p.proxies.keyNode),
        message: '"proxies" must be an object such as { "default": { "httpProxy": … } }; the CLI reports a type error and injects no proxy.',
      }];
    }
    const fixes = p.stray.length > 0 ? wrapInDefault(doc, p) : [];
    const findings: RuleFinding[] = p.stray.map((s) => ({
      range: nodeRange(doc.lines, s.prop.keyNode),
      message: `"${s.prop.key}" directly under "proxies" is a type error for the CLI (no proxy is injected); put it inside "default": { … }.`,
      fixes,
    }));
    for (const prop of p.invalid) {
      findings.push({
        range: nodeRange(doc.lines, prop.keyNode),
        message: `The value of "${prop.key}" must be an object of proxy fields (httpProxy, httpsProxy, noProxy…); the CLI reports a type error and injects none.`,
      });
    }
    return findings;
  },
};
