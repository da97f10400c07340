import type { Rule } from '../../rule';
import type { Fix, RuleFinding } from '../../findingTypes';
import type { JsonDocument } from '../../document';
import { findProperty, nodeRange, objectProperties } from '../../parse/json';
import { jsonTransformEdit } from '../jsonEdits';
import { DAEMON_PROXY_KEYS } from '../../proxy/names';
import { MEASURED, SRC } from '../../sources';
import { lazyFix } from '../../fix';

/** Moves every top-level proxy key into `proxies` (unless `proxies` already sets that key: then it just deletes it). */
function moveIntoProxies(doc: JsonDocument, key: string): Fix[] {
  const root = doc.json.root;
  const top = findProperty(root, key);
  if (!top?.valueNode) return [];
  const proxies = findProperty(root, 'proxies')?.valueNode;
  if (proxies && proxies.type !== 'object') return [];
  const alreadyThere = !!findProperty(proxies, key);
  const steps = [
    ...(alreadyThere ? [] : [{ path: ['proxies', key], value: top.valueNode.value }]),
    { path: [key], value: undefined },
  ];
  return [lazyFix(
    alreadyThere ? `Remove top-level "${key}" (ignored; "proxies" already sets it)` : `Move "${key}" into "proxies"`,
    true,
    () => [jsonTransformEdit(doc.text, steps)],
  )];
}

export const topLevelProxyKey: Rule = {
  meta: {
    id: 'DJ001',
    name: 'top-level-proxy-key',
    kinds: ['daemon-json'],
    defaultSeverity: 'error',
    summary: 'A top-level "http-proxy", "https-proxy" or "no-proxy" passes validation but dockerd ignores it.',
    description:
      'dockerd reads proxy settings only from the `proxies` object. A top-level `"http-proxy"` (or `https-proxy`, ' +
      '`no-proxy`) is a valid flag name, so `dockerd --validate` says "configuration OK", but the value is never used: ' +
      'the daemon starts with no proxy and pulls fail with timeouts. Move the key into `"proxies": { … }`.',
    sources: [SRC.daemonProxyConfig, SRC.mobyProxiesTag, SRC.mobySecondDecode, MEASURED.dockerdStarted],
    examples: {
      bad: { kind: 'daemon-json', text: '{\n  "http-proxy": "http://proxy.example.com:3128",\n  "https-proxy": "http://proxy.example.com:3128"\n}\n' },
      good: { kind: 'daemon-json', text: '{\n  "proxies": {\n    "http-proxy": "http://proxy.example.com:3128",\n    "https-proxy": "http://proxy.example.com:3128"\n  }\n}\n' },
    },
  },
  check(doc): RuleFinding[] {
    if (doc.kind !== 'daemon-json') return [];
    return objectProperties(doc.json.root)
      .filter((p) => p.key in DAEMON_PROXY_KEYS)
      .map((p) => ({
        range: nodeRange(doc.lines, p.keyNode),
        message: `"${p.key}" at the top level is ignored by dockerd (it passes validation, then does nothing); put it inside "proxies".`,
        fixes: moveIntoProxies(doc, p.key),
      }));
  },
};
