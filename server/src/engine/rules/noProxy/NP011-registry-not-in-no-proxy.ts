import type { Rule } from '../../rule';
import type { RuleFinding } from '../../findingTypes';
import { nodeRange } from '../../parse/json';
import { appending, fixOf, noProxyValues, show } from './shared';
import { daemonProxies, entryFor, proxiedRegistries } from './registries';
import { SRC } from '../../sources';

export const registryNotInNoProxy: Rule = {
  meta: {
    id: 'NP011',
    name: 'registry-not-in-no-proxy',
    kinds: ['daemon-json'],
    defaultSeverity: 'info',
    summary: 'A registry named in daemon.json (insecure registry, internal mirror) is not covered by `proxies.no-proxy`.',
    description:
      'dockerd sends every registry request through `proxies.https-proxy` (or `http-proxy` for plain-HTTP ' +
      'registries) unless `no-proxy` matches the registry host, using Go\'s rules. Registries listed in ' +
      '`insecure-registries`, and mirrors with private addresses, single-label or internal names, usually live on ' +
      'your own network, where the corporate proxy either cannot reach them or should not see the traffic.\n\n' +
      'Add the registry host to `no-proxy` (a bare host covers every port) if it must be reached directly. Public ' +
      'mirrors are not reported: they are expected to go through the proxy.',
    sources: [SRC.daemonProxyConfig, SRC.mobyRegistryHosts, SRC.xnetNoProxyGrammar],
    examples: {
      bad: { kind: 'daemon-json', text: '{\n  "insecure-registries": ["registry.lab.example.com:5000"],\n  "proxies": {\n    "http-proxy": "http://proxy.example.com:3128",\n    "https-proxy": "http://proxy.example.com:3128",\n    "no-proxy": "localhost,127.0.0.1"\n  }\n}\n' },
      good: { kind: 'daemon-json', text: '{\n  "insecure-registries": ["registry.lab.example.com:5000"],\n  "proxies": {\n    "http-proxy": "http://proxy.example.com:3128",\n    "https-proxy": "http://proxy.example.com:3128",\n    "no-proxy": "localhost,127.0.0.1,registry.lab.example.com"\n  }\n}\n' },
    },
  },
  check(doc): RuleFinding[] {
    if (doc.kind !== 'daemon-json') return [];
    const proxies = daemonProxies(doc);
    if (!proxies.no || (!proxies.http && !proxies.https)) return [];
    const value = noProxyValues(doc).find((v) => v.setting === proxies.no);
    if (!value) return [];
    return proxiedRegistries(doc, proxies, proxies.no.value).map((r) => ({
      range: nodeRange(doc.lines, r.node),
      message: `${show(r.text)} (${r.source}) is not in proxies.no-proxy, so dockerd reaches it through the proxy; add \`${entryFor(r)}\` if it must be reached directly.`,
      fixes: fixOf(doc, value, `Add ${entryFor(r)} to proxies.no-proxy`, false, [appending(value, [entryFor(r)])]),
    }));
  },
};
