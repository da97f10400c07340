import type { RuleFinding } from '../../findingTypes';
import { envVariableOf } from '../../proxy/names';
import { defineRule, dfModel } from './dockerfileModel';
import { variableRefs } from './instructionText';
import { builderProxySentence } from './builderProxySentence';
import { SRC } from '../../sources';

export const fromUsesDaemonProxy = defineRule({
  id: 'DF009',
  name: 'from-uses-daemon-proxy',
  kinds: ['dockerfile'],
  defaultSeverity: 'warning',
  summary: 'A FROM line uses a proxy variable, but base-image pulls never go through build args: they use the builder\'s proxy.',
  description:
    '`FROM ${HTTP_PROXY}/library/alpine` and similar lines show the expectation that a proxy build argument takes part ' +
    'in pulling the base image. It does not: build arguments only reach `RUN` steps. The base image (and the ' +
    '`# syntax=` frontend image, and `COPY --from=<image>`) is resolved and downloaded by the builder:\n\n' +
    '- with the default `docker` driver, by dockerd, which uses daemon.json `proxies` or the `Environment=` of a ' +
    'systemd drop-in (Docker Desktop: its proxy settings);\n' +
    '- with a `docker-container` builder, by the buildkitd container, which only has the proxy given at creation ' +
    'with `docker buildx create --driver-opt env.http_proxy=… --driver-opt env.https_proxy=…`.\n\n' +
    'The registry token for those pulls is fetched by the `docker build` / `docker buildx` process itself, with the ' +
    '`HTTPS_PROXY`/`NO_PROXY` of the shell it runs in: with those unset, builds fail with "failed to fetch oauth ' +
    'token" while `docker pull` works.\n\nThis rule fires only when a FROM line names a proxy variable; in a file that sets proxies, the hover on ' +
    '`FROM` and `# syntax=` explains the same thing.',
  sources: [SRC.buildkitProxyArgs, SRC.buildkitResolver, SRC.buildkitClientToken, SRC.buildkitIssueClientToken],
  examples: {
    bad: { kind: 'dockerfile', text: 'ARG HTTP_PROXY\nFROM ${HTTP_PROXY}/library/alpine:3.20\nRUN apk add --no-cache curl\n' },
    good: { kind: 'dockerfile', text: 'ARG REGISTRY=docker.io\nFROM ${REGISTRY}/library/alpine:3.20\nRUN apk add --no-cache curl\n' },
  },
}, (doc) => {
  const model = dfModel(doc);
  const globals = new Set(model.proxies.filter((a) => a.stage < 0 && a.keyword === 'ARG').map((a) => a.name));
  const findings: RuleFinding[] = [];
  for (const stage of model.stages) {
    for (const v of variableRefs(doc, stage.from, model.escape)) {
      const name = v.name;
      if (!envVariableOf(name)) continue;
      const empty = globals.has(name) ? '' : ` (without a global ARG ${name} it is even empty here)`;
      findings.push({
        range: doc.lines.range(v.start, v.end),
        message: `FROM does not pull through $${name}${empty}: ${builderProxySentence(name, !!model.syntax)}.`,
      });
    }
  }
  return findings;
});
