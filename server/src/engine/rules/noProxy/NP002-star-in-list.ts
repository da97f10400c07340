import type { Rule } from '../../rule';
import type { RuleFinding } from '../../findingTypes';
import { ALL_KINDS, entryRange, fixOf, noProxyValues, removeFix } from './shared';
import { SRC } from '../../sources';

export const starInList: Rule = {
  meta: {
    id: 'NP002',
    name: 'star-in-list',
    kinds: ALL_KINDS,
    defaultSeverity: 'warning',
    summary: '`*` together with other NO_PROXY entries: Go then bypasses the proxy for every host, curl and Python ignore it.',
    description:
      'Go (dockerd, the docker CLI, buildkitd and Go programs in containers) stops reading NO_PROXY at a `*` entry and ' +
      'sends *every* request directly, so `localhost,*` switches the proxy off completely. curl and Python treat `*` as ' +
      'special only when it is the whole value; inside a list it is an ordinary name that matches nothing. The same ' +
      'value therefore means "no proxy at all" for one program and "proxy everything else" for the next.\n\n' +
      'Write `*` alone if no traffic should use the proxy, otherwise remove it.',
    sources: [SRC.xnetNoProxyParse, SRC.curlNoProxy, SRC.pythonProxies],
    examples: {
      bad: { kind: 'cli-config', text: '{\n  "proxies": {\n    "default": {\n      "httpsProxy": "http://proxy.example.com:3128",\n      "noProxy": "localhost,127.0.0.1,*"\n    }\n  }\n}\n' },
      good: { kind: 'cli-config', text: '{\n  "proxies": {\n    "default": {\n      "httpsProxy": "http://proxy.example.com:3128",\n      "noProxy": "localhost,127.0.0.1,::1"\n    }\n  }\n}\n' },
    },
  },
  check(doc): RuleFinding[] {
    const findings: RuleFinding[] = [];
    for (const v of noProxyValues(doc)) {
      if (v.entries.length < 2) continue;
      for (const entry of v.entries) {
        if (entry.kind !== 'star') continue;
        const message = v.setting.consumer === 'daemon'
          ? '`*` among other entries makes dockerd (Go) bypass the proxy for every host, so the proxy is off; remove `*`, or write `*` alone.'
          : '`*` among other entries: Go programs then bypass the proxy for every host, while curl, Python and wget ignore it; write `*` alone or remove it.';
        findings.push({
          range: entryRange(doc, v, entry),
          message,
          fixes: [
            ...removeFix(doc, v, entry, 'Remove `*` from NO_PROXY', false),
            ...fixOf(doc, v, 'Use `*` alone (no proxy for any host)', false, [{ start: 0, end: v.setting.value.length, text: '*' }]),
          ],
        });
      }
    }
    return findings;
  },
};
