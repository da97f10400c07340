import { checkTlsToProxy } from '../daemonJson/DJ006-tls-to-proxy';
import { clientUrlRule, defaultEntryExample } from './clientProxies';
import { SRC } from '../../sources';

const NO = 'localhost,127.0.0.1,::1';

export const clientTlsToProxy = clientUrlRule({
  id: 'CC009',
  name: 'client-tls-to-proxy',
  kinds: ['cli-config'],
  defaultSeverity: 'warning',
  summary: 'An "https://" proxy URL in config.json makes every program in your containers speak TLS to the proxy.',
  description:
    'The scheme of a proxy URL describes the connection **to the proxy**. `https://proxy:3128` asks curl, Python, Go ' +
    'and the rest to open TLS to the proxy; a plain HTTP proxy answers in clear text and the request fails (Go: ' +
    '`proxyconnect tcp: tls: first record does not look like a TLS handshake`). HTTPS targets still go through an ' +
    '`http://` proxy, tunnelled with CONNECT, so `"httpsProxy": "http://proxy:3128"` is the usual value.\n\n' +
    'Keep `https://` only for a proxy that really terminates TLS, and only if the tools in your images support it ' +
    '(Python needs urllib3 ≥ 1.26; BusyBox wget does not). Docker\'s docs examples use `https://`, which is where this ' +
    'often comes from.',
  sources: [SRC.forLinuxIssueHttpsProxy, SRC.urllib3Changelog, SRC.cliProxyRun],
  examples: {
    bad: { kind: 'cli-config', text: defaultEntryExample({ httpProxy: 'http://proxy.example.com:3128', httpsProxy: 'https://proxy.example.com:3128', noProxy: NO }) },
    good: { kind: 'cli-config', text: defaultEntryExample({ httpProxy: 'http://proxy.example.com:3128', httpsProxy: 'http://proxy.example.com:3128', noProxy: NO }) },
  },
}, checkTlsToProxy);
