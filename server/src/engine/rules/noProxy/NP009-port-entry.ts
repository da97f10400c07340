import type { Rule } from '../../rule';
import type { RuleFinding } from '../../findingTypes';
import { classifyEntry } from '../../proxy/noProxyEntries';
import { CONTAINER_KINDS, entryRange, noProxyValues, replaceFix, show } from './shared';
import { SRC } from '../../sources';

export const portEntry: Rule = {
  meta: {
    id: 'NP009',
    name: 'port-entry',
    kinds: CONTAINER_KINDS,
    defaultSeverity: 'info',
    summary: 'A NO_PROXY entry with a port (`registry.local:5000`) is ignored by curl and wget.',
    description:
      'Go and Python read `host:port` as "this host, on this port only". curl and wget have no port syntax: they ' +
      'compare `registry.local:5000` with the host name, which never contains a colon, so the entry matches nothing ' +
      'and those clients keep using the proxy for the host.\n\nIn container and build settings drop the port (the ' +
      'entry then covers every port). Not reported for dockerd, which is a Go program and honours the port.',
    sources: [SRC.xnetNoProxyGrammar, SRC.curlNoProxy, SRC.wgetProxies],
    examples: {
      bad: { kind: 'cli-config', text: '{\n  "proxies": {\n    "default": {\n      "httpProxy": "http://proxy.example.com:3128",\n      "noProxy": "localhost,127.0.0.1,registry.local:5000"\n    }\n  }\n}\n' },
      good: { kind: 'cli-config', text: '{\n  "proxies": {\n    "default": {\n      "httpProxy": "http://proxy.example.com:3128",\n      "noProxy": "localhost,127.0.0.1,registry.local"\n    }\n  }\n}\n' },
    },
  },
  check(doc): RuleFinding[] {
    const findings: RuleFinding[] = [];
    for (const v of noProxyValues(doc)) {
      if (v.setting.consumer !== 'containers') continue;
      for (const entry of v.entries) {
        if (entry.kind !== 'ip-port' && entry.kind !== 'host-port') continue;
        const hostKind = classifyEntry(entry.host).kind;
        const fixable = hostKind === 'domain' || hostKind === 'ip';
        findings.push({
          range: entryRange(doc, v, entry),
          message: `${show(entry.text)}: curl and wget never match an entry with a port (Go and Python match that port only); drop the port to cover the host.`,
          fixes: fixable ? replaceFix(doc, v, entry, entry.host, `Replace ${show(entry.text)} with ${entry.host}`, false) : [],
        });
      }
    }
    return findings;
  },
};
