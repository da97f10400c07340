// Hover explanations for proxy settings: which layer reads the value, which does not (facts §0, §3, §4, §5, §9),
// with the value shown masked. Pure: a parsed document and a position in, markdown out.
import type { DockerfileDocument, JsonDocument, ParsedDocument, SystemdDocument } from './document';
import type { Position, ProxySetting, ProxyVariable, Range } from './findingTypes';
import { jsonc, nodeRange, type JsonNode } from './parse/json';
import { assignmentsOf } from './parse/dockerfile';
import { CLIENT_PROXY_FIELDS, DAEMON_PROXY_KEYS, clientFieldFor, envVariableOf } from './proxy/names';
import { maskCredentials } from './proxy/url';
import { CLI_CONFIG_PROXIES_HOVER } from './rules/cliConfig/hoverText';
import { rangeContains } from './lineIndex';

export interface HoverInfo {
  /** Markdown; never contains a credential (every value and key passes through maskCredentials). */
  markdown: string;
  range: Range;
}

const MAX_VALUE_CHARS = 300;

/** A value as inline code: masked, shortened, backticks neutralised. */
export function shownValue(value: string): string {
  let v = maskCredentials(value);
  if (v.length > MAX_VALUE_CHARS) v = `${v.slice(0, MAX_VALUE_CHARS)}…`;
  v = v.replace(/`/g, "'").replace(/[\r\n]+/g, ' ');
  return v === '' ? '*(empty)*' : `\`${v}\``;
}

function code(text: string): string {
  return `\`${maskCredentials(text).replace(/`/g, "'")}\``;
}

function contains(range: Range, position: Position): boolean {
  return rangeContains(range, { start: position, end: position });
}

const VARIABLE_PURPOSE: Record<ProxyVariable, string> = {
  http: 'proxy for `http://` requests',
  https: 'proxy for `https://` requests (registries use HTTPS, so this is the one pulls need)',
  no: 'hosts and domains reached directly, without the proxy',
  ftp: 'proxy for `ftp://` requests',
  all: 'fallback proxy for any scheme without its own setting (curl and some tools; Go programs ignore it)',
  socks: 'SOCKS proxy for the few tools that read it; curl and Go programs ignore it, and Docker has no predefined build argument for it',
};

// ---- Layer explanations (facts §0) ----

const DAEMON_READERS =
  '**Read by:** dockerd (the daemon layer): `docker pull`/`push`/`search`, `docker login -u … -p …`, and image pulls, ' +
  '`ADD <url>` and git sources of builds that run on the default `docker` driver (built-in BuildKit).';

const DAEMON_NOT_READERS =
  '**Not read by:**\n' +
  '- the docker CLI / buildx process: the registry **token** fetch of every `docker build` uses the shell\'s ' +
  '`HTTPS_PROXY`/`NO_PROXY` ("failed to fetch oauth token" when only the daemon has a proxy);\n' +
  '- containers and `RUN` steps: those get `~/.docker/config.json` `proxies` or `--build-arg`;\n' +
  '- a `docker-container` buildx builder: it needs `--driver-opt env.https_proxy=…`.';

const CONTAINER_NOT_READERS =
  '**Not read by:** the docker CLI itself, dockerd (`docker pull`/`push`, base-image pulls), the registry token fetch ' +
  'of `docker build` (the shell\'s `HTTPS_PROXY`), or a `docker-container` builder (`--driver-opt env.*`).';

const BUILDER_PULL =
  'pulled by the **builder** with the builder\'s own proxy: dockerd\'s (daemon.json `proxies` or its systemd ' +
  'drop-in) on the default `docker` driver, the buildkitd container\'s environment (`--driver-opt env.https_proxy=…`) ' +
  'on a `docker-container` builder. Build args and `ENV` proxy values do **not** apply here. The registry **token** ' +
  'is fetched by the docker/buildx CLI process with the `HTTPS_PROXY`/`NO_PROXY` of the shell that runs ' +
  '`docker build` ("failed to fetch oauth token" when only the daemon has a proxy).';

function valueLine(setting: { value: string } | undefined): string {
  return setting ? `\n\n**Value:** ${shownValue(setting.value)}` : '';
}

// ---- daemon.json ----

interface JsonHit { path: (string | number)[]; node: JsonNode; isKey: boolean; property?: JsonNode }

function jsonHit(doc: JsonDocument, position: Position): JsonHit | undefined {
  const root = doc.json.root;
  if (!root) return undefined;
  const offset = doc.lines.offsetAt(position);
  const node = jsonc.findNodeAtOffset(root, offset, true);
  if (!node) return undefined;
  const parent = node.parent;
  const isKey = !!parent && parent.type === 'property' && parent.children?.[0] === node;
  let path: (string | number)[];
  try {
    path = jsonc.getNodePath(node);
  } catch {
    return undefined;
  }
  return { path, node, isKey, property: parent?.type === 'property' ? parent : undefined };
}

function settingAt(settings: readonly ProxySetting[], position: Position): ProxySetting | undefined {
  return settings.find((s) => contains(s.nameRange, position) || contains(s.valueRange, position));
}

function hoverRange(doc: ParsedDocument, hit: JsonHit): Range {
  return nodeRange(doc.lines, hit.node);
}

function daemonJsonHover(doc: JsonDocument, position: Position): HoverInfo | undefined {
  const hit = jsonHit(doc, position);
  if (!hit) return undefined;
  const [first, second] = hit.path;
  const range = hoverRange(doc, hit);
  if (hit.path.length === 1 && first === 'proxies' && hit.isKey) {
    return {
      range,
      markdown:
        '**daemon.json `proxies`** (Docker Engine 23.0+): `http-proxy`, `https-proxy`, `no-proxy`; nothing else is ' +
        'accepted (any other key makes dockerd refuse to start).\n\n' + DAEMON_READERS + '\n\n' + DAEMON_NOT_READERS +
        '\n\nTakes precedence over `HTTP_PROXY`… from a systemd drop-in. Restart dockerd after a change.',
    };
  }
  if (hit.path.length === 2 && first === 'proxies' && typeof second === 'string') {
    const variable = DAEMON_PROXY_KEYS[second];
    if (!variable) {
      if (!hit.isKey) return undefined;
      return {
        range,
        markdown: `**${code(second)} is not a daemon.json proxy key.** dockerd accepts only \`http-proxy\`, \`https-proxy\` and ` +
          '`no-proxy` inside `proxies` and refuses to start with anything else.',
      };
    }
    const setting = settingAt(doc.proxySettings, position);
    return {
      range,
      markdown: `**daemon.json \`proxies.${second}\`**: ${VARIABLE_PURPOSE[variable]} of dockerd.${valueLine(setting)}\n\n` +
        DAEMON_READERS + '\n\n' + DAEMON_NOT_READERS +
        '\n\ndockerd copies it into its own `' + envNames(variable) + '` at startup (overriding the systemd drop-in\'s value); ' +
        'restart dockerd after a change. Setting the same key as a dockerd flag (`--' + second + '`) makes dockerd refuse to start.',
    };
  }
  if (hit.path.length === 1 && typeof first === 'string' && DAEMON_PROXY_KEYS[first]) {
    const value = typeof hit.property?.children?.[1]?.value === 'string' ? String(hit.property.children[1].value) : undefined;
    return {
      range,
      markdown: `**Top-level ${code(first)} is ignored by dockerd.** It passes \`dockerd --validate\`, but only ` +
        `\`proxies.${first}\` is read, so the daemon runs without this proxy.${value !== undefined ? valueLine({ value }) : ''}\n\n` +
        'Inside `proxies` it would be ' + DAEMON_READERS.replace('**Read by:** ', 'read by ').replace(/\.$/, '') + '.',
    };
  }
  return undefined;
}

function envNames(variable: ProxyVariable): string {
  const upper = `${variable.toUpperCase()}_PROXY`;
  return `${upper}\`/\`${upper.toLowerCase()}`;
}

// ---- config.json ----

const CONTAINER_READERS_BASE =
  '**Read by:** new containers (`docker run`, `docker create`, `compose up`) and `RUN` steps of builds, through ' +
  'injected `HTTP_PROXY`/`HTTPS_PROXY`/`NO_PROXY` variables and build args.';

function cliConfigHover(doc: JsonDocument, position: Position): HoverInfo | undefined {
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

// ---- Dockerfile ----

const PROXY_WORD = /\b(?:https?|no|ftp|all)_proxy\b/i;

interface FromLike {
  getKeyword(): string;
  getRange(): Range;
  getImageName(): string | null;
  getImageRange(): Range | null;
  getBuildStage(): string | null;
  getImage(): string | null;
}

function dockerfileHover(doc: DockerfileDocument, position: Position): HoverInfo | undefined {
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

// ---- systemd drop-in (and /etc/default/docker-style files) ----

/**
 * Proxy assignments read line by line (`Environment="HTTPS_PROXY=…"`, `export HTTP_PROXY=…` in /etc/default/docker),
 * used when the settings extractor returns none for the file.
 */
function systemdFallbackSettings(doc: SystemdDocument): ProxySetting[] {
  const result: ProxySetting[] = [];
  for (let line = 0; line < doc.lines.lineCount; line++) {
    const text = doc.lines.lineText(line);
    if (/^\s*[#;]/.test(text)) continue;
    const start = doc.lines.lineStart(line);
    const re = /(^|[\s"'=])((?:https?|no|ftp|all)_proxy)=/gi;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      const variable = envVariableOf(m[2]);
      if (!variable) continue;
      const nameAt = m.index + m[1].length;
      let valueAt = nameAt + m[2].length + 1;
      let quote = m[1] === '"' || m[1] === "'" ? m[1] : undefined;
      if (!quote && (text[valueAt] === '"' || text[valueAt] === "'")) quote = text[valueAt++];
      let valueEnd = valueAt;
      while (valueEnd < text.length && (quote ? text[valueEnd] !== quote : !/[\s"']/.test(text[valueEnd]))) valueEnd++;
      result.push({
        variable,
        name: m[2],
        value: text.slice(valueAt, valueEnd),
        nameRange: doc.lines.range(start + nameAt, start + nameAt + m[2].length),
        valueRange: doc.lines.range(start + valueAt, start + valueEnd),
        consumer: 'daemon',
      });
    }
  }
  return result;
}

function systemdHover(doc: SystemdDocument, position: Position): HoverInfo | undefined {
  let settings = doc.proxySettings;
  if (settings.length === 0) settings = systemdFallbackSettings(doc);
  const setting = settingAt(settings, position);
  if (!setting) return undefined;
  const range = contains(setting.valueRange, position) ? setting.valueRange : setting.nameRange;
  const path = (doc.path ?? '').replace(/\\/g, '/');
  const head = `**\`${setting.name}\`**: ${VARIABLE_PURPOSE[setting.variable]}.${valueLine(setting)}`;
  if (/(^|\/)etc\/(default|sysconfig)\/docker$/.test(path) || /(^|\/)etc\/environment$/.test(path)) {
    return {
      range,
      markdown: `${head}\n\n**Not read by dockerd under systemd:** the upstream \`docker.service\` has no ` +
        '`EnvironmentFile=`, and system services start with a clean environment, so this file (like shell `export`s) ' +
        'does not reach the daemon. Use a drop-in `/etc/systemd/system/docker.service.d/http-proxy.conf` with ' +
        '`Environment="HTTPS_PROXY=…"`, or daemon.json `proxies`.',
    };
  }
  return {
    range,
    markdown: `${head}\n\n` + DAEMON_READERS + ' Takes effect after `systemctl daemon-reload` and `systemctl restart docker`.\n\n' +
      DAEMON_NOT_READERS + '\n\n' +
      'daemon.json `proxies` overrides the same variable. Write `%` as `%%` in unit files, or systemd drops the line.',
  };
}

/** Markdown hover for a position, or undefined when there is nothing proxy-related there. Never throws. */
export function hoverAt(doc: ParsedDocument, position: Position): HoverInfo | undefined {
  try {
    switch (doc.kind) {
      case 'daemon-json': return daemonJsonHover(doc, position);
      case 'cli-config': return cliConfigHover(doc, position);
      case 'dockerfile': return dockerfileHover(doc, position);
      case 'systemd-dropin': return systemdHover(doc, position);
      default: return undefined;
    }
  } catch {
    return undefined;
  }
}
