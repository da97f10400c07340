import type { Rule } from '../../rule';
import type { Fix, RuleFinding } from '../../findingTypes';
import { nodeRange } from '../../parse/json';
import { jsonTransformEdit } from '../jsonEdits';
import { proxiesProperty } from './daemonJsonShape';
import { MEASURED, SRC } from '../../sources';
import { lazyFix } from '../../fix';

export const proxiesNotObject: Rule = {
  meta: {
    id: 'DJ004',
    name: 'proxies-not-object',
    kinds: ['daemon-json'],
    defaultSeverity: 'error',
    summary: '"proxies" must be an object; a string, array, number or null makes dockerd refuse to start.',
    description:
      'dockerd only understands `proxies` as an object holding `http-proxy`, `https-proxy` and `no-proxy`. Any other ' +
      'value (a URL string, a list, a number, `true`, even `null`) stops it at startup with ' +
      '`the following directives don\'t match any configuration option: proxies`.\n\n' +
      'For a URL string the quick fix turns it into `{"http-proxy": …, "https-proxy": …}`; for `null` it removes the key.',
    sources: [SRC.daemonProxyConfig, SRC.mobyUnknownKeys, MEASURED.dockerdValidate],
    dockerdRefuses: true,
    examples: {
      bad: { kind: 'daemon-json', text: '{\n  "proxies": "http://proxy.example.com:3128"\n}\n' },
      good: { kind: 'daemon-json', text: '{\n  "proxies": {\n    "http-proxy": "http://proxy.example.com:3128",\n    "https-proxy": "http://proxy.example.com:3128"\n  }\n}\n' },
    },
  },
  check(doc): RuleFinding[] {
    const proxies = proxiesProperty(doc);
    const value = proxies?.valueNode;
    if (doc.kind !== 'daemon-json' || !proxies || !value || value.type === 'object') return [];
    const fixes: Fix[] = [];
    if (value.type === 'string' && typeof value.value === 'string' && value.value.trim() !== '') {
      fixes.push(lazyFix(
        'Use it as "http-proxy" and "https-proxy"',
        false,
        () => [jsonTransformEdit(doc.text, [{ path: ['proxies'], value: { 'http-proxy': value.value, 'https-proxy': value.value } }])],
      ));
    }
    fixes.push(lazyFix(
      'Remove "proxies"',
      value.type === 'null',
      () => [jsonTransformEdit(doc.text, [{ path: ['proxies'], value: undefined }])],
    ));
    const what = value.type === 'string' ? 'a string' : value.type === 'array' ? 'an array' : value.type === 'null' ? 'null' : `a ${value.type}`;
    return [{
      range: nodeRange(doc.lines, proxies.keyNode),
      message: `"proxies" is ${what}, not an object, so dockerd refuses to start. Write "proxies": { "http-proxy": "…", "https-proxy": "…" }.`,
      fixes,
    }];
  },
};
