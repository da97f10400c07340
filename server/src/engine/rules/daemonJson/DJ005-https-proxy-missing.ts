import type { Rule } from '../../rule';
import type { RuleFinding } from '../../findingTypes';
import { findProperty, nodeRange, objectProperties } from '../../parse/json';
import { jsonTransformEdit } from '../jsonEdits';
import { isClientShapeEntry, proxiesProperty, proxyKeyTarget } from './daemonJsonShape';
import { MEASURED, SRC } from '../../sources';
import { lazyFix } from '../../fix';

export const httpsProxyMissing: Rule = {
  meta: {
    id: 'DJ005',
    name: 'https-proxy-missing',
    kinds: ['daemon-json'],
    defaultSeverity: 'warning',
    summary: '"http-proxy" is set but "https-proxy" is not, so pulls from https registries bypass the proxy.',
    description:
      'dockerd picks the proxy by the scheme of the request: `https://` requests use only `https-proxy` ' +
      '(`HTTPS_PROXY`), and Go does not fall back to `http-proxy`. Registries are reached over https, so with only ' +
      '`http-proxy` set, `docker pull` connects directly and times out behind a firewall.\n\n' +
      'Add `https-proxy`, usually with the same `http://` URL as `http-proxy` (the scheme describes how to talk to the ' +
      'proxy, not the traffic it carries). Ignore this if dockerd gets `HTTPS_PROXY` from its systemd environment.',
    sources: [SRC.xnetSchemeSelection, SRC.goIssueHttpsFallback, SRC.daemonProxyConfig, MEASURED.dockerdAccepts],
    examples: {
      bad: { kind: 'daemon-json', text: '{\n  "proxies": {\n    "http-proxy": "http://proxy.example.com:3128"\n  }\n}\n' },
      good: { kind: 'daemon-json', text: '{\n  "proxies": {\n    "http-proxy": "http://proxy.example.com:3128",\n    "https-proxy": "http://proxy.example.com:3128"\n  }\n}\n' },
    },
  },
  check(doc): RuleFinding[] {
    const proxies = proxiesProperty(doc);
    // A "missing" finding needs a trustworthy tree: skip while the file does not parse (PD002 reports that).
    if (doc.kind !== 'daemon-json' || doc.json.syntaxErrors.length > 0 || !proxies || proxies.valueNode?.type !== 'object') return [];
    // A top-level "https-proxy" is DJ001's finding (moving it into "proxies" settles this one too).
    if (findProperty(doc.json.root, 'https-proxy')) return [];
    const http = findProperty(proxies.valueNode, 'http-proxy')?.valueNode;
    if (http?.type !== 'string' || typeof http.value !== 'string' || http.value.trim() === '') return [];
    const https = findProperty(proxies.valueNode, 'https-proxy')?.valueNode;
    if (https && !(https.type === 'string' && https.value === '') && https.type !== 'null') return [];
    // A misspelled https key (httpsProxy, HTTPS_PROXY) is DJ002's finding; don't report the same mistake twice.
    if (objectProperties(proxies.valueNode).some((p) => p.key !== 'https-proxy' && proxyKeyTarget(p.key) === 'https-proxy')) return [];
    // So is one inside a client-shaped entry ("default": {"httpsProxy": …}): DJ003 moves it up.
    const nested = objectProperties(proxies.valueNode).filter(isClientShapeEntry).flatMap((e) => objectProperties(e.valueNode));
    if (nested.some((p) => proxyKeyTarget(p.key) === 'https-proxy')) return [];
    return [{
      range: nodeRange(doc.lines, proxies.keyNode),
      message: '"http-proxy" is set but "https-proxy" is not: registries are https, so dockerd pulls without the proxy. Add "https-proxy" (usually the same http:// URL).',
      fixes: [lazyFix(
        'Add "https-proxy" with the same URL as "http-proxy"',
        false,
        () => [jsonTransformEdit(doc.text, [{ path: ['proxies', 'https-proxy'], value: http.value }])],
      )],
    }];
  },
};
