import { checkMissingPort } from '../daemonJson/DJ010-missing-port';
import { clientUrlRule, defaultEntryExample } from './clientProxies';
import { SRC } from '../../sources';

const NO = 'localhost,127.0.0.1,::1';

export const clientMissingPort = clientUrlRule({
  id: 'CC015',
  name: 'client-missing-port',
  kinds: ['cli-config'],
  defaultSeverity: 'warning',
  summary: 'A config.json proxy URL without a port: tools in containers disagree on which port to use.',
  description:
    'Without a port, Go programs use the scheme\'s default (80 for `http://`, 443 for `https://`, 1080 for ' +
    '`socks5://`) while curl uses 1080 for every proxy. The same injected value therefore reaches different ports ' +
    'depending on the tool in the container, and most proxies listen on neither (3128 and 8080 are common). Write the ' +
    'port explicitly; there is no automatic fix because only you know it.\n\nA port that is not a number from 1 to ' +
    '65535 is reported as an error: the URL does not parse.',
  sources: [SRC.curlProxy, SRC.goProxyFromEnvironment],
  examples: {
    bad: { kind: 'cli-config', text: defaultEntryExample({ httpProxy: 'http://proxy.example.com', httpsProxy: 'http://proxy.example.com:3128', noProxy: NO }) },
    good: { kind: 'cli-config', text: defaultEntryExample({ httpProxy: 'http://proxy.example.com:3128', httpsProxy: 'http://proxy.example.com:3128', noProxy: NO }) },
  },
}, checkMissingPort);
