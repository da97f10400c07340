import type { Rule } from '../../rule';
import type { RuleFinding } from '../../findingTypes';
import { nodeRange, objectProperties } from '../../parse/json';
import { jsonTransformEdit } from '../jsonEdits';
import { proxiesProperty } from './daemonJsonShape';
import { MEASURED, SRC } from '../../sources';
import { lazyFix } from '../../fix';

export const noProxyArray: Rule = {
  meta: {
    id: 'DJ022',
    name: 'no-proxy-array',
    kinds: ['daemon-json'],
    defaultSeverity: 'error',
    summary: '"no-proxy" given as a JSON array makes dockerd refuse to start; it is one comma-separated string.',
    description:
      'In daemon.json `no-proxy` is a single string, the same as the `NO_PROXY` variable: `"localhost,127.0.0.1,.corp"`. ' +
      'A JSON array stops dockerd at startup with `json: cannot unmarshal array into Go struct field ' +
      'Proxies.CommonConfig.proxies.no-proxy of type string`. The quick fix joins the entries with commas.',
    sources: [SRC.mobyProxiesStruct, SRC.xnetNoProxyGrammar, MEASURED.dockerdValidate],
    dockerdRefuses: true,
    examples: {
      bad: { kind: 'daemon-json', text: '{\n  "proxies": {\n    "no-proxy": ["localhost", "127.0.0.1", ".corp.example.com"]\n  }\n}\n' },
      good: { kind: 'daemon-json', text: '{\n  "proxies": {\n    "no-proxy": "localhost,127.0.0.1,.corp.example.com"\n  }\n}\n' },
    },
  },
  check(doc): RuleFinding[] {
    const proxies = proxiesProperty(doc)?.valueNode;
    if (doc.kind !== 'daemon-json' || proxies?.type !== 'object') return [];
    const findings: RuleFinding[] = [];
    for (const prop of objectProperties(proxies)) {
      const value = prop.valueNode;
      if (prop.key !== 'no-proxy' || value?.type !== 'array') continue;
      const items = value.children ?? [];
      const allStrings = items.every((i) => i.type === 'string');
      const joined = allStrings ? items.map((i) => String(i.value).trim()).filter((s) => s !== '').join(',') : undefined;
      findings.push({
        range: nodeRange(doc.lines, value),
        message: '"no-proxy" must be one comma-separated string, not an array: dockerd refuses to start ("cannot unmarshal array").',
        fixes: joined === undefined ? [] : [lazyFix(
          'Join the entries into one comma-separated string',
          true,
          () => [jsonTransformEdit(doc.text, [{ path: ['proxies', 'no-proxy'], value: joined }])],
        )],
      });
    }
    return findings;
  },
};
