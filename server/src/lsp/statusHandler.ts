// `dockerProxy/status` for any LSP client, and the status findings shown as diagnostics in the files they belong to.
// Discovery runs off the lint path: lint only reads the last finished report, so a hanging `docker` (bounded by the
// per-command timeout anyway) never delays diagnostics. A save of a Docker file re-runs the status with the
// parameters of the client's last request (its trust and executable paths), never with defaults of our own.
import { DiagnosticSeverity, type Connection, type Diagnostic, type DiagnosticRelatedInformation, type Range } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ProxyStatusReport, StatusFinding, StatusSource } from '../engine/status/report';
import type { SeveritySetting } from '../engine/findingTypes';
import { docsUrl, maskCredentials } from '../engine';
import type { Doctor } from '../engine/doctor';
import { Commands, DIAGNOSTIC_SOURCE, type StatusRequestParams } from '../shared/protocol';
import { uriToPath } from './paths';
// Where a finding is shown is where a comment suppresses it: one rule, in the engine.
import { findingAnchor as anchorOf } from '../engine/status/findingSettings';

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;
const LAYER_NAMES: Record<string, string> = { vscode: 'VS Code', 'cli-shell': 'CLI shell', 'client-config': 'client config.json', daemon: 'daemon', builder: 'builder', 'build-args': 'build steps' };
/** Re-run delay after a save, so that "save all" of several files runs discovery once. */
const SAVE_DEBOUNCE_MS = 500;

/** Only what may be passed on: the params are the client's word on trust and executables. */
export function sanitize(params: unknown): StatusRequestParams {
  const p = (params && typeof params === 'object' ? params : {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
  const vs = p.vscodeProxy && typeof p.vscodeProxy === 'object' ? p.vscodeProxy as Record<string, unknown> : undefined;
  return {
    dockerPath: str(p.dockerPath),
    systemctlPath: str(p.systemctlPath),
    commandTimeoutMs: typeof p.commandTimeoutMs === 'number' && Number.isFinite(p.commandTimeoutMs) && p.commandTimeoutMs > 0 ? p.commandTimeoutMs : undefined,
    trusted: p.trusted !== false,
    vscodeProxy: vs ? {
      proxy: str(vs.proxy),
      noProxy: Array.isArray(vs.noProxy) ? vs.noProxy.filter((x): x is string => typeof x === 'string') : undefined,
      strictSSL: typeof vs.strictSSL === 'boolean' ? vs.strictSSL : undefined,
    } : undefined,
  };
}

function lineRange(document: TextDocument, line: number | undefined): Range {
  const l = Math.min(Math.max(line ?? 0, 0), Math.max(document.lineCount - 1, 0));
  const text = document.getText({ start: { line: l, character: 0 }, end: { line: l + 1, character: 0 } }).replace(/\r?\n$/, '');
  const indent = text.length - text.trimStart().length;
  return { start: { line: l, character: indent }, end: { line: l, character: text.length } };
}

export class ServerStatusCache {
  private report: ProxyStatusReport | undefined;
  private lastParams: StatusRequestParams | undefined;
  private inFlight: { key: string; promise: Promise<ProxyStatusReport> } | undefined;
  /** The run that starts when the running one ends (requests that came in while it ran). */
  private queued: { key: string; promise: Promise<ProxyStatusReport> } | undefined;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  /** Paths that had status diagnostics in the last report, so they can be cleared when a newer report has none. */
  private shownPaths = new Set<string>();

  constructor(
    /** The machine the status examines (given by the server's entry). */
    private readonly doctor: Doctor,
    private readonly logError: (where: string, error: unknown) => void,
    /** Asks the server to re-publish the diagnostics of these open documents (lint + status). */
    private readonly republish: (paths: ReadonlySet<string>) => void,
    /** `dockerProxyDoctor.rules`: status findings obey them like lint findings. */
    private readonly rules: () => Promise<Readonly<Record<string, SeveritySetting>>> = async () => ({}),
  ) {}

  register(connection: Connection, method: string): void {
    connection.onRequest(method, async (params: unknown) => {
      try {
        return await this.run(sanitize(params));
      } catch (error) {
        this.logError('status', error);
        throw new Error(maskCredentials(`status failed: ${error instanceof Error ? error.message : String(error)}`));
      }
    });
  }

  /**
   * One discovery at a time. A request never shares a discovery that is already reading the machine: that one may
   * have read a file before it changed, and this request may be the one sent because of the change (a file watcher,
   * a save, Refresh). It waits for it and then runs its own; requests that arrive meanwhile with the same
   * parameters share that queued run.
   */
  run(params: StatusRequestParams): Promise<ProxyStatusReport> {
    this.lastParams = params;
    return this.rules().catch(() => ({})).then((rules) => {
      const key = JSON.stringify([params, rules]);
      if (this.queued?.key === key) return this.queued.promise;
      const running = this.inFlight?.promise;
      if (!running) return this.start(key, params, rules);
      const queued: { key: string; promise: Promise<ProxyStatusReport> } = {
        key,
        promise: running.catch(() => undefined).then(() => {
          if (this.queued === queued) this.queued = undefined;
          return this.start(key, params, rules);
        }),
      };
      this.queued = queued;
      return queued.promise;
    });
  }

  private start(key: string, params: StatusRequestParams, rules: Readonly<Record<string, SeveritySetting>>): Promise<ProxyStatusReport> {
    const run = this.compute(params, rules);
    this.inFlight = { key, promise: run };
    return run;
  }

  private compute(params: StatusRequestParams, rules: Readonly<Record<string, SeveritySetting>>): Promise<ProxyStatusReport> {
    const promise = this.doctor.status({ ...params, rules }).then((computed) => {
      const report = withSetupFixes(computed);
      this.setReport(report);
      return report;
    }).finally(() => {
      if (this.inFlight?.promise === promise) this.inFlight = undefined;
    });
    return promise;
  }

  /** A Docker file was saved: refresh, when a client has asked for the status before (it gave us its trust). */
  documentSaved(): void {
    if (!this.lastParams) return;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      if (this.lastParams) this.run(this.lastParams).catch((error) => this.logError('status after save', error));
    }, SAVE_DEBOUNCE_MS);
  }

  /** The settings changed (`dockerProxyDoctor.rules` decides status findings too): refresh as after a save. */
  settingsChanged(): void {
    this.documentSaved();
  }

  dispose(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
  }

  private setReport(report: ProxyStatusReport): void {
    this.report = report;
    const paths = new Set<string>();
    for (const f of report.findings) {
      const a = !f.lint ? anchorOf(f) : undefined;
      if (a?.path) paths.add(a.path);
    }
    const affected = new Set([...this.shownPaths, ...paths]);
    this.shownPaths = paths;
    if (affected.size) this.republish(affected);
  }

  /** Status findings that belong to this document (lint findings of the report are already lint diagnostics). */
  diagnosticsFor(uri: string, document: TextDocument): Diagnostic[] {
    if (!this.report || !this.shownPaths.size) return [];
    const path = uriToPath(uri);
    if (!this.shownPaths.has(path)) return [];
    const result: Diagnostic[] = [];
    for (const f of this.report.findings) {
      if (f.lint) continue;
      const anchor = anchorOf(f);
      if (!anchor || anchor.path !== path) continue;
      const range = lineRange(document, anchor.line);
      const related: DiagnosticRelatedInformation[] = [];
      for (const other of [f.source, ...(f.related ?? [])]) {
        if (!other || other === anchor) continue;
        const layerNote = `${LAYER_NAMES[f.layer] ?? f.layer} layer: ${other.label}`;
        if (other.kind === 'file' && other.path) {
          related.push({ location: { uri: pathToUri(other.path), range: { start: { line: other.line ?? 0, character: 0 }, end: { line: other.line ?? 0, character: 0 } } }, message: maskCredentials(layerNote) });
        } else {
          // Not a file (a command, the environment): point back here and name it, so the other layer is still visible.
          related.push({ location: { uri, range }, message: maskCredentials(layerNote) });
        }
      }
      result.push({
        range,
        severity: SEVERITY[f.severity],
        code: f.id,
        codeDescription: { href: docsUrl(f.id) },
        source: DIAGNOSTIC_SOURCE,
        message: maskCredentials(f.action ? `${f.message} Next: ${f.action}` : f.message),
        // The same code actions as a lint finding: disable for this line or file (a comment the status honours), in settings, docs.
        data: { ruleId: f.id, ruleName: f.id },
        ...(related.length ? { relatedInformation: related } : {}),
      });
    }
    return result;
  }
}

function pathToUri(path: string): string {
  const p = path.replace(/\\/g, '/');
  return 'file://' + (p.startsWith('/') ? '' : '/') + p.split('/').map(encodeURIComponent).join('/').replace(/^\/([A-Za-z])%3A/, '/$1:');
}

/**
 * Findings that one step of "Set Up Proxy…" repairs, and the layers that step sets. The view shows them as an inline
 * "Fix" that opens the same preview as the command, limited to those layers.
 */
const SETUP_FIXES: Readonly<Record<string, { layers: string[]; title: string }>> = {
  SV002: { layers: ['builder'], title: 'Recreate the builder with the proxy…' },
  SV019: { layers: ['builder'], title: 'Recreate the builder with a proxy it can reach…' },
  DJ013: { layers: ['daemon'], title: 'Set the daemon\'s proxy to an address it can reach…' },
  CC007: { layers: ['client-config'], title: 'Set config.json\'s proxy to an address containers can reach…' },
  CC008: { layers: ['client-config'], title: 'Set config.json\'s proxy…' },
  SV031: { layers: ['daemon'], title: 'Set the daemon\'s proxy user and password…' },
};

export function withSetupFixes(report: ProxyStatusReport): ProxyStatusReport {
  const add = (f: StatusFinding): StatusFinding => {
    const step = SETUP_FIXES[f.id];
    return step && !f.fix ? { ...f, fix: { command: Commands.setupProxy, title: step.title, arguments: [{ layers: step.layers }] } } : f;
  };
  return { ...report, findings: report.findings.map(add), layers: report.layers.map((l) => ({ ...l, findings: l.findings.map(add) })) };
}
