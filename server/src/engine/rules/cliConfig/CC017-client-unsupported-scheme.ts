import { checkUnsupportedScheme } from '../daemonJson/DJ007-unsupported-scheme';
import { clientUrlRule, defaultEntryExample } from './clientProxies';
import { SRC } from '../../sources';

const NO = 'localhost,127.0.0.1,::1';

export const clientUnsupportedScheme = clientUrlRule({
  id: 'CC017',
  name: 'client-unsupported-scheme',
  kinds: ['cli-config'],
  defaultSeverity: 'error',
  summary: 'A config.json proxy URL with a scheme that no common tool in containers can use (socks://, ftp://, pac...).',
  description:
    'Proxy URLs injected into containers are read by curl, wget, Python, Go and others. The widest set is curl\'s: ' +
    '`http`, `https`, `socks4`, `socks4a`, `socks5` and `socks5h`. Anything else (`socks://`, `ftp://`, a PAC file URL) ' +
    'fails everywhere: curl reports an unsupported proxy scheme, Go ignores the proxy or fails the request.\n\n' +
    'Even the accepted SOCKS schemes are narrower than they look: Go reads only `socks5`/`socks5h`, GNU and BusyBox ' +
    'wget have no SOCKS support, and Python needs PySocks. Use `http://` for an HTTP proxy and `socks5://` for SOCKS5.',
  sources: [SRC.goProxyFromEnvironment, SRC.curlProxy, SRC.pythonProxies],
  examples: {
    bad: { kind: 'cli-config', text: defaultEntryExample({ httpProxy: 'socks://proxy.example.com:1080', httpsProxy: 'http://proxy.example.com:3128', noProxy: NO }) },
    good: { kind: 'cli-config', text: defaultEntryExample({ httpProxy: 'socks5://proxy.example.com:1080', httpsProxy: 'http://proxy.example.com:3128', noProxy: NO }) },
  },
}, checkUnsupportedScheme);
