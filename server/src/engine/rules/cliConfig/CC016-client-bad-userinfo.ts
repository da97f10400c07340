import { checkBadUserinfo } from '../daemonJson/DJ011-bad-userinfo';
import { clientUrlRule, defaultEntryExample } from './clientProxies';
import { SRC } from '../../sources';

const NO = 'localhost,127.0.0.1,::1';

export const clientBadUserinfo = clientUrlRule({
  id: 'CC016',
  name: 'client-bad-userinfo',
  kinds: ['cli-config'],
  defaultSeverity: 'error',
  summary: 'The user name or password in a config.json proxy URL has characters that break URL parsing in containers.',
  description:
    'Reserved characters in `user:password@` must be percent-encoded. `#`, `/`, `?` and spaces end the credentials ' +
    'early, a `%` must start a two-digit hex escape, and a raw `@` is split differently by different tools: Go takes ' +
    'the last `@`, curl and wget the first. Depending on the tool in the container the proxy then rejects the login ' +
    '(407), the URL does not parse at all, or the request goes out without the proxy.\n\n' +
    'Encode `@` as `%40`, `#` as `%23`, `/` as `%2F`, `%` as `%25`, `:` in the user name as `%3A`, `\\` as `%5C`. The quick ' +
    'fix does that; it is marked safe only when the value has no `%` yet (otherwise we cannot tell an escape from a ' +
    'literal). Remember that credentials in config.json reach every container (CC012).',
  sources: [SRC.goUrlUserinfo, SRC.xnetParseProxy],
  examples: {
    bad: { kind: 'cli-config', text: defaultEntryExample({ httpProxy: 'http://alice:pa#ss@proxy.example.com:3128', httpsProxy: 'http://proxy.example.com:3128', noProxy: NO }) },
    good: { kind: 'cli-config', text: defaultEntryExample({ httpProxy: 'http://alice:pa%23ss@proxy.example.com:3128', httpsProxy: 'http://proxy.example.com:3128', noProxy: NO }) },
  },
}, checkBadUserinfo);
