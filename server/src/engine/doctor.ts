// The engine's one front door: everything an adapter (the language server, the CLI, the VS Code client) asks of the
// engine, bound to one machine, one network and one clock given from outside. The adapters build a doctor once at
// their entry (server.ts, cli.ts) and pass it down, so a test can hand any of them a recorded machine instead of this
// one. It only composes the engine's functions; each keeps its own home (lint.ts, hover.ts, status/, probe/, causes/,
// setup/).
import type { Machine, MachineOptions } from './machine';
import type { FileKind, Finding, Position, TextEdit } from './findingTypes';
import { lint, type LintOptions } from './lint';
import { fixAllEdit, fixAllText } from './fixAll';
import { hoverAt, type HoverInfo } from './hover';
import type { ParsedDocument } from './document';
import { computeStatusModel, reportFromModel, type StatusOptions } from './status/compute';
import { discover } from './status/discover';
import { buildStatusModel, type StatusModel } from './status/statusModel';
import type { ConnectivityReport, LayerId, ProxyStatusReport } from './status/report';
import type { Clock, Dialer } from './probe/dialer';
import { certsByHost, probeInputsFromModel } from './probe/inputs';
import { runConnectivityTest, type ConnectivityProgressEvent } from './probe/run';
import { attributeExplanations, type AttributedExplanation } from './causes/attribute';
import { explainText } from './causes/explain';
import { planSetup } from './setup/plan';
import type { SetupContext, SetupInput } from './setup/input';
import type { SetupPlan } from './setup/types';
import { DEFAULT_COMMAND_TIMEOUT_MS, DEFAULT_TOOL_PATHS } from './machine';

/** What a probe connection needs beyond the machine: CAs to trust, and fixed name answers (tests, `--resolve`). */
export interface DialerOptions {
  /** Extra CA certificates (PEM texts) trusted on top of the platform's roots. */
  extraCaPem?: readonly string[];
  /** Fixed answers for names, like /etc/hosts lines. */
  hosts?: Readonly<Record<string, string>>;
}

export interface DoctorServices {
  /** Files, environment and programs of the machine being examined. */
  machine: Machine;
  /** The network the connectivity probes use (one dialer per test, for that test's CAs). */
  dialer: (options: DialerOptions) => Dialer;
  /** Timers and elapsed time of the probes. */
  clock: Clock;
  /** Wall-clock time stamps of reports (the engine reads no clock of its own). */
  date: () => Date;
}

export interface TestOptions extends MachineOptions {
  /** `host[:port]`; default Docker Hub. */
  registries?: readonly string[];
  /** Per-probe timeout in ms. */
  timeoutMs?: number;
  /** Only these layers (default: all). */
  layers?: readonly LayerId[];
  /** Opt-in deep test: dockerd itself contacts each registry (`docker pull`). Never in an untrusted workspace. */
  deep?: boolean;
  /** Limit of each `docker pull` of the deep test. */
  deepTimeoutMs?: number;
  dialer?: DialerOptions;
  signal?: AbortSignal;
  onProgress?: (event: ConnectivityProgressEvent) => void;
}

export interface ExplainResult {
  explanations: AttributedExplanation[];
  /** False when the machine was not asked (untrusted, or nothing found): explanations from the text alone. */
  attributed: boolean;
}

export interface SetupOptions extends MachineOptions {
  /** Files and environment only (another machine's tree without a docker to ask). */
  filesOnly?: boolean;
  /** Workspace Dockerfiles and Compose services (the adapter reads them). */
  dockerfiles?: SetupContext['dockerfiles'];
  composeServices?: SetupContext['composeServices'];
}

export interface Doctor {
  readonly machine: Machine;
  /** The findings of one file. */
  lint(text: string, kind: FileKind, options?: LintOptions): Finding[];
  /** "Fix all": one edit that applies every safe fix (undefined: nothing to fix), or the fixed text. */
  fixes(text: string, kind: FileKind, options?: LintOptions): TextEdit | undefined;
  fixedText(text: string, kind: FileKind, options?: LintOptions): string;
  /** What the proxy setting under the cursor does, for which layer. */
  hover(doc: ParsedDocument, position: Position): HoverInfo | undefined;
  /** The machine model (discovery + reachability): what status, test and explain all read. */
  model(options?: StatusOptions): Promise<StatusModel>;
  /** Every proxy layer of the machine, with its findings (masked). */
  status(options?: StatusOptions): Promise<ProxyStatusReport>;
  /** Probes registries through each layer's proxy, with the values the status shows. */
  test(options?: TestOptions): Promise<ConnectivityReport>;
  /** Explains Docker errors in a text; when trusted, attributes each one to the machine's layer that produced it. */
  explain(text: string, options?: MachineOptions): Promise<ExplainResult>;
  /** The model and the machine's part of the setup context (builders' inspect output), before asking the user. */
  setupModel(options?: SetupOptions): Promise<{ model: StatusModel; context: SetupContext }>;
  /** The setup plan for one proxy on this model. Throws SetupInputError on a bad proxy URL. */
  plan(model: StatusModel, input: SetupInput, context: SetupContext): SetupPlan;
}

export function createDoctor(services: DoctorServices): Doctor {
  const { machine } = services;
  const model = (options: StatusOptions = {}) => computeStatusModel(machine, options);
  return {
    machine,
    lint: (text, kind, options) => lint(text, kind, options),
    fixes: (text, kind, options) => fixAllEdit(text, kind, options),
    fixedText: (text, kind, options) => fixAllText(text, kind, options),
    hover: (doc, position) => hoverAt(doc, position),
    model,
    async status(options = {}) {
      return reportFromModel(await model(options), options.now ?? services.date(), options.rules);
    },
    async test(options = {}) {
      const trusted = options.trusted !== false;
      // The status view's own discovery: the test probes exactly the values the status shows.
      const m = await model({ ...options, commandTimeoutMs: options.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS });
      const gathered = probeInputsFromModel(m, options.layers);
      const dockerPath = options.dockerPath || DEFAULT_TOOL_PATHS.docker;
      const report = await runConnectivityTest({
        layers: gathered.layers,
        notProbed: gathered.notProbed,
        knownCas: certsByHost(m),
        registries: options.registries,
        dialer: services.dialer(options.dialer ?? {}),
        clock: services.clock,
        timeoutMs: options.timeoutMs,
        signal: options.signal,
        // `docker pull` is a command: never in an untrusted workspace.
        deep: options.deep && trusted ? { machine, dockerPath, timeoutMs: options.deepTimeoutMs } : undefined,
        onProgress: options.onProgress,
        generatedAt: services.date().toISOString(),
      });
      if (options.deep && !trusted) (report.notProbed ??= []).push({ layer: 'daemon', reason: 'The deep test (docker pull) does not run in an untrusted workspace.' });
      return report;
    },
    async explain(text, options = {}) {
      const found = explainText(text);
      if (found.length === 0 || options.trusted === false) return { explanations: found, attributed: false };
      const m = await model({ ...options, commandTimeoutMs: options.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS });
      return { explanations: attributeExplanations(found, m), attributed: true };
    },
    async setupModel(options = {}) {
      const docker = options.dockerPath || DEFAULT_TOOL_PATHS.docker;
      const timeoutMs = options.commandTimeoutMs ?? 10_000;
      const runCommands = options.trusted !== false && !options.filesOnly;
      // Discovery without the reachability check: setup changes the proxies, it does not judge them.
      const obs = await discover(machine, { tools: { docker, systemctl: options.systemctlPath || DEFAULT_TOOL_PATHS.systemctl }, timeoutMs, runCommands });
      const m = buildStatusModel(obs, options.vscodeProxy);
      const context: SetupContext = { dockerfiles: [...(options.dockerfiles ?? [])], composeServices: [...(options.composeServices ?? [])], builderInspects: [] };
      if (runCommands) {
        for (const b of (m.builder?.all ?? []).filter((x) => x.driver === 'docker-container')) {
          const r = await machine.exec(docker, ['buildx', 'inspect', b.name], { timeoutMs });
          if (r.exitCode === 0) context.builderInspects!.push({ name: b.name, stdout: r.stdout });
        }
      }
      return { model: m, context };
    },
    plan: (m, input, context) => planSetup(m, input, context),
  };
}
