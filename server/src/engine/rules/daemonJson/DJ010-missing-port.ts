import type { ParsedDocument } from '../../document';
import type { ProxySetting, RuleFinding } from '../../findingTypes';
import { urlParts, readerOf, isValidPort } from '../../proxy/proxyValueParts';
import { valueSubRange } from '../proxyValueEdits';
import { daemonUrlRule, proxiesExample } from './daemonJsonShape';
import { MEASURED, SRC } from '../../sources';

export const missingPort = daemonUrlRule({
  id: 'DJ010',
  name: 'missing-port',
  kinds: ['daemon-json', 'systemd-dropin'],
  defaultSeverity: 'warning',
  summary: 'A proxy URL without a port: dockerd connects to 80 (443 for https, 1080 for socks5).',
  description:
    'Without an explicit port, Go uses the scheme\'s default: 80 for `http://`, 443 for `https://`, 1080 for ' +
    '`socks5://`. curl, on the other hand, uses 1080 for any proxy without a port. Most proxies listen on 3128 or 8080, ' +
    'so a missing port usually means pulls time out. Add the port your proxy listens on (there is no automatic fix: ' +
    'we cannot know it). If your proxy really listens on 80, writing `:80` documents it.\n\nA port that is not a number ' +
    'from 1 to 65535 is reported as an error: the URL then does not parse and dockerd has no usable proxy.',
  sources: [SRC.goProxyFromEnvironment, SRC.curlProxy, MEASURED.dockerdAccepts],
  examples: {
    bad: { kind: 'daemon-json', text: proxiesExample('http://proxy.example.com', 'http://proxy.example.com') },
    good: { kind: 'daemon-json', text: proxiesExample('http://proxy.example.com:3128', 'http://proxy.example.com:3128') },
  },
}, checkMissingPort);

/** No port (Go then uses 80/443/1080, curl 1080), or a port that is not a number from 1 to 65535. */
export function checkMissingPort(doc: ParsedDocument, setting: ProxySetting): RuleFinding | undefined {
  const p = urlParts(setting);
  if (!p || p.host === '' || p.host.includes('%')) return undefined;
  if (p.port !== undefined && p.port !== '') {
    if (isValidPort(p.port)) return undefined;
    const [s, e] = p.portRange!;
    return {
      range: valueSubRange(doc, setting, s, e),
      message: `The proxy port is not a number from 1 to 65535, so the URL does not parse and ${readerOf(setting.consumer)} ends up without a usable proxy.`,
      severity: 'error',
    };
  }
  const [s, e] = p.hostPortRange;
  const defaults = setting.consumer === 'daemon'
    ? 'dockerd then connects to port 80 (443 for https://, 1080 for socks5://)'
    : 'Go then uses port 80 (443 for https://, 1080 for socks5://) while curl uses 1080';
  return {
    range: valueSubRange(doc, setting, s, e),
    message: `The proxy URL has no port; ${defaults}. Proxies usually listen on 3128 or 8080: add the port.`,
  };
}
