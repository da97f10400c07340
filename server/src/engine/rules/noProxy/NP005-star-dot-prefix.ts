import type { Rule } from '../../rule';
import type { Fix, RuleFinding } from '../../findingTypes';
import { ALL_KINDS, entryRange, noProxyValues, removeFix, replaceFix, show } from './shared';
import { SRC } from '../../sources';

export const starDotPrefix: Rule = {
  meta: {
    id: 'NP005',
    name: 'star-dot-prefix',
    kinds: ALL_KINDS,
    defaultSeverity: 'warning',
    summary: '`*.example.com` works only in Go; curl, Python and wget never match it.',
    description:
      'Go reads a leading `*.` exactly like a leading dot: `*.example.com` means "subdomains of example.com". No other ' +
      'common client does: curl, Python (urllib, requests) and wget compare the text literally and never match it.\n\n' +
      '- In a container or build setting (config.json `noProxy`, Dockerfile `ENV`/`ARG`), curl, wget or pip inside ' +
      'the container still go through the proxy for those hosts (warning). `example.com` covers the domain and its ' +
      'subdomains for every client.\n' +
      '- For dockerd (daemon.json, systemd drop-in) Go matches as intended, but dockerd also hands its NO_PROXY to ' +
      'the `git` processes BuildKit starts for git sources, and git (libcurl) ignores the entry (info). ' +
      '`.example.com` means the same to Go and also works for curl.',
    sources: [SRC.xnetNoProxyParse, SRC.curlNoProxy, SRC.pythonProxies],
    examples: {
      bad: { kind: 'cli-config', text: '{\n  "proxies": {\n    "default": {\n      "httpsProxy": "http://proxy.example.com:3128",\n      "noProxy": "localhost,127.0.0.1,*.corp.example.com"\n    }\n  }\n}\n' },
      good: { kind: 'cli-config', text: '{\n  "proxies": {\n    "default": {\n      "httpsProxy": "http://proxy.example.com:3128",\n      "noProxy": "localhost,127.0.0.1,corp.example.com"\n    }\n  }\n}\n' },
    },
  },
  check(doc): RuleFinding[] {
    const findings: RuleFinding[] = [];
    for (const v of noProxyValues(doc)) {
      const daemon = v.setting.consumer === 'daemon';
      for (const entry of v.entries) {
        if (entry.kind !== 'star-dot') continue;
        const dotted = entry.host.slice(1);
        const bare = entry.host.slice(2);
        const covered = v.entries.some((e) => (e.kind === 'domain' && e.host === bare) || (e.kind === 'leading-dot' && e.host === dotted));
        const wanted = daemon ? dotted : bare;
        const fixes: Fix[] = covered
          ? removeFix(doc, v, entry, `Remove ${show(entry.text)} (already covered)`, true)
          : replaceFix(doc, v, entry, wanted, `Replace ${show(entry.text)} with ${wanted}`, daemon);
        findings.push({
          range: entryRange(doc, v, entry),
          severity: daemon ? 'info' : undefined,
          message: daemon
            ? `${show(entry.text)} works for dockerd (Go reads it as \`${dotted}\`) but not for the git/curl fetches BuildKit runs with the same NO_PROXY; write \`${dotted}\`.`
            : `${show(entry.text)} never matches in curl, Python or wget (only Go understands \`*.\`); write \`${bare}\`, which covers the domain and its subdomains everywhere.`,
          fixes,
        });
      }
    }
    return findings;
  },
};
