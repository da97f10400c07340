import type { Rule } from '../../rule';
import type { RuleFinding } from '../../findingTypes';
import { nodeRange } from '../../parse/json';
import { addFieldFix, fieldOf, fieldsMissingFromDefault, readClientProxies, valueOf } from './clientProxies';
import { SRC } from '../../sources';

export const httpsMissing: Rule = {
  meta: {
    id: 'CC008',
    name: 'https-missing',
    kinds: ['cli-config'],
    defaultSeverity: 'warning',
    summary: 'A config.json proxies entry sets httpProxy but not httpsProxy, so HTTPS from containers and builds bypasses the proxy.',
    description:
      'Clients choose the proxy by the scheme of the request: `https://` URLs use `HTTPS_PROXY` only. Go programs ' +
      'never fall back to `HTTP_PROXY` for HTTPS, and neither do curl or Python. Almost everything a container or a ' +
      '`RUN` step downloads (package indexes, registries, git) is HTTPS, so an entry with only `httpProxy` leaves it ' +
      'trying to connect directly.\n\n' +
      'Add `httpsProxy`. Most corporate proxies take both on the same address; the URL usually still starts with ' +
      '`http://` (it describes how to talk to the proxy, not the target).',
    sources: [SRC.xnetSchemeSelection, SRC.goIssueHttpsFallback, SRC.cliProxyConfig],
    examples: {
      bad: { kind: 'cli-config', text: '{\n  "proxies": {\n    "default": {\n      "httpProxy": "http://proxy.example.com:3128",\n      "noProxy": "localhost,127.0.0.1,::1"\n    }\n  }\n}\n' },
      good: { kind: 'cli-config', text: '{\n  "proxies": {\n    "default": {\n      "httpProxy": "http://proxy.example.com:3128",\n      "httpsProxy": "http://proxy.example.com:3128",\n      "noProxy": "localhost,127.0.0.1,::1"\n    }\n  }\n}\n' },
    },
  },
  check(doc): RuleFinding[] {
    const p = readClientProxies(doc);
    if (!p) return [];
    const findings: RuleFinding[] = [];
    for (const entry of p.entries) {
      const http = valueOf(entry, 'httpProxy');
      if (!http || fieldOf(entry, 'httpsProxy')) continue;
      if (fieldsMissingFromDefault(p, entry).includes('httpsProxy')) continue; // CC006 reports it with the value to copy
      findings.push({
        range: nodeRange(doc.lines, entry.anchor),
        message: 'httpProxy is set but httpsProxy is not: HTTPS requests from containers and RUN steps will not use the proxy. Add httpsProxy.',
        fixes: addFieldFix(doc, entry, 'httpsProxy', http, 'Add httpsProxy with the httpProxy URL', false),
      });
    }
    return findings;
  },
};
