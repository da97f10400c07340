import type { Rule } from '../../rule';
import type { Fix, RuleFinding } from '../../findingTypes';
import type { JsonDocument } from '../../document';
import { nodeRange, objectProperties, type JsonProperty } from '../../parse/json';
import { jsonTransformEdit, renameKeyEdit } from '../jsonEdits';
import { DAEMON_PROXY_KEYS } from '../../proxy/names';
import { maskCredentials } from '../../proxy/url';
import { DOCKERD_OPTION_NAMES, isClientShapeEntry, proxiesProperty, proxyKeyTarget } from './daemonJsonShape';
import { MEASURED, SRC } from '../../sources';
import { lazyFix } from '../../fix';

function removeFix(doc: JsonDocument, prop: JsonProperty, title: string, safe: boolean): Fix {
  return lazyFix(title, safe, () => [jsonTransformEdit(doc.text, [{ path: ['proxies', prop.key], value: undefined }])]);
}

export const unknownProxiesKey: Rule = {
  meta: {
    id: 'DJ002',
    name: 'unknown-proxies-key',
    kinds: ['daemon-json'],
    defaultSeverity: 'error',
    summary: 'A key inside "proxies" that dockerd does not know makes it refuse to start.',
    description:
      'Inside `proxies`, daemon.json accepts exactly three keys, all kebab-case: `http-proxy`, `https-proxy` and ' +
      '`no-proxy`. dockerd validates every key of the `proxies` object as if it were a top-level option, so any other ' +
      'name stops the daemon at startup with `the following directives don\'t match any configuration option: <key>`.\n\n' +
      'Typical causes are spellings copied from other places: `httpProxy` (the client\'s config.json), `HTTP_PROXY` or ' +
      '`http_proxy` (environment variables), `HTTP-PROXY`. The quick fix renames them.\n\n' +
      '**`all-proxy` does not exist for the daemon**, and neither does `ftp-proxy`: dockerd (like every Go program) never ' +
      'reads `ALL_PROXY` or `FTP_PROXY`. To send the daemon through a SOCKS proxy, put the `socks5://host:port` URL in ' +
      '`http-proxy` and `https-proxy`. The quick fix offers exactly that, or removes the key.',
    sources: [SRC.mobyProxiesStruct, SRC.mobyFlatten, SRC.mobyUnknownKeys, MEASURED.dockerdValidate],
    dockerdRefuses: true,
    examples: {
      bad: { kind: 'daemon-json', text: '{\n  "proxies": {\n    "httpProxy": "http://proxy.example.com:3128",\n    "https-proxy": "http://proxy.example.com:3128"\n  }\n}\n' },
      good: { kind: 'daemon-json', text: '{\n  "proxies": {\n    "http-proxy": "http://proxy.example.com:3128",\n    "https-proxy": "http://proxy.example.com:3128"\n  }\n}\n' },
    },
  },
  check(doc): RuleFinding[] {
    const proxies = proxiesProperty(doc);
    if (doc.kind !== 'daemon-json' || proxies?.valueNode?.type !== 'object') return [];
    const props = objectProperties(proxies.valueNode);
    const present = new Set(props.map((p) => p.key));
    const candidates = props.filter((p) => !(p.key in DAEMON_PROXY_KEYS) && !DOCKERD_OPTION_NAMES.has(p.key) && !isClientShapeEntry(p));
    const targetCount = new Map<string, number>();
    for (const p of candidates) {
      const t = proxyKeyTarget(p.key);
      if (t) targetCount.set(t, (targetCount.get(t) ?? 0) + 1);
    }
    return candidates.map((prop): RuleFinding => {
      const range = nodeRange(doc.lines, prop.keyNode);
      const key = maskCredentials(prop.key);
      const target = proxyKeyTarget(prop.key);
      if (target === 'all') {
        const missing = ['http-proxy', 'https-proxy'].filter((k) => !present.has(k));
        const value = prop.valueNode?.type === 'string' ? prop.valueNode.value as string : undefined;
        const fixes: Fix[] = [];
        if (value && missing.length > 0) {
          fixes.push(lazyFix(
            `Use its value for ${missing.map((k) => `"${k}"`).join(' and ')}`,
            false,
            () => [jsonTransformEdit(doc.text, [
              ...missing.map((k) => ({ path: ['proxies', k], value })),
              { path: ['proxies', prop.key], value: undefined },
            ])],
          ));
        }
        // Removing loses nothing when http-proxy and https-proxy are both set: Go would never have used it.
        fixes.push(removeFix(doc, prop, `Remove "${key}"`, missing.length === 0));
        return {
          range,
          message:
            `"${key}" does not exist in daemon.json: dockerd refuses to start. The daemon has no ALL_PROXY; ` +
            'for a SOCKS proxy set "http-proxy" and "https-proxy" to "socks5://host:port".',
          fixes,
        };
      }
      if (target === 'ftp') {
        return {
          range,
          message: `"${key}" does not exist in daemon.json: dockerd refuses to start. The daemon never uses an FTP proxy; remove it.`,
          fixes: [removeFix(doc, prop, `Remove "${key}"`, true)],
        };
      }
      if (target) {
        let fix: Fix;
        if (present.has(target)) {
          const same = props.find((p) => p.key === target)?.valueNode?.value === prop.valueNode?.value;
          fix = removeFix(doc, prop, `Remove "${key}" ("${target}" is already set)`, same);
        } else {
          fix = lazyFix(`Rename to "${target}"`, targetCount.get(target) === 1, () => [renameKeyEdit(doc.lines, prop, target)]);
        }
        return {
          range,
          message: `"${key}" is not a daemon.json key, so dockerd refuses to start; daemon.json spells it "${target}".`,
          fixes: [fix],
        };
      }
      return {
        range,
        message: `"${key}" is not a proxy key dockerd knows, so it refuses to start. Use "http-proxy", "https-proxy" or "no-proxy".`,
        fixes: [removeFix(doc, prop, `Remove "${key}"`, false)],
      };
    });
  },
};
