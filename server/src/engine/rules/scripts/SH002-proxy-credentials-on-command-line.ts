import type { RuleFinding } from '../../findingTypes';
import { maskCredentials } from '../../proxy/url';
import { literalPassword } from '../dockerfile/textProxyUrls';
import { defineUnitRule } from '../buildx/driverOptRewrite';
import { SRC } from '../../sources';

export const proxyCredentialsOnCommandLine = defineUnitRule({
  id: 'SH002',
  name: 'proxy-credentials-on-command-line',
  kinds: ['shell', 'ci-workflow'],
  defaultSeverity: 'error',
  summary: 'A proxy password is written literally in a build argument, driver option or exported variable of a script or workflow.',
  description:
    '`--build-arg HTTP_PROXY=http://user:secret@proxy:3128` puts the password in the file, in CI logs that echo ' +
    'commands, in the process list of the machine (`ps`), and in the builder\'s build records and max-mode ' +
    'provenance. `--driver-opt env.https_proxy=…` with a password is stored in the builder container\'s ' +
    'configuration (`docker inspect`, `docker buildx inspect`).\n\n' +
    'Keep the password in a CI secret or a file outside the repository and refer to it: ' +
    '`--build-arg HTTPS_PROXY` (no value: buildx takes it from the environment), `"$HTTPS_PROXY"`, or ' +
    '`${{ secrets.PROXY_URL }}` in a workflow; for RUN steps that need the credentials, prefer a build secret.',
  sources: [SRC.cliProxyOnCommandLine, SRC.buildVariablesProxy, SRC.cliProxyNotEnv],
  examples: {
    bad: { kind: 'shell', text: '#!/bin/sh\ndocker build --build-arg HTTPS_PROXY=http://ci:S3cret@proxy.example.com:3128 -t app .\n' },
    good: { kind: 'shell', text: '#!/bin/sh\ndocker build --build-arg HTTPS_PROXY -t app .\n' },
  },
}, (doc) => {
  const findings: RuleFinding[] = [];
  for (const s of doc.proxySettings) {
    if (s.variable === 'no' || /[$`]/.test(s.value)) continue;
    const secret = literalPassword(s.value);
    if (!secret) continue;
    const range = s.valueOffset === undefined ? s.valueRange : doc.lines.range(s.valueOffset + secret[0], s.valueOffset + secret[1]);
    findings.push({
      range,
      message: `Proxy password written literally in ${s.name} ("${maskCredentials(s.value)}"): it lands in the file, CI logs and the process list; take it from a secret or the environment.`,
    });
  }
  return findings;
});
