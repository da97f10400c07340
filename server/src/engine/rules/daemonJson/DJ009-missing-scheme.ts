import type { ParsedDocument } from '../../document';
import type { ProxySetting, RuleFinding } from '../../findingTypes';
import { urlParts, SCHEME_NO_SLASHES_RE } from '../../proxy/proxyValueParts';
import { valueSubRange, valueFix, type UrlCheckOptions } from '../proxyValueEdits';
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

/** No `scheme://`: Go and curl assume http, Python's urllib3 refuses it. Prepending http:// changes nothing for Go. */
export function checkMissingScheme(doc: ParsedDocument, setting: ProxySetting, options?: UrlCheckOptions): RuleFinding | undefined {
  const p = urlParts(setting);
  if (!p || p.schemeRange) return undefined;
  const body = setting.value.slice(p.start, p.end);
  const malformed = SCHEME_NO_SLASHES_RE.exec(body);
  if (malformed) {
    return {
      range: valueSubRange(doc, setting, p.start, p.start + malformed[0].length),
      message: `"${malformed[1]}:" must be followed by "//": write "${malformed[1].toLowerCase()}://host:port".`,
      severity: 'error',
    };
  }
  const who = setting.consumer === 'daemon' ? 'dockerd (Go) assumes http://' : 'Go and curl assume http://, Python tools refuse it';
  return {
    range: valueSubRange(doc, setting, p.start, p.end),
    message: `The proxy URL has no scheme; ${who}. Write "http://" explicitly.`,
    fixes: [valueFix(doc, setting, 'Prepend "http://"', setting.value.slice(0, p.start) + 'http://' + setting.value.slice(p.start), true, options)],
  };
}
