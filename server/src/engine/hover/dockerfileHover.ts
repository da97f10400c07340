// Hover in a Dockerfile: the `# syntax=` frontend and `FROM` images (pulled by the builder with its own proxy), and
// proxy variables in `ENV` (baked into the image) and `ARG` (predefined build args).
import type { DockerfileDocument } from '../document';
import type { Position, Range } from '../findingTypes';
import { assignmentsOf } from '../parse/dockerfile';
import { envVariableOf } from '../proxy/names';
import { maskCredentials } from '../proxy/url';
import { contains } from './atPosition';
import { VARIABLE_PURPOSE, valueLine, type HoverInfo } from './hoverMarkdown';
import { kindHover } from './kindHover';

const BUILDER_PULL =
  'pulled by the **builder** with the builder\'s own proxy: dockerd\'s (daemon.json `proxies` or its systemd ' +
  'drop-in) on the default `docker` driver, the buildkitd container\'s environment (`--driver-opt env.https_proxy=…`) ' +
  'on a `docker-container` builder. Build args and `ENV` proxy values do **not** apply here. The registry **token** ' +
  'is fetched by the docker/buildx CLI process with the `HTTPS_PROXY`/`NO_PROXY` of the shell that runs ' +
  '`docker build` ("failed to fetch oauth token" when only the daemon has a proxy).';

const PROXY_WORD = /\b(?:https?|no|ftp|all)_proxy\b/i;

interface FromLike {
  getKeyword(): string;
  getRange(): Range;
  getImageName(): string | null;
  getImageRange(): Range | null;
  getBuildStage(): string | null;
  getImage(): string | null;
}

export function dockerfileHover(doc: DockerfileDocument, position: Position): HoverInfo | undefined {
  const dockerfile = doc.dockerfile;
  const hasProxy = PROXY_WORD.test(doc.text);
  for (const directive of dockerfile.getDirectives()) {
    if (!hasProxy || directive.getName().toLowerCase() !== 'syntax') continue;
    const range = directive.getRange();
    if (!contains(range, position)) continue;
    return {
      range,
      markdown: `**\`# syntax=${maskCredentials(directive.getValue())}\`**: the Dockerfile frontend image is ${BUILDER_PULL}`,
    };
  }
  const escape = dockerfile.getEscapeCharacter();
  const stages = new Set<string>();
  for (const instruction of dockerfile.getInstructions()) {
    const keyword = instruction.getKeyword();
    const within = contains(instruction.getRange(), position);
    if (keyword === 'FROM') {
      const from = instruction as unknown as FromLike;
      const image = from.getImageName();
      const imageRange = from.getImageRange();
      if (within && hasProxy && image && imageRange && image.toLowerCase() !== 'scratch' && !stages.has(image.toLowerCase())) {
        return {
          range: instruction.getRange(),
          markdown: `**\`FROM ${maskCredentials(from.getImage() ?? image)}\`**: the base image is ${BUILDER_PULL}`,
        };
      }
      const stage = from.getBuildStage();
      if (stage) stages.add(stage.toLowerCase());
      continue;
    }
    if (!within || (keyword !== 'ENV' && keyword !== 'ARG')) continue;
    const assignment = assignmentsOf(instruction, doc.text, doc.lines, escape)
      .find((a) => contains(a.nameRange, position) || (a.valueRange && contains(a.valueRange, position)));
    if (!assignment) return undefined;
    const variable = envVariableOf(assignment.name);
    if (!variable) return undefined;
    const range = assignment.valueRange && contains(assignment.valueRange, position) ? assignment.valueRange : assignment.nameRange;
    const value = assignment.value !== undefined ? valueLine({ value: assignment.value }) : '';
    const markdown = keyword === 'ENV'
      ? `**\`ENV ${assignment.name}\`**: ${VARIABLE_PURPOSE[variable]}.${value}\n\n` +
        '**Read by:** `RUN` steps after this line (this stage and stages built `FROM` it) and **every container started ' +
        'from the image**: `ENV` is baked into the image config and shown by `docker inspect` and `docker history`, ' +
        'credentials included.\n\n' +
        '**Not read by:** `FROM` and other image pulls, the `# syntax=` frontend, `ADD <url>` and git sources (the ' +
        'builder\'s own proxy), or the registry token fetch (the shell of `docker build`).\n\n' +
        `For builds prefer the predefined build arg: \`docker build --build-arg ${assignment.name}\` or config.json ` +
        '`proxies` reach `RUN` without baking the proxy into the image.'
      : `**\`ARG ${assignment.name}\`**: ${VARIABLE_PURPOSE[variable]}.${value}\n\n` +
        `\`${assignment.name}\` is a predefined build arg: \`--build-arg ${assignment.name}=…\` or config.json \`proxies\` ` +
        'reach `RUN` steps even without an `ARG` line, excluded from the cache key and from `docker history`. ' +
        '**Declaring it** records its value in the image history (credentials included) and in the cache key.\n\n' +
        '**Read by:** `RUN` steps only. **Not read by:** `FROM` and other image pulls, the `# syntax=` frontend, ' +
        '`ADD <url>` and git sources (the builder\'s own proxy), or the registry token fetch (the shell of `docker build`).';
    return { range, markdown };
  }
  return undefined;
}

export const DOCKERFILE_HOVER = kindHover('dockerfile', dockerfileHover);
