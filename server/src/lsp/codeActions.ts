// Generic code actions: everything comes from `diagnostic.data` (rule id, version, where the rules' fixes are) plus the suppression
// edits of engine/suppress.ts. Per finding: its fixes, disable for this line / file (comment formats only),
// disable in settings, show docs. Plus `source.fixAll.dockerProxyDoctor` for all safe fixes at once.
import { CodeAction, CodeActionKind, type Command, type Diagnostic, type TextEdit as LspTextEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import { maskCredentials, type FileKind, type Fix, type TextEdit } from '../engine';
import { canSuppressInline, disableForFileEdit, disableForLineEdit } from '../engine/suppress';
import { Commands, FIX_ALL_KIND, type DiagnosticData } from '../shared/protocol';
import { dataOf } from './diagnostics';

export interface ActionContext {
  uri: string;
  text: string;
  version: number;
  kind: FileKind;
  diagnostics: readonly Diagnostic[];
  /** `context.only` of the request. */
  only?: readonly string[];
  /** Client supports versioned `documentChanges` in a WorkspaceEdit. */
  documentChanges: boolean;
  /** Computes the fix-all edit on demand (lints the current text with the document's settings). */
  fixAll: () => TextEdit | undefined;
  /** The fixes of one diagnostic, kept by the server under its `fixIndex`. */
  fixesOf: (data: DiagnosticData) => readonly Fix[];
}

export function workspaceEdit(uri: string, version: number | undefined, edits: readonly TextEdit[], documentChanges: boolean): WorkspaceEdit {
  const lspEdits = edits.map((e) => ({ range: e.range, newText: e.newText })) as LspTextEdit[];
  if (documentChanges && version !== undefined) {
    return { documentChanges: [{ textDocument: { uri, version }, edits: lspEdits }] };
  }
  return { changes: { [uri]: lspEdits } };
}

/** True when an action of `kind` is wanted by `only` (kinds are hierarchical: `source` covers `source.fixAll.x`). */
export function kindWanted(kind: string, only: readonly string[] | undefined): boolean {
  if (!only || only.length === 0) return true;
  return only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

export function codeActions(ctx: ActionContext): CodeAction[] {
  const actions: CodeAction[] = [];
  const wantQuickFix = kindWanted(CodeActionKind.QuickFix, ctx.only);
  if (wantQuickFix) {
    const fixActions: CodeAction[] = [];
    const lineActions: CodeAction[] = [];
    const ruleActions: CodeAction[] = [];
    const seenLine = new Set<string>();
    const seenRule = new Set<string>();
    for (const diagnostic of ctx.diagnostics) {
      const data = dataOf(diagnostic);
      if (!data) continue;
      const id = data.ruleId;
      // Fixes were computed for one version of the text; offered only while the document still has that version.
      const fresh = data.version === undefined || data.version === ctx.version;
      if (fresh) {
        let preferred = false;
        for (const fix of ctx.fixesOf(data)) {
          if (fix.edits.length === 0) continue;
          const action = CodeAction.create(maskCredentials(fix.title), workspaceEdit(ctx.uri, data.version ?? ctx.version, fix.edits, ctx.documentChanges), CodeActionKind.QuickFix);
          action.diagnostics = [diagnostic];
          if (fix.safe && !preferred) {
            action.isPreferred = true;
            preferred = true;
          }
          fixActions.push(action);
        }
      }
      const line = diagnostic.range.start.line;
      if (canSuppressInline(ctx.kind) && !seenLine.has(`${id}:${line}`)) {
        seenLine.add(`${id}:${line}`);
        const edit = disableForLineEdit(ctx.text, ctx.kind, id, line);
        if (edit) {
          const action = CodeAction.create(`Disable ${id} for this line`, workspaceEdit(ctx.uri, ctx.version, [edit], ctx.documentChanges), CodeActionKind.QuickFix);
          action.diagnostics = [diagnostic];
          lineActions.push(action);
        }
      }
      if (seenRule.has(id)) continue;
      seenRule.add(id);
      if (canSuppressInline(ctx.kind)) {
        const edit = disableForFileEdit(ctx.text, ctx.kind, id);
        if (edit) {
          const action = CodeAction.create(`Disable ${id} for this file`, workspaceEdit(ctx.uri, ctx.version, [edit], ctx.documentChanges), CodeActionKind.QuickFix);
          action.diagnostics = [diagnostic];
          ruleActions.push(action);
        }
      }
      const settings: Command = { title: `Disable ${id} in settings`, command: Commands.disableRuleInSettings, arguments: [id, ctx.uri] };
      const settingsAction = CodeAction.create(settings.title, settings, CodeActionKind.QuickFix);
      settingsAction.diagnostics = [diagnostic];
      ruleActions.push(settingsAction);
      const docs: Command = { title: `Show documentation for ${id}`, command: Commands.showRuleDocs, arguments: [id] };
      const docsAction = CodeAction.create(docs.title, docs, CodeActionKind.QuickFix);
      docsAction.diagnostics = [diagnostic];
      ruleActions.push(docsAction);
    }
    actions.push(...fixActions, ...lineActions, ...ruleActions);
  }
  // Source action: only on request (on save, "Source Action…"), never in the light bulb.
  if (ctx.only && ctx.only.length > 0 && kindWanted(FIX_ALL_KIND, ctx.only)) {
    const edit = ctx.fixAll();
    if (edit) {
      const action = CodeAction.create('Fix all safe Docker Proxy Doctor problems', workspaceEdit(ctx.uri, ctx.version, [edit], ctx.documentChanges), FIX_ALL_KIND);
      actions.push(action);
    }
  }
  return actions;
}
