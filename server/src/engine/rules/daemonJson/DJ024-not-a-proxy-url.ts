import { checkNotAUrl } from '../../proxy/urlChecks';
import { daemonUrlRule, proxiesExample } from './daemonJsonShape';
import { MEASURED, SRC } from '../../sources';

export const notAProxyUrl = daemonUrlRule({
  id: 'DJ024',
  name: 'not-a-proxy-url',
  kinds: ['daemon-json', 'systemd-dropin'],
  defaultSeverity: 'error',
  summary: 'The proxy value is not a URL at all; dockerd silently connects without a proxy.',
  description:
    'dockerd does not check proxy values when it starts: `"https-proxy": "not a url"` passes `dockerd --validate` and ' +
    '`docker info` even shows it. At request time Go fails to parse the value (no host, or a host with spaces or ' +
    'characters no host name can have), ignores the error and connects **directly**, which behind a firewall ends in ' +
    'timeouts that look like network trouble. Write `http://host:port`.',
  sources: [SRC.mobyMaskCredentials, SRC.xnetParseProxy, MEASURED.dockerdValidate],
  examples: {
    bad: { kind: 'daemon-json', text: proxiesExample('http://proxy.example.com:3128', 'http:// proxy.example.com:3128') },
    good: { kind: 'daemon-json', text: proxiesExample('http://proxy.example.com:3128', 'http://proxy.example.com:3128') },
  },
}, checkNotAUrl);
