import type { ParsedDocument } from '../../document';
import type { ProxySetting, RuleFinding } from '../../findingTypes';
import { splitProxyValue, isUrlSetting, hostParses } from '../../proxy/proxyValueParts';
import { valueSubRange } from '../proxyValueEdits';
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

/** A value that is no URL at all ("not a url", "http://", "http:// proxy:3128"): Go drops it and connects directly. */
export function checkNotAUrl(doc: ParsedDocument, setting: ProxySetting): RuleFinding | undefined {
  if (!isUrlSetting(setting)) return undefined;
  const p = splitProxyValue(setting.value);
  if (!p || hostParses(p)) return undefined;
  const outcome = setting.consumer === 'daemon'
    ? 'Go cannot parse it, so dockerd ignores it and connects directly'
    : 'programs in containers cannot parse it and connect directly or fail';
  return {
    range: valueSubRange(doc, setting, p.start, p.end),
    message: `This is not a proxy URL (${p.host === '' ? 'no host' : 'the host part contains spaces or invalid characters'}): ${outcome}. Write "http://host:port".`,
  };
}
