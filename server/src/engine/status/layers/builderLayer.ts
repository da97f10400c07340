// The builder layer: the current buildx builder and its driver. A `docker` driver builder is dockerd's built-in
// BuildKit and pulls with the daemon's proxy; a `docker-container` builder's buildkitd reads only its container's
// environment (`--driver-opt env.*`), never the daemon's or the client's settings (facts §2, §5).
import type { StatusModel } from '../statusModel';
import type { StatusLayer } from '../report';
import { envVariableOf } from '../../proxy/names';
import { makeValue, newLayer, note, proxySummary } from './layerParts';

export function builderLayer(model: StatusModel): StatusLayer {
  const layer = newLayer('builder');
  const b = model.builder;
  if (!b) {
    layer.health = 'unknown';
    layer.summary = 'not checked';
    layer.notes.push(note(model.docker.state === 'not-checked' ? 'Docker was not asked (untrusted workspace or files-only mode).' : 'buildx was not asked.', 'unknown'));
    return layer;
  }
  if (b.error) {
    const missing = /unknown command|is not a docker command|not found/i.test(b.error);
    layer.health = 'unknown';
    layer.summary = missing ? 'buildx not installed' : 'could not read';
    layer.notes.push(note(missing ? 'buildx is not installed: `docker build` uses the legacy builder, which pulls with the daemon\'s proxy.' : `docker buildx: ${b.error}`, 'unknown'));
    return layer;
  }
  const name = b.inspect?.name ?? b.builder?.name ?? '?';
  const driver = b.inspect?.driver ?? b.builder?.driver ?? '?';
  layer.values.push(makeValue('builder', 'other', `${name} (${driver})`, { kind: 'command', label: model.obs.buildxInspect?.command ?? 'docker buildx ls' }));
  if (b.all.length > 1) layer.notes.push(note(`${b.all.length} builders: ${b.all.map((x) => `${x.name}${x.current ? '*' : ''} (${x.driver})`).join(', ')}.`));
  const cmds = model.buildCommands;
  if (cmds && cmds.build.name !== cmds.buildxBuild.name) {
    // Which command uses which builder (docker/cli cmd/docker/builder.go processBuilder): not the same one here.
    layer.notes.push(note(`\`docker build\` uses "${cmds.build.name}" (${cmds.build.driver ?? '?'} driver): ${cmds.build.why}.`));
    layer.notes.push(note(`\`docker buildx build\` uses "${cmds.buildxBuild.name}" (${cmds.buildxBuild.driver ?? '?'} driver): ${cmds.buildxBuild.why}.`));
  }
  if (driver === 'docker') {
    layer.summary = `${name}: docker driver, uses the daemon's proxy`;
    layer.notes.push(note('docker driver: BuildKit runs inside dockerd and pulls with the daemon\'s proxy (see the Daemon layer).'));
    return layer;
  }
  if (driver !== 'docker-container') {
    layer.summary = `${name}: ${driver} driver`;
    layer.notes.push(note(`${driver} driver: its proxy is configured where that builder runs; not checked here.`, 'unknown'));
    return layer;
  }
  // docker-container: the container's environment when it exists, else the driver options buildx will create it with.
  for (const c of b.containers) {
    if (c.parsed) {
      for (const e of c.parsed.env) {
        const v = envVariableOf(e.name);
        if (v && e.value) layer.values.push(makeValue(e.name, v, e.value, { kind: 'command', label: `docker inspect ${c.container}` }));
      }
      layer.values.push(makeValue('network', 'other', c.parsed.networkMode || 'default', { kind: 'command', label: `docker inspect ${c.container}` }, { note: c.parsed.networkMode === 'host' ? 'host network: 127.0.0.1 is the host' : 'own network namespace: 127.0.0.1 is the builder container itself' }));
    } else {
      layer.notes.push(note(`${c.container}: ${c.error ?? 'not found'} (the builder has not started yet; showing its driver options).`));
    }
  }
  if (!b.containers.some((c) => c.parsed)) {
    for (const node of b.inspect?.nodes ?? []) {
      for (const [k, value] of Object.entries(node.driverOptions)) {
        const m = /^env\.(.+)$/.exec(k);
        const v = m && envVariableOf(m[1]);
        if (v && value) layer.values.push(makeValue(m![1], v, value, { kind: 'command', label: model.obs.buildxInspect!.command }, { note: `--driver-opt ${k}` }));
      }
    }
  }
  layer.summary = `${name}: docker-container, ${proxySummary(layer.values)}`;
  return layer;
}

/** The proxy variables a docker-container builder has (container env, else driver options); raw values. */
export function builderProxyEnv(model: StatusModel): { env: Record<string, string>; network: string; label: string } | undefined {
  const b = model.builder;
  const driver = b?.inspect?.driver ?? b?.builder?.driver;
  if (!b || driver !== 'docker-container') return undefined;
  const env: Record<string, string> = {};
  const running = b.containers.find((c) => c.parsed);
  if (running?.parsed) {
    for (const e of running.parsed.env) if (envVariableOf(e.name)) env[e.name] = e.value;
    return { env, network: running.parsed.networkMode, label: `docker inspect ${running.container}` };
  }
  let network = '';
  for (const node of b.inspect?.nodes ?? []) {
    for (const [k, value] of Object.entries(node.driverOptions)) {
      const m = /^env\.(.+)$/.exec(k);
      if (m && envVariableOf(m[1])) env[m[1]] = value;
      if (k === 'network') network = value;
    }
  }
  return { env, network, label: model.obs.buildxInspect?.command ?? 'docker buildx inspect' };
}
