import type { RuleFinding } from '../../findingTypes';
import { envVariableOf } from '../../proxy/names';
import { defineUnitRule } from '../buildx/driverOptRewrite';
import { SRC } from '../../sources';

export const clientTokenWithoutProxy = defineUnitRule({
  id: 'SH001',
  name: 'client-token-without-proxy',
  kinds: ['shell', 'ci-workflow'],
  defaultSeverity: 'warning',
  summary: 'A script or job builds with BuildKit while its proxy is set only for dockerd, the builder or RUN steps, not for its own shell.',
  description:
    'With BuildKit (the default `docker build`, `docker buildx build`, `docker compose build`, build-push-action), ' +
    'the registry bearer token is fetched by the **client** process, with the proxy of the shell that runs the ' +
    'command, not with dockerd\'s or the builder\'s. A script that gives the proxy to dockerd (a drop-in, daemon.json, ' +
    '`dockerd --https-proxy`), to the builder (`--driver-opt env.https_proxy`) or to RUN steps (`--build-arg ' +
    'HTTPS_PROXY=…`) but not to its own environment gets pulls that work and builds that fail with `failed to fetch ' +
    'oauth token` / `failed to fetch anonymous token`.\n\n' +
    'Export `HTTPS_PROXY` and `NO_PROXY` in the script or job (`env:` in a workflow) before the build, or set ' +
    '`BUILDKIT_NO_CLIENT_TOKEN=1` so that the builder fetches the token itself with its own proxy. Scripts that read ' +
    '`$HTTPS_PROXY` themselves are assumed to have it and are not reported.',
  sources: [SRC.buildkitClientToken, SRC.buildkitIssueClientToken, SRC.cliEnvVars],
  examples: {
    bad: { kind: 'shell', text: '#!/bin/sh\nset -e\ndocker buildx create --name ci --use \\\n  --driver-opt env.https_proxy=http://proxy.example.com:3128\ndocker buildx build -t app:latest .\n' },
    good: { kind: 'shell', text: '#!/bin/sh\nset -e\nexport HTTPS_PROXY=http://proxy.example.com:3128\nexport NO_PROXY=localhost,127.0.0.1\ndocker buildx create --name ci --use \\\n  --driver-opt env.https_proxy=http://proxy.example.com:3128\ndocker buildx build -t app:latest .\n' },
  },
}, (doc) => {
  const findings: RuleFinding[] = [];
  for (const unit of doc.units) {
    if (unit.noClientToken || unit.readsProxyVariable) continue;
    const elsewhere = unit.elsewhere.filter((e) => e.literal);
    if (elsewhere.length === 0) continue;
    const hasHttps = (vars: readonly { name: string; value?: string; dynamic: boolean }[]) =>
      vars.some((e) => envVariableOf(e.name) === 'https' && (e.dynamic || (e.value ?? '').trim() !== ''));
    if (hasHttps(unit.env)) continue;
    const build = unit.builds.find((b) => !b.legacy && !hasHttps(b.stepEnv));
    if (!build) continue;
    const where = [...new Set(elsewhere.map((e) => e.where))].join(' and ');
    findings.push({
      range: build.range,
      message: `${build.what} fetches the registry token from this ${doc.kind === 'ci-workflow' ? 'job' : 'script'}'s own environment, which has no HTTPS_PROXY (the proxy is set only for ${where}); builds fail with "failed to fetch oauth token". Export HTTPS_PROXY/NO_PROXY or set BUILDKIT_NO_CLIENT_TOKEN=1.`,
    });
  }
  return findings;
});
