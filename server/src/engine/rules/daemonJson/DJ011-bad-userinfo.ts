import { checkBadUserinfo } from '../../proxy/urlChecks';
import { daemonUrlRule, proxiesExample } from './daemonJsonShape';
import { MEASURED, SRC } from '../../sources';

export const badUserinfo = daemonUrlRule({
  id: 'DJ011',
  name: 'bad-userinfo',
  kinds: ['daemon-json', 'systemd-dropin'],
  defaultSeverity: 'error',
  summary: 'The proxy user name or password has characters that break the URL; dockerd then silently goes direct.',
  description:
    'Credentials in a proxy URL must be percent-encoded. `#` starts a fragment, `/` and `?` end the host part, ' +
    'whitespace is not allowed, and a `%` must be followed by two hex digits. Go cannot parse such a URL; it ignores ' +
    'the error and dockerd connects **without** the proxy, which behind a firewall looks like a network outage.\n\n' +
    'Encode the reserved characters: `@` → `%40`, `#` → `%23`, `/` → `%2F`, `?` → `%3F`, `%` → `%25`, space → `%20`, ' +
    '`\\` (as in `DOMAIN\\user`) → `%5C`. The quick fix does this; it is applied automatically only when the original ' +
    'contains no `%` (otherwise we cannot tell which `%` was meant literally).\n\nA raw `@` in the password is accepted ' +
    'by Go, which splits at the last `@`, so dockerd gets it right; curl and wget do not, which is why the same check ' +
    'reports it for config.json and Dockerfiles.',
  sources: [SRC.goUrlUserinfo, SRC.xnetParseProxy, SRC.daemonProxySystemd, MEASURED.dockerdAccepts],
  examples: {
    bad: { kind: 'daemon-json', text: proxiesExample('http://alice:s3cr#t@proxy.example.com:3128', 'http://alice:s3cr%23t@proxy.example.com:3128') },
    good: { kind: 'daemon-json', text: proxiesExample('http://alice:s3cr%23t@proxy.example.com:3128', 'http://alice:s3cr%23t@proxy.example.com:3128') },
  },
}, checkBadUserinfo);
