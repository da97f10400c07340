import type { Rule } from '../../rule';
import type { Fix, RuleFinding } from '../../findingTypes';
import { nodeRange, objectProperties } from '../../parse/json';
import { jsonTransformEdit } from '../jsonEdits';
import { DAEMON_PROXY_KEYS } from '../../proxy/names';
import { proxiesProperty } from './daemonJsonShape';
import { MEASURED, SRC } from '../../sources';
import { lazyFix } from '../../fix';

export const proxyValueNotString: Rule = {
  meta: {
    id: 'DJ021',
    name: 'proxy-value-not-string',
    kinds: ['daemon-json'],
    defaultSeverity: 'error',
    summary: 'A "proxies" value that is a number, boolean, object or array makes dockerd refuse to start.',
    description:
      '`http-proxy`, `https-proxy` and `no-proxy` are strings. Any other JSON type stops dockerd at startup with ' +
      '`json: cannot unmarshal number into Go struct field Proxies.CommonConfig.proxies.http-proxy of type string` ' +
      '(or `bool`, `object`, `array`). Write the value in double quotes. (`null` is accepted and means "not set"; a ' +
      '`no-proxy` list is covered by its own rule.)',
    sources: [SRC.mobyProxiesStruct, SRC.daemonProxyConfig, MEASURED.dockerdValidate],
    dockerdRefuses: true,
    examples: {
      bad: { kind: 'daemon-json', text: '{\n  "proxies": {\n    "http-proxy": 3128\n  }\n}\n' },
      good: { kind: 'daemon-json', text: '{\n  "proxies": {\n    "http-proxy": "http://proxy.example.com:3128",\n    "https-proxy": "http://proxy.example.com:3128"\n  }\n}\n' },
    },
  },
  check(doc): RuleFinding[] {
    const proxies = proxiesProperty(doc)?.valueNode;
    if (doc.kind !== 'daemon-json' || proxies?.type !== 'object') return [];
    const findings: RuleFinding[] = [];
    for (const prop of objectProperties(proxies)) {
      const value = prop.valueNode;
      if (!(prop.key in DAEMON_PROXY_KEYS) || !value || value.type === 'string' || value.type === 'null') continue;
      if (prop.key === 'no-proxy' && value.type === 'array') continue; // DJ022
      const fixes: Fix[] = [];
      const items = value.type === 'array' ? value.children ?? [] : [];
      if (items.length === 1 && items[0].type === 'string') {
        fixes.push(lazyFix(
          'Use the single string instead of the list',
          false,
          () => [jsonTransformEdit(doc.text, [{ path: ['proxies', prop.key], value: items[0].value }])],
        ));
      }
      findings.push({
        range: nodeRange(doc.lines, value),
        message: `"${prop.key}" must be a string, not ${value.type === 'array' ? 'an array' : `a ${value.type}`}: dockerd refuses to start ("cannot unmarshal ${value.type}"). Quote the URL.`,
        fixes,
      });
    }
    return findings;
  },
};
