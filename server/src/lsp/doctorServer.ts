// The LSP adapter: documents, settings per resource, versioned diagnostics (linted at once, bursts coalesced), code
// actions, hover and the fix-all command. Everything Docker-specific lives in the engine; this file only moves data.
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type Connection,
  type Diagnostic,
  type Hover,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { maskCredentials, parseDocument, unlintableReason, type FileKind, type Fix, type LintOptions, type ParsedDocument } from '../engine';
import { Commands, DEFAULT_SETTINGS, FIX_ALL_KIND, Requests, SETTINGS_SECTION, type DoctorSettings, type InitializationOptions } from '../shared/protocol';
import { ServerStatusCache } from './statusHandler';
import { codeActions, workspaceEdit } from './codeActions';
import { toDiagnostic } from './diagnostics';
import { documentKind } from './kind';
import { uriToPath } from './paths';
import { SettingsStore, sectionOf } from './clientSettings';
import { registerConnectivity } from './connectivityHandler';
import { registerExplain } from './explainHandler';
import { registerSetupPlan } from './setupPlanHandler';
import type { Doctor } from '../engine/doctor';

/** No fixed delay: a lint costs about a millisecond per thousand lines, and a file without proxies is skipped. */
export const DEFAULT_DEBOUNCE_MS = 0;
/** How often a lint waits for yet another change of the same burst before it runs anyway. */
const MAX_DEFERRALS = 50;

interface DocumentState {
  /** Optional quiet-period timer (only when a client asks for `debounceMs`). */
  timer?: ReturnType<typeof setTimeout>;
  /** Bumped by every change, close and settings change: work begun for an older generation is not published. */
  generation: number;
  /** A lint is waiting for the messages that already arrived to be handled. */
  queued: boolean;
  /** A lint is running (it may be waiting for the client's settings); a change now means one more lint after it. */
  running: boolean;
  /** Whether the last publish for this document had diagnostics (so a later "not ours" clears them). */
  hasDiagnostics: boolean;
}

function describe(error: unknown): string {
  const text = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
  return maskCredentials(text);
}

/** What the server examines: the engine bound to a machine (this one in server.ts, a recorded one in tests). */
export interface ServerServices {
  doctor: Doctor;
}

export function startServer(connection: Connection, services: ServerServices): void {
  const { doctor } = services;
  const documents = new TextDocuments(TextDocument);
  const states = new Map<string, DocumentState>();
  let settings = new SettingsStore(undefined);
  let debounceMs = DEFAULT_DEBOUNCE_MS;
  let hasConfiguration = false;
  let hasDynamicConfigurationChange = false;
  let hasDocumentChanges = false;
  let parsedCache: { uri: string; version: number; kind: FileKind; doc: ParsedDocument } | undefined;
  /**
   * The findings of the last lint, for the code actions that follow it (diagnostics carry only the finding's index).
   * One document only: fixes build their edits when asked (engine/fix.ts), so a finding holds on to its parsed
   * document, and keeping every open document's findings cost more memory than linting again on request.
   */
  let lastLint: { uri: string; version: number; findings: readonly { ruleId: string; fixes: readonly Fix[] }[] } | undefined;

  const logError = (where: string, error: unknown) => {
    try {
      connection.console.error(`[${where}] ${describe(error)}`);
    } catch {
      // the connection may be gone during shutdown
    }
  };

  /** Runs a request handler; any exception is logged (masked) and turns into the fallback result. */
  async function guarded<T>(where: string, fallback: T, body: () => T | Promise<T>): Promise<T> {
    try {
      return await body();
    } catch (error) {
      logError(where, error);
      return fallback;
    }
  }

  // Proxy Status: its own request, off the lint path; its findings join the lint diagnostics of open files.
  const status = new ServerStatusCache(doctor, logError, (paths) => {
    for (const document of documents.all()) if (paths.has(uriToPath(document.uri))) schedule(document.uri);
  }, async () => (await settings.unscoped()).rules);
  status.register(connection, Requests.status);

  function stateOf(uri: string): DocumentState {
    let state = states.get(uri);
    if (!state) {
      state = { generation: 0, queued: false, running: false, hasDiagnostics: false };
      states.set(uri, state);
    }
    return state;
  }

  function kindOf(document: TextDocument, docSettings: DoctorSettings): FileKind | undefined {
    return documentKind(uriToPath(document.uri), document.languageId, document.getText(), docSettings.files);
  }

  function lintOptions(document: TextDocument, docSettings: DoctorSettings): LintOptions {
    return {
      path: uriToPath(document.uri),
      rules: docSettings.rules,
      onRuleError: (ruleId, error) => logError(`rule ${ruleId}`, error),
    };
  }

  function publish(uri: string, diagnostics: Diagnostic[], version?: number): void {
    stateOf(uri).hasDiagnostics = diagnostics.length > 0;
    void connection.sendDiagnostics({ uri, version, diagnostics }).catch((error) => logError('publishDiagnostics', error));
  }

  /** Lints the document as it is now and publishes, unless a newer change arrives while settings are fetched. */
  async function validate(uri: string, generation: number): Promise<void> {
    const document = documents.get(uri);
    const state = states.get(uri);
    if (!document || !state || state.generation !== generation) return;
    const version = document.version;
    const docSettings = await settings.get(uri);
    // A newer change, a close or a settings change arrived while we waited: that work supersedes this one.
    if (state.generation !== generation || documents.get(uri)?.version !== version) return;
    const kind = docSettings.enable ? kindOf(document, docSettings) : undefined;
    if (!kind) {
      if (state.hasDiagnostics) publish(uri, [], version);
      return;
    }
    const findings = doctor.lint(document.getText(), kind, lintOptions(document, docSettings));
    lastLint = { uri, version, findings };
    publish(uri, [...findings.map((f, i) => toDiagnostic(f, version, i)), ...status.diagnosticsFor(uri, document)], version);
  }

  /** Runs one lint; if the document changed meanwhile, queues exactly one more for its latest version. */
  function run(uri: string, state: DocumentState): void {
    if (states.get(uri) !== state) return; // closed meanwhile
    state.running = true;
    const generation = state.generation;
    validate(uri, generation)
      .catch((error) => {
        logError('validate', error);
        if (state.hasDiagnostics) publish(uri, []);
      })
      .finally(() => {
        state.running = false;
        if (state.generation !== generation && states.get(uri) === state) enqueue(uri, state);
      });
  }

  /**
   * Lints soon, at the burst's last version. The RPC layer handles one message per setImmediate turn, so waiting two
   * turns lets every change that has already arrived be applied first; a change during the wait means wait again
   * (at most MAX_DEFERRALS times, so a steady stream still gets linted).
   */
  function enqueue(uri: string, state: DocumentState, deferrals = 0): void {
    state.queued = true;
    const seen = state.generation;
    setImmediate(() => setImmediate(() => {
      if (states.get(uri) !== state) return;
      if (state.generation !== seen && deferrals < MAX_DEFERRALS) {
        enqueue(uri, state, deferrals + 1);
        return;
      }
      state.queued = false;
      run(uri, state);
    }));
  }

  /** A document changed (or its settings did): lint at once unless a lint is already queued or running. */
  function schedule(uri: string): void {
    const state = stateOf(uri);
    state.generation++;
    if (state.queued || state.running) return; // that lint (or the one queued after it) will see this change
    if (debounceMs > 0) {
      if (state.timer) clearTimeout(state.timer);
      state.timer = setTimeout(() => {
        state.timer = undefined;
        if (states.get(uri) === state && !state.queued && !state.running) enqueue(uri, state);
      }, debounceMs);
      return;
    }
    enqueue(uri, state);
  }

  function revalidateAll(): void {
    for (const document of documents.all()) schedule(document.uri);
  }

  /** The document parsed as its kind, or undefined when it is not ours, disabled, or not lintable (binary, huge). */
  async function parsed(uri: string): Promise<{ document: TextDocument; kind: FileKind; doc: ParsedDocument; settings: DoctorSettings } | undefined> {
    const document = documents.get(uri);
    if (!document) return undefined;
    const docSettings = await settings.get(uri);
    if (!docSettings.enable) return undefined;
    const kind = kindOf(document, docSettings);
    if (!kind) return undefined;
    if (parsedCache && parsedCache.uri === uri && parsedCache.version === document.version && parsedCache.kind === kind) {
      return { document, kind, doc: parsedCache.doc, settings: docSettings };
    }
    const text = document.getText();
    if (unlintableReason(text, kind)) return undefined;
    const doc = parseDocument(text, kind, uriToPath(uri));
    parsedCache = { uri, version: document.version, kind, doc };
    return { document, kind, doc, settings: docSettings };
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    hasConfiguration = !!caps.workspace?.configuration;
    hasDynamicConfigurationChange = !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
    hasDocumentChanges = !!caps.workspace?.workspaceEdit?.documentChanges;
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    if (typeof options.debounceMs === 'number' && Number.isFinite(options.debounceMs) && options.debounceMs >= 0) {
      debounceMs = Math.min(options.debounceMs, 10_000);
    }
    settings = new SettingsStore(
      hasConfiguration
        ? (uri) => connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION })
        : undefined,
      (error) => logError('workspace/configuration', error),
    );
    settings.setGlobal(sectionOf(options.settings, SETTINGS_SECTION) ?? options.settings);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        hoverProvider: true,
        executeCommandProvider: { commands: [Commands.fixAll] },
      },
      serverInfo: { name: 'docker-proxy-doctor' },
    };
  });

  connection.onInitialized(() => {
    if (hasConfiguration && hasDynamicConfigurationChange) {
      connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION })
        .catch((error) => logError('register didChangeConfiguration', error));
    }
  });

  connection.onDidChangeConfiguration((params) => {
    try {
      if (!hasConfiguration) {
        const section = sectionOf(params.settings, SETTINGS_SECTION);
        if (section !== undefined) settings.setGlobal(section);
      }
      settings.clear();
      parsedCache = undefined;
      revalidateAll();
      status.settingsChanged();
    } catch (error) {
      logError('didChangeConfiguration', error);
    }
  });

  documents.onDidChangeContent((event) => {
    try {
      schedule(event.document.uri);
    } catch (error) {
      logError('didChange', error);
    }
  });

  documents.onDidSave((event) => {
    try {
      if (kindOf(event.document, DEFAULT_SETTINGS)) status.documentSaved();
    } catch (error) {
      logError('didSave', error);
    }
  });

  documents.onDidClose((event) => {
    const uri = event.document.uri;
    const state = states.get(uri);
    if (state?.timer) clearTimeout(state.timer);
    states.delete(uri);
    if (lastLint?.uri === uri) lastLint = undefined;
    settings.forget(uri);
    if (parsedCache?.uri === uri) parsedCache = undefined;
    void connection.sendDiagnostics({ uri, diagnostics: [] }).catch((error) => logError('publishDiagnostics', error));
  });

  connection.onCodeAction((params) => guarded<CodeAction[]>('codeAction', [], async () => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    const docSettings = await settings.get(document.uri);
    if (!docSettings.enable) return [];
    const kind = kindOf(document, docSettings);
    if (!kind) return [];
    return codeActions({
      uri: document.uri,
      text: document.getText(),
      version: document.version,
      kind,
      diagnostics: params.context.diagnostics,
      only: params.context.only,
      documentChanges: hasDocumentChanges,
      fixAll: () => doctor.fixes(document.getText(), kind, lintOptions(document, docSettings)),
      fixesOf: (data) => {
        if (data.fixIndex === undefined) return [];
        let stored = lastLint;
        if (!stored || stored.uri !== document.uri || stored.version !== data.version) {
          // Another document was linted since, or a lint is still queued: lint this text once; the same text and
          // settings give the same findings in the same order.
          if (data.version !== document.version) return [];
          stored = { uri: document.uri, version: document.version, findings: doctor.lint(document.getText(), kind, lintOptions(document, docSettings)) };
          lastLint = stored;
        }
        const finding = stored.findings[data.fixIndex];
        return finding && finding.ruleId === data.ruleId ? finding.fixes : [];
      },
    });
  }));

  connection.onHover((params) => guarded<Hover | null>('hover', null, async () => {
    const target = await parsed(params.textDocument.uri);
    if (!target) return null;
    const info = doctor.hover(target.doc, params.position);
    if (!info) return null;
    return { contents: { kind: 'markdown', value: maskCredentials(info.markdown) }, range: info.range };
  }));

  connection.onExecuteCommand((params) => guarded<unknown>('executeCommand', null, async () => {
    if (params.command !== Commands.fixAll) return null;
    const uri = params.arguments?.[0];
    if (typeof uri !== 'string') return { applied: false, reason: 'no document uri' };
    const document = documents.get(uri);
    if (!document) return { applied: false, reason: 'document not open' };
    const docSettings = await settings.get(uri);
    const kind = docSettings.enable ? kindOf(document, docSettings) : undefined;
    if (!kind) return { applied: false, reason: 'not a Docker proxy file' };
    const edit = doctor.fixes(document.getText(), kind, lintOptions(document, docSettings));
    if (!edit) return { applied: false, reason: 'nothing to fix' };
    const result = await connection.workspace.applyEdit({
      label: 'Fix all safe Docker Proxy Doctor problems',
      edit: workspaceEdit(uri, document.version, [edit], hasDocumentChanges),
    });
    return { applied: result.applied, reason: result.failureReason };
  }));

  registerConnectivity(connection, doctor, logError);
  registerExplain(connection, doctor);
  registerSetupPlan(connection, doctor);

  connection.onShutdown(() => {
    for (const state of states.values()) if (state.timer) clearTimeout(state.timer);
    states.clear();
    status.dispose();
  });

  documents.listen(connection);
  connection.listen();
}
