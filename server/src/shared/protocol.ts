// The protocol between the language server, the VS Code client and the CLI: settings shape, diagnostic data, the
// custom requests with their parameters and answers. The engine never imports this module: it defines the report
// shapes it produces (engine/status/report.ts, engine/causes) and this module re-exports them as the answers.
import type { SeveritySetting } from '../engine/findingTypes';
import type { MachineOptions } from '../engine/machine';
import type { SetupInput, SetupLayer, SetupPlan } from '../engine/setup';

export const EXTENSION_ID = 'docker-proxy-doctor.docker-proxy-doctor';
/** Settings section: `dockerProxyDoctor.*` in VS Code; the same object (without the prefix) in the CLI's --config file. */
export const SETTINGS_SECTION = 'dockerProxyDoctor';
/** `source` of every diagnostic, so ours stay distinguishable next to Docker DX, Container Tools and hadolint. */
export const DIAGNOSTIC_SOURCE = 'docker-proxy-doctor';

/** Extra globs per kind, on top of the built-in locations (facts §1, §3, §9); one key per kind, from the registry. */
import type { FileGlobs } from '../engine/fileKinds';
export type { FileGlobs };

export interface DoctorSettings {
  enable: boolean;
  /** Severity override per rule id (`DJ001`) or name: off | info | warning | error. */
  rules: Record<string, SeveritySetting>;
  files: FileGlobs;
}

export const DEFAULT_SETTINGS: DoctorSettings = { enable: true, rules: {}, files: {} };

/** Stored in `Diagnostic.data`: everything the generic code-action handler needs, computed with the finding. */
export interface DiagnosticData {
  ruleId: string;
  ruleName: string;
  /**
   * Index of the finding in the server's last lint of this document version, when it has fixes. The fixes stay on
   * the server (a proxy-heavy file has a few hundred, and every publish would carry them); code actions look them up.
   */
  fixIndex?: number;
  /** Document version the fixes were computed for; the server offers them only while the document is unchanged. */
  version?: number;
}

/** `initializationOptions` the server understands (all optional). */
export interface InitializationOptions {
  /** Settings for clients without the `workspace/configuration` capability. */
  settings?: Partial<DoctorSettings>;
  /** Optional quiet period between the last change of a document and its lint, in ms (default 0: lint at once). */
  debounceMs?: number;
}

/** Code action kind of "fix all safe problems" (on save: `editor.codeActionsOnSave`). */
export const FIX_ALL_KIND = 'source.fixAll.dockerProxyDoctor';

/** Client command ids (the server's code actions reference them). */
export const Commands = {
  showRuleDocs: 'dockerProxyDoctor.showRuleDocs',
  disableRuleInSettings: 'dockerProxyDoctor.disableRuleInSettings',
  fixAll: 'dockerProxyDoctor.fixAll',
  /** "Set Up Proxy…" (client/src/setup/setupCommand.ts); takes `{ layers }` to set only those layers. */
  setupProxy: 'dockerProxyDoctor.setupProxy',
} as const;

export type { ProxyStatusReport, ConnectivityReport, ProbeResult, StatusLayer, StatusValue, StatusFinding, LayerId, Health } from '../engine/status/report';
export type { AttributedExplanation, MachineAttribution } from '../engine/causes/attribute';
import type { AttributedExplanation } from '../engine/causes/attribute';
import type { LayerId } from '../engine/status/report';

/** Custom requests (any LSP client may send them; VS Code's client does for the Proxy Status view and the test). */
export const Requests = {
  /** `dockerProxy/status`: every proxy layer of this machine (params: StatusRequestParams). */
  status: 'dockerProxy/status',
  /** `dockerProxy/testConnectivity`: probe registries through each layer's proxy (params: ConnectivityRequestParams). */
  testConnectivity: 'dockerProxy/testConnectivity',
  /**
   * `dockerProxy/explain`: explain Docker errors in a text, attributed to this machine's layers (params:
   * ExplainRequestParams; answer: ExplainResponse).
   */
  explain: 'dockerProxy/explain',
  /**
   * `dockerProxy/plan`: the "Set Up Proxy…" plan for this machine (params: SetupPlanParams; answer: SetupPlanResponse).
   * Without `input`, only what the questions are pre-filled with. Writing the plan stays with the client.
   */
  plan: 'dockerProxy/plan',
} as const;

export interface SetupPlanParams extends MachineParams {
  /** The user's answers; absent when the client only asks for the pre-filled values. */
  input?: SetupInput;
  /** Workspace files the client read: Dockerfiles to clean, Compose service names for NO_PROXY. */
  dockerfiles?: Array<{ path: string; text: string }>;
  composeServices?: string[];
  /**
   * One "Set Up Proxy…" run: its requests share one reading of the machine (the questions are pre-filled from the
   * model the plan is made on). A new run, or no session, reads the machine again.
   */
  session?: string;
}

export interface SetupPlanResponse {
  /** NO_PROXY pre-filled from the daemon's registries and mirrors and the Compose services. */
  noProxy: string[];
  /** Layers this machine has (the ones pre-selected). */
  layers: SetupLayer[];
  /** The plan, when `input` was given and valid. It holds the password in file texts: the client masks what it shows. */
  plan?: SetupPlan;
  /** Why there is no plan for this input (a proxy URL that cannot be used …), masked. */
  error?: string;
}

export interface ExplainRequestParams extends MachineParams {
  /** The error output (a terminal selection, a log); at most 1 MiB is read. */
  text: string;
}

export interface ExplainResponse {
  explanations: AttributedExplanation[];
  /** False when the machine could not be asked (untrusted workspace): explanations from the text alone. */
  attributed: boolean;
}

/**
 * What the client tells the server about this machine for a status or connectivity request. Executable paths come
 * from user or machine settings only (the client reads them with `inspect()` and ignores workspace values), so an
 * untrusted repository can never choose what runs. A client that sends nothing gets `docker`/`systemctl` from PATH.
 */
export interface MachineParams extends MachineOptions {
  /** Path of the docker CLI (user/machine setting `dockerProxyDoctor.dockerPath`). */
  dockerPath?: string;
  /** Path of systemctl (user/machine setting `dockerProxyDoctor.systemctlPath`). */
  systemctlPath?: string;
  /** Per-command timeout in ms (setting `dockerProxyDoctor.commandTimeoutSeconds`). */
  commandTimeoutMs?: number;
  /** False in an untrusted workspace: no external command runs, files and environment only. */
  trusted?: boolean;
}

export type StatusRequestParams = MachineParams;

export interface ConnectivityRequestParams extends MachineParams {
  /** Registries as `host[:port]`; default Docker Hub (registry-1.docker.io, token realm auth.docker.io). */
  registries?: string[];
  /** Per-probe timeout in ms (default 5000). */
  timeoutMs?: number;
  /** PEM files of extra CAs to trust (setting `dockerProxyDoctor.connectivity.caFiles`, NODE_EXTRA_CA_CERTS is always read). */
  caFiles?: string[];
  /** Opt-in deep test of the daemon layer: `docker pull` of a small image, with a timeout. */
  deep?: boolean;
  /** Only these layers (default: all). */
  layers?: LayerId[];
  /** Token echoed in `dockerProxy/connectivityProgress` notifications for this run. */
  progressToken?: string;
}

/** Server -> client notification while a connectivity test runs. */
export const CONNECTIVITY_PROGRESS = 'dockerProxy/connectivityProgress';
export interface ConnectivityProgress {
  progressToken?: string;
  /** Probes finished so far and in all. */
  done: number;
  total: number;
  /** `daemon → registry-1.docker.io: ok (412 ms)`. */
  message: string;
}
