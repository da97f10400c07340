// The one seam between the engine and the outside world (DESIGN.md "One seam for the machine"). Status discovery and
// the connectivity probes reach files, the environment and programs only through this interface, so tests pass
// fixture trees and recorded command outputs, and the CLI and the language server pass the real machine.

/** How a command ended. `failure` is set when it did not run to an exit code of its own. */
export interface ExecResult {
  /** Exit code, or null when the process never started, timed out or was killed. */
  exitCode: number | null;
  stdout: string;
  stderr: string;
  /**
   * - `not-found`: the executable does not exist (ENOENT): Docker, systemctl … not installed or not on PATH;
   * - `permission`: not allowed to run it (EACCES);
   * - `timeout`: killed after `timeoutMs`;
   * - `error`: any other spawn error (`message` says which).
   */
  failure?: 'not-found' | 'permission' | 'timeout' | 'error';
  message?: string;
  /** The first line the peer answered to `send`, when it answered within the time. */
  firstLine?: string;
  durationMs: number;
}

export interface ExecOptions {
  /** Hard limit; the process is killed when it passes. Every command has one. */
  timeoutMs: number;
  /** Extra environment for the child, on top of `Machine.env`. */
  env?: Readonly<Record<string, string>>;
}

export interface Machine {
  /** The environment the consumer being modelled sees (the extension host's, the CLI's, or a fixture's). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** `linux`, `darwin`, `win32` … as Node names them. */
  readonly platform: string;
  /** The user's home directory. */
  readonly homeDir: string;
  /** Text of a file, or undefined when it does not exist or cannot be read (`readError` tells which). */
  readFile(path: string): Promise<string | undefined>;
  /** Why the last `readFile` of this path returned undefined: `missing`, `permission`, `too-large` or a message. */
  readError?(path: string): string | undefined;
  /** Entry names of a directory, or undefined when it does not exist or cannot be read. */
  readDir(path: string): Promise<string[] | undefined>;
  /** Runs a program without a shell (execFile semantics). Never rejects: failures come back in the result. */
  exec(file: string, args: readonly string[], options: ExecOptions): Promise<ExecResult>;
  /** Milliseconds since some fixed point (injected so tests control time). */
  now(): number;
  /**
   * Opens a TCP connection from this machine to host:port and closes it at once (is a proxy listening?); with `send`,
   * writes it first and returns the first line of the answer (a proxy's status line). Never rejects. Optional: a
   * machine without it (a fixture) gets no reachability check.
   */
  connect?(host: string, port: number, timeoutMs: number, send?: string): Promise<ConnectResult>;
}

export interface ConnectResult {
  ok: boolean;
  /** `refused`, `timeout`, `dns`, `unreachable` or another short reason. */
  failure?: 'refused' | 'timeout' | 'dns' | 'unreachable' | 'error';
  message?: string;
  /** The first line the peer answered to `send`, when it answered within the time. */
  firstLine?: string;
  durationMs: number;
}

/** VS Code's own `http.proxy`, `http.noProxy`, `http.proxyStrictSSL`, when the caller is the extension. */
export interface VsCodeProxySettings { proxy?: string; noProxy?: string[]; strictSSL?: boolean }

/**
 * How the engine may use the machine (the request parameters of the protocol extend this). Executable paths come from
 * user or machine settings only, never from a workspace.
 */
export interface MachineOptions {
  /** Path of the docker CLI. */
  dockerPath?: string;
  /** Path of systemctl. */
  systemctlPath?: string;
  /** Per-command timeout in ms. */
  commandTimeoutMs?: number;
  /** False in an untrusted workspace: no external command runs, files and environment only. */
  trusted?: boolean;
  vscodeProxy?: VsCodeProxySettings;
}

/** Programs the status discovery and the probes may run. Paths come from user or machine settings only. */
export interface ToolPaths {
  docker: string;
  systemctl: string;
}

export const DEFAULT_TOOL_PATHS: ToolPaths = { docker: 'docker', systemctl: 'systemctl' };

/** Default per-command timeout (ms) for status discovery. */
export const DEFAULT_COMMAND_TIMEOUT_MS = 5_000;
