import type { Rule } from '../../rule';
import type { Fix, RuleFinding } from '../../findingTypes';
import { effective, environmentLine, insertLinesAfter, isUnitDoc, lineOfWord, proxyAssignments, shellStyleProxyNames, writtenValue } from './unitProxyAssignments';
import { SRC } from '../../sources';
import { lazyFix } from '../../fix';

export const dropinHttpsProxyMissing: Rule = {
  meta: {
    id: 'SV011',
    name: 'dropin-https-proxy-missing',
    kinds: ['systemd-dropin'],
    defaultSeverity: 'warning',
    summary: 'The drop-in sets HTTP_PROXY but not HTTPS_PROXY: registries are https, so dockerd pulls without the proxy.',
    description:
      'Go chooses the proxy by the scheme of each request: `https://` requests use only `HTTPS_PROXY` and do not fall ' +
      'back to `HTTP_PROXY` (they did before Go 1.16). Every registry is reached over https, so a drop-in with only ' +
      '`HTTP_PROXY` makes `docker pull` connect directly.\n\n' +
      'Add `HTTPS_PROXY`, usually with the same `http://` URL: the scheme says how dockerd talks to the proxy, not what ' +
      'the proxy carries. Ignore this if daemon.json `proxies` sets `https-proxy` (it takes precedence over the drop-in).',
    sources: [SRC.xnetSchemeSelection, SRC.goIssueHttpsFallback, SRC.daemonProxySystemd],
    examples: {
      bad: { kind: 'systemd-dropin', text: '[Service]\nEnvironment="HTTP_PROXY=http://proxy.example.com:3128"\n' },
      good: { kind: 'systemd-dropin', text: '[Service]\nEnvironment="HTTP_PROXY=http://proxy.example.com:3128"\nEnvironment="HTTPS_PROXY=http://proxy.example.com:3128"\n' },
    },
  },
  check(doc): RuleFinding[] {
    if (!isUnitDoc(doc)) return [];
    const map = proxyAssignments(doc);
    const http = effective(map, 'http_proxy');
    // A shell-style HTTPS_PROXY=… line is SV012's finding; once rewritten, it is there.
    if (!http || effective(map, 'https_proxy') || shellStyleProxyNames(doc).has('https_proxy')) return [];
    const name = http.name === http.name.toLowerCase() ? 'https_proxy' : 'HTTPS_PROXY';
    const written = writtenValue(doc, http);
    const line = lineOfWord(doc, http);
    const fixes: Fix[] = written !== undefined && line
      ? [lazyFix(`Add ${name} with the same URL as ${http.name}`, false, () => [insertLinesAfter(doc, line, [environmentLine(name, written)])])]
      : [];
    return [{
      range: http.nameRange,
      message: `${http.name} is set but ${name} is not: registries are https and Go does not fall back, so dockerd pulls without the proxy. Add ${name} (usually the same http:// URL).`,
      fixes,
    }];
  },
};
