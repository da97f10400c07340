import type { Rule } from '../../rule';
import type { Fix, RuleFinding } from '../../findingTypes';
import type { ParsedDocument } from '../../document';
import { nodeRange } from '../../parse/json';
import { jsonSetEdits, renameKeyEdit } from '../jsonEdits';
import { fieldOf, readClientProxies, type EntryField, type ProxyEntry } from './clientProxies';
import { SRC } from '../../sources';
import { lazyFix } from '../../fix';

function fixesFor(doc: ParsedDocument, entry: ProxyEntry, f: EntryField): Fix[] {
  const read = fieldOf(entry, f.field);
  if (!read || read === f || read.spelling === 'ignored') {
    // Nothing Go reads for this field yet: the rename is what the line was written for.
    return [lazyFix(`Rename "${f.prop.key}" to "${f.field}"`, true, () => [renameKeyEdit(doc.lines, f.prop, f.field)])];
  }
  // The entry already has a key Go reads for this field; this one only adds confusion.
  const same = read.value !== undefined && read.value === f.value;
  return [lazyFix(
    same ? `Remove "${f.prop.key}" (duplicates "${read.prop.key}")` : `Remove "${f.prop.key}" (the CLI uses "${read.prop.key}")`,
    same,
    () => jsonSetEdits(doc.text, doc.lines, ['proxies', entry.key, f.prop.key], undefined),
  )];
}

export const unknownProxyField: Rule = {
  meta: {
    id: 'CC001',
    name: 'unknown-proxy-field',
    kinds: ['cli-config'],
    defaultSeverity: 'error',
    summary: 'A field in a config.json proxies entry that the docker CLI does not know is silently ignored.',
    description:
      'Each entry under `proxies` (such as `default`) has exactly five fields: `httpProxy`, `httpsProxy`, `noProxy`, ' +
      '`ftpProxy` and `allProxy`. The CLI decodes the file with Go\'s `encoding/json`, which drops any other key without ' +
      'a word, so `"http-proxy"` (the daemon.json spelling), `"http_proxy"` or `"HTTP_PROXY"` (the environment ' +
      'spelling) inject nothing into containers and builds.\n\n' +
      'Rename the key to its camelCase field. Keys that resemble no field at all are reported as warnings.',
    sources: [SRC.cliProxyStruct, SRC.cliProxyConfig],
    examples: {
      bad: { kind: 'cli-config', text: '{\n  "proxies": {\n    "default": {\n      "http_proxy": "http://proxy.example.com:3128",\n      "httpsProxy": "http://proxy.example.com:3128",\n      "noProxy": "localhost,127.0.0.1,::1"\n    }\n  }\n}\n' },
      good: { kind: 'cli-config', text: '{\n  "proxies": {\n    "default": {\n      "httpProxy": "http://proxy.example.com:3128",\n      "httpsProxy": "http://proxy.example.com:3128",\n      "noProxy": "localhost,127.0.0.1,::1"\n    }\n  }\n}\n' },
    },
  },
  check(doc): RuleFinding[] {
    const p = readClientProxies(doc);
    if (!p) return [];
    const findings: RuleFinding[] = [];
    for (const entry of p.entries) {
      if (entry.implied) continue;
      for (const f of entry.fields) {
        if (f.stray || f.spelling !== 'ignored') continue;
        findings.push({
          range: nodeRange(doc.lines, f.prop.keyNode),
          message: `"${f.prop.key}" is not a config.json proxy field; the CLI ignores it. Use "${f.field}".`,
          fixes: fixesFor(doc, entry, f),
        });
      }
      for (const prop of entry.unknown) {
        findings.push({
          range: nodeRange(doc.lines, prop.keyNode),
          message: `"${prop.key}" is not a config.json proxy field (httpProxy, httpsProxy, noProxy, ftpProxy, allProxy); the CLI ignores it.`,
          severity: 'warning',
        });
      }
    }
    return findings;
  },
};
