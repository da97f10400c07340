// computeStatusReport: discovery (files, environment, commands in parallel with timeouts) → status model → one branch
// per layer → cross-layer checks → a masked ProxyStatusReport. Pure apart from the injected Machine.
import { DEFAULT_COMMAND_TIMEOUT_MS, DEFAULT_TOOL_PATHS, type Machine } from '../machine';
import type { MachineParams } from '../../shared/protocol';
import type { Health, ProxyStatusReport, StatusFinding, StatusLayer } from './report';
import { discover } from './discover';
import { buildStatusModel, fileSource, type StatusModel } from './statusModel';
import { STATUS_CHECKS } from './findings';
import { vscodeLayer } from './layers/vscode';
import { shellLayer } from './layers/shell';
import { clientConfigLayer } from './layers/clientConfig';
import { daemonLayer } from './layers/daemon';
import { builderLayer } from './layers/builder';
import { buildArgsLayer } from './layers/buildArgs';
import { settleHealth, worse } from './layers/common';
import { maskDeep } from './mask';
import { addEngineView } from './engines/engineView';
import type { LayerId } from './report';

export interface StatusOptions extends MachineParams {
  /** Files and environment only, even when trusted (the CLI's --root mode without --docker). */
  filesOnly?: boolean;
  /** Time stamp of the report (tests pass a fixed one). */
  now?: Date;
}

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;

/** Lint findings of every file the status read, attached to the layer that file configures. */
function lintFindings(model: StatusModel): StatusFinding[] {
  const out: StatusFinding[] = [];
  for (const f of model.files) {
    const layer: LayerId = f.role === 'cli-config' ? 'client-config' : 'daemon';
    for (const l of f.lint) {
      out.push({ id: l.ruleId, severity: l.severity, layer, message: l.message, source: fileSource(f, l.range.start.line), lint: true });
    }
  }
  return out;
}

export function reportFromModel(model: StatusModel, now: Date): ProxyStatusReport {
  const layers: StatusLayer[] = [vscodeLayer(model), shellLayer(model), clientConfigLayer(model), daemonLayer(model), builderLayer(model), buildArgsLayer(model)];
  addEngineView(model, layers);
  const findings: StatusFinding[] = [];
  for (const check of STATUS_CHECKS) {
    try {
      findings.push(...check.check(model));
    } catch (error) {
      // A broken check must not take the whole view down; it shows as a note on its layer.
      layers.find((l) => l.id === check.meta.layer)?.notes.push({ text: `internal error in check ${check.meta.id}: ${String(error)}`, health: 'unknown' });
    }
  }
  findings.push(...lintFindings(model));
  findings.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || Number(!!a.lint) - Number(!!b.lint));
  for (const f of findings) layers.find((l) => l.id === f.layer)?.findings.push(f);
  layers.forEach(settleHealth);
  let health: Health = 'ok';
  for (const l of layers) health = worse(health, l.health === 'unknown' ? 'ok' : l.health);
  if (layers.every((l) => l.health === 'unknown')) health = 'unknown';
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  const proxyValue = (l: StatusLayer) => l.id !== 'vscode' && l.values.some((v) => !v.overridden && (v.variable === 'http' || v.variable === 'https' || v.variable === 'all'));
  const report: ProxyStatusReport = {
    generatedAt: now.toISOString(),
    health,
    counts,
    docker: {
      state: model.docker.state,
      ...(model.docker.message ? { message: model.docker.message } : {}),
      ...(model.info ? { serverVersion: model.info.serverVersion, operatingSystem: model.info.operatingSystem, desktop: model.desktop, rootless: model.rootless } : {}),
      ...(model.daemonHost?.contextName ? { context: model.daemonHost.contextName } : {}),
      ...(model.daemonHost ? { host: model.daemonHost.host } : {}),
      ...(model.engine ? { engine: { kind: model.engine.recognition.kind, label: model.engine.recognition.label, evidence: model.engine.recognition.evidence } } : {}),
    },
    noConfiguration: !layers.some(proxyValue),
    layers,
    findings,
    commands: model.obs.commands,
  };
  return maskDeep(report);
}

export async function computeStatusReport(machine: Machine, options: StatusOptions = {}): Promise<ProxyStatusReport> {
  const timeoutMs = options.commandTimeoutMs && options.commandTimeoutMs > 0 ? Math.min(options.commandTimeoutMs, 120_000) : DEFAULT_COMMAND_TIMEOUT_MS;
  const obs = await discover(machine, {
    tools: { docker: options.dockerPath || DEFAULT_TOOL_PATHS.docker, systemctl: options.systemctlPath || DEFAULT_TOOL_PATHS.systemctl },
    timeoutMs,
    // Untrusted workspace: not a single program runs (DESIGN "Security").
    runCommands: options.trusted !== false && !options.filesOnly,
  });
  return reportFromModel(buildStatusModel(obs, options.vscodeProxy), options.now ?? new Date());
}
