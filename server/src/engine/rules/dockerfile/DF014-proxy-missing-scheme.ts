import type { RuleFinding } from '../../findingTypes';
import { checkMissingScheme } from '../daemonJson/DJ009-missing-scheme';
import { defineRule } from './dockerfileModel';
import { SRC } from '../../sources';

export const proxyMissingScheme = defineRule({
  id: 'DF014',
  name: 'proxy-missing-scheme',
  kinds: ['dockerfile'],
  defaultSeverity: 'warning',
  summary: 'A proxy URL in ENV or ARG without "http://": Go and curl assume it, Python tools in RUN steps and containers refuse it.',
  description:
    'A proxy value such as `proxy.corp:3128` works for Go programs and curl, which assume `http://`, but pip, ' +
    'requests and other urllib3-based tools stop with `ProxySchemeUnknown`, so `RUN pip install …` fails while ' +
    '`RUN curl …` works. Write the scheme explicitly; the quick fix prepends `http://`.',
  sources: [SRC.xnetParseProxy, SRC.curlProxy, SRC.urllib3Changelog],
  examples: {
    bad: { kind: 'dockerfile', text: 'FROM python:3.12-slim\nARG https_proxy=proxy.example.com:3128\nARG no_proxy=localhost\nRUN pip install requests\n' },
    good: { kind: 'dockerfile', text: 'FROM python:3.12-slim\nRUN pip install requests\n' },
  },
}, (doc) => {
  const findings: RuleFinding[] = [];
  for (const setting of doc.proxySettings) {
    if (setting.variable === 'no' || setting.value.trim() === '') continue;
    const f = checkMissingScheme(doc, setting);
    if (f) findings.push(f);
  }
  return findings;
});
