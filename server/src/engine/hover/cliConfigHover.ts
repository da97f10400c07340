// Hover in the docker CLI's config.json: `proxies`, its `default` and per-daemon entries, and their fields (read by
// new containers and RUN steps, not by the CLI itself, dockerd or a docker-container builder).
import type { JsonDocument } from '../document';
import type { Position } from '../findingTypes';
import { CLIENT_PROXY_FIELDS, clientFieldFor } from '../proxy/names';
import { CLI_CONFIG_PROXIES_HOVER } from '../rules/cliConfig/hoverText';
import { hoverRange, jsonHit, settingAt } from './atPosition';
import { VARIABLE_PURPOSE, code, valueLine, type HoverInfo } from './hoverMarkdown';
import { kindHover } from './kindHover';

const CONTAINER_READERS_BASE =
  '**Read by:** new containers (`docker run`, `docker create`, `compose up`) and `RUN` steps of builds, through ' +
  'injected `HTTP_PROXY`/`HTTPS_PROXY`/`NO_PROXY` variables and build args.';

const CONTAINER_NOT_READERS =
  '**Not read by:** the docker CLI itself, dockerd (`docker pull`/`push`, base-image pulls), the registry token fetch ' +
  'of `docker build` (the shell\'s `HTTPS_PROXY`), or a `docker-container` builder (`--driver-opt env.*`).';

export function cliConfigHover(doc: JsonDocument, position: Position): HoverInfo | undefined {
  const hit = jsonHit(doc, position);
  if (!hit || hit.path[0] !== 'proxies') return undefined;
  const range = hoverRange(doc, hit);
  if (hit.path.length === 1) {
    return hit.isKey ? { range, markdown: CLI_CONFIG_PROXIES_HOVER } : undefined;
  }
  const entry = hit.path[1];
  if (typeof entry !== 'string') return undefined;
  if (hit.path.length === 2 && hit.isKey) {
    const markdown = entry === 'default'
      ? '**`proxies.default`**: used for every daemon unless an entry\'s key equals the daemon host exactly ' +
        '(`unix:///var/run/docker.sock`, `tcp://host:2376`). Entries are never merged.\n\n' + CONTAINER_READERS_BASE + '\n\n' + CONTAINER_NOT_READERS
      : `**\`proxies\` entry ${code(entry)}**: used only when the CLI talks to a daemon whose host string is exactly this ` +
        'key; then `default` is ignored completely (no inheritance of missing fields). Contexts over `ssh://` never match a ' +
        'per-host key.\n\n' + CONTAINER_READERS_BASE + '\n\n' + CONTAINER_NOT_READERS;
    return { range, markdown };
  }
  if (hit.path.length === 3 && typeof hit.path[2] === 'string') {
    const field = clientFieldFor(hit.path[2]);
    if (!field) return undefined;
    const variable = CLIENT_PROXY_FIELDS[field];
    const setting = settingAt(doc.proxySettings, position);
    const upper = `${variable.toUpperCase()}_PROXY`;
    const builds = variable === 'all'
      ? '`docker build` with buildx does **not** pass `allProxy` to `RUN` steps (only the legacy builder does).'
      : `\`docker build\` passes it as the build arg \`${upper}\`, which reaches \`RUN\` steps only.`;
    return {
      range,
      markdown: `**config.json \`${field}\`**: ${VARIABLE_PURPOSE[variable]} for containers and builds.${valueLine(setting)}\n\n` +
        `**Read by:** new containers (\`docker run\`, \`docker create\`, \`compose up\`), injected as \`${upper}\` and ` +
        `\`${upper.toLowerCase()}\`; ${builds}\n\n` + CONTAINER_NOT_READERS,
    };
  }
  return undefined;
}

export const CLI_CONFIG_HOVER = kindHover('cli-config', cliConfigHover);
