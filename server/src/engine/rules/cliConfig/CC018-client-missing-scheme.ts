import { checkMissingScheme } from '../daemonJson/DJ009-missing-scheme';
import { clientUrlRule, defaultEntryExample } from './clientProxies';
import { SRC } from '../../sources';

const NO = 'localhost,127.0.0.1,::1';

export const clientMissingScheme = clientUrlRule({
  id: 'CC018',
  name: 'client-missing-scheme',
  kinds: ['cli-config'],
  defaultSeverity: 'warning',
  summary: 'A config.json proxy URL without "http://": Go and curl assume it, Python tools in containers refuse it.',
  description:
    'A proxy value such as `proxy.example.com:3128` works for Go programs and curl, which assume `http://`. Recent ' +
    'urllib3 (and so pip and requests) rejects it with `ProxySchemeUnknown`, so Python tools in your containers and ' +
    '`RUN` steps fail while everything else works. Writing `http://` changes nothing for the tools that already cope.\n\n' +
    'A scheme without `//` (`http:proxy:3128`) does not parse anywhere and is reported as an error.',
  sources: [SRC.xnetParseProxy, SRC.curlProxy, SRC.urllib3Changelog],
  examples: {
    bad: { kind: 'cli-config', text: defaultEntryExample({ httpProxy: 'proxy.example.com:3128', httpsProxy: 'http://proxy.example.com:3128', noProxy: NO }) },
    good: { kind: 'cli-config', text: defaultEntryExample({ httpProxy: 'http://proxy.example.com:3128', httpsProxy: 'http://proxy.example.com:3128', noProxy: NO }) },
  },
}, checkMissingScheme);
