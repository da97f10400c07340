// The connectivity test's inputs, taken from the one machine model (engine/status/statusModel.ts): the proxy each
// layer really uses, where its consumer's network stack lives, the CAs it trusts and the registries it does not
// verify. There is no second discovery: what the Proxy Status view shows is what the test probes.
import type { LayerId } from '../status/report';
import { appliedEntry, clientEntries, goEnv, type StatusModel } from '../status/statusModel';
import { daemonProxyEnv } from '../status/effective';
import { builderProxyEnv } from '../status/layers/builderLayer';
import type { LayerProxyInput } from './layers';
import { modelledDaemonUpstream } from '../status/engines';

export interface ProbeInputs {
  layers: LayerProxyInput[];
  notProbed: Array<{ layer: LayerId; reason: string }>;
}

/** `/etc/docker/certs.d/<host:port>/` CAs per registry directory name. */
export function certsByHost(model: StatusModel): Record<string, { dir: string; pem: string[] }> {
  const out: Record<string, { dir: string; pem: string[] }> = {};
  for (const c of model.certs) if (c.cas.length) out[c.host.toLowerCase()] = { dir: c.dir, pem: c.cas.map((x) => x.pem) };
  return out;
}

function daemonInput(model: StatusModel): LayerProxyInput | string {
  if (!model.effective && model.winners.size === 0 && model.docker.state !== 'ok') {
    return `dockerd's proxy is unknown: ${model.docker.message ?? 'docker info did not answer'} and no proxy is configured in a file dockerd reads.`;
  }
  const desktopUpstream = model.desktop ? desktopUpstreamInput(model) : undefined;
  if (desktopUpstream) return desktopUpstream;
  const d = daemonProxyEnv(model);
  const certsDir = model.rootless ? model.obs.locations.certsDirRootless : model.obs.locations.certsDir;
  return {
    layer: 'daemon',
    consumerLabel: model.desktop ? 'dockerd in the Docker Desktop VM' : model.rootless ? 'dockerd (rootless, RootlessKit network namespace)' : 'dockerd',
    env: d.env,
    consumer: 'go',
    namespace: model.desktop ? 'vm' : model.rootless ? 'container' : 'host',
    namespaceLabel: model.desktop ? 'the Docker Desktop VM' : model.rootless ? 'the rootless network namespace' : 'the host',
    source: d.sources.join(', ') || (model.effective ? 'docker info (no proxy)' : 'no proxy configured'),
    desktop: model.desktop,
    credentialsUnknown: d.credentialsUnknown,
    modelled: d.fromConfigOnly ? 'dockerd did not answer docker info: its configured proxy is probed from this host' : undefined,
    insecure: { registries: model.insecure.registries, cidrs: model.insecure.cidrs },
    registryCas: certsByHost(model),
    trustCaAt: `${certsDir}/<registry:port>/ca.crt (dockerd reads it at the next pull, no restart needed)`,
  };
}

/**
 * Docker Desktop: dockerd in the VM sends its pulls to Desktop's relay (http.docker.internal:3128), which forwards them
 * to the upstream proxy of Settings → Resources → Proxies (or the OS proxy in "system" mode). That upstream is probed
 * from this host, labelled as modelled; when it cannot be known, the daemon is left to "Verify with Docker".
 */
function desktopUpstreamInput(model: StatusModel): LayerProxyInput | undefined {
  const up = modelledDaemonUpstream(model);
  if (!up || up.from === 'unknown') return undefined;
  const env: Record<string, string> = {};
  if (up.http) env.HTTP_PROXY = up.http;
  if (up.https) env.HTTPS_PROXY = up.https;
  if (up.no) env.NO_PROXY = up.no;
  return {
    layer: 'daemon',
    consumerLabel: 'Docker Desktop\'s proxy relay (for dockerd in its VM)',
    env,
    consumer: 'go',
    namespace: 'host',
    namespaceLabel: 'this host (Desktop\'s relay runs here)',
    source: `${up.source.label} (${up.from === 'none' ? 'no proxy' : `${up.from} proxy`})`,
    modelled: 'Docker Desktop\'s upstream proxy, probed from this host; Desktop\'s own relay is not reproduced (use Verify with Docker for the real route)',
    trustCaAt: 'the OS trust store of this machine (Docker Desktop reads it at start)',
  };
}

function clientConfigInput(model: StatusModel): LayerProxyInput | string {
  const file = model.clientConfig;
  const { entry, reason } = appliedEntry(clientEntries(file), model.daemonHost?.host);
  if (!file || !entry) return `${file?.path ?? 'config.json'}: ${reason}; containers and RUN steps get no proxy from the CLI.`;
  const env: Record<string, string> = {};
  // The CLI injects both spellings into containers and build args (facts §3).
  for (const f of entry.fields) {
    const upper = `${f.variable.toUpperCase()}_PROXY`;
    env[upper] = f.value;
    env[upper.toLowerCase()] = f.value;
  }
  return {
    layer: 'client-config',
    consumerLabel: `containers and RUN steps (config.json "${entry.key}")`,
    env,
    consumer: 'curl',
    namespace: 'container',
    namespaceLabel: 'a container network namespace',
    source: `${file.path} "${entry.key}" (${reason})`,
    modelled: 'probed from this host with the values containers receive; in a container, 127.0.0.1 is the container itself',
    trustCaAt: 'the image\'s trust store (COPY the CA into /usr/local/share/ca-certificates and RUN update-ca-certificates)',
  };
}

function builderInputs(model: StatusModel, daemon: LayerProxyInput | string): { inputs: LayerProxyInput[]; notes: string[] } {
  const cmds = model.buildCommands;
  if (!cmds) return { inputs: [], notes: [model.builder?.error ? `docker buildx: ${model.builder.error}; \`docker build\` uses the legacy builder, which pulls with the daemon's proxy.` : 'buildx was not asked (untrusted workspace or files-only mode).'] };
  const notes: string[] = [];
  const inputs: LayerProxyInput[] = [];
  const byBuilder = new Map<string, string[]>();
  for (const [cmd, b] of [['docker build', cmds.build], ['docker buildx build', cmds.buildxBuild]] as const) {
    byBuilder.set(b.name, [...(byBuilder.get(b.name) ?? []), cmd]);
  }
  for (const [name, commands] of byBuilder) {
    const b = name === cmds.build.name ? cmds.build : cmds.buildxBuild;
    const who = `${commands.map((c) => `\`${c}\``).join(' and ')} → builder "${name}"`;
    const driver = b.driver ?? '?';
    if (driver === 'docker') {
      notes.push(`${who} (docker driver): BuildKit runs inside dockerd and pulls with the daemon's proxy; see the daemon result${typeof daemon === 'string' ? ' (not probed)' : ''}. Why this builder: ${b.why}.`);
      continue;
    }
    const current = model.builder?.inspect?.name ?? model.builder?.builder?.name;
    const settings = driver === 'docker-container' && name === current ? builderProxyEnv(model) : undefined;
    if (!settings) {
      notes.push(`${who} (${driver} driver): its settings were not read (only the selected builder is inspected). Why this builder: ${b.why}.`);
      continue;
    }
    const running = model.builder?.containers.find((c) => c.parsed?.running);
    inputs.push({
      layer: 'builder',
      consumerLabel: `buildkitd of builder "${name}" (${commands.join(', ')})`,
      env: settings.env,
      consumer: 'go',
      namespace: settings.network === 'host' ? 'host' : 'container',
      namespaceLabel: settings.network === 'host' ? 'the host network (network=host)' : `the BuildKit container's own network namespace`,
      source: settings.label,
      modelled: running
        ? `probed from this host with the settings of the running container ${running.container}`
        : 'the BuildKit container is not running (it starts at the first build): probed from this host with its driver options',
      trustCaAt: `the builder's buildkitd.toml ([registry."<host>"] ca=["/path/ca.crt"], given to \`docker buildx create --config\`)`,
    });
    notes.push(`${who}: ${b.why}.`);
  }
  return { inputs, notes };
}

export function probeInputsFromModel(model: StatusModel, layers?: readonly LayerId[]): ProbeInputs {
  const want = (id: LayerId) => !layers || layers.includes(id);
  const out: ProbeInputs = { layers: [], notProbed: [] };
  if (want('vscode') && model.vscodeProxy) {
    const v = model.vscodeProxy;
    const env = v.proxy ? { HTTPS_PROXY: v.proxy, NO_PROXY: (v.noProxy ?? []).join(',') } : model.shellEnv;
    out.layers.push({ layer: 'vscode', consumerLabel: 'VS Code (extension host)', env, consumer: 'curl', namespace: 'host', namespaceLabel: 'the host', source: v.proxy ? 'setting http.proxy' : 'environment of VS Code', trustCaAt: 'the system store (VS Code reads it with http.systemCertificates)' });
  }
  if (want('cli-shell')) {
    const proxy = goEnv(model.shellEnv, 'https');
    out.layers.push({ layer: 'cli-shell', consumerLabel: 'docker CLI / buildx in this shell', env: model.shellEnv, consumer: 'go', namespace: 'host', namespaceLabel: 'the host', source: proxy ? `environment ${proxy.name}` : 'environment', trustCaAt: 'the system store (update-ca-certificates) or SSL_CERT_FILE' });
  }
  if (want('client-config')) {
    const c = clientConfigInput(model);
    if (typeof c === 'string') out.notProbed.push({ layer: 'client-config', reason: c }); else out.layers.push(c);
  }
  const daemon = daemonInput(model);
  if (want('daemon')) {
    if (typeof daemon === 'string') out.notProbed.push({ layer: 'daemon', reason: daemon }); else out.layers.push(daemon);
  }
  if (want('builder')) {
    const b = builderInputs(model, daemon);
    out.layers.push(...b.inputs);
    for (const n of b.notes) out.notProbed.push({ layer: 'builder', reason: n });
  }
  return out;
}
