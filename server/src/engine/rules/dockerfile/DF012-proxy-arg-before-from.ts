import type { Fix, RuleFinding } from '../../findingTypes';
import { defineRule, dfModel } from './dockerfileModel';
import { variableRefs } from './instructionText';
import { deleteAssignmentFix } from './assignmentEdits';
import { builderProxySentence } from './builderProxySentence';
import { SRC } from '../../sources';

export const proxyArgBeforeFrom = defineRule({
  id: 'DF012',
  name: 'proxy-arg-before-from',
  kinds: ['dockerfile'],
  defaultSeverity: 'warning',
  summary: 'A proxy ARG before the first FROM does not proxy the base-image or `# syntax=` pulls, and does not reach RUN.',
  description:
    'An `ARG` before the first `FROM` is a global build argument: its only use is expanding variables in `FROM` lines. ' +
    'It is not the builder\'s proxy. The base image and the `# syntax=` frontend image are pulled by the builder with ' +
    'its own proxy: dockerd\'s (daemon.json `proxies` or a systemd drop-in) with the default `docker` driver, or ' +
    'the buildkitd container\'s (`docker buildx create --driver-opt env.http_proxy=… --driver-opt env.https_proxy=…`) ' +
    'with a `docker-container` builder. The registry token is fetched by the `docker build` process with the proxy ' +
    'of the shell it runs in, so a build can fail with "failed to fetch oauth token" while `docker pull` works.\n\n' +
    'A global `ARG` does not reach `RUN` either, unless a stage declares it again (and then DF002 applies). `RUN` ' +
    'receives the predefined proxy build arguments anyway, so the usual fix is to delete the line, set the proxy for ' +
    'the builder and the shell, and pass `--build-arg` (or config.json `proxies`) for `RUN`. `ENV` before `FROM` is a ' +
    'build error and is reported too.',
  sources: [SRC.dockerfileArgFrom, SRC.buildkitResolver, SRC.buildkitClientToken],
  examples: {
    bad: { kind: 'dockerfile', text: '# syntax=docker/dockerfile:1\nARG HTTPS_PROXY=http://proxy.example.com:3128\nFROM alpine:3.20\nRUN apk add --no-cache curl\n' },
    good: { kind: 'dockerfile', text: '# syntax=docker/dockerfile:1\nARG ALPINE_VERSION=3.20\nFROM alpine:${ALPINE_VERSION}\nRUN apk add --no-cache curl\n' },
  },
}, (doc) => {
  const model = dfModel(doc);
  const findings: RuleFinding[] = [];
  const fromVars = new Set(model.stages.flatMap((s) => variableRefs(doc, s.from, model.escape).map((v) => v.name)));
  const stageArgs = new Set(model.proxies.filter((b) => b.stage >= 0 && b.keyword === 'ARG').map((b) => b.name));
  for (const a of model.proxies) {
    if (a.stage >= 0) continue;
    const redeclared = stageArgs.has(a.name);
    const tail = a.keyword === 'ENV'
      ? ' ENV before the first FROM is a build error.'
      : redeclared ? ` It reaches RUN only through the ARG ${a.name} redeclared in a stage.` : ' It does not reach RUN either.';
    const fixes: Fix[] = a.keyword === 'ARG' && !redeclared && !fromVars.has(a.name)
      ? [deleteAssignmentFix(doc, a, a.siblings.length <= 1 ? 'Delete this ARG line' : `Remove ${a.name} from this ARG`)]
      : [];
    findings.push({
      range: a.nameRange,
      message: `${a.keyword} ${a.name} before the first FROM is not the builder's proxy: ${builderProxySentence(a.name, !!model.syntax)}.${tail}`,
      fixes,
    });
  }
  return findings;
});
