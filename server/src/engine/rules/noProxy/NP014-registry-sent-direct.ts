import type { Rule } from '../../rule';
import type { RuleFinding } from '../../findingTypes';
import { entryRange, noProxyValues, removeFix } from './shared';
import { SRC } from '../../sources';

/** Docker Hub's own hosts (facts §5, §10 SV010 targets): a pull needs registry, auth and the blob CDN. */
const HUB_HOSTS = ['docker.io', 'registry-1.docker.io', 'index.docker.io', 'auth.docker.io', 'production.cloudflare.docker.com', 'docker.com'];

export const registrySentDirect: Rule = {
  meta: {
    id: 'NP014',
    name: 'registry-sent-direct',
    kinds: ['daemon-json', 'systemd-dropin'],
    defaultSeverity: 'warning',
    summary: "dockerd's NO_PROXY lists Docker Hub (`docker.io`, `registry-1.docker.io`, `auth.docker.io` …), the very registry the proxy is there for.",
    description:
      'dockerd needs its proxy for exactly one thing: reaching registries outside the network, Docker Hub first. An ' +
      'entry for `docker.io` (which also covers `registry-1.docker.io` and `auth.docker.io`), `registry-1.docker.io` or ' +
      '`auth.docker.io` in the daemon\'s NO_PROXY sends those requests direct, so behind a firewall pulls time out ' +
      'while the proxy sits unused, or half of a pull (token, manifest, blob) takes another path than the rest.\n\n' +
      'Remove the entry unless Docker Hub really is reachable without the proxy from this host.',
    sources: [SRC.daemonProxyConfig, SRC.xnetNoProxyGrammar],
    examples: {
      bad: { kind: 'daemon-json', text: '{\n  "proxies": {\n    "http-proxy": "http://proxy.example.com:3128",\n    "https-proxy": "http://proxy.example.com:3128",\n    "no-proxy": "localhost,127.0.0.1,registry-1.docker.io"\n  }\n}\n' },
      good: { kind: 'daemon-json', text: '{\n  "proxies": {\n    "http-proxy": "http://proxy.example.com:3128",\n    "https-proxy": "http://proxy.example.com:3128",\n    "no-proxy": "localhost,127.0.0.1,registry.corp.example.com"\n  }\n}\n' },
    },
  },
  check(doc): RuleFinding[] {
    const proxied = doc.proxySettings.some((s) => s.consumer === 'daemon' && (s.variable === 'http' || s.variable === 'https') && s.value.trim() !== '');
    if (!proxied) return [];
    const findings: RuleFinding[] = [];
    for (const v of noProxyValues(doc)) {
      if (v.setting.consumer !== 'daemon') continue;
      for (const entry of v.entries) {
        if ((entry.kind !== 'domain' && entry.kind !== 'leading-dot' && entry.kind !== 'star-dot') || !HUB_HOSTS.includes(entry.host.replace(/^\*?\./, ''))) continue;
        findings.push({
          range: entryRange(doc, v, entry),
          message: `\`${entry.text}\` in the daemon's NO_PROXY sends Docker Hub requests direct, though a proxy is set for exactly those; remove it unless Hub is reachable without the proxy.`,
          fixes: removeFix(doc, v, entry, `Remove ${entry.text} from NO_PROXY`, false),
        });
      }
    }
    return findings;
  },
};
