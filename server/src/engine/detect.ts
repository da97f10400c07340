// Which of our file kinds a path is, without false triggers: an unrelated config.json or *.json gets nothing.
import type { FileKind } from './findingTypes';
import { untemplatedPath } from './proxy/placeholder';

const DOCKERFILE_NAME = /^(?:(?:Dockerfile|Containerfile)(?:\.[^/\\]+)?|[^/\\]+\.(?:Dockerfile|dockerfile|Containerfile|containerfile))$/;

function normalise(path: string): string {
  return path.replace(/\\/g, '/');
}

function baseName(path: string): string {
  const p = normalise(path);
  return p.slice(p.lastIndexOf('/') + 1);
}

/** Locations where dockerd and the CLI really read these files (facts §1, §3, §9). */
export function kindFromLocation(path: string): FileKind | undefined {
  const p = normalise(path);
  const base = baseName(p);
  if (DOCKERFILE_NAME.test(base)) return 'dockerfile';
  if (/\/docker\.service\.d\/[^/]+\.conf$/.test(p)) return 'systemd-dropin';
  if (/(^|\/)etc\/(default|sysconfig)\/docker$/.test(p) || /(^|\/)etc\/environment$/.test(p)) return 'systemd-dropin';
  if (base === 'daemon.json' && (/(^|\/)etc\/docker\/daemon\.json$/.test(p) || /\/\.config\/docker\/daemon\.json$/.test(p) || /\/docker\/config\/daemon\.json$/i.test(p))) return 'daemon-json';
  if (base === 'config.json' && /(^|\/)\.docker\/config\.json$/.test(p)) return 'cli-config';
  return scriptKindFromLocation(p, base);
}

/** Compose files by the names `docker compose` looks for (and the usual `-f` override names). */
const COMPOSE_NAME = /^(?:docker-compose(?:[.-][^/]*)?|compose(?:\.[^/]*)?)\.ya?ml$/;
const SHELL_NAME = /^(?:[^/]+\.(?:sh|bash)|GNUmakefile|[Mm]akefile|[^/]+\.mk|Jenkinsfile(?:\.[^/]+)?|[^/]+\.jenkinsfile)$/;

/** Compose files, CI workflows and build scripts, by name and location (issue 11). */
function scriptKindFromLocation(p: string, base: string): FileKind | undefined {
  if (COMPOSE_NAME.test(base)) return 'compose';
  if (/(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/.test(p) || /^(?:\.gitlab-ci|[^/]+\.gitlab-ci)\.ya?ml$/.test(base)) return 'ci-workflow';
  if (SHELL_NAME.test(base)) return 'shell';
  return undefined;
}

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

/**
 * A daemon.json or config.json elsewhere (a repo's provisioning files, a test fixture) is linted only when its
 * name and content both say so; a template file (`daemon.json.j2`) as the file it renders. Undefined for anything else.
 */
export function kindFromContent(path: string, text: string): FileKind | undefined {
  const base = baseName(path);
  // A script without an extension is one when its first line says so (`#!/bin/sh`, `#!/usr/bin/env bash`).
  if (!base.includes('.') && /^#![^\n]*\b(?:sh|bash|dash|ksh|zsh)\b/.test(text)) return 'shell';
  if (base !== 'daemon.json' && base !== 'config.json') return kindFromTemplate(path, text);
  const keys = new Set(Array.from(text.slice(0, 200_000).matchAll(/"([^"\\]{1,64})"\s*:/g), (m) => m[1]));
  if (base === 'daemon.json') {
    for (const k of keys) if (DAEMON_KEYS.has(k)) return 'daemon-json';
    return undefined;
  }
  // config.json: a known CLI key, or `proxies` with a client-shaped entry (camelCase proxy fields).
  for (const k of keys) if (CLI_KEYS.has(k) && k !== 'experimental' && k !== 'features') return 'cli-config';
  if (keys.has('proxies') && ['httpProxy', 'httpsProxy', 'noProxy', 'ftpProxy', 'allProxy', 'default'].some((k) => keys.has(k))) return 'cli-config';
  return undefined;
}

/**
 * A template of one of our files (`daemon.json.j2`, `http-proxy.conf.tpl`, `config.json.erb`, `Dockerfile.tmpl`):
 * the name without the template suffix says the kind, by location or by content. A drop-in template usually lives in a
 * role's `templates/` folder, so a `.conf` template is a drop-in when it has `[Service]` and a proxy `Environment=`.
 */
export function kindFromTemplate(path: string, text?: string): FileKind | undefined {
  const plain = untemplatedPath(path);
  if (plain === undefined) return undefined;
  const located = kindFromLocation(plain);
  if (located) return located;
  if (text === undefined) return undefined;
  if (/\.conf$/.test(plain) && /^\s*\[Service\]/m.test(text) && /^\s*Environment\s*=.*_proxy/im.test(text)) return 'systemd-dropin';
  return kindFromContent(plain, text);
}

/** Kind of a file from its location first, then from name plus content (templates included). */
export function detectKind(path: string, text?: string): FileKind | undefined {
  return kindFromLocation(path) ?? (text === undefined ? kindFromTemplate(path) : kindFromContent(path, text));
}
