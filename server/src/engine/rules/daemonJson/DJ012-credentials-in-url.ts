import { checkCredentials } from '../../proxy/urlChecks';
import { daemonUrlRule, proxiesExample } from './daemonJsonShape';
import { SRC } from '../../sources';

export const credentialsInUrl = daemonUrlRule({
  id: 'DJ012',
  name: 'credentials-in-url',
  kinds: ['daemon-json', 'systemd-dropin'],
  defaultSeverity: 'info',
  summary: 'The proxy URL carries a user name and password in plain text.',
  description:
    'dockerd needs credentials in the URL to authenticate to the proxy, and there is no other place to put them. ' +
    'Know where they go: the file itself, dockerd\'s process environment (readable by root via /proc), and every Go ' +
    'tool dockerd starts. `docker info` and dockerd\'s logs mask them, little else does.\n\nKeep the file readable by ' +
    'root only (`chmod 600`), prefer a proxy account with no other rights, and on Docker Desktop let Desktop prompt ' +
    'for proxy authentication instead.',
  sources: [SRC.mobyConfigureProxyEnv, SRC.mobyMaskCredentials, SRC.mobyInfo],
  examples: {
    bad: { kind: 'daemon-json', text: proxiesExample('http://alice:secret@proxy.example.com:3128', 'http://alice:secret@proxy.example.com:3128') },
    good: { kind: 'daemon-json', text: proxiesExample('http://proxy.example.com:3128', 'http://proxy.example.com:3128') },
  },
}, checkCredentials);
