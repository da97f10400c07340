import type { RuleFinding } from '../../findingTypes';
import { maskCredentials } from '../../proxy/url';
import { defineRule, dfModel } from './dockerfileModel';
import { argumentsText, instructionProxyUrls, keywordOf } from './instructionText';
import { literalPassword } from './textProxyUrls';
import { SRC } from '../../sources';

export const literalProxyCredentials = defineRule({
  id: 'DF004',
  name: 'literal-proxy-credentials',
  kinds: ['dockerfile'],
  defaultSeverity: 'error',
  summary: 'A proxy URL with a literal `user:password@` in a RUN, LABEL, ENV or ARG ends up in the image history.',
  description:
    'The text of every `RUN`, `LABEL`, `ENV` and `ARG` instruction is kept in the image (`docker history`, ' +
    '`docker inspect`) and in the build cache, so `RUN https_proxy=http://user:secret@proxy:3128 apt-get update` or ' +
    '`curl -x http://user:secret@proxy:3128 …` publishes the password with the image. BuildKit\'s ' +
    '`SecretsUsedInArgOrEnv` check looks at variable names only and does not catch it.\n\n' +
    'Pass the proxy as a predefined build argument (`--build-arg https_proxy=…`, left out of `docker history`) or ' +
    'read the credentials from a build secret (`RUN --mount=type=secret,id=proxy …`). Note that build arguments are ' +
    'still kept in max-mode provenance and the builder\'s build records.\n\n' +
    'Passwords in `ENV`/`ARG` proxy variables of a stage are reported by DF001/DF003 (as errors) rather than here.',
  sources: [SRC.cliProxyNotEnv, SRC.buildChecksSecrets, SRC.dockerfileEnv],
  examples: {
    bad: { kind: 'dockerfile', text: 'FROM debian:bookworm\nRUN https_proxy=http://build:S3cret@proxy.example.com:3128 apt-get update\n' },
    good: { kind: 'dockerfile', text: 'FROM debian:bookworm\nRUN --mount=type=secret,id=proxy https_proxy="$(cat /run/secrets/proxy)" apt-get update\n' },
  },
}, (doc) => {
  const model = dfModel(doc);
  // Spans DF001 and DF003 already report (with error severity when a password is present).
  const covered = model.proxies
    .filter((a) => a.stage >= 0 && a.variable !== 'no' && a.value !== undefined && a.value !== '')
    .map((a) => [a.start, a.end] as const);
  const findings: RuleFinding[] = [];
  const instructions = [...model.preamble, ...model.stages.flatMap((s) => [s.from, ...s.instructions])];
  const preamble = new Set(model.preamble);
  for (const instruction of instructions) {
    if (!argumentsText(doc, instruction).text.includes('@')) continue;
    for (const url of instructionProxyUrls(doc, instruction)) {
      if (covered.some(([s, e]) => url.start >= s && url.start < e)) continue;
      const secret = literalPassword(url.value);
      if (!secret) continue;
      findings.push({
        range: doc.lines.range(url.start + secret[0], url.start + secret[1]),
        message: preamble.has(instruction)
          ? `Proxy password written in the Dockerfile ("${maskCredentials(url.value)}"); pass it with --build-arg or a build secret instead.`
          : `Proxy password written in ${keywordOf(instruction)} ("${maskCredentials(url.value)}") is kept in the image history; use a build argument or a build secret.`,
      });
    }
  }
  return findings;
});
