// computeStatusReport: discovery (files, environment, commands in parallel with timeouts) → status model → one branch
// per layer → cross-layer checks → a masked ProxyStatusReport. Pure apart from the injected Machine.
import { DEFAULT_COMMAND_TIMEOUT_MS, DEFAULT_TOOL_PATHS, type Machine } from '../machine';
import type { MachineOptions } from '../machine';
import type { Health, ProxyStatusReport, StatusFinding, StatusLayer } from './report';
import { discover } from './discover';
import { checkProxies } from './reachability';
import { buildStatusModel, fileSource, type StatusModel } from './statusModel';
import { STATUS_CHECKS } from './findings';
import { vscodeLayer } from './layers/vscodeLayer';
import { shellLayer } from './layers/shellLayer';
import { clientConfigLayer } from './layers/clientConfigLayer';
import { daemonLayer } from './layers/daemonLayer';
import { builderLayer } from './layers/builderLayer';
import { buildArgsLayer } from './layers/buildArgsLayer';
import { settleHealth, severityHealth, worse } from './layers/layerParts';
import { findingTitle } from './findings/check';
import { applyFindingSettings } from './findingSettings';
import { maskDeep } from './mask';
import { addEngineView } from './engines/engineView';
import type { LayerId } from './report';
import type { SeveritySetting } from '../findingTypes';

export interface StatusOptions extends MachineOptions {
  /** Files and environment only, even when trusted (the CLI's --root mode without --docker). */
  filesOnly?: boolean;
  /** Time stamp of the report (tests pass a fixed one). */
  now?: Date;
  /**
   * `dockerProxyDoctor.rules` / the CLI's --config `rules`: severity per finding id (`SV030`) or name
   * (`proxy-not-listening`), `off` drops it. Status findings obey them, and the suppression comments of the file they
   * point at, exactly like lint findings (findingSettings.ts).
   */
  rules?: Readonly<Record<string, SeveritySetting>>;
}

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;

/** Lint findings of every file the status read, attached to the layer that file configures. */
function lintFindings(model: StatusModel): StatusFinding[] {
  const out: StatusFinding[] = [];
  for (const f of model.files) {
    const layer: LayerId = f.role === 'cli-config' ? 'client-config' : 'daemon';
    for (const l of f.lint) {
      out.push({ id: l.ruleId, severity: l.severity, layer, title: findingTitle(lintTitle(l.message, f.path), layer), message: l.message, source: fileSource(f, l.range.start.line), lint: true });
    }
  }
  return out;
}

/** The first sentence, clipped at a word, with the file's name unless the sentence names it already. */
function lintTitle(message: string, path: string): string {
  const base = path.replace(/^.*\//, '');
  const sentence = firstSentence(message);
  // daemon.json and config.json are named by the layer already; a drop-in's name is not.
  return sentence.includes(base) || base === 'daemon.json' || base === 'config.json' ? clipWords(sentence, 84) : `${clipWords(sentence, 72)} (${base})`;
}

function clipWords(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
}

function firstSentence(text: string): string {
  const m = /^(.*?[.:;])(\s|$)/.exec(text);
  return (m ? m[1] : text).replace(/[.:;]$/, '');
}

/**
 * A value is never green under a finding about it: a lint finding on the value's file line (any layer: a config.json
 * line is read by containers and by build steps), a finding of the value's layer on its line, or one that names the
 * value in its own layer (`about`).
 */
function valuesFollowFindings(layers: StatusLayer[], findings: StatusFinding[]): void {
  for (const f of findings) {
    const h = severityHealth(f.severity);
    if (h === 'ok') continue;
    for (const layer of layers) {
      for (const v of layer.values) {
        if (v.overridden) continue;
        // A lint finding is about its line for every layer that reads it; a cross-layer finding only in its own layer
        // (SV001 points at the daemon's proxy line, but the shell is what lacks it).
        const sameLine = (f.lint || layer.id === f.layer) && f.source?.path !== undefined && f.source.line !== undefined && v.source.path === f.source.path && v.source.line === f.source.line;
        const named = layer.id === f.layer && f.about?.includes(v.name);
        if (sameLine || named) v.health = worse(v.health, h);
      }
    }
  }
}

export function reportFromModel(model: StatusModel, now: Date, rules?: StatusOptions['rules']): ProxyStatusReport {
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
  findings.splice(0, findings.length, ...applyFindingSettings(findings, model, rules));
  findings.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || Number(!!a.lint) - Number(!!b.lint));
  for (const f of findings) layers.find((l) => l.id === f.layer)?.findings.push(f);
  valuesFollowFindings(layers, findings);
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

/** The one machine model: discovery (files, environment, commands) → StatusModel. The test and the explainer use it too. */
export async function computeStatusModel(machine: Machine, options: StatusOptions = {}): Promise<StatusModel> {
  const timeoutMs = options.commandTimeoutMs && options.commandTimeoutMs > 0 ? Math.min(options.commandTimeoutMs, 120_000) : DEFAULT_COMMAND_TIMEOUT_MS;
  const obs = await discover(machine, {
    tools: { docker: options.dockerPath || DEFAULT_TOOL_PATHS.docker, systemctl: options.systemctlPath || DEFAULT_TOOL_PATHS.systemctl },
    timeoutMs,
    // Untrusted workspace: not a single program runs (DESIGN "Security").
    runCommands: options.trusted !== false && !options.filesOnly,
  });
  const model = buildStatusModel(obs, options.vscodeProxy, options.rules);
  // Is each proxy listening? Network, not a command, but only where commands may run (a trusted workspace).
  if (obs.ranCommands) model.proxyChecks = await checkProxies(machine, model);
  return model;
}

export async function computeStatusReport(machine: Machine, options: StatusOptions = {}): Promise<ProxyStatusReport> {
  return reportFromModel(await computeStatusModel(machine, options), options.now ?? new Date(), options.rules);
}
