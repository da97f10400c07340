import { checkMissingScheme } from '../../proxy/urlChecks';
import { daemonUrlRule, proxiesExample } from './daemonJsonShape';
import { MEASURED, SRC } from '../../sources';

export const missingScheme = daemonUrlRule({
  id: 'DJ009',
  name: 'missing-scheme',
  kinds: ['daemon-json', 'systemd-dropin'],
  defaultSeverity: 'info',
  summary: 'A proxy URL without "http://": dockerd assumes http, other tools may not.',
  description:
    'When a proxy value has no scheme (`proxy.example.com:3128`), Go retries the parse with `http://` in front, so ' +
    'dockerd works. Other readers of the same value are less forgiving: Python\'s urllib3 refuses it, and copies of the ' +
    'value end up in shells, containers and CI. Writing `http://` explicitly costs nothing and means the same to dockerd, ' +
    'so the quick fix is safe to apply automatically.\n\nA value like `http:proxy:3128` (scheme without `//`) is reported ' +
    'as an error: it does not parse as intended anywhere.',
  sources: [SRC.xnetParseProxy, SRC.goProxyFromEnvironment, MEASURED.dockerdAccepts],
  examples: {
    bad: { kind: 'daemon-json', text: proxiesExample('proxy.example.com:3128', 'http://proxy.example.com:3128') },
    good: { kind: 'daemon-json', text: proxiesExample('http://proxy.example.com:3128', 'http://proxy.example.com:3128') },
  },
}, checkMissingScheme);
