import type { Rule } from '../../rule';
import type { Range, RuleFinding } from '../../findingTypes';
import { splitProxyValue } from '../../proxy/proxyValueParts';
import { maskPlaceholders } from '../../proxy/placeholder';
import { readClientProxies, URL_FIELDS, valueRangeOf } from './clientProxies';
import { SRC } from '../../sources';

export const credentialsInClientProxies: Rule = {
  meta: {
    id: 'CC012',
    name: 'credentials-in-client-proxies',
    kinds: ['cli-config'],
    defaultSeverity: 'warning',
    summary: 'A proxy URL with user:password in config.json is copied into the environment of every new container and build.',
    description:
      'The CLI injects config.json proxy values as environment variables of each container it creates and as build ' +
      'args. A `http://user:password@proxy:3128` value therefore ends up in plain text in every container\'s ' +
      'configuration: anyone with access to the Docker API sees it in `docker inspect`, and `docker commit` keeps it ' +
      'in the image.\n\n' +
      'Prefer a local authenticating proxy (cntlm, px) that holds the credentials and listens on an address the ' +
      'containers can reach, or pass credentials only to the runs that need them (`-e`, build secrets).',
    sources: [SRC.cliProxyConfig, SRC.cliProxyRun],
    examples: {
      bad: { kind: 'cli-config', text: '{\n  "proxies": {\n    "default": {\n      "httpProxy": "http://alice:s3cret@proxy.example.com:3128",\n      "httpsProxy": "http://alice:s3cret@proxy.example.com:3128",\n      "noProxy": "localhost,127.0.0.1,::1"\n    }\n  }\n}\n' },
      good: { kind: 'cli-config', text: '{\n  "proxies": {\n    "default": {\n      "httpProxy": "http://proxy.example.com:3128",\n      "httpsProxy": "http://proxy.example.com:3128",\n      "noProxy": "localhost,127.0.0.1,::1"\n    }\n  }\n}\n' },
    },
  },
  check(doc): RuleFinding[] {
    const p = readClientProxies(doc);
    if (!p) return [];
    const findings: RuleFinding[] = [];
    for (const f of p.entries.flatMap((e) => e.fields)) {
      if (!URL_FIELDS.includes(f.field) || f.value === undefined) continue;
      // Userinfo up to the last '@', as meant: a password that breaks URL parsing (CC016) is still a password.
      const parts = splitProxyValue(maskPlaceholders(f.value)); // a placeholder's own '@' is no userinfo
      if (!parts?.userinfoRange || parts.userinfoRange[0] === parts.userinfoRange[1]) continue;
      const range: Range = valueRangeOf(doc, f);
      findings.push({
        range,
        message: `The ${f.field} URL holds credentials: the CLI copies them into every new container's environment (visible in docker inspect, kept by docker commit).`,
      });
    }
    return findings;
  },
};
