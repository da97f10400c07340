import { checkUnsupportedScheme } from '../../proxy/urlChecks';
import { daemonUrlRule, proxiesExample } from './daemonJsonShape';
import { MEASURED, SRC } from '../../sources';

export const unsupportedScheme = daemonUrlRule({
  id: 'DJ007',
  name: 'unsupported-scheme',
  kinds: ['daemon-json', 'systemd-dropin'],
  defaultSeverity: 'error',
  summary: 'dockerd (Go) only supports http, https, socks5 and socks5h proxy URLs.',
  description:
    'Go\'s HTTP transport, which dockerd uses for pulls and pushes, knows four proxy schemes: `http`, `https`, ' +
    '`socks5` and `socks5h`. Anything else (`socks4://`, `socks4a://`, `socks://`, `ftp://`, a PAC file URL) is not a ' +
    'proxy dockerd can use, and requests through it fail. dockerd does not check proxy values at startup, so this only ' +
    'shows up at pull time.\n\nFor a SOCKS proxy use `socks5://host:port`; for an HTTP proxy use `http://host:port`.',
  sources: [SRC.goProxyFromEnvironment, SRC.xnetFromEnvironment, MEASURED.dockerdAccepts],
  examples: {
    bad: { kind: 'daemon-json', text: proxiesExample('socks4://proxy.example.com:1080', 'socks5://proxy.example.com:1080') },
    good: { kind: 'daemon-json', text: proxiesExample('socks5://proxy.example.com:1080', 'socks5://proxy.example.com:1080') },
  },
}, checkUnsupportedScheme);
