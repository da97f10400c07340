// The extension activates for any JSON, YAML or shell file (so that /etc/docker/daemon.json opened on its own, with no
// folder, is linted), but the language server starts only when there is work for it: a Docker file is open, the
// workspace holds one, the Proxy Status view is shown, extra file globs are configured, or one of our commands runs.
// An ordinary package.json therefore costs a few regex tests, not a server process.
import * as vscode from 'vscode';
import { detectKind } from '../../server/src/engine/detect';
import { kindOfLanguage, workspaceGlobs } from '../../server/src/engine/fileKinds';
import { SETTINGS_SECTION } from '../../server/src/shared/protocol';
import { LANGUAGES, type ServerController } from './languageClient';

/** The file names the workspace is searched for (the same as the workspaceContains activation events). */
const DOCKER_FILES_GLOB = `{${workspaceGlobs().join(',')}}`;

/** True when the server would lint this document (by language, or by path and content as the server decides). */
export function isDockerDocument(document: vscode.TextDocument): boolean {
  const { scheme } = document.uri;
  if (scheme !== 'file' && scheme !== 'untitled') return false;
  // A language that always means one of our kinds (the server may still find nothing in the document).
  if (kindOfLanguage(document.languageId)) return true;
  if (scheme !== 'file' || !LANGUAGES.includes(document.languageId)) return false;
  // detectKind reads at most the first 200,000 characters of the content.
  return detectKind(document.uri.fsPath, document.getText()) !== undefined;
}

function hasExtraGlobs(): boolean {
  const files = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<Record<string, unknown>>('files') ?? {};
  return Object.values(files).some((globs) => Array.isArray(globs) && globs.length > 0);
}

export function startWhenNeeded(server: ServerController, view: vscode.TreeView<unknown>): vscode.Disposable {
  const start = (why: string) => {
    if (server.hasStarted) return;
    server.output.info(`starting the language server: ${why}`);
    void server.ensureStarted();
  };
  const consider = (document: vscode.TextDocument) => {
    if (!server.hasStarted && isDockerDocument(document)) start(`${document.uri.scheme === 'file' ? document.uri.fsPath : 'an untitled file'} is a Docker file`);
  };
  const subs: vscode.Disposable[] = [
    vscode.workspace.onDidOpenTextDocument(consider),
    view.onDidChangeVisibility((e) => { if (e.visible) start('the Proxy Status view is shown'); }),
    vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration(`${SETTINGS_SECTION}.files`) && hasExtraGlobs()) start('extra file globs are set'); }),
  ];
  vscode.workspace.textDocuments.forEach(consider);
  if (view.visible) start('the Proxy Status view is shown');
  if (hasExtraGlobs()) start('extra file globs are set');
  if (!server.hasStarted) {
    server.output.info('language server idle: it starts when a Docker file is opened or the Proxy Status view is shown');
    vscode.workspace.findFiles(DOCKER_FILES_GLOB, '**/node_modules/**', 1).then(
      (found) => { if (found.length > 0) start(`the workspace has Docker files (${vscode.workspace.asRelativePath(found[0])})`); },
      () => undefined,
    );
  }
  return vscode.Disposable.from(...subs);
}
