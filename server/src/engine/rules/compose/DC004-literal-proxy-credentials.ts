import type { RuleFinding } from '../../findingTypes';
import { maskCredentials } from '../../proxy/url';
import { literalPassword } from '../dockerfile/textProxyUrls';
import { defineComposeRule, eachProxyVar } from './composeProxyVars';
import { SRC } from '../../sources';

export const composeLiteralCredentials = defineComposeRule({
  id: 'DC004',
  name: 'compose-literal-proxy-credentials',
  kinds: ['compose'],
  defaultSeverity: 'error',
  summary: 'A proxy URL with a literal `user:password@` is written in the Compose file.',
  description:
    'A Compose file is usually committed and shared, so a password written in it is published with the repository. ' +
    'It also ends up in places that are easy to read: `environment:` values in the container configuration ' +
    '(`docker inspect`), build args in the build history records and max-mode provenance.\n\n' +
    'Take the value from the environment or an `.env` file that is not committed (`HTTPS_PROXY: ${HTTPS_PROXY}`), ' +
    'or use a build secret for the build.',
  sources: [SRC.cliProxyConfig, SRC.composeEnvironment, SRC.buildVariablesProxy],
  examples: {
    bad: { kind: 'compose', text: 'services:\n  app:\n    image: example/app:1\n    environment:\n      HTTPS_PROXY: http://builder:S3cret@proxy.example.com:3128\n      NO_PROXY: localhost,127.0.0.1\n' },
    good: { kind: 'compose', text: 'services:\n  app:\n    image: example/app:1\n    environment:\n      HTTPS_PROXY: ${HTTPS_PROXY}\n      NO_PROXY: localhost,127.0.0.1\n' },
  },
}, (doc) => {
  const findings: RuleFinding[] = [];
  eachProxyVar(doc, (_service, v, section) => {
    if (v.variable === 'no' || v.value === undefined || v.dynamic || !v.mapped) return;
    const secret = literalPassword(v.value);
    if (!secret) return;
    const s = v.mapped.offsets[secret[0]];
    const e = v.mapped.offsets[secret[1] - 1] + 1;
    findings.push({
      range: doc.lines.range(s, e),
      message: `Proxy password written in ${section} ${v.name} ("${maskCredentials(v.value)}"); take it from the environment (\${${v.name}}) or a build secret.`,
    });
  });
  return findings;
});
