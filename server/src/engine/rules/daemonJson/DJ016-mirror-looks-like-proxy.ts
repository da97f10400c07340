import type { Rule } from '../../rule';
import type { Fix, RuleFinding } from '../../findingTypes';
import { jsonTransformEdit } from '../jsonEdits';
import { parseProxyUrl } from '../../proxy/url';
import { mirrorEntries, proxiesProperty, splitMirror } from './daemonJsonShape';
import { MEASURED, SRC } from '../../sources';
import { lazyFix } from '../../fix';

const DEFAULT_PORT: Record<string, string> = { http: '80', https: '443', socks5: '1080', socks5h: '1080', '': '80' };

/** host:port of a URL, with the scheme's default port, lower-case. */
function endpoint(host: string, port: string | undefined, scheme: string): string {
  return `${host.toLowerCase().replace(/^\[|\]$/g, '')}:${port || DEFAULT_PORT[scheme] || ''}`;
}

export const mirrorLooksLikeProxy: Rule = {
  meta: {
    id: 'DJ016',
    name: 'mirror-looks-like-proxy',
    kinds: ['daemon-json'],
    defaultSeverity: 'warning',
    summary: 'A "registry-mirrors" entry points at the HTTP proxy; a mirror is a registry, not a forward proxy.',
    description:
      '`registry-mirrors` lists pull-through cache **registries** that dockerd asks for Docker Hub images before Docker ' +
      'Hub itself. A forward proxy (squid, a corporate proxy) is not a registry: listing it there proxies nothing, and ' +
      'every pull first fails against it, then falls back to Docker Hub directly.\n\nThe rule warns when a mirror has the ' +
      'same host and port as a configured proxy, and gives an information hint when a mirror uses port 3128, squid\'s ' +
      'default port (a guess; port 8080 is too common for real registries to tell anything). Proxy URLs go in `proxies`.',
    sources: [SRC.hubMirror, SRC.mobyRegistryHosts, SRC.daemonProxyConfig, MEASURED.dockerdAccepts],
    examples: {
      bad: {
        kind: 'daemon-json',
        text: '{\n  "proxies": {\n    "http-proxy": "http://proxy.example.com:3128",\n    "https-proxy": "http://proxy.example.com:3128"\n  },\n  "registry-mirrors": ["http://proxy.example.com:3128"]\n}\n',
      },
      good: {
        kind: 'daemon-json',
        text: '{\n  "proxies": {\n    "http-proxy": "http://proxy.example.com:3128",\n    "https-proxy": "http://proxy.example.com:3128"\n  },\n  "registry-mirrors": ["https://mirror.gcr.io"]\n}\n',
      },
    },
  },
  check(doc): RuleFinding[] {
    if (doc.kind !== 'daemon-json') return [];
    const proxies = new Set<string>();
    const present = new Set<string>();
    for (const s of doc.proxySettings) {
      if (s.variable !== 'http' && s.variable !== 'https') continue;
      present.add(s.name);
      const p = parseProxyUrl(s.value);
      if (p && p.host) proxies.add(endpoint(p.host, p.port, p.scheme));
    }
    const findings: RuleFinding[] = [];
    for (const entry of mirrorEntries(doc)) {
      const m = splitMirror(entry.value.trim());
      if (!m || !/^https?$/.test(m.scheme) || !m.host) continue;
      // Built only for entries that get a finding: the edit re-serialises the whole file.
      const remove = (): Fix => (lazyFix(
        'Remove this mirror',
        false,
        () => [jsonTransformEdit(doc.text, [{ path: ['registry-mirrors', entry.index], value: undefined }])],
      ));
      if (proxies.has(endpoint(m.host, m.port, m.scheme))) {
        findings.push({
          range: entry.range,
          message: 'This registry mirror is your HTTP proxy. A mirror must be a registry; the proxy is already used through "proxies". Remove the mirror.',
          fixes: [remove()],
        });
      } else if (m.port === '3128') {
        const fixes: Fix[] = [];
        const proxiesNode = proxiesProperty(doc)?.valueNode;
        if (present.size === 0 && (!proxiesNode || proxiesNode.type === 'object')) {
          const url = `http://${entry.value.trim().slice(m.authority[0], m.authority[1])}`;
          fixes.push(lazyFix(
            'Use it as the daemon proxy instead ("proxies")',
            false,
            () => [jsonTransformEdit(doc.text, [
              { path: ['proxies', 'http-proxy'], value: url },
              { path: ['proxies', 'https-proxy'], value: url },
              { path: ['registry-mirrors', entry.index], value: undefined },
            ])],
          ));
        }
        fixes.push(remove());
        findings.push({
          range: entry.range,
          severity: 'info',
          message: 'Port 3128 is the usual port of an HTTP proxy. If this is a proxy, it belongs in "proxies": a registry mirror is not a forward proxy.',
          fixes,
        });
      }
    }
    return findings;
  },
};
