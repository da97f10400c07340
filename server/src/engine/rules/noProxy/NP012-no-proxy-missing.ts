import type { Rule } from '../../rule';
import type { RuleFinding } from '../../findingTypes';
import { findProperty, nodeRange } from '../../parse/json';
import { jsonTransformEdit } from '../jsonEdits';
import { show } from './shared';
import { PER_CONSUMER_NOTE, suggestedNoProxy } from '../../proxy/missingNoProxy';
import { daemonProxies, entryFor, proxiedRegistries } from './registries';
import { SRC } from '../../sources';
import { lazyFix } from '../../fix';

export const noProxyMissing: Rule = {
  meta: {
    id: 'NP012',
    name: 'no-proxy-missing',
    kinds: ['daemon-json'],
    defaultSeverity: 'warning',
    summary: 'daemon.json sets a proxy but `proxies` has no `no-proxy` (a warning when the file names internal registries, else info).',
    description:
      'With `proxies.http-proxy`/`https-proxy` set and no `no-proxy`, dockerd sends every registry request through ' +
      'the proxy; only localhost and loopback addresses go direct (Go does that on its own). Registries the same file ' +
      'names in `insecure-registries`, or mirrors on private addresses or internal names, are then reached through ' +
      'the corporate proxy, which often cannot reach them: that is a warning. Without such registries the finding is ' +
      'information: dockerd still skips the proxy for loopback, but any internal host you pull from later is proxied.' +
      '\n\nAdd `"no-proxy"` to `proxies` with those hosts.\n\n' + PER_CONSUMER_NOTE,
    sources: [SRC.xnetLoopback, SRC.daemonProxyConfig],
    examples: {
      bad: { kind: 'daemon-json', text: '{\n  "registry-mirrors": ["https://mirror.lab.internal"],\n  "proxies": {\n    "https-proxy": "http://proxy.example.com:3128"\n  }\n}\n' },
      good: { kind: 'daemon-json', text: '{\n  "registry-mirrors": ["https://mirror.lab.internal"],\n  "proxies": {\n    "https-proxy": "http://proxy.example.com:3128",\n    "no-proxy": "mirror.lab.internal"\n  }\n}\n' },
    },
  },
  check(doc): RuleFinding[] {
    if (doc.kind !== 'daemon-json') return [];
    const proxiesProp = findProperty(doc.json.root, 'proxies');
    if (!proxiesProp?.valueNode || proxiesProp.valueNode.type !== 'object') return [];
    if (findProperty(proxiesProp.valueNode, 'no-proxy')) return [];
    // A top-level "no-proxy" is DJ001's finding: moving it into "proxies" settles this one too.
    if (findProperty(doc.json.root, 'no-proxy')) return [];
    const proxies = daemonProxies(doc);
    if (!proxies.http && !proxies.https) return [];
    const registries = proxiedRegistries(doc, proxies, '');
    const hosts = [...new Set(registries.map(entryFor))];
    const value = suggestedNoProxy(hosts);
    if (registries.length === 0) {
      return [{
        range: nodeRange(doc.lines, proxiesProp.keyNode),
        severity: 'info',
        message: '"proxies" sets a proxy but no "no-proxy": dockerd skips the proxy only for loopback, so every other host, internal ones included, goes through it. Add "no-proxy" with the hosts that must be reached directly.',
        // safe: false, it adds a setting the user did not write; offered, not applied by fix-all
        fixes: [lazyFix(`Add "no-proxy": "${value}"`, false, () => [jsonTransformEdit(doc.text, [{ path: ['proxies', 'no-proxy'], value }])])],
      }];
    }
    const first = show(registries[0].text);
    const more = registries.length > 1 ? ` and ${registries.length - 1} more` : '';
    return [{
      range: nodeRange(doc.lines, proxiesProp.keyNode),
      message: `"proxies" sets a proxy but no "no-proxy": dockerd will reach ${first}${more} through the proxy; add "no-proxy" with the registries that must be reached directly.`,
      fixes: [lazyFix(
        `Add "no-proxy": "${value}"`,
        false,
        () => [jsonTransformEdit(doc.text, [{ path: ['proxies', 'no-proxy'], value }])],
      )],
    }];
  },
};
