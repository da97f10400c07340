import type { Rule } from '../../rule';
import type { RuleFinding } from '../../findingTypes';
import { nodeRange } from '../../parse/json';
import { jsonTransformEdit } from '../jsonEdits';
import { defaultEntry, fieldsMissingFromDefault, readClientProxies, valueOf } from './clientProxies';
import { SRC } from '../../sources';
import { lazyFix } from '../../fix';

export const perHostNoInheritance: Rule = {
  meta: {
    id: 'CC006',
    name: 'per-host-no-inheritance',
    kinds: ['cli-config'],
    defaultSeverity: 'warning',
    summary: 'A per-daemon proxies entry replaces "default" entirely; fields it leaves out are not taken from "default".',
    description:
      'When `proxies` has an entry for the daemon host the CLI connects to, the CLI uses that entry **instead of** ' +
      '`default`; nothing is merged. An entry written as an override of a single field (for example only `noProxy`) ' +
      'therefore leaves containers started against that daemon with no `HTTP_PROXY`/`HTTPS_PROXY` at all. The Docker ' +
      'docs call such an entry an override, which suggests inheritance; the CLI code does not inherit.\n\n' +
      'Copy the fields you need from `default` into the entry (the quick fix does that). If the entry is meant to ' +
      'turn the proxy off for that daemon, leave it and switch this rule off for the file.',
    sources: [SRC.cliParseProxyConfig, SRC.cliProxyPerDaemon],
    examples: {
      bad: { kind: 'cli-config', text: '{\n  "proxies": {\n    "default": {\n      "httpProxy": "http://proxy.example.com:3128",\n      "httpsProxy": "http://proxy.example.com:3128",\n      "noProxy": "localhost,127.0.0.1,::1"\n    },\n    "tcp://build-host.example.com:2376": {\n      "noProxy": "localhost,127.0.0.1,::1,.corp.example.com"\n    }\n  }\n}\n' },
      good: { kind: 'cli-config', text: '{\n  "proxies": {\n    "default": {\n      "httpProxy": "http://proxy.example.com:3128",\n      "httpsProxy": "http://proxy.example.com:3128",\n      "noProxy": "localhost,127.0.0.1,::1"\n    },\n    "tcp://build-host.example.com:2376": {\n      "httpProxy": "http://proxy.example.com:3128",\n      "httpsProxy": "http://proxy.example.com:3128",\n      "noProxy": "localhost,127.0.0.1,::1,.corp.example.com"\n    }\n  }\n}\n' },
    },
  },
  check(doc): RuleFinding[] {
    const p = readClientProxies(doc);
    const def = p && defaultEntry(p);
    if (!p || !def) return [];
    const findings: RuleFinding[] = [];
    for (const entry of p.entries) {
      const missing = fieldsMissingFromDefault(p, entry);
      if (missing.length === 0 || !entry.object) continue;
      const steps = missing.map((f) => ({ path: ['proxies', entry.key, f], value: valueOf(def, f) }));
      findings.push({
        range: nodeRange(doc.lines, entry.anchor),
        message: `This entry replaces "default" for its daemon (no merge): ${missing.join(', ')} from "default" do not apply. Copy them if they should.`,
        fixes: def.implied ? [] : [lazyFix(`Copy ${missing.join(', ')} from "default"`, false, () => [jsonTransformEdit(doc.text, steps)])],
      });
    }
    return findings;
  },
};
