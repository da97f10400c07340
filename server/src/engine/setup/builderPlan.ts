// The builder layer: a docker-container builder takes its proxy only from the environment of its BuildKit container,
// set once at creation (`--driver-opt env.http_proxy=…`), so the plan removes and recreates it with the same name,
// driver, endpoint, BuildKit flags and other driver options. buildx reads each --driver-opt value as one CSV record:
// a NO_PROXY list has commas, so that field is quoted (facts §5, BX001/BX002).
import { maskCredentials } from '../proxy/url';
import { parseBuildxInspect, type BuildxInspect } from '../status/buildx';
import type { StatusModel } from '../status/statusModel';
import { emptyLayerPlan, type LayerPlan } from './daemonPlan';
import type { SetupContext } from './input';
import { addressFor } from './namespaces';
import { shellWord } from './types';

const PROXY_OPTION = /^env\.(https?|no|all|ftp)_proxy$/i;

/** One CSV field as Go's encoding/csv reads it: quoted when it holds a comma, a quote or a line break. */
export function csvField(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/** `BuildKit daemon flags:` of `docker buildx inspect` (buildx 0.13), kept on recreate. */
export function buildkitdFlags(stdout: string): string | undefined {
  const m = /^BuildKit daemon flags:[ \t]*(.*)$/m.exec(stdout);
  return m && m[1].trim() ? m[1].trim() : undefined;
}

interface BuilderTarget { name: string; inspect: BuildxInspect; flags?: string; current: boolean }

function targets(model: StatusModel, context: SetupContext, plan: LayerPlan): BuilderTarget[] {
  const all = model.builder?.all ?? [];
  const out: BuilderTarget[] = [];
  for (const b of all.filter((x) => x.driver === 'docker-container')) {
    const raw = context.builderInspects?.find((i) => i.name === b.name)?.stdout;
    const inspect = raw ? parseBuildxInspect(raw) : model.builder?.inspect?.name === b.name ? model.builder.inspect : undefined;
    if (!inspect) {
      plan.blocked.push({ layer: 'builder', reason: `builder ${b.name} could not be inspected, so its options are unknown; it is not recreated (run \`docker buildx inspect ${b.name}\`).` });
      continue;
    }
    if (inspect.nodes.length !== 1) {
      plan.blocked.push({ layer: 'builder', reason: `builder ${b.name} has ${inspect.nodes.length} nodes; setup recreates single-node builders only (recreate it with --append per node).` });
      continue;
    }
    out.push({ name: b.name, inspect, flags: raw ? buildkitdFlags(raw) : undefined, current: b.current });
  }
  return out;
}

export function planBuilder(model: StatusModel, proxyUrl: string, containerProxy: string | undefined, noProxy: string, secret: boolean, context: SetupContext): LayerPlan {
  const plan = emptyLayerPlan();
  for (const t of targets(model, context, plan)) {
    const node = t.inspect.nodes[0];
    const options = node.driverOptions;
    const hostNetwork = options.network === 'host';
    const address = containerProxy ? { url: containerProxy } : addressFor(model, proxyUrl, hostNetwork ? 'host-network-builder' : 'containers');
    const wanted: Record<string, string> = { 'env.http_proxy': address.url, 'env.https_proxy': address.url, 'env.no_proxy': noProxy };
    const current = Object.fromEntries(Object.entries(options).filter(([k]) => PROXY_OPTION.test(k)));
    if (JSON.stringify(Object.entries(current).sort()) === JSON.stringify(Object.entries(wanted).sort())) continue;
    if ('rewrite' in address && address.rewrite) plan.notes.push({ layer: 'builder', severity: 'warning', text: `Builder ${t.name}: proxy host ${address.rewrite.from} is written as ${address.rewrite.to}: ${address.rewrite.note}` });
    const kept = Object.entries(options).filter(([k]) => !PROXY_OPTION.test(k));
    const record = [...kept, ...Object.entries(wanted)].map(([k, v]) => csvField(`${k}=${v}`)).join(',');
    const argv = ['docker', 'buildx', 'create', '--name', t.name, '--driver', 'docker-container', '--driver-opt', record];
    if (t.flags) argv.push('--buildkitd-flags', t.flags);
    if (t.current) argv.push('--use');
    if (node.endpoint) argv.push(node.endpoint);
    const display = (a: string[]) => maskCredentials(a.map(shellWord).join(' '));
    plan.commands.push({ layer: 'builder', title: `Remove builder ${t.name} (its build cache goes with it)`, display: display(['docker', 'buildx', 'rm', t.name]), argv: ['docker', 'buildx', 'rm', t.name], root: false, secret: false });
    const oldRecord = Object.entries(options).map(([k, v]) => csvField(`${k}=${v}`)).join(',');
    const undoCreate = ['docker', 'buildx', 'create', '--name', t.name, '--driver', 'docker-container', ...(oldRecord ? ['--driver-opt', oldRecord] : []), ...argv.slice(argv.indexOf('--driver-opt') + 2)];
    plan.commands.push({ layer: 'builder', title: `Recreate builder ${t.name} with the proxy in its BuildKit container`, display: display(argv), argv, root: false, secret, undo: [['docker', 'buildx', 'rm', t.name], undoCreate] });
  }
  if ((model.builder?.all ?? []).some((b) => b.driver === 'docker')) {
    plan.notes.push({ layer: 'builder', severity: 'info', text: 'Builders with the docker driver build inside dockerd: they use the daemon\'s proxy for pulls and config.json\'s for RUN steps; nothing to recreate.' });
  }
  return plan;
}
