import type { Rule } from '../../rule';
import type { RuleFinding } from '../../findingTypes';
import { nodeRange } from '../../parse/json';
import { PER_CONSUMER_NOTE, suggestedNoProxy } from '../../proxy/missingNoProxy';
import { addFieldFix, fieldOf, fieldsMissingFromDefault, readClientProxies, valueOf } from './clientProxies';
import { SRC } from '../../sources';

const LOOPBACK_NO_PROXY = suggestedNoProxy();

export const noProxyMissing: Rule = {
  meta: {
    id: 'CC010',
    name: 'noproxy-missing',
    kinds: ['cli-config'],
    defaultSeverity: 'warning',
    summary: 'A config.json proxies entry sets a proxy but no noProxy, so local and container-to-container HTTP goes to the proxy too.',
    description:
      'Every container started with this config gets `HTTP_PROXY`/`HTTPS_PROXY` and, without `noProxy`, no ' +
      '`NO_PROXY`. Only Go programs skip the proxy for `localhost` and loopback addresses on their own; curl, wget, ' +
      'Python and Node send even `http://localhost:8080` and `http://db:5432`-style calls to other services to the ' +
      'corporate proxy, which cannot reach them.\n\n' +
      'Add `noProxy` with at least `localhost,127.0.0.1,::1` (the quick fix), then your compose service names, ' +
      '`host.docker.internal` and internal domains such as `.corp.example.com`. The finding sits on the entry key ' +
      '(`"default"`), the object that lacks the field.\n\n' + PER_CONSUMER_NOTE,
    sources: [SRC.xnetLoopback, SRC.cliProxyRun, SRC.curlNoProxy],
    examples: {
      bad: { kind: 'cli-config', text: '{\n  "proxies": {\n    "default": {\n      "httpProxy": "http://proxy.example.com:3128",\n      "httpsProxy": "http://proxy.example.com:3128"\n    }\n  }\n}\n' },
      good: { kind: 'cli-config', text: '{\n  "proxies": {\n    "default": {\n      "httpProxy": "http://proxy.example.com:3128",\n      "httpsProxy": "http://proxy.example.com:3128",\n      "noProxy": "localhost,127.0.0.1,::1"\n    }\n  }\n}\n' },
    },
  },
  check(doc): RuleFinding[] {
    const p = readClientProxies(doc);
    if (!p) return [];
    const findings: RuleFinding[] = [];
    for (const entry of p.entries) {
      if (!valueOf(entry, 'httpProxy') && !valueOf(entry, 'httpsProxy')) continue;
      if (fieldOf(entry, 'noProxy')) continue; // an existing list is the NO_PROXY rules' business (NP010)
      if (fieldsMissingFromDefault(p, entry).includes('noProxy')) continue; // CC006 reports it with the value to copy
      findings.push({
        range: nodeRange(doc.lines, entry.anchor),
        message: 'No noProxy: containers will send localhost and container-to-container HTTP to the proxy. Add noProxy (localhost,127.0.0.1,::1 plus service names).',
        fixes: addFieldFix(doc, entry, 'noProxy', LOOPBACK_NO_PROXY, `Add "noProxy": "${LOOPBACK_NO_PROXY}"`, true),
      });
    }
    return findings;
  },
};
