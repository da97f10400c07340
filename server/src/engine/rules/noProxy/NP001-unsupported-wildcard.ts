import type { Rule } from '../../rule';
import type { Fix, RuleFinding } from '../../findingTypes';
import { ALL_KINDS, entryRange, noProxyValues, removeFix, replaceFix, show } from './shared';
import { SRC } from '../../sources';

/** `172.17.*`, `10.*.*.*`, `192.168.1.*` -> the CIDR the author meant; undefined for anything else. */
export function cidrForIpWildcard(text: string): string | undefined {
  const parts = text.split('.');
  const firstStar = parts.indexOf('*');
  if (firstStar < 1 || parts.length > 4) return undefined;
  const octets = parts.slice(0, firstStar);
  if (!parts.slice(firstStar).every((p) => p === '*')) return undefined;
  if (!octets.every((o) => /^\d{1,3}$/.test(o) && Number(o) <= 255 && (o.length === 1 || o[0] !== '0'))) return undefined;
  const address = [...octets, '0', '0', '0'].slice(0, 4).join('.');
  return `${address}/${octets.length * 8}`;
}

/** `*corp.example.com` -> `corp.example.com` (a leading star glued to a dotted name). */
function domainForLeadingStar(text: string): string | undefined {
  const m = /^\*([a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)+)$/.exec(text.toLowerCase());
  return m ? m[1] : undefined;
}

export const unsupportedWildcard: Rule = {
  meta: {
    id: 'NP001',
    name: 'unsupported-wildcard',
    kinds: ALL_KINDS,
    defaultSeverity: 'error',
    summary: 'A NO_PROXY entry with a `*` inside it (`172.17.*`, `*corp.com`, `corp.*`) never matches any host.',
    description:
      'NO_PROXY is not a glob list. Go (dockerd, the docker CLI, buildkitd), curl, Python and wget all compare entries ' +
      'as literal domain suffixes or IP addresses; the only star any of them understands is a value that is exactly ' +
      '`*` (and, in Go only, a leading `*.`). An entry such as `172.17.*` or `*corp.com` is kept as a literal text ' +
      'that no host name ends with, so the traffic it was meant to exempt still goes to the proxy.\n\n' +
      'For address ranges write a CIDR (`172.17.0.0/16`), which Go, curl 7.86+ and requests match against IP ' +
      'literals. For names write the bare domain (`corp.com`): it already covers every subdomain.',
    sources: [SRC.xnetNoProxyParse, SRC.curlNoProxy, SRC.mobyIssueWildcards],
    examples: {
      bad: { kind: 'daemon-json', text: '{\n  "proxies": {\n    "https-proxy": "http://proxy.example.com:3128",\n    "no-proxy": "localhost,172.17.*"\n  }\n}\n' },
      good: { kind: 'daemon-json', text: '{\n  "proxies": {\n    "https-proxy": "http://proxy.example.com:3128",\n    "no-proxy": "localhost,172.17.0.0/16"\n  }\n}\n' },
    },
  },
  check(doc): RuleFinding[] {
    const findings: RuleFinding[] = [];
    for (const v of noProxyValues(doc)) {
      for (const entry of v.entries) {
        if (entry.kind !== 'wildcard') continue;
        const cidr = cidrForIpWildcard(entry.text);
        const domain = cidr ? undefined : domainForLeadingStar(entry.text);
        const fixes: Fix[] = [];
        let advice: string;
        if (cidr) {
          advice = `use the CIDR \`${cidr}\``;
          fixes.push(...replaceFix(doc, v, entry, cidr, `Replace ${show(entry.text)} with ${cidr}`, true));
        } else if (domain) {
          advice = `a bare domain such as \`${domain}\` already covers its subdomains`;
          fixes.push(...replaceFix(doc, v, entry, domain, `Replace ${show(entry.text)} with ${domain}`, false));
        } else {
          advice = 'use a bare domain (it covers its subdomains) or a CIDR for addresses';
        }
        fixes.push(...removeFix(doc, v, entry, `Remove ${show(entry.text)}`, false));
        findings.push({
          range: entryRange(doc, v, entry),
          message: `${show(entry.text)} never matches: NO_PROXY has no wildcards (only a value of exactly \`*\`); ${advice}.`,
          fixes,
        });
      }
    }
    return findings;
  },
};
