import type { ProxySetting, RuleFinding } from '../../findingTypes';
import { checkTlsToProxy } from '../daemonJson/DJ006-tls-to-proxy';
import { defineRule, runProxyUrls } from './dockerfileModel';
import { SRC } from '../../sources';

export const httpsProxySchemeInBuild = defineRule({
  id: 'DF011',
  name: 'https-proxy-scheme-in-build',
  kinds: ['dockerfile'],
  defaultSeverity: 'warning',
  summary: 'An `https://` proxy URL in ENV, ARG or a RUN assignment makes the tools in RUN speak TLS to the proxy itself.',
  description:
    'The scheme of a proxy URL describes the connection to the proxy, not the target. `https_proxy=https://proxy:3128` ' +
    'asks curl, Python, Go and the rest to open TLS to the proxy; a plain HTTP proxy answers in clear text and the ' +
    'download fails (Go: `proxyconnect tcp: tls: first record does not look like a TLS handshake`). HTTPS targets ' +
    'still go through an `http://` proxy, tunnelled with CONNECT.\n\nUse `http://` unless the proxy really speaks TLS ' +
    '(and then check your tools support it: Python needs urllib3 ≥ 1.26, BusyBox wget does not). Docker\'s own docs ' +
    'examples use `https://`, which is where this often comes from.',
  sources: [SRC.forLinuxIssueHttpsProxy, SRC.urllib3Changelog, SRC.goProxyFromEnvironment],
  examples: {
    bad: { kind: 'dockerfile', text: 'FROM alpine:3.20\nRUN https_proxy=https://proxy.example.com:3128 apk add --no-cache curl\n' },
    good: { kind: 'dockerfile', text: 'FROM alpine:3.20\nRUN https_proxy=http://proxy.example.com:3128 apk add --no-cache curl\n' },
  },
}, (doc) => {
  const findings: RuleFinding[] = [];
  for (const setting of doc.proxySettings) {
    const f = checkTlsToProxy(doc, setting);
    if (f) findings.push(f);
  }
  // `RUN https_proxy=https://… cmd`: the same check on the assignment written in the command.
  for (const { url } of runProxyUrls(doc)) {
    if (!url.variable || url.variable === 'no') continue;
    const range = doc.lines.range(url.start, url.end);
    const setting: ProxySetting = { variable: url.variable, name: url.variable, value: url.value, nameRange: range, valueRange: range, valueOffset: url.start, consumer: 'containers' };
    const f = checkTlsToProxy(doc, setting);
    if (f) findings.push(f);
  }
  return findings;
});
