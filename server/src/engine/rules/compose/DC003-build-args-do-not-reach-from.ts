import type { RuleFinding } from '../../findingTypes';
import { defineComposeRule, proxyVars } from './composeProxyVars';
import { SRC } from '../../sources';

export const buildArgsDoNotReachFrom = defineComposeRule({
  id: 'DC003',
  name: 'build-args-do-not-reach-from',
  kinds: ['compose'],
  defaultSeverity: 'info',
  summary: 'Proxy `build.args` reach RUN steps only; base-image pulls and the registry token use other proxies.',
  description:
    'Proxy build args become the environment of `RUN` steps and nothing else. The image in `FROM`, a `# syntax=` ' +
    'frontend and `COPY --from=<image>` are pulled by the builder (dockerd with the default driver, the buildkitd ' +
    'container with a docker-container builder) with *its* proxy, and with BuildKit the registry token is fetched ' +
    'by the client that runs `docker compose build`, with the proxy of that shell.\n\n' +
    'When `FROM` pulls fail behind a proxy, configure dockerd (daemon.json `proxies` or a systemd drop-in), the ' +
    'builder (`--driver-opt env.https_proxy=…`) and export `HTTPS_PROXY`/`NO_PROXY` in the shell that runs Compose. ' +
    'This note is informational: the build args are still right for `RUN`.',
  sources: [SRC.composeBuildArgs, SRC.buildkitProxyArgs, SRC.buildkitResolver, SRC.buildkitClientToken],
  examples: {
    bad: { kind: 'compose', text: 'services:\n  app:\n    build:\n      context: .\n      args:\n        HTTPS_PROXY: http://proxy.example.com:3128\n' },
    good: { kind: 'compose', text: 'services:\n  app:\n    build:\n      context: .\n      args:\n        APP_VERSION: "1.4"\n' },
  },
}, (doc) => {
  const findings: RuleFinding[] = [];
  const seen = new Set<string>();
  for (const service of doc.compose.services) {
    const first = proxyVars(service.build?.args ?? []).find((v) => v.variable === 'http' || v.variable === 'https');
    if (!first) continue;
    const key = `${first.range.start.line}:${first.range.start.character}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push({
      range: first.nameRange,
      message: `Build arg ${first.name} reaches RUN steps only: FROM pulls use the builder's proxy (dockerd or --driver-opt env.*) and the registry token uses the proxy of the shell running "docker compose build".`,
    });
  }
  return findings;
});
