// Explanations that use the machine: given an explanation from the catalog and the machine model, name the layer
// that produced the error (a pull error is dockerd's, a RUN step's is the build steps', a token fetch is the CLI
// shell's), check where that layer's consumer runs before blaming a namespace, and point at the file and line that
// configure that layer, so "Open file" opens the right one.
import type { LayerId, StatusSource } from '../status/report';
import type { StatusModel } from '../status/statusModel';
import { appliedEntry, clientEntries, fileSource, goEnv } from '../status/statusModel';
import { daemonProxyEnv } from '../status/effective';
import { builderProxyEnv } from '../status/layers/builderLayer';
import { isLoopbackHost, maskCredentials, parseProxyUrl } from '../proxy/url';
import { causeById } from './catalog';
import type { Explanation } from './explain';

export interface MachineAttribution {
  /** The layer whose request failed. */
  layer: LayerId;
  /** Why this layer: `"Error response from daemon" is dockerd answering the CLI: a pull is dockerd's request`. */
  why: string;
  /** Where that layer's consumer runs: `the host`, `the BuildKit container's own network namespace` … */
  namespace: string;
  /** True when the consumer shares the host's network namespace (loopback there is this machine). */
  onHost: boolean;
  /** The file (and line) or command that configures this layer's proxy, when one is known. */
  configuredAt?: StatusSource;
  /** The catalog id before the machine changed it (`proxy-loopback-other-netns` → `proxy-refused`). */
  reattributedFrom?: string;
  /** What the machine model says that supports this (masked). */
  evidence: string[];
}

export type AttributedExplanation = Explanation & { machine?: MachineAttribution };

function layerOf(e: Explanation, model: StatusModel): { layer: LayerId | undefined; why: string } {
  if (e.id === 'oauth-token-failed' || /failed to (fetch (oauth|anonymous) token|authorize)/i.test(e.text)) {
    return { layer: 'cli-shell', why: 'the registry token is fetched by the docker CLI / buildx client, with the proxy of the shell that runs it' };
  }
  if (e.source === 'run-step') return { layer: 'build-args', why: 'the line comes from a RUN step: a build container, which sees the proxy build args only' };
  if (e.source === 'buildkit') {
    const b = model.buildCommands?.buildxBuild;
    if (b?.driver === 'docker-container') return { layer: 'builder', why: `BuildKit resolves and pulls images: \`docker buildx build\` runs on builder "${b.name}" (docker-container)` };
    return { layer: 'daemon', why: 'BuildKit resolves and pulls images; with the docker driver it runs inside dockerd and uses the daemon\'s proxy' };
  }
  if (e.source === 'docker-cli' || e.source === 'dockerd' || /Error response from daemon/i.test(e.text)) {
    return { layer: 'daemon', why: '"Error response from daemon" is dockerd answering: pulls, pushes and logins are dockerd\'s requests' };
  }
  return { layer: e.layer, why: e.layer ? 'the cause names this layer' : 'the text does not say which layer made the request' };
}

function consumerOf(layer: LayerId, model: StatusModel): { namespace: string; onHost: boolean } {
  switch (layer) {
    case 'daemon':
      if (model.desktop) return { namespace: 'the Docker Desktop VM', onHost: false };
      if (model.rootless) return { namespace: 'the rootless dockerd\'s network namespace (RootlessKit)', onHost: false };
      return { namespace: 'the host (a rootful dockerd shares its network namespace)', onHost: true };
    case 'builder': {
      const b = builderProxyEnv(model);
      if (b?.network === 'host') return { namespace: 'the host network (builder created with network=host)', onHost: true };
      return { namespace: 'the BuildKit container\'s own network namespace', onHost: false };
    }
    case 'build-args':
    case 'client-config': return { namespace: 'a container\'s own network namespace', onHost: false };
    default: return { namespace: 'the host', onHost: true };
  }
}

/** The proxy value this layer uses (raw) and where it is configured. */
function proxyOf(layer: LayerId, model: StatusModel): { value?: string; source?: StatusSource; credentialsUnknown?: boolean } {
  switch (layer) {
    case 'daemon': {
      const d = daemonProxyEnv(model);
      const value = d.env.HTTPS_PROXY ?? d.env.HTTP_PROXY;
      const source = d.sourceOf.https ?? d.sourceOf.http
        ?? (model.daemonJson ? fileSource(model.daemonJson) : model.dropIns[0] ? fileSource(model.dropIns[0]) : undefined);
      return { value, source, credentialsUnknown: d.credentialsUnknown };
    }
    case 'client-config':
    case 'build-args': {
      const file = model.clientConfig;
      const { entry } = appliedEntry(clientEntries(file), model.daemonHost?.host);
      const f = entry?.fields.find((x) => x.variable === 'https') ?? entry?.fields.find((x) => x.variable === 'http');
      return { value: f?.value, source: file && (f ? fileSource(file, f.line) : entry ? fileSource(file, entry.line) : fileSource(file)) };
    }
    case 'builder': {
      const b = builderProxyEnv(model);
      const e = b && (goEnv(b.env, 'https') ?? goEnv(b.env, 'http'));
      return { value: e?.value, source: b ? { kind: 'command', label: b.label } : undefined };
    }
    case 'cli-shell': {
      const e = goEnv(model.shellEnv, 'https') ?? goEnv(model.shellEnv, 'http');
      return { value: e?.value, source: e ? { kind: 'env', label: `environment ${e.name}` } : undefined };
    }
    default: return {};
  }
}

function withCause(e: Explanation, id: string): Explanation {
  const c = causeById(id);
  return c ? { ...e, id: c.id, title: c.title, cause: c.cause, action: c.action, related: c.related } : e;
}

export function attributeExplanation(e: Explanation, model: StatusModel): AttributedExplanation {
  const { layer, why } = layerOf(e, model);
  if (!layer) return e;
  const { namespace, onHost } = consumerOf(layer, model);
  const proxy = proxyOf(layer, model);
  const evidence: string[] = [];
  let out: Explanation = { ...e, layer };
  let reattributedFrom: string | undefined;
  const url = proxy.value ? parseProxyUrl(proxy.value) : undefined;
  if (proxy.value) evidence.push(`${layer} uses the proxy ${maskCredentials(proxy.value)}${proxy.source ? ` (${proxy.source.label})` : ''}`);
  const check = url && model.proxyChecks?.find((c) => c.host.toLowerCase() === url.host.replace(/^\[|\]$/g, '').toLowerCase());
  if (check) evidence.push(`a TCP connection from this machine to ${check.host}:${check.port} ${check.result.ok ? 'succeeds now' : `fails now (${check.result.failure ?? 'error'})`}`);

  // "connection refused" from a loopback proxy: a namespace problem only when the consumer is not on the host.
  if (e.id === 'proxy-loopback-other-netns' && onHost) {
    reattributedFrom = e.id;
    out = withCause(out, 'proxy-refused');
    evidence.push(`${layer === 'daemon' ? 'dockerd' : 'the consumer'} runs in ${namespace}, where 127.0.0.1 is this machine: the proxy there is not listening`);
  } else if (e.id === 'proxy-refused' && !onHost && url && isLoopbackHost(url.host)) {
    reattributedFrom = e.id;
    out = withCause(out, 'proxy-loopback-other-netns');
  }
  // A 407: credentials that are there but wrong are not "missing credentials".
  if (e.id === 'proxy-auth-required' && layer === 'daemon') {
    if (proxy.credentialsUnknown) {
      reattributedFrom = e.id;
      out = withCause(out, 'proxy-credentials-unknown');
    } else if (url?.userinfo) {
      reattributedFrom = e.id;
      out = withCause(out, 'proxy-credentials-rejected');
    }
  }
  const machine: MachineAttribution = { layer, why, namespace, onHost, evidence, ...(proxy.source ? { configuredAt: proxy.source } : {}), ...(reattributedFrom ? { reattributedFrom } : {}) };
  return { ...out, layer, machine };
}

export function attributeExplanations(explanations: readonly Explanation[], model: StatusModel): AttributedExplanation[] {
  return explanations.map((e) => attributeExplanation(e, model));
}
