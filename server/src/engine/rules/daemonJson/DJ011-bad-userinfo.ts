import type { ParsedDocument } from '../../document';
import type { Fix, ProxySetting, RuleFinding } from '../../findingTypes';
import { urlParts, percentEncodeUserinfo, userinfoProblems } from '../../proxy/proxyValueParts';
import { valueSubRange, valueFix, type UrlCheckOptions } from '../proxyValueEdits';
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

/**
 * User or password that breaks URL parsing: '#', '/', '?', whitespace, a '%' without two hex digits, characters Go
 * rejects, or (for containers only: curl splits at the FIRST '@', Go at the last) a raw '@'.
 */
export function checkBadUserinfo(doc: ParsedDocument, setting: ProxySetting, options?: UrlCheckOptions): RuleFinding | undefined {
  const p = urlParts(setting);
  if (!p?.userinfoRange) return undefined;
  const [s, e] = p.userinfoRange;
  const userinfo = setting.value.slice(s, e);
  const problems = userinfoProblems(userinfo);
  const atMatters = setting.consumer === 'containers';
  const reasons: string[] = [];
  if (problems.breaking) reasons.push('"#", "/", "?" or whitespace, which end the user:password part early');
  if (problems.badEscape) reasons.push('a "%" that is not followed by two hex digits');
  if (problems.invalidChar) reasons.push('characters that are not allowed unencoded');
  if (problems.rawAt && atMatters) reasons.push('a raw "@" (curl and wget split at the first "@", Go at the last)');
  if (reasons.length === 0) return undefined;
  const outcome = setting.consumer === 'daemon'
    ? 'Go cannot parse the URL and dockerd silently connects without the proxy'
    : 'the URL does not parse the same way (or at all) in curl, wget, Python and Go';
  const encoded = percentEncodeUserinfo(userinfo);
  const fixes: Fix[] = encoded === userinfo ? [] : [
    // Unambiguous only when the original has no '%': otherwise we cannot know which '%' the user meant literally.
    valueFix(doc, setting, 'Percent-encode the user name and password', setting.value.slice(0, s) + encoded + setting.value.slice(e), !userinfo.includes('%'), options),
  ];
  return {
    range: valueSubRange(doc, setting, s, e),
    message: `The proxy user name or password contains ${reasons.join('; ')}: ${outcome}. Percent-encode it (e.g. "@" → "%40", "#" → "%23").`,
    fixes,
  };
}
