// The file-kind registry: one entry per kind of file we lint, with everything about it that is not parsing: where it
// is found (paths, names, content, template suffixes), how it is named, which editor languages hold it, its comments
// (for suppression pragmas), its pre-scan, its size limit and the globs the extension and the CLI look for.
// How a kind is parsed and where its proxy settings are is the other half, `KIND_READERS` in document.ts: parsers
// sit above this layer, and detection is needed below them (a script's here-document names the file it writes).
// test/unit/file-kinds.test.ts checks that every kind has both halves and that no other file lists the kinds.
import { alwaysLint, cliConfigMayHaveFindings, daemonJsonMayHaveFindings, dockerfileMayHaveFindings, systemdMayHaveFindings } from './prescan';

/** Comment syntax of a format, for the `# proxy-doctor ignore=` pragmas (suppress.ts writes them, lint.ts reads them). */
export interface CommentSyntax {
  /** The comment leader a new pragma gets in this text. */
  leader(text: string): string;
  /** Lines at the top that must stay first (a Dockerfile's parser directives, a script's `#!`). */
  headerLines(text: string): number;
  /**
   * Whether a pragma for one line can be written. A CI workflow's line could sit inside a block scalar that is not a
   * script (an action's `driver-opts`), so workflows get file pragmas only.
   */
  linePragmas: boolean;
  /** How the docs say the leader differs from `#` (null when it is always `#`). */
  leaderNote: string | null;
}

export interface FileKindInfo {
  /** How docs and messages name the kind (rule pages, the rule table). */
  title: string;
  /** Language of a fenced code block of this kind in the docs. */
  fence: string;
  /** True when the file is one of ours at this path alone (`p` has forward slashes, `base` is its last segment). */
  isAt(p: string, base: string): boolean;
  /** True when a file elsewhere is one by its name and content (a provisioning repo's `daemon.json`). */
  byContent: ((base: string, text: string) => boolean) | null;
  /** True when a template (`http-proxy.conf.j2`) whose plain name says nothing is one by its content. */
  templateByContent: ((plainPath: string, text: string) => boolean) | null;
  /** Path an example or test lints the kind as when the caller has none. */
  defaultPath: string;
  /** Comment syntax for suppression pragmas; null for strict JSON (a comment would break the file). */
  comments: CommentSyntax | null;
  /** Cheap scan that is false only when no rule can fire (prescan.ts). */
  prescan(text: string): boolean;
  /** Nesting the parser recurses into, checked before parsing (lint.ts `unlintableReason`); null when flat. */
  nesting: 'json' | 'yaml' | null;
  /** Set for Docker's own files that scripts write from here-documents: how a finding's message names the file. */
  scriptTargetLabel: string | null;
  /** Whether dockerd reads the file at start, so a rule's `dockerdRefuses` means dockerd will not start. */
  readByDockerdAtStart: boolean;
  /** VS Code languages whose documents are always this kind. */
  languages: readonly string[];
  /** VS Code languages whose documents may be this kind; the path and content decide. */
  hostLanguages: readonly string[];
  /** The `dockerProxyDoctor.files.<key>` setting with extra globs, and its description (generated into package.json). */
  settingKey: string;
  settingDescription: string;
  /**
   * When we contribute the editor language (the first of `languages`) ourselves: the file globs VS Code opens in it
   * (package.json `contributes.languages[].filenamePatterns`). Null for languages other extensions provide.
   */
  languageFilePatterns: readonly string[] | null;
  /** Our JSON schema for the kind and the files VS Code applies it to (package.json `jsonValidation`), or null. */
  jsonSchema: { url: string; fileMatch: readonly string[] } | null;
  /** Workspace globs that activate the extension and start the language server (lazyStart.ts). */
  workspaceGlobs: readonly string[];
  /** File names the CLI reads during a directory walk (the rest are skipped unread). */
  walkNames: RegExp;
}

const DOCKERFILE_NAME = /^(?:(?:Dockerfile|Containerfile)(?:\.[^/\\]+)?|[^/\\]+\.(?:Dockerfile|dockerfile|Containerfile|containerfile))$/;
/** Compose files by the names `docker compose` looks for (and the usual `-f` override names). */
const COMPOSE_NAME = /^(?:docker-compose(?:[.-][^/]*)?|compose(?:\.[^/]*)?)\.ya?ml$/;
const SHELL_NAME = /^(?:[^/]+\.(?:sh|bash)|GNUmakefile|[Mm]akefile|[^/]+\.mk|Jenkinsfile(?:\.[^/]+)?|[^/]+\.jenkinsfile)$/;
/** A YAML file of any name: compose files and workflows are named by `-f` and CI configuration, so a walk reads them all. */
const YAML_NAME = /^.*\.ya?ml$/;

/** Top-level keys only dockerd's daemon.json has (a sample of dockerd flags; enough to recognise the file). */
const DAEMON_KEYS = new Set([
  'proxies', 'registry-mirrors', 'insecure-registries', 'data-root', 'storage-driver', 'log-driver', 'log-opts', 'dns',
  'bip', 'default-address-pools', 'live-restore', 'exec-opts', 'features', 'builder', 'hosts', 'experimental',
  'default-runtime', 'runtimes', 'iptables', 'userns-remap', 'max-concurrent-downloads', 'debug', 'mtu', 'http-proxy',
  'https-proxy', 'no-proxy', 'containerd', 'default-ulimits', 'ipv6', 'fixed-cidr-v6', 'metrics-addr',
]);

/** Top-level keys of the CLI's config.json. */
const CLI_KEYS = new Set([
  'auths', 'credsStore', 'credHelpers', 'currentContext', 'psFormat', 'imagesFormat', 'detachKeys', 'plugins',
  'cliPluginsExtraDirs', 'experimental', 'aliases', 'features', 'HttpHeaders', 'stackOrchestrator', 'kubernetes',
]);

function jsonKeys(text: string): Set<string> {
  return new Set(Array.from(text.slice(0, 200_000).matchAll(/"([^"\\]{1,64})"\s*:/g), (m) => m[1]));
}

/**
 * BuildKit's parser-directive shape (`# syntax=`, `# escape=`, `# check=`). Any `# word=value` line at the top counts,
 * so that the pragma goes below every directive whether or not the builder stops at an unknown one.
 */
const DIRECTIVE_LINE = /^\s*#\s*[A-Za-z][A-Za-z0-9]*\s*=\s*\S.*$/;

/** Number of lines at the top of a Dockerfile that are parser directives (`# syntax=`, `# escape=`, `# check=`). */
export function parserDirectiveLineCount(text: string): number {
  // Lines end at \n, \r\n or a lone \r, as in lineIndex.ts (not imported: it imports the core types, which import this).
  const lines = text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
  let count = 0;
  while (count < lines.length && DIRECTIVE_LINE.test(lines[count])) count++;
  return count;
}

const hashComments = (headerLines: (text: string) => number, linePragmas = true): CommentSyntax => ({ leader: () => '#', headerLines, linePragmas, leaderNote: null });
const noHeader = () => 0;
const shebangLine = (text: string) => (text.startsWith('#!') ? 1 : 0);

const SYSTEMD_TEMPLATE = (plainPath: string, text: string) =>
  /\.conf$/.test(plainPath) && /^\s*\[Service\]/m.test(text) && /^\s*Environment\s*=.*_proxy/im.test(text);

/** The registry. Its order is the order detection tries the kinds in (a Dockerfile name wins over any folder). */
export const FILE_KIND_INFO = {
  dockerfile: {
    title: 'Dockerfile',
    fence: 'dockerfile',
    isAt: (_p, base) => DOCKERFILE_NAME.test(base),
    byContent: null,
    templateByContent: null,
    defaultPath: '/project/Dockerfile',
    comments: hashComments(parserDirectiveLineCount),
    prescan: dockerfileMayHaveFindings,
    nesting: null,
    scriptTargetLabel: null,
    readByDockerdAtStart: false,
    languages: ['dockerfile'],
    hostLanguages: [],
    settingKey: 'dockerfile',
    settingDescription: 'Extra glob patterns for files to lint as Dockerfiles, on top of the locations Docker really reads (`Dockerfile`, `Containerfile`, `*.Dockerfile`, `Dockerfile.*`).',
    languageFilePatterns: null,
    jsonSchema: null,
    workspaceGlobs: ['**/Dockerfile', '**/Containerfile', '**/*.Dockerfile', '**/Dockerfile.*'],
    walkNames: /^(?:(?:Docker|Container)file.*|.*\.(?:Docker|docker|Container|container)file)$/,
  },
  'daemon-json': {
    title: 'daemon.json',
    fence: 'json',
    // facts §1: /etc/docker, rootless ~/.config/docker, Windows C:\ProgramData\docker\config.
    isAt: (p, base) => base === 'daemon.json' && (/(^|\/)etc\/docker\/daemon\.json$/.test(p) || /\/\.config\/docker\/daemon\.json$/.test(p) || /\/docker\/config\/daemon\.json$/i.test(p)),
    byContent: (base, text) => base === 'daemon.json' && [...jsonKeys(text)].some((k) => DAEMON_KEYS.has(k)),
    templateByContent: null,
    defaultPath: '/etc/docker/daemon.json',
    comments: null,
    prescan: daemonJsonMayHaveFindings,
    nesting: 'json',
    scriptTargetLabel: 'daemon.json',
    readByDockerdAtStart: true,
    languages: [],
    hostLanguages: ['json', 'jsonc'],
    settingKey: 'daemonJson',
    settingDescription: 'Extra glob patterns for files to lint as dockerd daemon.json, on top of the locations Docker really reads (`/etc/docker/daemon.json`, `~/.config/docker/daemon.json`).',
    languageFilePatterns: null,
    jsonSchema: { url: './schemas/daemon-json.schema.json', fileMatch: ['/etc/docker/daemon.json', '**/etc/docker/daemon.json', '**/.config/docker/daemon.json', '**/docker/config/daemon.json'] },
    workspaceGlobs: ['**/daemon.json'],
    walkNames: /^daemon\.json$/,
  },
  'cli-config': {
    title: '~/.docker/config.json',
    fence: 'json',
    isAt: (p, base) => base === 'config.json' && /(^|\/)\.docker\/config\.json$/.test(p),
    // A known CLI key, or `proxies` with a client-shaped entry (camelCase proxy fields).
    byContent: (base, text) => {
      if (base !== 'config.json') return false;
      const keys = jsonKeys(text);
      for (const k of keys) if (CLI_KEYS.has(k) && k !== 'experimental' && k !== 'features') return true;
      return keys.has('proxies') && ['httpProxy', 'httpsProxy', 'noProxy', 'ftpProxy', 'allProxy', 'default'].some((k) => keys.has(k));
    },
    templateByContent: null,
    defaultPath: '/home/user/.docker/config.json',
    comments: null,
    prescan: cliConfigMayHaveFindings,
    nesting: 'json',
    scriptTargetLabel: 'config.json',
    readByDockerdAtStart: false,
    languages: [],
    hostLanguages: ['json', 'jsonc'],
    settingKey: 'cliConfig',
    settingDescription: 'Extra glob patterns for files to lint as Docker CLI config.json, on top of the locations Docker really reads (`~/.docker/config.json`).',
    languageFilePatterns: null,
    jsonSchema: { url: './schemas/cli-config.schema.json', fileMatch: ['**/.docker/config.json'] },
    workspaceGlobs: ['**/.docker/config.json'],
    walkNames: /^config\.json$/,
  },
  'systemd-dropin': {
    title: 'systemd drop-in',
    fence: 'ini',
    isAt: (p) => /\/docker\.service\.d\/[^/]+\.conf$/.test(p) || /(^|\/)etc\/(default|sysconfig)\/docker$/.test(p) || /(^|\/)etc\/environment$/.test(p),
    byContent: null,
    // A drop-in template usually lives in a role's `templates/` folder, so a `.conf` template is a drop-in when it has
    // `[Service]` and a proxy `Environment=`.
    templateByContent: SYSTEMD_TEMPLATE,
    defaultPath: '/etc/systemd/system/docker.service.d/http-proxy.conf',
    comments: hashComments(noHeader),
    prescan: systemdMayHaveFindings,
    nesting: null,
    scriptTargetLabel: 'drop-in',
    readByDockerdAtStart: false,
    languages: ['systemd-dropin'],
    hostLanguages: [],
    settingKey: 'systemdDropin',
    settingDescription: 'Extra glob patterns for files to lint as docker.service drop-ins, on top of the locations Docker really reads (`docker.service.d/*.conf`, `/etc/default/docker`, `/etc/sysconfig/docker`).',
    languageFilePatterns: ['**/docker.service.d/*.conf', '**/etc/default/docker', '**/etc/sysconfig/docker'],
    jsonSchema: null,
    workspaceGlobs: ['**/docker.service.d/*.conf'],
    walkNames: /^(?:docker|environment|.*\.conf)$/,
  },
  compose: {
    title: 'Compose file',
    fence: 'yaml',
    isAt: (_p, base) => COMPOSE_NAME.test(base),
    byContent: null,
    templateByContent: null,
    defaultPath: '/project/compose.yaml',
    comments: hashComments(noHeader),
    prescan: alwaysLint,
    nesting: 'yaml',
    scriptTargetLabel: null,
    readByDockerdAtStart: false,
    // Container Tools' language for compose files; plain `yaml` is decided by name and location.
    languages: ['dockercompose'],
    hostLanguages: ['yaml'],
    settingKey: 'compose',
    settingDescription: 'Extra glob patterns for files to lint as Compose files, on top of the names `docker compose` reads (`compose.yaml`, `compose.yml`, `docker-compose*.yml`, `compose.*.yaml`): for example the files you pass with `-f`.',
    languageFilePatterns: null,
    jsonSchema: null,
    workspaceGlobs: ['**/compose.yaml', '**/compose.yml', '**/docker-compose*.yml', '**/docker-compose*.yaml'],
    walkNames: YAML_NAME,
  },
  'ci-workflow': {
    title: 'CI workflow',
    fence: 'yaml',
    isAt: (p, base) => /(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/.test(p) || /^(?:\.gitlab-ci|[^/]+\.gitlab-ci)\.ya?ml$/.test(base),
    byContent: null,
    templateByContent: null,
    defaultPath: '/project/.github/workflows/build.yml',
    comments: hashComments(noHeader, false),
    prescan: alwaysLint,
    nesting: 'yaml',
    scriptTargetLabel: null,
    readByDockerdAtStart: false,
    languages: [],
    hostLanguages: ['yaml'],
    settingKey: 'ciWorkflow',
    settingDescription: 'Extra glob patterns for files to lint as CI workflows, on top of `.github/workflows/*.yml` (GitHub Actions) and `.gitlab-ci.yml` (GitLab CI).',
    languageFilePatterns: null,
    jsonSchema: null,
    workspaceGlobs: [],
    walkNames: YAML_NAME,
  },
  shell: {
    title: 'shell script / Makefile / Jenkinsfile',
    fence: 'sh',
    isAt: (_p, base) => SHELL_NAME.test(base),
    // A script without an extension is one when its first line says so (`#!/bin/sh`, `#!/usr/bin/env bash`).
    byContent: (base, text) => !base.includes('.') && /^#![^\n]*\b(?:sh|bash|dash|ksh|zsh)\b/.test(text),
    templateByContent: null,
    defaultPath: '/project/build.sh',
    comments: {
      // `//` in a Jenkinsfile (Groovy), `#` elsewhere.
      leader: (text) => (!/^#!/.test(text) && /^\s*(?:pipeline|node)\s*(?:\(|\{)/m.test(text) ? '//' : '#'),
      headerLines: shebangLine,
      linePragmas: true,
      leaderNote: '`//` instead of `#` in a Jenkinsfile',
    },
    prescan: alwaysLint,
    nesting: null,
    scriptTargetLabel: null,
    readByDockerdAtStart: false,
    languages: [],
    hostLanguages: ['shellscript', 'makefile', 'groovy', 'jenkinsfile'],
    settingKey: 'shell',
    settingDescription: 'Extra glob patterns for files to lint as build scripts, on top of `*.sh`, `*.bash`, `Makefile`, `*.mk` and `Jenkinsfile`.',
    languageFilePatterns: null,
    jsonSchema: null,
    workspaceGlobs: [],
    walkNames: /^(?:.*\.(?:sh|bash|mk|jenkinsfile)|GNUmakefile|[Mm]akefile|Jenkinsfile.*)$/,
  },
} as const satisfies Record<string, FileKindInfo>;

export type FileKind = keyof typeof FILE_KIND_INFO;
/** Every kind, in the registry's order. */
export const FILE_KINDS = Object.keys(FILE_KIND_INFO) as readonly FileKind[];

/** The registry entry of a kind, typed as the interface (the table's literal types are for `FileGlobKey`). */
export function kindInfo(kind: FileKind): FileKindInfo {
  return FILE_KIND_INFO[kind];
}

/** Keys of the `dockerProxyDoctor.files` setting, one per kind. */
export type FileGlobKey = (typeof FILE_KIND_INFO)[FileKind]['settingKey'];
export function fileGlobKey(kind: FileKind): FileGlobKey {
  return FILE_KIND_INFO[kind].settingKey;
}

/** Extra globs per kind (the `dockerProxyDoctor.files` setting), on top of the built-in locations. */
export type FileGlobs = Partial<Record<FileGlobKey, string[]>>;

/** Kinds a script may write from a here-document (`cat > /etc/docker/daemon.json <<EOF`), linted as those files. */
export type ScriptTargetKind = { [K in FileKind]: (typeof FILE_KIND_INFO)[K]['scriptTargetLabel'] extends string ? K : never }[FileKind];

export function isScriptTargetKind(kind: FileKind): kind is ScriptTargetKind {
  return kindInfo(kind).scriptTargetLabel !== null;
}

/** False only when no rule can fire on `text` as `kind` (the kind's pre-scan, prescan.ts). */
export function mayHaveFindings(text: string, kind: FileKind): boolean {
  return kindInfo(kind).prescan(text);
}

/** File-name suffixes of template files; the name before it says the kind (`daemon.json.j2`, `http-proxy.conf.tpl`). */
const TEMPLATE_SUFFIX_RE = /\.(?:j2|jinja2?|tpl|tmpl|erb|epp|template)$/i;

/** The path without its template suffix, or undefined when the name has none. */
export function untemplatedPath(path: string): string | undefined {
  return TEMPLATE_SUFFIX_RE.test(path) ? path.replace(TEMPLATE_SUFFIX_RE, '') : undefined;
}

export function isTemplatePath(path: string | undefined): boolean {
  return path !== undefined && TEMPLATE_SUFFIX_RE.test(path);
}

const unique = (list: readonly string[]) => [...new Set(list)];

/** Every VS Code language the extension attaches to (the document selector and the `onLanguage` activation events). */
export function editorLanguages(): string[] {
  return unique(FILE_KINDS.flatMap((k) => [...kindInfo(k).languages, ...kindInfo(k).hostLanguages]));
}

/** The kind a language always means (`dockerfile`, `systemd-dropin`, `dockercompose`), or undefined. */
export function kindOfLanguage(languageId: string): FileKind | undefined {
  return FILE_KINDS.find((k) => kindInfo(k).languages.includes(languageId));
}

/** Workspace globs that mean "this workspace has Docker files" (activation events, lazy start). */
export function workspaceGlobs(): string[] {
  return unique(FILE_KINDS.flatMap((k) => kindInfo(k).workspaceGlobs));
}

/** Whether the CLI reads a file of this name during a directory walk (for one kind, or for any). */
export function isWalkName(name: string, kind?: FileKind): boolean {
  return (kind ? [kind] : FILE_KINDS).some((k) => kindInfo(k).walkNames.test(name));
}
