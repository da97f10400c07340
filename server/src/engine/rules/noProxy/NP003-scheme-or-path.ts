import type { Rule } from '../../rule';
import type { Consumer, Fix, RuleFinding } from '../../findingTypes';
import { parseIp } from '../../proxy/ipAddress';
import { classifyEntry } from '../../proxy/noProxyEntries';
import { ALL_KINDS, entryRange, noProxyValues, removeFix, replaceFix, show } from './shared';
import { SRC } from '../../sources';

/**
 * The host (and, for the daemon, the port) inside `scheme://user@host:port/path`, written as an entry that is
 * correct for the consumer; undefined when nothing usable is left.
 */
export function hostEntryOf(text: string, consumer: Consumer): string | undefined {
  let rest = text.replace(/^[A-Za-z][A-Za-z0-9+.-]*:\/\//, '');
  const end = rest.search(/[/?#]/);
  if (end >= 0) rest = rest.slice(0, end);
  rest = rest.slice(rest.lastIndexOf('@') + 1).toLowerCase();
  if (rest === '') return undefined;
  const c = classifyEntry(rest);
  switch (c.kind) {
    case 'domain':
    case 'ip':
      return rest;
    case 'leading-dot':
      // Go reads it as written; elsewhere a bare domain is the portable spelling.
      return consumer === 'daemon' ? rest : rest.slice(1);
    case 'star-dot':
      return consumer === 'daemon' ? rest.slice(1) : rest.slice(2);
    case 'ip-port':
    case 'host-port': {
      if (consumer === 'daemon') return rest;
      // curl and wget never match an entry with a port: keep the host only.
      const h = c.host.replace(/^\*\./, '').replace(/^\./, '');
      return h !== '' && (parseIp(h) || classifyEntry(h).kind === 'domain') ? h : undefined;
    }
    case 'bracketed-ipv6':
      return c.host;
    default:
      return undefined;
  }
}

export const schemeOrPath: Rule = {
  meta: {
    id: 'NP003',
    name: 'scheme-or-path',
    kinds: ALL_KINDS,
    defaultSeverity: 'error',
    summary: 'A NO_PROXY entry with a scheme or a path (`http://registry.local`, `registry.local/`) never matches.',
    description:
      'NO_PROXY entries are host names, IP addresses or CIDR ranges, never URLs. Go, curl, Python and wget compare ' +
      'the request host with the entry text, so `https://registry.example.com` or `registry.example.com/v2` is never ' +
      'equal to any host and the registry is still reached through the proxy. The same holds for a `/` that does not ' +
      'form a valid CIDR, such as `10.0.0.0/33`.\n\nKeep only the host name (or address) of the entry.',
    sources: [SRC.xnetNoProxyGrammar, SRC.xnetNoProxyParse, SRC.curlNoProxy],
    examples: {
      bad: { kind: 'daemon-json', text: '{\n  "proxies": {\n    "https-proxy": "http://proxy.example.com:3128",\n    "no-proxy": "localhost,https://registry.example.com/"\n  }\n}\n' },
      good: { kind: 'daemon-json', text: '{\n  "proxies": {\n    "https-proxy": "http://proxy.example.com:3128",\n    "no-proxy": "localhost,registry.example.com"\n  }\n}\n' },
    },
  },
  check(doc): RuleFinding[] {
    const findings: RuleFinding[] = [];
    for (const v of noProxyValues(doc)) {
      for (const entry of v.entries) {
        if (entry.kind !== 'scheme-or-path') continue;
        const badCidr = !entry.text.includes('://') && /^[0-9a-fA-F:.]+\/\d*$/.test(entry.text) && !!parseIp(entry.text.slice(0, entry.text.indexOf('/')));
        const fixes: Fix[] = [];
        let message: string;
        if (badCidr) {
          message = `${show(entry.text)} is not a valid CIDR (check the prefix length), so it never matches.`;
        } else {
          const host = hostEntryOf(entry.text, v.setting.consumer);
          message = `${show(entry.text)} never matches: NO_PROXY entries are hosts, not URLs${host ? `; write \`${host}\`` : ''}.`;
          if (host) fixes.push(...replaceFix(doc, v, entry, host, `Replace ${show(entry.text)} with ${host}`, true));
        }
        fixes.push(...removeFix(doc, v, entry, `Remove ${show(entry.text)}`, false));
        findings.push({ range: entryRange(doc, v, entry), message, fixes });
      }
    }
    return findings;
  },
};
