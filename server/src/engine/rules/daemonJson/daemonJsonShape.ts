// Helpers shared by the daemon.json rules: the effective `proxies` object and the option names dockerd knows.
import type { JsonDocument, ParsedDocument } from '../../document';
import type { ProxySetting, Range, RuleFinding } from '../../findingTypes';
import type { Rule, RuleMeta } from '../../rule';
import { findProperty, objectProperties, stringContentRange, stringValueOffset, type JsonNode, type JsonProperty } from '../../parse/json';
import { DAEMON_PROXY_KEYS, clientFieldFor } from '../../proxy/names';
import { hasPlaceholder } from '../../proxy/placeholder';

/** The `proxies` property dockerd reads: the last one (Go's map decoding keeps the last duplicate). */
export function proxiesProperty(doc: ParsedDocument): JsonProperty | undefined {
  if (doc.kind !== 'daemon-json') return undefined;
  return findProperty(doc.json.root, 'proxies');
}

/** Settings read by dockerd (daemon.json `proxies`, systemd drop-in `Environment=`), proxy URLs only. */
export function daemonUrlSettings(doc: ParsedDocument): ProxySetting[] {
  return doc.proxySettings.filter((s) => s.consumer === 'daemon' && s.variable !== 'no');
}

export function isJsonDoc(doc: ParsedDocument): doc is JsonDocument {
  return doc.kind === 'daemon-json' || doc.kind === 'cli-config';
}

/**
 * Names dockerd 26.1.5 accepts as daemon.json directives (flag names and their daemon.json spellings), measured by
 * running `dockerd --validate` on `{"proxies":{"<name>":"x"}}` for each. `proxies` is flattened one level during
 * validation, so these names pass inside `proxies` too (and are then ignored there); any other name is fatal.
 */
export const DOCKERD_OPTION_NAMES: ReadonlySet<string> = new Set([
  'add-runtime', 'allow-nondistributable-artifacts', 'api-cors-header', 'authorization-plugin', 'authorization-plugins',
  'bip', 'bridge', 'builder', 'cdi-spec-dir', 'cdi-spec-dirs', 'cgroup-parent', 'config-file', 'containerd',
  'containerd-namespace', 'containerd-plugins-namespace', 'cpu-rt-period', 'cpu-rt-runtime', 'cri-containerd',
  'data-root', 'debug', 'default-address-pool', 'default-address-pools', 'default-cgroupns-mode', 'default-gateway',
  'default-gateway-v6', 'default-ipc-mode', 'default-network-opt', 'default-network-opts', 'default-runtime',
  'default-shm-size', 'default-ulimit', 'default-ulimits', 'dns', 'dns-opt', 'dns-opts', 'dns-search', 'exec-opt',
  'exec-opts', 'exec-root', 'experimental', 'features', 'fixed-cidr', 'fixed-cidr-v6', 'group', 'help', 'host',
  'host-gateway-ip', 'hosts', 'icc', 'init', 'init-path', 'insecure-registries', 'insecure-registry', 'ip',
  'ip-forward', 'ip-masq', 'ip6tables', 'iptables', 'ipv6', 'label', 'labels', 'live-restore', 'log-driver',
  'log-format', 'log-level', 'log-opt', 'log-opts', 'max-concurrent-downloads', 'max-concurrent-uploads',
  'max-download-attempts', 'metrics-addr', 'mtu', 'network-control-plane-mtu', 'no-new-privileges',
  'node-generic-resource', 'node-generic-resources', 'pidfile', 'raw-logs', 'registry-mirror', 'registry-mirrors',
  'rootless', 'runtimes', 'seccomp-profile', 'selinux-enabled', 'shutdown-timeout', 'storage-driver', 'storage-opt',
  'storage-opts', 'swarm-default-advertise-addr', 'tls', 'tlscacert', 'tlscert', 'tlskey', 'tlsverify',
  'userland-proxy', 'userland-proxy-path', 'userns-remap', 'validate', 'version',
]);

/** Canonical daemon.json key (or 'all'/'ftp') for a misspelled proxy key: httpProxy, HTTP_PROXY, Http-Proxy... */
export function proxyKeyTarget(key: string): 'http-proxy' | 'https-proxy' | 'no-proxy' | 'all' | 'ftp' | undefined {
  switch (key.toLowerCase().replace(/[^a-z0-9]/g, '')) {
    case 'httpproxy': return 'http-proxy';
    case 'httpsproxy': return 'https-proxy';
    case 'noproxy': return 'no-proxy';
    case 'allproxy': case 'socksproxy': case 'socks5proxy': return 'all';
    case 'ftpproxy': return 'ftp';
    default: return undefined;
  }
}

/** A `proxies.<key>` object that looks like config.json's per-daemon entry (`default`, `tcp://host:2376`). */
export function isClientShapeEntry(prop: JsonProperty): boolean {
  if (prop.valueNode?.type !== 'object') return false;
  if (DOCKERD_OPTION_NAMES.has(prop.key) || prop.key in DAEMON_PROXY_KEYS) return false;
  return prop.key === 'default' || prop.key.includes('://') || objectProperties(prop.valueNode).some((p) => clientFieldFor(p.key) !== undefined);
}

/** A rule that runs its proxy-URL check (the body in its own file) on every setting dockerd reads. */
export function daemonUrlRule(meta: RuleMeta, check: (doc: ParsedDocument, setting: ProxySetting) => RuleFinding | undefined): Rule {
  return {
    meta,
    check(doc): RuleFinding[] {
      const findings: RuleFinding[] = [];
      for (const setting of daemonUrlSettings(doc)) {
        const finding = check(doc, setting);
        if (finding) findings.push(finding);
      }
      return findings;
    },
  };
}

/** A daemon.json with both proxy URLs, for rule examples. */
export function proxiesExample(http: string, https: string): string {
  return `{\n  "proxies": {\n    "http-proxy": ${JSON.stringify(http)},\n    "https-proxy": ${JSON.stringify(https)},\n    "no-proxy": "localhost,127.0.0.1"\n  }\n}\n`;
}

export interface MirrorEntry {
  index: number;
  value: string;
  node: JsonNode;
  /** Range of the string's content (inside the quotes). */
  range: Range;
  /** Document offset of value[0] when the JSON text has no escapes. */
  valueOffset?: number;
}

/** String entries of the effective top-level `registry-mirrors` array. */
export function mirrorEntries(doc: ParsedDocument): MirrorEntry[] {
  if (doc.kind !== 'daemon-json') return [];
  const array = findProperty(doc.json.root, 'registry-mirrors')?.valueNode;
  if (array?.type !== 'array' || !array.children) return [];
  const result: MirrorEntry[] = [];
  array.children.forEach((node, index) => {
    if (node.type !== 'string' || typeof node.value !== 'string') return;
    if (hasPlaceholder(node.value)) return; // a template placeholder is an unknown mirror, not a broken one
    result.push({ index, value: node.value, node, range: stringContentRange(doc.lines, node), valueOffset: stringValueOffset(doc.text, node) });
  });
  return result;
}

/** Range of value[start, end) of a mirror entry (whole entry when the JSON text has escapes). */
export function mirrorSubRange(doc: ParsedDocument, entry: MirrorEntry, start: number, end: number): Range {
  return entry.valueOffset === undefined ? entry.range : doc.lines.range(entry.valueOffset + start, entry.valueOffset + end);
}

/** Mirror URL parts as Go's url.Parse splits them (fragment first, then query, then authority up to '/'). */
export interface MirrorParts {
  scheme: string;
  authority: [number, number];
  userinfo?: [number, number];
  host: string;
  port?: string;
  query?: [number, number];
  fragment?: [number, number];
}

export function splitMirror(value: string): MirrorParts | undefined {
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(value);
  if (!m) return undefined;
  const hash = value.indexOf('#');
  const beforeHash = hash >= 0 ? hash : value.length;
  const q = value.indexOf('?');
  const query: [number, number] | undefined = q >= 0 && q < beforeHash && q + 1 < beforeHash ? [q, beforeHash] : undefined;
  const fragment: [number, number] | undefined = hash >= 0 && hash + 1 < value.length ? [hash, value.length] : undefined;
  const start = m[0].length;
  let end = beforeHash;
  for (let i = start; i < beforeHash; i++) if (value[i] === '/' || value[i] === '?') { end = i; break; }
  const authority = value.slice(start, end);
  const at = authority.lastIndexOf('@');
  const hostPort = at >= 0 ? authority.slice(at + 1) : authority;
  const close = hostPort.startsWith('[') ? hostPort.indexOf(']') : -1;
  const colon = hostPort.indexOf(':', Math.max(0, close));
  return {
    scheme: m[1].toLowerCase(),
    authority: [start, end],
    userinfo: at >= 0 ? [start, start + at] : undefined,
    host: (colon >= 0 ? hostPort.slice(0, colon) : hostPort).toLowerCase(),
    port: colon >= 0 ? hostPort.slice(colon + 1) : undefined,
    query,
    fragment,
  };
}
