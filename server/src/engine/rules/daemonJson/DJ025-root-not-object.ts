import type { Rule } from '../../rule';
import type { RuleFinding } from '../../findingTypes';
import { nodeRange } from '../../parse/json';
import { MEASURED, SRC } from '../../sources';

export const rootNotObject: Rule = {
  meta: {
    id: 'DJ025',
    name: 'root-not-object',
    kinds: ['daemon-json'],
    defaultSeverity: 'error',
    summary: 'daemon.json must hold one JSON object; an array, string, number or boolean makes dockerd refuse to start.',
    description:
      'dockerd decodes daemon.json into a map of option names, so the file must be a single `{ … }` object (an empty ' +
      'file and `null` are accepted and mean "no options"). Anything else stops it at startup with `json: cannot ' +
      'unmarshal array into Go value of type map[string]interface {}`, so none of the proxy settings can apply.',
    sources: [SRC.dockerdConfigFile, SRC.mobyUnknownKeys, MEASURED.dockerdValidate],
    dockerdRefuses: true,
    examples: {
      bad: { kind: 'daemon-json', text: '[\n  { "proxies": { "http-proxy": "http://proxy.example.com:3128" } }\n]\n' },
      good: { kind: 'daemon-json', text: '{\n  "proxies": {\n    "http-proxy": "http://proxy.example.com:3128",\n    "https-proxy": "http://proxy.example.com:3128"\n  }\n}\n' },
    },
  },
  check(doc): RuleFinding[] {
    if (doc.kind !== 'daemon-json') return [];
    const root = doc.json.root;
    if (!root || root.type === 'object' || root.type === 'null' || doc.json.syntaxErrors.length > 0) return [];
    const what = root.type === 'array' ? 'an array' : `a ${root.type}`;
    const range = nodeRange(doc.lines, root);
    return [{
      range: { start: range.start, end: doc.lines.positionAt(Math.min(root.offset + root.length, doc.lines.offsetAt(range.start) + 1)) },
      message: `daemon.json is ${what}, not a JSON object, so dockerd refuses to start. Write { "proxies": { … } }.`,
    }];
  },
};
