import type { ParsedDocument } from '../../document';
import type { ProxySetting, RuleFinding } from '../../findingTypes';
import { urlParts, readerOf } from '../../proxy/proxyValueParts';
import { valueSubRange, valueFix, type UrlCheckOptions } from '../proxyValueEdits';
import { daemonUrlRule, proxiesExample } from './daemonJsonShape';
import { MEASURED, SRC } from '../../sources';

export const tlsToProxy = daemonUrlRule({
  id: 'DJ006',
  name: 'tls-to-proxy',
  kinds: ['daemon-json', 'systemd-dropin'],
  defaultSeverity: 'warning',
  summary: 'An "https://" proxy URL makes dockerd speak TLS to the proxy, which most proxies do not.',
  description:
    'The scheme of a proxy URL says how dockerd talks **to the proxy**, not what the proxy carries. `https://proxy:3128` ' +
    'means "open a TLS connection to the proxy"; a plain HTTP proxy (squid, tinyproxy, most corporate proxies) answers ' +
    'in clear text and every pull fails with `proxyconnect tcp: tls: first record does not look like a TLS handshake` ' +
    '(older Go: `tls: oversized record received`).\n\nHTTPS registry traffic still goes through an `http://` proxy, ' +
    'tunnelled with CONNECT, so `"https-proxy": "http://proxy:3128"` is the usual correct value. Keep `https://` only if ' +
    'your proxy really terminates TLS on that port. Docker\'s own docs show `https://` examples, which is where this often comes from.',
  sources: [SRC.forLinuxIssueHttpsProxy, SRC.goProxyFromEnvironment, MEASURED.dockerdAccepts],
  examples: {
    bad: { kind: 'daemon-json', text: proxiesExample('http://proxy.example.com:3128', 'https://proxy.example.com:3128') },
    good: { kind: 'daemon-json', text: proxiesExample('http://proxy.example.com:3128', 'http://proxy.example.com:3128') },
  },
}, checkTlsToProxy);

/** `https://proxy` means TLS to the proxy itself; most corporate proxies speak plain HTTP on their port. */
export function checkTlsToProxy(doc: ParsedDocument, setting: ProxySetting, options?: UrlCheckOptions): RuleFinding | undefined {
  const p = urlParts(setting);
  if (!p || p.scheme !== 'https' || !p.schemeRange) return undefined;
  const [s, e] = p.schemeRange;
  return {
    range: valueSubRange(doc, setting, s, e),
    message:
      `"https://" makes ${readerOf(setting.consumer)} talk TLS to the proxy itself; a plain HTTP proxy then fails with ` +
      '"first record does not look like a TLS handshake". Use "http://" unless the proxy really speaks TLS.',
    fixes: [valueFix(doc, setting, 'Use "http://" for the proxy', setting.value.slice(0, s) + 'http' + setting.value.slice(e), false, options)],
  };
}
