import type { Rule } from '../../rule';
import type { RuleFinding } from '../../findingTypes';
import { nodeRange } from '../../parse/json';
import { renameKeyEdit } from '../jsonEdits';
import { readClientProxies } from './clientProxies';
import { SRC } from '../../sources';
import { lazyFix } from '../../fix';

export const noncanonicalCase: Rule = {
  meta: {
    id: 'CC002',
    name: 'noncanonical-case',
    kinds: ['cli-config'],
    defaultSeverity: 'info',
    summary: 'A config.json proxy field written in another letter case works, but differs from the documented camelCase.',
    description:
      'Go\'s `encoding/json` matches struct fields case-insensitively, so `"HttpProxy"` or `"HTTPSPROXY"` is read as ' +
      '`httpProxy` / `httpsProxy` and the proxy is injected. It still reads like a typo, and tools that compare names ' +
      'exactly (schemas, scripts, other linters) miss it. Write the documented camelCase name.',
    sources: [SRC.cliProxyStruct, SRC.cliProxyConfig],
    examples: {
      bad: { kind: 'cli-config', text: '{\n  "proxies": {\n    "default": {\n      "HttpProxy": "http://proxy.example.com:3128",\n      "httpsProxy": "http://proxy.example.com:3128",\n      "noProxy": "localhost,127.0.0.1,::1"\n    }\n  }\n}\n' },
      good: { kind: 'cli-config', text: '{\n  "proxies": {\n    "default": {\n      "httpProxy": "http://proxy.example.com:3128",\n      "httpsProxy": "http://proxy.example.com:3128",\n      "noProxy": "localhost,127.0.0.1,::1"\n    }\n  }\n}\n' },
    },
  },
  check(doc): RuleFinding[] {
    const p = readClientProxies(doc);
    if (!p) return [];
    return p.entries.flatMap((entry) => entry.fields)
      .filter((f) => !f.stray && f.spelling === 'case')
      .map((f) => ({
        range: nodeRange(doc.lines, f.prop.keyNode),
        message: `"${f.prop.key}" works (Go matches field names case-insensitively), but the documented name is "${f.field}".`,
        fixes: [lazyFix(`Rename to "${f.field}"`, true, () => [renameKeyEdit(doc.lines, f.prop, f.field)])],
      }));
  },
};
