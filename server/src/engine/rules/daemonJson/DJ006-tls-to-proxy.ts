import { checkTlsToProxy } from '../../proxy/urlChecks';
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
