// The daemon layer: configured (ExecStart flags, daemon.json, drop-ins or `systemctl show`), which source wins per
// variable (facts §1: flag/daemon.json over the environment), and effective (`docker info`, the running dockerd).
import type { StatusModel } from '../statusModel';
import type { StatusLayer } from '../report';
import { lintHealth, makeValue, newLayer, note, proxySummary } from './layerParts';

const VIA: Record<string, string> = { flag: 'dockerd flag', 'daemon-json': 'daemon.json', 'drop-in': 'systemd drop-in', systemctl: 'systemd unit environment' };

export function daemonLayer(model: StatusModel): StatusLayer {
  const layer = newLayer('daemon');
  for (const c of model.configured) {
    if (c.variable === 'all') {
      layer.values.push(makeValue(c.name, 'all', c.value, c.source, { note: 'dockerd (Go) ignores ALL_PROXY' }));
      continue;
    }
    const winner = model.winners.get(c.variable);
    const overridden = winner !== undefined && winner !== c;
    layer.values.push(makeValue(c.name, c.variable, c.value, c.source, {
      health: c.file && c.setting ? lintHealth(c.file.lint, c.setting.nameRange.start.line, c.setting.valueRange.end.line) : 'ok',
      overridden,
      note: overridden ? `overridden: the ${VIA[winner.via]} value (${winner.source.label}) wins` : `configured (${VIA[c.via]})`,
    }));
  }
  const eff = model.effective;
  if (eff) {
    const label = model.obs.info!.command;
    const names = { http: 'HTTPProxy', https: 'HTTPSProxy', no: 'NoProxy' } as const;
    for (const v of ['http', 'https', 'no'] as const) {
      if (eff[v]) layer.values.push(makeValue(names[v], v, eff[v], { kind: 'command', label }, { note: model.winners.has(v) ? 'effective (running dockerd)' : 'effective (running dockerd; from its environment, no file we read sets it)' }));
    }
  }
  for (const f of [model.daemonJson, ...model.dropIns]) {
    if (!f) continue;
    const problems = f.lint.filter((x) => x.severity !== 'info');
    if (problems.length) {
      const refuses = f.lint.some((x) => x.dockerdRefuses);
      layer.notes.push(note(`${f.path}: ${problems.length} problem${problems.length === 1 ? '' : 's'}${refuses ? ', dockerd refuses to start with this file' : ''}.`, problems.some((x) => x.severity === 'error') ? 'error' : 'warning', { kind: 'file', label: f.path, path: f.path }));
    }
  }
  for (const f of model.files) {
    if (f.text === undefined && f.error && f.error !== 'missing' && f.role !== 'cli-config') layer.notes.push(note(`${f.path}: ${f.error === 'permission' ? 'permission denied (read it with sudo to check it)' : f.error}`, 'unknown', { kind: 'file', label: f.path, path: f.path }));
  }
  const d = model.docker;
  if (d.state !== 'ok') layer.notes.push(note(d.message ?? `docker: ${d.state}`, 'unknown'));
  else if (model.info) layer.notes.push(note(`dockerd ${model.info.serverVersion} on ${model.info.operatingSystem}${model.rootless ? ', rootless' : ''}${model.desktop ? ', Docker Desktop' : ''}.`));
  const vmOrRemote = ['colima', 'lima', 'rancher-desktop', 'podman', 'remote'].includes(model.engine?.recognition.kind ?? '');
  if (!model.daemonJson && model.dropIns.length === 0 && !model.desktop && !vmOrRemote) layer.notes.push(note('No daemon.json and no docker.service drop-in found.'));
  const configured = layer.values.filter((v) => v.source.kind !== 'command' || !/info/.test(v.source.label));
  layer.summary = eff ? `effective: ${proxySummary(layer.values.filter((v) => v.source.label === model.obs.info!.command))}` : `configured: ${proxySummary(configured)}`;
  return layer;
}
