import type { ParsedDocument } from '../../document';
import type { ProxySetting, RuleFinding } from '../../findingTypes';
import { urlParts, readerOf, SUPPORTED_SCHEMES } from '../../proxy/proxyValueParts';
import { valueSubRange, valueFix, type UrlCheckOptions } from '../proxyValueEdits';
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

/** A scheme the consumer cannot use (socks4 for Go, ftp, socks, pac...). Empty scheme is fine (http is assumed). */
export function checkUnsupportedScheme(doc: ParsedDocument, setting: ProxySetting, options?: UrlCheckOptions): RuleFinding | undefined {
  const p = urlParts(setting);
  if (!p || !p.schemeRange || SUPPORTED_SCHEMES[setting.consumer].includes(p.scheme)) return undefined;
  const [s, e] = p.schemeRange;
  const socks = p.scheme.startsWith('socks');
  const replacement = socks ? 'socks5' : 'http';
  const supported = SUPPORTED_SCHEMES[setting.consumer].join(', ');
  return {
    range: valueSubRange(doc, setting, s, e),
    message:
      `${readerOf(setting.consumer)} cannot use a "${p.scheme}://" proxy (supported: ${supported}); requests through it fail. ` +
      (socks ? 'Use "socks5://" if the proxy speaks SOCKS5.' : 'Use "http://" for an HTTP proxy.'),
    fixes: [valueFix(doc, setting, `Use "${replacement}://"`, setting.value.slice(0, s) + replacement + setting.value.slice(e), false, options)],
  };
}
