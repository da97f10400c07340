import type { RuleFinding } from '../../findingTypes';
import { maskCredentials } from '../../proxy/url';
import { defineRule, dfModel } from './dockerfileModel';
import { literalPassword } from './textProxyUrls';
import { deleteAssignmentFix } from './assignmentEdits';
import { SRC } from '../../sources';

export const envProxy = defineRule({
  id: 'DF001',
  name: 'env-proxy',
  kinds: ['dockerfile'],
  defaultSeverity: 'warning',
  summary: '`ENV http_proxy=…` bakes the proxy (and any password in it) into the image and every container started from it.',
  description:
    'An `ENV` value is part of the image configuration: it shows in `docker history` and `docker inspect`, and every ' +
    'container started from the image (and every image built `FROM` it) inherits it, including in places where the ' +
    'proxy is unreachable. Docker\'s docs say not to set build proxies with `ENV`.\n\n' +
    'The proxy names (`HTTP_PROXY`, `HTTPS_PROXY`, `FTP_PROXY`, `ALL_PROXY`, `NO_PROXY`, either case) are predefined ' +
    'build arguments: pass them with `docker build --build-arg HTTPS_PROXY=…` or set them once in `~/.docker/config.json` ' +
    '`proxies`, and every `RUN` step gets them in both cases, without any line in the Dockerfile and without being ' +
    'stored in the image or the build cache key.\n\n' +
    'The finding is an error when the value holds a literal password. `NO_PROXY` alone is not reported (it carries ' +
    'no address and no secret), nor is an empty value (`ENV http_proxy=` clears an inherited proxy).',
  sources: [SRC.cliProxyNotEnv, SRC.dockerfileEnv, SRC.dockerfilePredefinedArgs],
  examples: {
    bad: { kind: 'dockerfile', text: 'FROM debian:bookworm\nENV http_proxy=http://proxy.example.com:3128\nRUN apt-get update\n' },
    good: { kind: 'dockerfile', text: 'FROM debian:bookworm\n# docker build --build-arg http_proxy=http://proxy.example.com:3128 .\nRUN apt-get update\n' },
  },
}, (doc) => {
  const findings: RuleFinding[] = [];
  for (const a of dfModel(doc).proxies) {
    if (a.keyword !== 'ENV' || a.stage < 0 || a.variable === 'no') continue;
    if (a.value === undefined || a.value.trim() === '') continue;
    const secret = !!literalPassword(a.value);
    const onlyOne = a.siblings.length <= 1;
    findings.push({
      range: a.nameRange,
      message: secret
        ? `ENV ${a.name} stores the proxy password in the image ("${maskCredentials(a.value.trim())}"); remove it and pass the proxy as a build argument.`
        : `ENV ${a.name} is baked into the image and every container; pass it as a build argument instead (it reaches RUN without an ENV).`,
      severity: secret ? 'error' : undefined,
      // Removing a literal password from the image is always wanted, so that fix is safe (Fix All takes it); without a
      // password the ENV may be meant for the containers, so the user decides.
      fixes: [deleteAssignmentFix(doc, a, onlyOne ? 'Delete this ENV line (use --build-arg or config.json proxies)' : `Remove ${a.name} from this ENV (use --build-arg or config.json proxies)`, secret)],
    });
  }
  return findings;
});
