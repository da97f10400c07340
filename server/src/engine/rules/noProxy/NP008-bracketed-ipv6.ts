import type { Rule } from '../../rule';
import type { RuleFinding } from '../../findingTypes';
import { ALL_KINDS, entryRange, noProxyValues, replaceFix, show } from './shared';
import { SRC } from '../../sources';

export const bracketedIpv6: Rule = {
  meta: {
    id: 'NP008',
    name: 'bracketed-ipv6',
    kinds: ALL_KINDS,
    defaultSeverity: 'warning',
    summary: 'An IPv6 address in brackets without a port (`[::1]`) never matches in Go or curl.',
    description:
      'Go reads brackets only in the `[address]:port` form; a bare `[fd00::1]` is neither an address nor a ' +
      'host:port, and is kept as a name that no host has. curl compares it as an address and fails to parse it. ' +
      'Write the address without brackets (`fd00::1`), or with a port if only one port should go direct (Go only).',
    sources: [SRC.xnetNoProxyParse, SRC.curlNoProxy],
    examples: {
      bad: { kind: 'daemon-json', text: '{\n  "proxies": {\n    "https-proxy": "http://proxy.example.com:3128",\n    "no-proxy": "localhost,[fd00::10]"\n  }\n}\n' },
      good: { kind: 'daemon-json', text: '{\n  "proxies": {\n    "https-proxy": "http://proxy.example.com:3128",\n    "no-proxy": "localhost,fd00::10"\n  }\n}\n' },
    },
  },
  check(doc): RuleFinding[] {
    const findings: RuleFinding[] = [];
    for (const v of noProxyValues(doc)) {
      for (const entry of v.entries) {
        if (entry.kind !== 'bracketed-ipv6') continue;
        findings.push({
          range: entryRange(doc, v, entry),
          message: `${show(entry.text)} never matches in Go or curl: brackets are only read with a port; write \`${entry.host}\`.`,
          fixes: replaceFix(doc, v, entry, entry.host, `Replace ${show(entry.text)} with ${entry.host}`, true),
        });
      }
    }
    return findings;
  },
};
