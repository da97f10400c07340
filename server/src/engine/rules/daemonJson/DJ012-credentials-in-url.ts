import type { ParsedDocument } from '../../document';
import type { ProxySetting, RuleFinding } from '../../findingTypes';
import { urlParts } from '../../proxy/proxyValueParts';
import { valueSubRange } from '../proxyValueEdits';
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

/** Credentials in the URL are stored and passed around in plain text. Information only. */
export function checkCredentials(doc: ParsedDocument, setting: ProxySetting): RuleFinding | undefined {
  const p = urlParts(setting);
  if (!p?.userinfoRange) return undefined;
  const [s, e] = p.userinfoRange;
  if (s === e) return undefined;
  const where = setting.consumer === 'daemon'
    ? 'copied into dockerd\'s environment (masked only in `docker info`)'
    : 'injected into the environment of containers and builds, where `docker inspect` and build history show it';
  return {
    range: valueSubRange(doc, setting, s, e),
    message: `Proxy credentials are stored here in plain text and ${where}. Restrict who can read this file.`,
  };
}
