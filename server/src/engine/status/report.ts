// Shapes of the Proxy Status report and the connectivity report: produced by the engine, sent by the server
// (`dockerProxy/status`, `dockerProxy/testConnectivity`), printed by the CLI, drawn by the VS Code client.
// Every value in them is already masked: no adapter has to remember to mask.

export type Health = 'ok' | 'warning' | 'error' | 'unknown';

/** The Docker proxy layers (facts §0), plus VS Code's own proxy setting. */
export type LayerId = 'vscode' | 'cli-shell' | 'client-config' | 'daemon' | 'builder' | 'build-args';

/** Where a value or finding comes from. `path`/`line` (0-based) make it clickable. */
export interface StatusSource {
  kind: 'file' | 'command' | 'env' | 'setting';
  /** Human label: `/etc/docker/daemon.json:3`, `docker info`, `environment HTTPS_PROXY`, `http.proxy`. */
  label: string;
  path?: string;
  line?: number;
}

export interface StatusValue {
  /** Name as written at the source: `HTTPS_PROXY`, `https-proxy`, `httpsProxy`, `http.proxy`. */
  name: string;
  variable: 'http' | 'https' | 'no' | 'all' | 'ftp' | 'socks' | 'other';
  /** Masked value (`http://bob:xxxxx@proxy:3128`). */
  value: string;
  source: StatusSource;
  health: Health;
  /** Another source of the same layer wins over this one (e.g. daemon.json over a drop-in). */
  overridden?: boolean;
  /** Short explanation shown as the tooltip/description: which source wins and why, what is wrong. */
  note?: string;
}

export interface StatusFinding {
  /** Rule-like id from the facts sheet (`SV001`, `SV004`, `DJ008`) so "explain" can open its page. */
  id: string;
  severity: 'error' | 'warning' | 'info';
  layer: LayerId;
  /** One short line for a list of problems: what is wrong, in which layer (`Proxy 127.0.0.1:3128 refuses connections (daemon)`). */
  title: string;
  /** The details; `action` is the next step. */
  message: string;
  /** Names of the layer's values this finding is about (`https_proxy`): their health follows the finding. */
  about?: string[];
  /** Where the finding belongs (a diagnostic is shown there when it is a file) and the other layer(s) involved. */
  source?: StatusSource;
  related?: StatusSource[];
  /** The next step, for example `sudo systemctl restart docker`. */
  action?: string;
  /**
   * A lint finding of a file the status read (DJ002 in /etc/docker/daemon.json …), repeated here so the layer's health
   * and the counts include it. Editors already show it as a diagnostic of that file: do not publish it again.
   */
  lint?: boolean;
  /**
   * A command that repairs it (an editor command with its arguments; the server adds it for findings that one setup
   * step fixes). Views show it as an inline "Fix".
   */
  fix?: { command: string; title?: string; arguments?: unknown[] };
}

export interface StatusNote {
  text: string;
  health: Health;
  source?: StatusSource;
}

export interface StatusLayer {
  id: LayerId;
  title: string;
  health: Health;
  /** One line for the tree item's description, e.g. `http + https, no NO_PROXY`, `not running`. */
  summary: string;
  values: StatusValue[];
  notes: StatusNote[];
  findings: StatusFinding[];
}

/** What became of Docker when the status was gathered; drives the view's welcome content. */
export type DockerState = 'ok' | 'not-installed' | 'daemon-down' | 'permission-denied' | 'timeout' | 'not-checked' | 'error';

export interface CommandRun {
  /** The command line as run (executable + args), for the log and the tooltip. */
  command: string;
  durationMs: number;
  /** `ok`, `exit 1`, `timed out after 5 s`, `not found` … */
  outcome: string;
}

export interface ProxyStatusReport {
  /** ISO time. */
  generatedAt: string;
  health: Health;
  counts: { error: number; warning: number; info: number };
  docker: {
    state: DockerState;
    /** Why, with the next step, when state is not `ok`. */
    message?: string;
    serverVersion?: string;
    operatingSystem?: string;
    desktop?: boolean;
    rootless?: boolean;
    context?: string;
    host?: string;
    /** The engine behind the context (engines/recognise.ts): `desktop`, `colima`, `engine-rootless` …, and why. */
    engine?: { kind: string; label: string; evidence: string[] };
  };
  /** True when no proxy is configured in any layer (welcome content "no configuration"). */
  noConfiguration: boolean;
  layers: StatusLayer[];
  /** All findings of all layers, worst first. */
  findings: StatusFinding[];
  commands: CommandRun[];
}

// ---- Connectivity test ----------------------------------------------------------------------------------------

export type ProbePhaseName = 'dns' | 'tcp' | 'connect' | 'tls' | 'registry' | 'token';

export interface ProbePhase {
  name: ProbePhaseName;
  ok: boolean;
  durationMs: number;
  /** `CONNECT registry-1.docker.io:443 -> 200`, `401 Bearer realm=https://auth.docker.io/token` … (masked). */
  detail: string;
}

export type ProbeOutcome = 'ok' | 'fail' | 'timeout' | 'unreachable' | 'skipped' | 'cancelled';

export interface ProbeResult {
  layer: LayerId;
  /** `registry-1.docker.io` or `host:port`. */
  registry: string;
  /** Masked proxy URL used, when any. */
  proxy?: string;
  route: 'proxy' | 'direct' | 'not-probed';
  /** Why proxy or direct, in the consumer's NO_PROXY semantics: `NO_PROXY entry .corp matches (Go)`. */
  noProxyDecision: string;
  outcome: ProbeOutcome;
  /** Id in the cause catalog (engine/causes) when it failed. */
  causeId?: string;
  cause?: string;
  action?: string;
  phases: ProbePhase[];
  durationMs: number;
  /** Who makes this request: `dockerd`, `docker CLI / buildx (this shell)` … */
  consumer?: string;
  /** Extra information that is not a failure: the token realm's route, Basic auth, why a layer was not probed. */
  note?: string;
  /** Set on the result of the opt-in deep test (`docker pull`), which runs next to the daemon layer's probe. */
  deep?: boolean;
  /** Where the consumer's network stack is: `the host`, `the BuildKit container's own network namespace` … */
  namespace?: string;
  /** Set when this host probed for a consumer that runs elsewhere: why the result is only a model. */
  modelled?: string;
  /** Where this layer's values come from (masked): `docker info (password from /etc/systemd/…/proxy.conf:2)`. */
  source?: string;
  /**
   * On a probe whose layer Docker itself also tested (the deep test): whether they agree. When they do not, Docker's
   * result wins and `worst` follows it.
   */
  verdict?: 'agrees' | 'docker-disagrees';
}

export interface ConnectivityReport {
  generatedAt: string;
  registries: string[];
  results: ProbeResult[];
  /** Wall time of the whole run. */
  durationMs: number;
  worst: Health;
  /** Per-probe timeout used, in ms. */
  timeoutMs?: number;
  /** Layers that were not probed and why (no input for them, e.g. the builder without `docker buildx inspect`). */
  notProbed?: Array<{ layer: LayerId; reason: string }>;
  /** Problems with the run itself (an extra CA file that could not be read …), masked. */
  warnings?: string[];
}
